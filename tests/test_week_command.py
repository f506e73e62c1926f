"""``itb-coach week``: the printed week as text or JSON, read-only, while the app is open."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from itbgui.program.plan import generate_plan
from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.program.sessions import sets_at_target
from itbgui.program.week import week_data
from itbgui.store.records import SessionRecord
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date.today()
START = monday_of(TODAY) - dt.timedelta(weeks=1)     # this week is week 2
SETUP = PlanSetup("intermediate", frozenset({1, 3, 5}), START, "left", ("yellow", "red"), (2.0,))
IDS = {"clamshell", "side_leg_lift", "single_leg_deadlift", "glute_bridge", "lateral_band_walk",
       "glute_stretch"}


def logged(planned, sid, before=1, after=2, morning="same"):
    start = dt.datetime.combine(planned.date, dt.time(18)).astimezone()
    return SessionRecord(sid, start, start + dt.timedelta(minutes=22), True, planned.prescription.title,
                         planned.week, before, after, "", sets_at_target(planned.prescription), morning)


def week1_sessions():
    return [logged(p, f"s{i}") for i, p in enumerate(generate_plan(SETUP).sessions_in_week(START))]


def run_week(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "week", *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_the_json_has_the_documented_shape_and_matches_the_sheet(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_plan_setup(SETUP.to_doc())
    repo.save_sessions(week1_sessions())
    before = (tmp_path / DATA_FILE_NAME).read_bytes()
    # The app has the folder open (and locked): the command still reads it, and writes nothing.
    result = run_week("--json", "--data-dir", str(tmp_path), "--week", START.isoformat())
    assert result.returncode == 0, result.stderr
    repo.close()
    assert (tmp_path / DATA_FILE_NAME).read_bytes() == before
    doc = json.loads(result.stdout)
    assert set(doc) == {"week", "monday", "phase", "decision", "days", "extra"}
    assert doc["week"] == 1 and doc["monday"] == START.isoformat() and doc["phase"] == "build"
    assert set(doc["decision"]) == {"action", "reason", "see_clinician"}
    assert doc["decision"]["action"] is None           # a past week: no decision applies to it
    assert [d["date"] for d in doc["days"]] == [(START + dt.timedelta(days=i)).isoformat() for i in range(7)]
    for day in doc["days"]:
        assert set(day) == {"date", "kind", "done", "status", "exercises"}
        assert day["kind"] in ("session", "run", "rest")
        assert (day["kind"] == "session") == bool(day["exercises"])
        for e in day["exercises"]:
            assert set(e) == {"exercise", "sets", "reps", "hold_seconds", "per_side", "step", "resistance"}
            assert e["exercise"] in IDS and isinstance(e["step"], int)
    sessions = [d for d in doc["days"] if d["kind"] == "session"]
    assert len(sessions) == 3 and all(d["done"] for d in sessions)   # what was done
    assert [d["kind"] for d in doc["days"]][1] == "run"              # Tuesday: a running day


def test_this_week_carries_the_decision_and_each_exercises_dose():
    sessions = week1_sessions()
    week = week_data(SETUP, sessions, [], TODAY, TODAY).to_json()
    assert week["week"] == 2 and week["decision"]["action"] == "progress"
    upcoming = [d for d in week["days"] if d["kind"] == "session" and not d["done"]]
    for day in upcoming:
        for e in day["exercises"]:
            if e["exercise"] == "glute_stretch":
                assert e["hold_seconds"] == 30 and e["per_side"]
            else:
                assert e["hold_seconds"] == 0 and e["sets"] == 3 and e["reps"] == 10


def test_text_output_and_an_empty_folder(tmp_path):
    result = run_week("--data-dir", str(tmp_path / "none"))
    assert result.returncode == 0
    assert "no plan set up yet" in result.stderr
    assert "Week 1 of 8" in result.stdout and "session" in result.stdout
    assert not (tmp_path / "none").exists()          # read-only: nothing created
    assert run_week("--week", "31-12-2026").returncode == 2


def test_after_a_long_break_the_week_shows_the_break_rule():
    sessions = week1_sessions()
    later = TODAY + dt.timedelta(weeks=4)
    week = week_data(SETUP, sessions, [], later, later).to_json()
    assert week["decision"]["action"] == "step_back" and "days since your last session" in \
        week["decision"]["reason"]
