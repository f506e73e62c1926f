"""Where the person's data lives unless ``--data-dir`` says otherwise, and how a given
folder is judged: the window and the three command-line commands read it alike."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from itbgui import APP_ID

T = TypeVar("T")

#: A command's exit code when its data folder holds no ITB Coach data or cannot hold any.
NO_DATA = 1


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/itb-coach on Linux)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_ID)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def file_in_the_way(folder: Path) -> Path | None:
    """The file at ``folder``, or at a folder on its way, that stops it being a folder (mkdir
    says only "File exists" or "Not a directory"); None when there is none."""
    for place in (folder, *folder.parents):
        if os.path.exists(place):
            return None if os.path.isdir(place) else place
    return None


def not_a_folder(folder: Path) -> str | None:
    """Why ``folder`` can never be a data folder, in words; None when it can be one."""
    blocker = file_in_the_way(folder)
    if blocker is None:
        return None
    if blocker == folder:
        return f"{folder} is a file, not a folder"
    return f"{blocker} is a file, not a folder, so {folder} cannot be made in it"


def command_data_dir(prog: str, given: Path | None) -> Path | None:
    """The data folder a windowless command reads, or None once the reason is on stderr
    (the command then exits :data:`NO_DATA`).

    A folder named with ``--data-dir`` must hold the data file: a mistyped or empty folder
    is said to be one, never shown as a default plan. The platform's own folder may be
    empty or missing: that is a new user before the first start, who gets the default
    plan (``week``, ``plan-pdf``) or no sessions (``history-csv``), as the app would show."""
    from itbgui.store.opening import DATA_FILE_NAME

    folder = (given or default_data_dir()).expanduser()
    problem = not_a_folder(folder)
    if problem:
        print(f"{prog}: {problem}.", file=sys.stderr)
        return None
    if given is None or os.path.lexists(folder / DATA_FILE_NAME):
        return folder   # anything odd about the file itself: the store says what it is
    if folder.resolve() == default_data_dir().resolve():
        return folder
    why = ("there is no such folder: check its name" if not folder.exists()
           else "start the app once, or check the folder")
    print(f"{prog}: no ITB Coach data in {folder} ({why}).", file=sys.stderr)
    return None


def stored_plan_for_command(prog: str, given: Path | None, today, *, doing: str):
    """``(folder, its plan and sessions)`` for ``week`` and ``plan-pdf``, the folder read as
    :func:`command_data_dir` reads it; None once the reason is on stderr."""
    from itbgui.program.stored_plan import read_for_command

    data_dir = command_data_dir(prog, given)
    stored = None if data_dir is None else read_for_command(prog, data_dir, today, doing=doing)
    return None if stored is None else (data_dir, stored)


def read_for_listing(prog: str, data_dir: Path, read: Callable[[object], T], none: T) -> T | None:
    """``read(repository)`` of the data file, opened read-only without the lock (it works
    while the app is open); ``none`` for a new user with no file yet; None once the reason
    the file cannot be read is on stderr. What the store set aside goes to stderr too."""
    from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError

    if not os.path.lexists(data_dir / DATA_FILE_NAME):
        return none
    try:
        repo = SessionRepository(data_dir, read_only=True)
    except StoreError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return None
    try:
        found, problem = read(repo), repo.report.summary()
    finally:
        repo.close()
    if problem:
        print(f"{prog}: {problem}", file=sys.stderr)
    return found
