"""The History table models, tested with no window shown."""

import dataclasses

import pytest
from PySide6.QtCore import QModelIndex, Qt

from itbgui.screens.history.table_model import (RECORD_ROLE, SORT_ROLE, SessionColumn, SessionSetsModel,
                                        SessionTableModel, SetColumn)
from test_history_chart_data import known_history

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def model(qapp):
    return SessionTableModel(known_history())


def cell(model, row, column, role=DISPLAY):
    return model.data(model.index(row, column), role)


def column_values(model, column, role=DISPLAY):
    return [cell(model, r, column, role) for r in range(model.rowCount())]


def test_an_empty_model_has_columns_but_no_rows(qapp):
    model = SessionTableModel()
    assert (model.rowCount(), model.columnCount()) == (0, 8)
    assert model.data(QModelIndex()) is None


def test_rows_are_newest_first_whatever_order_they_came_in(model):
    assert [model.record(r).id for r in range(4)] == ["s4", "s3", "s2", "s1"]
    assert model.row_of("s2") == 2 and model.row_of("nope") is None


def test_each_column_shows_the_session(model):
    # s1: 2026-11-02 18:00, 20 min, clamshell + bridge + band walk + stretch,
    # reps 10+10+10+8 + 10+10 + 10+10 + 0+0 = 78, pain 4 -> 3
    row = model.row_of("s1")
    assert [cell(model, row, c) for c in SessionColumn] == [
        "2026-11-02 18:00", "1", "20 min", "4", "78", "4 → 3", "–", "note s1"]
    row = model.row_of("s2")   # only clamshells: 4 sets of 10
    assert cell(model, row, SessionColumn.EXERCISES) == "1"
    assert cell(model, row, SessionColumn.REPS) == "40"


def test_missing_values_show_a_dash(qapp):
    record = dataclasses.replace(known_history()[0], ended_at=None, week=None, pain_after=None)
    model = SessionTableModel([record])
    assert cell(model, 0, SessionColumn.DURATION) == "–"
    assert cell(model, 0, SessionColumn.WEEK) == "–"
    assert cell(model, 0, SessionColumn.PAIN) == "4 → –"


def test_sort_role_gives_values_not_text(model):
    row = model.row_of("s1")
    assert cell(model, row, SessionColumn.DATE, SORT_ROLE) == known_history()[0].started_at.timestamp()
    assert cell(model, row, SessionColumn.DURATION, SORT_ROLE) == 1200.0
    assert cell(model, row, SessionColumn.REPS, SORT_ROLE) == 78
    assert cell(model, row, SessionColumn.PAIN, SORT_ROLE) == 403


def test_sorting_by_reps_is_numeric(model):
    # totals: s1 78, s2 40, s3 46 (12+12+12+10), s4 54 (15+15+12+12); as text "78" < "40" fails
    model.sort(SessionColumn.REPS, Qt.SortOrder.AscendingOrder)
    assert column_values(model, SessionColumn.REPS) == ["40", "46", "54", "78"]
    model.sort(SessionColumn.REPS, Qt.SortOrder.DescendingOrder)
    assert column_values(model, SessionColumn.REPS) == ["78", "54", "46", "40"]
    model.sort(SessionColumn.DATE, Qt.SortOrder.AscendingOrder)
    assert [model.record(r).id for r in range(4)] == ["s1", "s2", "s3", "s4"]


def test_sorting_by_pain_puts_unasked_first_and_ties_stay_newest_first(qapp):
    history = known_history()
    history[2] = dataclasses.replace(history[2], pain_before=None)
    history[0] = dataclasses.replace(history[0], pain_before=2, pain_after=1)   # ties with s4
    model = SessionTableModel(history)
    model.sort(SessionColumn.PAIN, Qt.SortOrder.AscendingOrder)
    assert column_values(model, SessionColumn.PAIN) == ["– → 2", "2 → 1", "2 → 1", "3 → 3"]
    assert [model.record(r).id for r in range(4)] == ["s3", "s4", "s1", "s2"]


def test_a_reload_keeps_the_chosen_order_and_a_selection_follows_its_row(model):
    model.sort(SessionColumn.REPS, Qt.SortOrder.AscendingOrder)
    model.set_sessions(known_history())
    assert [model.record(r).id for r in range(4)] == ["s2", "s3", "s4", "s1"]
    from PySide6.QtCore import QPersistentModelIndex
    held = QPersistentModelIndex(model.index(model.row_of("s1"), 0))
    model.sort(SessionColumn.DATE, Qt.SortOrder.DescendingOrder)
    assert held.row() == 3 and model.record(held.row()).id == "s1"


