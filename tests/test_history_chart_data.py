"""The numbers behind each History chart, against values worked out by hand.

The known history (CET, today = Wednesday 2026-11-25):
  S1 Mon 11-02  pain 4 -> 3  clamshell L 10,10 R 10,8; two-leg bridge 10,10; band walk L 10 R 10
  S2 Thu 11-05  pain 3 -> 3  clamshell L 10,10 R 10,10; bridge skipped
  S3 Mon 11-09  pain 3 -> 2  clamshell L 12,12, right side not done; single-leg bridge L 12 R 10
  (week of 11-16 missed)
  S4 Mon 11-23  pain 2 -> 1  clamshell (band) L 15 R 15; single-leg bridge L 12 R 12
"""

import dataclasses
import datetime as dt

import pytest

from itbgui.screens.history import chart_data as cd
from itbgui.screens.history.history_data import HistoryData
from itbgui.store.records import SessionRecord, SetRecord

CET = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 25)


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 18, 0, tzinfo=CET)


def sets(exercise, side, reps, target, step, resistance=""):
    return tuple(SetRecord(exercise, side, n, target, r, resistance, step_index=step)
                 for n, r in enumerate(reps, start=1))


def session(sid, day, before, after, *groups, week=1):
    return SessionRecord(id=sid, started_at=at(day), ended_at=at(day) + dt.timedelta(minutes=20),
                         completed=True, title="t", week=week, pain_before=before,
                         pain_after=after, note=f"note {sid}",
                         sets=tuple(s for g in groups for s in g))


def known_history() -> list[SessionRecord]:
    stretch = sets("glute_stretch", "left", [0], 0, 1) + sets("glute_stretch", "right", [0], 0, 1)
    s1 = session("s1", 2, 4, 3,
                 sets("clamshell", "left", [10, 10], 10, 0), sets("clamshell", "right", [10, 8], 10, 0),
                 sets("glute_bridge", None, [10, 10], 10, 0),
                 sets("lateral_band_walk", "left", [10], 10, 0),
                 sets("lateral_band_walk", "right", [10], 10, 0), stretch)
    s2 = session("s2", 5, 3, 3,
                 sets("clamshell", "left", [10, 10], 10, 0), sets("clamshell", "right", [10, 10], 10, 0))
    s3 = session("s3", 9, 3, 2,
                 sets("clamshell", "left", [12, 12], 12, 0),
                 sets("glute_bridge", "left", [12], 12, 1), sets("glute_bridge", "right", [10], 12, 1),
                 week=2)
    s4 = session("s4", 23, 2, 1,
                 sets("clamshell", "left", [15], 15, 1), sets("clamshell", "right", [15], 15, 1),
                 sets("glute_bridge", "left", [12], 12, 1), sets("glute_bridge", "right", [12], 12, 1),
                 week=4)
    return [s1, s2, s3, s4]


def ts(day: int) -> float:
    return at(day).timestamp()


def by_id(series, exercise_id, side=None):
    return next(s for s in series if s.exercise_id == exercise_id and (side is None or s.side == side))


class FakePlan:
    """Targets 12 reps for clamshells only; plans 2, 1, 0 (rest week), 1 sessions."""

    def target_reps(self, exercise_id, day):
        return 12 if exercise_id == "clamshell" else None

    def planned_count(self, monday):
        return {dt.date(2026, 11, 2): 2, dt.date(2026, 11, 9): 1,
                dt.date(2026, 11, 16): 0}.get(monday, 1)


@pytest.fixture
def summaries():
    return cd.summarise_all(reversed(known_history()))  # order given must not matter


def test_reps_per_set_skips_a_skipped_exercise_and_uses_logged_targets(summaries):
    reps = cd.reps_series(summaries)
    clam = by_id(reps, "clamshell", "left")
    assert clam.x == (ts(2), ts(5), ts(9), ts(23))
    assert clam.reps_per_set == (10.0, 10.0, 12.0, 15.0)
    assert clam.target == (10.0, 10.0, 12.0, 15.0)
    bridge = by_id(reps, "glute_bridge", "right")
    assert bridge.x == (ts(2), ts(9), ts(23))           # skipped on 11-05: no point, no zero
    assert bridge.reps_per_set == (10.0, 10.0, 12.0)    # the two-leg bridge counts for each leg
    assert by_id(reps, "side_leg_lift").x == ()
    assert "glute_stretch" not in [r.exercise_id for r in reps]  # a hold has no reps


