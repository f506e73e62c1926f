"""The session's sound and the screen saver: made on first use, so neither QtMultimedia
nor D-Bus delays the first paint, and kept in step with Settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from itbgui import APP_NAME
from itbgui.ui.settings import AppSettings

if TYPE_CHECKING:
    from itbgui.player.screensaver import ScreenSaverInhibitor
    from itbgui.player.sound import CuePlayer


class SessionAudio:
    def __init__(self, owner: QObject, settings: AppSettings, status: Callable[[str], None], *,
                 inhibitor: ScreenSaverInhibitor | None = None) -> None:
        self.owner = owner
        self.settings = settings
        self.status = status
        self._inhibitor = inhibitor
        self._cue_player: CuePlayer | None = None

    @property
    def inhibitor(self) -> ScreenSaverInhibitor:
        if self._inhibitor is None:
            from itbgui.player.screensaver import platform_inhibitor

            self._inhibitor = platform_inhibitor(APP_NAME)
        return self._inhibitor

    @property
    def cue_player(self) -> CuePlayer:
        if self._cue_player is None:
            from itbgui.player.sound import CuePlayer

            s = self.settings
            self._cue_player = CuePlayer(self.owner, sound_on=s.sound_enabled, voice_on=s.voice_enabled,
                                         volume=s.sound_volume / 100, voice_name=s.voice_name)
            self._cue_player.unavailable.connect(self.status)
            self._cue_player.notice.connect(self.status)
        return self._cue_player

    def load(self) -> None:
        """Called a moment after the window is up, so QtMultimedia never delays it."""
        self.cue_player.load()

    def apply_settings(self) -> None:
        """Sounds, voice, volume and the chosen voice, from the settings to the cue player."""
        s = self.settings
        if self._cue_player is not None:
            self._cue_player.sound_on = s.sound_enabled
            self._cue_player.voice_on = s.voice_enabled
            self._cue_player.set_volume(s.sound_volume / 100)
            self._cue_player.set_voice_name(s.voice_name)

    def release(self) -> None:
        """On quit: let the screen saver back in and end the sound workers."""
        if self._inhibitor is not None:
            self._inhibitor.release()
        if self._cue_player is not None:
            self._cue_player.shutdown()
