"""Honest records without a window: a session left early resumes where it stopped, a session
with under half its reps is partial (shown so, not counted towards the plan or the streak, and
short for the rule), and a second session on one day is that day's, not a later one's."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from history_helpers import FAST, MONDAY, SETUP, clock_on, local, logged
from itbgui.core.coach import Coach
from itbgui.screens.history.chart_data import current_streak, summarise as chart_summary
from itbgui.screens.history.history_data import HistoryData
from itbgui.core.engine import EngineState, SessionEngine
from itbgui.program.dose_state import replay
from itbgui.program.plan import generate_plan
from itbgui.program.progression import HOLD, next_session, week_statuses
from itbgui.program.resume import resume_point
from itbgui.program.sessions import is_partial, session_status
from itbgui.program.timeline import StepKind, build_timeline
from itbgui.program.week import build_week_sheet, week_data
from itbgui.store.repository import SessionRepository

WEDNESDAY = MONDAY + dt.timedelta(days=2)
FRIDAY = MONDAY + dt.timedelta(days=4)


@pytest.fixture
def folder(tmp_path):
    repo = SessionRepository(tmp_path)
    yield repo
    repo.close()


def left_after(record, sets_kept: int):
    """``record`` left early after its first ``sets_kept`` sets (as the player saves it)."""
    return dataclasses.replace(record, completed=False, sets=record.sets[:sets_kept],
                               pain_after=None, ended_at=record.started_at + dt.timedelta(minutes=4))


def skipped_through(record, reps_per_set: int = 1):
    """``record`` played to its end, every counted set skipped after ``reps_per_set`` reps."""
    sets = tuple(dataclasses.replace(s, done_reps=min(s.done_reps, reps_per_set)) for s in record.sets)
    return dataclasses.replace(record, sets=sets)


# ------------------------------------------------------------------ resume


def test_a_session_left_early_resumes_today_at_the_next_set_not_done():
    full = logged(MONDAY, 2, 2)
    left = left_after(full, 3)          # clamshells: set 1 both sides, set 2 one side
    today = next_session(SETUP, [left], today=MONDAY, timing=FAST)
    assert today.is_today and not today.done_today
    assert today.resume is not None and today.resume.session.id == left.id
    timeline = build_timeline(today.prescription, FAST)
    point = resume_point(timeline, left)
    assert (point.exercise_name, point.set_number, point.set_count) == ("Clamshells", 2, 3)
    step = timeline[point.step]
    # It starts on the lead-in to the first set not logged, so the person gets ready first.
    following = timeline[point.step + 1] if step.kind is not StepKind.WORK else step
    assert following.kind is StepKind.WORK and following.set_number == 2
    assert (following.set_number, following.side) not in {(s.set_number, s.side) for s in left.sets}


def test_a_session_left_early_is_not_resumed_another_day_nor_after_a_flare():
    left = left_after(logged(MONDAY, 2, 2), 3)
    assert next_session(SETUP, [left], today=WEDNESDAY, timing=FAST).resume is None
    flared = dataclasses.replace(left, pain_before=7)
    assert next_session(SETUP, [flared], today=MONDAY, timing=FAST).resume is None


def test_the_resumed_engine_continues_the_same_record_and_asks_pain_after_at_its_end():
    left = dataclasses.replace(left_after(logged(MONDAY, 2, 2), 3), title="Week 1 of 8 · extra session")
    today = next_session(SETUP, [left], today=MONDAY, timing=FAST)
    timeline = build_timeline(today.prescription, FAST)
    point = resume_point(timeline, left)
    clock = clock_on(MONDAY, 15)
    engine = SessionEngine(timeline, clock, session_id="other")
    engine.continue_from(left, point.step)
    engine.start()
    assert engine.index == point.step and engine.session_id == left.id
    assert engine.pain_before == 2 and len(engine.logs) == 3
    while engine.step.kind is not StepKind.PAIN_AFTER:
        clock.advance(1.0)
        engine.update()
        engine.next()
    engine.set_pain_after(1)
    engine.next()
    assert engine.state is EngineState.FINISHED
    record = engine.to_record()
    assert record.id == left.id and record.started_at == left.started_at
    assert record.completed and record.pain_after == 1
    assert (record.title, record.week) == (left.title, left.week)   # still the session it was begun as
    assert record.duration_seconds > left.duration_seconds        # both parts' time, not the gap
    assert record.duration_seconds < 3 * 3600
    assert record.sets[:3] == left.sets


# ------------------------------------------------------------------ partial


def test_a_session_that_reaches_its_end_with_under_half_its_reps_is_partial():
    full = logged(MONDAY, 2, 2)
    partial = skipped_through(full, 1)
    assert partial.completed and is_partial(partial) and not is_partial(full)
    assert session_status(partial) == "partial" and session_status(full) == "complete"
    assert session_status(left_after(full, 3)) == "ended early"
    half = skipped_through(full, 5)          # exactly half of 10: not under half
    assert not is_partial(half)


def test_a_partial_session_does_not_tick_off_the_plan_nor_the_streak():
    partial = skipped_through(logged(MONDAY, 2, 2, "same"), 1)
    plan = generate_plan(SETUP)
    week1 = week_statuses(SETUP, [partial], WEDNESDAY)[0]
    assert week1.done == 0
    sheet = build_week_sheet(SETUP, [partial], (), MONDAY, WEDNESDAY)
    assert not sheet.done_days
    # The streak: one whole week of partial sessions is not a week on plan.
    week = [skipped_through(logged(MONDAY + dt.timedelta(days=d), 2, 2, sid=f"p{d}"), 1) for d in (0, 2, 4)]
    assert HistoryData(week).streak(MONDAY + dt.timedelta(days=8), None) == 0
    assert current_streak([chart_summary(r) for r in week], MONDAY + dt.timedelta(days=8)) == 0
    assert plan.planned_count(MONDAY) == 3


def test_the_rule_treats_a_partial_session_as_short():
    first = logged(MONDAY, 1, 1, "same")
    partial = dataclasses.replace(skipped_through(logged(WEDNESDAY, 1, 1, "same"), 1))
    history = replay(generate_plan(SETUP), [first, partial])
    decision = history.latest_decision
    assert decision.action == HOLD
    assert "under half" in decision.reason.lower()


def test_an_exercise_skipped_at_zero_reps_is_not_a_dose_exposure():
    """A set skipped with 0 reps did not expose the exercise: its 7-day clock does not start."""
    full = logged(MONDAY, 1, 1, "same")
    skipped = dataclasses.replace(full, sets=tuple(
        dataclasses.replace(s, done_reps=0) if s.exercise_id == "clamshell" else s for s in full.sets))
    history = replay(generate_plan(SETUP), [skipped])
    assert "clamshell" not in history.sessions[0].doses


# ------------------------------------------------------------------ a second session on one day


def test_start_after_todays_session_asks_and_the_extra_session_is_todays(folder):
    folder.save_plan_setup(SETUP.to_doc())
    done = [logged(MONDAY, 2, 2, "same", sid="a"), logged(WEDNESDAY, 2, 2, "same", sid="b"),
            logged(FRIDAY, 2, 2, sid="c")]
    for record in done:
        folder.save_session(record)
    coach = Coach(folder, clock_on(FRIDAY, 18), timing=FAST)
    view = coach.today_view()
    assert not view.session.is_today and view.session.done_today
    extra = coach.extra_session()
    assert extra.date == FRIDAY and extra.is_today and extra.is_extra
    assert extra.prescription.week == 1 and "extra" in extra.prescription.title.lower()
    record = dataclasses.replace(logged(FRIDAY, 2, 2, sid="d"), started_at=local(FRIDAY, 18),
                                 ended_at=local(FRIDAY, 18, 20), title=extra.prescription.title,
                                 week=extra.prescription.week)
    folder.save_session(record)
    sheet = coach.week_sheet()
    assert [r.id for r in sheet.extra] == ["d"]
    assert sheet.week_count_text() == "3 of 3 done · 1 extra"
    data = week_data(SETUP, folder.sessions(), (), MONDAY, FRIDAY)
    assert [e["date"] for e in data.to_json()["extra"]] == [FRIDAY.isoformat()]


# ------------------------------------------------------------------ words agree with the record


def test_a_done_day_reports_each_side_and_never_zero_rep_sets():
    full = logged(MONDAY, 2, 2)
    sets = []
    for s in full.sets:
        if s.exercise_id == "clamshell" and s.side == "left":
            s = dataclasses.replace(s, done_reps=2)
        elif s.exercise_id == "clamshell":
            s = dataclasses.replace(s, done_reps=11)
        elif s.exercise_id == "glute_bridge":
            s = dataclasses.replace(s, done_reps=0)
        sets.append(s)
    record = dataclasses.replace(full, sets=tuple(sets))
    sheet = build_week_sheet(SETUP, [record], (), MONDAY, WEDNESDAY)
    monday = next(d for d in sheet.days if d.date == MONDAY)
    by_id = {i.exercise_id: i for i in monday.session.prescription.items}
    assert by_id["clamshell"].dose_label() == "3 x 2 reps per side"     # the smaller side, not 11
    assert "glute_bridge" not in by_id                   # no zero-rep sets shown as done work
    days = week_data(SETUP, [record], (), MONDAY, WEDNESDAY).to_json()["days"]
    clams = next(e for e in days[0]["exercises"] if e["exercise"] == "clamshell")
    assert (clams["sets"], clams["reps"]) == (3, 2)
    assert "glute_bridge" not in {e["exercise"] for e in days[0]["exercises"]}


def test_week_text_lists_a_session_beyond_the_plan_on_its_day():
    from itbgui.cli.week import as_text

    done = [logged(MONDAY, 2, 2, sid="a"), logged(WEDNESDAY, 2, 2, sid="b"), logged(FRIDAY, 2, 2, sid="c"),
            dataclasses.replace(logged(FRIDAY, 2, 2, sid="d"), started_at=local(FRIDAY, 18),
                                ended_at=local(FRIDAY, 18, 20))]
    text = as_text(week_data(SETUP, done, (), MONDAY, FRIDAY))
    extra = [line for line in text.splitlines() if "extra" in line.lower()]
    assert len(extra) == 1 and "Fri" in extra[0]


def test_the_summary_of_a_partial_session_does_not_say_complete():
    from itbgui.player.summary import verdict

    full = logged(MONDAY, 2, 2)
    assert verdict(full).kind == "complete"
    assert verdict(skipped_through(full, 1)).kind == "partial"
    assert verdict(left_after(full, 18)).kind == "early"      # 18 sets, then left: never "nothing"


def test_a_session_from_later_this_week_taken_today_is_that_session_early_not_an_extra(folder):
    folder.save_plan_setup(SETUP.to_doc())
    folder.save_session(logged(MONDAY, 2, 2, "same", sid="a"))
    tuesday = MONDAY + dt.timedelta(days=1)
    coach = Coach(folder, clock_on(tuesday, 18), timing=FAST)
    view = coach.today_view()
    assert not view.session.is_today and view.session.date == WEDNESDAY
    early = coach.extra_session()
    assert early.is_today and early.date == tuesday and not early.is_extra
    assert early.prescription.title == view.session.prescription.title
