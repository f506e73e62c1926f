"""The return-to-run stage rule as pure functions: readiness first, then one stage at a
time after easy runs, holding or stepping back on pain (docs/progression.md)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from itbgui.program.return_to_run import (
    FIRST_STAGE, LAST_STAGE, STAGES, STEP_BACK, UP, StrengthSignal, is_bad_run, monday,
    prescription_words, stage, stage_walk,
)
from itbgui.store.run_json import run_json
from itbgui.store.run_records import ReadinessCheck, RunRecord

T0 = dt.datetime(2026, 11, 2, 7, 0, tzinfo=dt.timezone.utc)   # a Monday
READY = ReadinessCheck("w1", T0 - dt.timedelta(days=1), 35, 0)


def run(day: float, during=1, after=1, morning="same", **fields) -> RunRecord:
    return RunRecord(id=f"r{day}", started_at=T0 + dt.timedelta(days=day), pain_during=during,
                     pain_after=after, next_morning=morning, **fields)


def test_no_stage_before_a_passing_walking_check():
    for checks in ([], [ReadinessCheck("w", T0, 25, 0)], [ReadinessCheck("w", T0, 40, 1)]):
        walk = stage_walk([run(1)], checks)
        assert walk.readiness_needed and walk.stage is None and walk.prescription is None
        assert "30 minutes" in walk.reason


def test_a_passing_check_starts_stage_one_on_flat_ground():
    walk = stage_walk([], [ReadinessCheck("w", T0, 25, 0), ReadinessCheck("w2", T0, 30, 0)])
    assert not walk.readiness_needed and walk.stage == FIRST_STAGE
    assert walk.prescription == STAGES[0] and walk.prescription.terrain == "flat"
    assert prescription_words(walk.prescription) == "Run 3 min, walk 2 min, 6 times - flat ground"


def test_runs_before_the_check_do_not_count():
    early = RunRecord("old", READY.answered_at - dt.timedelta(days=3), pain_during=0, pain_after=0,
                      next_morning="same")
    assert stage_walk([early], [READY]).stage == FIRST_STAGE


def test_an_easy_run_goes_up_one_stage_and_only_once_a_week():
    walk = stage_walk([run(0), run(2), run(4)], [READY])
    assert [s.action for s in walk.steps] == [UP, "hold", "hold"]
    assert walk.stage == 2 and "one stage a week" in walk.reason
    walk = stage_walk([run(0), run(7)], [READY])   # next calendar week
    assert walk.stage == 3


def test_pain_above_three_or_a_worse_morning_holds():
    assert stage_walk([run(0, during=4)], [READY]).stage == 1
    assert stage_walk([run(0, morning="worse")], [READY]).stage == 1
    assert stage_walk([run(0, after=5)], [READY]).stage == 1
    held = stage_walk([run(0, morning=None)], [READY])
    assert held.stage == 1 and "morning" in held.reason
    assert stage_walk([run(0, after=None)], [READY]).stage == 1


def test_unanswered_runs_move_nothing():
    imported = RunRecord("gpx1", T0, distance_km=5.0, source="gpx")
    walk = stage_walk([imported], [READY])
    assert walk.stage == 1 and walk.steps == ()


def test_severe_pain_or_two_bad_runs_step_back():
    walk = stage_walk([run(0), run(7), run(9, during=6)], [READY])
    assert walk.stage == 2 and walk.steps[-1].action == STEP_BACK and "6/10" in walk.reason
    walk = stage_walk([run(0), run(7), run(8, during=4), run(9, morning="worse")], [READY])
    assert [s.stage_after for s in walk.steps] == [2, 3, 3, 2]
    walk = stage_walk([run(0, during=9)], [READY])
    assert walk.stage == FIRST_STAGE   # never below stage 1


def test_a_strength_flare_holds_the_stage_and_a_pause_stops_runs():
    flare = StrengthSignal(T0.date(), step_back=True)
    walk = stage_walk([run(1)], [READY], [flare])
    assert walk.stage == 1 and "hip plan stepped back" in walk.reason
    assert stage_walk([run(8)], [READY], [flare]).stage == 2   # a week on, it moves again
    paused = stage_walk([run(1)], [READY], [StrengthSignal(T0.date(), paused=True)], paused_now=True)
    assert paused.paused and paused.prescription is None and paused.stage == 1
    resumed = [StrengthSignal(T0.date(), paused=True), StrengthSignal(T0.date() + dt.timedelta(days=1))]
    assert stage_walk([run(2)], [READY], resumed).stage == 2


def test_the_last_stage_is_continuous_and_the_only_one_with_hills():
    assert all(s.terrain == "flat" for s in STAGES[:-1]) and STAGES[-1].terrain == "any"
    assert STAGES[-1].continuous and stage(99) == STAGES[-1] and stage(-3) == STAGES[0]
    walk = stage_walk([run(7 * k) for k in range(12)], [READY])
    assert walk.stage == LAST_STAGE and walk.steps[-1].action == "hold"


def test_run_json_has_the_runs_command_shape():
    doc = run_json(run(0, distance_km=5.5, pain_onset_km=3.2, during=4))
    assert list(doc) == ["id", "started_at", "distance_km", "duration_s", "elevation_gain_m", "terrain",
                         "source", "pain_during", "pain_onset_km", "pain_after", "next_morning", "note"]
    assert doc["distance_km"] == 5.5 and doc["duration_s"] is None and doc["started_at"].endswith("+00:00")


# ------------------------------------------------------------------ properties

runs_strategy = st.lists(st.tuples(
    st.floats(0, 120, allow_nan=False),                # days after T0
    st.one_of(st.none(), st.integers(0, 10)),          # pain during (None: not answered)
    st.one_of(st.none(), st.integers(0, 10)),          # pain after
    st.sampled_from([None, "better", "same", "worse"]),
), max_size=40)


def _runs(items) -> list[RunRecord]:
    return [RunRecord(f"r{i}", T0 + dt.timedelta(days=d), pain_during=p, pain_after=a, next_morning=m)
            for i, (d, p, a, m) in enumerate(items)]


@given(runs_strategy, st.lists(st.tuples(st.integers(0, 120), st.booleans(), st.booleans()), max_size=6))
def test_the_stage_rule_properties(items, flares):
    signals = [StrengthSignal(T0.date() + dt.timedelta(days=d), b, p) for d, b, p in flares]
    walk = stage_walk(_runs(items), [READY], signals)
    ups = {}
    for step in walk.steps:
        assert FIRST_STAGE <= step.stage_after <= LAST_STAGE
        assert step.stage_after - step.stage_before <= 1
        if step.stage_after > step.stage_before:
            run_ = step.run
            # never up after pain during > 3, a worse (or unanswered) morning, or pain after > 3
            assert run_.pain_during <= 3 and run_.next_morning in ("better", "same")
            assert run_.pain_after is not None and run_.pain_after <= 3 and not is_bad_run(run_)
            day = run_.started_at.date()
            before = sorted((g for g in signals if g.day <= day), key=lambda g: g.day)
            # never up while strength work is paused, nor within 7 days of a strength step back
            assert not (before and before[-1].paused)
            assert not any(g.step_back and (day - g.day).days < 7 for g in before)
            week = monday(run_.started_at.date())
            ups[week] = ups.get(week, 0) + 1
    assert all(count <= 1 for count in ups.values())   # never more than one stage up a week
    assert FIRST_STAGE <= walk.stage <= LAST_STAGE
    assert walk.prescription.terrain == ("any" if walk.stage == LAST_STAGE else "flat")
