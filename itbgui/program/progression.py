"""Pain-guided progression: after each session, progress, hold or step back, and why.

A pain-monitoring rule (Silbernagel et al. 2007, as set out in PROGRAM.md and
docs/progression.md): pain up to about 5/10 during the work is acceptable if it
settles by the next morning and does not creep up from week to week. The person can
override any decision; the override is stored and wins. Also here: which session is
next (missed ones slide forward, never pile up) and whether to ask the next-morning
question. Pure Python: time always comes in as an argument.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .exercises import Kind, exercise
from .plan import (PLAN_WEEKS, Plan, PlannedSession, Rung, exercise_prescription, generate_plan,
                   label_for, style_for_reps, usable_rungs)
from .plan_setup import PlanSetup, monday_of
from .prescription import ExercisePrescription, SessionPrescription
from .sessions import counted_sessions, session_day
from .timeline import Timing, build_timeline

if TYPE_CHECKING:   # records are plain data; the rule only reads their fields
    from ..store.records import SessionRecord

PROGRESS, HOLD, STEP_BACK = "progress", "hold", "step_back"
ACTIONS = (PROGRESS, HOLD, STEP_BACK)
#: Pain during the work that is acceptable if it settles by the next morning.
ACCEPTABLE_PAIN = 5
#: Pain low enough to move on (two sessions in a row).
EASY_PAIN = 3
SEVERE_PAIN = 7
#: A change of 2 points on the 0-10 scale is a real change, not noise.
MEANINGFUL_CHANGE = 2
#: Clinician advice if pain is no lower than at the start by this plan week.
REVIEW_WEEK = 6
#: The next-morning question waits this long after a session ends: a night's sleep, so a
#: session that ran past midnight is not asked about minutes later (and cannot unlock progress).
MORNING_QUESTION_AFTER = dt.timedelta(hours=8)
STEP_BACK_REP_FACTOR = 0.7   # "2 sets with about 30 % fewer reps"


@dataclass(frozen=True)
class ProgressionDecision:
    id: str
    action: str                  # "progress", "hold" or "step_back"
    reason: str                  # plain words for the Today screen
    see_clinician: bool
    made_on: dt.datetime
    based_on: str                # the session id the decision reads
    overridden_to: str | None = None   # the person's own choice, which wins
    clinician_reason: str = ""

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {self.action!r}")
        if self.overridden_to is not None and self.overridden_to not in ACTIONS:
            raise ValueError(f"override must be one of {', '.join(ACTIONS)}, not {self.overridden_to!r}")
        if not self.id or not self.based_on:
            raise ValueError("a decision needs an id and the session it is based on")

    @property
    def effective_action(self) -> str:
        return self.overridden_to or self.action

    def with_override(self, action: str | None) -> "ProgressionDecision":
        """The person's choice (None clears it); choosing the app's own action clears it too."""
        if action is not None and action not in ACTIONS:
            raise ValueError(f"override must be one of {', '.join(ACTIONS)}, not {action!r}")
        return replace(self, overridden_to=None if action == self.action else action)

    def to_doc(self) -> dict:
        return {
            "id": self.id,
            "action": self.action,
            "reason": self.reason,
            "see_clinician": self.see_clinician,
            "clinician_reason": self.clinician_reason,
            "made_on": self.made_on.isoformat(timespec="seconds"),
            "based_on": self.based_on,
            "overridden_to": self.overridden_to,
        }

    @classmethod
    def from_doc(cls, doc) -> "ProgressionDecision":
        if not isinstance(doc, dict):
            raise ValueError("a decision must be a JSON object")
        for key in ("id", "based_on", "reason"):
            if not isinstance(doc.get(key), str):
                raise ValueError(f"{key} must be text")
        if not isinstance(doc.get("see_clinician"), bool):
            raise ValueError("see_clinician must be true or false")
        made = doc.get("made_on")
        try:
            made_on = dt.datetime.fromisoformat(made)
        except (TypeError, ValueError):
            raise ValueError(f"made_on is not a valid time: {made!r}") from None
        clinician = doc.get("clinician_reason", "")
        if not isinstance(clinician, str):
            raise ValueError("clinician_reason must be text")
        return cls(id=doc["id"], action=doc.get("action"), reason=doc["reason"],
                   see_clinician=doc["see_clinician"], made_on=made_on, based_on=doc["based_on"],
                   overridden_to=doc.get("overridden_to"), clinician_reason=clinician)


def stored_decisions(docs) -> tuple[list[ProgressionDecision], list[str]]:
    """The stored decisions that can be read, and a line for each one that cannot."""
    decisions, problems = [], []
    for doc in docs:
        try:
            decisions.append(ProgressionDecision.from_doc(doc))
        except ValueError as exc:
            problems.append(f"a stored decision cannot be read ({exc})")
    return decisions, problems


def decision_id(session_id: str) -> str:
    """One decision per session: re-deciding (after the next-morning answer) replaces it."""
    return f"after-{session_id}"


# ------------------------------------------------------------------ reading the log


def _peak_pain(session: SessionRecord) -> int | None:
    values = [p for p in (session.pain_before, session.pain_after) if p is not None]
    return max(values) if values else None


def _pain_logged(session: SessionRecord) -> bool:
    """Both pain numbers are there: a session without them cannot show the dose was easy."""
    return session.pain_before is not None and session.pain_after is not None


def _reps_short(session: SessionRecord) -> bool:
    return any(s.done_reps < s.target_reps for s in session.sets
               if exercise_kind(s.exercise_id) is Kind.REPS)


def exercise_kind(exercise_id: str) -> Kind | None:
    try:
        return exercise(exercise_id).kind
    except KeyError:
        return None


def _baseline(sessions) -> float | None:
    values = [s.pain_before for s in sessions if s.pain_before is not None]
    return sum(values) / len(values) if values else None


def weekly_baselines(plan: Plan, sessions) -> dict[int, float]:
    """Average pain before sessions, per plan week (the resting level, our stand-in for morning pain)."""
    by_week: dict[int, list[int]] = {}
    for s in sessions:
        if s.pain_before is not None:
            by_week.setdefault(plan.week_number(session_day(s)), []).append(s.pain_before)
    return {week: sum(values) / len(values) for week, values in sorted(by_week.items())}


def _rising_three_weeks(plan: Plan, sessions) -> tuple[float, float, float] | None:
    weekly = weekly_baselines(plan, sessions)
    weeks = sorted(weekly)
    if len(weeks) < 3:
        return None
    w1, w2, w3 = weeks[-3:]
    if w3 - w1 != 2:   # three weeks running, none skipped
        return None
    a, b, c = weekly[w1], weekly[w2], weekly[w3]
    if a < b < c and c - a >= 1:
        return a, b, c
    return None


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ------------------------------------------------------------------ the rule


def decide(setup: PlanSetup, sessions, decisions=(), made_on: dt.datetime | None = None,
           session_id: str | None = None) -> ProgressionDecision | None:
    """The decision after a session (default: the latest that counts), from the log up to it.

    ``decisions`` are the stored ones (objects or docs). Both this decision and the previous
    one (which counts for "two step-backs in a row") are worked out from the log as it is
    now; only the person's stored overrides are taken from ``decisions``.
    """
    history = counted_sessions(sessions)
    if session_id is not None:
        upto = next((i for i, s in enumerate(history) if s.id == session_id), None)
        if upto is None:
            return None
        history = history[:upto + 1]
    if not history:
        return None
    plan = generate_plan(setup)
    session = history[-1]
    stored = {d.id: d for d in map(_as_decision, decisions)}
    previous = None
    if len(history) > 1:
        # Re-read from the log too (History may have changed it), keeping the person's override.
        previous = _unstored(plan, history[:-1])
        earlier_previous = stored.get(previous.id)
        if earlier_previous is not None:
            previous = replace(previous, overridden_to=earlier_previous.overridden_to)
    action, reason = _action(plan, history)

    clinician = _clinician_reasons(plan, history, action, previous)
    earlier = stored.get(decision_id(session.id))
    return ProgressionDecision(
        id=decision_id(session.id), action=action, reason=reason, see_clinician=bool(clinician),
        made_on=made_on or session.ended_at or session.started_at, based_on=session.id,
        overridden_to=earlier.overridden_to if earlier else None,
        clinician_reason=" ".join(clinician))


def _unstored(plan: Plan, history) -> ProgressionDecision:
    """The decision the rule would have made after an earlier session that has none stored."""
    action, reason = _action(plan, history)
    session = history[-1]
    return ProgressionDecision(decision_id(session.id), action, reason, False,
                               session.ended_at or session.started_at, session.id)


def _as_decision(item) -> ProgressionDecision:
    return item if isinstance(item, ProgressionDecision) else ProgressionDecision.from_doc(item)


def _action(plan: Plan, history: list[SessionRecord]) -> tuple[str, str]:
    """Step back beats hold beats progress; the first matching reason is the one shown."""
    session = history[-1]
    peak = _peak_pain(session)
    settled = session.next_morning in ("better", "same")

    if peak is not None and peak > ACCEPTABLE_PAIN:
        return STEP_BACK, (f"Pain reached {peak}/10, above the 5 that is fine during this work. "
                           "Next time is one step easier.")
    if session.next_morning == "worse":
        return STEP_BACK, ("The morning after, your side felt worse than before the session. "
                           "Next time is one step easier.")
    rising = _rising_three_weeks(plan, history)
    if rising:
        a, b, c = map(_fmt, rising)
        return STEP_BACK, (f"Your pain before sessions has crept up three weeks running "
                           f"({a}, {b}, {c}). Next time is one step easier.")
    if not session.completed:
        return HOLD, "The last session ended early, so the same dose comes round again."
    if peak is not None and peak > EASY_PAIN:
        if settled:
            return HOLD, (f"Pain reached {peak}/10 and settled by the next morning. That is fine; "
                          "repeat this dose before adding more.")
        return HOLD, (f"Pain reached {peak}/10. That is acceptable if it settles by tomorrow "
                      "morning; repeat this dose before adding more.")
    if not _pain_logged(session):
        if session.pain_before is None and session.pain_after is None:
            return HOLD, "No pain was logged, so the dose stays."
        missing = "before" if session.pain_before is None else "after"
        return HOLD, f"Pain {missing} the session was not logged, so the dose stays."
    if _reps_short(session):
        return HOLD, "Some sets fell short of their target, so the same dose comes round again."
    if len(history) < 2:
        return HOLD, "A good first session. One more like it and the plan moves on."
    before = history[-2]
    before_peak = _peak_pain(before)
    if (before_peak is not None and before_peak > EASY_PAIN) or before.next_morning == "worse" \
            or not before.completed or _reps_short(before) or not _pain_logged(before):
        return HOLD, "An easy session. One more like it and the plan moves on."
    return PROGRESS, ("Two easy sessions in a row: pain 3/10 or less, settled by the next "
                      "morning, every set done. The plan moves on.")


def _clinician_reasons(plan: Plan, history, action: str,
                       previous: ProgressionDecision | None) -> list[str]:
    reasons = []
    recent = history[-3:]
    severe = sum(1 for s in recent if (_peak_pain(s) or 0) >= SEVERE_PAIN)
    if severe >= 2:
        reasons.append(f"Pain of 7/10 or more in {severe} of your last {len(recent)} sessions.")
    if len(history) >= 4:
        start, now = _baseline(history[:3]), _baseline(history[-3:])
        if start is not None and now is not None and now - start >= MEANINGFUL_CHANGE:
            reasons.append(f"Your pain before sessions has risen from about {_fmt(start)} "
                           f"to {_fmt(now)} out of 10.")
    if action == STEP_BACK and previous is not None and previous.effective_action == STEP_BACK:
        reasons.append("Two step-backs in a row.")
    week = plan.week_number(session_day(history[-1]))
    if week >= REVIEW_WEEK:
        start, now = _baseline(history[:3]), _baseline(history[-3:])
        if start is not None and now is not None and start > 0 and now >= start:
            reasons.append(f"Week {week} and your pain is no lower than at the start.")
    return reasons


# ------------------------------------------------------------------ applying it


@dataclass(frozen=True)
class LastDose:
    """What one exercise was last prescribed as: its rung, reps and sets."""

    step_index: int
    reps: int
    sets: int

    def key(self) -> tuple[int, int, int]:
        return (self.step_index, self.reps, self.sets)


def last_dose(exercise_id: str, sessions, setup: PlanSetup) -> LastDose | None:
    """The most recent prescribed dose of an exercise (targets, not what was done).

    Rung and reps come from the latest session with the exercise. The set count does too
    when that session was finished; after an early end it is what was prescribed: the
    last finished session at that rung and reps, else the plan's sets for them. An early
    end never shrinks the dose.
    """
    history = counted_sessions(sessions)
    for index in range(len(history) - 1, -1, -1):
        session = history[index]
        sets = [s for s in session.sets if s.exercise_id == exercise_id]
        if not sets:
            continue
        step, reps = _logged_rung(exercise_id, sets, setup), max(s.target_reps for s in sets)
        logged = max(s.set_number for s in sets)
        if session.completed:
            return LastDose(step, reps, logged)
        return LastDose(step, reps, max(logged, _prescribed_sets(
            exercise_id, step, reps, session, history[:index], setup)))
    return None


def _logged_rung(exercise_id: str, sets, setup: PlanSetup) -> int:
    steps = [s.step_index for s in sets if s.step_index is not None]
    if steps:
        return max(steps)
    labels = {r.label: r.step_index for r in usable_rungs(exercise_id, setup)}   # an older record
    return labels.get(sets[0].resistance, exercise(exercise_id).default_step)


def _prescribed_sets(exercise_id: str, step: int, reps: int, session: SessionRecord,
                     earlier, setup: PlanSetup) -> int:
    """How many sets a session that ended early had been given for this exercise."""
    for before in reversed(earlier):
        if not before.completed:
            continue
        sets = [s for s in before.sets if s.exercise_id == exercise_id]
        if not sets or max(s.target_reps for s in sets) != reps:
            continue
        if _logged_rung(exercise_id, sets, setup) == step:
            return max(s.set_number for s in sets)
    plan = generate_plan(setup)
    week = session.week or plan.week_number(session_day(session))
    if week >= 1:
        planned = plan.planned_exercise(exercise_id, week)
        if (planned.resolved_step_index, planned.reps) == (step, reps):
            return planned.sets
    ladder = plan.dose_ladder(exercise_id)
    matches = [sets for rung, n, sets in ladder if (rung, n) == (step, reps)]
    if matches:
        return matches[-1]
    if reps < min(n for _, n, _ in ladder):
        return 2   # a step-back dose: 2 sets with fewer reps
    return max(sets for _, _, sets in ladder)


def _usable_rung_at_or_below(exercise_id: str, setup: PlanSetup, step_index: int) -> tuple[int, Rung]:
    rungs = usable_rungs(exercise_id, setup)
    position = 0
    for i, rung in enumerate(rungs):
        if rung.step_index <= step_index:
            position = i
    return position, rungs[position]


def adjusted_exercise(plan: Plan, week: int, exercise_id: str, action: str,
                      last: LastDose | None) -> ExercisePrescription:
    """One exercise's dose for the next session, with the decision applied.

    progress: the plan as written, but never more than one step past what was last done;
    hold: the last dose again; step back: one rung down, or 2 sets with ~30 % fewer reps.
    """
    setup, timing = plan.setup, plan.timing
    planned = plan.planned_exercise(exercise_id, week)
    if exercise(exercise_id).kind is Kind.HOLD:
        return planned
    if action == PROGRESS or last is None:
        return _capped_progress(plan, week, exercise_id, last)
    position, rung = _usable_rung_at_or_below(exercise_id, setup, last.step_index)
    reps, sets = last.reps, last.sets
    if action == STEP_BACK:
        if position > 0:
            rung = usable_rungs(exercise_id, setup)[position - 1]
        else:
            sets, reps = min(sets, 2), max(5, round(reps * STEP_BACK_REP_FACTOR))
    tempo, rest = style_for_reps(reps)
    return exercise_prescription(exercise_id, sets, reps, tempo, rest,
                                 Rung(rung.step_index, label_for(exercise_id, setup, rung.step_index)),
                                 timing)


def _capped_progress(plan: Plan, week: int, exercise_id: str, last: LastDose | None):
    if last is None:
        # Never done: start at the beginning, whatever the calendar says.
        return plan.planned_exercise(exercise_id, 1)
    if week > PLAN_WEEKS and last.step_index >= plan.planned_exercise(exercise_id, week).resolved_step_index:
        return plan.planned_exercise(exercise_id, week)   # maintenance at the final load
    reached = 0
    for w in range(1, min(week, PLAN_WEEKS) + 1):
        item = plan.planned_exercise(exercise_id, w)
        if (item.resolved_step_index, item.reps, item.sets) <= last.key():
            reached = w
    if reached >= PLAN_WEEKS or reached >= week:
        return plan.planned_exercise(exercise_id, week)
    return plan.planned_exercise(exercise_id, min(week, reached + 1))


def apply_decision(plan: Plan, planned: PlannedSession, sessions,
                   decision: ProgressionDecision | None) -> SessionPrescription:
    """The planned session's prescription with the latest decision (or its override) applied."""
    action = decision.effective_action if decision else PROGRESS
    items = tuple(_within_planned(plan, planned, item, adjusted_exercise(
                      plan, planned.week, item.exercise_id, action,
                      last_dose(item.exercise_id, sessions, plan.setup)))
                  for item in planned.prescription.items)
    return replace(planned.prescription, items=items)


