"""Today on a running day, in the real window: the walking question first, then the run's
stage in words; a run saved through the model moves it on the screen."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from itbgui import resources_rc  # noqa: F401
from itbgui.store.repository import SessionRepository
from itbgui.store.run_records import ReadinessCheck, RunRecord
from window_helpers import MONDAY, SETUP, clock_on, open_window

TUESDAY = MONDAY + dt.timedelta(days=1)
RUNNER = dataclasses.replace(SETUP, running_days=frozenset({1, 3}))   # Tuesday and Thursday


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_plan_setup(RUNNER.to_doc())
    yield repo
    repo.close()


def test_a_running_day_asks_the_walking_question_then_shows_the_stage(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(TUESDAY))
    label = win.today_page.run_label
    assert label.isVisible() and "walk briskly for 30 minutes" in label.text()

    at = dt.datetime.combine(TUESDAY, dt.time(8)).astimezone()
    win.model.save_readiness_check(ReadinessCheck("w1", at, 30, 0))
    assert label.text() == "Today's run, stage 1: Run 3 min, walk 2 min, 6 times - flat ground."

    win.model.save_runs([RunRecord("r1", at + dt.timedelta(hours=1), pain_during=1, pain_after=0,
                                   next_morning="same")])
    assert label.text() == "Today's run, stage 2: Run 4 min, walk 2 min, 5 times - flat ground."
    assert "On to stage 2" in label.toolTip()


def test_no_run_line_on_a_day_without_a_run(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert not win.today_page.run_label.isVisible()


def test_the_plan_page_words_the_weeks_runs(qtbot, store, tmp_path):
    from PySide6.QtCore import Qt

    at = dt.datetime.combine(MONDAY, dt.time(8)).astimezone()
    store.save_readiness_check(ReadinessCheck("w1", at, 45, 0))
    win = open_window(qtbot, store, tmp_path, clock_on(TUESDAY))
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    text = win.plan_page.rest_label.text()
    assert "Running: Tue, Thu" in text and "Stage 1 · Run 3 min, walk 2 min, 6 times - flat ground" in text
