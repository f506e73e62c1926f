"""Editing and deleting sessions: checks at the edge, and undo through the real store."""

import dataclasses

import pytest
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtCore import Qt

from itbgui.screens.history.editing import (DeleteSessionCommand, EditSessionCommand, SessionEditDialog,
                                    SetChange, edited_session)
from itbgui.store.repository import SessionRepository
from test_history_chart_data import known_history


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_sessions(known_history())
    yield repo
    repo.close()


class Recorder:
    def __init__(self):
        self.changed, self.errors = [], []

    def change(self, session_id):
        self.changed.append(session_id)

    def error(self, exc):
        self.errors.append(str(exc))


# ---------------------------------------------------------------- pure edits
def test_an_edit_changes_only_what_was_asked():
    s3 = known_history()[2]
    after = edited_session(s3, pain_after=5, note="sore", sets={3: SetChange(done_reps=12)})
    assert (after.pain_before, after.pain_after, after.note) == (3, 5, "sore")
    assert [s.done_reps for s in after.sets] == [12, 12, 12, 12]
    assert after.sets[:3] == s3.sets[:3]
    assert (after.id, after.started_at) == (s3.id, s3.started_at)


def test_a_new_rung_also_renames_the_resistance():
    after = edited_session(known_history()[0], sets={0: SetChange(rung=2)})
    assert after.sets[0].step_index == 2
    assert after.sets[0].resistance == "Next band colour above the knees"


def test_pain_can_be_cleared_to_not_asked():
    assert edited_session(known_history()[0], pain_before=None).pain_before is None


@pytest.mark.parametrize("change, message", [
    (dict(pain_before=11), "0 to 10"),
    (dict(pain_after=-1), "0 to 10"),
    (dict(sets={0: SetChange(done_reps=201)}), "0 to 200"),
    (dict(sets={0: SetChange(done_reps=-3)}), "0 to 200"),
    (dict(sets={0: SetChange(rung=5)}), "no resistance step 6"),
    (dict(sets={99: SetChange(done_reps=1)}), "no set number 100"),
    (dict(note="x" * 501), "at most 500"),
])
def test_values_out_of_range_are_refused(change, message):
    with pytest.raises(ValueError, match=message):
        edited_session(known_history()[0], **change)


# ---------------------------------------------------------------- commands on the store
def test_edit_then_undo_then_redo_through_the_store(store):
    before = store.session("s2")
    after = edited_session(before, sets={1: SetChange(done_reps=7)}, note="fixed")
    stack, seen = QUndoStack(), Recorder()
    stack.push(EditSessionCommand(store, before, after, seen.change, seen.error))
    assert store.session("s2") == after
    assert stack.undoText() == "Edit session of 2026-11-05"
    stack.undo()
    assert store.session("s2") == before
    stack.redo()
    assert store.session("s2").sets[1].done_reps == 7
    assert seen.changed == ["s2", "s2", "s2"] and not seen.errors


def test_the_edit_is_on_disk(store, tmp_path):
    before = store.session("s1")
    stack = QUndoStack()
    stack.push(EditSessionCommand(store, before, edited_session(before, pain_before=6),
                                  lambda _id: None, lambda _e: None))
    store.close()
    again = SessionRepository(tmp_path)
    try:
        assert again.session("s1").pain_before == 6
    finally:
        again.close()


def test_delete_then_undo_brings_back_the_same_session(store):
    record = store.session("s3")
    stack, seen = QUndoStack(), Recorder()
    stack.push(DeleteSessionCommand(store, record, seen.change, seen.error))
    assert store.session("s3") is None
    assert [s.id for s in store.sessions()] == ["s1", "s2", "s4"]
    stack.undo()
    assert store.session("s3") == record
    assert [s.id for s in store.sessions()] == ["s1", "s2", "s3", "s4"]


def test_a_store_that_cannot_save_reports_and_leaves_nothing_to_undo(store, tmp_path):
    read_only = SessionRepository(tmp_path)         # the first store holds the folder lock
    assert read_only.read_only
    try:
        before = read_only.session("s1")
        stack, seen = QUndoStack(), Recorder()
        stack.push(EditSessionCommand(read_only, before, edited_session(before, pain_before=0),
                                      seen.change, seen.error))
        assert len(seen.errors) == 1 and not seen.changed
        assert stack.count() == 0
        assert store.session("s1").pain_before == 4
    finally:
        read_only.close()


# ---------------------------------------------------------------- the dialog and the page
def test_rungs_are_named_in_the_persons_kit_in_the_dialog_and_the_record(qtbot):
    import datetime as dt

    from itbgui.program.plan import label_for
    from itbgui.program.plan_setup import PlanSetup

    setup = PlanSetup("beginner", frozenset(), dt.date(2026, 11, 2), "left", ("yellow", "red"))
    record = known_history()[0]
    dialog = SessionEditDialog(record, rung_label=lambda ex, rung: label_for(ex, setup, rung))
    qtbot.addWidget(dialog)
    combo = dialog.rung_boxes[0]
    # Easiest first: bodyweight, the 2 s hold, then the person's bands.
    assert [combo.itemText(i) for i in range(combo.count())][:4] == [
        "Bodyweight", "Bodyweight, 2 s hold with the knee open", "Yellow band above the knees",
        "Red band above the knees"]
    combo.setCurrentIndex(combo.findData(2))
    dialog.accept()
    assert dialog.result_record.sets[0].resistance == "Red band above the knees"
    assert dialog.result_record.sets[0].step_index == 2


