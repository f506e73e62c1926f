"""The session engine on a fake clock: timing checked to the millisecond."""

import time

import pytest

from itbgui.core.engine import EngineState, EventKind, SessionEngine
from itbgui.program.exercises import Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription, starter_session
from itbgui.program.timeline import Phase, StepKind, Timing, build_timeline

MS = 1e-3
TIMING = Timing(get_ready_seconds=10, switch_side_seconds=5, change_over_seconds=20)


def clamshells(sets=2, reps=3, rest=30.0):
    p = SessionPrescription("t", (ExercisePrescription("clamshell", sets, reps, Tempo(2, 1, 2), rest, 0),))
    return build_timeline(p, TIMING)


def started(clock, timeline=None, **kw):
    engine = SessionEngine(timeline or clamshells(), clock, **kw)
    engine.start()
    engine.set_pain_before(2)
    engine.next()  # past the pain question, into get-ready
    return engine


def run(engine, clock, seconds, tick=0.05):
    """Advance like a real event loop would: small ticks, updating every time."""
    events = []
    end = clock.monotonic() + seconds
    while clock.monotonic() + tick <= end + 1e-12:
        clock.advance(tick)
        events += engine.update()
    rest = end - clock.monotonic()
    if rest > 1e-12:
        clock.advance(rest)
        events += engine.update()
    return events


def test_waits_at_the_pain_question_until_answered(clock):
    engine = SessionEngine(clamshells(), clock)
    engine.start()
    run(engine, clock, 60)
    assert engine.step.kind is StepKind.PAIN_BEFORE and engine.state is EngineState.RUNNING


def test_a_slow_answer_to_the_pain_question_is_not_taken_for_sleep(clock):
    engine = SessionEngine(clamshells(), clock)
    engine.start()
    clock.advance(40)              # the player does not poll while it waits for an answer
    engine.set_pain_before(2)
    engine.next()
    clock.advance(0.1)
    assert engine.update() == []
    assert engine.state is EngineState.RUNNING and engine.step.kind is StepKind.GET_READY


def test_countdown_is_exact_to_the_millisecond(clock):
    engine = started(clock)
    assert engine.step.kind is StepKind.GET_READY
    run(engine, clock, 7.25)
    assert engine.remaining() == pytest.approx(2.75, abs=MS)


def test_a_late_tick_does_not_drift_the_next_step(clock):
    engine = started(clock)
    run(engine, clock, 9.9)
    clock.advance(0.5)            # the next tick arrives 0.4 s after the get-ready deadline
    engine.update()
    assert engine.step.kind is StepKind.WORK
    assert engine.elapsed() == pytest.approx(0.4, abs=MS)  # started at the deadline, not now


def test_rep_and_phase_follow_the_tempo(clock):
    engine = started(clock)
    run(engine, clock, 10 + 5 + 2.5)  # ready, one full rep, into the hold of rep 2
    pos = engine.step.rep_position(engine.elapsed())
    assert (pos.rep, pos.phase) == (2, Phase.HOLD)
    assert pos.phase_remaining == pytest.approx(0.5, abs=MS)


def test_pause_freezes_and_resume_continues_exactly(clock):
    engine = started(clock)
    run(engine, clock, 4.0)
    engine.pause()
    run(engine, clock, 3.0)       # 3 s paused
    assert engine.remaining() == pytest.approx(6.0, abs=MS)
    engine.resume()
    run(engine, clock, 1.5)
    assert engine.remaining() == pytest.approx(4.5, abs=MS)


def test_skip_forward_logs_the_set_and_starts_the_next_step_fresh(clock):
    engine = started(clock)
    run(engine, clock, 10 + 11)    # 11 s into left set 1 at 5 s a rep: 2 reps done
    engine.adjust_reps(-1)         # one fewer than the tempo counted
    events = engine.next()
    assert [e.kind for e in events][:2] == [EventKind.SET_LOGGED, EventKind.STEP_STARTED]
    assert engine.step.kind is StepKind.SWITCH_SIDE
    assert engine.elapsed() == pytest.approx(0.0, abs=MS)
    assert engine.logs[0].done_reps == 1 and engine.logs[0].target_reps == 3


def test_skipping_a_set_logs_only_the_reps_the_tempo_got_through(clock):
    engine = started(clock)
    run(engine, clock, 10 + 11)     # 11 s into left set 1 at 5 s a rep: 2 reps done
    engine.next()
    assert engine.logs[0].done_reps == 2 and engine.logs[0].target_reps == 3
    run(engine, clock, 5)           # switch side, then straight past the right set
    assert engine.step.kind is StepKind.WORK and engine.step.side == "right"
    engine.next()
    assert engine.logs[1].done_reps == 0   # skipping unstarted work logs none of it


def test_go_back_restarts_the_previous_step(clock):
    engine = started(clock)
    run(engine, clock, 10 + 15 + 2)   # 2 s into switch side
    engine.previous()
    assert engine.step.kind is StepKind.WORK and engine.step.side == "left"
    assert engine.remaining() == pytest.approx(15.0, abs=MS)
    run(engine, clock, 15)            # redo the set: still one log for it
    assert len(engine.logs) == 1


def test_skip_while_paused_stays_paused(clock):
    engine = started(clock)
    engine.pause()
    engine.next()
    clock.advance(3)
    engine.update()
    assert engine.state is EngineState.PAUSED
    assert engine.step.kind is StepKind.WORK and engine.elapsed() == 0.0


