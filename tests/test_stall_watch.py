"""Stalls are logged with their cause, and the session catches up instead of drifting."""

import logging

import pytest

from itbgui.core.clock import FakeClock
from itbgui.core.engine import EngineState
from itbgui.player.stall_watch import StallWatch
from itbgui.program.timeline import StepKind
from qt_helpers import run_until
from test_player import start, window  # noqa: F401  (the window fixture)


def test_a_late_timer_is_logged_as_a_stall_from_outside(caplog):
    clock = FakeClock()
    watch = StallWatch(clock.monotonic)
    watch.expect(0.25)
    clock.advance(0.5)
    assert watch.woke() == 0.25 and watch.stalls == []        # a little late: not a stall
    watch.expect(0.25)
    clock.advance(2.0)
    with caplog.at_level(logging.WARNING):
        assert watch.woke() == 1.75
    assert "stalled 1.8 s" in caplog.text and "outside the player" in caplog.text


def test_slow_work_of_the_player_s_own_is_named_innermost_first(caplog):
    clock = FakeClock()
    watch = StallWatch(clock.monotonic)
    with caplog.at_level(logging.WARNING):
        with watch.doing("updating the session"):
            with watch.doing("handing a cue to the sound workers"):
                clock.advance(3.0)
    assert watch.stalls == [(3.0, "handing a cue to the sound workers on the window's thread")]


def test_the_player_catches_up_after_a_stall_and_logs_it(qtbot, window, clock, caplog):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.WORK)
    player._schedule()
    before = behind(player.engine)
    clock.advance(2.5)                                      # the event loop was held up
    with caplog.at_level(logging.WARNING):
        player._timer_fired()
    assert player.stall_watch.stalls and player.stall_watch.stalls[-1][0] > 2.0
    assert "stalled" in caplog.text
    assert player.engine.state is EngineState.RUNNING       # not a sleep: no auto-pause
    assert behind(player.engine) - before == pytest.approx(2.5)   # caught up: no drift


def behind(engine) -> float:
    """Seconds of the session's timed steps behind us."""
    step = engine.step
    return engine.timeline.seconds_before(engine.index) + (min(engine.elapsed(), step.duration)
                                                           if step.is_timed else 0.0)
