"""What counts as a session and which day it belongs to: one definition for the whole app.

The plan, the progression rule, History and the CSV export all count sessions and place
them on days; if they disagreed, Today could say "done" while History says "missed".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..store.records import SetRecord
from .exercises import counted_ids
from .timeline import StepKind, build_timeline

if TYPE_CHECKING:   # records are plain data; only their fields are read
    from ..store.records import SessionRecord
    from .prescription import SessionPrescription

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
