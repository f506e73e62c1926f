"""1,000 mutated data files: the store opens each or refuses it with its own error, and the
bytes it was given always survive somewhere in the folder (data file, set-aside copy or backup).
"""

import json
import random

import pytest

from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
from store_helpers import record

CASES = 1000
WEIRD_VALUES = [-1, 14, 201, 10**12, 1e308, "x", "", None, [], {}, True, "3000-01-01T00:00:00+00:00",
                "0001-01-01", "é" * 600, [1, [2, [3]]]]


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("base")
    with SessionRepository(folder) as repo:
        repo.save_sessions([record(f"s{i}", day=i, note=f"session {i} ✓") for i in range(8)])
        repo.save_plan_setup({"level": "beginner", "running_days": [1, 4]})
        repo.save_decision({"id": "d1", "action": "hold", "reason": "pain 5 after"})
    return (folder / DATA_FILE_NAME).read_bytes()


def flip(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 6)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def cut(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randrange(len(raw))]


def splice(raw: bytes, rng: random.Random) -> bytes:
    a, b = sorted(rng.randrange(len(raw)) for _ in range(2))
    at = rng.randrange(len(raw))
    return raw[:at] + raw[a:b] + raw[at:]


def change_field(raw: bytes, rng: random.Random) -> bytes:
    doc = json.loads(raw)
    table = rng.choice(list(doc))
    docs = doc[table]
    if not docs:
        return raw
    target = docs[rng.choice(list(docs))]
    if "sets" in target and target["sets"] and rng.random() < 0.5:
        target = rng.choice(target["sets"])
    key = rng.choice(list(target))
    if rng.random() < 0.2:
        del target[key]
    else:
        target[key] = rng.choice(WEIRD_VALUES)
    if rng.random() < 0.1:
        doc[table] = rng.choice(WEIRD_VALUES)          # a whole table of the wrong type
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8")


MUTATIONS = [flip, cut, splice, change_field]


def test_mutated_files_never_crash_the_store_or_lose_their_bytes(base_file, tmp_path):
    rng = random.Random(20261125)
    outcomes = {"opened clean": 0, "repaired": 0, "refused": 0, "read-only": 0}
    for case in range(CASES):
        folder = tmp_path / f"case{case}"
        folder.mkdir()
        mutated = rng.choice(MUTATIONS)(base_file, rng)
        (folder / DATA_FILE_NAME).write_bytes(mutated)
        try:
            repo = SessionRepository(folder)
        except StoreError as exc:
            outcomes["refused"] += 1
            assert str(exc)
            assert (folder / DATA_FILE_NAME).read_bytes() == mutated
            continue
        except Exception as exc:  # anything else is a bug: say which file did it
            raise AssertionError(f"case {case}: {type(exc).__name__}: {exc}\n{mutated[:300]!r}")
        with repo:
            assert all(s.id for s in repo.sessions())
            if repo.read_only:
                outcomes["read-only"] += 1
            elif repo.report.repaired:
                outcomes["repaired"] += 1
                assert repo.report.summary()
            else:
                outcomes["opened clean"] += 1
        kept = [p.read_bytes() for p in folder.rglob("*.json")]
        assert mutated in kept, f"case {case}: the given bytes were overwritten"
        # Whatever was repaired now opens cleanly.
        with SessionRepository(folder) as again:
            assert not again.report.repaired or again.read_only, (case, again.report.problems)
    assert sum(outcomes.values()) == CASES
    assert outcomes["repaired"] > 100 and outcomes["opened clean"] > 10, outcomes
