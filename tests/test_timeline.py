import pytest

from itbgui.program.exercises import Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription, starter_session
from itbgui.program.timeline import Phase, StepKind, Timing, build_timeline


def one(ex_id, sets=2, reps=3, rest=30.0, step_index=0, tempo=Tempo(2, 1, 2)):
    return SessionPrescription("t", (ExercisePrescription(ex_id, sets, reps, tempo, rest, step_index),))


def kinds(timeline):
    return [(s.kind.value, s.side, s.set_number) for s in timeline.steps]


def test_per_side_exercise_does_both_sides_then_rests():
    tl = build_timeline(one("clamshell"), Timing(get_ready_seconds=10, switch_side_seconds=5))
    assert kinds(tl) == [
        ("pain_before", None, 0),
        ("get_ready", "left", 1),
        ("work", "left", 1), ("switch_side", "right", 1), ("work", "right", 1),
        ("rest", "left", 2),
        ("work", "left", 2), ("switch_side", "right", 2), ("work", "right", 2),
        ("pain_after", None, 0), ("done", None, 0)]
    # 10 ready + 4 sets x 3 reps x 5 s + 2 switches x 5 + 30 rest
    assert tl.timed_seconds == 10 + 4 * 15 + 10 + 30


def test_sore_side_goes_first():
    p = one("clamshell")
    p = SessionPrescription("t", p.items, first_side="right")
    tl = build_timeline(p)
    works = [s.side for s in tl.steps if s.kind is StepKind.WORK]
    assert works == ["right", "left", "right", "left"]


def test_two_leg_bridge_has_no_sides():
    tl = build_timeline(one("glute_bridge", step_index=0))
    assert [s.side for s in tl.steps if s.kind is StepKind.WORK] == [None, None]
    assert not any(s.kind is StepKind.SWITCH_SIDE for s in tl.steps)


def test_stretch_is_held_on_each_side():
    tl = build_timeline(SessionPrescription("t", (ExercisePrescription("glute_stretch", 1, 0),)))
    holds = [(s.side, s.duration) for s in tl.steps if s.kind is StepKind.HOLD]
    assert holds == [("left", 30.0), ("right", 30.0)]


def test_later_exercises_get_a_longer_change_over():
    p = SessionPrescription("t", (ExercisePrescription("glute_bridge", 1, 5, rest_seconds=45),
                                  ExercisePrescription("clamshell", 1, 5, rest_seconds=45)))
    timing = Timing(get_ready_seconds=15, change_over_seconds=40)
    ready = [s.duration for s in build_timeline(p, timing).steps if s.kind is StepKind.GET_READY]
    assert ready == [15, 40]


@pytest.mark.parametrize("elapsed, rep, phase, left", [
    (0.0, 1, Phase.UP, 2.0),
    (1.5, 1, Phase.UP, 0.5),
    (2.0, 1, Phase.HOLD, 1.0),
    (3.0, 1, Phase.DOWN, 2.0),
    (4.999, 1, Phase.DOWN, 0.001),
    (5.0, 2, Phase.UP, 2.0),
    (14.0, 3, Phase.DOWN, 1.0),
    (99.0, 3, Phase.DOWN, 0.0),
])
def test_rep_and_phase_come_from_elapsed_time(elapsed, rep, phase, left):
    work = next(s for s in build_timeline(one("clamshell")).steps if s.kind is StepKind.WORK)
    pos = work.rep_position(elapsed)
    assert (pos.rep, pos.phase) == (rep, phase)
    assert pos.phase_remaining == pytest.approx(left, abs=1e-6)


def test_zero_hold_tempo_skips_the_hold_phase():
    work = next(s for s in build_timeline(one("clamshell", reps=2, tempo=Tempo(2, 0, 2))).steps
                if s.kind is StepKind.WORK)
    assert work.phase_boundaries() == [0, 2, 4, 6]
    assert work.rep_position(2.0).phase is Phase.DOWN


def test_starter_session_is_near_twenty_minutes():
    minutes = build_timeline(starter_session()).timed_seconds / 60
    assert 15 <= minutes <= 25


def test_prescription_rejects_nonsense():
    with pytest.raises(ValueError):
        ExercisePrescription("clamshell", sets=0, reps=10)
    with pytest.raises(ValueError):
        ExercisePrescription("clamshell", sets=2, reps=201)
    with pytest.raises(KeyError):
        ExercisePrescription("burpee", sets=2, reps=10)


def test_sets_at_target_are_what_an_uninterrupted_session_logs(clock):
    from itbgui.core.engine import SessionEngine
    from itbgui.program.prescription import starter_session
    from itbgui.program.sessions import sets_at_target

    prescription = starter_session()
    engine = SessionEngine(build_timeline(prescription), clock)
    engine.start()
    engine.set_pain_before(1)
    engine.next()                                       # past the pain question
    for _ in range(10_000):                             # run the whole session on the fake clock
        if engine.step.kind is StepKind.PAIN_AFTER:
            break
        clock.advance(0.5)
        engine.update()
    assert engine.to_record().sets == sets_at_target(prescription)
