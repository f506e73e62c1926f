"""The plan generator: days, doses, double progression, kit labels and session length."""

import datetime as dt

import pytest

from itbgui.core.engine import EngineState, SessionEngine
from itbgui.program.exercises import CATALOGUE, Kind
from itbgui.program.plan import (usable_rungs, PLAN_WEEKS, SESSION_BUDGET_SECONDS, generate_plan,
                                 pick_session_days, spaced_session_days)
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.timeline import build_timeline

MONDAY = dt.date(2026, 11, 2)
STRENGTH = {ex.id for ex in CATALOGUE if ex.kind is Kind.REPS}


def make(level="beginner", running=(), bands=(), dumbbells=(), start=MONDAY, sore="left",
         ankle=False, bench=False):
    return generate_plan(PlanSetup(level, frozenset(running), start, sore, tuple(bands), tuple(dumbbells),
                                   ankle, bench))


def position(plan, prescription):
    """Where a dose's rung stands on the person's ladder (0 = easiest)."""
    from itbgui.program.plan import usable_rungs
    steps = [r.step_index for r in usable_rungs(prescription.exercise_id, plan.setup)]
    return steps.index(prescription.resolved_step_index)


def week_monday(week, start=MONDAY):
    return start + dt.timedelta(weeks=week - 1)


def weekdays(plan, week):
    return [(s.date.weekday(), s.after_light_run) for s in plan.sessions_in_week(week_monday(week))]


def item(session, exercise_id):
    return next(i for i in session.prescription.items if i.exercise_id == exercise_id)


@pytest.mark.parametrize("level, per_week", [("beginner", 2), ("intermediate", 3), ("advanced", 3)])
def test_sessions_per_week_by_level_then_one_a_week_in_maintenance(level, per_week):
    plan = make(level)
    for week in range(1, PLAN_WEEKS + 1):
        assert plan.planned_count(week_monday(week)) == per_week
        assert len(plan.sessions_in_week(week_monday(week))) == per_week
    for week in (9, 10, 30):
        sessions = plan.sessions_in_week(week_monday(week))
        assert [s.week for s in sessions] == [week]
        assert sessions[0].is_maintenance


def test_beginners_start_with_two_sets_others_with_three():
    beginner, advanced = make("beginner"), make("advanced")
    first = beginner.sessions_in_week(MONDAY)[0]
    assert {i.sets for i in first.prescription.items if i.exercise.kind is Kind.REPS} == {2}
    second_week = beginner.sessions_in_week(week_monday(2))[0]
    assert {i.sets for i in second_week.prescription.items if i.exercise.kind is Kind.REPS} == {3}
    assert {i.sets for i in advanced.sessions_in_week(MONDAY)[0].prescription.items
            if i.exercise.kind is Kind.REPS} == {3}


@pytest.mark.parametrize("level, running, expected", [
    # No running days: spread out as far as the week allows.
    ("beginner", (), [(0, False), (3, False)]),
    ("advanced", (), [(0, False), (2, False), (4, False)]),
    # Runs Tue/Thu/Sat: the sessions take the days between.
    ("advanced", (1, 3, 5), [(0, False), (2, False), (4, False)]),
    ("beginner", (1, 3, 5), [(0, False), (4, False)]),
    # Runs Mon-Fri: Saturday and Sunday would be two in a row, so one weekend day and
    # two sessions after a light run, a day apart.
    ("advanced", (0, 1, 2, 3, 4), [(0, True), (2, True), (5, False)]),
    # Runs every day: every session after a light run, still spread out.
    ("advanced", range(7), [(0, True), (2, True), (4, True)]),
    ("beginner", range(7), [(0, True), (3, True)]),
])
def test_sessions_go_on_non_running_days_spread_through_the_week(level, running, expected):
    plan = make(level, running)
    for week in (1, 4, 8):
        assert weekdays(plan, week) == expected


