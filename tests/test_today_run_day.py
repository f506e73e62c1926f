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

    at = dt.datetime.combine(MONDAY, dt.time(8)).astimezone()     # the walk and a run, yesterday
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


def test_the_walking_check_is_answered_on_today_by_keys_alone(qtbot, store, tmp_path):
    """Before the first run a running day asks the walking question in the window: the
    minutes (Alt+W), Tab, the pain, Enter. Saved through the model; a short or sore walk
    keeps the question, 30 minutes without pain opens stage 1 and Start run takes the focus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    win = open_window(qtbot, store, tmp_path, clock_on(TUESDAY))
    page = win.today_page
    question = page.walk_question
    assert question.isVisible() and not page.run_button.isVisible()
    assert "Today is a running day" in page.run_label.text()

    def answer(minutes: str, pain: str) -> None:
        qtbot.keyClick(win, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is question.minutes_box
        question.minutes_box.selectAll()
        qtbot.keyClicks(question.minutes_box, minutes)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is question.pain_box
        question.pain_box.selectAll()
        qtbot.keyClicks(question.pain_box, pain)
        qtbot.keyClick(question.pain_box, Qt.Key.Key_Return)

    answer("20", "2")
    assert win.player is None                                   # Enter saved, it did not start a session
    [check] = store.readiness_checks()
    assert (check.walked_minutes, check.pain) == (20, 2)
    assert question.isVisible() and "20 min, pain 2/10" in win.statusBar().currentMessage()

    answer("35", "0")
    assert sorted((c.walked_minutes, c.pain) for c in store.readiness_checks()) == [(20, 2), (35, 0)]
    assert not question.isVisible()
    assert page.run_label.text() == "Today's run, stage 1: Run 3 min, walk 2 min, 6 times - flat ground."
    assert page.run_button.isVisible() and page.run_button.hasFocus()


def test_no_walking_question_once_passed_or_on_a_day_without_a_run(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert not win.today_page.walk_question.isVisible()
    at = dt.datetime.combine(MONDAY, dt.time(8)).astimezone()
    win.model.save_readiness_check(ReadinessCheck("w1", at, 30, 0))
    win.clock.advance(24 * 3600)
    win.model.new_day()
    assert win.today_page.run_label.isVisible() and not win.today_page.walk_question.isVisible()


def test_the_walking_question_scrolls_into_view_at_extra_large_text(qtbot, store, tmp_path):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QScrollArea

    win = open_window(qtbot, store, tmp_path, clock_on(TUESDAY))
    win.resize(1280, 650)
    win.settings.text_size = "extra_large"
    win.apply_text_scale()
    qtbot.wait(10)
    page = win.today_page
    scroll = page.findChild(QScrollArea, "todayScroll")
    qtbot.keyClick(win, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    box = page.walk_question.pain_box
    bottom = box.mapTo(scroll.viewport(), QPoint(0, box.height()))
    assert page.walk_question.minutes_box.hasFocus()
    assert 0 <= bottom.y() <= scroll.viewport().height()
