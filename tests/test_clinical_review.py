"""A physiotherapist's review: clinical histories written as data folders (dates relative to
the injected clock's today), read back through ``itb-coach week --json`` and its text form
(itbgui.cli.week.run, the printed week's own data), and judged day by day: is this the dose
a physio would give this person now, does the reason say why, and are the words right?"""

from __future__ import annotations

import dataclasses
import datetime as dt

import week_folders
from history_helpers import local
from itbgui.core.clock import FakeClock
from itbgui.program.clinical_state import WARNING_SIGNS
from itbgui.program.decisions import answer_doc
from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.program.simulation import Outcome, simulate
from week_folders import write_folder
from itbgui.store.run_records import ReadinessCheck, RunRecord

CLOCK = FakeClock(dt.datetime(2027, 6, 9, 12, 0, tzinfo=dt.timezone.utc))   # a Wednesday
TODAY = CLOCK.now().date()
MONDAY = monday_of(TODAY)
STRETCH = "glute_stretch"
NO_FLAGS = ("hot_swollen", "weight_bearing", "locking", "constant_night", "numbness")


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def setup_from(weeks_ago: int, level: str = "intermediate", **kit) -> PlanSetup:
    """Runs Tuesday, Thursday and Saturday; yellow and red bands, a 2 kg dumbbell."""
    kit = {"bands": ("yellow", "red"), "dumbbells_kg": (2.0,), **kit}
    return PlanSetup(level, frozenset({1, 3, 5}), MONDAY - dt.timedelta(weeks=weeks_ago), "left", **kit)


def played(setup, person, until: dt.date):
    return [p.record for p in simulate(setup, person, (until - setup.start_date).days)]


def easy(*_):
    return Outcome(1, 1, "same")


def read_week(folder, capsys, *extra) -> tuple[dict, str]:
    return week_folders.read_week(folder, capsys, CLOCK, *extra)


def upcoming(doc) -> list[dict]:
    return [d for d in doc["days"] if d["kind"] == "session" and not d["done"]
            and d["date"] >= TODAY.isoformat()]


def strength(day) -> list[dict]:
    return [e for e in day["exercises"] if e["exercise"] != STRETCH]


def last_doses(records) -> dict[str, tuple[int, int]]:
    """Each exercise's (rung, target reps) the last time it was done."""
    last = {}
    for r in records:
        for s in r.sets:
            last[s.exercise_id] = (s.step_index or 0, s.target_reps)
    return last


def words_are_honest(doc, text):
    """Pain before is never "during"; "progress" only with a reason that moves a dose."""
    reason = doc["decision"]["reason"] if doc["decision"] else ""
    if "Pain before" in reason:
        assert "during" not in reason.split("Pain before")[1].split(".")[0]
    if doc["decision"] and doc["decision"]["action"] == "progress":
        assert "moves on" in reason or "One step on" in reason
    assert f"This week: {doc['decision']['action'].replace('_', ' ')}." in text if doc["decision"] else True


def one_change_at_a_time(records, doc):
    """Double progression: an exercise moved to another rung starts it again at 10 reps or
    fewer, never with the reps of the old rung on top of the new load."""
    done = last_doses(records)
    for day in upcoming(doc):
        for e in strength(day):
            step, reps = done[e["exercise"]]
            if e["step"] != step:
                assert e["reps"] <= 10, (e, done[e["exercise"]])


def run_on(day: dt.date, rid: str, **answers) -> RunRecord:
    return RunRecord(rid, local(day, 7), distance_km=3.0, duration_s=1800, **answers)


READY = ReadinessCheck("walk", local(days_ago(16), 8), 30, 0)


def paused(doc, text, *words):
    decision = doc["decision"]
    assert decision["phase"] == "paused" and decision["see_clinician"] and decision["action"] == "step_back"
    joined = " ".join(decision["clinician_reasons"])
    assert all(w in joined for w in words), joined
    assert all(strength(day) == [] for day in upcoming(doc))        # the stretch only
    assert "strength work paused" in text.lower() and WARNING_SIGNS in text
    assert all(d["run"] is None for d in doc["days"] if d["kind"] == "run" and d["date"] > TODAY.isoformat())


# ------------------------------------------------------------------ flares and overrides


