"""Start-up work stays bounded over years of sessions (counted, never timed)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from itbgui.program.plan import generate_plan
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.rule import rising_three_weeks, weekly_baselines
from itbgui.store.records import SessionRecord, SetRecord

ZONE = dt.timezone(dt.timedelta(hours=1))


def _session(day: dt.date, before: int) -> SessionRecord:
    start = dt.datetime.combine(day, dt.time(18), ZONE)
    return SessionRecord(id=f"s{day:%Y%m%d}", started_at=start, ended_at=start + dt.timedelta(minutes=20),
                         completed=True, pain_before=before, pain_after=before,
                         sets=(SetRecord("clamshell", "left", 1, 10, 10, "none"),))


class CountingPlan:
    """A plan that counts the days it is asked to place in a week."""

    def __init__(self, plan) -> None:
        self.plan, self.asked = plan, 0

    def week_number(self, day: dt.date) -> int:
        self.asked += 1
        return self.plan.week_number(day)


def test_the_rising_check_reads_only_recent_sessions_when_all_precede_the_plan():
    # Years logged before the plan's start (the starter plan starts this week): each decision
    # of the replay must not walk the whole history again, or ten years cost seconds.
    setup = PlanSetup("beginner", frozenset(), sore_side="left", start_date=dt.date(2026, 11, 30))
    plan = CountingPlan(generate_plan(setup))
    first = dt.date(2017, 1, 2)
    sessions = [_session(first + dt.timedelta(days=3 * i), i % 4) for i in range(1000)]
    assert rising_three_weeks(plan, sessions) is None
    assert plan.asked <= 10


def test_the_rising_check_still_sees_three_rising_weeks_after_a_long_history():
    setup = PlanSetup("beginner", frozenset(), sore_side="left", start_date=dt.date(2026, 1, 5))
    plan = generate_plan(setup)
    old = [_session(dt.date(2017, 1, 2) + dt.timedelta(days=3 * i), 1) for i in range(1000)]
    recent = [_session(dt.date(2026, 1, 5) + dt.timedelta(days=d), p)
              for d, p in ((0, 1), (3, 1), (7, 2), (10, 2), (14, 3))]
    assert rising_three_weeks(plan, old + recent) == (1, 2, 3)
    # the week before the plan (week 0, every older session) counts as a week, as before
    assert rising_three_weeks(plan, old + recent[:4]) is None


def _rising_by_reading_everything(plan, sessions):
    """The rule as docs/progression.md states it, over every session (the reference)."""
    weekly = weekly_baselines(plan, sessions)
    weeks = sorted(weekly)
    if len(weeks) < 3 or weeks[-1] - weeks[-3] != 2:
        return None
    a, b, c = (weekly[w] for w in weeks[-3:])
    return (a, b, c) if a < b < c and c - a >= 1 else None


@given(start=st.sampled_from((dt.date(2026, 1, 5), dt.date(2026, 3, 4), dt.date(2030, 1, 1))),
       gaps=st.lists(st.integers(0, 9), min_size=1, max_size=40),
       pains=st.lists(st.integers(0, 10), min_size=40, max_size=40),
       first=st.integers(-60, 40))
def test_the_rising_check_agrees_with_reading_every_session(start, gaps, pains, first):
    plan = generate_plan(PlanSetup("beginner", frozenset(), sore_side="left", start_date=start))
    day, sessions = start + dt.timedelta(days=first), []
    for gap, pain in zip(gaps, pains):
        day += dt.timedelta(days=gap)
        sessions.append(_session(day, pain))
    for k in range(1, len(sessions) + 1):
        assert rising_three_weeks(plan, sessions[:k]) == _rising_by_reading_everything(plan, sessions[:k])
