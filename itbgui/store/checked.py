"""A note of the data file's bytes as last checked clean, so the next start can trust them.

Checking ten years of sessions field by field, and looking through the text for a key
written twice or half a UTF-16 pair, costs more than parsing the file. Yet almost every
start opens exactly the bytes this app wrote or checked the time before. So the copy
holding the folder's lock keeps a note, ``itb-coach.checked`` next to the lock file:
the SHA-256 of those bytes, their length and the version of the rules that passed them.
The next open hashes the file (about 4 ms for 8 MB); when all three match, the records
are built without checking each field again (loading.read_checked_before).

The note is a shortcut and never a source of data: no note, a torn one, another length,
another digest (the file edited by hand, restored by a sync client, written by another
device) or other rules, and the file is read the checked way, as if there were no note.
Deleting it costs time, never data. It is written without fsync for the same reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Callable, Iterable

from itbgui import __version__
from itbgui.store import private
from itbgui.store.opening import read_side_file
from itbgui.store.migrations import SCHEMA_VERSION

NOTE_NAME = "itb-coach.checked"
#: Raise when a rule in records.py or loading.py grows stricter within one app version,
#: so that files passed by the looser rule are checked again.
CHECKS_VERSION = 1
RULES = f"schema {SCHEMA_VERSION}, checks {CHECKS_VERSION}, itb-coach {__version__}"


def digest(chunks: Iterable[bytes | memoryview]) -> str:
    """SHA-256 of the bytes, given whole or as the chunks a save wrote in order."""
    hasher = hashlib.sha256()
    for chunk in chunks:
        hasher.update(chunk)
    return hasher.hexdigest()


def note_path(folder: Path) -> Path:
    return Path(folder) / NOTE_NAME


def matches(folder: Path, raw: bytes, sha256: Callable[[], str] | None = None) -> bool:
    """True when ``raw`` is, byte for byte, what the note says was checked clean.
    ``sha256``: gives the digest of ``raw`` when it is already known."""
    raw_note = read_side_file(note_path(folder), 4096)
    try:
        note = json.loads(raw_note) if raw_note is not None else None
    except ValueError:
        return False
    if (type(note) is not dict or note.get("rules") != RULES
            or note.get("size") != len(raw) or type(note.get("sha256")) is not str):
        return False
    return note["sha256"] == (sha256() if sha256 is not None else digest([raw]))


def remember(folder: Path, sha256: str, size: int) -> None:
    """Write the note for bytes known clean; a failure only costs the next start time."""
    path = note_path(folder)
    tmp = path.with_name(f".{NOTE_NAME}.{os.getpid()}.tmp")
    text = json.dumps({"sha256": sha256, "size": size, "rules": RULES})
    try:
        with open(private.create(tmp, os.O_WRONLY | os.O_TRUNC), "w", encoding="ascii") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)

