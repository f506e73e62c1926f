"""Small known sessions for the store tests."""

from __future__ import annotations

import datetime as dt

from itbgui.store.records import SessionRecord, SetRecord

T0 = dt.datetime(2026, 11, 2, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def record(session_id="s1", done=10, day=0, **kw) -> SessionRecord:
    start = T0 + dt.timedelta(days=day)
    sets = (SetRecord("clamshell", "left", 1, 10, done, "Bodyweight", step_index=0),
            SetRecord("glute_bridge", None, 1, 10, 10, "Two-leg bridge", step_index=0),
            SetRecord("glute_stretch", "right", 1, 0, 0, "Lying figure-4", hold_seconds=30,
                      step_index=1))
    base = dict(id=session_id, started_at=start, ended_at=start + dt.timedelta(minutes=21),
                completed=True, title="Week 1", week=1, pain_before=3, pain_after=2,
                note="felt fine", sets=sets)
    base.update(kw)
    return SessionRecord(**base)


class StepClock:
    """A wall clock for backups that moves only when told to."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 11, 2, 9, 0).astimezone()) -> None:
        self.now_value = start

    def __call__(self) -> dt.datetime:
        return self.now_value

    def advance(self, **delta) -> None:
        self.now_value += dt.timedelta(**delta)