def test_the_plan_gives_the_target_where_it_has_one(summaries):
    reps = cd.reps_series(summaries, plan=FakePlan())
    assert by_id(reps, "clamshell", "left").target == (12.0, 12.0, 12.0, 12.0)
    assert by_id(reps, "glute_bridge", "left").target == (10.0, 12.0, 12.0)  # plan: None -> logged


def test_one_sided_exercises_keep_left_and_right_apart(summaries):
    """Clamshells: the right leg's 8-rep set on 11-02 stays on the right; no line averages
    the legs. The band walk's sides are directions, so it stays one line."""
    reps = cd.reps_series(summaries)
    assert by_id(reps, "clamshell", "right").x == (ts(2), ts(5), ts(23))   # not done 11-09
    assert by_id(reps, "clamshell", "right").reps_per_set == (9.0, 10.0, 15.0)
    assert [r.side for r in reps if r.exercise_id == "lateral_band_walk"] == [None]
    assert [r.side for r in reps if r.exercise_id == "side_leg_lift"] == [None]   # no data: one


def test_exercise_filter_keeps_one_exercise(summaries):
    assert [(r.exercise_id, r.side) for r in cd.reps_series(summaries, "glute_bridge")] == [
        ("glute_bridge", "left"), ("glute_bridge", "right")]
    assert [r.exercise_id for r in cd.resistance_series(summaries, "glute_bridge")] == ["glute_bridge"]


def test_resistance_is_the_rung_used_with_the_ladder_names(summaries):
    res = cd.resistance_series(summaries)
    clam = by_id(res, "clamshell")
    # Places on the ladder, easiest first (a 2 s hold comes before the band).
    assert clam.rung == (0, 0, 0, 2)
    assert clam.ladder[2] == "Light band above the knees"
    bridge = by_id(res, "glute_bridge")
    assert (bridge.x, bridge.rung) == ((ts(2), ts(9), ts(23)), (0, 2, 2))   # single-leg, after marching


def test_rung_is_found_by_name_when_the_index_was_not_stored():
    record = SessionRecord("old", at(2), None, False, sets=(
        SetRecord("clamshell", "left", 1, 10, 10, "Light band above the knees"),))
    assert by_id(cd.resistance_series([cd.summarise(record)]), "clamshell").rung == (2,)


def test_pain_points_and_the_trailing_three_week_trend(summaries):
    pain = cd.pain_chart(summaries, None)
    assert pain.before == (4, 3, 3, 2) and pain.after == (3, 3, 2, 1)
    assert pain.before_x == (ts(2), ts(5), ts(9), ts(23))
    # 11-02: 4,3,3,3 -> 3.25; 11-09: adds 3,2 -> 18/6; 11-16 (no session): same pool;
    # 11-23: 2,1 + 3,2 (11-02 has left the window) -> 2.0
    assert pain.trend_weeks == (dt.date(2026, 11, 2), dt.date(2026, 11, 9),
                                dt.date(2026, 11, 16), dt.date(2026, 11, 23))
    assert pain.trend == (3.25, 3.0, 3.0, 2.0)


def test_the_worst_pain_during_is_charted_where_asked_and_joins_the_trend():
    records = known_history()
    records[0] = dataclasses.replace(records[0], pain_during=7)
    pain = cd.pain_chart(cd.summarise_all(records), None)
    assert pain.during == (7,) and pain.during_x == (ts(2),)
    assert pain.trend[0] == (4 + 7 + 3 + 3 + 3) / 5          # 11-02: before, during, after


def test_adherence_counts_every_week_and_the_missed_one(summaries):
    chart = cd.adherence_chart(summaries, TODAY, None)
    assert chart.weeks == tuple(dt.date(2026, 11, d) for d in (2, 9, 16, 23))
    assert chart.done == (2, 1, 0, 1)
    assert chart.planned == (2, 2, 2, 2)       # no plan: two a week
    assert chart.adherence == (1.0, 0.5, 0.0, 0.5)
    assert chart.streak_weeks == 0            # 11-16 missed; this week still under way


