"""Settings that apply at once: the Settings dialog, the View menu's toggles, and each
change carried to the sound, the theme, the text size or Today's timings.

It is handed what it drives (the settings, the sound, the page tabs, the pages built so
far, the menus' actions) and says through ``timings_changed`` what only the window can
redraw; it never holds the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from itbgui.ui import settings as keys
from itbgui.ui.reduce_motion import apply_motion_preference
from itbgui.ui.settings import AppSettings
from itbgui.ui.text_size import apply_text_scale as apply_app_text_scale
from itbgui.ui.theme import DARK, apply_theme, colours, system_scheme

if TYPE_CHECKING:
    from itbgui.app.audio import SessionAudio
    from itbgui.app.menu_actions import MenuActions
    from itbgui.app.status import StatusSink
    from itbgui.model.coach_model import CoachModel
    from itbgui.store.repository import SessionRepository

SOUND_KEYS = (keys.SOUND_ENABLED, keys.SOUND_VOLUME, keys.VOICE_ENABLED, keys.VOICE_NAME)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class LiveSettings(QObject):
    #: the session's timings changed: Today and the Plan show the new lengths
    timings_changed = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget, status: StatusSink, *, audio: SessionAudio,
                 model: CoachModel, store: Callable[[], SessionRepository], tabs: QTabWidget,
                 pages: Callable[[], list], menus: Callable[[], MenuActions]) -> None:
        """``pages`` gives every page built so far (the player included); ``store`` and
        ``menus`` are made on first use, after the first paint."""
        super().__init__(parent)
        self.settings, self.status, self.audio = settings, status, audio
        self.model, self.store, self.tabs, self.pages, self.menus = model, store, tabs, pages, menus
        self.dialog = None   # SettingsDialog while open (not modal-blocking: tests drive it)
        #: SettingsDialog lists the speech engine's voices from a child process; tests turn it off
        self.probe_voices = True

    def open(self, section: str | None = None):
        """File > Settings (Ctrl+,): every change applies at once through changed()."""
        from PySide6.QtCore import Qt

        from itbgui.screens.settings_dialog import SettingsDialog

        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = SettingsDialog(self.settings, self.store(), self.parent(),
                                                  restore_backup=self.model.restore_backup,
                                                  probe_voices=self.probe_voices)
            cues = self.audio.cue_player
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
        if key in SOUND_KEYS:
            self.apply_sound()
        elif key in keys.TIMING_KEYS:
            self.timings_changed.emit()
        elif key in (keys.THEME, keys.REDUCE_MOTION):
            self.apply_theme()
        elif key == keys.TEXT_SIZE:
            self.apply_text_scale()

    def set_sound(self, on: bool) -> None:
        self.settings.sound_enabled = on
        self.apply_sound()
        self.status(tr("Sounds on") if on else tr("Sounds off"), 3000)

    def set_voice(self, on: bool) -> None:
        self.settings.voice_enabled = on
        self.apply_sound()

    def apply_sound(self) -> None:
        self.audio.apply_settings()
        self.menus().sound_action.setChecked(self.settings.sound_enabled)
        self.menus().voice_action.setChecked(self.settings.voice_enabled)

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.apply_theme()

    def apply_theme(self) -> None:
        """The stored theme, on the palette and on every page built so far."""
        apply_theme(QApplication.instance(), self.settings.theme)
        apply_motion_preference(QApplication.instance(), self.settings.reduce_motion)
        self.menus().theme_actions[self.settings.theme].setChecked(True)
        self.style_tabs()
        for page in self.pages():   # the player redraws its face; a page restyles
            page.refresh_theme() if hasattr(page, "refresh_theme") else page.apply_style()

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
        apply_app_text_scale(self.settings.text_scale)   # menus, tables, dialogs, Help, chart axes
        self.style_tabs()
        for page in self.pages():
            if hasattr(page, "set_text_scale"):
                page.set_text_scale(self.settings.text_scale)

    def style_tabs(self) -> None:
        """The page tabs, in the theme's colours at the chosen text size."""
        c = colours()
        scale = self.settings.text_scale
        self.tabs.setStyleSheet(f"""
            QTabBar::tab {{ font-size: {round(20 * scale)}px; font-weight: 600; padding: 10px 30px;
                            min-width: 110px;
                            color: {c.muted}; border-bottom: 4px solid transparent; }}
            QTabBar::tab:selected {{ color: {c.text}; border-bottom: 4px solid {c.accent}; }}
            QTabBar::tab:focus {{ text-decoration: underline; }}
        """)