def test_a_flare_during_a_maintenance_session_rebuilds_at_a_real_dose(tmp_path, capsys):
    """6/10 during a maintenance session: a rebuild at the flare's rung, below the week before
    in volume, and never a token dose below the ladder's floor (2 x 5): 2 x 3 leg lifts three
    times a week is no exercise a physio would prescribe."""
    setup = setup_from(18)
    records = played(setup, easy, TODAY)
    flare = [r for r in records if r.title.startswith("Maintenance")][-1]
    records = records[:records.index(flare)] + [dataclasses.replace(flare, pain_during=6, pain_after=2)]
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["phase"] == "rebuild" and doc["decision"]["action"] == "step_back"
    assert "Worst pain during the session was 6/10" in doc["decision"]["reason"]
    assert all(strength(day) == [] for day in upcoming(doc))       # the week's volume is spent
    words_are_honest(doc, text)
    rung = {s.exercise_id: s.step_index for s in flare.sets}
    doc, text = read_week(tmp_path, capsys, "--week", (MONDAY + dt.timedelta(days=7)).isoformat())
    volume: dict[str, int] = {}
    for day in upcoming(doc):
        for e in strength(day):
            assert e["step"] == rung[e["exercise"]]
            assert e["sets"] == 2 and 5 <= e["reps"] < 10, e
            volume[e["exercise"]] = volume.get(e["exercise"], 0) + e["sets"] * e["reps"]
    assert len(volume) == 5 and all(v <= 20 for v in volume.values()), volume   # 2 x 10 before


def test_move_on_after_six_during_keeps_the_dose_and_says_so(tmp_path, capsys):
    setup = setup_from(3)
    records = played(setup, easy, days_ago(2))
    records[-1] = dataclasses.replace(records[-1], pain_during=6, pain_after=3)
    flare = records[-1]
    override = {"id": f"after-{flare.id}", "based_on": flare.id, "overridden_to": "progress",
                "made_on": flare.ended_at.isoformat()}
    write_folder(tmp_path, setup, records, [override])
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold" and "same dose" in doc["decision"]["reason"]
    words_are_honest(doc, text)
    done = last_doses(records)
    for day in upcoming(doc):
        for e in strength(day):
            assert (e["step"], e["reps"]) <= done[e["exercise"]]


def test_a_flare_then_a_break_still_says_step_back_and_why(tmp_path, capsys):
    """7/10 during, then 12 days off: the doses step back (every exercise, 7/10), so the
    decision must say step back and name the flare, not "hold: the dose you last did"."""
    setup = setup_from(5)
    records = played(setup, easy, days_ago(9))
    records[-1] = dataclasses.replace(records[-1], pain_during=7, pain_after=4)
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    decision = doc["decision"]
    assert decision["action"] == "step_back", decision
    assert "7/10" in decision["reason"] and "12 days since your last session" in decision["reason"]
    assert "every exercise goes one step easier" in decision["reason"]
    words_are_honest(doc, text)
    done = last_doses(records)
    for day in upcoming(doc):
        for e in strength(day):
            assert (e["step"], e["reps"]) < done[e["exercise"]]       # 7/10: every exercise


def test_deleting_the_flare_then_a_break_holds_within_one_rung(tmp_path, capsys):
    setup = setup_from(5)
    records = played(setup, easy, days_ago(9))[:-1]     # the flare deleted: 14 days off
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold" and "14 days since" in doc["decision"]["reason"]
    done = last_doses(records)
    for day in upcoming(doc):
        for e in strength(day):
            assert (e["step"], e["reps"]) <= done[e["exercise"]]


# ------------------------------------------------------------------ advice and pauses


def test_pain_stuck_at_three_for_seven_weeks_pauses_at_the_week_six_review(tmp_path, capsys):
    setup = setup_from(7)
    records = [dataclasses.replace(r, pain_during=3)
               for r in played(setup, lambda *_: Outcome(3, 3, "same"), TODAY)]
    write_folder(tmp_path, setup, records)
    paused(*read_week(tmp_path, capsys), "no lower than at the start")


def test_pain_five_after_every_session_pauses(tmp_path, capsys):
    setup = setup_from(3)
    records = [dataclasses.replace(r, pain_during=5)
               for r in played(setup, lambda *_: Outcome(1, 5, "same"), TODAY)]
    write_folder(tmp_path, setup, records)
    paused(*read_week(tmp_path, capsys), "5/10 or more")


