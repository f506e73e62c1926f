"""TinyDB storage that is parsed once, served from memory, and written atomically.

TinyDB's own JSONStorage re-reads and re-parses the whole file on every query and
rewrites it in place, so a kill mid-write leaves half a file. Here the repository hands
over the data it has already parsed and checked; every write goes to a temporary file in
the same folder that is flushed, fsynced and renamed over the old one, and then the folder
itself is fsynced (as SQLite does), so after a crash the file is either the old one or the
new one, never a mix.

Serialising ten years of sessions takes ~170 ms with the json module (~15 ms with orjson,
used once a large file brought it in), far too long for a save after every set, so each
document's JSON text is cached. A document the caller changed in place must be declared
with :meth:`AtomicJSONStorage.declare_changed`; a write without a declaration
re-serialises everything, so forgetting costs time, never data.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

from tinydb.storages import Storage

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encode_fragment(doc_id: str, doc) -> bytes:
    """``,"doc_id":{...}`` as compact UTF-8 JSON.

    orjson writes it when a large file brought orjson in (fast.py; for one small
    document json is as quick, and the import is not paid for), except what orjson
    refuses: an integer beyond 64 bits or a non-text key go to json; a lone surrogate then
    fails as before, with UnicodeEncodeError. orjson writes NaN as null, where json would
    write a bare NaN that is not JSON at all.
    """
    orjson = sys.modules.get("orjson")
    if orjson is not None:
        try:
            # datetimes and dataclasses refused, as json refuses them, rather than written
            options = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
            return b",%s:%s" % (orjson.dumps(doc_id), orjson.dumps(doc, option=options))
        except orjson.JSONEncodeError:
            pass
    return f",{_encode(doc_id)}:{_encode(doc)}".encode("utf-8")


class ReadOnlyStorageError(OSError):
    """A write was attempted on a store that was opened read-only."""


def _sync(fd: int) -> None:
    """Flush a file to the disk itself: on macOS plain fsync stops at the drive's cache."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass  # not every file system supports it; fsync is the next best
    os.fsync(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (a no-op where folders cannot be opened)."""
    if sys.platform.startswith("win"):
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, chunks: list[bytes]) -> None:
    """Write every chunk in order with as few system calls as the platform allows."""
    if not hasattr(os, "writev"):
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view):]
        return
    batch = 512  # well under IOV_MAX on every platform
    for start in range(0, len(chunks), batch):
        pending = [memoryview(c) for c in chunks[start:start + batch] if len(c)]
        while pending:
            written = os.writev(fd, pending)
            while pending and written >= len(pending[0]):  # drop what went out whole
                written -= len(pending[0])
                pending.pop(0)
            if pending and written:
                pending[0] = pending[0][written:]


def write_atomically(path: Path, payload: bytes | list) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file.

    ``payload`` may be a list of chunks, written in order without joining them first.
    On any failure (full disk, read-only folder) the old file is untouched, the
    temporary file is removed and the OSError goes to the caller. When ``path`` is a
    symbolic link, its target is replaced and the link stays.
    """
    chunks = [payload] if isinstance(payload, (bytes, bytearray)) else payload
    # A link is written where it points (a synced folder, say), not replaced by a file.
    path = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
        try:
            _write_all(fd, chunks)
            _sync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(path.parent)


class AtomicJSONStorage(Storage):
    """The TinyDB storage for the data file; see the module docstring."""

    def __init__(self, path: str | os.PathLike, *, initial: dict | None = None,
                 read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict = initial if initial is not None else {}
        # table -> doc id -> (the document object, its '"id":{...}' bytes)
        self._fragments: dict[str, dict[str, tuple[dict, bytes]]] = {}
        self._declared: set[tuple[str, str]] | None = None
        self.bytes_written = 0

    def read(self) -> dict:
        return self._data

    @contextlib.contextmanager
    def declare_changed(self, table: str, doc_ids=()):
        """Writes inside this block changed only these documents in place; documents added
        or removed need no mention (new ones are new objects, so they are encoded anyway)."""
        self._declared = {(table, str(doc_id)) for doc_id in doc_ids}
        try:
            yield
        finally:
            self._declared = None

    def chunks(self, data: dict) -> list[bytes]:
        """The file as a list of byte chunks: compact JSON, each unchanged document's bytes
        re-used from the cache, and nothing joined (a join would copy megabytes).

        Each cached fragment is ``,"id":{...}``; the first of a table is sent without its
        comma through a zero-copy view, so there is one chunk per document.
        """
        declared = self._declared
        out: list = [b"{"]
        fragments: dict[str, dict[str, tuple[dict, bytes]]] = {}
        for table_no, (name, table) in enumerate(data.items()):
            cached = self._fragments.get(name, {})
            fresh: dict[str, tuple[dict, bytes]] = {}
            out.append(b'%s%s:{' % (b"," if table_no else b"", _encode(name).encode("utf-8")))
            for doc_id, doc in table.items():
                doc_id = str(doc_id)
                entry = cached.get(doc_id)
                if (entry is None or entry[0] is not doc or declared is None
                        or (name, doc_id) in declared):
                    entry = (doc, encode_fragment(doc_id, doc))
                out.append(memoryview(entry[1])[1:] if not fresh else entry[1])
                fresh[doc_id] = entry
            out.append(b"}")
            fragments[name] = fresh
        out.append(b"}")
        self._fragments = fragments
        return out

    def encode(self, data: dict) -> bytes:
        return b"".join(self.chunks(data))

    def write(self, data: dict) -> None:
        if self.read_only:
            raise ReadOnlyStorageError("the data file is open read-only")
        chunks = self.chunks(data)
        self._data = data
        write_atomically(self.path, chunks)
        self.bytes_written = sum(len(c) for c in chunks)

    def close(self) -> None:
        pass
