"""The person's preferences, kept in an INI file inside the data folder.

Living beside the data (not in the desktop-wide settings store) means ``--data-dir``
keeps a test's or a second profile's preferences apart. Every read checks its value: a
hand-edited INI with a nonsense or out-of-range entry falls back to the default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from itbgui.ui.theme import THEMES

if TYPE_CHECKING:
    from itbgui.program.exercises import Tempo
    from itbgui.program.preferences import SessionPreferences


def _rules():
    """The program's preferences (defaults and safe ranges): loaded on the first timing
    question, after the first paint, which reads the settings without them."""
    from itbgui.program import preferences

    return preferences


# INI keys; SettingsDialog.changed(key) emits these, so the window can tell what to re-apply.
SOUND_ENABLED = "sound/enabled"
SOUND_VOLUME = "sound/volume"
VOICE_ENABLED = "sound/voice"
VOICE_NAME = "sound/voice_name"
CUSTOM_TEMPO = "timing/custom_tempo"
TEMPO_UP = "timing/tempo_up"
TEMPO_HOLD = "timing/tempo_hold"
TEMPO_DOWN = "timing/tempo_down"
CUSTOM_REST = "timing/custom_rest"
REST_SECONDS = "timing/rest_seconds"
GET_READY_SECONDS = "timing/get_ready_seconds"
THEME = "view/theme"
SYSTEM_SCHEME = "view/system_scheme"   # the desktop's colour scheme at the last start
TEXT_SIZE = "view/text_size"
REDUCE_MOTION = "view/reduce_motion"
WINDOW_GEOMETRY = "window/geometry"
FIRST_RUN_DONE = "app/first_run_done"
#: What changes a session's timeline: a change redraws Today and the Plan (app/live_settings.py),
#: and a kept Today card is made under them (app/today_cards.py).
TIMING_KEYS = (CUSTOM_TEMPO, TEMPO_UP, TEMPO_HOLD, TEMPO_DOWN, CUSTOM_REST, REST_SECONDS, GET_READY_SECONDS)

VOLUME_RANGE = (0, 100)
DEFAULT_VOLUME = 80
#: Text sizes for reading from the mat, and how much each scales the app's type.
TEXT_SIZES = {"normal": 1.0, "large": 1.25, "extra_large": 1.5}


class AppSettings:
    def __init__(self, data_dir: Path) -> None:
        self._qs = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.Format.IniFormat)
        self._private = False

    def _writable(self) -> QSettings:
        """The settings, their folder and file made the owner's alone before the first
        write: QSettings keeps a file's mode when it rewrites it, and would make a new one
        as readable as the umask lets it. A mere read writes nothing."""
        if not self._private:
            from itbgui.store import private

            try:
                private.make_folder(self.path.parent)
                os.close(private.create(self.path, os.O_WRONLY))
            except OSError:
                pass   # the write then fails as it always could, and status() says so
            self._private = True
        return self._qs

    @property
    def path(self) -> Path:
        return Path(self._qs.fileName())

    # ------------------------------------------------------------------ checked reads
    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        return default

    def _number(self, key: str, default: float, bounds: tuple[float, float]) -> float:
        try:
            value = float(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default
        return value if bounds[0] <= value <= bounds[1] else default

    def _choice(self, key: str, default: str, choices) -> str:
        value = str(self._qs.value(key, default))
        return value if value in choices else default

    def _set_number(self, key: str, value: float, bounds: tuple[float, float]) -> None:
        if not bounds[0] <= value <= bounds[1]:
            raise ValueError(f"{key} must be {bounds[0]:g}-{bounds[1]:g}, got {value!r}")
        self._writable().setValue(key, value)

    # ------------------------------------------------------------------ sound and voice
    @property
    def sound_enabled(self) -> bool:
        return self._bool(SOUND_ENABLED, True)

    @sound_enabled.setter
    def sound_enabled(self, on: bool) -> None:
        self._writable().setValue(SOUND_ENABLED, bool(on))

    @property
    def sound_volume(self) -> int:
        """0-100; the CuePlayer wants it divided by 100."""
        return int(self._number(SOUND_VOLUME, DEFAULT_VOLUME, VOLUME_RANGE))

    @sound_volume.setter
    def sound_volume(self, value: int) -> None:
        self._set_number(SOUND_VOLUME, int(value), VOLUME_RANGE)

    @property
    def voice_enabled(self) -> bool:
        return self._bool(VOICE_ENABLED, True)

    @voice_enabled.setter
    def voice_enabled(self, on: bool) -> None:
        self._writable().setValue(VOICE_ENABLED, bool(on))

    @property
    def voice_name(self) -> str:
        """The chosen voice's name; "" means the speech engine's default."""
        return str(self._qs.value(VOICE_NAME, "") or "")

    @voice_name.setter
    def voice_name(self, name: str) -> None:
        self._writable().setValue(VOICE_NAME, str(name or ""))

    # ------------------------------------------------------------------ session timing
    @property
    def custom_tempo(self) -> bool:
        """False: each week's tempo comes from the plan; True: :attr:`tempo` everywhere."""
        return self._bool(CUSTOM_TEMPO, False)

    @custom_tempo.setter
    def custom_tempo(self, on: bool) -> None:
        self._writable().setValue(CUSTOM_TEMPO, bool(on))

    @property
    def tempo(self) -> Tempo:
        from itbgui.program.exercises import Tempo

        p = _rules()
        return Tempo(self._number(TEMPO_UP, p.DEFAULT_TEMPO.up, p.TEMPO_UP_RANGE),
                     self._number(TEMPO_HOLD, p.DEFAULT_TEMPO.hold, p.TEMPO_HOLD_RANGE),
                     self._number(TEMPO_DOWN, p.DEFAULT_TEMPO.down, p.TEMPO_DOWN_RANGE))

    @tempo.setter
    def tempo(self, tempo: Tempo) -> None:
        p = _rules()
        for value, bounds in ((tempo.up, p.TEMPO_UP_RANGE), (tempo.hold, p.TEMPO_HOLD_RANGE),
                              (tempo.down, p.TEMPO_DOWN_RANGE)):
            if not bounds[0] <= value <= bounds[1]:
                raise ValueError(f"tempo {tempo.label()} is outside the safe range")
        self._writable().setValue(TEMPO_UP, float(tempo.up))
        self._writable().setValue(TEMPO_HOLD, float(tempo.hold))
        self._writable().setValue(TEMPO_DOWN, float(tempo.down))

    @property
    def custom_rest(self) -> bool:
        """False: rests come from the plan; True: :attr:`rest_seconds` between every set."""
        return self._bool(CUSTOM_REST, False)

    @custom_rest.setter
    def custom_rest(self, on: bool) -> None:
        self._writable().setValue(CUSTOM_REST, bool(on))

    @property
    def rest_seconds(self) -> int:
        p = _rules()
        return int(self._number(REST_SECONDS, p.DEFAULT_REST_SECONDS, p.REST_RANGE))

    @rest_seconds.setter
    def rest_seconds(self, seconds: int) -> None:
        self._set_number(REST_SECONDS, int(seconds), _rules().REST_RANGE)

    @property
    def get_ready_seconds(self) -> int:
        p = _rules()
        return int(self._number(GET_READY_SECONDS, p.DEFAULT_GET_READY_SECONDS, p.GET_READY_RANGE))

    @get_ready_seconds.setter
    def get_ready_seconds(self, seconds: int) -> None:
        self._set_number(GET_READY_SECONDS, int(seconds), _rules().GET_READY_RANGE)

    def timing_as_stored(self) -> list[str | None]:
        """The timing settings as the file holds them, unchecked: equal lists, equal timing."""
        return [None if (value := self._qs.value(key)) is None else str(value) for key in TIMING_KEYS]

    def session_preferences(self) -> SessionPreferences:
        """What the next session's timeline is built with (see program.preferences)."""
        return _rules().SessionPreferences(
            tempo=self.tempo if self.custom_tempo else None,
            rest_seconds=self.rest_seconds if self.custom_rest else None,
            get_ready_seconds=self.get_ready_seconds)

    # ------------------------------------------------------------------ appearance
    @property
    def theme(self) -> str:
        return self._choice(THEME, "system", THEMES)

    @theme.setter
    def theme(self, mode: str) -> None:
        if mode not in THEMES:
            raise ValueError(mode)
        self._writable().setValue(THEME, mode)

    @property
    def system_scheme_seen(self) -> str | None:
        """"dark" or "light": the desktop's scheme when last asked (None: never asked)."""
        value = self._choice(SYSTEM_SCHEME, "", ("light", "dark"))
        return value or None

    @system_scheme_seen.setter
    def system_scheme_seen(self, scheme: str) -> None:
        if scheme not in ("light", "dark"):
            raise ValueError(scheme)
        self._writable().setValue(SYSTEM_SCHEME, scheme)

    @property
    def text_size(self) -> str:
        return self._choice(TEXT_SIZE, "normal", TEXT_SIZES)

    @text_size.setter
    def text_size(self, size: str) -> None:
        if size not in TEXT_SIZES:
            raise ValueError(size)
        self._writable().setValue(TEXT_SIZE, size)

    @property
    def text_scale(self) -> float:
        """How much larger than normal the type is drawn (1.0, 1.25 or 1.5)."""
        return TEXT_SIZES[self.text_size]

    @property
    def reduce_motion(self) -> bool | None:
        """True: still exercise pictures; False: moving; None (never chosen, or a nonsense
        value): follow the system's preference (player/picture.py)."""
        if not self._qs.contains(REDUCE_MOTION):
            return None
        value = self._bool(REDUCE_MOTION, None)
        return value if isinstance(value, bool) else None

    @reduce_motion.setter
    def reduce_motion(self, on: bool | None) -> None:
        if on is None:
            self._writable().remove(REDUCE_MOTION)
        else:
            self._writable().setValue(REDUCE_MOTION, bool(on))

    # ------------------------------------------------------------------ window and first run
    @property
    def window_geometry(self) -> bytes | None:
        """QWidget.saveGeometry() as last stored; None before the first close."""
        value = self._qs.value(WINDOW_GEOMETRY)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return bytes(value.data())
        if isinstance(value, (bytes, bytearray)) and value:
            return bytes(value)
        return None

    @window_geometry.setter
    def window_geometry(self, data: bytes | QByteArray) -> None:
        self._writable().setValue(WINDOW_GEOMETRY, QByteArray(bytes(data)))

    @property
    def first_run_done(self) -> bool:
        return self._bool(FIRST_RUN_DONE, False)

    @first_run_done.setter
    def first_run_done(self, done: bool) -> None:
        self._writable().setValue(FIRST_RUN_DONE, bool(done))

    def sync(self) -> None:
        self._qs.sync()
