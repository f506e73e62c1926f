"""Where a session left early carries on: the same record, from the first set not done.

Pure Python. A session left the same day (Esc then Leave, or the window closed) is offered
again on Today as "Resume: Clamshells, set 2 of 3"; the player starts at the lead-in to
that set with the sets and the pain score already logged, and asks the pain-after at its end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from itbgui.program.decisions import ACCEPTABLE_PAIN
from itbgui.program.exercises import exercise
from itbgui.program.rule import peak_pain
from itbgui.program.sessions import counted_sessions, session_day
from itbgui.program.timeline import StepKind, Timeline

if TYPE_CHECKING:
    from itbgui.store.records import SessionRecord

_LEAD_INS = (StepKind.GET_READY, StepKind.REST, StepKind.SWITCH_SIDE)


@dataclass(frozen=True)
class ResumePoint:
    session: SessionRecord
    step: int                 # the timeline step the player starts at
    exercise_id: str
    set_number: int
    set_count: int
    side: str | None

    @property
    def exercise_name(self) -> str:
        return exercise(self.exercise_id).name


def resumable_session(sessions, today: dt.date) -> SessionRecord | None:
    """The latest session, if it was left early today and did not flare (after pain above
    5/10 the rule steps back: that session is not carried on)."""
    counted = counted_sessions(sessions)
    if not counted:
        return None
    latest = counted[-1]
    if latest.completed or session_day(latest) != today:
        return None
    peak = peak_pain(latest)
    if peak is not None and peak > ACCEPTABLE_PAIN:
        return None
    return latest


def resume_point(timeline: Timeline, record: SessionRecord) -> ResumePoint | None:
    """The step to carry ``record`` on from in ``timeline``, or None when the two do not
    match (the dose changed since) or nothing is left to do.

    The first set after the last one logged, or the last one again if it was cut short;
    the player starts at the get-ready, rest or side switch before it.
    """
    sets = {(s.exercise_id, s.side, s.set_number): s for s in record.sets}
    steps = timeline.steps
    last_logged = None
    for i, step in enumerate(steps):
        if not step.logs_a_set:
            continue
        logged = sets.pop((step.exercise_id, step.side, step.set_number), None)
        if logged is None:
            continue
        if step.kind is StepKind.WORK and logged.target_reps != step.target_reps:
            return None   # not the dose this record was played at
        last_logged = i
    if sets:
        return None       # sets this timeline does not hold: another session
    if last_logged is None:
        return None
    last = record.sets and next(s for s in record.sets if (s.exercise_id, s.side, s.set_number) == (
        steps[last_logged].exercise_id, steps[last_logged].side, steps[last_logged].set_number))
    short = (steps[last_logged].kind is StepKind.WORK and last.done_reps < last.target_reps) or (
        steps[last_logged].kind is StepKind.HOLD and last.hold_seconds < (steps[last_logged].duration or 0))
    target = last_logged if short else next(
        (i for i in range(last_logged + 1, len(steps)) if steps[i].logs_a_set), None)
    if target is None:
        return None
    start = target - 1 if steps[target - 1].kind in _LEAD_INS else target
    step = steps[target]
    return ResumePoint(record, start, step.exercise_id, step.set_number, step.set_count, step.side)
