"""One writer per data folder: an OS file lock that dies with the process holding it.

The lock is ``flock`` (``msvcrt.locking`` on Windows) on ``itb-coach.lock``. The operating
system drops it when the process ends, however it ends, so a crash never leaves a stale
lock behind; the pid, host and start time written inside are only there to tell a second
copy who holds the folder.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
import sys
from pathlib import Path

from itbgui.store import private

LOCK_FILE_NAME = "itb-coach.lock"


def _host_name() -> str:
    """This computer's name, without importing socket (10 ms at every start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")

if sys.platform.startswith("win"):
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class DataFolderLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_FILE_NAME
        self._fd: int | None = None
        self.holder: dict | None = None  # who holds it, when acquiring failed

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, say_who: bool = True) -> bool:
        """Take the lock if nobody has it; otherwise remember who does and return False.
        ``say_who=False`` leaves writing who holds it to :meth:`say_who` (the repository
        does, once made from the folder taken before the window showed).

        Raises OSError when the lock file can be neither opened for writing nor for
        reading (the caller must then not write: there is no lock to hold). A lock file
        that only this user cannot write (left by a run with sudo, say) is locked through
        a read-only descriptor (so is one on a read-only mount): flock needs no write access.
        """
        if self._fd is not None:
            return True
        for _attempt in range(5):
            fd = self._open()
            try:
                if not _try_lock(fd):
                    self.holder = self._read_holder(fd)
                    os.close(fd)
                    return False
                if not self._still_the_file(fd):  # removed and made anew meanwhile: again
                    os.close(fd)
                    continue
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
            if say_who:
                self.say_who()
            return True
        raise OSError(errno.EAGAIN, "the lock file keeps being replaced")

    def _open(self) -> int:
        flags = os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            return private.create(self.path, os.O_RDWR | flags)
        except OSError as refused:   # EACCES (left by sudo), EROFS (a read-only mount)
            if refused.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            try:
                return os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            except FileNotFoundError:   # no lock file, and none may be made: the refusal says why
                raise refused from None

    def _still_the_file(self, fd: int) -> bool:
        """The path still names the file we locked, and it is a plain file."""
        try:
            mine, there = os.fstat(fd), os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        if not stat.S_ISREG(mine.st_mode):
            raise OSError(errno.EINVAL, f"{self.path.name} is not a plain file")
        return (mine.st_ino, mine.st_dev) == (there.st_ino, there.st_dev)

    def say_who(self) -> None:
        """Write who holds the folder, for a second copy to name; only a courtesy, so a
        full disk or a read-only lock file does not stop the app."""
        if self._fd is None:
            return
        fd = self._fd
        info = {"pid": os.getpid(), "host": _host_name(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(info).encode())
        except OSError:
            pass

    @staticmethod
    def _read_holder(fd: int) -> dict:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            info = json.loads(os.read(fd, 4096) or b"{}")
            return info if isinstance(info, dict) else {}
        except (OSError, ValueError):
            return {}

    def held_elsewhere(self) -> bool:
        """The holder wrote that it runs on another computer (a shared folder). Unknown
        (not written yet, or unreadable) counts as this computer."""
        host = (self.holder or {}).get("host")
        return bool(host) and host != _host_name()

    def describe_holder(self) -> str:
        """'process 1234 on this computer, since 10:02' or a vaguer phrase when unknown."""
        info = self.holder or {}
        parts = []
        if isinstance(info.get("pid"), int):
            parts.append(f"process {info['pid']}")
        if info.get("host") and info.get("host") != _host_name():
            parts.append(f"on {info['host']}")
        try:
            since = dt.datetime.fromisoformat(str(info.get("since")))
            parts.append(since.strftime("since %H:%M on %d %b"))
        except ValueError:
            pass
        return ", ".join(parts) or "another copy of ITB Coach"

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass
        os.close(fd)  # closing drops the lock
