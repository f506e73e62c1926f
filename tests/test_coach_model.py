"""The one write path: every write goes through CoachModel, which says what changed; a
write the disk refuses raises and says nothing (nothing changed)."""

from __future__ import annotations

import datetime as dt

import pytest

from history_helpers import MONDAY, SETUP, clock_on, logged
from itbgui.core.coach import Coach
from itbgui.model.coach_model import DATA, DAY, DECISIONS, SESSIONS, SETUP as SETUP_CHANGE, CoachModel
from itbgui.store.repository import SessionRepository, StoreError


@pytest.fixture
def model(tmp_path, qapp):
    store = SessionRepository(tmp_path)
    store.save_plan_setup(SETUP.to_doc())
    store.save_sessions([logged(MONDAY, 1, 2, "same", sid="a")])
    coach = Coach(store, clock_on(MONDAY + dt.timedelta(days=2), 12))
    model = CoachModel(lambda: coach)
    model.heard = []
    model.changed.connect(model.heard.append)
    yield model
    store.close()


def test_each_write_says_what_it_changed(model):
    store = model.coach.store
    record = store.session("a")
    model.save_session(record)
    removed = model.delete_session("a")
    model.save_session(removed)                               # undo brings the same record back
    decision = model.coach.decision_after("a")
    model.set_override(decision, "hold")
    model.answer_morning(store.session("a"), "better")
    model.save_plan_setup(SETUP)
    model.sessions_saved()
    model.new_day()
    assert model.heard == [frozenset({SESSIONS})] * 3 + [
        frozenset({DECISIONS}), frozenset({SESSIONS, DECISIONS}), frozenset({SETUP_CHANGE}),
        frozenset({SESSIONS}), frozenset({DAY})]
    assert store.session("a").next_morning == "better"


def test_a_restore_changes_everything(model, tmp_path):
    store = model.coach.store
    backup = store.backups.take(store.path, "daily", dt.datetime(2026, 11, 1, 9, 0).astimezone())
    model.delete_session("a")
    model.heard.clear()
    assert model.restore_backup(backup) == 1
    assert DATA in model.heard[0] and SESSIONS in model.heard[0]
    assert store.session("a") is not None


def test_a_refused_write_raises_and_says_nothing(model, monkeypatch):
    def refuse(*_args, **_kw):
        raise StoreError("the disk is full")

    monkeypatch.setattr(model.coach.store, "save_session", refuse)
    with pytest.raises(StoreError):
        model.save_session(model.coach.store.session("a"))
    assert model.heard == []


def test_the_model_saves_the_session_in_progress_off_the_thread_and_says_so(model, qtbot):
    """The player's saves go through the model too: it owns the saver, reports each outcome
    on the window's thread, then says the sessions changed."""
    outcomes = []
    model.session_saved.connect(lambda record, error: outcomes.append((record.id, error)))
    record = logged(MONDAY + dt.timedelta(days=2), 1, 2, "same", sid="running")
    assert model.saving_idle
    with qtbot.waitSignal(model.changed):
        model.save_in_progress(record)
        assert model.flush_saves() is None
    assert outcomes == [("running", None)]
    assert model.heard == [frozenset({SESSIONS})]
    assert model.coach.store.session("running") is not None and model.data_file == model.coach.store.path
    model.close_saves()


def test_a_refused_save_in_progress_is_reported_and_changes_nothing(model, qtbot, monkeypatch):
    def refuse(*_args, **_kw):
        raise StoreError("the disk is full")

    monkeypatch.setattr(model.coach.store, "save_session", refuse)
    with qtbot.waitSignal(model.session_saved) as saved:
        model.save_in_progress(logged(MONDAY, 1, 2, "same", sid="refused"))
    assert "disk is full" in str(saved.args[1]) and "disk is full" in str(model.flush_saves())
    assert model.heard == []
    model.close_saves()
