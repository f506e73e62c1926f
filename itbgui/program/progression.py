"""Pain-guided progression, the public face: the decision after a session, today's session
with every exercise's own dose, the next-morning question and the weeks at a glance.

The rule itself is in :mod:`.rule`, each exercise's dose state in :mod:`.dose_state`, the
decision and the stored override in :mod:`.decisions`. Everything here is worked out from
the plan set-up, the sessions and the person's overrides (docs/progression.md). Pure
Python: time always comes in as an argument.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from itbgui.program.decisions import (ACCEPTABLE_PAIN, ACTIONS, CHANGE_EVERY_DAYS, EASY_PAIN, GAP_DAYS, HOLD,  # noqa: F401
                        LONG_GAP_DAYS, MEANINGFUL_CHANGE, MORNING_QUESTION_AFTER, PROGRESS,
                        REVIEW_WEEK, SEVERE_PAIN, STEP_BACK, Override, ProgressionDecision,
                        answer_doc, answers_from, decision_id, overrides_from,
                        stored_decisions)
from itbgui.program.clinical_state import ANSWERS, MAINTENANCE, PAUSED, REBUILD
from itbgui.program.dose_state import History, PartialHistory, replay
from itbgui.program.exercises import band_skip, only_in
from itbgui.program.plan import PLAN_WEEKS, Plan, PlannedSession, generate_plan, session_exercises, week_title
from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.program.prescription import SessionPrescription
from itbgui.program.resume import ResumePoint, resumable_session, resume_point
from itbgui.program.rule import PAUSE_REASON, exercise_kind, weekly_baselines  # noqa: F401
from itbgui.program.sessions import (counted_sessions, is_stretch_session, plan_sessions, session_day,
                                     session_status)
from itbgui.program.timeline import Timing, build_timeline

if TYPE_CHECKING:   # records are plain data; the rule only reads their fields
    from itbgui.store.records import SessionRecord


def history_of(setup: PlanSetup, sessions, decisions=(), timing: Timing = Timing(), runs=()) -> History:
    """The replayed log: every session's doses and the decision after it (the runs read in)."""
    return replay(generate_plan(setup, timing), sessions, overrides_from(decisions), answers_from(decisions),
                  runs)


def decide(setup: PlanSetup, sessions, decisions=(), made_on: dt.datetime | None = None,
           session_id: str | None = None, runs=()) -> ProgressionDecision | None:
    """The decision after a session (default: the latest that counts), from the log up to it.

    ``decisions`` are the person's stored overrides (or decisions, or their documents);
    everything else is worked out from the sessions. ``made_on`` is kept for the caller's
    call shape; a decision's time is its session's end.
    """
    counted = history = counted_sessions(sessions)
    if session_id is not None:
        upto = next((i for i, s in enumerate(history) if s.id == session_id), None)
        if upto is None:
            return None
        history = history[:upto + 1]
        if upto + 1 < len(counted):   # only the runs this decision came before
            runs = [r for r in runs if r.started_at < counted[upto + 1].started_at]
    return history_of(setup, history, decisions, runs=runs).latest_decision


def latest_decision(setup: PlanSetup, sessions, decisions=(), runs=()) -> ProgressionDecision | None:
    """The decision after the latest session that counts, read from the log as it is now
    (an edit in History changes it), with the person's stored override kept."""
    return history_of(setup, sessions, decisions, runs=runs).latest_decision


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
    #: the session left early today that Start carries on, and where (None: a new session)
    resume: ResumePoint | None = None
    #: a second session today, asked for after the day's session (see extra_session)
    is_extra: bool = False
    #: how today's latest session went ("complete", "partial", "ended early"), or None
    today_status: str | None = None

    @property
    def estimated_minutes(self) -> int:
        return round(self.estimated_seconds / 60)

    @property
    def plan_weeks(self) -> int:
        return PLAN_WEEKS

    @property
    def is_maintenance(self) -> bool:
        return self.planned.is_maintenance

    @property
    def week_label(self) -> str:
        phase = self.decision.phase if self.decision is not None else None
        return week_title(self.week, self.is_maintenance, phase)


