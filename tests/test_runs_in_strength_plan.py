"""The hip plan reads the runs: a run that hurt (pain during above 3) or left the knee worse
the next morning is a warning for the next strength decision (docs/progression.md)."""

from __future__ import annotations

import datetime as dt

from itbgui.program.plan import generate_plan
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.progression import decide
from itbgui.program.sessions import sets_at_target
from itbgui.store.records import SessionRecord
from itbgui.store.run_records import RunRecord

START = dt.date(2026, 11, 2)   # a Monday
SETUP = PlanSetup("intermediate", frozenset({1, 3, 5}), START, "left", ("yellow", "red"), (2.0,))


def logged(planned, sid):
    start = dt.datetime.combine(planned.date, dt.time(18)).astimezone()
    return SessionRecord(sid, start, start + dt.timedelta(minutes=22), True, planned.prescription.title,
                         planned.week, 1, 1, "", sets_at_target(planned.prescription), "same")


def two_easy_sessions():
    week = generate_plan(SETUP).sessions_in_week(START)
    return [logged(p, f"s{i}") for i, p in enumerate(week[:2])]


def a_run(after, hours=20, **answers):
    start = after.started_at + dt.timedelta(hours=hours)
    return RunRecord(f"run-{start:%d%H}", start, distance_km=4.0, **answers)


def test_two_easy_sessions_progress_without_a_bad_run():
    sessions = two_easy_sessions()
    easy = a_run(sessions[1], pain_during=2, pain_after=1, next_morning="same")
    assert decide(SETUP, sessions, runs=[easy]).effective_action == "progress"


def test_a_run_that_hurt_holds_the_next_strength_decision_and_names_it():
    sessions = two_easy_sessions()
    sore = a_run(sessions[1], pain_during=5, pain_after=2, next_morning="same")
    decision = decide(SETUP, sessions, runs=[sore])
    assert decision.effective_action == "hold"
    day = sore.started_at.date()
    assert f"{day:%a} {day.day} {day:%b}" in decision.reason and "5/10" in decision.reason


def test_a_worse_morning_after_a_run_holds_too():
    sessions = two_easy_sessions()
    worse = a_run(sessions[1], pain_during=1, pain_after=1, next_morning="worse")
    decision = decide(SETUP, sessions, runs=[worse])
    assert decision.effective_action == "hold" and "worse" in decision.reason


def test_a_run_counts_for_the_decision_it_comes_before_only():
    sessions = two_easy_sessions()
    # between the first and the second session: it warned the decision after the first
    earlier = a_run(sessions[0], pain_during=6, pain_after=2, next_morning="same")
    assert earlier.started_at < sessions[1].started_at
    assert decide(SETUP, sessions, runs=[earlier], session_id="s0").effective_action == "hold"
    assert decide(SETUP, sessions, runs=[earlier]).effective_action == "progress"


def test_a_run_never_softens_a_step_back():
    sessions = two_easy_sessions()
    sessions[1] = sessions[1].__class__(**{**sessions[1].__dict__, "next_morning": "worse"})
    sore = a_run(sessions[1], pain_during=5, pain_after=2, next_morning="same")
    assert decide(SETUP, sessions, runs=[sore]).effective_action == "step_back"
