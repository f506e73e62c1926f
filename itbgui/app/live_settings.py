"""Settings that apply at once: the Settings dialog, the View menu's toggles, and each
change carried to the sound, the theme, the text size or Today's timings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from itbgui.ui import settings as keys
from itbgui.ui.reduce_motion import apply_motion_preference
from itbgui.ui.text_size import apply_text_scale as apply_app_text_scale
from itbgui.ui.theme import DARK, apply_theme, colours, system_scheme

if TYPE_CHECKING:
    from itbgui.app.window import MainWindow

SOUND_KEYS = (keys.SOUND_ENABLED, keys.SOUND_VOLUME, keys.VOICE_ENABLED, keys.VOICE_NAME)
TIMING_KEYS = (keys.CUSTOM_TEMPO, keys.TEMPO_UP, keys.TEMPO_HOLD, keys.TEMPO_DOWN,
               keys.CUSTOM_REST, keys.REST_SECONDS, keys.GET_READY_SECONDS)


class LiveSettings:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings
        self.dialog = None   # SettingsDialog while open (not modal-blocking: tests drive it)
        #: SettingsDialog lists the speech engine's voices from a child process; tests turn it off
        self.probe_voices = True

    def open(self, section: str | None = None):
        """File > Settings (Ctrl+,): every change applies at once through changed()."""
        from PySide6.QtCore import Qt

        from itbgui.screens.settings_dialog import SettingsDialog

        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = SettingsDialog(self.settings, self.window.store, self.window,
                                                  restore_backup=self.window.model.restore_backup,
                                                  probe_voices=self.probe_voices)
            cues = self.window.audio.cue_player
            if cues.problem:   # no audio device: Sound and Voice not shown "ticked"
                dialog.show_sound_unavailable(cues.problem)
            cues.unavailable.connect(dialog.show_sound_unavailable)   # found out later
            # Direct: the dialog restyles itself right after emitting a theme change.
            dialog.changed.connect(self.changed, Qt.ConnectionType.DirectConnection)
            dialog.finished.connect(lambda _result: self._closed(dialog))
        if section:
            dialog.show_section(section)
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.open()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()

    def changed(self, key: str) -> None:
        """Re-apply the one setting that changed (an INI key from itbgui.ui.settings)."""
        w = self.window
        if key in SOUND_KEYS:
            self.apply_sound()
        elif key in TIMING_KEYS:
            if w.player is None:         # a running session keeps the timeline it started with
                w.refresh_today()
                w.refresh_plan()         # the week's cards and printed sheet show the new lengths
        elif key in (keys.THEME, keys.REDUCE_MOTION):
            self.apply_theme()
        elif key == keys.TEXT_SIZE:
            self.apply_text_scale()

    def set_sound(self, on: bool) -> None:
        self.settings.sound_enabled = on
        self.apply_sound()
        self.window.status(self.window.tr("Sounds on") if on else self.window.tr("Sounds off"), 3000)

    def set_voice(self, on: bool) -> None:
        self.settings.voice_enabled = on
        self.apply_sound()

    def apply_sound(self) -> None:
        self.window.audio.apply_settings()
        self.window.menus.sound_action.setChecked(self.settings.sound_enabled)
        self.window.menus.voice_action.setChecked(self.settings.voice_enabled)

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.apply_theme()

    def apply_theme(self) -> None:
        """The stored theme, on the palette and on every page built so far."""
        w = self.window
        apply_theme(QApplication.instance(), self.settings.theme)
        apply_motion_preference(QApplication.instance(), self.settings.reduce_motion)
        w.menus.theme_actions[self.settings.theme].setChecked(True)
        w.apply_style()
        for page in w.pages():
            page.refresh_theme() if page is w.player else page.apply_style()

    def confirm_system_scheme(self) -> None:
        """After the first paint: ask the desktop's colour scheme, which the start painted
        as last seen, remember it, and re-apply the theme if it changed since."""
        if self.settings.theme != "system":
            return
        scheme = system_scheme(QApplication.instance())
        if scheme != self.settings.system_scheme_seen:
            self.settings.system_scheme_seen = scheme
        if (colours() is DARK) != (scheme == "dark"):
            self.apply_theme()

    def apply_text_scale(self) -> None:
        """The text size from Settings, on every page that can scale its type."""
        w = self.window
        apply_app_text_scale(self.settings.text_scale)   # menus, tables, dialogs, Help, chart axes
        w.apply_style()
        for page in w.pages():
            if hasattr(page, "set_text_scale"):
                page.set_text_scale(self.settings.text_scale)
