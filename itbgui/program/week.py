"""One calendar week as data, without Qt: the sheet the Plan page shows and the printer
prints (:class:`WeekSheet`), and the same week for ``itb-coach week`` and its JSON (:class:`Week`).

Days still to come carry each exercise's own dose (as Today would give it if the plan is
followed); days already done carry what was done; days past and missed, the plan's dose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .decisions import ProgressionDecision
from .exercises import Kind, exercise
from .plan import generate_plan, week_title
from .plan_setup import PlanSetup, monday_of
from .preferences import SessionPreferences, apply_preferences, timing_for
from .prescription import ExercisePrescription, SessionPrescription
from .progression import (done_planned_days, history_of, planned_week, shown_decision,
                          week_prescriptions)
from .sessions import counted_sessions, session_day
from ..store.records import SessionRecord
from .timeline import build_timeline


@dataclass(frozen=True)
class WeekExercise:
    exercise: str           # the id (docs/data-format.md)
    sets: int
    reps: int
    hold_seconds: float     # seconds held a side for the stretch; 0 for counted exercises
    per_side: bool
    step: int               # the rung's step index (docs/data-format.md)
    resistance: str
    dose: str = ""          # as the Plan page and the PDF word it: "2 x 10 reps per side"

    @property
    def name(self) -> str:
        return exercise(self.exercise).name

    def to_json(self) -> dict:
        return {"exercise": self.exercise, "name": self.name, "sets": self.sets, "reps": self.reps,
                "hold_seconds": self.hold_seconds, "per_side": self.per_side, "step": self.step,
                "resistance": self.resistance}


@dataclass(frozen=True)
class WeekDay:
    date: dt.date
    kind: str               # "session", "run" or "rest"
    done: bool
    exercises: tuple[WeekExercise, ...] = ()

    def to_json(self) -> dict:
        return {"date": self.date.isoformat(), "kind": self.kind, "done": self.done,
                "exercises": [e.to_json() for e in self.exercises]}


@dataclass(frozen=True)
class Week:
    week: int
    monday: dt.date
    phase: str              # "build" or "maintenance"
    decision: ProgressionDecision | None
    days: tuple[WeekDay, ...]

    def to_json(self) -> dict:
        d = self.decision
        return {"week": self.week, "monday": self.monday.isoformat(), "phase": self.phase,
                "decision": {"action": d.effective_action if d else None,
                             "reason": d.reason if d else "",
                             "see_clinician": bool(d and d.see_clinician)},
                "days": [day.to_json() for day in self.days]}


def _planned(item: ExercisePrescription) -> WeekExercise:
    return WeekExercise(item.exercise_id, item.sets, item.reps, item.hold, item.per_side,
                        item.resolved_step_index, item.resistance, item.dose_label())


def done_prescription(record, planned: SessionPrescription) -> SessionPrescription:
    """What a logged session did, as a prescription (sets with reps done, the most reps, the
    longest hold, the rung used), in the frame of the planned session it ticked off."""
    found: dict[str, list] = {}
    for s in record.sets:
        found.setdefault(s.exercise_id, []).append(s)
    items = []
    for exercise_id, sets in found.items():
        ex = exercise(exercise_id)
        did = [s for s in sets if s.done_reps > 0 or s.hold_seconds > 0]
        step = next((s.step_index for s in sets if s.step_index is not None), ex.default_step)
        step = step if 0 <= step < len(ex.steps) else ex.default_step
        reps = 0 if ex.kind is Kind.HOLD else max((s.done_reps for s in sets), default=0)
        held = max((s.hold_seconds for s in sets), default=0.0) if ex.kind is Kind.HOLD else None
        items.append(ExercisePrescription(exercise_id, sets=max(1, len({s.set_number for s in did})),
                                          reps=reps, rest_seconds=0, step_index=step,
                                          resistance_label=sets[0].resistance or None,
                                          hold_seconds=held))
    return replace(planned, items=tuple(items)) if items else planned


def done_records(plan, history, sessions, monday: dt.date) -> dict:
    """Planned day -> the logged session that ticked it off (in the week's order)."""
    done = sorted(done_planned_days(plan, sessions, monday, history))
    logged = [s for s in counted_sessions(sessions)
              if monday <= session_day(s) <= monday + dt.timedelta(days=6)]
    return dict(zip(done, logged))


def week_data(setup: PlanSetup, sessions, decisions, day: dt.date, today: dt.date) -> Week:
    """The week holding ``day``, as of ``today``: the printed sheet's week, as data."""
    sheet = build_week_sheet(setup, sessions, decisions, day, today)
    days = []
    for d in sheet.days:
        if d.session is None:
            days.append(WeekDay(d.date, "run" if d.running else "rest", False))
        else:   # a day done carries what was done (build_week_sheet)
            days.append(WeekDay(d.date, "session", d.done is not None,
                                tuple(map(_planned, d.session.prescription.items))))
    phase = "maintenance" if sheet.is_maintenance else "build"
    return Week(sheet.week, sheet.monday, phase, sheet.decision, tuple(days))


# ------------------------------------------------------------------ the printed sheet


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
    done: SessionRecord | None = None   # the logged session that ticked this planned day off


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
    def done_days(self) -> frozenset[dt.date]:
        """The planned days already ticked off by a logged session."""
        return frozenset(d.date for d in self.days if d.done is not None)

    @property
    def is_maintenance(self) -> bool:
        return any(s.template == "M" for s in self.sessions)

    @property
    def week_label(self) -> str:
        return week_title(self.week, self.is_maintenance)


def build_week_sheet(setup: PlanSetup, sessions, decisions, day: dt.date, today: dt.date,
                     preferences: SessionPreferences | None = None) -> WeekSheet:
    """The week holding ``day``. Days still to come get each exercise's own dose (the
    decisions so far, applied as the progression rule applies them); a day already done
    shows what was done. The tempo, rests and get-ready chosen in Settings shape what is
    printed and its length."""
    plan = generate_plan(setup)
    timing = timing_for(preferences, base=plan.timing) if preferences else plan.timing
    monday = monday_of(day)
    history = history_of(setup, sessions, decisions)
    decision = shown_decision(history, max(today, monday))
    planned = {p.date: p for p in planned_week(plan, history, monday)}
    ahead = week_prescriptions(setup, sessions, decisions, monday, today, plan.timing)
    done = done_records(plan, history, sessions, monday)
    days = []
    for offset in range(7):
        date = monday + dt.timedelta(days=offset)
        session = None
        if date in planned:
            p, prescription = ahead.get(date, (planned[date], planned[date].prescription))
            if date in done:
                prescription = done_prescription(done[date], p.prescription)
            if preferences is not None:
                prescription = apply_preferences(prescription, preferences)
            minutes = round(build_timeline(prescription, timing).timed_seconds / 60)
            session = SheetSession(prescription, minutes, p.after_light_run, p.template)
        days.append(SheetDay(date, date.weekday() in setup.running_days, session, done.get(date)))
    return WeekSheet(monday, plan.week_number(monday + dt.timedelta(days=6)), setup, tuple(days),
                     decision if monday >= monday_of(today) else None)
