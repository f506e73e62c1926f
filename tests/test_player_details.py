"""The player's details from issue 24, each driven with keys in a real window on a fake clock:
the units on the clock, the band walk's words, PAUSED once, the leave question's keys, the
header during a rest, a correction on a set cut short, and full screen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.ui.fit_label import FitLabel
from itbgui.core.engine import EngineState, SessionEngine
from itbgui.program.exercises import Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.timeline import StepKind, Timing, build_timeline
from qt_helpers import ENTER, advance, run_until
from test_player import SHORT, start, window  # noqa: F401 (the fixture)

BAND_WALK = SessionPrescription("Band walk", (
    ExercisePrescription("lateral_band_walk", 2, 10, Tempo(1, 1, 1), rest_seconds=60, step_index=0),
), first_side="left", week=3)
TEN_REPS = SessionPrescription("Ten", (
    ExercisePrescription("clamshell", 2, 10, Tempo(2, 1, 2), rest_seconds=60, step_index=0),
), first_side="right", week=1)


def shown_texts(player) -> list[str]:
    """Every text the player shows now: its visible labels and what is drawn over the digits."""
    texts = [label.text() for label in player.findChildren(FitLabel) if label.isVisibleTo(player)]
    return texts + [player.big_label.overlay]


def test_a_minute_of_rest_reads_60_seconds_not_1_00_seconds(qtbot, window, clock):
    player = start(qtbot, window, TEN_REPS)
    run_until(player, clock, StepKind.REST)
    assert (player.big_label.text(), player.sub_label.text()) == ("60", "seconds")
    advance(player, clock, 20)
    assert (player.big_label.text(), player.sub_label.text()) == ("40", "seconds")


def test_a_clock_in_minutes_and_seconds_carries_no_seconds_label(qtbot, window, clock):
    long_rest = SessionPrescription("Long rest", (
        ExercisePrescription("clamshell", 2, 2, Tempo(1, 0, 1), rest_seconds=150, step_index=0),
    ), first_side="right", week=1)
    player = start(qtbot, window, long_rest)
    run_until(player, clock, StepKind.REST)
    assert player.big_label.text() == "2:30"
    assert "second" not in player.sub_label.text() and "minute" not in player.sub_label.text()


def test_the_time_left_says_its_unit(qtbot, window, clock):
    player = start(qtbot, window)
    assert re.fullmatch(r"\d+:\d\d left", player.time_left_label.text()), player.time_left_label.text()
    total = player.engine.timeline.timed_seconds
    advance(player, clock, total - 29.5)
    assert re.fullmatch(r"[23]\d s left", player.time_left_label.text()), player.time_left_label.text()


def test_the_band_walk_counts_steps_each_way_not_up_hold_down(qtbot, window, clock):
    player = start(qtbot, window, BAND_WALK)
    run_until(player, clock, StepKind.WORK)
    seen = set()
    for _ in range(9):
        seen.add(player.phase_label.text())
        assert player.status_label.text() == "STEP"
        assert player.sub_label.text() == "of 10 steps"
        assert "steps" in player.log_label.text() and "reps" not in player.log_label.text()
        advance(player, clock, 0.34)
    words = " ".join(seen)
    assert not re.search(r"\b(Up|Down)\b", words), seen
    assert any("Step" in w and "◀" in w for w in seen), seen     # stepping left: arrow to the left
    assert "■  Pause" in seen


def test_paused_shows_once(qtbot, window, clock):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.WORK)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    said = [t for t in shown_texts(player) if "paused" in t.lower()]
    assert said == ["PAUSED"]
    assert player.status_label.text() == "REP"      # what is paused, dimmed with the counter


@pytest.mark.parametrize("where", ["pain before", "mid-session"])
def test_while_the_leave_question_shows_the_hints_name_its_keys(qtbot, window, clock, where):
    if where == "pain before":
        window.refresh_today()
        window.prescription = SHORT
        qtbot.keyClick(window, ENTER)
        player = window.player
        qtbot.keyClicks(player, "3")
    else:
        player = start(qtbot, window)
        advance(player, clock, 2)
    hints = [t for t in shown_texts(player) if "Esc" in t]
    assert any("leave" in t for t in hints)            # before: Esc leaves
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert player._leave_bar.isVisible()
    hints = [t for t in shown_texts(player) if "Esc" in t]
    assert hints and all(re.search(r"Esc:? carry on", t) for t in hints), hints
    assert all(re.search(r"Y:? leave", t) for t in hints), hints
    assert all(re.search(r"Enter or Esc:? carry on", t) for t in hints), hints   # as a close asks
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert not player._leave_bar.isVisible()
    assert any("leave" in t for t in shown_texts(player) if "Esc" in t)


def test_during_a_rest_the_header_shows_the_set_just_done(qtbot, window, clock):
    player = start(qtbot, window, TEN_REPS)
    run_until(player, clock, StepKind.REST)
    done = player.engine.last_logged
    assert (done.set_number, done.side) == (1, "left")
    assert player.set_label.text() == "Set 1 of 2 done"
    assert player.side_label.text() == "LEFT SIDE"
    assert "Set 2 of 2" in player.phase_label.text() and "Right side" in player.phase_label.text()
    run_until(player, clock, StepKind.WORK)
    assert player.set_label.text() == "Set 2 of 2" and player.side_label.text() == "RIGHT SIDE"


def test_up_then_right_after_8_reps_logs_9_not_11_of_10(qtbot, window, clock):
    player = start(qtbot, window, TEN_REPS)
    run_until(player, clock, StepKind.WORK)
    advance(player, clock, 8 * 5 + 0.5)          # 8 reps done at 5 s a rep, the ninth begun
    qtbot.keyClick(player, Qt.Key.Key_Up)
    assert "11" in player.log_label.text() and "9" in player.log_label.text()   # both outcomes said
    qtbot.keyClick(player, Qt.Key.Key_Right)
    logged = player.engine.last_logged
    assert (logged.done_reps, logged.target_reps) == (9, 10)
    assert "9 of 10" in player.log_label.text()


@pytest.mark.parametrize("elapsed, delta, logged", [
    (8 * 5 + 0.5, +1, 9),      # one more than the tempo's 8
    (8 * 5 + 0.5, +5, 10),     # never more than the target when cut short
    (8 * 5 + 0.5, -3, 5),      # three fewer
    (4.0, -1, 0),              # none done, one fewer: none
    (0.0, 0, 0),
    (3 * 5 + 1.0, 0, 3),       # no correction: the reps the tempo got through
])
def test_a_set_cut_short_logs_the_reps_done_plus_the_correction(clock, elapsed, delta, logged):
    engine = SessionEngine(build_timeline(TEN_REPS, Timing(get_ready_seconds=5)), clock, sleep_gap=1e9)
    engine.start()
    engine.set_pain_before(1)
    engine.next()
    engine.next()
    assert engine.step.kind is StepKind.WORK
    clock.advance(elapsed)
    engine.update()
    for _ in range(abs(delta)):
        engine.adjust_reps(1 if delta > 0 else -1)
    assert engine.pending_reps == min(max(0, 10 + delta), 99)     # a whole set would log this
    assert engine.reps_if_cut_short() == logged
    engine.next()
    assert engine.last_logged.done_reps == logged


def test_a_set_run_to_its_end_logs_the_corrected_count_above_the_target(clock):
    engine = SessionEngine(build_timeline(TEN_REPS, Timing(get_ready_seconds=5)), clock, sleep_gap=1e9)
    engine.start()
    engine.set_pain_before(1)
    engine.next()
    engine.next()
    engine.adjust_reps(+2)
    clock.advance(10 * 5 + 0.01)
    engine.update()
    assert engine.last_logged.done_reps == 12


def test_full_screen_hides_the_menu_and_status_bars_and_brings_them_back(qtbot, window, clock):
    player = start(qtbot, window)
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()


def test_f11_leaves_full_screen_with_the_menu_bar_hidden(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.set_fullscreen(True)
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen() and window.menuBar().isVisible()


def test_enter_carries_on_in_the_esc_question_as_in_the_close_question(qtbot, window, clock):
    """One habit for both questions: the safe answer is the default, so a key pressed by
    habit (Enter) never ends a session; Y leaves."""
    player = start(qtbot, window)
    advance(player, clock, 2)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert not player._leave_bar.isVisible() and player.engine.state is EngineState.RUNNING
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)
    assert player.engine.ended_early
