"""Taking the data folder before the window shows: its lock, and the file's bytes.

This is the part of opening that must happen before any window (a second copy refused,
a FIFO or a folder under the data file's name refused), and it imports no more than the
lock: TinyDB, the record checks and the loader load after the first paint, when the
repository is made from this (``SessionRepository(..., opening=...)``) and parses the bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from itbgui.store import private
from itbgui.store.lock import DataFolderLock

DATA_FILE_NAME = "itb-coach.json"


class StoreError(Exception):
    """A problem with the data file, worded for the person using the app."""


def plain_words(exc: Exception) -> str:
    reasons = {errno.ENOSPC: "the disk is full", errno.EROFS: "the folder is read-only",
               errno.EACCES: "permission was refused", errno.EPERM: "permission was refused",
               errno.EDQUOT: "the disk quota is used up", errno.ELOOP: "a link points to itself",
               errno.ENAMETOOLONG: "the name is too long",
               errno.ENOTDIR: "a part of the path is a file, not a folder"}
    if not isinstance(exc, OSError):
        return str(exc) or type(exc).__name__
    return reasons.get(exc.errno, exc.strerror or str(exc))


def file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "device"),
             (stat.S_ISBLK, "device"), (stat.S_ISSOCK, "socket"))
    return next((name for test, name in kinds if test(mode)), "special file")


class FolderOpening:
    """What :func:`open_folder` took: the lock (held, or why not) and the file's bytes.

    Handed to exactly one repository, which then owns the lock; :meth:`close` lets it go
    when no repository was made (the app quit before reading the file)."""

    def __init__(self, data_dir: Path, lock: DataFolderLock, *, read_only: bool) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        self.lock = lock
        self.read_only = read_only
        self.locked_by: str | None = None      # another copy holds the folder: read-only
        self.lock_problem: str | None = None   # the lock could not be taken: read-only
        self.not_writable = False              # the folder refuses writes: read-only
        self.raw: bytes | None = None          # None: no file yet (a first start)
        self._sha256: str | None = None
        self.repository = None                 # the one repository made from it, once made

    def sha256(self) -> str | None:
        """The hex SHA-256 of the bytes read (None: no file), worked out once: the checked
        note and the start snapshot are both keyed on it."""
        if self._sha256 is None and self.raw is not None:
            import hashlib

            self._sha256 = hashlib.sha256(self.raw).hexdigest()
        return self._sha256

    @property
    def fingerprint(self) -> str:
        """What the start snapshot (start_file.py) is kept under for these bytes."""
        from itbgui.store.start_file import fingerprint

        return fingerprint(self.sha256(), len(self.raw or b""))

    def close(self) -> None:
        self.lock.release()


def open_folder(data_dir: Path, *, read_only: bool = False) -> FolderOpening:
    """Make the folder, take its lock (unless ``read_only``) and read the data file's bytes.

    Raises StoreError for a folder that cannot be used or a data file that is not a plain
    file, with the lock let go again. A lock held by another copy, or one that cannot be
    taken, opens read-only (``locked_by``, ``lock_problem``)."""
    opening = FolderOpening(data_dir, DataFolderLock(Path(data_dir)), read_only=read_only)
    try:
        private.make_folder(opening.data_dir)
        if not read_only:
            _take_lock(opening)
        opening.raw = read_data_bytes(opening.path)
    except StoreError:
        opening.close()
        raise
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL byte
        opening.close()
        raise StoreError(f"The data folder {opening.data_dir} cannot be used: "
                         f"{plain_words(exc)}.") from exc
    return opening


#: What a folder the app may not write answers: read-only, or no permission.
NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def _take_lock(opening: FolderOpening) -> None:
    """Writable only with the lock held and the folder writable: otherwise read-only.
    A lock file left in a folder that became read-only still locks (flock needs no
    write access), but no save could replace the data file there."""
    try:
        got = opening.lock.acquire(say_who=False)   # the repository says who (json after the paint)
    except OSError as exc:
        opening.read_only = True
        opening.lock_problem = plain_words(exc)
        # A lock file there that this user may not open (left by sudo) is its own problem.
        opening.not_writable = exc.errno == errno.EROFS or (
            exc.errno in NOT_WRITABLE and not os.path.lexists(opening.lock.path))
        return
    if not got:
        opening.read_only = True
        opening.locked_by = opening.lock.describe_holder()
    elif not os.access(opening.data_dir, os.W_OK):
        opening.read_only = True
        opening.not_writable = True
        opening.lock_problem = "the folder cannot be written"


def read_side_file(path: Path, max_bytes: int) -> bytes | None:
    """A small file the app keeps beside the data (the checked note, the start snapshot,
    Today's cards): its bytes, or None when it is missing, not a plain file or larger than
    ``max_bytes``. Opened non-blocking, so a FIFO under its name cannot hang the start."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = os.read(fd, max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return raw if len(raw) <= max_bytes else None


def read_data_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when there is none yet. Only a plain file is read:
    a FIFO, a device or a folder under that name is refused at once (opening is
    non-blocking, so a FIFO cannot hang the start), and so is a dangling link."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        if os.path.islink(path) and not os.path.isdir(os.path.dirname(os.path.realpath(path))):
            raise StoreError(f"The data file {path} is a link to {os.readlink(path)}, whose folder "
                             "does not exist (is a drive or a synced folder missing?). "
                             "Nothing was changed.") from None
        return None  # a first start (through a link: the file is made where it points)
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a data file. Nothing was changed.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path} is not a plain file (it is a {file_kind(info.st_mode)}), so "
                             "ITB Coach cannot keep its data there. Nothing was changed.")
        # One read of the whole file (1 MB chunks and a join took 8 ms for 8 MB, one
        # read 0.3 ms); then on until the end, in case it grew meanwhile.
        chunks = [os.read(fd, info.st_size + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 20))
        return chunks[0] if len(chunks) == 2 else b"".join(chunks)
    finally:
        os.close(fd)