@pytest.mark.parametrize("running, beginner_runs, advanced_runs", [
    # (running days, sessions after a run for 2 and for 3 sessions), counted by hand: the
    # most free days that can be chosen with a day between them, Sunday to Monday included.
    ((), 0, 0), ((0,), 0, 0), ((1, 3), 0, 0), ((0, 2, 4, 6), 0, 0),
    ((0, 1, 2, 3, 4), 1, 2), ((1, 2, 3, 4, 5), 1, 2), (tuple(range(7)), 2, 3),
])
def test_a_running_day_is_used_only_when_spaced_free_days_run_out(running, beginner_runs,
                                                                    advanced_runs):
    for level, on_run_days in (("beginner", beginner_runs), ("advanced", advanced_runs)):
        chosen = weekdays(make(level, running), 2)
        assert sum(after for _, after in chosen) == on_run_days
        assert all(after == (day in running) for day, after in chosen)


def test_day_picker_spaces_first_then_prefers_free_days_and_the_widest_gaps():
    assert pick_session_days(range(7), {5, 6}, 3) == ((0, False), (2, False), (4, False))
    assert pick_session_days(range(7), set(), 1) == ((0, False),)
    # Saturday and Sunday are not both taken: Saturday and a running day 3-4 days off
    # (Tuesday, the first of the equally spread choices) instead.
    assert pick_session_days(range(7), {0, 1, 2, 3, 4}, 2) == ((1, True), (5, False))
    # Saturday and Sunday cannot both be used; only one of them fits.
    assert pick_session_days([5, 6], set(), 2, circular=False) == ()
    assert spaced_session_days([5, 6], set(), 3, circular=False) == ((5, False),)
    # The day before the next week's first session is left free.
    assert spaced_session_days([4, 5, 6], set(), 3, circular=False, next_first=0) == ((4, False),)
    assert spaced_session_days(range(7), set(), 1, previous_last=6) == ((1, False),)


def test_starting_mid_week_uses_only_the_days_left_and_never_two_in_a_row():
    thursday = dt.date(2026, 11, 5)
    plan = make("advanced", start=thursday)
    first = plan.sessions_in_week(thursday)
    # Thu and Sat: Sunday would sit right before week 2's Monday session.
    assert [s.date for s in first] == [thursday, dt.date(2026, 11, 7)]
    assert plan.week_number(dt.date(2026, 11, 4)) == 0
    assert plan.week_number(thursday) == 1
    assert plan.week_number(dt.date(2026, 11, 9)) == 2          # the next Monday
    assert len(plan.sessions_in_week(dt.date(2026, 11, 9))) == 3


def test_week_numbers_and_maintenance():
    plan = make()
    assert plan.week_number(MONDAY - dt.timedelta(days=1)) == 0
    assert plan.week_number(MONDAY) == 1
    assert plan.week_number(MONDAY + dt.timedelta(days=6)) == 1
    assert plan.week_number(week_monday(8) + dt.timedelta(days=6)) == 8
    assert plan.week_number(week_monday(9)) == 9
    assert plan.sessions_in_week(MONDAY - dt.timedelta(days=7)) == ()
    assert plan.planned_count(MONDAY - dt.timedelta(days=7)) == 0


@pytest.mark.parametrize("level", ["beginner", "advanced"])
def test_every_strength_exercise_comes_round_every_week(level):
    plan = make(level, bands=("yellow",))
    for week in range(1, 11):
        done = {i.exercise_id for s in plan.sessions_in_week(week_monday(week))
                for i in s.prescription.items}
        assert STRENGTH <= done
        for session in plan.sessions_in_week(week_monday(week)):
            assert session.prescription.items[-1].exercise_id == "glute_stretch"