def build_phase_continues(plan: Plan, history: History, monday: dt.date) -> bool:
    """After week 8 the build goes on until the clinical state says maintenance: every
    exercise at its final dose and settled (clinical_state); a rebuild or a pause plans the
    build's sessions too."""
    return plan.week_number(monday_of(monday) + dt.timedelta(days=6)) > PLAN_WEEKS and \
        history.week_phase(monday) != MAINTENANCE


def planned_week(plan: Plan, history: History | None, monday: dt.date) -> tuple[PlannedSession, ...]:
    """The week's planned sessions in the phase the history puts it in."""
    build_on = history is not None and build_phase_continues(plan, history, monday)
    return plan.sessions_in_week(monday, build_on=build_on)


def _template_done(session: SessionRecord) -> str | None:
    done = {s.exercise_id for s in session.sets}
    a, b = done & only_in("A"), done & only_in("B")
    return "M" if a and b else "A" if a else "B" if b else None


def alternated(plan: Plan, planned: PlannedSession, last_template: str | None) -> PlannedSession:
    """A and B take turns by what was done, not by the calendar: someone who trains once a
    week (or misses the B sessions) still meets all five exercises."""
    if planned.template not in ("A", "B") or last_template != planned.template:
        return planned
    other = "B" if planned.template == "A" else "A"
    week = min(planned.week, PLAN_WEEKS)
    items = tuple(plan.planned_exercise(ex_id, week) for ex_id in session_exercises(other))
    prescription = replace(planned.prescription, items=items)
    seconds = build_timeline(prescription, plan.timing).timed_seconds
    return replace(planned, prescription=prescription, template=other, estimated_seconds=seconds,
                   estimated_minutes=round(seconds / 60))


def _slide_day(setup: PlanSetup, day: dt.date, planned_day: dt.date, sunday: dt.date) -> dt.date:
    """A session moved off its planned day goes to the next day that is not a running day
    (someone who runs every day trains after a light run, as planned)."""
    if day == planned_day or len(setup.running_days) == 7:
        return day
    while day <= sunday and day.weekday() in setup.running_days:
        day += dt.timedelta(days=1)
    return day


def ticking_sessions(sessions, history: History) -> list[SessionRecord]:
    """The sessions that tick off planned days: :func:`plan_sessions`, and the stretch-only
    sessions of weeks where strength work was paused or its weekly ceiling reached."""
    ticking = plan_sessions(sessions)
    stretch = [s for s in sessions if is_stretch_session(s)
               and history.week_phase(session_day(s)) in (PAUSED, REBUILD)]
    return sorted(ticking + stretch, key=lambda s: s.started_at) if stretch else ticking


def done_planned_days(plan: Plan, sessions, monday: dt.date,
                      history: History | None = None) -> frozenset[dt.date]:
    """The planned days of a week that count as done: sessions are done in the week's order,
    so two sessions logged (on any days) tick off the week's first two planned days."""
    if history is None:
        history = replay(plan, sessions)
    done = sum(1 for s in ticking_sessions(sessions, history)
               if monday <= session_day(s) <= monday + dt.timedelta(days=6))
    return frozenset(p.date for p in planned_week(plan, history, monday)[:done])


def next_planned(plan: Plan, sessions, today: dt.date,
                 history: History | None = None) -> tuple[PlannedSession, dt.date, dt.date | None]:
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
    if history is None:
        history = replay(plan, sessions)
    monday = monday_of(today)
    sunday = monday + dt.timedelta(days=6)
    done_days = [session_day(s) for s in ticking_sessions(sessions, history)]
    this_week = [d for d in done_days if monday <= d <= sunday]
    planned = planned_week(plan, history, monday)
    rested = _rested_from(sessions)
    if len(this_week) < len(planned):
        upcoming = planned[len(this_week)]
        earliest = today + dt.timedelta(days=1 if today in this_week else 0)
        day = _slide_day(plan.setup, max(upcoming.date, earliest, rested), upcoming.date, sunday)
        if day <= sunday:
            return upcoming, day, (upcoming.date if day > upcoming.date else None)
    week = monday
    while True:
        week += dt.timedelta(weeks=1)
        sessions_then = planned_week(plan, history, week)
        if sessions_then:
            first = sessions_then[0]
            day = _slide_day(plan.setup, max(first.date, rested), first.date, week + dt.timedelta(days=6))
            if day > first.date and day <= week + dt.timedelta(days=6):
                return first, day, first.date
            return first, first.date, None


