"""Each exercise's own dose, replayed from the sessions: one ladder, down and up it one step.

The plan set-up, the sessions (with their next-morning answers) and the person's overrides
determine every decision and every dose: :func:`replay` walks the log oldest first, works
out the dose each session was given, and the decision after it. Nothing else is stored, so
a data file restored, imported or edited by hand gives exactly the plan the app would have
built session by session (docs/progression.md, "Always from the history").

An exercise's ladder is the plan's own doses for it, easiest first (weeks 1-8 as the plan
writes them), with two easier doses below (2 sets with about 30 % fewer reps, then 2 x 5).
A step back moves one place down it; a progress one place up, never past the plan's dose
for the week, and never within 7 days of the exercise's last change.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from itbgui.program.decisions import (CHANGE_EVERY_DAYS, EASY_PAIN, GAP_DAYS, HOLD, LONG_GAP_DAYS, PROGRESS, STEP_BACK,
                        ProgressionDecision)
from itbgui.program.clinical_state import (BUILD, EASY_EXPOSURES, PAUSED, REBUILD, REBUILD_FLOOR_REPS, ClinicalState,
                                          exercise_volume, rebuild_dose)
from itbgui.program.exercises import Kind, counted, counted_ids, exercise, session_exercises
from itbgui.program.plan import (MAINTENANCE_DOSE, PLAN_WEEKS, Plan, PlannedSession, Rung,
                                 exercise_prescription, label_for, style_for_reps)
from itbgui.program.plan_setup import monday_of
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.rule import is_easy, session_decision
from itbgui.program.sessions import counted_sessions, session_day

if TYPE_CHECKING:
    from itbgui.store.records import SessionRecord

#: (rung step index, reps, sets)
Dose = tuple[int, int, int]
#: Below the plan's first dose: "2 sets with about 30 % fewer reps", then 2 x 5.
EASIER_REPS = (5, 7)

def ladder(plan: Plan, exercise_id: str) -> tuple[Dose, ...]:
    """The exercise's doses, easiest first: two easier ones, then the plan's weeks 1-8."""
    planned = plan.dose_ladder(exercise_id)
    rung, reps, _ = planned[0]
    return tuple((rung, r, 2) for r in EASIER_REPS if r < reps) + planned

def plan_position(plan: Plan, exercise_id: str, week: int) -> int:
    """Where the plan as written puts the exercise in a week (the top after week 8)."""
    steps = ladder(plan, exercise_id)
    if week > PLAN_WEEKS:
        return len(steps) - 1
    item = plan.planned_exercise(exercise_id, max(week, 1))
    return steps.index((item.resolved_step_index, item.reps, item.sets))

def effort(exercise_id: str, step: int, reps: int, sets: int = 3) -> tuple[int, int, int]:
    """A dose's effort, comparable across set-ups: its rung's place in the catalogue's
    difficulty order, then its reps, then its sets."""
    order = [i for i, _ in exercise(exercise_id).ladder()]
    return (order.index(step) if step in order else -1), reps, sets

def place_at_or_below(plan: Plan, exercise_id: str, step: int, reps: int, sets: int = 3) -> int:
    """The highest place on the exercise's ladder (this set-up's) at equal or lower effort
    than ``sets`` x ``reps`` on rung ``step``: where a dose given under another set-up, path
    or rung lands."""
    mine = effort(exercise_id, step, reps, sets)
    places = [k for k, (s, r, n) in enumerate(ladder(plan, exercise_id)) if effort(exercise_id, s, r, n) <= mine]
    return max(places, default=0)

def logged_place(plan: Plan, exercise_id: str, session: SessionRecord) -> int | None:
    """Where the dose the session actually gave an exercise sits on its ladder (None when
    the record does not say which rung)."""
    sets = [s for s in session.sets if s.exercise_id == exercise_id and s.step_index is not None]
    if not sets:
        return None
    count = max(len({s.set_number for s in sets if s.side == side}) for side in {s.side for s in sets})
    if not session.completed:
        count = 99   # left early: the sets not reached say nothing of the dose given
    return place_at_or_below(plan, exercise_id, sets[0].step_index, max(s.target_reps for s in sets), count)

@dataclass
class ExerciseState:
    index: int                      # place on the ladder for the next time it is done
    changed_on: dt.date | None = None   # the day the current dose was first done
    owed_down: int = 0              # step-backs decided, applied the next time it is done
    owed_up: bool = False           # a progress decided, applied the next time if allowed
    owed_why: str = ""              # why owed_down, when not a flare (a break)
    easy: int = 0                   # easy exposures in a row at the current dose

@dataclass(frozen=True)
class Change:
    """What one exercise is given on a day, and why it differs from last time (if it does)."""

    index: int
    dose: Dose
    why: str = ""
    waits: bool = False   # a progress held back only by the 7 days: it stays owed

def _appearance(plan: Plan, exercise_id: str, state: ExerciseState, day: dt.date,
                last_day: dt.date | None) -> Change:
    """The dose of an exercise done on ``day``: the one rule for every session, done or ahead."""
    steps = ladder(plan, exercise_id)
    index = min(state.index, len(steps) - 1)
    cap = plan_position(plan, exercise_id, plan.week_number(day))
    gap = (day - last_day).days if last_day is not None else 0
    down, why = state.owed_down, ""
    if gap >= LONG_GAP_DAYS:
        down = max(down, 1)
        why = f"{gap} days since your last session: back in one step below where you were."
    elif gap >= GAP_DAYS and not down:
        why = f"{gap} days since your last session: back in at the dose you last did, not above it."
    if down:
        new = max(0, index - down)
        why = why or state.owed_why or "One step easier after the flare."
    elif gap < GAP_DAYS and state.owed_up and state.changed_on is not None and index < cap:
        if (day - state.changed_on).days >= CHANGE_EVERY_DAYS:
            return Change(index + 1, steps[index + 1], "One step on.")
        return Change(index, steps[index], "", waits=True)
    else:
        new = index
    return Change(new, steps[new], why)

def _commit(state: ExerciseState, change: Change, day: dt.date) -> None:
    if state.changed_on is None or change.index != state.index:
        state.changed_on = day
    if change.index != state.index:
        state.easy = 0
    state.index, state.owed_down, state.owed_up, state.owed_why = change.index, 0, change.waits, ""

def _after_break(states: dict[str, ExerciseState], done, day: dt.date, last_day: dt.date | None) -> None:
    """R12 for the exercises a session after a break does not include: nothing owed goes up,
    and after 21 days each comes back one step below the next time it is done (A and B take
    turns, so the exercises of the other session meet the break a session later)."""
    gap = (day - last_day).days if last_day is not None else 0
    if gap < GAP_DAYS:
        return
    for exercise_id, state in states.items():
        state.easy = 0   # the first session back counts as a first (R12)
        if exercise_id in done:
            continue
        state.owed_up = False
        if gap >= LONG_GAP_DAYS and not state.owed_down:
            state.owed_down = 1
            state.owed_why = f"Back after a break of {gap} days: one step below where you were."

def _apply_decision(states: dict[str, ExerciseState], decision: ProgressionDecision,
                    involved: set[str]) -> None:
    """A progress lifts each exercise with two easy exposures of its own at its dose (A and B
    take turns, so two easy sessions are not two of every exercise); a step back lowers the
    exercises it lands on."""
    action = decision.effective_action
    for exercise_id, state in states.items():
        state.owed_up = False
        if action == PROGRESS and state.easy >= EASY_EXPOSURES:
            state.owed_up = True
        elif action == STEP_BACK and (decision.scope == "all" or exercise_id in involved):
            state.owed_down += 1
            state.easy = 0

def _done_exercises(session: SessionRecord) -> set[str]:
    """The exercises the session exposed: a set skipped at 0 reps is no dose done."""
    ids = counted_ids()
    return {s.exercise_id for s in session.sets if s.exercise_id in ids and s.done_reps > 0}

@dataclass(frozen=True)
class LoggedSession:
    """One counted session as the replay saw it."""

    session: SessionRecord
    doses: dict[str, Change]        # what each exercise was given
    decision: ProgressionDecision   # what the rule decided after it
    phase: str = BUILD              # where the person stood when it was done

class PartialHistory(LookupError):
    """A history read from the start snapshot (start_state.py) was asked about a session it
    does not keep: the caller replays the whole log instead."""


@dataclass
class History:
    """The replayed log: each session's doses and decision, and every exercise's state now."""

    plan: Plan
    sessions: list[LoggedSession] = field(default_factory=list)
    #: None: every counted session is in ``sessions``. A date: a history read back from the
    #: start snapshot, keeping only the sessions Today reads (those of the last session's
    #: week, and at least the last three); asked about anything older it raises PartialHistory.
    kept_from: dt.date | None = None
    states: dict[str, ExerciseState] = field(default_factory=dict)
    #: where the person stands after the last session and answer (clinical_state)
    clinical: ClinicalState = field(default_factory=ClinicalState)
    #: the person's answers not yet read (after the last session): (when, answer)
    answers: tuple = ()

    def at_final_dose(self) -> bool:
        """Every exercise is at the top of its ladder: the build's final dose."""
        return all(state.index >= len(ladder(self.plan, e)) - 1 for e, state in self.states.items())

    def clinical_on(self, day: dt.date) -> ClinicalState:
        """The state on ``day`` (after the last session): answers given since, and a new
        week's transition if ``day`` is in a later week."""
        state = self.clinical.copy()
        for when, answer in self.answers:
            if when.date() <= day:
                state.answered(answer, when, day)
        last = self.last_day
        if last is not None and monday_of(day) > monday_of(last):
            week_start = monday_of(day)
            state.new_week(week_start, self.plan.week_number(week_start + dt.timedelta(days=6)) > PLAN_WEEKS,
                           self.at_final_dose(), self.is_settled(week_start))
        return state

    def phase_on(self, day: dt.date) -> str:
        return self.clinical_on(day).phase

    def week_phase(self, monday: dt.date) -> str:
        """The phase a calendar week was (or will be) planned in: a week with sessions, the
        phase its last session left (a flare or a pause mid-week changes the rest of it); a
        later week, the state then, with the answers given in it (a pause ended mid-week
        ends it for the days to come, as a flare mid-week starts one)."""
        monday = monday_of(monday)
        if self.last_day is None or monday >= monday_of(self.last_day):
            return self.phase_on(monday + dt.timedelta(days=6))
        self._needs(monday)
        last = [s for s in self.sessions if monday_of(session_day(s.session)) == monday]
        if last:
            return last[-1].decision.phase
        before = [s for s in self.sessions if session_day(s.session) < monday]
        return before[-1].decision.phase if before else BUILD

    @property
    def latest_decision(self) -> ProgressionDecision | None:
        return self.sessions[-1].decision if self.sessions else None

    @property
    def last_day(self) -> dt.date | None:
        return session_day(self.sessions[-1].session) if self.sessions else None

    def decision_after(self, session_id: str) -> ProgressionDecision | None:
        found = next((s.decision for s in self.sessions if s.session.id == session_id), None)
        if found is None:
            self._needs(None)
        return found

    def _needs(self, day: dt.date | None) -> None:
        """Raise PartialHistory unless the sessions from ``day`` on (None: all) are all kept."""
        if self.kept_from is not None and (day is None or day < self.kept_from):
            raise PartialHistory(day)

    def gap_note(self, day: dt.date) -> tuple[str, str] | None:
        """(action, why) when the doses on ``day`` come from the break rule, not the decision."""
        if self.last_day is None:
            return None
        gap = (day - self.last_day).days
        if gap >= LONG_GAP_DAYS:
            return STEP_BACK, (f"{gap} days since your last session: every exercise comes back "
                               "one step below where it was.")
        if gap >= GAP_DAYS:
            return HOLD, (f"{gap} days since your last session: every exercise comes back at "
                          "the dose you last did, never above it.")
        return None

    def waiting(self, prescription: SessionPrescription, day: dt.date) -> list[str]:
        """Names of the exercises in ``prescription`` whose step up waits for 7 days since
        their last change (R10), so Today can say so."""
        names = []
        for item in prescription.items:
            state = self.states.get(item.exercise_id)
            if state is None or not state.owed_up or state.changed_on is None:
                continue
            change = _appearance(self.plan, item.exercise_id, state, day, self.last_day)
            if change.waits:
                names.append(item.exercise.name.lower())
        return names

    def first_on_band(self, item: ExercisePrescription, colour: str) -> bool:
        """Does ``item`` put its exercise on the ``colour`` band for the first time (its
        current dose is on another rung)?"""
        state = self.states.get(item.exercise_id)
        band = f"{colour.capitalize()} band"
        if state is None or not item.resistance.startswith(band):
            return False
        steps = ladder(self.plan, item.exercise_id)
        step = steps[min(state.index, len(steps) - 1)][0]
        return not label_for(item.exercise_id, self.plan.setup, step).startswith(band)

    def is_settled(self, before: dt.date) -> bool:
        """Maintenance may start: the last three sessions before ``before`` had pain after
        of 3/10 or less, and the last decision gives no clinician advice."""
        if self.sessions and session_day(self.sessions[-1].session) < before:
            done = self.sessions   # the common case (each new week of the replay): no walk
        else:
            self._needs(None)
            done = [s for s in self.sessions if session_day(s.session) < before]
        recent = done[-3:]
        if len(recent) < 3 or done[-1].decision.see_clinician:
            return False
        return all(s.session.pain_after is not None and s.session.pain_after <= EASY_PAIN
                   for s in recent)

    def preview(self, planned: list[PlannedSession]) -> list[SessionPrescription]:
        """The prescriptions of sessions still to come, in order, if each is done as planned
        (the latest decision counts once per exercise; it is not a standing order)."""
        states = {k: replace(v) for k, v in self.states.items()}
        last_day, result = self.last_day, []
        used: dict[tuple[dt.date, str], int] = {}   # sets x reps given in a week, in a rebuild
        for p in planned:
            clinical = self.clinical_on(p.date)
            if clinical.phase != PAUSED:
                _after_break(states, {i.exercise_id for i in p.prescription.items}, p.date, last_day)
            items = []
            for item in p.prescription.items:
                if item.exercise_id not in states:
                    items.append(item)
                    continue
                if clinical.phase == PAUSED:
                    continue   # no strength loading while paused: the stretch only
                change = _appearance(self.plan, item.exercise_id, states[item.exercise_id],
                                     p.date, last_day)
                _commit(states[item.exercise_id], change, p.date)
                item = dose_prescription(self.plan, p, item, change.dose)
                if clinical.phase == REBUILD and item.exercise_id in clinical.rebuilding:
                    key = (monday_of(p.date), item.exercise_id)
                    if key not in used:
                        used[key] = self.volume_in_week(*key)
                    left = clinical.rebuilding[item.exercise_id].cap - used[key]
                    item = rebuild_prescription(self.plan, p, item, clinical.rebuilding[item.exercise_id], left)
                    if item is None:
                        continue   # the week's ceiling is reached: not again this week
                    used[key] += item.sets * item.reps
                items.append(item)
            if clinical.phase != PAUSED:
                last_day = p.date
            result.append(replace(p.prescription, items=tuple(items)))
        return result

    def volume_in_week(self, monday: dt.date, exercise_id: str) -> int:
        """Sets x reps per side the logged sessions of a week asked of an exercise."""
        self._needs(monday)
        return sum(exercise_volume(s.session, exercise_id) for s in self.sessions
                   if monday_of(session_day(s.session)) == monday)

    def rises(self, planned: list[PlannedSession]) -> bool:
        """Does any exercise of these sessions go up a step, if they are done as planned?"""
        states = {k: replace(v) for k, v in self.states.items()}
        last_day = self.last_day
        for p in planned:
            if self.phase_on(p.date) in (PAUSED, REBUILD):
                return False
            _after_break(states, {i.exercise_id for i in p.prescription.items}, p.date, last_day)
            for item in p.prescription.items:
                if item.exercise_id in states:
                    state = states[item.exercise_id]
                    change = _appearance(self.plan, item.exercise_id, state, p.date, last_day)
                    if change.index > state.index:
                        return True
                    _commit(state, change, p.date)
            last_day = p.date
        return False

