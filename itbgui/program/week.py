"""One calendar week of the plan as the person sees it: on the Plan page, on paper, and
from ``itb-coach week``. Worked out without Qt, so each of those shows the same week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .plan import PLAN_WEEKS, generate_plan
from .plan_setup import PlanSetup, monday_of
from .preferences import SessionPreferences, apply_preferences, timing_for
from .prescription import SessionPrescription
from .progression import ProgressionDecision, apply_decision, latest_decision
from .timeline import build_timeline


@dataclass(frozen=True)
class SheetSession:
    prescription: SessionPrescription
    estimated_minutes: int
    after_light_run: bool
    template: str


@dataclass(frozen=True)
class SheetDay:
    date: dt.date
    running: bool
    session: SheetSession | None


@dataclass(frozen=True)
class WeekSheet:
    """Everything the printed week shows."""

    monday: dt.date
    week: int                         # 0 before the plan starts, 1-8, 9+ maintenance
    setup: PlanSetup
    days: tuple[SheetDay, ...]
    decision: ProgressionDecision | None

    @property
    def sessions(self) -> tuple[SheetSession, ...]:
        return tuple(d.session for d in self.days if d.session)

    @property
    def week_label(self) -> str:
        if self.week < 1:
            return "Before your plan starts"
        if self.week > PLAN_WEEKS:
            return f"Maintenance · week {self.week}"
        return f"Week {self.week} of {PLAN_WEEKS}"


def build_week_sheet(setup: PlanSetup, sessions, decisions, day: dt.date, today: dt.date,
                     preferences: SessionPreferences | None = None) -> WeekSheet:
    """The week holding ``day``. From this week on, the latest decision shapes the doses;
    the tempo, rests and get-ready chosen in Settings shape what is printed and its length."""
    plan = generate_plan(setup)
    timing = timing_for(preferences, base=plan.timing) if preferences else plan.timing
    monday = monday_of(day)
    decision = latest_decision(setup, sessions, decisions)
    planned = {p.date: p for p in plan.sessions_in_week(monday)}
    days = []
    for offset in range(7):
        date = monday + dt.timedelta(days=offset)
        session = None
        if date in planned:
            p = planned[date]
            prescription = p.prescription
            if monday >= monday_of(today):
                prescription = apply_decision(plan, p, sessions, decision)
            if preferences is not None:
                prescription = apply_preferences(prescription, preferences)
            minutes = round(build_timeline(prescription, timing).timed_seconds / 60)
            session = SheetSession(prescription, minutes, p.after_light_run, p.template)
        days.append(SheetDay(date, date.weekday() in setup.running_days, session))
    return WeekSheet(monday, plan.week_number(monday + dt.timedelta(days=6)), setup, tuple(days),
                     decision if monday >= monday_of(today) else None)
