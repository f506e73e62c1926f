"""The start snapshot's file, ``itb-coach.start`` beside the data file: what Today needs,
kept under the fingerprint of the data file's bytes it was worked out from.

What goes in it is the program's (program/start_state.py); here it is only kept and read
back. Like the checked note (checked.py) it is a shortcut, never a source of data: read
only when its fingerprint is the data file's own, so a file edited by hand, restored, or
written by another device is never matched; a torn, missing or foreign one costs the next
start time, never a decision. It is written the way the data file is (atomically, the
owner's alone) and only by the copy holding the folder's lock.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from itbgui.store.opening import read_side_file

FILE_NAME = "itb-coach.start"
#: Larger than any snapshot of a real log (a week of sessions): anything bigger is not one.
MAX_BYTES = 4 * 1024 * 1024
#: The fingerprint of a folder with no data file yet (a first start).
NO_FILE = "none"


def fingerprint(sha256: str | None, size: int) -> str:
    return NO_FILE if sha256 is None else f"sha256 {sha256}, {size} bytes"


def read(folder: Path, log: str) -> dict | None:
    """The snapshot kept for the data file whose fingerprint is ``log``, or None. The state
    is kept as text with its own SHA-256, so a file changed after it was written (by hand,
    by a disk) is never read as a state, even where it is still JSON."""
    return read_kept(Path(folder) / FILE_NAME, log, MAX_BYTES, SHA256)


def write(folder: Path, log: str, state: dict) -> None:
    """Keep ``state`` for the data file whose fingerprint is ``log`` (OSError: not kept)."""
    write_kept(Path(folder) / FILE_NAME, log, state, SHA256)


# ------------------------------------------------------------------ any file kept this way
# The start snapshot here, Today's cards (app/today_cards.py): a state kept as text under
# ``log`` (what it was worked out from) with a check of that text, named in the file.


def _sha256(data: bytes) -> str:
    import hashlib   # here, not at the top: a first start has no snapshot to check

    return hashlib.sha256(data).hexdigest()


#: The snapshot's check. Today's cards take zlib's CRC-32, which PySide has already loaded
#: when they are read, before the first paint (hashlib would cost it ~4 ms).
SHA256 = ("sha256", _sha256)
CRC32 = ("crc32", zlib.crc32)


def read_kept(path: Path, log: str, max_bytes: int, check=SHA256) -> dict | None:
    """The state kept in ``path`` for ``log``, or None: missing, torn, larger than
    ``max_bytes``, kept for another ``log``, or its text no longer the one checked."""
    name, digest = check
    raw = read_side_file(path, max_bytes)
    try:
        doc = json.loads(raw) if raw is not None else None
        if type(doc) is not dict or doc.get("log") != log or type(doc.get("state")) is not str:
            return None
        if digest(doc["state"].encode("utf-8")) != doc.get(name):
            return None
        state = json.loads(doc["state"])
    except ValueError:
        return None
    return state if type(state) is dict else None


def write_kept(path: Path, log: str, state: dict, check=SHA256) -> None:
    """Keep ``state`` in ``path`` for ``log``, atomically and the owner's alone (OSError:
    not kept)."""
    from itbgui.store.storage import write_atomically   # TinyDB's: not for the read at start

    name, digest = check
    text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
    doc = {"log": log, name: digest(text.encode("utf-8")), "state": text}
    write_atomically(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
