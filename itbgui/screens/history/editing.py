"""Fixing and deleting logged sessions, each one an undoable command.

Values are checked here, at the edge, before anything reaches the store: pain 0-10,
reps 0-200, a rung that exists on the exercise's ladder, a note of at most 500
characters. :func:`edited_session` is pure and tested without a window; the commands
go on the History page's QUndoStack so Ctrl+Z brings back what was changed or deleted.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHeaderView, QLabel, QMessageBox, QPlainTextEdit,
                               QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from itbgui.program.exercises import Kind, exercise as _exercise, find as _known
from itbgui.store.records import (NEXT_MORNING_ANSWERS, NOTE_MAX_CHARS, PAIN_RANGE, REPS_RANGE, RecordError, SessionRecord,
                             check_pain, check_reps, clean_text)
from itbgui.store.repository import StoreError
from itbgui.ui.widget_kit import fit_to_screen

_UNSET = object()


@dataclasses.dataclass(frozen=True)
class SetChange:
    """New values for one set (by its position in the session); None keeps the old one."""

    done_reps: int | None = None
    rung: int | None = None


#: (exercise id, rung) -> the resistance in the person's words, e.g. "Red band above the knees"
RungLabel = Callable[[str, int], str]


def catalogue_label(exercise_id: str, rung: int) -> str:
    """The catalogue's own name for a rung, for when no plan set-up says more."""
    return _exercise(exercise_id).steps[rung].name


def edited_session(record: SessionRecord, *, pain_before=_UNSET, pain_after=_UNSET,
                   pain_during=_UNSET, next_morning=_UNSET, note: str | None = None,
                   sets: Mapping[int, SetChange] | None = None,
                   rung_label: RungLabel = catalogue_label) -> SessionRecord:
    """The session with these changes, or a ValueError saying what is not allowed.

    A rung change also rewrites the set's resistance label, so the two never disagree.
    """
    changes: dict = {}
    if pain_before is not _UNSET:
        changes["pain_before"] = check_pain(pain_before, "pain before")
    if pain_after is not _UNSET:
        changes["pain_after"] = check_pain(pain_after, "pain after")
    if pain_during is not _UNSET:
        changes["pain_during"] = check_pain(pain_during, "worst pain during")
    if next_morning is not _UNSET:
        if next_morning not in (None, *NEXT_MORNING_ANSWERS):
            raise RecordError(f"the next morning must be one of {', '.join(NEXT_MORNING_ANSWERS)}")
        changes["next_morning"] = next_morning
    if note is not None:
        if not isinstance(note, str) or len(note) > NOTE_MAX_CHARS:
            raise RecordError(f"the note must be text of at most {NOTE_MAX_CHARS} characters")
        changes["note"] = clean_text(note)  # a text box can hand over half a UTF-16 pair
    if sets:
        new_sets = list(record.sets)
        for index, change in sets.items():
            if not 0 <= index < len(new_sets):
                raise RecordError(f"this session has no set number {index + 1}")
            old = new_sets[index]
            update: dict = {}
            if change.done_reps is not None:
                update["done_reps"] = check_reps(change.done_reps, "reps")
            if change.rung is not None:
                exercise = _known(old.exercise_id)
                if exercise is None or not 0 <= change.rung < len(exercise.steps):
                    raise RecordError(f"{old.exercise_id} has no resistance step {change.rung + 1}")
                update["step_index"] = change.rung
                update["resistance"] = rung_label(old.exercise_id, change.rung)
            new_sets[index] = dataclasses.replace(old, **update)
        changes["sets"] = tuple(new_sets)
    return dataclasses.replace(record, **changes)


def _day(record: SessionRecord) -> str:
    return record.started_at.strftime("%Y-%m-%d")


