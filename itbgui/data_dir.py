"""Where the person's data lives unless ``--data-dir`` says otherwise (the window and the
command-line commands share it)."""

from __future__ import annotations

from pathlib import Path

from . import APP_ID


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/itb-coach on Linux)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_ID)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