def initial_states(plan: Plan) -> dict[str, ExerciseState]:
    return {ex.id: ExerciseState(plan_position(plan, ex.id, 1)) for ex in counted()}

def replay(plan: Plan, sessions, overrides: dict[str, str] | None = None, answers=(), runs=()) -> History:
    """Walk the counted sessions oldest first (see the module docstring). ``answers``: the
    person's recorded answers that end a pause, as (time, "cleared" or "settled"); ``runs``:
    the run log, each run read by the decision after the session before it (the one that
    sets the next session's dose)."""
    overrides = overrides or {}
    history = History(plan, states=initial_states(plan))
    counted = counted_sessions(sessions)
    pending = sorted(answers, key=lambda a: a[0])
    previous: ProgressionDecision | None = None
    window_start = 0
    runs = sorted(runs, key=lambda r: r.started_at)
    starts = [r.started_at for r in runs]
    for k, session in enumerate(counted):
        day = session_day(session)
        while pending and pending[0][0] <= session.started_at:
            when, answer = pending.pop(0)
            if history.clinical.answered(answer, when, when.date()):
                window_start = k
                _resume(history.states)
        if history.sessions:
            history.clinical = history.clinical_on(day)   # a new week's transition
        phase = history.clinical.phase
        done = _done_exercises(session)
        _after_break(history.states, done, day, history.last_day)
        doses = {}
        for exercise_id in sorted(done):
            state = history.states[exercise_id]
            change = _appearance(plan, exercise_id, state, day, history.last_day)
            _commit(state, change, day)
            if phase == BUILD:
                _anchor(state, logged_place(plan, exercise_id, session), day)
            doses[exercise_id] = change
        decision = session_decision(plan, counted[:k + 1], previous, overrides.get(session.id),
                                    counted[window_start:k + 1], phase,
                                    _runs_after(runs, starts, session,
                                                counted[k + 1] if k + 1 < len(counted) else None))
        for exercise_id in done:
            state = history.states[exercise_id]
            state.easy = state.easy + 1 if is_easy(session, exercise_id) else 0
        _apply_decision(history.states, decision, done)
        history.clinical.after_session(
            session, day, decision.effective_action, decision.scope == "all", done, is_easy(session),
            lambda: _week_volumes(counted, k, day), list(decision.clinician_reasons))
        decision = replace(decision, phase=history.clinical.phase)
        history.sessions.append(LoggedSession(session, doses, decision, phase))
        previous = decision
    history.answers = tuple(pending)
    return history


