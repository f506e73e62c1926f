"""Issue 20's findings 4-9 as scenarios: a history written to a data folder (dates relative
to the injected clock's today), read back through ``itb-coach week --json``."""

from __future__ import annotations

import dataclasses
import datetime as dt

from itbgui.program.dose_state import ladder
from itbgui.program.exercises import exercise
from itbgui.program.plan import generate_plan
from itbgui.program.simulation import Outcome
from test_clinical_scenarios import (STRETCH, TODAY, easy, played_until, read_week, setup_from, strength,
                                     upcoming, write_folder)


def effort(exercise_id: str, step: int, reps: int) -> tuple[int, int]:
    """A dose's effort: the rung's place in the catalogue's difficulty order, then reps."""
    order = [i for i, _ in exercise(exercise_id).ladder()]
    return order.index(step), reps


def place(setup, exercise_id: str, step: int, reps: int) -> int:
    """The highest place on the exercise's ladder (for ``setup``) at or below this effort."""
    steps = ladder(generate_plan(setup), exercise_id)
    mine = effort(exercise_id, step, reps)
    return max((k for k, (s, r, _) in enumerate(steps) if effort(exercise_id, s, r) <= mine), default=0)


def last_given(records) -> dict[str, tuple[int, int]]:
    """Each exercise's (step, target reps) the last time it was done."""
    last = {}
    for r in records:
        for s in r.sets:
            if s.exercise_id != STRETCH and s.done_reps > 0 and s.step_index is not None:
                last[s.exercise_id] = (s.step_index, s.target_reps)
    return last


def assert_at_most_one_rung_from_last(doc, setup, records):
    last = last_given(records)
    seen = set()
    for day in upcoming(doc):
        for e in strength(day):
            if e["exercise"] in seen or e["exercise"] not in last:
                continue
            seen.add(e["exercise"])
            before = place(setup, e["exercise"], *last[e["exercise"]])
            after = place(setup, e["exercise"], e["step"], e["reps"])
            assert after - before <= 1, (e["exercise"], last[e["exercise"]], (e["step"], e["reps"]))
    assert seen


def flare_at(k):
    def person(_setup, _day, n, _records):
        return Outcome(1, 6, "same") if n == k else Outcome(1, 1, "same")
    return person


# ------------------------------------------------------------------ finding 4


def test_deleting_a_past_flare_does_not_jump_the_doses(tmp_path, capsys):
    setup = setup_from(5)
    records = played_until(setup, flare_at(6), TODAY)
    flare = records[6]
    assert flare.pain_after == 6
    kept = [r for r in records if r.id != flare.id]
    write_folder(tmp_path, setup, kept)
    doc, _ = read_week(tmp_path, capsys)
    assert_at_most_one_rung_from_last(doc, setup, kept)


def test_bands_removed_in_the_set_up_map_to_a_rung_at_equal_or_lower_effort(tmp_path, capsys):
    setup = setup_from(6)
    records = played_until(setup, easy, TODAY)
    no_bands = dataclasses.replace(setup, bands=())
    write_folder(tmp_path, no_bands, records)
    doc, _ = read_week(tmp_path, capsys)
    assert_at_most_one_rung_from_last(doc, no_bands, records)


def test_switching_reps_first_to_load_moves_at_most_one_rung(tmp_path, capsys):
    setup = dataclasses.replace(setup_from(6), path="reps")
    records = played_until(setup, easy, TODAY)
    load = dataclasses.replace(setup, path="load")
    write_folder(tmp_path, load, records)
    doc, _ = read_week(tmp_path, capsys)
    assert_at_most_one_rung_from_last(doc, load, records)


def test_a_rung_corrected_easier_in_history_is_what_the_next_decision_builds_on(tmp_path, capsys):
    setup = setup_from(5)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=1))
    last = records[-1]
    exercise_id = next(s.exercise_id for s in last.sets if s.exercise_id != STRETCH)
    order = [i for i, _ in exercise(exercise_id).ladder()]
    done_step = next(s.step_index for s in last.sets if s.exercise_id == exercise_id)
    easier = order[max(0, order.index(done_step) - 2)]
    assert easier != done_step
    records[-1] = dataclasses.replace(last, sets=tuple(
        dataclasses.replace(s, step_index=easier) if s.exercise_id == exercise_id else s for s in last.sets))
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    assert_at_most_one_rung_from_last(doc, setup, records)


# ------------------------------------------------------------------ finding 5


