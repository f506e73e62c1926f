"""1,000 mutated data files: the store opens each or refuses it with its own error, the
bytes it was given always survive somewhere in the folder (data file, set-aside copy or
backup), no temporary file is left, and what was repaired opens clean and equal the next
time. The mutations (tests/fuzz_mutations.py) cover each class of issue 13: values the
validator refuses, huge numbers, year-1 dates, duplicate and odd keys, lone surrogates,
newer and damaged newer files; special files stand in for the data file below. The long
run is benchmarks/store_fuzz.py.
"""

import random
import sys

import pytest

from fuzz_mutations import MUTATIONS, OUTCOMES, WEIGHTS, check_case, special_files
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from store_helpers import record

CASES = 1000


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("base")
    with SessionRepository(folder) as repo:
        repo.save_sessions([record(f"s{i}", day=i, note=f"session {i} ✓") for i in range(8)])
        repo.save_plan_setup({"level": "beginner", "running_days": [1, 4]})
        repo.save_decision({"id": "d1", "action": "hold", "reason": "pain 5 after"})
    return (folder / DATA_FILE_NAME).read_bytes()


def test_mutated_files_never_crash_the_store_or_lose_their_bytes(base_file, tmp_path):
    rng = random.Random(20261125)
    outcomes = dict.fromkeys(OUTCOMES, 0)
    kinds = dict.fromkeys((m.__name__ for m in MUTATIONS), 0)
    for case in range(CASES):
        folder = tmp_path / f"case{case}"
        folder.mkdir()
        mutation = rng.choices(MUTATIONS, WEIGHTS)[0]
        mutated = mutation(base_file, rng)
        kinds[mutation.__name__] += 1
        (folder / DATA_FILE_NAME).write_bytes(mutated)
        outcomes[check_case(folder, mutated, f"case {case} ({mutation.__name__})")] += 1
    assert sum(outcomes.values()) == CASES
    assert all(kinds.values()), kinds
    assert outcomes["repaired"] > 100 and outcomes["opened clean"] > 10, outcomes
    assert outcomes["read-only"] > 10, outcomes       # the newer files
    print(f"\n{CASES} files fuzzed: {outcomes}; mutations: {kinds}")


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file types")
def test_special_files_are_refused_at_once_and_left_as_they_are(tmp_path):
    for label, folder in special_files(tmp_path):
        assert check_case(folder, None, label) == "refused", label
        assert (folder / DATA_FILE_NAME).is_symlink() or (folder / DATA_FILE_NAME).exists()