def test_a_single_nine_with_a_worse_morning_pauses(tmp_path, capsys):
    setup = setup_from(2)
    records = played(setup, easy, days_ago(1))
    records[-1] = dataclasses.replace(records[-1], pain_during=9, pain_after=5, next_morning="worse")
    write_folder(tmp_path, setup, records)
    paused(*read_week(tmp_path, capsys), "9/10")


def test_the_morning_worse_twice_pauses(tmp_path, capsys):
    setup = setup_from(3)
    records = played(setup, easy, TODAY)
    for i in (-5, -2):
        records[i] = dataclasses.replace(records[i], next_morning="worse")
    write_folder(tmp_path, setup, records)
    paused(*read_week(tmp_path, capsys), "worse the next morning")


def test_a_warning_sign_pauses_and_says_promptly(tmp_path, capsys):
    setup = setup_from(2)
    records = played(setup, easy, days_ago(1))
    records[-1] = dataclasses.replace(records[-1], pain_during=7, pain_after=5,
                                      red_flags=tuple((k, k == "constant_night") for k in NO_FLAGS))
    write_folder(tmp_path, setup, records)
    paused(*read_week(tmp_path, capsys), "pain that wakes you at night", "promptly")


def test_a_pause_ended_mid_week_is_no_longer_the_weeks_title(tmp_path, capsys):
    """9/10 last week, "the pain has settled" answered yesterday: the week's sessions are
    strength work again, so the title, the week's phase and the decision all say so."""
    setup = setup_from(4)
    records = played(setup, easy, days_ago(5))
    records[-1] = dataclasses.replace(records[-1], pain_during=9, pain_after=4)
    write_folder(tmp_path, setup, records, [answer_doc("settled", local(days_ago(1), 9))])
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["phase"] == "build" and not doc["decision"]["see_clinician"]
    assert "one step below where it paused" in doc["decision"]["reason"]
    assert doc["phase"] == "build", doc["phase"]
    assert "paused" not in text.splitlines()[0], text.splitlines()[0]
    done = last_doses(records)
    for day in upcoming(doc):
        assert strength(day)
        for e in strength(day):
            assert (e["step"], e["reps"]) < done[e["exercise"]]


def test_pain_before_the_session_is_called_before(tmp_path, capsys):
    setup = setup_from(4)
    records = played(setup, easy, days_ago(2))
    records[-1] = dataclasses.replace(records[-1], pain_before=6, pain_during=None, pain_after=2)
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "step_back"
    assert "Pain before the session was 6/10" in doc["decision"]["reason"]
    assert "during" not in doc["decision"]["reason"]
    words_are_honest(doc, text)


# ------------------------------------------------------------------ gaps and habits


def test_sixty_days_off_comes_back_one_step_below_and_says_so(tmp_path, capsys):
    setup = setup_from(12)
    records = played(setup, easy, days_ago(60))
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "step_back" and "61 days" in doc["decision"]["reason"]
    done = last_doses(records)
    for e in strength(upcoming(doc)[0]):
        assert (e["step"], e["reps"]) < done[e["exercise"]]
    words_are_honest(doc, text)


def test_once_a_week_still_meets_all_five_exercises(tmp_path, capsys):
    setup = setup_from(5)

    def weekly(_setup, day, _n, records):
        if records and (day - records[-1].started_at.date()).days < 7:
            return None
        return Outcome(1, 1, "same")
    records = played(setup, weekly, TODAY)
    assert len(records) == 6
    met = {s.exercise_id for r in records[-2:] for s in r.sets}
    assert len(met - {STRETCH}) == 5
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    words_are_honest(doc, text)
    one_change_at_a_time(records, doc)


def test_never_answering_the_morning_holds_and_says_why(tmp_path, capsys):
    setup = setup_from(3)
    records = played(setup, lambda *_: Outcome(1, 1, None), TODAY)
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold" and "next morning" in doc["decision"]["reason"]
    assert all(e["step"] == 0 and e["reps"] == 10 for d in upcoming(doc) for e in strength(d))


