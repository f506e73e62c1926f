"""One calendar week as data, without Qt: the sheet the Plan page shows and the printer
prints (:class:`WeekSheet`), and the same week for ``itb-coach week`` and its JSON (:class:`Week`).

Days still to come carry each exercise's own dose (as Today would give it if the plan is
followed); days already done carry what was done; days past and not done are marked missed,
with no dose (what the plan had meant for them no longer says anything about the person).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from itbgui.program.decisions import ProgressionDecision
from itbgui.program.exercises import Kind, exercise
from itbgui.program.plan import generate_plan, week_title
from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.program.preferences import SessionPreferences, apply_preferences, timing_for
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.return_to_run import run_day
from itbgui.store.run_json import run_json
from itbgui.program.run_days import RunDay, run_day_for, run_stage
from itbgui.program.progression import (done_planned_days, history_of, planned_week, shown_decision,
                          ticking_sessions, upcoming_decision, week_prescriptions)
from itbgui.program.sessions import counted_sessions, is_stretch_session, session_day, session_status
from itbgui.store.records import SessionRecord
from itbgui.program.timeline import build_timeline


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
    status: str | None = None   # a day done: "complete" or "ended early"; a day past not done: "missed"
    run: RunDay | None = None   # a run day: its prescription and the runs logged
    runs_done: tuple = ()       # the runs logged that day, whatever kind of day it is

    def to_json(self) -> dict:
        doc = {"date": self.date.isoformat(), "kind": self.kind, "done": self.done,
               "status": self.status, "exercises": [e.to_json() for e in self.exercises]}
        if self.kind == "run":
            rx = self.run.prescription if self.run else None
            doc["run"] = rx.to_json() if rx else None
        doc["runs_done"] = [run_json(r) for r in self.runs_done]
        return doc


@dataclass(frozen=True)
class Week:
    week: int
    monday: dt.date
    phase: str              # clinical_state.PHASES: the phase the week is planned in
    decision: ProgressionDecision | None
    days: tuple[WeekDay, ...]
    #: sessions that tick off no planned day (extra or partial), with what they did
    extra: tuple[WeekExtra, ...] = ()

    def to_json(self) -> dict:
        d = self.decision
        return {"week": self.week, "monday": self.monday.isoformat(), "phase": self.phase,
                "decision": {"action": d.effective_action if d else None,
                             "reason": d.stated_reason if d else "",
                             "see_clinician": bool(d and d.see_clinician),
                             "phase": d.phase if d else self.phase,
                             "clinician_reasons": list(d.clinician_reasons) if d else []},
                "days": [day.to_json() for day in self.days],
                "extra": [e.to_json() for e in self.extra]}


@dataclass(frozen=True)
class WeekExtra:
    date: dt.date
    status: str             # "complete", "partial" or "ended early"
    exercises: tuple[WeekExercise, ...]

    def to_json(self) -> dict:
        return {"date": self.date.isoformat(), "status": self.status,
                "exercises": [e.to_json() for e in self.exercises]}


def _planned(item: ExercisePrescription) -> WeekExercise:
    return WeekExercise(item.exercise_id, item.sets, item.reps, item.hold, item.per_side,
                        item.resolved_step_index, item.resistance, item.dose_label())


def done_prescription(record, planned: SessionPrescription) -> SessionPrescription:
    """:func:`done_items` in the frame of the planned session ``record`` ticked off."""
    items = done_items(record)
    return replace(planned, items=items) if items else planned


def done_items(record) -> tuple[ExercisePrescription, ...]:
    """What a logged session did, as prescription items: per exercise the sets with reps done and the reps of the best set, on the
    weaker side when the sides differ (left 2, right 11 reads "1 x 2 reps per side", never
    11), the longest hold, and the rung used. An exercise with nothing done is left out: no
    "1 x 0 reps"."""
    found: dict[str, list] = {}
    for s in record.sets:
        found.setdefault(s.exercise_id, []).append(s)
    items = []
    for exercise_id, sets in found.items():
        ex = exercise(exercise_id)
        did = [s for s in sets if s.done_reps > 0 or s.hold_seconds > 0]
        if not did:
            continue
        step = next((s.step_index for s in sets if s.step_index is not None), ex.default_step)
        step = step if 0 <= step < len(ex.steps) else ex.default_step
        sides = {s.side for s in sets}
        per_side = [[s for s in did if s.side == side] for side in sides]
        held = None
        if ex.kind is Kind.HOLD:
            reps, count = 0, len({s.set_number for s in did})
            held = max(s.hold_seconds for s in did)
        else:
            reps = min(max((s.done_reps for s in side), default=0) for side in per_side)
            count = min(len({s.set_number for s in side}) for side in per_side)
        if count == 0:
            continue
        items.append(ExercisePrescription(exercise_id, sets=count, reps=reps, rest_seconds=0,
                                          step_index=step, resistance_label=sets[0].resistance or None,
                                          hold_seconds=held))
    return tuple(items)


def _done(record, done: SessionPrescription) -> tuple[WeekExercise, ...]:
    return _done_exercises(record, done.items)


def _done_exercises(record, items) -> tuple[WeekExercise, ...]:
    """A day done, for the JSON: ``items`` from :func:`done_items` (the stretch's seconds
    as held, not as planned)."""
    return tuple(map(_planned, items))


def done_records(plan, history, sessions, monday: dt.date) -> dict:
    """Planned day -> the logged session that ticked it off (in the week's order)."""
    done = sorted(done_planned_days(plan, sessions, monday, history))
    return dict(zip(done, _week_sessions(sessions, monday, history)))


def _week_sessions(sessions, monday: dt.date, history) -> list:
    return [s for s in ticking_sessions(sessions, history) if monday <= session_day(s) <= monday + dt.timedelta(days=6)]


def extra_records(plan, history, sessions, monday: dt.date) -> tuple:
    """The week's sessions that tick off no planned day: beyond the planned count, or
    partial (under half the reps); shown as such, never lost nor counted as "3 of 2"."""
    ticked = set(map(id, done_records(plan, history, sessions, monday).values()))
    return tuple(s for s in counted_sessions(sessions)
                 if monday <= session_day(s) <= monday + dt.timedelta(days=6) and id(s) not in ticked)


def week_data(setup: PlanSetup, sessions, decisions, day: dt.date, today: dt.date,
              runs=(), checks=()) -> Week:
    """The week holding ``day``, as of ``today``: the printed sheet's week, as data. A rest
    day with a run logged is a run day: what was done shows, as for sessions."""
    sheet = build_week_sheet(setup, sessions, decisions, day, today, runs=runs, checks=checks)
    days = []
    for d in sheet.days:
        ran = tuple(sorted((r for r in runs if run_day(r) == d.date), key=lambda r: r.started_at))
        if d.session is None:
            kind = "run" if d.run is not None else "rest"
            days.append(WeekDay(d.date, kind, bool(d.run and d.run.runs_done), run=d.run, runs_done=ran))
        elif d.missed:
            days.append(WeekDay(d.date, "session", False, (), "missed", runs_done=ran))
        elif d.done is not None:
            days.append(WeekDay(d.date, "session", True, _done(d.done, d.session.prescription),
                                "complete" if is_stretch_session(d.done) else session_status(d.done),
                                runs_done=ran))
        else:
            days.append(WeekDay(d.date, "session", False, tuple(map(_planned, d.session.prescription.items)),
                                runs_done=ran))
    phase = sheet.phase
    extra = tuple(WeekExtra(session_day(r), session_status(r), _done_exercises(r, done_items(r)))
                  for r in sheet.extra)
    return Week(sheet.week, sheet.monday, phase, sheet.decision, tuple(days), extra)


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
    #: a run day (a running day without a session, or a day with a run logged)
    run: RunDay | None = None
    #: a planned session's day gone by without it: shown as missed, with no dose
    missed: bool = False


@dataclass(frozen=True)
class WeekSheet:
    """Everything the printed week shows."""

    monday: dt.date
    week: int                         # 0 before the plan starts, 1-8, 9+ maintenance
    setup: PlanSetup
    days: tuple[SheetDay, ...]
    decision: ProgressionDecision | None
    #: logged sessions of the week that tick off no planned day (extra, or partial)
    extra: tuple[SessionRecord, ...] = ()
    #: the phase the week is planned in (clinical_state.PHASES)
    phase: str = "build"

    def week_count_text(self) -> str:
        """"2 of 3 done", with "· 1 extra" for sessions beyond the plan (never "4 of 3")."""
        text = f"{len(self.done_days)} of {len(self.sessions)} done"
        return f"{text} · {len(self.extra)} extra" if self.extra else text

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
                     preferences: SessionPreferences | None = None, runs=(), checks=()) -> WeekSheet:
    """The week holding ``day``. Days still to come get each exercise's own dose (the
    decisions so far, applied as the progression rule applies them); a day already done
    shows what was done. The tempo, rests and get-ready chosen in Settings shape what is
    printed and its length. ``runs`` and ``checks`` (the walking readiness answers) give
    the run days their stage."""
    plan = generate_plan(setup)
    timing = timing_for(preferences, base=plan.timing) if preferences else plan.timing
    monday = monday_of(day)
    history = history_of(setup, sessions, decisions, runs=runs)
    walk = run_stage(history, runs, checks, decisions, today)
    if monday <= monday_of(today):
        decision = upcoming_decision(setup, history, sessions, today, plan.timing)
    else:
        decision = shown_decision(history, monday)
    ahead = week_prescriptions(setup, sessions, decisions, monday, today, plan.timing, runs)
    done = done_records(plan, history, sessions, monday)
    # Days done or past as planned; days to come where they will be done (a rest day after
    # the last session: they may have slid, as on Today).
    planned = {p.date: p for p in planned_week(plan, history, monday) if p.date in done or p.date < today}
    planned.update({date: p for date, (p, _rx) in ahead.items()})
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
        running = date.weekday() in setup.running_days
        run = None
        if session is None and (running or any(run_day(r) == date for r in runs)):
            run = run_day_for(walk, checks, runs, date, today)
        missed = session is not None and date not in done and date < today
        days.append(SheetDay(date, running, session, done.get(date), run, missed))
    return WeekSheet(monday, plan.week_number(monday + dt.timedelta(days=6)), setup, tuple(days),
                     decision if monday >= monday_of(today) else None,
                     extra_records(plan, history, sessions, monday), history.week_phase(monday))
