"""Log a run by keys (Today's "Log a run", Ctrl+R), or answer an imported run's pain questions.

One short form a runner fills in 20 seconds with Tab and Enter: the start is now unless
changed, then distance, duration, terrain, the worst pain during, where it began (or no
pain), pain after and a note. What is typed is checked by run_form.check_form; a wrong
field is named in plain words and marked, and nothing typed is lost. The dialog writes
nothing itself: ``save`` (the window's, through the model) does, and says why it could not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from itbgui.program.clinical_state import RED_FLAGS
from itbgui.screens.runs.run_form import (DISTANCE, DURATION, KM, MINUTES, ONSET, PAIN_AFTER, PAIN_DURING, WHEN,
                                          RunForm, asks_warning_signs, check_form, form_of)
from itbgui.store.records import NOTE_MAX_CHARS
from itbgui.store.run_records import RunRecord
from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import fit_to_screen, scrolling

SOURCE_NAMES = {"gpx": "GPX", "tcx": "TCX", "fit": "FIT", "manual": "typed in"}


class RunDialog(QDialog):
    """``record``: an imported (or earlier) run to answer or correct; None logs a new one."""

    def __init__(self, now: dt.datetime, save: Callable[[RunRecord], str | None], *,
                 record: RunRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing = record
        self.save = save
        self.result_record: RunRecord | None = None
        measured = record is not None and record.source != "manual"
        if record is None:
            self.setWindowTitle(self.tr("Log a run"))
        elif measured:
            self.setWindowTitle(self.tr("Pain answers for an imported run"))
        else:
            self.setWindowTitle(self.tr("Correct a run"))
        self.setAccessibleName(self.windowTitle())

        form = QWidget()
        grid = QFormLayout(form)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.when_edit = QDateTimeEdit(displayFormat="yyyy-MM-dd  HH:mm", calendarPopup=False)
        self.distance_edit = QLineEdit(placeholderText=self.tr("km, e.g. 5.2"))
        self.duration_edit = QLineEdit(placeholderText=self.tr("32:10, or 32 (minutes)"))
        self.terrain_box = QComboBox()
        self.terrain_box.addItem(self.tr("Flat"), "flat")
        self.terrain_box.addItem(self.tr("Hilly"), "hilly")
        self.terrain_box.addItem(self.tr("Not said"), "")   # an imported run: nobody chose yet
        self.pain_during_edit = QLineEdit(placeholderText=self.tr("0 (none) to 10"), maxLength=2)
        self.onset_edit = QLineEdit()
        self.onset_unit = QComboBox()
        self.onset_unit.addItem(self.tr("km"), KM)
        self.onset_unit.addItem(self.tr("minute"), MINUTES)
        onset_row = QHBoxLayout()
        onset_row.setContentsMargins(0, 0, 0, 0)
        onset_row.addWidget(self.onset_edit, 1)
        onset_row.addWidget(self.onset_unit)
        self.pain_after_edit = QLineEdit(placeholderText=self.tr("0 (none) to 10"), maxLength=2)
        self.note_edit = QLineEdit(placeholderText=self.tr("Optional: shoes, route, how it felt"),
                                   maxLength=NOTE_MAX_CHARS)
        rows = ((self.tr("&Start"), self.when_edit), (self.tr("&Distance"), self.distance_edit),
                (self.tr("D&uration"), self.duration_edit), (self.tr("&Terrain"), self.terrain_box),
                (self.tr("Worst &pain during"), self.pain_during_edit),
                (self.tr("Pain &began at"), onset_row), (self.tr("Pain &after"), self.pain_after_edit),
                (self.tr("&Note"), self.note_edit))
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(self.onset_edit if field is onset_row else field)   # Alt+letter goes there
            grid.addRow(label, field)
        grid.addRow(self._warning_signs())
        self.fields = {WHEN: self.when_edit, DISTANCE: self.distance_edit, DURATION: self.duration_edit,
                       PAIN_DURING: self.pain_during_edit, ONSET: self.onset_edit,
                       PAIN_AFTER: self.pain_after_edit}
        self.source_label = QLabel(objectName="runSource")
        self.source_label.setWordWrap(True)
        self.errors_label = QLabel(objectName="runErrors")
        self.errors_label.setWordWrap(True)
        self.errors_label.setAccessibleName(self.tr("What to correct"))
        self.errors_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.source_label)
        lay.addWidget(scrolling(form), 1)
        lay.addWidget(self.errors_label)
        lay.addWidget(self.hint())
        lay.addWidget(buttons)
        self.pain_during_edit.textChanged.connect(self._pain_changed)
        self.pain_after_edit.textChanged.connect(self._show_signs)
        self._fill(now, record, measured)
        self.setStyleSheet(f"#runErrors {{ color: {colours().warn}; font-weight: 600; }}"
                           f" *[error='true'] {{ border: 2px solid {colours().warn}; }}")
        fit_to_screen(self, 600, form.sizeHint().height() + self.source_label.sizeHint().height() + 150)

    def _warning_signs(self) -> QWidget:
        """Five yes/no boxes (Tab to each, Space ticks), shown once the pain typed reaches
        RED_FLAG_PAIN: with pain that high the warning signs are asked, as after a session."""
        self.signs_box = QWidget(objectName="warningSigns")
        lay = QVBoxLayout(self.signs_box)
        lay.setContentsMargins(0, 6, 0, 0)
        title = QLabel(self.tr("With pain this high: tick any warning sign you have (Space ticks). "
                               "A tick means seeing a clinician before more running or strength work."))
        title.setWordWrap(True)
        lay.addWidget(title)
        self.sign_checks = {}
        for key, (_question, words) in RED_FLAGS.items():
            check = QCheckBox(self.tr(words[:1].upper() + words[1:]))
            self.sign_checks[key] = check
            lay.addWidget(check)
        self.signs_box.hide()
        return self.signs_box

    def _show_signs(self, _text: str = "") -> None:
        show = asks_warning_signs(self.pain_during_edit.text(), self.pain_after_edit.text())
        if show and not self.signs_box.isVisibleTo(self) and self.isVisible():
            # Room for the signs where the screen has it (the form scrolls where it has not).
            self.signs_box.setVisible(True)
            fit_to_screen(self, self.width(), self.height() + self.signs_box.sizeHint().height())
        self.signs_box.setVisible(show)

    def hint(self) -> QLabel:
        label = QLabel(self.tr("Tab: next field · Enter: save · Esc: cancel"), objectName="runHint")
        label.setWordWrap(True)
        return label

    def _fill(self, now: dt.datetime, record: RunRecord | None, measured: bool) -> None:
        when = record.started_at if record is not None else now
        self.when_edit.setDateTime(QDateTime(when.year, when.month, when.day, when.hour, when.minute, 0))
        if record is not None:
            f = form_of(record)
            self.distance_edit.setText(f.distance)
            self.duration_edit.setText(f.duration)
            self.terrain_box.setCurrentIndex(max(0, self.terrain_box.findData(f.terrain or "")))
            self.pain_during_edit.setText(f.pain_during)
            self.onset_edit.setText(f.onset)
            self.onset_unit.setCurrentIndex(self.onset_unit.findData(f.onset_unit))
            self.pain_after_edit.setText(f.pain_after)
            self.note_edit.setText(f.note)
            for key, check in self.sign_checks.items():
                check.setChecked(f.warning_signs is not None and key in f.warning_signs)
        for edit in (self.when_edit, self.distance_edit, self.duration_edit):
            edit.setReadOnly(measured)     # read from the watch's file: kept as it was read
        if measured:
            self.source_label.setText(self.tr("From a %1 file: the start, distance and duration as "
                                              "the device recorded them. How did it feel?")
                                      .replace("%1", SOURCE_NAMES.get(record.source, record.source)))
        self.source_label.setVisible(measured)
        self._pain_changed(self.pain_during_edit.text())
        (self.pain_during_edit if measured else self.distance_edit).setFocus()

    def _pain_changed(self, text: str) -> None:
        """No pain, no question of where it began."""
        none = text.strip() == "0"
        self._show_signs()
        self.onset_edit.setEnabled(not none)
        self.onset_unit.setEnabled(not none)
        self.onset_edit.setPlaceholderText(self.tr("no pain") if none else
                                           self.tr("where it began; empty if you cannot say"))

    def form(self) -> RunForm:
        typed = self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)
        old = self.existing.started_at if self.existing is not None else None
        if old is not None and typed == old.replace(tzinfo=None, second=0, microsecond=0):
            when = old                   # unchanged: its own time zone and seconds kept
        else:
            when = typed.astimezone()    # the computer's zone on that date (summer time too)
        return RunForm(when=when, distance=self.distance_edit.text(), duration=self.duration_edit.text(),
                       terrain=self.terrain_box.currentData() or None, pain_during=self.pain_during_edit.text(),
                       onset=self.onset_edit.text() if self.onset_edit.isEnabled() else "",
                       onset_unit=self.onset_unit.currentData(), pain_after=self.pain_after_edit.text(),
                       note=self.note_edit.text(),
                       warning_signs=frozenset(k for k, c in self.sign_checks.items() if c.isChecked())
                       if self.signs_box.isVisibleTo(self) else None)

    def try_save(self) -> None:
        """Check, then save through ``save``; the dialog closes only once the run is stored."""
        result = check_form(self.form(), self.existing)
        for name, widget in self.fields.items():
            widget.setProperty("error", name in result.errors)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if result.errors:
            self._say("\n".join(result.errors.values()))
            first = next(n for n in self.fields if n in result.errors)
            self.fields[first].setFocus()
            return
        error = self.save(result.record)
        if error:
            self._say(self.tr("Not saved: %1").replace("%1", error))
            return
        self.result_record = result.record
        self.accept()

    def _say(self, text: str) -> None:
        self.errors_label.setText(text)
        self.errors_label.show()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.try_save()       # from any field, the combo boxes too
            return
        super().keyPressEvent(event)
