"""The rule: after one session, progress, hold or step back, and whether to see a clinician.

A pain-monitoring rule (Silbernagel et al. 2007, as set out in PROGRAM.md and
docs/progression.md): pain up to about 5/10 during the work is acceptable if it settles
by the next morning and does not creep up from week to week. This module reads the log
only; what a decision does to each exercise's dose is in :mod:`.dose_state`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from itbgui.program.decisions import (ACCEPTABLE_PAIN, EASY_PAIN, GAP_DAYS, HOLD, MEANINGFUL_CHANGE, PROGRESS,
                        REVIEW_WEEK, SEVERE_PAIN, STEP_BACK, ProgressionDecision, decision_id)
from itbgui.program.exercises import Kind, exercise
from itbgui.program.return_to_run import run_pause_reasons, run_warning
from itbgui.program.sessions import is_partial, session_day

if TYPE_CHECKING:
    from itbgui.store.records import SessionRecord
    from itbgui.program.plan import Plan

SETTLED = ("better", "same")


def pain_during(session: SessionRecord) -> int | None:
    """The worst pain during the session, where the record has it (asked with the after score)."""
    return getattr(session, "pain_during", None)


def peak_pain(session: SessionRecord) -> int | None:
    """The worst pain logged around the session: during (the main trigger, PROGRAM.md), or
    before and after where during was not asked."""
    values = [p for p in (session.pain_before, pain_during(session), session.pain_after) if p is not None]
    return max(values) if values else None


def pain_words(session: SessionRecord, peak: int) -> str:
    """Which score the peak was, named as asked: pain before is never called "during"."""
    if pain_during(session) == peak:
        return "Worst pain during the session was"
    if session.pain_after == peak:
        return "Pain after the session was"
    return "Pain before the session was"


def pain_logged(session: SessionRecord) -> bool:
    """Both pain numbers are there: a session without them cannot show the dose was easy."""
    return session.pain_before is not None and session.pain_after is not None


def exercise_kind(exercise_id: str) -> Kind | None:
    try:
        return exercise(exercise_id).kind
    except KeyError:
        return None


def reps_short(session: SessionRecord, exercise_id: str | None = None) -> bool:
    return any(s.done_reps < s.target_reps for s in session.sets
               if exercise_kind(s.exercise_id) is Kind.REPS
               and (exercise_id is None or s.exercise_id == exercise_id))


def session_easy(session: SessionRecord) -> bool:
    """PROGRAM.md's progress condition for one session, sets aside: pain 3/10 or less (both
    logged), settled by the next morning (answered), finished."""
    peak = peak_pain(session)
    return (pain_logged(session) and peak is not None and peak <= EASY_PAIN
            and session.next_morning in SETTLED and session.completed)


def is_easy(session: SessionRecord, exercise_id: str | None = None) -> bool:
    """:func:`session_easy` and every set at its target (of ``exercise_id`` only, if given):
    an easy exposure of that exercise."""
    return session_easy(session) and not reps_short(session, exercise_id)


def short_exercises(session: SessionRecord) -> list[str]:
    """The counted exercises of the session with a set under its target, in session order."""
    return list(dict.fromkeys(s.exercise_id for s in session.sets
                              if exercise_kind(s.exercise_id) is Kind.REPS and s.done_reps < s.target_reps))


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def weekly_baselines(plan: Plan, sessions) -> dict[int, float]:
    """Average pain before sessions, per plan week (the resting level, our stand-in for morning pain)."""
    by_week: dict[int, list[int]] = {}
    for s in sessions:
        if s.pain_before is not None:
            by_week.setdefault(plan.week_number(session_day(s)), []).append(s.pain_before)
    return {week: sum(values) / len(values) for week, values in sorted(by_week.items())}


def rising_three_weeks(plan: Plan, sessions) -> tuple[float, float, float] | None:
    """The resting level (pain before) rose three plan weeks running, by 1 or more in all.
    Only the last three weeks matter, so only their sessions are read (cheap over years)."""
    if not sessions:
        return None
    last_week = plan.week_number(session_day(sessions[-1]))
    if last_week == 0:
        # Before the plan's start every session is week 0: one week, nothing can rise. (Read
        # on, a history logged before a new plan would be walked whole after each session.)
        return None
    recent = []
    for s in reversed(sessions):
        if plan.week_number(session_day(s)) < last_week - 2:
            break
        recent.append(s)
    weekly = weekly_baselines(plan, recent)
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


def fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _action(plan: Plan, history: list[SessionRecord]) -> tuple[str, str, str]:
    """(action, reason, scope). Step back beats hold beats progress; the first matching
    reason is the one shown. Scope "all" when the whole hip needs a rest (severe pain, a
    rising resting level), else "session": the exercises that session held."""
    session = history[-1]
    peak = peak_pain(session)
    if peak is not None and peak > ACCEPTABLE_PAIN:
        scope = "all" if peak >= SEVERE_PAIN else "session"
        which = "every exercise goes" if scope == "all" else "the exercises of that session go"
        return STEP_BACK, (f"{pain_words(session, peak)} {peak}/10, above the 5 that is fine with "
                           f"this work. Next time {which} one step easier."), scope
    if session.next_morning == "worse":
        return STEP_BACK, ("The morning after, your side felt worse than before the session. "
                           "Next time the exercises of that session go one step easier."), "session"
    rising = rising_three_weeks(plan, history)
    if rising:
        a, b, c = map(fmt, rising)
        return STEP_BACK, (f"Your pain before sessions has crept up three weeks running "
                           f"({a}, {b}, {c}). Next time every exercise goes one step easier."), "all"
    if is_partial(session):
        return HOLD, ("Under half the reps of the last session were done, so it counts as short "
                      "and the same dose comes round again."), "session"
    if not session.completed:
        return HOLD, "The last session ended early, so the same dose comes round again.", "session"
    if peak is not None and peak > EASY_PAIN:
        if session.next_morning in SETTLED:
            return HOLD, (f"{pain_words(session, peak)} {peak}/10 and settled by the next morning. "
                          "That is fine; repeat this dose before adding more."), "session"
        return HOLD, (f"{pain_words(session, peak)} {peak}/10. That is acceptable if it settles by "
                      "tomorrow morning; repeat this dose before adding more."), "session"
    if not pain_logged(session):
        if session.pain_before is None and session.pain_after is None:
            return HOLD, "No pain was logged, so the dose stays.", "session"
        missing = "before" if session.pain_before is None else "after"
        return HOLD, f"Pain {missing} the session was not logged, so the dose stays.", "session"
    short = short_exercises(session)
    done = {s.exercise_id for s in session.sets if exercise_kind(s.exercise_id) is Kind.REPS}
    if short and set(short) >= done:
        return HOLD, "Some sets fell short of their target, so the same dose comes round again.", "session"
    if len(history) < 2:
        return HOLD, ("A good first session: the dose stays. One more like it and the plan can "
                      "move on."), "session"
    if session.next_morning is None:
        return HOLD, ("Nothing goes up until you have said how your side felt the next morning; "
                      "until then the dose stays."), "session"
    before = history[-2]
    if (session_day(session) - session_day(before)).days >= GAP_DAYS:
        return HOLD, ("A good first session after the break: the dose stays. One more like it "
                      "and the plan can move on."), "session"
    if not session_easy(before) and before.next_morning is None and session_easy(
            dataclasses.replace(before, next_morning="same")):
        return HOLD, ("The session before this one has no answer to the morning question, so "
                      "there is no telling it settled: the dose stays. Answer it in History "
                      "(Edit session); one more easy session with its answer and the plan can "
                      "move on."), "session"
    if not session_easy(before):
        return HOLD, ("An easy session: the dose stays. One more like it and the plan can move "
                      "on."), "session"
    reason = ("Two easy sessions in a row: pain 3/10 or less, settled by the next morning, every "
              "set done. The plan moves on, each exercise after two easy sessions of its own.")
    if short:
        names = ", ".join(exercise(e).name.lower() for e in short)
        reason = reason.replace("every set done", "sets done") + f" Not for the {names}: some of its sets fell short."
    return PROGRESS, reason, "session"


def clinician_reasons(plan: Plan, history, action: str,
                      previous: ProgressionDecision | None) -> list[str]:
    reasons = []
    recent = history[-3:]
    severe = sum(1 for s in recent if (peak_pain(s) or 0) >= SEVERE_PAIN)
    if severe >= 2:
        reasons.append(f"Pain of 7/10 or more in {severe} of your last {len(recent)} sessions.")
    if len(history) >= 4:
        start = _mean(s.pain_before for s in history[:3])
        now = _mean(s.pain_before for s in history[-3:])
        if start is not None and now is not None and now - start >= MEANINGFUL_CHANGE:
            reasons.append(f"Your pain before sessions has risen from about {fmt(start)} "
                           f"to {fmt(now)} out of 10.")
    if action == STEP_BACK and previous is not None and previous.effective_action == STEP_BACK:
        reasons.append("Two step-backs in a row.")
    review = _week_six_check(plan, history)
    if review:
        reasons.append(review)
    return reasons


def _week_six_check(plan: Plan, history) -> str | None:
    """Once, after the first session in week 6 or later: is pain, before and after
    sessions, no lower than over the first three sessions (and still 2/10 or more)?"""
    week = plan.week_number(session_day(history[-1]))
    if week < REVIEW_WEEK or len(history) < 4:
        return None
    if len(history) > 1 and plan.week_number(session_day(history[-2])) >= REVIEW_WEEK:
        return None   # it has spoken already
    first, last = history[:3], history[-3:]
    start_b, now_b = _mean(s.pain_before for s in first), _mean(s.pain_before for s in last)
    start_a, now_a = _mean(s.pain_after for s in first), _mean(s.pain_after for s in last)
    if None in (start_b, now_b, start_a, now_a) or start_b + start_a == 0:
        return None
    if now_b >= start_b and now_a >= start_a and max(now_b, now_a) >= MEANINGFUL_CHANGE:
        return (f"Week {week} and your pain is no lower than at the start (before sessions "
                f"{fmt(start_b)} then {fmt(now_b)}; after {fmt(start_a)} then {fmt(now_a)}).")
    return None


PAUSE_REASON = ("Strength work pauses until you have seen a clinician or the pain has settled: "
                "only the stretch and gentle movement of the hip for now.")


def session_decision(plan: Plan, history: list[SessionRecord], previous: ProgressionDecision | None,
                     override: str | None = None, window: list[SessionRecord] | None = None,
                     phase: str = "build", runs=()) -> ProgressionDecision:
    """The decision after ``history[-1]``, ``previous`` being the one after the session before.

    ``window``: the sessions since a pause last ended (default: all), which the persistent
    pain checks read; ``phase``: where the person stood when the session was done. Any
    reason to see a clinician pauses strength work (clinical_state), so the action is then a
    step back and the reason says the work pauses."""
    from itbgui.program.clinical_state import pause_reasons

    window = history if window is None else window
    session = history[-1]
    action, reason, scope = _action(plan, history)
    warning = run_warning(runs)
    if warning and action != STEP_BACK:   # a hold at least, never a softer step back
        action, reason, scope = HOLD, warning, "session"
    clinician = clinician_reasons(plan, window, action, previous)
    clinician += [r for r in pause_reasons(window, peak_pain) if r not in clinician]
    clinician += [r for r in run_pause_reasons(runs) if r not in clinician]
    if clinician:
        action, reason, scope = STEP_BACK, PAUSE_REASON, "all"
    return ProgressionDecision(
        id=decision_id(session.id), action=action, reason=reason, see_clinician=bool(clinician),
        made_on=session.ended_at or session.started_at, based_on=session.id,
        overridden_to=None if override == action else override,
        clinician_reason=" ".join(clinician), scope=scope, phase=phase,
        clinician_reasons=tuple(clinician))