def _within_planned(plan: Plan, planned: PlannedSession, item: ExercisePrescription,
                    adjusted: ExercisePrescription) -> ExercisePrescription:
    """Never more sets than the session plans, and in maintenance (all five exercises)
    never more reps either, so a decision cannot push a session past its time budget."""
    sets = min(adjusted.sets, item.sets)
    reps, tempo = adjusted.reps, adjusted.tempo
    if planned.is_maintenance:
        reps, tempo = min(reps, item.reps), item.tempo
    if (sets, reps, tempo) == (adjusted.sets, adjusted.reps, adjusted.tempo):
        return adjusted
    rung = Rung(adjusted.resolved_step_index, adjusted.resistance)
    return exercise_prescription(adjusted.exercise_id, sets, reps, tempo, style_for_reps(reps)[1], rung,
                                 plan.timing)


# ------------------------------------------------------------------ what is next


@dataclass(frozen=True)
class TodaySession:
    """What the Today screen shows: the next session, its dose and the decision behind it."""

    date: dt.date
    is_today: bool
    week: int                        # 1-8, 9+ maintenance
    planned: PlannedSession          # the plan as written
    prescription: SessionPrescription  # with the decision applied: hand this to the player
    estimated_seconds: float
    decision: ProgressionDecision | None
    moved_from: dt.date | None       # a missed session slid to this date
    after_light_run: bool
    done_today: bool                 # a session is already logged today

    @property
    def estimated_minutes(self) -> int:
        return round(self.estimated_seconds / 60)

    @property
    def plan_weeks(self) -> int:
        return PLAN_WEEKS

    @property
    def is_maintenance(self) -> bool:
        return self.week > PLAN_WEEKS

    @property
    def week_label(self) -> str:
        return "Maintenance" if self.is_maintenance else f"Week {self.week} of {PLAN_WEEKS}"