def test_the_dose_follows_the_weekly_table():
    plan = make("advanced", bands=("yellow", "red"), ankle=True)
    # (week, sets, reps, tempo) for the side-lying leg lift, hand-copied from the table
    expected = [(1, 3, 10, "2-1-2"), (2, 3, 10, "2-1-2"), (3, 3, 10, "2-1-2"), (4, 3, 12, "2-0-2"),
                (5, 3, 10, "2-1-2"), (6, 3, 12, "2-0-2"), (7, 3, 10, "2-1-2"), (8, 3, 12, "2-0-2"),
                (9, 2, 10, "2-0-2")]
    for week, sets, reps, tempo in expected:
        lift = item(plan.sessions_in_week(week_monday(week))[0], "side_leg_lift")
        assert (lift.sets, lift.reps, lift.tempo.label()) == (sets, reps, tempo)


def test_double_progression_uses_the_persons_bands_and_dumbbells():
    plan = make("advanced", bands=("yellow", "red"), dumbbells=(2.5, 5))
    clamshell = [(w, item(s, "clamshell").resistance, item(s, "clamshell").reps)
                 for w in range(1, 9) for s in plan.sessions_in_week(week_monday(w))[:2]
                 if s.template == "A"]
    by_week = dict((w, (r, n)) for w, r, n in clamshell)
    assert by_week[1] == ("Bodyweight", 10)
    assert by_week[3] == ("Yellow band above the knees", 10)
    assert by_week[4] == ("Yellow band above the knees", 12)
    assert by_week[5] == ("Red band above the knees", 10)
    assert by_week[7] == ("Side-plank clamshell", 10)
    deadlift = {w: item(s, "single_leg_deadlift").resistance
                for w in range(1, 9) for s in plan.sessions_in_week(week_monday(w)) if s.template == "B"}
    assert deadlift[1] == "Fingertip support"
    assert deadlift[3] == "Bodyweight"
    assert deadlift[5] == "2.5 kg dumbbell in the opposite hand"
    assert deadlift[7] == "5 kg dumbbell in the opposite hand"
    walk = {w: item(s, "lateral_band_walk").resistance
            for w in range(1, 9) for s in plan.sessions_in_week(week_monday(w)) if s.template == "B"}
    assert walk[1] == "Yellow band at the knees"
    assert walk[7] == "Red band around the feet"     # the heavier band stays on the long lever


def test_reps_drop_back_whenever_the_load_steps_up():
    plan = make("advanced", bands=("yellow", "red", "green"), dumbbells=(3, 6))
    for exercise_id in STRENGTH:
        doses = [plan.planned_exercise(exercise_id, w) for w in range(1, PLAN_WEEKS + 1)]
        for a, b in zip(doses, doses[1:]):
            if position(plan, b) > position(plan, a):
                assert b.reps == 10 <= a.reps   # a new rung starts again at 10
            assert position(plan, b) >= position(plan, a)


def test_without_kit_the_load_stays_where_the_kit_runs_out():
    plan = make("advanced")
    week8 = plan.sessions_in_week(week_monday(8))
    a = next(s for s in week8 if s.template == "A")
    b = next(s for s in week8 if s.template == "B")
    # Without kit, harder bodyweight rungs carry on where a band or a weight would come in.
    assert item(a, "clamshell").resistance == "Side-plank clamshell"
    assert item(b, "single_leg_deadlift").resistance == "Bodyweight, 2 s pause at the bottom"
    assert item(b, "lateral_band_walk").resistance == "No band: deeper squat, 2 s pause on each step"
    assert item(a, "glute_bridge").resistance == "Single-leg bridge, 2 s hold at the top"
    assert item(a, "side_leg_lift").resistance == "Straight leg, 2 s hold at the top"
    assert item(a, "side_leg_lift").tempo.label() == "2-2-2"     # the hold is timed in every rep
    # The hip thrust needs a bench or sofa edge; the set-up asks.
    bench = make("advanced", bench=True).sessions_in_week(week_monday(8))
    assert item(next(s for s in bench if s.template == "A"), "glute_bridge").resistance == \
        "Single-leg hip thrust, shoulders on a bench"