def _runs_after(runs: list, starts: list, session: SessionRecord, following: SessionRecord | None) -> list:
    """The runs (sorted, ``starts`` their start times) from ``session``'s start up to the next session's."""
    if not runs:
        return []
    lo = bisect.bisect_left(starts, session.started_at)
    hi = len(runs) if following is None else bisect.bisect_left(starts, following.started_at)
    return runs[lo:hi]


def _anchor(state: ExerciseState, logged: int | None, day: dt.date) -> None:
    """The dose last given is what the next decision builds on, where it is easier than the
    replay's: a session deleted or edited, a rung corrected in History, a set-up or path
    changed never lifts an exercise by more than one rung from what it last did. (Never
    upwards: a higher dose logged does not raise past the rule.)"""
    if logged is not None and logged < state.index:
        state.index, state.changed_on, state.easy = logged, day, 0


def _resume(states: dict[str, ExerciseState]) -> None:
    """A pause ended: every exercise comes back one step below where it paused."""
    for state in states.values():
        state.owed_down, state.owed_up = max(state.owed_down, 1), False


def _week_volumes(sessions, k: int, flare_day: dt.date) -> dict[str, int]:
    """Each exercise's sets x reps in the 7 days before the flare (``sessions[k]``; its own
    when nothing was done then): the weekly ceiling of a rebuild."""
    before = []
    for s in reversed(sessions[:k]):
        gap = (flare_day - session_day(s)).days
        if gap > 7:
            break
        if gap > 0:
            before.append(s)
    before = before or [sessions[k]]
    return {e: sum(exercise_volume(s, e) for s in before) or MAINTENANCE_DOSE.sets * MAINTENANCE_DOSE.reps
            for e in (ex.id for ex in counted())}