def latest_decision(setup: PlanSetup, sessions, decisions=()) -> ProgressionDecision | None:
    """The decision after the latest session that counts, always read from the log as it is
    now (an edit in History changes it), with the person's stored override kept.

    The stored decision itself is returned while it still says the same, so its time stays.
    """
    history = counted_sessions(sessions)
    if not history:
        return None
    stored = {d.id: d for d in map(_as_decision, decisions)}
    current = decide(setup, history, stored.values())
    found = stored.get(current.id)
    if found is not None and replace(found, made_on=current.made_on) == current:
        return found
    return current


def _slide_day(setup: PlanSetup, day: dt.date, planned_day: dt.date, sunday: dt.date) -> dt.date:
    """A session moved off its planned day goes to the next day that is not a running day
    (someone who runs every day trains after a light run, as planned)."""
    if day == planned_day or len(setup.running_days) == 7:
        return day
    while day <= sunday and day.weekday() in setup.running_days:
        day += dt.timedelta(days=1)
    return day


def done_planned_days(plan: Plan, sessions, monday: dt.date) -> frozenset[dt.date]:
    """The planned days of a week that count as done: sessions are done in the week's order,
    so two sessions logged (on any days) tick off the week's first two planned days."""
    done = sum(1 for s in counted_sessions(sessions) if monday <= session_day(s) <= monday + dt.timedelta(days=6))
    return frozenset(p.date for p in plan.sessions_in_week(monday)[:done])