@pytest.mark.parametrize("level", ["beginner", "intermediate"])
@pytest.mark.parametrize("kit", [((), ()), (("yellow", "red", "green", "blue"), (2, 4, 6))])
def test_every_session_stays_within_twenty_minutes(level, kit):
    plan = make(level, bands=kit[0], dumbbells=kit[1])
    for week in range(1, 13):
        for session in plan.sessions_in_week(week_monday(week)):
            seconds = build_timeline(session.prescription).timed_seconds
            assert seconds == session.estimated_seconds
            assert 12 * 60 <= seconds <= SESSION_BUDGET_SECONDS
            assert session.estimated_minutes == round(seconds / 60)


def test_sore_side_goes_first_and_both_alternates():
    right = make("advanced", sore="right")
    assert {s.prescription.first_side for w in (1, 2) for s in right.sessions_in_week(week_monday(w))} == {"right"}
    both = make("advanced", sore="both")
    sides = [s.prescription.first_side for w in (1, 2) for s in both.sessions_in_week(week_monday(w))]
    assert sides == ["left", "right", "left", "right", "left", "right"]


def test_sessions_alternate_a_and_b_across_weeks():
    plan = make("advanced")
    templates = [s.template for w in (1, 2, 3) for s in plan.sessions_in_week(week_monday(w))]
    assert templates == ["A", "B", "A", "B", "A", "B", "A", "B", "A"]


def test_target_reps_is_the_dose_in_force_on_that_day():
    plan = make("beginner")
    assert plan.target_reps("clamshell", MONDAY - dt.timedelta(days=1)) is None
    assert plan.target_reps("clamshell", MONDAY + dt.timedelta(days=3)) == 10
    assert plan.target_reps("clamshell", week_monday(4)) == 12
    # Without bands the clamshell moves to the side plank in week 5 and starts again at 10 ...
    assert plan.target_reps("clamshell", week_monday(5) + dt.timedelta(days=6)) == 10
    # ... and, with no harder rung left, climbs to 15 in week 7.
    assert plan.target_reps("clamshell", week_monday(7)) == 15
    assert plan.target_reps("clamshell", week_monday(12)) == 10
    assert plan.target_reps("glute_stretch", week_monday(4)) is None


def test_a_planned_session_plays_to_the_end_in_the_unchanged_player(clock):
    plan = make("advanced", bands=("red",), dumbbells=(4,), sore="right")
    session = plan.sessions_in_week(week_monday(5))[1]
    engine = SessionEngine(build_timeline(session.prescription), clock)
    engine.start()
    engine.set_pain_before(2)
    engine.next()
    while engine.state is not EngineState.FINISHED and not engine.step.kind.value == "pain_after":
        clock.advance(1.0)
        engine.update()
    engine.set_pain_after(3)
    engine.next()
    record = engine.to_record()
    assert record.week == 5 and record.title == session.prescription.title
    walk = [s for s in record.sets if s.exercise_id == "lateral_band_walk"]
    assert {s.resistance for s in walk} == {"Red band around the feet"}
    assert {s.step_index for s in walk} == {2}
    assert [s.side for s in walk[:2]] == ["right", "left"]
    assert len(walk) == 6 and {s.target_reps for s in walk} == {10}


# ------------------------------------------------------------------ spacing, every start day

RUNNING_DAY_SETS = [(), tuple(range(7)), (0,), (6,), (0, 2, 4), (1, 3, 5), (2, 4, 6), (5, 6),
                    (0, 1, 2, 3, 4), (1, 2, 3, 4, 5), (0, 2, 4, 6), (0, 1, 2, 3, 4, 5),
                    (1, 2, 3, 4, 5, 6), (0, 6), (3,)]


def planned_dates(plan, weeks=10):
    return [s.date for w in range(1, weeks + 1)
            for s in plan.sessions_in_week(week_monday(w, plan.start_monday))]