def test_after_sixty_days_off_the_days_to_come_carry_the_persons_dose_as_today(tmp_path, capsys):
    from itbgui.program.progression import next_session

    setup = setup_from(12)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=60))
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    today = next_session(setup, records, today=TODAY)
    days = upcoming(doc)
    assert days
    offered = {i.exercise_id: (i.resolved_step_index, i.reps, i.sets) for i in today.prescription.items
               if i.exercise_id != STRETCH}
    first = {e["exercise"]: (e["step"], e["reps"], e["sets"]) for e in strength(days[0])}
    assert first == offered
    last = last_given(records)
    for day in days:
        for e in strength(day):
            assert place(setup, e["exercise"], e["step"], e["reps"]) <= place(setup, e["exercise"], *last[e["exercise"]])


# ------------------------------------------------------------------ finding 6


def exposures(records, doc) -> dict[str, list[tuple]]:
    """Each exercise's doses, exposure by exposure: logged, then the days to come."""
    seen: dict[str, list[tuple]] = {}
    for r in records:
        doses = {}
        for s in r.sets:
            if s.exercise_id != STRETCH and s.done_reps > 0:
                sets = doses.get(s.exercise_id, (0, 0, set()))[2] | {s.set_number}
                doses[s.exercise_id] = (s.step_index, s.target_reps, sets)
        for e, (step, reps, sets) in doses.items():
            seen.setdefault(e, []).append((*effort(e, step, reps), len(sets)))
    for day in upcoming(doc):
        for e in strength(day):
            seen.setdefault(e["exercise"], []).append((*effort(e["exercise"], e["step"], e["reps"]), e["sets"]))
    return seen


def test_each_exercise_goes_up_only_after_two_easy_exposures_of_it(tmp_path, capsys):
    setup = setup_from(5, "beginner")          # twice a week: A and B take turns
    records = played_until(setup, easy, TODAY)
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    for exercise_id, doses in exposures(records, doc).items():
        run = 1
        for before, now in zip(doses, doses[1:]):
            if now > before:
                assert run >= 2, (exercise_id, doses)
                run = 1
            elif now == before:
                run += 1
            else:
                run = 1


def test_one_exercise_short_of_its_reps_holds_only_that_exercise(tmp_path, capsys):
    setup = setup_from(2)                      # week 3: the plan's first rung up
    records = played_until(setup, easy, TODAY - dt.timedelta(days=2))
    last = records[-1]
    short = next(s.exercise_id for s in last.sets if s.exercise_id not in (STRETCH, "side_leg_lift"))
    records[-1] = dataclasses.replace(last, sets=tuple(
        dataclasses.replace(s, done_reps=s.target_reps - 2) if s.exercise_id == short else s
        for s in last.sets))
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    logged = exposures(records, {"days": []})
    ahead = exposures(records, doc)
    nxt = {e: ahead[e][len(d)] for e, d in logged.items() if len(ahead[e]) > len(d)}
    assert nxt[short] <= logged[short][-1], "the exercise short of its reps holds"
    assert any(nxt[e] > logged[e][-1] for e in nxt if e != short), "the others move on"
    assert doc["decision"]["action"] == "progress" and short.replace("_", " ")[:5] in doc["decision"]["reason"].lower()


# ------------------------------------------------------------------ finding 7


def test_a_beginner_who_owns_only_heavy_bands_starts_on_the_bodyweight_rungs(tmp_path, capsys):
    setup = dataclasses.replace(setup_from(0, "beginner"), bands=("silver", "gold"), start_date=TODAY)
    write_folder(tmp_path, setup, [])
    doc, text = read_week(tmp_path, capsys)
    labels = [e["resistance"] for day in upcoming(doc) for e in strength(day)]
    assert labels and not any("Silver" in label or "Gold" in label for label in labels), labels
    assert "Silver" not in text and "Gold" not in text


def test_a_band_colour_skipped_is_flagged_before_the_session(tmp_path, capsys):
    import json

    from itbgui.cli import week as week_command
    from itbgui.core.clock import FakeClock
    from itbgui.program.simulation import simulate

    setup = dataclasses.replace(setup_from(0), bands=("yellow", "green"), start_date=TODAY - dt.timedelta(weeks=12))
    played = simulate(setup, easy, 12 * 7)
    first = next(k for k, p in enumerate(played) if any(
        i.resistance.startswith("Green band") for i in p.offered.prescription.items))
    day = played[first].offered.date
    write_folder(tmp_path, setup, [p.record for p in played[:first]])
    capsys.readouterr()
    clock = FakeClock(dt.datetime.combine(day, dt.time(8, 0), tzinfo=dt.timezone.utc))
    assert week_command.run(["--json", "--data-dir", str(tmp_path)], clock=clock) == 0
    doc = json.loads(capsys.readouterr().out)
    nxt = next(d for d in doc["days"] if d["date"] == day.isoformat())
    assert any(e["resistance"].startswith("Green band") for e in nxt["exercises"])
    reason = doc["decision"]["reason"]
    assert "yellow" in reason and "green" in reason and "skips" in reason, reason