def next_planned(plan: Plan, sessions, today: dt.date) -> tuple[PlannedSession, dt.date, dt.date | None]:
    """(planned session, the day to do it, the day it slid from or None).

    Sessions are done in the week's order. One missed slides to the next day you can
    train (never two on one day); whatever does not fit before Sunday is dropped, so
    nothing is ever owed from one week to the next.
    """
    if today < plan.setup.start_date:
        first_week = plan.sessions_in_week(plan.start_monday)
        week = plan.start_monday
        while not first_week:   # a start late on a Sunday can leave week 1 empty
            week += dt.timedelta(weeks=1)
            first_week = plan.sessions_in_week(week)
        return first_week[0], first_week[0].date, None
    monday = monday_of(today)
    sunday = monday + dt.timedelta(days=6)
    done_days = [session_day(s) for s in counted_sessions(sessions)]
    this_week = [d for d in done_days if monday <= d <= sunday]
    planned = plan.sessions_in_week(monday)
    if len(this_week) < len(planned):
        upcoming = planned[len(this_week)]
        earliest = today + dt.timedelta(days=1 if today in this_week else 0)
        day = _slide_day(plan.setup, max(upcoming.date, earliest), upcoming.date, sunday)
        if day <= sunday:
            return upcoming, day, (upcoming.date if day > upcoming.date else None)
    week = monday
    while True:
        week += dt.timedelta(weeks=1)
        sessions_then = plan.sessions_in_week(week)
        if sessions_then:
            return sessions_then[0], sessions_then[0].date, None


