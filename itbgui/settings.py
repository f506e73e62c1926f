"""The person's preferences, kept in an INI file inside the data folder.

Living beside the data (not in the desktop-wide settings store) means ``--data-dir``
keeps a test's or a second profile's preferences apart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from .theme import THEMES


class AppSettings:
    def __init__(self, data_dir: Path) -> None:
        self._qs = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")

    @property
    def sound_enabled(self) -> bool:
        return self._bool("sound/enabled", True)

    @sound_enabled.setter
    def sound_enabled(self, on: bool) -> None:
        self._qs.setValue("sound/enabled", bool(on))

    @property
    def voice_enabled(self) -> bool:
        return self._bool("sound/voice", True)

    @voice_enabled.setter
    def voice_enabled(self, on: bool) -> None:
        self._qs.setValue("sound/voice", bool(on))

    @property
    def theme(self) -> str:
        value = str(self._qs.value("view/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, mode: str) -> None:
        if mode not in THEMES:
            raise ValueError(mode)
        self._qs.setValue("view/theme", mode)

    def sync(self) -> None:
        self._qs.sync()