# ------------------------------------------------------------------ finding 8


def test_the_morning_question_is_taken_late_until_the_next_session():
    from itbgui.program.progression import morning_question_due

    setup = setup_from(2)
    records = played_until(setup, lambda *_: Outcome(1, 1, None), TODAY - dt.timedelta(days=3))
    last = records[-1]
    assert last.next_morning is None
    for days_on in (1, 2, 3):
        now = dt.datetime.combine(last.started_at.date() + dt.timedelta(days=days_on), dt.time(20, 0),
                                  tzinfo=last.started_at.tzinfo)
        assert morning_question_due(records, now) is last, days_on


def test_a_missing_morning_answer_is_named_as_why_the_dose_holds(tmp_path, capsys):
    setup = setup_from(3)
    records = played_until(setup, lambda *_: Outcome(1, 1, None), TODAY)
    records[-1] = dataclasses.replace(records[-1], next_morning="same")   # the latest answered
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold"
    assert "morning" in doc["decision"]["reason"], doc["decision"]["reason"]


def test_a_once_a_week_person_behind_the_plan_is_not_moved_to_maintenance_by_the_calendar(tmp_path, capsys):
    from itbgui.program.dose_state import ladder as doses_of

    setup = setup_from(11)

    def once_a_week(_setup, day, _n, records):
        if records and (day - records[-1].started_at.date()).days < 7:
            return None
        return Outcome(1, 1, "same")
    records = played_until(setup, once_a_week, TODAY)
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    last = last_given(records)
    plan = generate_plan(setup)
    behind = [e for e, (step, reps) in last.items()
              if place(setup, e, step, reps) < len(doses_of(plan, e)) - 1]
    assert behind, "once a week, the person is behind the plan"
    assert doc["phase"] == "build" and doc["decision"]["phase"] == "build"
    assert "building on" in text.lower()


# ------------------------------------------------------------------ finding 9


def _moved_to(record, day):
    """The record as if done on ``day`` at the same times."""
    shift = dt.timedelta(days=(day - record.started_at.date()).days)
    return dataclasses.replace(record, started_at=record.started_at + shift, ended_at=record.ended_at + shift)


def _next_after_monday_done_on_tuesday(tmp_path, setup):
    from itbgui.program.progression import next_session
    from itbgui.program.simulation import log_session
    from itbgui.store.repository import SessionRepository

    monday = TODAY - dt.timedelta(days=2)
    records = played_until(setup, easy, monday)                  # up to last week
    offered = next_session(setup, records, today=monday)
    assert offered.date == monday
    tuesday = monday + dt.timedelta(days=1)
    records.append(_moved_to(dataclasses.replace(log_session(offered, Outcome(1, 1, "same"), "tue"),
                                                 next_morning="same"), tuesday))
    write_folder(tmp_path, setup, records)
    repo = SessionRepository(tmp_path)
    stored = repo.sessions()
    repo.close()
    return tuesday, next_session(setup, stored, today=tuesday + dt.timedelta(days=1))


def _week_days_to_come_rest_between(tmp_path, capsys, tuesday, nxt):
    doc, _ = read_week(tmp_path, capsys)
    days = [dt.date.fromisoformat(d["date"]) for d in upcoming(doc)]
    assert days and days[0] == nxt.date                     # the week as Today places it
    for before, after in zip([tuesday] + days, days):
        assert (after - before).days >= 2, days


def test_after_a_session_on_a_run_day_the_next_leaves_a_rest_day(tmp_path, capsys):
    setup = dataclasses.replace(setup_from(2), running_days=frozenset({1, 3, 5}))   # Mon, Wed, Fri
    tuesday, nxt = _next_after_monday_done_on_tuesday(tmp_path, setup)
    assert (nxt.date - tuesday).days >= 2, nxt.date
    _week_days_to_come_rest_between(tmp_path, capsys, tuesday, nxt)


def test_after_a_missed_day_the_slid_session_is_not_the_day_after_the_last(tmp_path, capsys):
    setup = dataclasses.replace(setup_from(2), running_days=frozenset())             # Mon, Wed, Fri
    tuesday, nxt = _next_after_monday_done_on_tuesday(tmp_path, setup)
    assert (nxt.date - tuesday).days >= 2, nxt.date
    assert nxt.date.weekday() not in setup.running_days
    _week_days_to_come_rest_between(tmp_path, capsys, tuesday, nxt)
