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
    assert set(doc["decision"]) == {"action", "reason", "see_clinician", "phase", "clinician_reasons"}
    assert doc["decision"]["clinician_reasons"] == []
    assert doc["decision"]["action"] is None           # a past week: no decision applies to it
    assert [d["date"] for d in doc["days"]] == [(START + dt.timedelta(days=i)).isoformat() for i in range(7)]
    for day in doc["days"]:
        run_keys = {"run"} if day["kind"] == "run" else set()
        assert set(day) == {"date", "kind", "done", "status", "exercises", "runs_done"} | run_keys
        assert day["kind"] in ("session", "run", "rest")
        assert (day["kind"] == "session") == bool(day["exercises"])
        for e in day["exercises"]:
            assert set(e) == {"exercise", "name", "sets", "reps", "hold_seconds", "per_side", "step", "resistance"}
            assert e["exercise"] in IDS and isinstance(e["step"], int)
    sessions = [d for d in doc["days"] if d["kind"] == "session"]
    assert len(sessions) == 3 and all(d["done"] for d in sessions)   # what was done
    assert [d["kind"] for d in doc["days"]][1] == "run"              # Tuesday: a running day


def test_this_week_carries_the_decision_and_each_exercises_dose():
    sessions = week1_sessions()
    week = week_data(SETUP, sessions, [], TODAY, TODAY).to_json()
    # Two easy sessions, but week 2's dose is week 1's: nothing moves, so it is a hold, not
    # "progress" (issue 20, finding 10; this test used to expect "progress").
    assert week["week"] == 2 and week["decision"]["action"] == "hold"
    assert "same dose" in week["decision"]["reason"] and week["decision"]["phase"] == "build"
    upcoming = [d for d in week["days"] if d["kind"] == "session" and not d["done"]]
    for day in upcoming:
        for e in day["exercises"]:
            if e["exercise"] == "glute_stretch":
                assert e["hold_seconds"] == 30 and e["per_side"]
            else:
                assert e["hold_seconds"] == 0 and e["sets"] == 3 and e["reps"] == 10


def test_text_output_before_a_plan_is_set_up(tmp_path):
    SessionRepository(tmp_path).close()              # the app started once, no plan yet
    before = (tmp_path / DATA_FILE_NAME).read_bytes()
    result = run_week("--data-dir", str(tmp_path))
    assert result.returncode == 0
    assert "no plan set up yet" in result.stderr
    assert "Week 1 of 8" in result.stdout and "session" in result.stdout
    assert (tmp_path / DATA_FILE_NAME).read_bytes() == before   # read-only
    assert run_week("--week", "31-12-2026").returncode == 2


def test_after_a_long_break_the_week_shows_the_break_rule():
    sessions = week1_sessions()
    later = TODAY + dt.timedelta(weeks=4)
    week = week_data(SETUP, sessions, [], later, later).to_json()
    assert week["decision"]["action"] == "step_back" and "days since your last session" in \
        week["decision"]["reason"]


def test_the_text_names_each_exercise_as_people_read_it_and_the_json_carries_the_name():
    from itbgui.program.exercises import exercise
    from itbgui.cli.week import as_text

    week = week_data(SETUP, week1_sessions(), [], TODAY, TODAY)
    text = as_text(week)
    for day in week.to_json()["days"]:
        for e in day["exercises"]:
            assert e["exercise"] in IDS and e["name"] == exercise(e["exercise"]).name
            assert f"    {e['name']}: " in text
    assert not any(ex_id in text for ex_id in IDS)


def test_a_stretch_held_short_reads_the_same_in_the_text_the_json_the_plan_and_the_pdf():
    """The stretch logged at 5 s: ``week`` said 5 s while the sheet (the Plan page and the
    PDF print its dose_label) said the planned 30 s."""
    import dataclasses

    from itbgui.program.week import build_week_sheet
    from itbgui.cli.week import as_text

    short = [dataclasses.replace(r, sets=tuple(dataclasses.replace(s, hold_seconds=5.0) if s.hold_seconds
                                               else s for s in r.sets))
             for r in week1_sessions()]
    week = week_data(SETUP, short, [], START, TODAY)
    sheet = build_week_sheet(SETUP, short, [], START, TODAY)
    done = [d for d in sheet.days if d.done is not None]
    assert len(done) == 3
    for day in done:
        [stretch] = [i for i in day.session.prescription.items if i.exercise_id == "glute_stretch"]
        assert stretch.dose_label() == "5 s per side"
    stretches = [e for d in week.to_json()["days"] for e in d["exercises"] if e["exercise"] == "glute_stretch"]
    assert [e["hold_seconds"] for e in stretches] == [5.0] * 3
    assert as_text(week).count("Glute stretch: 5 s per side") == 3


def test_the_text_gives_each_dose_in_the_plan_pages_and_the_pdfs_words():
    import dataclasses

    from itbgui.program.week import build_week_sheet
    from itbgui.cli.week import as_text

    sessions = week1_sessions()
    sessions[0] = dataclasses.replace(sessions[0], sets=tuple(   # the stretch skipped at once
        dataclasses.replace(s, hold_seconds=0.0) for s in sessions[0].sets))
    for day in (START, TODAY):                                   # days done, days to come
        text = as_text(week_data(SETUP, sessions, [], day, TODAY)).splitlines()
        sheet = build_week_sheet(SETUP, sessions, [], day, TODAY)
        for d in sheet.sessions:
            for item in d.prescription.items:
                assert any(line.startswith(f"    {item.exercise.name}: {item.dose_label()}, ")
                           for line in text), (item.exercise.name, item.dose_label(), text)

