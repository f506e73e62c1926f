"""Run days in the plan, as a runner would check them: a history with runs and a walking
check written to a data folder (dates relative to the injected clock), read back through
``itb-coach week --json`` and its text (itbgui.cli.week.run), and Today's run view."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from history_helpers import FAST, clock_on, local, logged
import week_folders
from itbgui.core.clock import FakeClock
from itbgui.core.coach import Coach
from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.program.return_to_run import STAGES
from itbgui.store.repository import SessionRepository
from itbgui.store.run_records import ReadinessCheck, RunRecord

CLOCK = FakeClock(dt.datetime(2027, 6, 9, 12, 0).astimezone())   # a Wednesday
TODAY = CLOCK.now().date()
MONDAY = monday_of(TODAY)
LAST_MONDAY = MONDAY - dt.timedelta(weeks=1)
#: runs Tuesday, Thursday, Saturday; the hip sessions keep the other days
SETUP = PlanSetup("intermediate", frozenset({1, 3, 5}), LAST_MONDAY, "left", ("yellow", "red"), (2.0,))
RUN_KEYS = ["id", "started_at", "distance_km", "duration_s", "elevation_gain_m", "terrain", "source",
            "pain_during", "pain_onset_km", "pain_after", "next_morning", "note"]


def a_run(day: dt.date, rid: str, **fields) -> RunRecord:
    return RunRecord(rid, local(day, 7), **fields)


def write_folder(folder, runs=(), checks=(), sessions=()):
    week_folders.write_folder(folder, SETUP, sessions, runs=runs, checks=checks)


def read_week(folder, capsys, *extra) -> tuple[dict, str]:
    return week_folders.read_week(folder, capsys, CLOCK, *extra)


def run_days(doc) -> list[dict]:
    return [d for d in doc["days"] if d["kind"] == "run"]


def test_hip_sessions_stay_off_the_running_days(tmp_path, capsys):
    write_folder(tmp_path)
    doc, _ = read_week(tmp_path, capsys)
    for day in doc["days"]:
        weekday = dt.date.fromisoformat(day["date"]).weekday()
        assert (day["kind"] == "run") == (weekday in SETUP.running_days)


def test_before_the_walking_check_run_days_prescribe_nothing(tmp_path, capsys):
    write_folder(tmp_path, checks=[ReadinessCheck("w1", local(TODAY - dt.timedelta(days=1)), 20, 0)])
    doc, text = read_week(tmp_path, capsys)
    assert len(run_days(doc)) == 3
    assert all(d["run"] is None and d["runs_done"] == [] for d in run_days(doc))
    assert text.count("First the walking check") == 2 and text.count("Before the walking check") == 1


def test_run_days_carry_the_stage_and_the_runs_done(tmp_path, capsys):
    ready = ReadinessCheck("w1", local(LAST_MONDAY, 8), 35, 0)
    tuesday = LAST_MONDAY + dt.timedelta(days=1)
    easy = a_run(tuesday, "r1", distance_km=3.2, duration_s=1800, terrain="flat", source="gpx",
                 pain_during=2, pain_onset_km=2.5, pain_after=1, next_morning="same", stage=1)
    this_tuesday = MONDAY + dt.timedelta(days=1)
    imported = a_run(this_tuesday, "r2", distance_km=4.1, duration_s=1900, source="fit")
    write_folder(tmp_path, [easy, imported], [ready])

    doc, text = read_week(tmp_path, capsys)
    days = {d["date"]: d for d in run_days(doc)}
    # an easy run last week: this week's run days are stage 2, on flat ground
    for day in days.values():
        assert day["run"] == STAGES[1].to_json() == {"stage": 2, "walk_s": 120, "run_s": 240,
                                                     "repeats": 5, "terrain": "flat"}
    [done] = days[this_tuesday.isoformat()]["runs_done"]
    assert list(done) == RUN_KEYS
    assert done["id"] == "r2" and done["source"] == "fit" and done["pain_during"] is None
    assert "Stage 2 · Run 4 min, walk 2 min, 5 times - flat ground" in text
    assert "Done: 4.1 km, 32 min, pain not answered yet" in text

    last, _ = read_week(tmp_path, capsys, "--week", LAST_MONDAY.isoformat())
    past = {d["date"]: d for d in run_days(last)}
    assert past[tuesday.isoformat()]["run"]["stage"] == 1           # the stage that day
    assert [r["id"] for r in past[tuesday.isoformat()]["runs_done"]] == ["r1"]
    assert past[tuesday.isoformat()]["runs_done"][0]["pain_onset_km"] == 2.5


def test_a_run_on_a_rest_day_shows_as_a_run_day(tmp_path, capsys):
    ready = ReadinessCheck("w1", local(LAST_MONDAY, 8), 35, 0)
    sunday = MONDAY - dt.timedelta(days=1)
    write_folder(tmp_path, [a_run(sunday, "sun", pain_during=0, pain_after=0)], [ready])
    doc, _ = read_week(tmp_path, capsys, "--week", LAST_MONDAY.isoformat())
    [day] = [d for d in doc["days"] if d["date"] == sunday.isoformat()]
    assert day["kind"] == "run" and day["done"] and [r["id"] for r in day["runs_done"]] == ["sun"]
    _, text = read_week(tmp_path, capsys, "--week", LAST_MONDAY.isoformat())
    assert f"Sun {sunday:%d %b}: run\n" in text and "ended early" not in text


def test_a_sore_run_holds_the_strength_decision_in_week_json(tmp_path, capsys):
    setup_days = sorted(d for d in range(7) if d not in SETUP.running_days)   # Mon, Wed, Fri, Sun
    sessions = [logged(LAST_MONDAY + dt.timedelta(days=d), 1, 1, "same", setup=SETUP, sid=f"s{d}")
                for d in setup_days[:3]]
    sore = a_run(LAST_MONDAY + dt.timedelta(days=5), "sore", pain_during=5, pain_after=2,
                 next_morning="same")
    write_folder(tmp_path, [sore], [], sessions)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold"
    assert "Your run on Sat" in doc["decision"]["reason"] and "5/10" in doc["decision"]["reason"]
    assert "Your run on Sat" in text


# ------------------------------------------------------------------ Today's run view


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_plan_setup(SETUP.to_doc())
    yield repo
    repo.close()


def test_today_asks_the_walking_question_first(store):
    view = Coach(store, clock_on(MONDAY + dt.timedelta(days=1)), timing=FAST).run_day_view()
    assert view.readiness_needed and view.run_day and view.prescription is None and view.words == ""
    assert "30 minutes" in view.reason


def test_today_words_the_stage_and_lists_the_runs_to_answer(store):
    tuesday = MONDAY + dt.timedelta(days=1)
    store.save_readiness_check(ReadinessCheck("w1", local(LAST_MONDAY, 8), 30, 0))
    imported = a_run(LAST_MONDAY + dt.timedelta(days=3), "gpx", distance_km=5.0, source="gpx")
    store.save_runs([imported])
    view = Coach(store, clock_on(tuesday), timing=FAST).run_day_view()
    assert not view.readiness_needed and view.prescription == STAGES[0]
    assert view.words == "Run 3 min, walk 2 min, 6 times - flat ground"
    assert view.runs_to_answer == (imported,)
    store.save_runs([dataclasses.replace(imported, pain_during=1, pain_after=0, next_morning="better")])
    view = Coach(store, clock_on(tuesday), timing=FAST).run_day_view()
    assert view.prescription == STAGES[1] and view.runs_to_answer == () and "stage 2" in view.reason


def test_a_pause_in_the_strength_plan_stops_runs(store):
    store.save_readiness_check(ReadinessCheck("w1", local(LAST_MONDAY, 8), 30, 0))
    store.save_session(logged(MONDAY, 1, 9, "same", setup=SETUP))   # 9/10: strength work pauses
    coach = Coach(store, clock_on(MONDAY + dt.timedelta(days=1)), timing=FAST)
    view = coach.run_day_view()
    assert view.paused and view.prescription is None and not view.readiness_needed
    assert "no runs" in view.reason
    coach.answer_pause("settled")
    assert coach.run_day_view().prescription == STAGES[0]


def test_the_stage_over_time_for_history(store):
    store.save_readiness_check(ReadinessCheck("w1", local(LAST_MONDAY, 6), 30, 0))
    store.save_runs([a_run(LAST_MONDAY + dt.timedelta(days=1), "a", pain_during=0, pain_after=0,
                           next_morning="same"),
                     a_run(MONDAY + dt.timedelta(days=1), "b", pain_during=7, pain_after=3)])
    steps = Coach(store, clock_on(TODAY), timing=FAST).run_stage().steps
    assert [(s.run.id, s.stage_before, s.stage_after, s.action) for s in steps] == [
        ("a", 1, 2, "up"), ("b", 2, 1, "step_back")]


def test_a_run_on_a_hip_session_day_is_listed_with_that_day(tmp_path, capsys):
    """A run is never lost from the week: on a hip session's day it is that day's run done."""
    ready = ReadinessCheck("w1", local(LAST_MONDAY, 8), 35, 0)
    monday_run = a_run(MONDAY, "mon", distance_km=3.0, duration_s=1500, pain_during=1, pain_after=0)
    write_folder(tmp_path, [monday_run], [ready])
    doc, text = read_week(tmp_path, capsys)
    [day] = [d for d in doc["days"] if d["date"] == MONDAY.isoformat()]
    assert day["kind"] == "session" and "run" not in day
    assert [r["id"] for r in day["runs_done"]] == ["mon"]
    assert all(d["runs_done"] == [] for d in doc["days"] if d["date"] != MONDAY.isoformat())
    assert "Ran: 3 km, 25 min, pain during 1/10" in text