def _rested_from(sessions) -> dt.date:
    """The first day with a rest day behind it since the last strength session that counts
    (a partial one, under half its reps, does not): never two on consecutive days, after a
    missed day or a session on an unplanned day too (R16)."""
    strength = [session_day(s) for s in plan_sessions(sessions) if not is_stretch_session(s)]
    return max(strength) + dt.timedelta(days=2) if strength else dt.date.min


def shown_decision(history: History, day: dt.date,
                   upcoming: list[PlannedSession] | None = None) -> ProgressionDecision | None:
    """The latest decision as it applies on ``day``, with the phase then: a pause (strength
    work stopped), a pause just ended by the person's answer, a break of 10 days or more
    (R12) or a phase that changes nothing say so, whatever the last session's decision was.
    ``upcoming``: the next session(s); a "progress" that moves no dose in them is a hold."""
    decision = history.latest_decision
    if decision is None:
        return None
    clinical = history.clinical_on(day)
    note = history.gap_note(day)
    last = history.sessions[-1].session
    resumed = clinical.resumed_on is not None and clinical.resumed_on >= (last.ended_at or last.started_at)
    if clinical.phase == PAUSED:
        decision = replace(decision, action=STEP_BACK, reason=PAUSE_REASON, overridden_to=None,
                           see_clinician=True, clinician_reasons=clinical.reasons,
                           clinician_reason=" ".join(clinical.reasons))
    elif resumed:
        decision = replace(decision, action=STEP_BACK, overridden_to=None, see_clinician=False,
                           clinician_reason="", clinician_reasons=(), reason=(
                               f"{ANSWERS[clinical.answer]} Strength work starts again, every "
                               "exercise one step below where it paused."))
    elif note and decision.effective_action == STEP_BACK:
        # A flare before the break still steps back: say so, and the break as well (R12).
        gap = (day - history.last_day).days
        decision = replace(decision, reason=(
            f"{decision.reason} {gap} days since your last session too: nothing comes back "
            "above the dose you last did."))
    elif note:
        decision = replace(decision, action=note[0], reason=note[1], overridden_to=None)
    elif clinical.phase == MAINTENANCE and decision.effective_action != STEP_BACK:
        decision = replace(decision, action=HOLD, overridden_to=None, reason=(
            "Maintenance: once a week, the dose you reached stays the same."))
    elif clinical.phase == REBUILD and decision.effective_action != STEP_BACK:
        decision = replace(decision, action=HOLD, overridden_to=None, reason=(
            "Rebuilding after the flare: sessions as in the build, each exercise at 2 sets of "
            "fewer reps, and never more in a week than the week before the flare. The dose "
            "stays until an exercise has had two easy sessions."))
    elif (decision.effective_action == PROGRESS and upcoming is not None
          and not history.rises(upcoming)):
        decision = replace(decision, action=HOLD, overridden_to=None, reason=(
            "Two easy sessions in a row, but none of the next session's exercises can go up "
            "yet (each needs two easy sessions of its own at its dose, changes at most once in "
            "7 days, and never past the plan's week), so the same dose comes round again."))
    return replace(decision, phase=clinical.phase)


def next_decision(history: History, planned: PlannedSession,
                  prescription: SessionPrescription) -> ProgressionDecision | None:
    """The decision Today, the printed week and ``week --json`` all show before the next
    session (``planned`` on its day, ``prescription`` its doses)."""
    decision = shown_decision(history, planned.date, [planned])
    if decision is not None and decision.effective_action == PROGRESS:
        waiting = history.waiting(prescription, planned.date)
        if waiting:
            decision = replace(decision, reason=f"{decision.reason} Not yet for {', '.join(waiting)}: "
                                                "each exercise changes at most once in 7 days.")
    skip = band_skip(history.plan.setup)
    if decision is not None and skip:
        onto = [i.exercise.name.lower() for i in prescription.items if history.first_on_band(i, skip[1])]
        if onto:
            decision = replace(decision, reason=(
                f"{decision.reason} The {' and the '.join(onto)} go from the {skip[0]} band to "
                f"the {skip[1]}: that skips a colour (about 50 % more, not 25 %). If it is too "
                "much, do fewer reps and say so, or add the colour between in the set-up."))
    return decision


