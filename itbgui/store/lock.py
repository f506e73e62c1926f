"""One writer per data folder: an OS file lock that dies with the process holding it.

The lock is ``flock`` (``msvcrt.locking`` on Windows) on ``itb-coach.lock``. The operating
system drops it when the process ends, however it ends, so a crash never leaves a stale
lock behind; the pid, host and start time written inside are only there to tell a second
copy who holds the folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

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

    def acquire(self) -> bool:
        """Take the lock if nobody has it; otherwise remember who does and return False."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            self.holder = self._read_holder(fd)
            os.close(fd)
            return False
        info = {"pid": os.getpid(), "host": _host_name(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode())
        self._fd = fd
        return True

    @staticmethod
    def _read_holder(fd: int) -> dict:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            info = json.loads(os.read(fd, 4096) or b"{}")
            return info if isinstance(info, dict) else {}
        except (OSError, ValueError):
            return {}

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
