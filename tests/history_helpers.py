"""A stored plan and a crafted history, without Qt: for the coach's tests and the window's."""

from __future__ import annotations

import datetime as dt

from itbgui.core.clock import FakeClock
from itbgui.program.plan import generate_plan
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.sessions import sets_at_target
from itbgui.program.timeline import Timing
from itbgui.store.records import SessionRecord

MONDAY = dt.date(2026, 11, 2)
#: Intermediate (Mon, Wed, Fri when no running days), right side sore, from Monday 2 November.
SETUP = PlanSetup("intermediate", frozenset(), MONDAY, "right")
FAST = Timing(get_ready_seconds=5, switch_side_seconds=3, change_over_seconds=8)


def local(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    """A local, timezone-aware time on a calendar day (what the clock and the player use)."""
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


def clock_on(day: dt.date, hour: int = 12) -> FakeClock:
    return FakeClock(start=local(day, hour))


def logged(day: dt.date, before: int, after: int, morning=None, *, setup=SETUP,
           sid: str | None = None) -> SessionRecord:
    """The plan's session nearest ``day``, logged as the player would: every set at target."""
    plan = generate_plan(setup)
    prescription = min(plan.sessions_in_week(day), key=lambda s: abs((s.date - day).days)).prescription
    start = local(day, 9)
    return SessionRecord(id=sid or f"s-{day.isoformat()}", started_at=start,
                         ended_at=start + dt.timedelta(minutes=19), completed=True,
                         title=prescription.title, week=prescription.week, pain_before=before,
                         pain_after=after, sets=sets_at_target(prescription),
                         next_morning=morning)