def upcoming_decision(setup: PlanSetup, history: History, sessions, today: dt.date,
                      timing: Timing = Timing()) -> ProgressionDecision | None:
    """:func:`next_decision` for the next session as of ``today`` (what Today shows)."""
    plan = history.plan
    planned, day, _ = next_planned(plan, sessions, today, history)
    last = history.sessions[-1].session if history.sessions else None
    planned = replace(alternated(plan, planned, _template_done(last) if last else None), date=day)
    return next_decision(history, planned, history.preview([planned])[0])


def next_session(setup: PlanSetup, sessions, decisions=(), today: dt.date | None = None,
                 timing: Timing = Timing(), history: History | None = None, runs=()) -> TodaySession:
    """Today's session, or the next one, each exercise at its own dose (see dose_state).

    ``history``: the log already replayed with this set-up and timing (``decisions`` are
    then not read again); one read back from the start snapshot comes with only the
    sessions of its last week as ``sessions`` (start_state.py), and raises PartialHistory
    where that is not enough."""
    if today is None:
        raise ValueError("next_session needs today's date (pass the clock's date)")
    left = resumable_session(sessions, today)
    if left is not None:   # carried on, not a new session: today is worked out without it
        if history is not None and history.kept_from is not None:
            raise PartialHistory("a session to carry on: the log is replayed without it")
        before = next_session(setup, [s for s in sessions if s.id != left.id], decisions, today, timing,
                              runs=runs)
        point = resume_point(build_timeline(before.prescription, timing), left)
        if point is not None:
            return replace(before, date=today, is_today=True, resume=point,
                           today_status=session_status(left))
    if history is None:
        history = replay(generate_plan(setup, timing), sessions, overrides_from(decisions), answers_from(decisions),
                         runs)
    plan = history.plan
    planned, day, moved_from = next_planned(plan, sessions, today, history)
    last = history.sessions[-1].session if history.sessions else None
    planned = alternated(plan, planned, _template_done(last) if last else None)
    prescription = history.preview([replace(planned, date=day)])[0]
    decision = next_decision(history, replace(planned, date=day), prescription)
    todays = [s for s in counted_sessions(sessions) if session_day(s) == today]
    stretched = any(session_day(s) == today for s in ticking_sessions(sessions, history))
    done_today = bool(todays) or stretched
    return TodaySession(
        date=day, is_today=day == today, week=planned.week, planned=planned,
        prescription=prescription,
        estimated_seconds=build_timeline(prescription, timing).timed_seconds,
        decision=decision, moved_from=moved_from,
        after_light_run=day.weekday() in setup.running_days, done_today=done_today,
        today_status=session_status(todays[-1]) if todays else None)


def extra_session(setup: PlanSetup, session: TodaySession, today: dt.date,
                  timing: Timing = Timing()) -> TodaySession:
    """``session`` (the next one, planned for a later day) done today instead, asked for first.

    Within its own week it is that session, done early. From a later week it is an extra
    session of this one: its title and week say so, so History, the Plan and ``week`` show
    it on the day it was done, not as next week's first session.
    """
    if session.is_today:
        return session
    plan = generate_plan(setup, timing)
    week = plan.week_number(today)
    if monday_of(session.date) == monday_of(today) or week < 1:   # early, not extra
        return replace(session, date=today, is_today=True, moved_from=None)
    if week > PLAN_WEEKS and session.is_maintenance:
        title = f"Maintenance, week {week} · extra session"
    elif week > PLAN_WEEKS:
        title = f"Week {week} · building on · extra session"
    else:
        title = f"Week {week} of {PLAN_WEEKS} · extra session"
    prescription = replace(session.prescription, title=title, week=week)
    return replace(session, date=today, is_today=True, moved_from=None, is_extra=True,
                   prescription=prescription, week=week)


