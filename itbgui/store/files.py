"""Writing files next to the person's own without ever replacing one of them.

A set-aside copy or a backup gets a name nobody has used: the copy is written to a
temporary file and then hard-linked to its final name, which fails instead of replacing
a file already there (two damaged files in one second, a clock set back). Temporary
files of saves cut short by a kill or a full disk are removed the next time the folder
is opened by the copy that holds its lock; nothing else is ever deleted here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from pathlib import Path

from itbgui.store.storage import fsync_folder, write_atomically

#: Temporary files this app writes: saves (storage.py), copies below, backups' .part.
_LEFTOVER = re.compile(r"^\.+itb-coach.*\.\d+\.tmp$|^itb-coach-[0-9-]+-[a-z-]+\.part$")


def new_file(folder: Path, stem: str, when: dt.datetime, payload: bytes) -> Path:
    """Write ``payload`` durably as ``folder/{stem}-{when}.json`` (or ``-2``, ``-3``...),
    a name no file had; returns the path."""
    folder = Path(folder)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    tmp = folder / f".{stem}.{os.getpid()}.{id(payload)}.tmp"
    write_atomically(tmp, payload)
    try:
        for n in range(1, 10_000):
            target = folder / (f"{stem}-{stamp}.json" if n == 1 else f"{stem}-{stamp}-{n}.json")
            if claim(tmp, target):
                fsync_folder(folder)
                return target
        raise FileExistsError(f"no free name for {stem} in {folder}")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def claim(tmp: Path, target: Path) -> bool:
    """Give ``tmp``'s content the name ``target`` unless that name exists (then False)."""
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: check, then rename (not atomic)
        if os.path.lexists(target):
            return False
        os.replace(tmp, target)
        return True


def remove_leftovers(folder: Path, only_dead_writers_of: Path | None = None) -> list[Path]:
    """Delete temporary files of writes that never finished; call only under the lock.

    With ``only_dead_writers_of`` (a data file reached through a link, in a folder that may
    be shared), only that file's own temporaries whose writer process is gone are removed.
    """
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if only_dead_writers_of is not None:
            match = re.fullmatch(re.escape(f".{only_dead_writers_of.name}.") + r"(\d+)\.tmp", name)
            if match is None or _alive(int(match.group(1))):
                continue
        elif not _LEFTOVER.match(name):
            continue
        path = Path(folder) / name
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True   # someone else's process, or no way to tell: leave its file alone
    return True
