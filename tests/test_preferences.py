"""Settings' tempo, rest and get-ready reach the next session's timeline (pure Python)."""

import pytest

from itbgui.program.exercises import Tempo
from itbgui.program.preferences import SessionPreferences, apply_preferences, timing_for
from itbgui.program.prescription import starter_session
from itbgui.program.timeline import StepKind, Timing, build_timeline


def _durations(timeline, kind):
    return [step.duration for step in timeline.steps if step.kind is kind]


def test_changed_rest_changes_every_rest_of_the_next_session():
    plan = starter_session()                      # 2 sets, rests of 45 s, five counted exercises
    before = build_timeline(plan)
    prefs = SessionPreferences(rest_seconds=90)
    after = build_timeline(apply_preferences(plan, prefs), timing_for(prefs))
    assert _durations(before, StepKind.REST) == [45.0] * 5
    assert _durations(after, StepKind.REST) == [90.0] * 5
    assert after.timed_seconds - before.timed_seconds == 5 * 45


def test_no_preferences_leaves_the_plan_as_written():
    plan = starter_session()
    prefs = SessionPreferences()
    assert apply_preferences(plan, prefs) == plan
    assert timing_for(prefs) == Timing()


def test_tempo_changes_the_length_of_every_counted_set_but_not_the_stretch():
    plan = starter_session()                      # 10 reps at 2-1-2 = 50 s a set
    prefs = SessionPreferences(tempo=Tempo(3, 0, 3))
    changed = build_timeline(apply_preferences(plan, prefs))
    work = _durations(changed, StepKind.WORK)
    assert set(work) == {60.0}                    # 10 reps x 6 s
    assert _durations(changed, StepKind.HOLD) == _durations(build_timeline(plan), StepKind.HOLD)
    stretch = apply_preferences(plan, prefs).items[-1]
    assert stretch.rest_seconds == 0 and stretch.tempo == plan.items[-1].tempo


def test_get_ready_sets_the_first_countdown_and_lengthens_short_change_overs():
    plan = starter_session()
    ready = _durations(build_timeline(plan, timing_for(SessionPreferences(get_ready_seconds=40))),
                       StepKind.GET_READY)
    # the first exercise: 40 s; the later five: max(40, the 30 s change-over)
    assert ready == [40.0] * 6
    short = _durations(build_timeline(plan, timing_for(SessionPreferences(get_ready_seconds=10))),
                       StepKind.GET_READY)
    assert short == [10.0] + [30.0] * 5


def test_single_set_exercises_get_no_rest():
    plan = starter_session(sets=1)
    changed = apply_preferences(plan, SessionPreferences(rest_seconds=60))
    assert _durations(build_timeline(changed), StepKind.REST) == []


@pytest.mark.parametrize("kwargs", [
    dict(rest_seconds=5), dict(rest_seconds=600), dict(get_ready_seconds=2),
    dict(get_ready_seconds=300), dict(tempo=Tempo(0.5, 1, 2)), dict(tempo=Tempo(2, 5, 2)),
    dict(tempo=Tempo(2, 1, 9)),
])
def test_unsafe_values_are_refused(kwargs):
    with pytest.raises(ValueError):
        SessionPreferences(**kwargs)


def test_a_chosen_rest_replaces_the_plans_short_breather_for_one_sided_work():
    from itbgui.program.plan import Rung, exercise_prescription
    from itbgui.program.prescription import SessionPrescription

    # Clamshells per side: the table's 60 s rest comes after both sides, as PROGRAM.md says,
    # in whole 5 s (a table rest of 58 s would be 60 s).
    planned = exercise_prescription("clamshell", 3, 10, Tempo(2, 1, 2), 58, Rung(0, "Bodyweight"))
    assert planned.rest_seconds == 60
    session = SessionPrescription("Week 1", (planned,))
    changed = apply_preferences(session, SessionPreferences(rest_seconds=40))
    assert _durations(build_timeline(changed), StepKind.REST) == [40.0, 40.0]   # 3 sets: 2 rests