def test_sleep_pauses_at_the_last_moment_seen(clock):
    engine = started(clock)
    run(engine, clock, 10 + 15 + 5 + 15 + 12.0)   # 12 s into the 30 s rest
    assert engine.step.kind is StepKind.REST
    clock.advance(45 * 60)                        # laptop lid closed for 45 minutes
    events = engine.update()
    assert [e.kind for e in events] == [EventKind.AUTO_PAUSED]
    assert engine.state is EngineState.PAUSED
    assert engine.remaining() == pytest.approx(18.0, abs=MS)
    engine.resume()
    run(engine, clock, 17.999)
    assert engine.step.kind is StepKind.REST
    run(engine, clock, 0.002)
    assert engine.step.kind is StepKind.WORK and engine.elapsed() == pytest.approx(0.001, abs=MS)


def test_sounds_are_due_at_the_right_moments(clock):
    engine = started(clock)
    t0 = clock.monotonic()
    events = run(engine, clock, 10 + 15)
    countdown = [round(e.at - t0, 3) for e in events if e.kind is EventKind.COUNTDOWN]
    assert countdown == [7.0, 8.0, 9.0]
    phases = [(round(e.at - t0, 3), e.rep, e.phase.value) for e in events if e.kind is EventKind.PHASE]
    assert phases[:4] == [(10.0, 1, "up"), (12.0, 1, "hold"), (13.0, 1, "down"), (15.0, 2, "up")]
    assert [e.last_rep for e in events if e.kind is EventKind.PHASE and e.phase is Phase.UP] == [
        False, False, True]


def test_time_to_next_event_points_at_the_next_beat(clock):
    engine = started(clock)
    run(engine, clock, 6.2)
    assert engine.time_to_next_event() == pytest.approx(0.8, abs=MS)  # countdown at 7 s
    run(engine, clock, 4.0)        # 0.2 s into the first rep
    assert engine.time_to_next_event() == pytest.approx(1.8, abs=MS)


def test_reps_adjust_within_bounds(clock):
    engine = started(clock)
    run(engine, clock, 10 + 15)
    assert engine.step.kind is StepKind.SWITCH_SIDE
    engine.adjust_reps(+1)
    assert engine.logs[0].done_reps == 4
    for _ in range(300):
        engine.adjust_reps(-1)
    assert engine.logs[0].done_reps == 0


def test_leaving_early_keeps_completed_reps(clock):
    engine = started(clock)
    run(engine, clock, 10 + 15 + 5 + 11)   # right side set 1: 2 reps done, third under way
    engine.abandon()
    record = engine.to_record()
    assert not record.completed
    assert [(s.side, s.done_reps) for s in record.sets] == [("left", 3), ("right", 2)]


def test_pain_is_checked(clock):
    engine = SessionEngine(clamshells(), clock)
    for bad in (-1, 11, 3.5, "4"):
        with pytest.raises(ValueError):
            engine.set_pain_before(bad)


def test_a_whole_twenty_minute_session_runs_in_well_under_a_second(clock):
    timeline = build_timeline(starter_session())
    t_wall = time.perf_counter()
    engine = started(clock, timeline)
    run(engine, clock, timeline.timed_seconds + 1, tick=0.1)
    assert engine.step.kind is StepKind.PAIN_AFTER
    engine.set_pain_after(1)
    engine.next()
    elapsed_wall = time.perf_counter() - t_wall
    assert engine.state is EngineState.FINISHED and engine.completed
    record = engine.to_record()
    expected_sets = sum(1 for s in timeline.steps if s.logs_a_set)
    assert len(record.sets) == expected_sets == 4 * 4 + 2 + 2
    assert record.duration_seconds == pytest.approx(timeline.timed_seconds + 1, abs=0.01)
    assert (record.pain_before, record.pain_after) == (2, 1)
    assert elapsed_wall < 1.0, "sanity bound only: the engine must not need real time"


def test_stopping_early_keeps_the_reps_done_then_asks_the_pain_question(clock):
    engine = started(clock)
    run(engine, clock, 10 + 11)               # 2 reps into the first set
    engine.pause()
    engine.stop_early()
    assert engine.step.kind is StepKind.PAIN_AFTER and engine.state is EngineState.RUNNING
    assert [log.done_reps for log in engine.logs] == [2]
    engine.set_pain_after(4)
    engine.next()
    assert engine.state is EngineState.FINISHED and not engine.completed
    assert engine.to_record().pain_after == 4


# ------------------------------------------------------------ the wall clock is not trusted
@pytest.mark.parametrize("jump_hours", [-3, -48, 5, 24 * 400])
def test_a_wall_clock_jump_mid_session_keeps_the_session_and_its_real_length(clock, jump_hours):
    """The end is the start plus the monotonic time measured, so a clock stepped back
    (more than the time elapsed) or forward never makes a session end before it began."""
    import datetime as dt

    engine = started(clock, clamshells(sets=1, reps=2, rest=5))
    run(engine, clock, 40)
    clock.set_wall(clock.now() + dt.timedelta(hours=jump_hours))
    run(engine, clock, 600)
    engine.set_pain_after(1)
    engine.next()
    assert engine.state is EngineState.FINISHED
    record = engine.to_record()          # used to raise: ended_at < started_at
    assert record.completed and record.pain_after == 1
    assert record.ended_at >= record.started_at
    assert 600 <= record.duration_seconds <= 650


def test_a_clock_set_to_1970_is_refused_in_plain_words_not_saved_as_impossible(clock):
    import datetime as dt

    from itbgui.store.records import RecordError

    clock.set_wall(dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))
    engine = started(clock)
    with pytest.raises(RecordError, match="clock"):
        engine.to_record()


def test_a_plan_week_past_the_record_range_is_clamped_not_refused(clock):
    import dataclasses

    from itbgui.store.records import WEEK_RANGE

    p = dataclasses.replace(clamshells().prescription, week=WEEK_RANGE[1] + 7)
    engine = started(clock, build_timeline(p, TIMING))
    assert engine.to_record().week == WEEK_RANGE[1]
