"""Today's session put into the words the Today page shows (a :class:`TodayCard`).

No Qt: the page hands in its ``tr``, so the words are translated as the page's own, and
the app can put a day to come into words without a page (app/today_cards.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from itbgui.program.actions import ACTIONS, HOLD, PROGRESS, STEP_BACK
from itbgui.program.clinical_state import phase_words
from itbgui.program.sessions import session_day, session_status
from itbgui.screens.today_card import Call, TodayCard, long_date

if TYPE_CHECKING:
    from itbgui.program.progression import TodaySession
    from itbgui.store.records import SessionRecord

Translate = Callable[[str], str]


def today_card(today: TodaySession, *, now: dt.date, last: SessionRecord | None, plan_is_default: bool,
               sore_side: str, tr: Translate, morning: SessionRecord | None | bool = False) -> TodayCard:
    """The page for ``today`` seen on ``now``. ``morning``: the session the morning question
    asks about (None: no question); left out (False), the card leaves the question alone."""
    side = today.prescription.first_side
    side_text = tr("left side first") if side == "left" else tr("right side first")
    if sore_side == "both":
        side_text = tr("sides take turns to go first")
    notes = []
    if today.moved_from is not None:
        notes.append(tr("%1's session, moved here: missed sessions move on, never pile up.")
                     .replace("%1", f"{today.moved_from:%A}"))
    if today.after_light_run:
        notes.append(tr("A running day: keep the run light, then do this session after it."))
    if today.done_today and not today.is_today:
        notes.append(tr("Today's session is done. Rest is part of the plan.")
                     if today.today_status == "complete" else
                     tr("Today's session ended early. Rest is part of the plan."))
    point = today.resume
    resume = ""
    if point is not None:
        where = {"left": tr(", left side"), "right": tr(", right side")}.get(point.side, "")
        resume = (tr("Resume: %1, set %2 of %3%4. What you did earlier today is kept; the pain "
                     "question comes at the end.")
                  .replace("%1", point.exercise_name).replace("%2", str(point.set_number))
                  .replace("%3", str(point.set_count)).replace("%4", where))
    rows = tuple((item.exercise.name, item.dose_label(), item.resistance) for item in today.prescription.items)
    return TodayCard(
        heading=_day_heading(today, now, tr),
        subheading=(tr("%1 · about %2 minutes · %3").replace("%1", today.week_label)
                    .replace("%2", str(today.estimated_minutes)).replace("%3", side_text)),
        note=" ".join(notes), resume=resume,
        start_label=tr("Resume session") if point else tr("Start session"),
        setup_banner=plan_is_default, rows=rows, **_decision(today, tr), last=_last(last, tr),
        morning=None if morning is False else morning_words(morning, sore_side, now, tr))


def _day_heading(today: TodaySession, now: dt.date, tr: Translate) -> str:
    if today.is_today:
        return tr("Today · %1").replace("%1", long_date(today.date))
    if today.date == now + dt.timedelta(days=1):
        return tr("Next session: tomorrow, %1").replace("%1", long_date(today.date))
    return tr("Next session: %1").replace("%1", long_date(today.date))


def action_words(action: str, tr: Translate) -> str:
    return {PROGRESS: tr("Move on"), HOLD: tr("Stay at this dose"), STEP_BACK: tr("Step back")}[action]


def short_words(action: str, tr: Translate) -> str:
    """The override buttons' labels: short, so three fit side by side in big type."""
    return {PROGRESS: tr("Move on"), HOLD: tr("Stay"), STEP_BACK: tr("Step back")}[action]


def _decision(today: TodaySession, tr: Translate) -> dict:
    """The decision card's fields."""
    decision = today.decision
    if decision is None:
        return {"phase": "", "title": tr("Your first session"),
                "reason": tr("It sets your starting point. After every session the app decides whether to "
                             "move on, stay at the same dose or step back, from the pain you log, and tells "
                             "you why."),
                "call_label": "", "calls": (), "clinician": "", "paused": False}
    paused = decision.phase == "paused"   # no call changes the dose: the person's answer does
    effective = decision.effective_action
    if decision.overridden_to:
        title = tr("Your call: %1").replace("%1", action_words(effective, tr))
        reason = (tr("The app suggested: %1. %2").replace("%1", action_words(decision.action, tr).lower())
                  .replace("%2", decision.reason))
    else:
        title, reason = action_words(effective, tr), decision.reason
    # A call can lower the dose, never raise it past the rule: "Move on" only where the rule
    # moves on (against a step back the most is to stay); the button says so.
    progress_tip = (tr("Not while a check with a clinician is advised") if decision.see_clinician
                    else tr("Not after a step back: at most, stay at the same dose") if decision.action == STEP_BACK
                    else tr("Only when the app moves on: your call can lower the dose, not raise it")
                    if decision.action != PROGRESS else "")
    calls = tuple(
        Call(short_words(action, tr), action_words(action, tr), action == effective,
             action != PROGRESS or (decision.action == PROGRESS and not decision.see_clinician),
             progress_tip if action == PROGRESS else "")
        for action in ACTIONS)
    clinician = ""
    if decision.see_clinician:
        clinician = tr(
            "<b>Please see a clinician</b> (a physiotherapist or your doctor): %1<br><br>"
            "Go the same day if the knee is hot, red or swollen or you have a fever; if you "
            "cannot bear weight or move the knee; if it locks; if the pain is constant or "
            "wakes you at night; or if you feel numbness.").replace("%1", decision.clinician_reason)
    call_label = "" if paused else (tr("Your call for the next session (the app suggests: %1):")
                                    .replace("%1", short_words(decision.action, tr).lower()))
    return {"phase": phase_words(decision.phase), "title": title, "reason": reason, "call_label": call_label,
            "calls": calls, "clinician": clinician, "paused": paused}


def _last(last: SessionRecord | None, tr: Translate) -> str:
    if last is None:
        return tr("No sessions logged yet. Your first one starts here.")
    when = f"{long_date(session_day(last))}, {last.started_at:%H:%M}"
    status = {"complete": tr("complete"), "partial": tr("partial: under half the reps"),
              "ended early": tr("ended early"), "nothing done": tr("stopped before any set")}[session_status(last)]
    pain = ""
    if last.pain_before is not None and last.pain_after is not None:
        pain = tr(", pain %1 → %2").replace("%1", str(last.pain_before)).replace("%2", str(last.pain_after))
    return (tr("Last session: %1 (%2, %3 reps%4).").replace("%1", when).replace("%2", status)
            .replace("%3", str(last.total_reps)).replace("%4", pain))


def morning_words(session: SessionRecord | None, sore_side: str, shown_day: dt.date | None, tr: Translate) -> str:
    """The next-morning question about ``session`` ("" when there is none to ask)."""
    if session is None:
        return ""
    side = {"left": tr("your left side"), "right": tr("your right side")}.get(sore_side, tr("the sore side"))
    ended = (session.ended_at or session.started_at).astimezone().date()
    if shown_day is None or (shown_day - ended).days <= 1:
        text = tr("Good morning. How does %1 feel now, against before yesterday's session?")
    else:   # a late answer: the morning after that session, as best remembered
        text = tr("How did %1 feel the morning after your last session (%2), against before it? "
                  "Nothing goes up without this answer.").replace("%2", long_date(ended))
    return text.replace("%1", side)