def test_streak_with_a_plan_skips_rest_weeks_and_counts_this_week_once_met(summaries):
    chart = cd.adherence_chart(summaries, TODAY, None, FakePlan())
    assert chart.planned == (2, 1, 0, 1)
    assert chart.adherence == (1.0, 1.0, None, 1.0)
    assert chart.streak_weeks == 3


def test_streak_is_zero_with_no_sessions():
    assert cd.current_streak([], TODAY) == 0
    assert cd.adherence_chart([], TODAY, None).weeks == ()


def test_left_and_right_pooled_over_one_leg_exercises(summaries):
    sides = cd.sides_chart(summaries)
    # band walk (a direction, not a leg) and the two-leg bridge (no side) are left out
    assert sides.left == (10.0, 10.0, 12.0, 13.5)
    assert sides.right == (9.0, 10.0, 10.0, 13.5)
    assert sides.gap == (1.0, 0.0, 2.0, 0.0)


def test_a_session_with_one_side_missing_gives_no_point_for_that_side(summaries):
    sides = cd.sides_chart(summaries, "clamshell")
    assert sides.left_x == (ts(2), ts(5), ts(9), ts(23))
    assert sides.left == (10.0, 10.0, 12.0, 15.0)
    assert sides.right_x == (ts(2), ts(5), ts(23))
    assert sides.right == (9.0, 10.0, 15.0)
    assert (sides.gap_x, sides.gap) == ((ts(2), ts(5), ts(23)), (1.0, 0.0, 0.0))


def test_an_edited_set_changes_every_chart_that_shows_it():
    history = known_history()
    s4 = history[3]
    edited_sets = tuple(dataclasses.replace(s, done_reps=11)
                        if (s.exercise_id, s.side) == ("clamshell", "right") else s for s in s4.sets)
    history[3] = dataclasses.replace(s4, sets=edited_sets)
    summaries = cd.summarise_all(history)
    assert by_id(cd.reps_series(summaries), "clamshell", "right").reps_per_set[-1] == 11.0
    sides = cd.sides_chart(summaries)
    assert (sides.left[-1], sides.right[-1], sides.gap[-1]) == (13.5, 11.5, 2.0)


def test_range_starts_on_a_monday_weeks_back():
    assert cd.range_start("4w", TODAY) == dt.date(2026, 11, 2)
    assert cd.range_start("8w", TODAY) == dt.date(2026, 10, 5)
    assert cd.range_start("all", TODAY) is None
    data = HistoryData(known_history())           # what the page reads a range through
    kept = data.summaries_from(cd.range_start("4w", dt.date(2026, 11, 30)))
    assert [s.day for s in kept] == [dt.date(2026, 11, 9), dt.date(2026, 11, 23)]   # s3, s4


def test_build_charts_filters_the_range_but_trend_and_streak_see_earlier_weeks(summaries):
    charts = cd.build_charts(summaries, "4w", dt.date(2026, 11, 30), plan=FakePlan())
    assert charts.session_count == 2 and not charts.per_week
    assert by_id(charts.reps, "clamshell").reps_per_set == (12.0, 15.0)
    assert charts.pain.trend_weeks[0] == dt.date(2026, 11, 9)
    assert charts.pain.trend[0] == 3.0                    # pools 11-02 from outside the range
    assert charts.adherence.weeks == tuple(dt.date(2026, 11, d) for d in (9, 16, 23, 30))
    assert charts.adherence.done == (1, 0, 1, 0)
    assert charts.adherence.streak_weeks == 3             # 11-30 under way; back to 11-02
    assert charts.x_range == (cd.day_timestamp(dt.date(2026, 11, 9)),
                              cd.day_timestamp(dt.date(2026, 12, 7)))   # end of this week


def test_long_spans_are_drawn_one_point_per_week():
    monday = dt.date(2026, 1, 5)
    xs = [cd.day_timestamp(monday) + 3600, cd.day_timestamp(monday) + 3 * 86400,
          cd.day_timestamp(monday) + 8 * 86400]
    x, y = cd.per_week_means(xs, [10, 13, 7])
    assert y == (11.5, 7.0)
    assert x == (cd.week_centre_timestamp(monday),
                 cd.week_centre_timestamp(monday + dt.timedelta(weeks=1)))
    assert cd.per_week_last(xs, [0, 2, 1])[1] == (2, 1)