def week_prescriptions(setup: PlanSetup, sessions, decisions, monday: dt.date, today: dt.date,
                       timing: Timing = Timing(), runs=()) -> dict[dt.date, tuple[PlannedSession, SessionPrescription]]:
    """The sessions of a week still to do, on the days they will be done, each with its
    session (A and B taking turns by what was done) and its doses as each exercise's state
    gives them if the plan is followed. As on Today (next_planned), the sessions are done in
    the week's order: one whose day went by without it slides to today or the next day one
    can train, and what no longer fits the week is dropped."""
    plan = generate_plan(setup, timing)
    history = replay(plan, sessions, overrides_from(decisions), answers_from(decisions), runs)
    upcoming = []
    last = history.sessions[-1].session if history.sessions else None
    template = _template_done(last) if last else None
    week = monday_of(max(today, history.last_day or today))
    while week <= monday:
        done = done_planned_days(plan, sessions, week, history)
        for p in planned_week(plan, history, week):
            if p.date not in done:
                p = alternated(plan, p, template)
                template = p.template
                upcoming.append(p)
        week += dt.timedelta(weeks=1)
    upcoming = rested_days(setup, upcoming, max(_rested_from(sessions), today))
    return {p.date: (p, rx) for p, rx in zip(upcoming, history.preview(upcoming))
            if monday <= p.date <= monday + dt.timedelta(days=6)}


def rested_days(setup: PlanSetup, upcoming: list[PlannedSession], rested: dt.date) -> list[PlannedSession]:
    """The sessions to come on the days they will be done: none the day after a strength
    session (the last one done, or the one before it here), each slid to the next day that
    is not a running day; one that no longer fits its week is dropped (nothing is owed), as
    Today does it (R16)."""
    placed = []
    for p in upcoming:
        floor = max(p.date, rested)
        sunday = monday_of(p.date) + dt.timedelta(days=6)
        day = _slide_day(setup, floor, p.date, sunday) if floor > p.date else p.date
        if day > sunday:
            continue
        placed.append(replace(p, date=day))
        rested = day + dt.timedelta(days=2)
    return placed


def morning_question_due(sessions, now: dt.datetime) -> SessionRecord | None:
    """The session to ask about ("how does the side feel against before it?"), or None.

    Only the latest session, only while unanswered (so until the next session starts), from
    the day after the day it ENDED on, any later day too (an answer missed on the morning
    is still worth having: without it nothing goes up), once :data:`MORNING_QUESTION_AFTER`
    has passed since then: a session from 23:50 to 00:15 is not asked about at 00:20 (the
    side has not had a night to settle, and the answer could unlock progress).
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
    if ended.date() + dt.timedelta(days=1) <= today and now - ended >= MORNING_QUESTION_AFTER:
        return latest
    return None


# ------------------------------------------------------------------ the 8 weeks at a glance


@dataclass(frozen=True)
class WeekStatus:
    """One row of "the 8 weeks at a glance"."""

    week: int
    monday: dt.date
    planned: int
    done: int       # planned sessions ticked off (never more than planned)
    status: str     # "done", "partly done", "missed", "this week" or "to come"
    extra: int = 0  # sessions beyond the planned count


def week_statuses(setup: PlanSetup, sessions, today: dt.date) -> tuple[WeekStatus, ...]:
    """Weeks 1-8: past weeks done, partly done or missed; the current one; the ones to come."""
    plan = generate_plan(setup)
    done_days = [session_day(s) for s in plan_sessions(sessions)]
    rows = []
    for week in range(1, PLAN_WEEKS + 1):
        monday = plan.monday_of_week(week)
        sunday = monday + dt.timedelta(days=6)
        planned = plan.planned_count(monday)
        logged = sum(1 for d in done_days if monday <= d <= sunday)
        done, extra = min(logged, planned), max(0, logged - planned)
        if today > sunday:
            status = "done" if done >= planned else ("partly done" if done else "missed")
        elif today >= monday:
            status = "this week"
        else:
            status = "to come"
        rows.append(WeekStatus(week, monday, planned, done, status, extra))
    return tuple(rows)