@pytest.mark.parametrize("level", ["beginner", "intermediate"])
@pytest.mark.parametrize("running", RUNNING_DAY_SETS)
@pytest.mark.parametrize("start_weekday", range(7))
def test_no_two_planned_sessions_on_consecutive_days(level, running, start_weekday):
    # docs/progression.md: never two days in a row, from week 1 (whatever day it starts
    # on) into week 2, through the eight weeks and into maintenance.
    start = MONDAY + dt.timedelta(days=start_weekday)
    plan = make(level, running, start=start)
    dates = planned_dates(plan)
    assert dates == sorted(dates) and dates[0] >= start
    assert all((b - a).days >= 2 for a, b in zip(dates, dates[1:])), dates
    per_week = 2 if level == "beginner" else 3
    for week in range(3, PLAN_WEEKS + 1):
        assert len(plan.sessions_in_week(week_monday(week, plan.start_monday))) == per_week
    assert 1 <= len(plan.sessions_in_week(week_monday(2, plan.start_monday))) <= per_week
    first = plan.sessions_in_week(start)
    if start_weekday == 0:
        assert len(first) == per_week
    elif start_weekday == 6:
        assert len(first) == 1           # a Sunday start still begins that day (week 2 steps aside)
    else:
        # Free days first: as many as fit on the days left without a run (less Sunday when
        # week 2 starts on Monday), a day between each, up to the week's number; running
        # days only when no free day is left.
        week2_first = plan.sessions_in_week(week_monday(2, plan.start_monday))[0].date.weekday()
        days_left = [d for d in range(start_weekday, 7) if not (d == 6 and week2_first == 0)]
        free_left = [d for d in days_left if d not in running]
        fit, last = 0, -2
        for d in free_left or days_left:
            if d - last >= 2:
                fit, last = fit + 1, d
        assert len(first) == min(per_week, fit)
        if free_left:
            assert not any(s.after_light_run for s in first)
    assert first, "week 1 is never empty: the plan never opens on week 2"
    for session in first + plan.sessions_in_week(week_monday(2, plan.start_monday)):
        assert session.after_light_run == (session.date.weekday() in running)


def test_the_reviewers_starts_no_longer_put_sessions_back_to_back():
    friday = dt.date(2026, 11, 6)   # runs Mon/Wed/Fri; was Saturday + Sunday
    plan = make("intermediate", (0, 2, 4), start=friday)
    assert [(s.date.strftime("%a"), s.after_light_run) for s in plan.sessions_in_week(friday)] == [
        ("Sat", False)]                 # free days first: not Friday after a run
    assert [s.date.strftime("%a") for s in plan.sessions_in_week(week_monday(2))] == ["Tue", "Thu", "Sat"]
    wednesday = dt.date(2026, 11, 4)   # runs Wed/Fri/Sun; was Wednesday + Thursday
    plan = make("intermediate", (2, 4, 6), start=wednesday)
    assert [s.date.strftime("%a") for s in plan.sessions_in_week(wednesday)] == ["Thu", "Sat"]
    assert [s.date.strftime("%a") for s in plan.sessions_in_week(week_monday(2))] == ["Mon", "Thu", "Sat"]


def test_a_sunday_start_begins_that_sunday_and_week_two_steps_aside():
    sunday = dt.date(2026, 11, 8)
    plan = make("beginner", start=sunday)   # weeks 3 on: Monday and Thursday
    assert [s.date for s in plan.sessions_in_week(sunday)] == [sunday]
    week2 = [s.date for s in plan.sessions_in_week(dt.date(2026, 11, 9))]
    assert week2[0] > dt.date(2026, 11, 9) and len(week2) == 2          # not the Monday after
    assert [s.date.weekday() for s in plan.sessions_in_week(dt.date(2026, 11, 16))] == [0, 3]
    runs_monday = make("beginner", (0,), start=sunday)   # week 2 starts on Tuesday
    assert [s.date for s in runs_monday.sessions_in_week(sunday)] == [sunday]


# ------------------------------------------------------------------ no kit