def test_tooltips_explain_the_cells(model):
    row = model.row_of("s2")
    assert "Not logged: Side-lying leg lifts" in cell(model, row, SessionColumn.EXERCISES, TOOLTIP)
    assert "Glute bridges" in cell(model, row, SessionColumn.EXERCISES, TOOLTIP)
    assert cell(model, row, SessionColumn.PAIN, TOOLTIP) == "Pain before: 3/10, after: 3/10"
    assert "completed" in cell(model, row, SessionColumn.DATE, TOOLTIP)
    assert cell(model, row, SessionColumn.NOTE, TOOLTIP) == "note s2"
    assert model.headerData(SessionColumn.PAIN, Qt.Orientation.Horizontal) == "Pain"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_next_morning_and_left_early_show_in_tooltips(qapp):
    record = dataclasses.replace(known_history()[0], completed=False, next_morning="worse")
    model = SessionTableModel([record])
    assert "left early" in cell(model, 0, SessionColumn.DATE, TOOLTIP)
    assert cell(model, 0, SessionColumn.PAIN, TOOLTIP).endswith("Next morning: worse")


def test_record_role_hands_back_the_session_in_every_column(model):
    for column in SessionColumn:
        assert cell(model, 0, column, RECORD_ROLE).id == "s4"


def test_sets_model_lists_the_selected_sessions_sets(qapp):
    sets = SessionSetsModel()
    assert sets.rowCount() == 0
    sets.set_session(known_history()[2])   # s3: clamshell L 12, 12; bridge L 12, R 10
    assert sets.rowCount() == 4
    rows = [[cell(sets, r, c) for c in SetColumn] for r in range(4)]
    assert rows[0] == ["Clamshells", "left", "1", "12 / 12", ""]
    assert rows[3] == ["Glute bridges", "right", "1", "10 / 12", ""]
    assert cell(sets, 3, SetColumn.REPS, TOOLTIP) == "2 short of the target"
    assert cell(sets, 0, SetColumn.REPS, TOOLTIP) == "Target reached"
    sets.set_session(known_history()[0])
    assert cell(sets, 4, SetColumn.SIDE) == "both"           # two-leg bridge
    assert cell(sets, sets.rowCount() - 1, SetColumn.REPS) == "0 / 0"


def test_a_partial_session_says_so_in_the_reps_column_and_its_tooltip(qapp):
    """Played to its end with under half its reps: History says "partial", as Today does."""
    record = known_history()[0]
    skipped = tuple(dataclasses.replace(s, done_reps=1 if s.target_reps else 0) for s in record.sets)
    partial = dataclasses.replace(record, sets=skipped)
    model = SessionTableModel([partial, dataclasses.replace(record, id="whole")])
    row = model.row_of(partial.id)
    assert cell(model, row, SessionColumn.REPS) == f"{partial.total_reps} · partial"
    assert "partial" in cell(model, row, SessionColumn.DATE, TOOLTIP)
    assert cell(model, row, SessionColumn.REPS, SORT_ROLE) == partial.total_reps
    whole = model.row_of("whole")
    assert cell(model, whole, SessionColumn.REPS) == str(record.total_reps)


def test_the_worst_pain_during_has_its_own_column_sorted_with_not_asked_first(qapp):
    records = known_history()
    records[0] = dataclasses.replace(records[0], pain_during=6, red_flags=(
        ("hot_swollen", False), ("weight_bearing", True), ("locking", False),
        ("constant_night", False), ("numbness", False)))
    records[1] = dataclasses.replace(records[1], pain_during=2)
    model = SessionTableModel(records)
    assert model.headerData(SessionColumn.DURING, Qt.Orientation.Horizontal) == "Worst during"
    row = model.row_of("s1")
    assert cell(model, row, SessionColumn.DURING) == "6 ⚠"
    assert cell(model, row, SessionColumn.PAIN) == "4 → 3"          # pain before is not "during"
    tip = cell(model, row, SessionColumn.DURING, TOOLTIP)
    assert "Worst pain during the session: 6/10" in tip and "bear weight" in tip
    model.sort(SessionColumn.DURING, Qt.SortOrder.AscendingOrder)
    assert [model.record(r).id for r in range(4)][-2:] == ["s2", "s1"]
