"""The main window: the start screen, the player, the menus, and the app's wiring.

The store, the clock and the settings are passed in, never reached as globals, so tests
build a window on a temporary folder and a fake clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from . import APP_NAME, __version__
from .clock import Clock
from .home import HomePage
from .program.prescription import SessionPrescription, starter_session
from .program.timeline import Timing, build_timeline
from .settings import AppSettings
from .store.repository import SessionRepository
from .store.saver import BackgroundSaver
from .theme import THEMES, apply_theme

if TYPE_CHECKING:
    from .player.screensaver import ScreenSaverInhibitor
    from .player.sound import CuePlayer

SHORTCUTS_HELP = """<table cellpadding=4>
<tr><td><b>Enter</b></td><td>start the session / confirm</td></tr>
<tr><td><b>Space</b></td><td>pause and resume</td></tr>
<tr><td><b>→</b> / <b>←</b></td><td>next step / previous step</td></tr>
<tr><td><b>↑</b> / <b>↓</b></td><td>more / fewer reps logged for the set</td></tr>
<tr><td><b>0-9</b>, <b>1</b> <b>0</b></td><td>pain score 0-10</td></tr>
<tr><td><b>F</b> or <b>F11</b></td><td>full screen</td></tr>
<tr><td><b>M</b></td><td>sound on / off</td></tr>
<tr><td><b>Esc</b></td><td>leave the session (asks first; what you did is kept)</td></tr>
</table>"""


class MainWindow(QMainWindow):
    #: a background save finished: (SessionRecord, StoreError | None); emitted from the worker
    save_finished = Signal(object, object)

    def __init__(self, store: SessionRepository, settings: AppSettings, clock: Clock, *,
                 inhibitor: ScreenSaverInhibitor | None = None, timing: Timing = Timing()) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.clock = clock
        self.timing = timing
        self._inhibitor = inhibitor  # made on first use: reaching D-Bus costs start-up time
        self.prescription: SessionPrescription = starter_session()
        self.player = None  # the PlayerView while a session is open
        self._cue_player: CuePlayer | None = None
        self.saver = BackgroundSaver(store, on_result=self.save_finished.emit)
        self.save_finished.connect(self._on_saved)

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(QIcon(":/icons/itb-coach.svg"))
        self.resize(1280, 720)
        self.stack = QStackedWidget()
        self.home = HomePage()
        self.home.start_requested.connect(self.start_session)
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.refresh_home()

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.start_action = QAction("&Start session", self, shortcut=QKeySequence("Ctrl+Return"),
                                    triggered=self.start_session)
        file_menu.addAction(self.start_action)
        file_menu.addSeparator()
        file_menu.addAction(QAction("&Backups…", self, triggered=self.show_backups))
        file_menu.addAction(QAction("Save a &copy of my data…", self, triggered=self.export_data))
        file_menu.addSeparator()
        file_menu.addAction(QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit,
                                    triggered=self.close))

        view_menu = bar.addMenu("&View")
        self.fullscreen_action = QAction("&Full screen", self, checkable=True,
                                         shortcut=QKeySequence("F11"),
                                         triggered=self.set_fullscreen)
        view_menu.addAction(self.fullscreen_action)
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        labels = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
        for mode in THEMES:
            action = QAction(labels[mode], self, checkable=True,
                             checked=self.settings.theme == mode)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_theme(m))
            group.addAction(action)
            theme_menu.addAction(action)
        view_menu.addSeparator()
        self.sound_action = QAction("&Sounds", self, checkable=True,
                                    checked=self.settings.sound_enabled,
                                    triggered=self.set_sound)
        self.voice_action = QAction("Spoken &prompts", self, checkable=True,
                                    checked=self.settings.voice_enabled,
                                    triggered=self.set_voice)
        view_menu.addAction(self.sound_action)
        view_menu.addAction(self.voice_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(QAction("&Keyboard shortcuts", self, shortcut=QKeySequence("F1"),
                                    triggered=self.show_shortcuts))
        help_menu.addAction(QAction(f"&About {APP_NAME}", self, triggered=self.show_about))

    # ------------------------------------------------------------------ actions
    def refresh_home(self) -> None:
        sessions = self.store.sessions()
        self.home.show_session(self.prescription, build_timeline(self.prescription, self.timing),
                               sessions[-1] if sessions else None)

    # The player's helpers are made on first use: nothing the first paint needs.
    @property
    def inhibitor(self) -> ScreenSaverInhibitor:
        if self._inhibitor is None:
            from .player.screensaver import platform_inhibitor

            self._inhibitor = platform_inhibitor(APP_NAME)
        return self._inhibitor

    @property
    def cue_player(self) -> CuePlayer:
        if self._cue_player is None:
            from .player.sound import CuePlayer

            self._cue_player = CuePlayer(self, sound_on=self.settings.sound_enabled,
                                         voice_on=self.settings.voice_enabled)
            self._cue_player.unavailable.connect(lambda msg: self.statusBar().showMessage(msg))
        return self._cue_player

    def load_sound(self) -> None:
        """Called a moment after the window is up, so QtMultimedia never delays it."""
        self.cue_player.load()

    def start_session(self) -> None:
        if self.player is not None:
            return
        from .player.view import PlayerView  # with QtSvg: not needed for the first paint

        self.load_sound()
        timeline = build_timeline(self.prescription, self.timing)
        self.player = PlayerView(timeline, self.clock, self.store, self.saver, self.cue_player,
                                 self.inhibitor)
        self.player.closed.connect(self.end_session)
        self.player.sound_toggle_requested.connect(lambda: self.set_sound(not self.cue_player.sound_on))
        self.player.fullscreen_toggle_requested.connect(
            lambda: self.set_fullscreen(not self.isFullScreen()))
        self.stack.addWidget(self.player)
        self.stack.setCurrentWidget(self.player)
        self.start_action.setEnabled(False)
        self.player.setFocus()

    def end_session(self) -> None:
        player, self.player = self.player, None
        if player is None:
            return
        self.stack.setCurrentWidget(self.home)
        self.stack.removeWidget(player)
        player.deleteLater()
        self.start_action.setEnabled(True)
        self.refresh_home()
        self.home.start_button.setFocus()

    def _on_saved(self, record, error) -> None:
        if self.player is not None:
            self.player.saved(record, error)
        if error is not None:
            self.statusBar().showMessage(f"Not saved: {error}")

    def set_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()
        self.fullscreen_action.setChecked(on)

    def set_sound(self, on: bool) -> None:
        if self._cue_player is not None:
            self._cue_player.sound_on = on
        self.settings.sound_enabled = on
        self.sound_action.setChecked(on)
        self.statusBar().showMessage("Sounds on" if on else "Sounds off", 3000)

    def set_voice(self, on: bool) -> None:
        if self._cue_player is not None:
            self._cue_player.voice_on = on
        self.settings.voice_enabled = on
        self.voice_action.setChecked(on)

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        apply_theme(QApplication.instance(), mode)
        self.home.apply_style()
        if self.player is not None:
            self.player.refresh_theme()

    # ------------------------------------------------------------------ data file
    def show_data_notice(self) -> None:
        """Tell the person once what opening their file found, and offer the newest backup."""
        from PySide6.QtWidgets import QMessageBox

        from .backups_dialog import confirm_restore, restore_with_message

        text = self.store.report.summary()
        if not text:
            return
        newest = self.store.backups.newest()
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, parent=self)
        restore = None
        if self.store.report.repaired and newest is not None and not self.store.read_only:
            box.setInformativeText(self.tr("The newest backup is from {when}.").format(
                when=newest.taken_at.strftime("%A %d %B, %H:%M")))
            restore = box.addButton(self.tr("Restore that backup…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(self.tr("Keep what was recovered"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if restore is not None and box.clickedButton() is restore and confirm_restore(self, newest):
            if restore_with_message(self, self.store, newest):
                self.refresh_home()

    def show_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.store, self)
        dialog.exec()
        if dialog.restored:
            self.refresh_home()

    def export_data(self) -> None:
        """Save everything in memory, saved or not, somewhere else (the full-disk way out)."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from .store.repository import StoreError

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of my data"),
                                              "itb-coach-copy.json", self.tr("JSON files (*.json)"))
        if not path:
            return
        try:
            self.store.export_copy(path)
        except StoreError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        self.statusBar().showMessage(self.tr("Saved a copy to {path}").format(path=path), 5000)

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, f"About {APP_NAME}", (
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>A follow-along hip-strengthening coach for runners with IT band syndrome.</p>"
            "<p>Your data stays on this computer, in<br><code>"
            f"{self.store.path}</code></p>"
            "<p>Not medical advice: if pain is severe, keeps rising, or comes with swelling, "
            "locking or numbness, see a clinician.</p>"))

    def keyPressEvent(self, event) -> None:
        if self.player is None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_session()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.player is not None:
            self.player.leave_now()
        self.saver.close()
        if self._inhibitor is not None:
            self._inhibitor.release()
        if self._cue_player is not None:
            self._cue_player.stop()
        self.settings.sync()
        super().closeEvent(event)


#: Sound loads this long after the window appears, so QtMultimedia never delays it.
SOUND_LOAD_DELAY_MS = 1500


def show_main_window(window: MainWindow) -> None:
    window.show()
    QTimer.singleShot(SOUND_LOAD_DELAY_MS, window.load_sound)