def exposures_a_week(plan: Plan, exercise_id: str, monday: dt.date) -> int:
    """The most times an exercise can come round in a build week (A and B take turns)."""
    count = len(plan.sessions_in_week(monday, build_on=True))
    both = exercise_id in session_exercises("A") and exercise_id in session_exercises("B")
    return count if both else (count + 1) // 2


def rebuild_prescription(plan: Plan, planned: PlannedSession, item: ExercisePrescription,
                         rebuilding, left: int) -> ExercisePrescription | None:
    """The exercise in a rebuild week: its rung, 2 sets of fewer reps, within the weekly
    ceiling (``left`` of it this week); None when nothing is left this week."""
    if left <= 0:
        return None
    sets, reps = rebuild_dose(rebuilding, item.reps, exposures_a_week(plan, item.exercise_id, planned.date))
    if sets * reps > left:
        if left < REBUILD_FLOOR_REPS:
            return None   # less than a set at the floor is left: not again this week
        sets, reps = (2, left // 2) if left >= 2 * REBUILD_FLOOR_REPS else (1, left)
    tempo, rest = style_for_reps(reps)
    rung = Rung(item.resolved_step_index, label_for(item.exercise_id, plan.setup, item.resolved_step_index))
    return exercise_prescription(item.exercise_id, sets, reps, tempo, rest, rung, plan.timing)

def dose_prescription(plan: Plan, planned: PlannedSession, item: ExercisePrescription,
                      dose: Dose) -> ExercisePrescription:
    """One exercise's prescription at a ladder dose, in the planned session's frame: never
    more sets than the session plans, and in maintenance (all five exercises) never more
    reps either, so no dose pushes a session past its time budget."""
    step, reps, sets = dose
    if item.exercise.kind is Kind.HOLD:
        return item
    sets = min(sets, item.sets)
    rung = Rung(step, label_for(item.exercise_id, plan.setup, step))
    if planned.template == "M":   # maintenance: its sets, reps and tempo at the rung reached
        reps = min(reps, item.reps)
        return exercise_prescription(item.exercise_id, sets, reps, MAINTENANCE_DOSE.tempo,
                                     MAINTENANCE_DOSE.rest_seconds, rung, plan.timing)
    if (step, reps, sets) == (item.resolved_step_index, item.reps, item.sets):
        return item
    for week in range(1, PLAN_WEEKS + 1):
        written = plan.planned_exercise(item.exercise_id, week)   # its own tempo and rest
        if (written.resolved_step_index, written.reps, written.sets) == (step, reps, sets):
            return written
    tempo, rest = style_for_reps(reps)
    return exercise_prescription(item.exercise_id, sets, reps, tempo, rest, rung, plan.timing)
