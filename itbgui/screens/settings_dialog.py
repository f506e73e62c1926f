"""Settings: sound and voice, session timing, appearance, the data folder and its backups.

Every control writes through :class:`AppSettings` the moment it changes and emits
``changed(key)`` with the INI key (the constants in ``itbgui.ui.settings``), so the main
window re-applies just that one thing. There is no OK / Cancel: nothing waits for a click.
"""

from __future__ import annotations

import json
import logging
from typing import Callable

from PySide6.QtCore import QObject, QProcess, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QLineEdit, QAbstractSpinBox, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QSlider, QSpinBox, QStackedWidget,
                               QVBoxLayout, QWidget)

from itbgui.ui import settings as keys
from itbgui.screens.backups_panel import BackupsPanel
from itbgui.program.exercises import Tempo
from itbgui.program.preferences import (GET_READY_RANGE, REST_RANGE, TEMPO_DOWN_RANGE, TEMPO_HOLD_RANGE,
                                  TEMPO_UP_RANGE)
from itbgui.ui.reduce_motion import effective
from itbgui.ui.settings import REDUCE_MOTION, TEXT_SIZES, VOLUME_RANGE, AppSettings
from itbgui.store.repository import SessionRepository
from itbgui.ui.theme import THEMES, colours
from itbgui.ui.fit_label import FitLabel
from itbgui.ui.widget_kit import TextScaled, fit_to_screen, scrolling

log = logging.getLogger(__name__)

#: Section keys for SettingsDialog.show_section, in the order they are listed.
SECTIONS = ("sound", "timing", "appearance", "data", "backups")

VOICE_PROBE_SECONDS = 5.0


class VoiceProbe(QObject):
    """Lists the speech engine's voices from a child process, killed if it does not answer.

    ``finished(voices, problem)``: a list of names and "", or None and a sentence saying why.
    """

    finished = Signal(object, str)

    def __init__(self, parent: QObject | None = None, *, engine: str | None = None,
                 timeout_seconds: float = VOICE_PROBE_SECONDS) -> None:
        super().__init__(parent)
        self.engine = engine
        self.timeout_seconds = timeout_seconds
        self._process: QProcess | None = None
        self._timed_out = False

    def start(self) -> None:
        """Ask a sound worker for the voices (a stuck speech-dispatcher blocks whoever asks)."""
        from itbgui.player.sound import worker_command

        command = worker_command("voices", *(("--engine", self.engine) if self.engine else ()))
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.finished.connect(self._done)
        self._process = process
        QTimer.singleShot(int(self.timeout_seconds * 1000), self, self._give_up)
        process.start()

    def _give_up(self) -> None:
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._timed_out = True
            self._process.kill()

    def _done(self, _exit_code: int, _status) -> None:
        process, self._process = self._process, None
        answer = {}
        if not self._timed_out and process is not None:
            try:
                answer = json.loads(bytes(process.readAllStandardOutput()).decode().splitlines()[-1])
            except (ValueError, IndexError):
                answer = {}
        voices = answer.get("names")
        if isinstance(voices, list):
            self.finished.emit([str(v) for v in voices], "")
        elif answer.get("why") == "no speech engine is installed":
            self.finished.emit(None, self.tr(
                "No speech engine is installed, so the prompts are tones only. On Linux, "
                "installing speech-dispatcher with a voice such as espeak-ng adds spoken prompts."))
        else:
            self.finished.emit(None, self.tr(
                "The speech engine did not answer, so voices cannot be chosen. Spoken prompts "
                "stay off until it works; the tones still lead the session."))

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.waitForFinished(1000)
            self._process = None