def test_build_charts_thins_a_year_to_weeks():
    history = []
    for n in range(60):  # two sessions a week for 30 weeks
        start = dt.datetime(2026, 1, 5, 18, tzinfo=CET) + dt.timedelta(days=7 * (n // 2) + 3 * (n % 2))
        history.append(SessionRecord(f"y{n}", start, None, True, pain_before=n % 2 * 2,
                                     sets=sets("clamshell", "left", [10 + n % 2 * 2], 10, 0)))
    charts = cd.build_charts(cd.summarise_all(history), "all", dt.date(2026, 8, 5))
    assert charts.per_week
    clam = by_id(charts.reps, "clamshell")
    assert len(clam.x) == 30 and set(clam.reps_per_set) == {11.0}  # (10 + 12) / 2 each week
    assert set(charts.pain.before) == {1.0}                        # (0 + 2) / 2


def test_four_week_blocks_are_fixed_to_the_calendar():
    assert cd.bucket_start(dt.date(2000, 2, 6), 4) == dt.date(2000, 1, 31)   # a Sunday
    assert cd.bucket_start(dt.date(2000, 1, 30), 4) == dt.date(2000, 1, 3)
    assert cd.bucket_start(dt.date(2000, 1, 30), 1) == dt.date(2000, 1, 24)
    x = [cd.day_timestamp(dt.date(2000, 1, 4)), cd.day_timestamp(dt.date(2000, 1, 28))]
    assert cd.per_week_means(x, [8, 12], weeks=4) == (
        (cd.day_timestamp(dt.date(2000, 1, 3)) + 14 * 86400,), (10.0,))


def test_history_data_gives_the_same_charts_as_summarising_everything():
    data = HistoryData(known_history())
    for key in ("4w", "8w", "all"):
        assert data.charts(key, TODAY, plan=FakePlan()) == cd.build_charts(
            cd.summarise_all(known_history()), key, TODAY, plan=FakePlan())
    assert [data.sessions_in_week(dt.date(2026, 11, d)) for d in (2, 9, 16, 23)] == [2, 1, 0, 1]


def test_history_data_summarises_only_the_range_and_the_trend_run_in():
    data = HistoryData(known_history())
    later = dt.date(2026, 12, 21)                   # 4 weeks from Mon 11-30; run-in from 11-16
    assert [s.day for s in data.summaries_from(dt.date(2026, 11, 16))] == [dt.date(2026, 11, 23)]
    charts = data.charts("4w", later)
    assert charts.session_count == 0 and by_id(charts.reps, "clamshell").x == ()
    assert charts.pain.trend_weeks == ()
    # four missed weeks are shown as such, not as an empty chart
    assert charts.adherence.weeks == tuple(dt.date(2026, m, d) for m, d in
                                           ((11, 30), (12, 7), (12, 14), (12, 21)))
    assert charts.adherence.done == (0, 0, 0, 0) and charts.adherence.streak_weeks == 0
    assert charts.x_range == (cd.day_timestamp(dt.date(2026, 11, 30)),
                              cd.day_timestamp(dt.date(2026, 12, 28)))


def test_history_data_reuses_summaries_until_a_record_changes():
    history = known_history()
    data = HistoryData(history)
    first = data.summaries_from(None)
    history[1] = dataclasses.replace(history[1], pain_before=7)
    data.set_sessions(history)
    again = data.summaries_from(None)
    assert again[0] is first[0] and again[1] is not first[1]
    assert again[1].pain_before == 7


def test_the_real_plan_fits_the_protocol():
    from itbgui.program.plan import generate_plan
    from itbgui.program.plan_setup import PlanSetup

    plan = generate_plan(PlanSetup(level="intermediate", running_days=frozenset(),
                                   start_date=dt.date(2026, 11, 2), sore_side="right"))
    charts = cd.build_charts(cd.summarise_all(known_history()), "all", TODAY, plan=plan)
    days = (dt.date(2026, 11, 2), dt.date(2026, 11, 5), dt.date(2026, 11, 9), dt.date(2026, 11, 23))
    assert by_id(charts.reps, "clamshell").target == tuple(
        float(plan.target_reps("clamshell", d)) for d in days)
    assert charts.adherence.planned == tuple(plan.planned_count(m) for m in charts.adherence.weeks)
    assert charts.adherence.planned[0] == 3           # intermediate: three a week
