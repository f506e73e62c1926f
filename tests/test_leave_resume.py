"""Leaving is always safe, in the real window: closing it mid-session asks first (Carry on is
the default), keeps what was done either way, and the session resumes the same day where it
stopped, as the same record, asking the pain-after at its end."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.core.engine import EngineState
from itbgui.program.timeline import StepKind
from itbgui.store.repository import SessionRepository
from qt_helpers import ENTER, advance, run_until
from window_helpers import MONDAY, SETUP, clock_on, logged, open_window

FRIDAY = MONDAY + dt.timedelta(days=4)


def play_sets(player, clock, count: int) -> None:
    """Let the session run on the fake clock until ``count`` sets are logged."""
    while len(player.engine.logs) < count:
        assert player.engine.state is EngineState.RUNNING
        advance(player, clock, 0.5)


def start_and_play(qtbot, win, clock, sets: int):
    qtbot.keyClick(win, ENTER)                       # Start
    player = win.player
    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, ENTER)                    # pain before: 2
    play_sets(player, clock, sets)
    return player


@pytest.fixture
def folder(tmp_path):
    store = SessionRepository(tmp_path)
    store.save_plan_setup(SETUP.to_doc())
    store.close()
    return tmp_path


def test_closing_mid_session_asks_carry_on_is_the_default_and_leave_keeps_every_set(qtbot, folder):
    store = SessionRepository(folder)
    clock = clock_on(MONDAY, 9)
    win = open_window(qtbot, store, folder, clock)
    player = start_and_play(qtbot, win, clock, 3)

    assert not win.close()                           # a real close event: the question, not a close
    assert win.isVisible() and player.leave_question_shown()
    assert player.engine.state is EngineState.PAUSED
    qtbot.keyClick(player, ENTER)                    # Enter: carry on (the default)
    assert win.isVisible() and not player.leave_question_shown()
    assert player.engine.state is EngineState.RUNNING and win.player is player

    play_sets(player, clock, 5)
    assert not win.close()
    qtbot.keyClick(player, Qt.Key.Key_Right)         # a stray key answers nothing
    assert player.leave_question_shown() and len(player.engine.logs) == 5
    qtbot.keyClick(player, Qt.Key.Key_Escape)        # Esc carries on too
    assert win.isVisible() and player.engine.state is EngineState.RUNNING

    assert not win.close()
    qtbot.keyClick(player, Qt.Key.Key_Y)             # Y: close; what was done is saved first
    qtbot.waitUntil(lambda: not win.isVisible())
    store.close()

    store = SessionRepository(folder)
    [record] = store.sessions()
    assert not record.completed and record.pain_before == 2
    assert len(record.sets) >= 5 and record.total_reps > 0
    store.close()


def test_a_session_closed_mid_way_resumes_from_the_next_set_and_asks_pain_after(qtbot, folder):
    store = SessionRepository(folder)
    clock = clock_on(MONDAY, 9)
    win = open_window(qtbot, store, folder, clock)
    player = start_and_play(qtbot, win, clock, 3)     # clamshells: set 1 both sides, set 2 one side
    done_before = list(player.engine.logs)
    session_id = player.engine.session_id
    assert not win.close()
    qtbot.keyClick(player, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: not win.isVisible())
    store.close()

    clock.advance(3 * 3600)
    clock.set_wall(clock.now() + dt.timedelta(hours=3))
    store = SessionRepository(folder)
    again = open_window(qtbot, store, folder, clock)
    page = again.today_page
    assert "Resume: Clamshells, set 2 of 3" in page.resume_label.text()
    assert "done" not in page.note_label.text().lower()
    assert page.start_button.text() == "Resume session"

    qtbot.keyClick(again, ENTER)                      # Enter resumes
    player = again.player
    assert player.engine.session_id == session_id
    assert player.engine.step.kind is not StepKind.PAIN_BEFORE   # the pain before is kept
    nxt = player.engine.timeline.next_exercise_step(player.engine.index - 1)
    assert (nxt.exercise_id, nxt.set_number) == ("clamshell", 2)
    run_until(player, clock, StepKind.PAIN_AFTER)     # the pain-after is asked at the end
    for score in "21":                                # the worst during, then now
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    assert player.engine.state is EngineState.FINISHED
    qtbot.keyClick(player, ENTER)                     # leave the summary
    assert again.player is None

    [record] = store.sessions()                       # one session, not two
    assert record.id == session_id and record.completed
    assert (record.pain_before, record.pain_after) == (2, 1)
    assert [(s.exercise_id, s.side, s.set_number) for s in record.sets[:3]] == \
        [(log.exercise_id, log.side, log.set_number) for log in done_before]
    assert "Resume" not in page.resume_label.text() or not page.resume_label.isVisible()
    assert "complete" in page.last_label.text()
    again.close()
    store.close()


def test_start_after_todays_session_asks_before_an_extra_session(qtbot, folder):
    store = SessionRepository(folder)
    for d, sid in ((0, "a"), (2, "b"), (4, "c")):
        store.save_session(logged(MONDAY + dt.timedelta(days=d), 2, 2, sid=sid))
    clock = clock_on(FRIDAY, 18)
    win = open_window(qtbot, store, folder, clock)
    page = win.today_page
    assert "done" in page.note_label.text().lower()
    qtbot.keyClick(win, ENTER)                        # Start asks; Esc: not now
    question = win.session.extra_question
    qtbot.waitUntil(question.isVisible)
    assert question.text() == "You already trained today. Another session today?"
    assert "extra session" in question.informativeText() and "Monday 9 November" in question.informativeText()
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not question.isVisible())
    assert win.player is None

    qtbot.keyClick(win, ENTER)
    question = win.session.extra_question
    qtbot.waitUntil(question.isVisible)
    qtbot.keyClick(question, Qt.Key.Key_Y)            # Y: another session today
    qtbot.waitUntil(lambda: win.player is not None)
    player = win.player
    assert player is not None
    assert player.engine.timeline.prescription.week == 1
    assert "extra" in player.engine.timeline.prescription.title.lower()
    win.close()
    store.close()


def test_today_and_the_decision_agree_on_a_partial_session(qtbot, folder):
    """Played to its end with a rep or so a set: Today says partial, the card says short, and
    the day's session is still offered (a partial session ticks off no planned day)."""
    import dataclasses

    store = SessionRepository(folder)
    record = logged(MONDAY, 2, 2, sid="p")
    store.save_session(dataclasses.replace(record, sets=tuple(
        dataclasses.replace(s, done_reps=min(1, s.done_reps)) for s in record.sets)))
    win = open_window(qtbot, store, folder, clock_on(MONDAY, 18))
    page = win.today_page
    assert "partial" in page.last_label.text() and "complete" not in page.last_label.text()
    assert "under half" in page.decision_reason.text().lower()
    assert win.today_session.is_today and "done" not in page.note_label.text().lower()
    win.close()
    store.close()