def next_session(setup: PlanSetup, sessions, decisions=(), today: dt.date | None = None,
                 timing: Timing = Timing()) -> TodaySession:
    """Today's session, or the next one, with the latest decision applied."""
    if today is None:
        raise ValueError("next_session needs today's date (pass the clock's date)")
    plan = generate_plan(setup, timing)
    planned, day, moved_from = next_planned(plan, sessions, today)
    decision = latest_decision(setup, sessions, decisions)
    prescription = apply_decision(plan, planned, sessions, decision)
    done_today = any(session_day(s) == today for s in counted_sessions(sessions))
    return TodaySession(
        date=day, is_today=day == today, week=planned.week, planned=planned,
        prescription=prescription,
        estimated_seconds=build_timeline(prescription, timing).timed_seconds,
        decision=decision, moved_from=moved_from,
        after_light_run=day.weekday() in setup.running_days, done_today=done_today)


def morning_question_due(sessions, now: dt.datetime) -> SessionRecord | None:
    """The session to ask about ("how does the side feel against before it?"), or None.

    Only the latest session, only while unanswered, and only on the day after the day it
    ENDED, once :data:`MORNING_QUESTION_AFTER` has passed since then: a session from 23:50
    to 00:15 is not asked about at 00:20 (the side has not had a night to settle, and the
    answer could unlock progress); it is asked about the next day.
    """
    history = counted_sessions(sessions)
    if not history:
        return None
    latest = history[-1]
    if latest.next_morning is not None:
        return None
    ended = latest.ended_at or latest.started_at
    today = now.astimezone().date() if now.tzinfo else now.date()
    if ended.tzinfo is not None and now.tzinfo is None:
        ended = ended.replace(tzinfo=None)   # a naive clock: compare wall times
    elif ended.tzinfo is None and now.tzinfo is not None:
        ended = ended.astimezone()
    if ended.date() + dt.timedelta(days=1) == today and now - ended >= MORNING_QUESTION_AFTER:
        return latest
    return None


# ------------------------------------------------------------------ the 8 weeks at a glance


@dataclass(frozen=True)
class WeekStatus:
    """One row of "the 8 weeks at a glance"."""

    week: int
    monday: dt.date
    planned: int
    done: int
    status: str     # "done", "partly done", "missed", "this week" or "to come"


def week_statuses(setup: PlanSetup, sessions, today: dt.date) -> tuple[WeekStatus, ...]:
    """Weeks 1-8: past weeks done, partly done or missed; the current one; the ones to come."""
    plan = generate_plan(setup)
    done_days = [session_day(s) for s in counted_sessions(sessions)]
    rows = []
    for week in range(1, PLAN_WEEKS + 1):
        monday = plan.monday_of_week(week)
        sunday = monday + dt.timedelta(days=6)
        planned = plan.planned_count(monday)
        done = sum(1 for d in done_days if monday <= d <= sunday)
        if today > sunday:
            status = "done" if done >= planned else ("partly done" if done else "missed")
        elif today >= monday:
            status = "this week"
        else:
            status = "to come"
        rows.append(WeekStatus(week, monday, planned, done, status))
    return tuple(rows)