class EditSessionCommand(QUndoCommand):
    """Replace a session with its edited copy; undo puts the original back."""

    def __init__(self, writer, before: SessionRecord, after: SessionRecord,
                 on_change: Callable[[str], None], on_error: Callable[[StoreError], None]) -> None:
        """``writer`` has save_session/delete_session: the app's CoachModel (or a bare store)."""
        super().__init__(QCoreApplication.translate("EditSessionCommand", "Edit session of %1")
                         .replace("%1", _day(before)))
        self.writer, self.before, self.after = writer, before, after
        self.on_change, self.on_error = on_change, on_error

    def _save(self, record: SessionRecord) -> None:
        try:
            self.writer.save_session(record)
        except StoreError as exc:
            self.setObsolete(True)  # the stack drops a command that could not be done
            self.on_error(exc)
            return
        self.on_change(record.id)

    def redo(self) -> None:
        self._save(self.after)

    def undo(self) -> None:
        self._save(self.before)


class DeleteSessionCommand(QUndoCommand):
    """Delete a session; undo saves the very record that was removed."""

    def __init__(self, writer, record: SessionRecord,
                 on_change: Callable[[str], None], on_error: Callable[[StoreError], None]) -> None:
        super().__init__(QCoreApplication.translate("DeleteSessionCommand", "Delete session of %1")
                         .replace("%1", _day(record)))
        self.writer, self.record = writer, record
        self.on_change, self.on_error = on_change, on_error

    def redo(self) -> None:
        try:
            removed = self.writer.delete_session(self.record.id)
        except StoreError as exc:
            self.setObsolete(True)
            self.on_error(exc)
            return
        if removed is not None:
            self.record = removed
        self.on_change(self.record.id)

    def undo(self) -> None:
        try:
            self.writer.save_session(self.record)
        except StoreError as exc:
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.on_change(self.record.id)


def confirm_delete(parent: QWidget, record: SessionRecord) -> bool:
    """Ask before deleting; the default button keeps the session."""
    tr = lambda text: QCoreApplication.translate("confirm_delete", text)  # noqa: E731
    box = QMessageBox(QMessageBox.Icon.Question, tr("Delete session?"),
                      tr("Delete the session of %1 with its %2 sets? Ctrl+Z brings it back while "
                         "ITB Coach stays open.")
                      .replace("%1", record.started_at.strftime("%A %d %B %Y, %H:%M"))
                      .replace("%2", str(len(record.sets))), parent=parent)
    delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is delete


