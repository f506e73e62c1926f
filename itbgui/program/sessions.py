"""What counts as a session and which day it belongs to: one definition for the whole app.

The plan, the progression rule, History and the CSV export all count sessions and place
them on days; if they disagreed, Today could say "done" while History says "missed".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from itbgui.program.exercises import counted_ids
from itbgui.program.timeline import StepKind, build_timeline
from itbgui.store.records import SetRecord

if TYPE_CHECKING:   # records are plain data; only their fields are read
    from itbgui.store.records import SessionRecord
    from itbgui.program.prescription import SessionPrescription

def session_day(record: SessionRecord) -> dt.date:
    """The day the person saw on their clock when they started (the stored offset, not this machine's)."""
    return record.started_at.date()


def counts_as_session(record: SessionRecord) -> bool:
    """A session counts once at least one counted set has reps done; a stretch alone or an
    opened-and-closed session does not. Stops at the first such set (cheap over years)."""
    counted = counted_ids()   # the stretch is held, not counted
    return any(s.done_reps > 0 and s.exercise_id in counted for s in record.sets)


def counted_sessions(sessions) -> list[SessionRecord]:
    """The sessions that count, oldest first."""
    return sorted((s for s in sessions if counts_as_session(s)), key=lambda s: s.started_at)


def is_partial(record: SessionRecord) -> bool:
    """Played to its end with under half its prescribed reps logged (sets skipped through).

    Read from the record alone: a session that reaches its end logs every set of its
    prescription, done or skipped, so the targets logged are the ones prescribed.
    """
    if not record.completed:
        return False
    counted, done, target = counted_ids(), 0, 0
    for s in record.sets:
        if s.exercise_id in counted:
            done += s.done_reps
            target += s.target_reps
    return 2 * done < target


def session_status(record: SessionRecord) -> str:
    """One word for a session, the same on Today, in History and in the decision:
    "complete", "partial", "ended early" or "nothing done"."""
    if not counts_as_session(record):
        return "nothing done"
    if is_partial(record):
        return "partial"
    return "complete" if record.completed else "ended early"


def counts_for_plan(record: SessionRecord) -> bool:
    """A session that ticks off a planned day and keeps the streak: it counts and is not partial."""
    return counts_as_session(record) and not is_partial(record)


def is_stretch_session(record: SessionRecord) -> bool:
    """A finished session with nothing but the stretch in it, held: what a pause prescribes
    (clinical_state). In a paused week it ticks off its planned day; it is never a
    strength exposure."""
    return (record.completed and bool(record.sets)
            and all(s.exercise_id not in counted_ids() and s.hold_seconds > 0 for s in record.sets))


def plan_sessions(sessions) -> list[SessionRecord]:
    """The sessions that tick off planned days, oldest first (a pause's stretch sessions
    too, where the progression knows the week was paused: progression.ticking_sessions)."""
    return [s for s in counted_sessions(sessions) if not is_partial(s)]


def sets_at_target(prescription: SessionPrescription) -> tuple[SetRecord, ...]:
    """The sets a session logs when every set is done as prescribed (what the player records
    at the end of an uninterrupted session); tests, the screenshots and synthetic data use it."""
    sets = []
    for step in build_timeline(prescription).steps:
        if step.kind is StepKind.WORK:
            sets.append(SetRecord(step.exercise_id, step.side, step.set_number, step.target_reps,
                                  step.target_reps, step.resistance, step_index=step.step_index))
        elif step.kind is StepKind.HOLD:
            sets.append(SetRecord(step.exercise_id, step.side, step.set_number, 0, 0, step.resistance,
                                  hold_seconds=step.duration, step_index=step.step_index))
    return tuple(sets)