def test_the_dialog_returns_the_edited_session(qtbot):
    record = known_history()[2]
    dialog = SessionEditDialog(record)
    qtbot.addWidget(dialog)
    dialog.pain_before.setValue(dialog.NOT_ASKED)
    dialog.pain_after.setValue(4)
    dialog.rep_boxes[1].setValue(9)
    dialog.rung_boxes[0].setCurrentIndex(dialog.rung_boxes[0].findData(1))
    dialog.note.setPlainText("left knee fine")
    dialog.accept()
    result = dialog.result_record
    assert (result.pain_before, result.pain_after, result.note) == (None, 4, "left knee fine")
    assert [s.done_reps for s in result.sets] == [12, 9, 12, 10]
    assert result.sets[0].resistance == "Light band above the knees"
    assert result.sets[2] == record.sets[2]            # untouched sets stay as they were


def test_the_worst_pain_during_is_edited_in_the_dialog_by_keys(qtbot):
    record = known_history()[2]
    dialog = SessionEditDialog(record)
    qtbot.addWidget(dialog)
    assert dialog.pain_during.value() == dialog.NOT_ASKED        # asked from v4 on
    qtbot.keyClick(dialog.pain_during, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.pain_during, "7")
    dialog.accept()
    assert dialog.result_record.pain_during == 7
    assert dialog.result_record.pain_before == record.pain_before


def test_the_next_morning_can_be_answered_late_in_the_dialog_by_keys(qtbot):
    record = dataclasses.replace(known_history()[2], next_morning=None)
    dialog = SessionEditDialog(record)
    qtbot.addWidget(dialog)
    assert dialog.next_morning.currentText() == "Not answered"
    qtbot.keyClick(dialog.next_morning, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.next_morning, Qt.Key.Key_Down)
    dialog.accept()
    assert dialog.result_record.next_morning == "same"


def test_the_dialog_keeps_typing_in_range_and_refuses_a_long_note(qtbot):
    dialog = SessionEditDialog(known_history()[0])
    qtbot.addWidget(dialog)
    dialog.rep_boxes[0].setValue(500)
    dialog.pain_after.setValue(42)
    assert (dialog.rep_boxes[0].value(), dialog.pain_after.value()) == (200, 10)
    dialog.note.setPlainText("x" * 501)
    dialog.accept()
    assert dialog.result_record is None and "500" in dialog.error.text()


def test_page_delete_asks_first_and_ctrl_z_undoes(qtbot, store, clock):
    from itbgui.screens.history.page import HistoryPage

    page = HistoryPage(store, clock)
    qtbot.addWidget(page)
    assert page.selected_record().id == "s4"        # newest selected on open
    page.ask_delete = lambda record: False
    page.delete_selected()
    assert store.session("s4") is not None
    page.ask_delete = lambda record: True
    page.delete_selected()
    assert store.session("s4") is None and page.model.rowCount() == 3
    assert page.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    page.undo_action.trigger()
    assert store.session("s4") is not None and page.model.rowCount() == 4
    assert page.selected_record().id == "s4"


def test_page_edit_redraws_the_charts_and_undo_restores_them(qtbot, store, clock):
    from itbgui.screens.history.page import HistoryPage

    from itbgui.core.coach import Coach
    from itbgui.model.coach_model import SESSIONS, CoachModel

    coach = Coach(store, clock)
    model = CoachModel(lambda: coach)
    page = HistoryPage(store, clock, coach_model=model)   # clock: 2026-11-02 18:30, the day of s1
    qtbot.addWidget(page)
    page.show()
    page.set_range("all")
    changed = []
    model.changed.connect(changed.append)
    s1 = store.session("s1")
    page.apply_edit(s1, edited_session(s1, sets={3: SetChange(done_reps=10)}))   # right 8 -> 10
    clam = next(r for r in page.charts_data.reps if (r.exercise_id, r.side) == ("clamshell", "right"))
    assert clam.reps_per_set[0] == 10.0                 # was 9: the right leg's 10 and 8
    page.undo_stack.undo()
    clam = next(r for r in page.charts_data.reps if (r.exercise_id, r.side) == ("clamshell", "right"))
    assert clam.reps_per_set[0] == 9.0
    assert changed == [frozenset({SESSIONS})] * 2     # the edit and its undo, both through the model
    assert dataclasses.asdict(store.session("s1")) == dataclasses.asdict(s1)


@pytest.mark.parametrize("press, deleted", [("default", False), ("Delete", True)])
def test_delete_asks_with_delete_and_keep_and_keeps_by_default(qtbot, monkeypatch, press, deleted):
    from PySide6.QtWidgets import QMessageBox

    from itbgui.screens.history.editing import confirm_delete

    seen = []

    def answer(box):
        seen.append([b.text() for b in box.buttons()])
        button = box.defaultButton() if press == "default" else next(
            b for b in box.buttons() if b.text() == press)
        button.click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert confirm_delete(None, known_history()[0]) is deleted
    assert sorted(seen[0]) == ["Delete", "Keep it"]