class SessionEditDialog(QDialog):
    """Pain scores, the note, and each set's reps and resistance for one session."""

    NOT_ASKED = -1  # spin box value shown as "not asked"

    def __init__(self, record: SessionRecord, parent: QWidget | None = None, *,
                 rung_label: RungLabel = catalogue_label) -> None:
        super().__init__(parent)
        self.record = record
        self.rung_label = rung_label  # the person's words for each rung (their bands, weights)
        self.setWindowTitle(self.tr("Edit session of %1").replace("%1", _day(record)))
        fit_to_screen(self, 720, 600)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.pain_before = self._pain_box(record.pain_before)
        self.pain_during = self._pain_box(record.pain_during)   # created in the form's order: Tab
        self.pain_after = self._pain_box(record.pain_after)
        form.addRow(self.tr("Pain &before (0-10)"), self.pain_before)
        form.addRow(self.tr("Worst pain &during (0-10)"), self.pain_during)
        form.addRow(self.tr("Pain &after (0-10)"), self.pain_after)
        self.next_morning = QComboBox()   # answered late here: without it nothing goes up
        for text, value in ((self.tr("Not answered"), None), (self.tr("Better"), "better"),
                            (self.tr("The same"), "same"), (self.tr("Worse"), "worse")):
            self.next_morning.addItem(text, value)
        self.next_morning.setCurrentIndex(self.next_morning.findData(record.next_morning)
                                          if record.next_morning else 0)
        form.addRow(self.tr("Next &morning, against before the session"), self.next_morning)
        self.note = QPlainTextEdit(record.note)
        self.note.setMaximumHeight(80)
        self.note.setAccessibleName(self.tr("Note"))
        form.addRow(self.tr("&Note"), self.note)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Sets (reps 0-200; resistance from the exercise's steps)")))
        self.sets = QTableWidget(len(record.sets), 4)
        self.sets.setHorizontalHeaderLabels([self.tr("Exercise"), self.tr("Side / set"),
                                             self.tr("Reps done"), self.tr("Resistance")])
        self.sets.verticalHeader().hide()
        self.sets.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rep_boxes: list[QSpinBox | None] = []
        self.rung_boxes: list[QComboBox | None] = []
        self._initial_rungs: list[int] = []
        sides = {"left": self.tr("left"), "right": self.tr("right"), None: self.tr("both")}
        for row, s in enumerate(record.sets):
            ex = _known(s.exercise_id)
            for column, text in enumerate((ex.name if ex else s.exercise_id,
                                           f"{sides.get(s.side, s.side)} · {s.set_number}")):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.sets.setItem(row, column, item)
            counted = ex is not None and ex.kind is Kind.REPS
            reps = None
            if counted:
                reps = QSpinBox()
                reps.setRange(*REPS_RANGE)
                reps.setValue(s.done_reps)
                reps.setAccessibleName(self.tr("Reps done, %1 set %2")
                                       .replace("%1", ex.name).replace("%2", str(s.set_number)))
                self.sets.setCellWidget(row, 2, reps)
            self.rep_boxes.append(reps)
            rung = None
            if ex is not None:
                rung = QComboBox()   # easiest first; each item carries its step index
                labels = [rung_label(ex.id, i) for i in range(len(ex.steps))]
                for index, _step in ex.ladder():
                    rung.addItem(labels[index], index)
                current = s.step_index
                if current is None:  # a format-1 set: known only by its words
                    names = [step.name for step in ex.steps]
                    current = (names.index(s.resistance) if s.resistance in names
                               else labels.index(s.resistance) if s.resistance in labels else -1)
                rung.setCurrentIndex(rung.findData(current) if current is not None and current >= 0 else -1)
                self._initial_rungs.append(current)
                rung.setAccessibleName(self.tr("Resistance, %1 set %2")
                                       .replace("%1", ex.name).replace("%2", str(s.set_number)))
                self.sets.setCellWidget(row, 3, rung)
            self.rung_boxes.append(rung)
            if rung is None:
                self._initial_rungs.append(-1)
        # Rows as tall as the spin boxes and lists in them (at any text size), not cut.
        row = max([w.sizeHint().height() for w in (*self.rep_boxes, *self.rung_boxes) if w] or [0])
        self.sets.verticalHeader().setDefaultSectionSize(max(row + 4, self.sets.verticalHeader()
                                                             .defaultSectionSize()))
        header = self.sets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.sets, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(link); font-weight: 600;")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.result_record: SessionRecord | None = None

    def _pain_box(self, value: int | None) -> QSpinBox:
        box = QSpinBox()
        box.setRange(self.NOT_ASKED, PAIN_RANGE[1])
        box.setSpecialValueText(self.tr("not asked"))
        box.setValue(self.NOT_ASKED if value is None else value)
        return box

    def edited_record(self) -> SessionRecord:
        """The session as the form now shows it (ValueError if a value is not allowed)."""
        def pain(box: QSpinBox) -> int | None:
            return None if box.value() == self.NOT_ASKED else box.value()

        changes = {}
        for index, s in enumerate(self.record.sets):
            reps_box, rung_box = self.rep_boxes[index], self.rung_boxes[index]
            done = reps_box.value() if reps_box is not None else None
            rung = rung_box.currentData() if rung_box is not None and rung_box.currentIndex() >= 0 else -1
            change = SetChange(done_reps=done if done is not None and done != s.done_reps else None,
                               rung=rung if rung >= 0 and rung != self._initial_rungs[index] else None)
            if change != SetChange():
                changes[index] = change
        return edited_session(self.record, pain_before=pain(self.pain_before),
                              pain_after=pain(self.pain_after),
                              pain_during=pain(self.pain_during),
                              next_morning=self.next_morning.currentData(),
                              note=self.note.toPlainText(), sets=changes,
                              rung_label=self.rung_label)

    def accept(self) -> None:
        try:
            self.result_record = self.edited_record()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