class SettingsDialog(TextScaled, QDialog):
    """Sections on the left, their controls on the right; each change is saved at once."""

    changed = Signal(str)

    def __init__(self, settings: AppSettings, store: SessionRepository,
                 parent: QWidget | None = None, *, probe_voices: bool = True,
                 restore_backup: Callable | None = None) -> None:
        """``restore_backup(backup) -> int`` is the app's write path for a restore (the
        window's model, which tells every page); by default the store's own."""
        super().__init__(parent)
        self.settings = settings
        self.store = store
        self.restore_backup = restore_backup or store.restore
        self.restored = False
        #: how a folder is opened in the file manager (tests replace it)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self._text_scale = settings.text_scale
        self.setWindowTitle(self.tr("Settings"))
        fit_to_screen(self, round(1000 * self._text_scale), round(640 * self._text_scale))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 20, 20, 16)
        body = QHBoxLayout()
        body.setSpacing(20)
        self.sections = QListWidget(objectName="settingsSections")
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.pages = QStackedWidget()
        for title, page in ((self.tr("Sound & voice"), self._sound_page()),
                            (self.tr("Session timing"), self._timing_page()),
                            (self.tr("Appearance"), self._appearance_page()),
                            (self.tr("Data folder"), self._data_page()),
                            (self.tr("Backups"), self._backups_page())):
            self.sections.addItem(title)
            page.setAccessibleName(title)
            self.pages.addWidget(scrolling(page))   # a section taller than the screen scrolls
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close settings"))
        outer.addWidget(buttons)

        self._voice_probe: VoiceProbe | None = None
        if probe_voices:
            self._voice_probe = VoiceProbe(self)
            self._voice_probe.finished.connect(self.show_voices)
            QTimer.singleShot(0, self._voice_probe.start)
        self.apply_style()
        self.sections.setFocus()

    def show_section(self, key: str) -> None:
        """Open on one section, e.g. "backups" for File > Backups."""
        self.sections.setCurrentRow(SECTIONS.index(key))

    # ------------------------------------------------------------------ helpers
    def _page(self, heading: str, intro: str = "") -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(12, 4, 12, 0)
        lay.setSpacing(12)
        title = QLabel(heading, objectName="settingsHeading")
        lay.addWidget(title)
        if intro:
            # Fixed lines, not a wrapped QLabel: those make the section's height depend on
            # its width, and the scroll area then lays the section out too short (cut rows).
            text = FitLabel(intro, lines=3)
            text.setObjectName("settingsMuted")
            lay.addWidget(text)
        return page, lay

    def _write(self, key: str, apply: Callable[[], None]) -> None:
        """Store one value and tell the window which one changed."""
        apply()
        self.changed.emit(key)

    @staticmethod
    def _seconds_box(box, bounds, value, step) -> None:
        box.setRange(bounds[0], bounds[1])
        box.setSingleStep(step)
        box.setSuffix(" s")
        box.setValue(value)

    # ------------------------------------------------------------------ sections
    def _sound_page(self) -> QWidget:
        s = self.settings
        page, lay = self._page(self.tr("Sound & voice"), self.tr(
            "Tones mark every phase of a rep, so you can follow with your eyes closed. "
            "The voice says what comes next."))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.sound_check = QCheckBox(self.tr("Play &sounds during a session"))
        self.sound_check.setChecked(s.sound_enabled)
        self.sound_check.toggled.connect(lambda on: self._write(
            keys.SOUND_ENABLED, lambda: setattr(s, "sound_enabled", on)))
        self.sound_check.toggled.connect(self._update_enabled)
        form.addRow(self.sound_check)

        volume_row = QHBoxLayout()
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(*VOLUME_RANGE)
        self.volume_slider.setSingleStep(5)
        self.volume_slider.setPageStep(10)
        self.volume_slider.setValue(s.sound_volume)
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_value = QLabel(objectName="settingsValue")
        self.volume_value.setMinimumWidth(70)
        self.volume_slider.valueChanged.connect(self._volume_changed)
        self._show_volume(s.sound_volume)
        volume_row.addWidget(self.volume_slider, 1)
        volume_row.addWidget(self.volume_value)
        volume_label = QLabel(self.tr("&Volume"))
        volume_label.setBuddy(self.volume_slider)
        form.addRow(volume_label, volume_row)

        self.voice_check = QCheckBox(self.tr("Speak the &prompts (\"Rest. Next up: glute bridges\")"))
        self.voice_check.setChecked(s.voice_enabled)
        self.voice_check.toggled.connect(lambda on: self._write(
            keys.VOICE_ENABLED, lambda: setattr(s, "voice_enabled", on)))
        self.voice_check.toggled.connect(self._update_enabled)
        form.addRow(self.voice_check)

        self.voice_combo = QComboBox()
        self.voice_combo.setAccessibleName(self.tr("Voice"))
        self.voice_combo.addItem(self.tr("Looking for voices…"), "")
        self.voice_combo.setEnabled(False)
        self.voice_combo.activated.connect(self._voice_chosen)
        self._voices_known = False
        form.addRow(self.tr("V&oice"), self.voice_combo)
        lay.addLayout(form)
        self.sound_problem = FitLabel(lines=3)
        self.sound_problem.setObjectName("settingsWarn")
        self.sound_problem.hide()
        lay.addWidget(self.sound_problem)
        self.voice_note = FitLabel(lines=2)
        self.voice_note.setObjectName("settingsMuted")
        lay.addWidget(self.voice_note)
        lay.addStretch(1)
        self._update_enabled()
        return page

    def _timing_page(self) -> QWidget:
        s = self.settings
        page, lay = self._page(self.tr("Session timing"), self.tr(
            "The plan sets a slow tempo and the rests for each week. Choose your own only if "
            "you need to; changes apply from the next session."))
        form = QFormLayout()
        self.tempo_check = QCheckBox(self.tr("Use my own &tempo (otherwise the plan's)"))
        self.tempo_check.setChecked(s.custom_tempo)
        self.tempo_check.toggled.connect(lambda on: self._write(
            keys.CUSTOM_TEMPO, lambda: setattr(s, "custom_tempo", on)))
        self.tempo_check.toggled.connect(self._update_enabled)
        form.addRow(self.tempo_check)
        tempo = s.tempo
        self.tempo_boxes: dict[str, QDoubleSpinBox] = {}
        for phase, label, bounds, value in (
                ("up", self.tr("&Lift"), TEMPO_UP_RANGE, tempo.up),
                ("hold", self.tr("&Hold at the top"), TEMPO_HOLD_RANGE, tempo.hold),
                ("down", self.tr("Lo&wer"), TEMPO_DOWN_RANGE, tempo.down)):
            box = QDoubleSpinBox()
            box.setDecimals(1)
            self._seconds_box(box, bounds, value, 0.5)
            box.valueChanged.connect(self._tempo_changed)
            self.tempo_boxes[phase] = box
            form.addRow(label, box)
        self.tempo_summary = QLabel(objectName="settingsMuted")
        form.addRow(self.tempo_summary)
        self._show_tempo_summary(tempo)

        self.rest_check = QCheckBox(self.tr("Use my own &rest between sets (otherwise the plan's)"))
        self.rest_check.setChecked(s.custom_rest)
        self.rest_check.toggled.connect(lambda on: self._write(
            keys.CUSTOM_REST, lambda: setattr(s, "custom_rest", on)))
        self.rest_check.toggled.connect(self._update_enabled)
        form.addRow(self.rest_check)
        self.rest_box = QSpinBox()
        self._seconds_box(self.rest_box, REST_RANGE, s.rest_seconds, 5)
        self.rest_box.valueChanged.connect(lambda v: self._write(
            keys.REST_SECONDS, lambda: setattr(s, "rest_seconds", v)))
        form.addRow(self.tr("R&est between sets"), self.rest_box)
        # Three lines kept for it whatever the width (a wrapped QLabel beside a form is laid
        # out too short at a large text size); the type shrinks if three are not enough.
        rest_note = FitLabel(self.tr(
            "The plan rests 45-60 s after a set, and only a short breather where you work one "
            "side at a time, since each side rests while the other works."), lines=3)
        rest_note.setObjectName("settingsMuted")
        # Outside the form: a wrapped label in a form row is laid out one line high and cut.
        lay.addLayout(form)
        lay.addWidget(rest_note)
        form = QFormLayout()
        self.get_ready_box = QSpinBox()
        self._seconds_box(self.get_ready_box, GET_READY_RANGE, s.get_ready_seconds, 5)
        self.get_ready_box.valueChanged.connect(lambda v: self._write(
            keys.GET_READY_SECONDS, lambda: setattr(s, "get_ready_seconds", v)))
        form.addRow(self.tr("&Get ready before the first exercise"), self.get_ready_box)
        lay.addLayout(form)
        lay.addStretch(1)
        self._update_enabled()
        return page

    def _appearance_page(self) -> QWidget:
        s = self.settings
        page, lay = self._page(self.tr("Appearance"))
        form = QFormLayout()
        self.theme_combo = QComboBox()
        names = {"system": self.tr("Follow the system"), "light": self.tr("Light"),
                 "dark": self.tr("Dark")}
        for mode in THEMES:
            self.theme_combo.addItem(names[mode], mode)
        self.theme_combo.setCurrentIndex(THEMES.index(s.theme))
        self.theme_combo.currentIndexChanged.connect(self._theme_chosen)
        form.addRow(self.tr("&Theme"), self.theme_combo)
        self.text_size_combo = QComboBox()
        sizes = {"normal": self.tr("Normal"), "large": self.tr("Large"),
                 "extra_large": self.tr("Extra large, to read from the mat")}
        for size in TEXT_SIZES:
            self.text_size_combo.addItem(sizes[size], size)
        self.text_size_combo.setCurrentIndex(list(TEXT_SIZES).index(s.text_size))
        self.text_size_combo.currentIndexChanged.connect(self._text_size_chosen)
        form.addRow(self.tr("Te&xt size"), self.text_size_combo)
        lay.addLayout(form)
        self.reduce_motion_check = QCheckBox(self.tr("Reduce &motion: keep the exercise pictures still"))
        self.reduce_motion_check.setToolTip(self.tr(
            "The figure then shows the start and end positions instead of moving with the "
            "tempo. Until you choose, this follows your system's setting."))
        self.reduce_motion_check.setChecked(effective(s.reduce_motion))
        self.reduce_motion_check.toggled.connect(self._reduce_motion_toggled)
        lay.addWidget(self.reduce_motion_check)
        self.preview = QLabel(self.tr("Rep 3 of 10 · Lift"), objectName="settingsPreview")
        self.preview.setAccessibleName(self.tr("Text size preview"))
        lay.addWidget(self.preview)
        lay.addStretch(1)
        return page

    def _reduce_motion_toggled(self, on: bool) -> None:
        self._write(REDUCE_MOTION, lambda: setattr(self.settings, "reduce_motion", on))

    def _data_page(self) -> QWidget:
        folder = self.store.data_dir
        page, lay = self._page(self.tr("Data folder"), self.tr(
            "Everything ITB Coach knows about you stays in this folder on this computer: your "
            "sessions (a plain JSON file other tools can read), these settings and the backups."))
        # A read-only field, not a wrapped label: a long path has nowhere to wrap, and here
        # it scrolls within its box; Tab to it, then copy the path.
        self.folder_label = QLineEdit(str(folder), objectName="settingsPath")
        self.folder_label.setReadOnly(True)
        self.folder_label.setAccessibleName(self.tr("Data folder"))
        self.folder_label.setCursorPosition(0)
        self.folder_label.setAccessibleDescription(self.tr("The data folder's path"))
        lay.addWidget(self.folder_label)
        self.open_folder_button = QPushButton(self.tr("&Open folder"))
        self.open_folder_button.setAccessibleName(self.tr("Open the data folder in the file manager"))
        self.open_folder_button.clicked.connect(self.open_data_folder)
        lay.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        files = QLabel(self.tr("Sessions: {data}\nSettings: {ini}").format(
            data=self.store.path.name, ini=self.settings.path.name), objectName="settingsMuted")
        lay.addWidget(files)
        if self.store.read_only:
            note = QLabel(self.tr("The data file is open read-only: nothing can be saved or restored "
                                  "until the other copy of ITB Coach is closed."), objectName="settingsWarn")
            note.setWordWrap(True)
            lay.addWidget(note)
        lay.addStretch(1)
        return page

    def _backups_page(self) -> QWidget:
        page, lay = self._page(self.tr("Backups"), self.tr(
            "A copy of your data is taken once a day and before any risky change: one for each of "
            "the last 7 days and each of the last 9 weeks."))
        self.backups_panel = BackupsPanel(self.store, self.restore_backup)
        self.backups_panel.restored.connect(self._backup_restored)
        lay.addWidget(self.backups_panel, 1)
        return page

    def show_sound_unavailable(self, problem: str) -> None:
        """No audio device (or no audio support): Sound and Voice read as off and cannot be
        changed here, and say why. The stored choices are kept for when a device appears."""
        self._sound_unavailable = True
        for box in (self.sound_check, self.voice_check):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.sound_problem.setText(problem + " " + self.tr(
            "Sound and voice come back by themselves once the computer has one."))
        self.sound_problem.show()
        self._update_enabled()

    # ------------------------------------------------------------------ reactions
    def _update_enabled(self) -> None:
        if getattr(self, "_sound_unavailable", False):
            for widget in (self.sound_check, self.voice_check, self.volume_slider, self.voice_combo):
                widget.setEnabled(False)
        elif hasattr(self, "volume_slider"):
            self.volume_slider.setEnabled(self.sound_check.isChecked())
            self.voice_check.setEnabled(self.sound_check.isChecked())
            self.voice_combo.setEnabled(self._voices_known and self.sound_check.isChecked()
                                        and self.voice_check.isChecked())
        if hasattr(self, "tempo_boxes"):
            for box in self.tempo_boxes.values():
                box.setEnabled(self.tempo_check.isChecked())
        if hasattr(self, "rest_box"):
            self.rest_box.setEnabled(self.rest_check.isChecked())

    def _show_volume(self, value: int) -> None:
        self.volume_value.setText(self.tr("{n} %").format(n=value))

    def _volume_changed(self, value: int) -> None:
        self._show_volume(value)
        self._write(keys.SOUND_VOLUME, lambda: setattr(self.settings, "sound_volume", value))

    def _show_tempo_summary(self, tempo: Tempo) -> None:
        self.tempo_summary.setText(self.tr("One rep takes {rep:g} s; a set of 10, {set:g} s.").format(
            rep=tempo.rep_seconds, set=10 * tempo.rep_seconds))

    def _tempo_changed(self) -> None:
        tempo = Tempo(*(self.tempo_boxes[p].value() for p in ("up", "hold", "down")))
        self._show_tempo_summary(tempo)
        self._write(keys.TEMPO_UP, lambda: setattr(self.settings, "tempo", tempo))

    def _voice_chosen(self, index: int) -> None:
        name = self.voice_combo.itemData(index) or ""
        self._write(keys.VOICE_NAME, lambda: setattr(self.settings, "voice_name", name))

    def _theme_chosen(self, index: int) -> None:
        self._write(keys.THEME, lambda: setattr(self.settings, "theme", self.theme_combo.itemData(index)))
        self.apply_style()  # the window has applied the palette by now (a direct connection)

    def _text_size_chosen(self, index: int) -> None:
        size = self.text_size_combo.itemData(index)
        self._write(keys.TEXT_SIZE, lambda: setattr(self.settings, "text_size", size))
        self._text_scale = TEXT_SIZES[size]
        self.apply_style()

    def show_voices(self, voices: list[str] | None, problem: str = "") -> None:
        """Fill the voice list from the probe; with None, explain why it stays disabled."""
        self.voice_combo.clear()
        if voices is None:
            self._voices_known = False
            self.voice_combo.addItem(self.tr("No voices available"), "")
            self.voice_note.setText(problem)
        else:
            self._voices_known = True
            self.voice_combo.addItem(self.tr("The engine's default voice"), "")
            for name in voices:
                self.voice_combo.addItem(name, name)
            chosen = self.voice_combo.findData(self.settings.voice_name)
            self.voice_combo.setCurrentIndex(max(0, chosen))
            self.voice_note.setText("" if voices else self.tr("The speech engine offers only its "
                                                              "default voice."))
        self._update_enabled()

    def open_data_folder(self) -> None:
        if not self.open_url(QUrl.fromLocalFile(str(self.store.data_dir))):
            self.folder_label.setText(self.tr("{folder}\n(The file manager could not be opened; "
                                              "the path above can be copied.)").format(
                folder=self.store.data_dir))

    # ------------------------------------------------------------------ backups
    def _backup_restored(self) -> None:
        self.restored = True     # the model has told every page; this dialog only notes it

    # ------------------------------------------------------------------ look
    def apply_style(self) -> None:
        c = colours()
        px = self.px

        self.setStyleSheet(f"""
            QLabel, QCheckBox {{ color: {c.text}; font-size: {px(17)}; }}
            QComboBox, QSpinBox, QDoubleSpinBox, QPushButton, QTreeWidget {{ font-size: {px(17)}; }}
            QComboBox, QSpinBox, QDoubleSpinBox {{ min-height: {px(30)}; }}
            QPushButton {{ padding: 6px 16px; }}
            QHeaderView::section {{ font-size: {px(16)}; font-weight: 600; padding: 4px 8px; }}
            QTreeWidget::item {{ padding: 4px; }}
            QCheckBox::indicator {{ width: {px(22)}; height: {px(22)}; }}
            QTreeWidget {{ selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
            #settingsSections {{ font-size: {px(19)}; background: {c.base}; color: {c.text};
                                 selection-background-color: {c.accent}; selection-color: {c.accent_text};
                                 border: 2px solid {c.muted}; border-radius: 8px; }}
            #settingsSections::item {{ padding: 10px 12px; }}
            #settingsSections::item:selected {{ background: {c.accent}; color: {c.accent_text};
                                               font-weight: 700; }}
            #settingsSections:focus {{ border: 3px solid {c.accent}; }}
            #settingsHeading {{ font-size: {px(26)}; font-weight: 700; }}
            #settingsMuted {{ color: {c.muted}; }}
            #settingsWarn {{ color: {c.warn}; font-weight: 600; }}
            #settingsPath {{ font-family: monospace; font-size: {px(17)}; padding: 4px;
                             border: 2px solid transparent; }}
            #settingsPath:focus {{ border: 2px solid {c.accent}; border-radius: 4px; }}
            #settingsValue {{ font-weight: 600; }}
            #settingsPreview {{ font-size: {px(28)}; font-weight: 700; padding: 12px;
                                border: 2px solid {c.muted}; border-radius: 10px;
                                background: {c.card}; }}
        """)
        self.sections.setFixedWidth(round(230 * self._text_scale))
        for box in self.findChildren(QAbstractSpinBox):
            box.setMaximumWidth(round(170 * self._text_scale))
        for combo in self.findChildren(QComboBox):
            combo.setMaximumWidth(round(560 * self._text_scale))
        self.backups_panel.tree.ensurePolished()
        for column in range(3):
            self.backups_panel.tree.resizeColumnToContents(column)

    def done(self, result: int) -> None:
        if self._voice_probe is not None:
            self._voice_probe.stop()
        self.settings.sync()
        super().done(result)
