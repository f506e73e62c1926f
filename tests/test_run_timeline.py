"""The walk-run timer as pure Python: whatever the timer's lateness and the pauses, every
interval starts at its exact deadline, in order, and the time logged is the time moved."""

from __future__ import annotations

from hypothesis import given, strategies as st

from itbgui.core.clock import FakeClock
from itbgui.core.run_timeline import RunEventKind, RunState, RunTimer
from itbgui.program.return_to_run import STAGES

steps = st.lists(st.tuples(st.floats(0.0, 40.0), st.booleans()), max_size=120)


@given(stage=st.sampled_from(STAGES), moves=steps)
def test_intervals_start_on_their_deadlines_in_order_and_pauses_never_count(stage, moves):
    clock = FakeClock()
    timer = RunTimer(stage, clock, sleep_gap=1e9)
    start = clock.monotonic()
    events = timer.start()
    moved = paused_for = 0.0
    for seconds, toggle in moves:
        running = timer.state is RunState.RUNNING
        clock.advance(seconds)
        if running:
            moved += seconds
        else:
            paused_for += seconds
        events += timer.update()
        if toggle and timer.state is not RunState.FINISHED:
            events += timer.toggle_pause()
    starts = [e for e in events if e.kind is RunEventKind.INTERVAL_STARTED]
    assert [e.index for e in starts] == list(range(len(starts)))
    # With no pause before it, an interval's start is its deadline exactly.
    deadline = start
    for event in starts:
        if paused_for == 0:
            assert abs(event.at - deadline) < 1e-6
        deadline += timer.intervals[event.index].seconds
    assert abs(timer.moving_s() - min(moved, stage.total_s)) < 1e-6
    assert (timer.state is RunState.FINISHED) == (moved >= stage.total_s - 1e-9)
    assert abs(timer.total_left() - max(0.0, stage.total_s - moved)) < 1e-6
