"""Health data readable by its owner alone: the data folder 0700, the app's files in it 0600.

Files are created with their mode (``os.open(..., 0o600)``), never made and then tightened,
which would leave a moment when anyone on the machine could read them. Files and folders
left looser by an older version are tightened when the copy holding the folder's lock opens
it (:func:`tighten_folder`): only group's and others' bits are taken away.

The data folder is the app's own, so it is tightened too; the one exception is a home
folder named as the data folder, whose mode is the person's to decide. Where the data file
is a link (into a synced folder), the file is tightened and the folder it lives in is not.
On Windows, where modes are not how files are kept private, none of this does anything.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_OTHERS = 0o077
#: How the app's own files are named, in the data folder and in backups/ (docs/data-format.md).
_OURS = ("itb-coach.", "itb-coach-", ".itb-coach.", ".itb-coach-")
_POSIX = hasattr(os, "getuid") and hasattr(os, "fchmod")


def make_folder(path: Path) -> None:
    """``mkdir -p`` whose last folder is private (those above it are the person's)."""
    Path(path).mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)


def create(path: Path, flags: int) -> int:
    """``os.open`` with O_CREAT and mode 0600; a file already there (a leftover of a killed
    write, a file from before) loses group's and others' bits before anything is written."""
    fd = os.open(path, flags | os.O_CREAT, FILE_MODE)
    try:
        tighten_open(fd)
    except BaseException:
        os.close(fd)
        raise
    return fd


def tighten_open(fd: int, info: os.stat_result | None = None) -> None:
    """Take group's and others' bits off an open file of this user's."""
    if not _POSIX:
        return
    try:
        info = info or os.fstat(fd)
        if stat.S_IMODE(info.st_mode) & _OTHERS and info.st_uid == os.getuid():
            os.fchmod(fd, stat.S_IMODE(info.st_mode) & ~_OTHERS)
    except OSError:
        pass   # a file system without modes: nothing to tighten, and the write goes on


def tighten(path: Path) -> bool:
    """Take group's and others' bits off ``path`` (through a link) when it is this user's
    file or folder; True when it changed. A refusal (a read-only disk) is left alone."""
    if not _POSIX:
        return False
    try:
        info = os.stat(path)
        loose = stat.S_IMODE(info.st_mode) & _OTHERS
        if not loose or info.st_uid != os.getuid() or not (
                stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            return False
        os.chmod(path, stat.S_IMODE(info.st_mode) & ~_OTHERS)
        return True
    except OSError:
        return False


def tighten_folder(data_dir: Path, backups: Path) -> list[Path]:
    """The data folder, its backups folder and the app's files in both made the owner's
    alone; other files in them are not the app's and keep their modes. Returns what changed."""
    changed = []
    folder = Path(data_dir)
    if not _is_home(folder) and tighten(folder):
        changed.append(folder)
    for place in (folder, Path(backups)):
        if place != folder and tighten(place):
            changed.append(place)
        try:
            names = os.listdir(place)
        except OSError:
            continue
        changed += [place / n for n in names if _ours(n) and tighten(place / n)]
    return changed


def _ours(name: str) -> bool:
    return name.startswith(_OURS) or name == "settings.ini"


def _is_home(folder: Path) -> bool:
    try:
        return folder.resolve() == Path.home().resolve()
    except (OSError, RuntimeError):
        return True   # no telling: leave the folder as it is