def test_a_beginner_alternates_a_and_b_twice_a_week(tmp_path, capsys):
    setup = setup_from(3, level="beginner")
    records = played(setup, easy, TODAY)
    kinds = ["A" if any(s.exercise_id == "clamshell" for s in r.sets) else "B" for r in records]
    assert kinds == ["A", "B"] * (len(kinds) // 2) + ["A"] * (len(kinds) % 2)
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    sessions = [d["date"] for d in doc["days"] if d["kind"] == "session"]
    assert len(sessions) == 2
    first, second = (dt.date.fromisoformat(d) for d in sessions)
    assert (second - first).days >= 2


def test_a_missed_monday_slides_off_the_run_day_with_the_same_session(tmp_path, capsys):
    setup = setup_from(2)
    records = played(setup, easy, days_ago(2))     # last: Friday; Monday missed
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    today = [d for d in doc["days"] if d["date"] == TODAY.isoformat()][0]
    assert today["kind"] == "session" and not today["done"]
    assert {e["exercise"] for e in strength(today)} == {"clamshell", "side_leg_lift", "glute_bridge"}
    tuesday = [d for d in doc["days"] if d["date"] == days_ago(1).isoformat()][0]
    assert tuesday["kind"] == "run"


def test_a_session_on_a_run_day_leaves_a_rest_day_before_the_next(tmp_path, capsys):
    from itbgui.program.progression import next_session
    from itbgui.program.simulation import log_session

    setup = setup_from(2)
    records = played(setup, easy, days_ago(2))
    offered = next_session(setup, records, today=days_ago(1))
    tuesday = dataclasses.replace(log_session(dataclasses.replace(offered, date=days_ago(1)),
                                              Outcome(1, 1), "tue"), next_morning="same")
    write_folder(tmp_path, setup, records + [tuesday])
    doc, _ = read_week(tmp_path, capsys)
    ahead = [dt.date.fromisoformat(d["date"]) for d in upcoming(doc)]
    assert ahead and min(ahead) >= days_ago(1) + dt.timedelta(days=2)
    assert all((b - a).days >= 2 for a, b in zip(ahead, ahead[1:]))


# ------------------------------------------------------------------ kit and paths


def test_losing_the_bands_moves_no_exercise_onto_a_band(tmp_path, capsys):
    setup = setup_from(5)
    records = played(setup, easy, TODAY)
    write_folder(tmp_path, dataclasses.replace(setup, bands=(), dumbbells_kg=()), records)
    doc, text = read_week(tmp_path, capsys)
    for day in upcoming(doc):
        for e in strength(day):
            assert "band" not in e["resistance"].lower().replace("no band", ""), e
            assert "dumbbell" not in e["resistance"]
    words_are_honest(doc, text)


def test_switching_from_reps_first_to_load_never_jumps_a_rung(tmp_path, capsys):
    setup = setup_from(5, path="reps")
    records = played(setup, easy, TODAY)
    write_folder(tmp_path, dataclasses.replace(setup, path="load"), records)
    doc, text = read_week(tmp_path, capsys)
    one_change_at_a_time(records, doc)
    words_are_honest(doc, text)


def test_only_silver_and_gold_bands_never_put_a_band_in_the_plan(tmp_path, capsys):
    setup = setup_from(4, bands=("silver", "gold"))
    records = played(setup, easy, TODAY)
    assert not any("silver" in s.resistance.lower() or "gold" in s.resistance.lower()
                   for r in records for s in r.sets if s.resistance)
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    for day in doc["days"]:
        for e in day["exercises"]:
            assert "Silver" not in e["resistance"] and "Gold" not in e["resistance"]


# ------------------------------------------------------------------ back to running


def test_a_walking_check_with_pain_prescribes_no_run(tmp_path, capsys):
    setup = setup_from(4)
    write_folder(tmp_path, setup, played(setup, easy, TODAY),
                 checks=[ReadinessCheck("w", local(days_ago(10), 8), 30, 2)])
    doc, text = read_week(tmp_path, capsys)
    assert all(d["run"] is None for d in doc["days"] if d["kind"] == "run")
    assert "First the walking check" in text


def test_a_passed_walking_check_starts_at_stage_one_on_the_flat(tmp_path, capsys):
    setup = setup_from(4)
    write_folder(tmp_path, setup, played(setup, easy, TODAY), checks=[READY])
    doc, _ = read_week(tmp_path, capsys)
    runs = [d["run"] for d in doc["days"] if d["kind"] == "run"]
    assert runs and all(r == {"stage": 1, "walk_s": 120, "run_s": 180, "repeats": 6, "terrain": "flat"}
                        for r in runs)


def _runs(last: dict) -> list[RunRecord]:
    return [run_on(days_ago(15), "r1", pain_during=1, pain_after=0, next_morning="same"),
            run_on(days_ago(8), "r2", pain_during=1, pain_after=0, next_morning="same"),
            run_on(days_ago(1), "r3", **last)]


def test_a_run_with_pain_four_holds_the_stage_and_the_strength_dose(tmp_path, capsys):
    setup = setup_from(4)
    write_folder(tmp_path, setup, played(setup, easy, TODAY), checks=[READY],
                 runs=_runs({"pain_during": 4, "pain_after": 2, "next_morning": "same"}))
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold" and "4/10" in doc["decision"]["reason"]
    assert "Your run on Tue" in text
    assert {d["run"]["stage"] for d in doc["days"] if d["kind"] == "run"} == {3}   # held at 3


def test_a_worse_morning_after_a_run_holds_both(tmp_path, capsys):
    setup = setup_from(4)
    write_folder(tmp_path, setup, played(setup, easy, TODAY), checks=[READY],
                 runs=_runs({"pain_during": 2, "pain_after": 1, "next_morning": "worse"}))
    doc, _ = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold" and "worse" in doc["decision"]["reason"]
    assert {d["run"]["stage"] for d in doc["days"] if d["kind"] == "run"} == {3}


def test_a_strength_flare_holds_the_run_stage(tmp_path, capsys):
    setup = setup_from(4)
    records = played(setup, easy, TODAY)
    records[-1] = dataclasses.replace(records[-1], pain_during=6, pain_after=3)   # Monday
    write_folder(tmp_path, setup, records, checks=[READY],
                 runs=_runs({"pain_during": 1, "pain_after": 0, "next_morning": "same"}))
    doc, _ = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "step_back"
    # the easy Tuesday run would have made stage 4: the flare holds it at 3 for 7 days
    assert {d["run"]["stage"] for d in doc["days"] if d["kind"] == "run"} == {3}


def test_severe_pain_on_a_run_pauses_and_asks_for_a_clinician(tmp_path, capsys):
    """8/10 while running, worse the next morning: a physio would stop the running and the
    loading and see the knee, as after an 8/10 session (R6), not merely hold the dose."""
    setup = setup_from(4)
    write_folder(tmp_path, setup, played(setup, easy, TODAY), checks=[READY],
                 runs=_runs({"pain_during": 8, "pain_after": 6, "next_morning": "worse"}))
    doc, text = read_week(tmp_path, capsys)
    paused(doc, text, "8/10", "run")


def test_a_sore_run_speaks_only_for_the_decision_after_it(tmp_path, capsys):
    """A run that hurt before last week's sessions, which went well since: no hold now."""
    setup = setup_from(4)
    records = played(setup, easy, TODAY)
    write_folder(tmp_path, setup, records, checks=[READY],
                 runs=[run_on(days_ago(15), "r1", pain_during=5, pain_after=2, next_morning="same")])
    doc, _ = read_week(tmp_path, capsys)
    assert "Your run" not in doc["decision"]["reason"]


def test_a_day_gone_by_without_its_session_says_missed_and_gives_no_dose(tmp_path, capsys):
    """Days past show what was done or that it was missed: never the plan's dose for a day
    the person did not train (after 60 days off that was the top rungs)."""
    from itbgui.program.week import build_week_sheet

    setup = setup_from(12)
    records = played(setup, easy, days_ago(60))
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    [monday] = [d for d in doc["days"] if d["date"] == MONDAY.isoformat()]
    assert monday["kind"] == "session" and monday["status"] == "missed" and not monday["done"]
    assert monday["exercises"] == []
    assert f"Mon {MONDAY:%d %b}: session (missed: not done on the day)" in text
    sheet = build_week_sheet(setup, records, [], TODAY, TODAY)
    [sheet_monday] = [d for d in sheet.days if d.date == MONDAY]
    assert sheet_monday.missed and sheet_monday.done is None
    assert not any(d.missed for d in sheet.days if d.date >= TODAY)   # today is still to do