def test_without_kit_there_is_still_a_path_to_week_eight():
    plan = make("advanced")
    clam = [(plan.planned_exercise("clamshell", w).resistance, plan.planned_exercise("clamshell", w).reps)
            for w in range(1, PLAN_WEEKS + 1)]
    # The review: bodyweight 3 x 12 from week 3 to week 8. Now a hold, then the side plank,
    # then more reps where no harder rung is left and the session has room.
    assert clam == [("Bodyweight", 10), ("Bodyweight", 10),
                    ("Bodyweight, 2 s hold with the knee open", 10),
                    ("Bodyweight, 2 s hold with the knee open", 12),
                    ("Side-plank clamshell", 10), ("Side-plank clamshell", 12),
                    ("Side-plank clamshell", 15), ("Side-plank clamshell", 15)]
    assert plan.planned_exercise("clamshell", 3).tempo.label() == "2-2-2"
    # No ankle weight is offered to someone who has none.
    assert all("weight" not in r.label for r in usable_rungs("side_leg_lift", plan.setup))
    lift = [(plan.planned_exercise("side_leg_lift", w).resolved_step_index,
             plan.planned_exercise("side_leg_lift", w).reps) for w in range(1, 9)]
    assert lift == [(0, 10), (0, 10), (1, 10), (1, 12), (4, 10), (4, 12), (4, 12), (4, 12)]


@pytest.mark.parametrize("level", ["beginner", "advanced"])
def test_without_kit_the_dose_never_goes_down_at_the_same_load(level):
    plan = make(level)
    for exercise_id in STRENGTH:
        doses = [plan.planned_exercise(exercise_id, w) for w in range(1, PLAN_WEEKS + 1)]
        for a, b in zip(doses, doses[1:]):
            assert position(plan, b) >= position(plan, a)
            if b.resolved_step_index == a.resolved_step_index:
                assert (b.reps, b.sets) >= (a.reps, a.sets), (exercise_id, a, b)
            assert b.reps <= 15


def test_week_one_uses_free_days_before_running_days():
    # The review: runs Tue/Thu/Sat, start Tuesday: all three sessions went on running days.
    tuesday = dt.date(2026, 11, 3)
    plan = make("intermediate", (1, 3, 5), start=tuesday)
    assert [(s.date.strftime("%a"), s.after_light_run) for s in plan.sessions_in_week(tuesday)] == [
        ("Wed", False), ("Fri", False)]
    # A Sunday start: week 2 steps aside from Monday onto free days, not Tue/Thu/Sat.
    sunday = dt.date(2026, 11, 8)
    plan = make("intermediate", (1, 3, 5), start=sunday)
    week2 = plan.sessions_in_week(week_monday(2, plan.start_monday))
    assert not any(s.after_light_run for s in week2) and week2[0].date.weekday() != 0


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(bands=st.sampled_from(((), ("yellow",), ("yellow", "red"), ("red", "green", "blue"))),
       dumbbells=st.sampled_from(((), (2.0,), (2.0, 4.0))), ankle=st.booleans(), bench=st.booleans())
def test_every_ladder_is_from_the_kit_and_in_difficulty_order(bands, dumbbells, ankle, bench):
    from itbgui.program.exercises import exercise

    setup = PlanSetup("advanced", frozenset(), MONDAY, "left", bands, dumbbells, ankle, bench)
    for exercise_id in STRENGTH:
        order = [i for i, _ in exercise(exercise_id).ladder()]
        rungs = usable_rungs(exercise_id, setup)
        steps = [r.step_index for r in rungs]
        assert steps == sorted(steps, key=order.index), (exercise_id, steps)   # easiest first
        # A harder rung whatever the kit (then more reps: see the no-kit path test).
        assert len(steps) >= 2
        for r in rungs:
            assert ("band" not in r.label.lower() or bands or r.label.startswith("No band")), r.label
            assert "dumbbell" not in r.label or dumbbells
            assert r.label != "Ankle weight" or ankle
            assert "bench" not in r.label or bench
