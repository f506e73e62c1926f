"""A person followed through the plan day by day, for tests and tools/personas.py.

Each day: if Today offers a session for that day and the person trains, it is logged as
the player would log it (every set at target unless the person stops early), with the
pain the person reports; the next morning's answer is given the day after. No Qt, no store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Callable

from itbgui.store.records import SessionRecord
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.progression import TodaySession, next_session
from itbgui.program.sessions import sets_at_target


@dataclass(frozen=True)
class Outcome:
    """How one session goes for the person (None: they skip it)."""

    pain_before: int | None
    pain_after: int | None
    morning: str | None = "same"     # the next-morning answer, None: never answered
    stop_after_sets: int | None = None   # stop early after this many sets (None: finish)


@dataclass(frozen=True)
class Played:
    """One session as offered and as logged."""

    offered: TodaySession
    record: SessionRecord


#: (setup, day, session number so far, sessions so far) -> what happens, or None to skip
Person = Callable[[PlanSetup, dt.date, int, list], "Outcome | None"]


def at(day: dt.date, hour: int = 18) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=dt.timezone.utc)


def log_session(offered: TodaySession, outcome: Outcome, sid: str) -> SessionRecord:
    sets = sets_at_target(offered.prescription)
    completed = True
    if outcome.stop_after_sets is not None:
        sets, completed = sets[:outcome.stop_after_sets], False
    start = at(offered.date)
    return SessionRecord(id=sid, started_at=start, ended_at=start + dt.timedelta(minutes=19),
                         completed=completed, title=offered.prescription.title,
                         week=offered.prescription.week, pain_before=outcome.pain_before,
                         pain_after=outcome.pain_after, sets=tuple(sets), next_morning=None)


def simulate(setup: PlanSetup, person: Person, days: int, overrides=()) -> list[Played]:
    """Follow ``person`` for ``days`` days from the start date."""
    records: list[SessionRecord] = []
    played: list[Played] = []
    pending: tuple[int, str | None] | None = None
    for offset in range(days):
        day = setup.start_date + dt.timedelta(days=offset)
        if pending is not None:   # the morning after: answer (or not)
            index, answer = pending
            records[index] = dataclasses.replace(records[index], next_morning=answer)
            played[-1] = dataclasses.replace(played[-1], record=records[index])
            pending = None
        offered = next_session(setup, records, overrides, today=day)
        if not offered.is_today or offered.done_today:
            continue
        outcome = person(setup, day, len(records), records)
        if outcome is None:
            continue
        record = log_session(offered, outcome, f"s{len(records) + 1:03d}")
        records.append(record)
        played.append(Played(offered, record))
        pending = (len(records) - 1, outcome.morning)
    if pending is not None:
        index, answer = pending
        records[index] = dataclasses.replace(records[index], next_morning=answer)
        played[-1] = dataclasses.replace(played[-1], record=records[index])
    return played
