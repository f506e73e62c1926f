"""Ways a data file gets damaged or odd, for the quick fuzz test and the long one
(benchmarks/store_fuzz.py). Each takes the bytes of a good file and a Random, and returns
new bytes; ``check_case`` opens a folder the way the app does and says what happened."""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError

WEIRD_VALUES = [-1, 14, 201, 10**12, 1e308, "x", "", None, [], {}, True, "3000-01-01T00:00:00+00:00",
                "0001-01-01", "0001-01-01T00:00:00", "1970-01-01T00:00:00+00:00", "é" * 600,
                [1, [2, [3]]], 526, 10_501, "\ud800", "a\rb", "=1+1"]


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
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def duplicate_key(raw: bytes, rng: random.Random) -> bytes:
    """A document number or a field written twice (a hand edit, a merge tool)."""
    text = raw.decode("utf-8")
    keys = [m for m in re.finditer(r'"(\d+|note|week|id)":', text)]
    m = rng.choice(keys)
    if m.group(1).isdigit():                # a whole document again under the same number
        doc_end = json.JSONDecoder().raw_decode(text, m.end())[1]
        return (text[:doc_end] + "," + text[m.start():doc_end] + text[doc_end:]).encode()
    return (text[:m.start()] + f'"{m.group(1)}":"twice",' + text[m.start():]).encode()


def renumber_key(raw: bytes, rng: random.Random) -> bytes:
    """'7' written '07', or a number no reader takes back as itself."""
    text = raw.decode("utf-8")
    keys = list(re.finditer(r'"(\d+)":\{', text))
    m = rng.choice(keys)
    new = rng.choice(["0" + m.group(1), "٣", "9" * 5000, " 1", "-2"])
    return (text[:m.start()] + f'"{new}":{{' + text[m.end():]).encode()


def lone_surrogate(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8")
    spots = [m.end() for m in re.finditer(r'"(note|title|resistance|reason)":"', text)]
    at = rng.choice(spots)
    half = rng.choice(["\\ud800", "\\uDFFF", "\\udbff\\u0041", "\\\\ud800"])
    return (text[:at] + half + text[at:]).encode()


def huge_number(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8")
    spots = [m.end() for m in re.finditer(r'"(week|set|done_reps|pain_before)":', text)]
    at = rng.choice(spots)
    end = at + re.match(r"[^,}\]]*", text[at:]).end()
    return (text[:at] + rng.choice(["9" * 5000, "1e999", "-0", "1.0", "NaN"]) + text[end:]).encode()


def newer_format(raw: bytes, rng: random.Random) -> bytes:
    """A newer app's file: higher version, sometimes documents without ids, sometimes a bad byte."""
    doc = json.loads(raw)
    doc["meta"] = {"1": {"schema_version": rng.choice([3, 9, 123456789])}}
    if rng.random() < 0.5:
        for table in ("sessions", "decisions"):
            for item in doc.get(table, {}).values():
                if rng.random() < 0.5:
                    item.pop("id", None)
    out = json.dumps(doc).encode()
    return flip(out, rng) if rng.random() < 0.5 else out


MUTATIONS = [flip, cut, splice, change_field, duplicate_key, renumber_key, lone_surrogate,
             huge_number, newer_format]
#: Flips, cuts, splices and field changes are the bulk, as before; each new kind adds a share.
WEIGHTS = [4, 3, 2, 4, 1, 1, 1, 1, 1]

OUTCOMES = ("opened clean", "repaired", "refused", "read-only")


def check_case(folder: Path, given: bytes | None, label: str) -> str:
    """Open ``folder`` as the app does; the bytes given must survive in it, and what was
    repaired must open clean the next time. Returns the outcome; raises AssertionError."""
    try:
        repo = SessionRepository(folder)
    except StoreError as exc:
        assert str(exc), label
        if given is not None:
            assert (folder / DATA_FILE_NAME).read_bytes() == given, f"{label}: bytes changed"
        return "refused"
    except Exception as exc:  # anything else is a bug: say which file did it
        raise AssertionError(f"{label}: {type(exc).__name__}: {exc}\n{(given or b'')[:300]!r}")
    with repo:
        assert all(s.id for s in repo.sessions())
        if repo.read_only:
            outcome = "read-only"
        elif repo.report.repaired:
            assert repo.report.summary()
            outcome = "repaired"
        else:
            outcome = "opened clean"
        sessions = {s.id: s for s in repo.sessions()}
    if given is not None:
        kept = [p.read_bytes() for p in folder.rglob("*.json") if p.is_file()]
        assert given in kept, f"{label}: the given bytes were overwritten"
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".part"))]
    assert not leftovers, f"{label}: {leftovers}"
    with SessionRepository(folder) as again:     # whatever was repaired now opens clean,
        assert not again.report.repaired or again.read_only, (label, again.report.problems)
        if outcome != "read-only":                # and holds what the first open showed
            assert {s.id: s for s in again.sessions()} == sessions, label
    return outcome


def make_special_file(path: Path, kind: str):
    """Make ``path`` (a data file's place) a FIFO, a directory, a device, a socket, or a
    dangling, looping or folder link instead of a plain file; POSIX only. Returns what must stay open while it is used (the socket's server), or None."""
    folder = path.parent
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "socket":
        import socket

        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        return server
    elif kind == "dangling":
        path.symlink_to(folder / "gone" / "x.json")
    elif kind == "loop":
        path.symlink_to(folder / "b.json")
        (folder / "b.json").symlink_to(path)
    elif kind == "link-to-folder":
        path.symlink_to(folder)
    else:
        raise ValueError(kind)
    return None


def special_files(folder: Path) -> list[tuple[str, Path]]:
    """Folders whose data file is not a plain file: (label, folder); POSIX only."""
    cases = []
    for kind in ("fifo", "directory", "device", "dangling", "loop", "link-to-folder"):
        case = folder / kind
        case.mkdir(parents=True)
        make_special_file(case / DATA_FILE_NAME, kind)
        cases.append((kind, case))
    return cases
