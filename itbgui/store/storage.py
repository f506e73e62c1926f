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
import stat
import sys
from pathlib import Path

from tinydb.storages import Storage

from itbgui.store import private

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


def write_atomically(path: Path, payload: bytes | list, *, keep_old_as: Path | None = None,
                     private_file: bool = True) -> None:
    """Replace ``path`` with ``payload`` so that a crash leaves the old or the new file.

    ``payload`` may be a list of chunks, written in order without joining them first.
    On any failure (full disk, read-only folder) the old file is untouched, the
    temporary file is removed and the OSError goes to the caller. When ``path`` is a
    symbolic link, its target is replaced and the link stays. ``keep_old_as``: the file
    replaced is kept under that name, where the file system allows (write_recycling).
    The new file is its owner's alone (private.py) unless ``private_file`` is False.
    """
    chunks = [payload] if isinstance(payload, (bytes, bytearray)) else payload
    # A link is written where it points (a synced folder, say), not replaced by a file.
    path = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        flags = os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = private.create(tmp, flags) if private_file else os.open(tmp, flags | os.O_CREAT, 0o644)
        try:
            _write_all(fd, chunks)
            _sync(fd)
        finally:
            os.close(fd)
        keep = _second_name(path) if keep_old_as is not None else None
        try:
            os.replace(tmp, path)
        except BaseException:
            _drop(keep)
            raise
    except BaseException:
        _drop(tmp)
        raise
    if keep is not None:
        try:
            os.replace(keep, keep_old_as)
        except OSError:
            _drop(keep)
    fsync_folder(path.parent)


def spare_path(path: Path) -> Path:
    """Where the data file's previous version waits to be written over by the next save."""
    return path.with_name(f".{path.name}.spare")


def write_recycling(path: Path, chunks: list) -> None:
    """:func:`write_atomically` for the data file, written over its previous version's blocks.

    A new temporary file makes the file system find room for every byte, and the rename
    over the old file then frees all of the old one's; on ten years of sessions the two
    cost about as much as the write itself. Here the version before last (the *spare*,
    ``.itb-coach.json.spare``) is written over in place and fsynced, the current file is
    kept alive under a second name so the rename frees nothing, and it becomes the next
    spare. The data file is still only ever replaced by a rename of fully synced bytes, so
    a crash at any point leaves the old or the new file whole; a spare cut short is only a
    spare, written over from its start the next time.

    A spare linked elsewhere too (a backup tool's hard link) is never written over; a
    spare that cannot be written (a full disk) is deleted, which frees its room, and the
    save goes the plain way. A data file reached through a link gets plain
    write_atomically: a synced folder need not hold and upload a second copy.
    """
    if os.path.islink(path):
        write_atomically(path, chunks)
        return
    spare = spare_path(path)
    if not _overwrite_spare(spare, chunks):
        write_atomically(path, chunks, keep_old_as=spare)  # the next save has a spare
        return
    keep = _second_name(path)
    try:
        os.replace(spare, path)  # nothing freed while `keep` names the old file
    except BaseException:
        _drop(keep)
        raise
    if keep is not None:
        try:
            os.replace(keep, spare)
        except OSError:
            _drop(keep)
    fsync_folder(path.parent)


def _overwrite_spare(spare: Path, chunks: list) -> bool:
    """Write ``chunks`` over the spare from its start, truncate and fsync; False when there
    is no spare this app alone may write over, or it could not be written (then deleted)."""
    try:
        fd = os.open(spare, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            _drop(spare)  # only our name goes: whoever else links the file keeps it
            return False
        private.tighten_open(fd, info)   # it becomes the data file
        _write_all(fd, chunks)
        os.ftruncate(fd, sum(map(len, chunks)))
        _sync(fd)
        return True
    except OSError:
        _drop(spare)
        return False
    except BaseException:
        _drop(spare)
        raise
    finally:
        os.close(fd)


def _second_name(path: Path) -> Path | None:
    """Link ``path``'s file under a temporary name (removed with a dead writer's leftovers);
    None where there is no file yet or the file system has no hard links."""
    keep = path.with_name(f".{path.name}.keep.{os.getpid()}.tmp")
    for _attempt in range(2):
        try:
            os.link(path, keep)
            return keep
        except FileExistsError:
            _drop(keep)   # left by an earlier process with this number
        except OSError:
            return None
    return None


def _drop(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


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
        self.last_written: list | None = None  # the chunks of the last write, in order

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
        write_recycling(self.path, chunks)
        self.last_written = chunks
        self.bytes_written = sum(len(c) for c in chunks)

    def close(self) -> None:
        pass
