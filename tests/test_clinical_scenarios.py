"""Issue 20's findings as scenarios: a history written to a data folder by the test (dates
relative to the injected clock's today), read back through ``itb-coach week --json`` and its
text form (itbgui.cli.week.run), as a physiotherapist would check them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import week_folders
from itbgui.core.clock import FakeClock
from itbgui.program.clinical_state import WARNING_SIGNS
from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.program.simulation import Outcome, simulate
from itbgui.store.repository import SessionRepository
from week_folders import write_folder

CLOCK = FakeClock(dt.datetime(2027, 6, 9, 12, 0, tzinfo=dt.timezone.utc))   # a Wednesday
TODAY = CLOCK.now().date()
STRETCH = "glute_stretch"


def setup_from(weeks_ago: int, level: str = "intermediate") -> PlanSetup:
    return PlanSetup(level, frozenset({1, 3, 5}), monday_of(TODAY) - dt.timedelta(weeks=weeks_ago),
                     "left", ("yellow", "red"), (2.0,))


def read_week(folder, capsys) -> tuple[dict, str]:
    """The week as ``week --json`` and as text."""
    return week_folders.read_week(folder, capsys, CLOCK)


def upcoming(doc) -> list[dict]:
    """The days still to come (days past and missed are finding 5, a later slice)."""
    return [d for d in doc["days"] if d["kind"] == "session" and not d["done"]
            and d["date"] >= TODAY.isoformat()]


def strength(day) -> list[dict]:
    return [e for e in day["exercises"] if e["exercise"] != STRETCH]


def played_until(setup, person, until: dt.date):
    return [p.record for p in simulate(setup, person, (until - setup.start_date).days)]


def easy(*_):
    return Outcome(1, 1, "same")


# ------------------------------------------------------------------ finding 1


def test_a_flare_in_maintenance_rebuilds_below_the_week_before_it(tmp_path, capsys):
    setup = setup_from(18)
    records = played_until(setup, easy, TODAY)   # the last maintenance session: this Monday
    maintenance = [r for r in records if r.title.startswith("Maintenance")]
    assert len(maintenance) >= 2, "the easy person reaches maintenance"
    flare = maintenance[-1]
    before_flare = maintenance[-2]   # the week before the flare: one maintenance session
    records = records[:records.index(flare)] + [dataclasses.replace(flare, pain_after=6)]
    write_folder(tmp_path, setup, records)

    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["phase"] == "rebuild" and doc["phase"] == "rebuild"
    assert doc["decision"]["action"] == "step_back" and "easier" in doc["decision"]["reason"]
    assert "rebuilding after a flare" in text and "This week: step back." in text
    # The flare's week has had its volume: the rest of it is the stretch only.
    assert upcoming(doc) and all(strength(day) == [] for day in upcoming(doc))
    next_monday = (monday_of(TODAY) + dt.timedelta(days=7)).isoformat()
    doc, _ = week_folders.read_week(tmp_path, capsys, CLOCK, "--week", next_monday)
    assert doc["phase"] == "rebuild"
    days = upcoming(doc)
    assert len(days) >= 2                              # sessions again as in the build
    ceiling, rung = {}, {}
    for s in before_flare.sets:
        if s.side in ("left", None):
            ceiling[s.exercise_id] = ceiling.get(s.exercise_id, 0) + s.target_reps
            rung[s.exercise_id] = s.step_index
    volume: dict[str, int] = {}
    for day in days:
        for e in strength(day):
            volume[e["exercise"]] = volume.get(e["exercise"], 0) + e["sets"] * e["reps"]
            assert e["step"] == rung[e["exercise"]]   # the flare's rung, fewer reps
            assert e["sets"] * e["reps"] < 20
    assert len(volume) == 5 and all(v <= ceiling[e] for e, v in volume.items()), (volume, ceiling)


# ------------------------------------------------------------------ finding 2


def test_move_on_after_a_flare_is_at_most_a_hold_and_every_output_says_so(tmp_path, capsys):
    setup = setup_from(3)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=2))
    records[-1] = dataclasses.replace(records[-1], pain_after=6)
    flare = records[-1]
    override = {"id": f"after-{flare.id}", "based_on": flare.id, "overridden_to": "progress",
                "made_on": flare.ended_at.isoformat()}
    write_folder(tmp_path, setup, records, [override])

    doc, text = read_week(tmp_path, capsys)
    decision = doc["decision"]
    assert decision["action"] == "hold"
    assert "easier" not in decision["reason"] and "moves on" not in decision["reason"]
    assert "same dose" in decision["reason"]
    assert f"This week: hold. {decision['reason']}" in text and "progress" not in text.split("\n")[1]
    done = {}
    for s in flare.sets:
        done[s.exercise_id] = max(done.get(s.exercise_id, (0, 0)), (s.step_index or 0, s.target_reps))
    for day in upcoming(doc):
        for e in strength(day):
            if e["exercise"] in done:   # never above what flared
                assert (e["step"], e["reps"]) <= done[e["exercise"]]


# ------------------------------------------------------------------ finding 3


def _paused(doc, text, *words):
    decision = doc["decision"]
    assert decision["phase"] == "paused" and decision["see_clinician"]
    assert decision["clinician_reasons"] and all(isinstance(r, str) for r in decision["clinician_reasons"])
    joined = " ".join(decision["clinician_reasons"])
    assert all(w in joined for w in words), joined
    for day in upcoming(doc):
        assert strength(day) == []                          # the stretch only
    assert "strength work paused" in text.lower() and WARNING_SIGNS in text


def test_pain_stuck_at_three_pauses_at_week_six(tmp_path, capsys):
    setup = setup_from(6)
    records = played_until(setup, lambda *_: Outcome(3, 3, "same"), TODAY)
    write_folder(tmp_path, setup, records)
    _paused(*read_week(tmp_path, capsys), "no lower than at the start")


def test_pain_five_after_every_session_pauses(tmp_path, capsys):
    setup = setup_from(12)
    records = played_until(setup, lambda *_: Outcome(2, 5, "same"), TODAY)
    write_folder(tmp_path, setup, records)
    _paused(*read_week(tmp_path, capsys), "5/10 or more")


def test_a_single_nine_with_a_worse_morning_pauses(tmp_path, capsys):
    setup = setup_from(2)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=1))
    records[-1] = dataclasses.replace(records[-1], pain_after=9, next_morning="worse")
    write_folder(tmp_path, setup, records)
    _paused(*read_week(tmp_path, capsys), "9/10")


def test_the_morning_worse_twice_pauses(tmp_path, capsys):
    setup = setup_from(4)

    def worse_each_week(_setup, day, _n, records):
        first = not records or monday_of(records[-1].started_at.date()) != monday_of(day)
        return Outcome(1, 2, "worse" if first else "same")
    records = played_until(setup, worse_each_week, TODAY)
    write_folder(tmp_path, setup, records)
    _paused(*read_week(tmp_path, capsys), "worse the next morning")


def test_a_pause_ends_only_on_the_persons_answer_one_step_below(tmp_path, capsys):
    setup = setup_from(2)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=1))
    records[-1] = dataclasses.replace(records[-1], pain_after=9)
    write_folder(tmp_path, setup, records)
    doc, _ = read_week(tmp_path, capsys)
    assert doc["decision"]["phase"] == "paused"
    from itbgui.program.decisions import answer_doc

    repo = SessionRepository(tmp_path)
    repo.save_decision(answer_doc("cleared", CLOCK.now() - dt.timedelta(hours=1)))
    repo.close()
    doc, text = read_week(tmp_path, capsys)
    decision = doc["decision"]
    assert decision["phase"] == "build" and decision["clinician_reasons"] == []
    assert decision["action"] == "step_back" and "one step below" in decision["reason"]
    flared = {s.exercise_id: (s.step_index, s.target_reps) for s in records[-1].sets}
    days = upcoming(doc)
    assert days and all(strength(day) for day in days)
    for e in strength(days[0]):
        if e["exercise"] in flared:
            assert (e["step"], e["reps"]) < flared[e["exercise"]]


# ------------------------------------------------------------------ finding 10


def test_progress_is_said_only_when_a_dose_changes(tmp_path, capsys):
    # Started last Wednesday: three easy sessions, and week 2's dose is week 1's.
    setup = dataclasses.replace(setup_from(0), start_date=TODAY - dt.timedelta(days=7))
    records = played_until(setup, easy, TODAY)
    assert len(records) == 3
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "hold" and "This week: progress" not in text
    last = {s.exercise_id: (s.step_index, s.target_reps) for r in records for s in r.sets}
    for day in upcoming(doc):
        for e in strength(day):
            assert (e["step"], e["reps"]) == last.get(e["exercise"], (e["step"], e["reps"]))


def test_progress_is_said_when_the_next_session_goes_up(tmp_path, capsys):
    setup = setup_from(2)                 # week 3: the plan's first rung up
    records = played_until(setup, easy, TODAY)
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    assert doc["decision"]["action"] == "progress" and "moves on" in doc["decision"]["reason"]
    last = {}
    for r in records:
        for s in r.sets:
            last[s.exercise_id] = (s.step_index, s.target_reps)
    nxt = upcoming(doc)[0]
    assert any((e["step"], e["reps"]) > last[e["exercise"]] for e in strength(nxt))


def test_a_paused_weeks_stretch_session_ticks_its_day_and_is_not_offered_again(tmp_path, capsys):
    """While paused, the stretch alone is the session: done, it is that day's session, and
    Today does not offer it again the same day (nor slide the week onto its Sunday)."""
    from itbgui.program.progression import next_session
    from itbgui.program.simulation import log_session

    setup = setup_from(2)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=2))
    records[-1] = dataclasses.replace(records[-1], pain_after=9)          # paused since Monday
    offered = next_session(setup, records, today=TODAY)
    assert offered.is_today and [i.exercise_id for i in offered.prescription.items] == [STRETCH]
    stretch = log_session(offered, Outcome(2, 2, "same"), "stretch-today")
    records.append(dataclasses.replace(stretch, ended_at=stretch.started_at.replace(hour=12)
                                       - dt.timedelta(hours=4), started_at=stretch.started_at.replace(hour=7)))
    after = next_session(setup, records, today=TODAY)
    assert after.done_today and after.date > TODAY
    write_folder(tmp_path, setup, records)
    doc, text = read_week(tmp_path, capsys)
    done = [d for d in doc["days"] if d["done"]]      # sessions tick off days in the week's order
    assert len(done) == 1 and done[0]["status"] == "complete"
    assert [e["exercise"] for e in done[0]["exercises"]] == [STRETCH]
    sessions = [d for d in doc["days"] if d["kind"] == "session"]
    assert len(sessions) == 3                          # no fourth, slid onto the Sunday


# ------------------------------------------------------------------ pain during the session


def _last_session_with(tmp_path, capsys, **pain):
    setup = setup_from(2)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=2))
    records[-1] = dataclasses.replace(records[-1], **pain)
    write_folder(tmp_path, setup, records)
    return read_week(tmp_path, capsys)


def test_the_worst_pain_during_above_five_steps_back_though_it_eased_by_the_end(tmp_path, capsys):
    doc, text = _last_session_with(tmp_path, capsys, pain_before=1, pain_during=6, pain_after=2)
    assert doc["decision"]["action"] == "step_back"
    assert "Worst pain during the session was 6/10" in doc["decision"]["reason"]
    assert "This week: step back." in text


def test_the_worst_pain_during_of_four_or_five_holds(tmp_path, capsys):
    for during in (4, 5):
        doc, _ = _last_session_with(tmp_path / str(during), capsys, pain_before=1, pain_during=during,
                                    pain_after=1)
        assert doc["decision"]["action"] == "hold", during
        assert f"Worst pain during the session was {during}/10" in doc["decision"]["reason"]


def test_pain_before_the_session_is_never_called_during(tmp_path, capsys):
    doc, text = _last_session_with(tmp_path, capsys, pain_before=6, pain_during=None, pain_after=2)
    assert "Pain before the session was 6/10" in doc["decision"]["reason"]
    assert "during" not in doc["decision"]["reason"].lower()


# ------------------------------------------------------------------ red flags


NO_FLAGS = (("hot_swollen", False), ("weight_bearing", False), ("locking", False),
            ("constant_night", False), ("numbness", False))


def test_a_warning_sign_answered_yes_pauses_and_names_it(tmp_path, capsys):
    flags = tuple((k, k == "weight_bearing") for k, _ in NO_FLAGS)
    doc, text = _last_session_with(tmp_path, capsys, pain_before=2, pain_during=7, pain_after=4,
                                   red_flags=flags)
    _paused(doc, text, "not being able to bear weight or move the knee", "promptly")


def test_warning_signs_all_answered_no_do_not_pause_on_their_own(tmp_path, capsys):
    doc, _ = _last_session_with(tmp_path, capsys, pain_before=2, pain_during=7, pain_after=4,
                                red_flags=NO_FLAGS)
    assert doc["decision"]["phase"] != "paused" and doc["decision"]["action"] == "step_back"
    assert not any("warning sign" in r for r in doc["decision"]["clinician_reasons"])


def test_the_warning_sign_answers_round_trip_through_the_data_file_and_are_checked(tmp_path):
    import pytest

    from itbgui.store.records import RecordError, SessionRecord

    setup = setup_from(1)
    records = played_until(setup, easy, TODAY - dt.timedelta(days=1))
    flags = tuple((k, k == "numbness") for k, _ in NO_FLAGS)
    records[-1] = dataclasses.replace(records[-1], pain_during=8, red_flags=flags)
    write_folder(tmp_path, setup, records)
    for _ in range(2):                    # the first read checks the file, the next trusts it
        repo = SessionRepository(tmp_path)
        assert repo.session(records[-1].id).red_flags == flags
        assert repo.session(records[0].id).red_flags == ()
        repo.close()
    doc = records[-1].to_doc()
    assert doc["red_flags"] == dict(flags) and records[0].to_doc()["red_flags"] is None
    with pytest.raises(RecordError):
        SessionRecord.from_doc({**doc, "red_flags": {"locking": "yes"}})
    with pytest.raises(RecordError):
        SessionRecord.from_doc({**doc, "red_flags": {"dizzy": True}})
