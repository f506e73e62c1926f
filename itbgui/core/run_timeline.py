"""A walk-run on a treadmill: the intervals of a RunPrescription, walked on an injectable clock.

Like the session engine (engine.py), every interval is measured against its deadline, never
by counting ticks, so a late timer cannot make the run drift, and the next interval starts
at the old deadline. A gap between updates longer than ``sleep_gap`` (the laptop slept) pauses
the run where it was last seen. Pure Python: the run player (player/run_player.py) only draws
it and plays its cues.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from enum import Enum

from itbgui.core.clock import Clock
from itbgui.program.return_to_run import RunPrescription
from itbgui.store.records import NOTE_MAX_CHARS, clean_text
from itbgui.store.run_records import RunRecord

RUN, WALK = "run", "walk"


@dataclass(frozen=True)
class Interval:
    kind: str            # RUN or WALK
    seconds: int
    repeat: int          # 1-based: the repeat of the prescription it belongs to


def intervals(prescription: RunPrescription) -> tuple[Interval, ...]:
    """``repeats`` times run then walk; the walk after the last run is the cool-down."""
    out: list[Interval] = []
    for n in range(1, prescription.repeats + 1):
        out.append(Interval(RUN, prescription.run_s, n))
        if prescription.walk_s:
            out.append(Interval(WALK, prescription.walk_s, n))
    return tuple(i for i in out if i.seconds > 0)


class RunState(Enum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class RunEventKind(Enum):
    INTERVAL_STARTED = "interval_started"
    AUTO_PAUSED = "auto_paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class RunEvent:
    kind: RunEventKind
    index: int            # the interval it concerns
    at: float             # monotonic time it was due


class RunTimer:
    """Where a walk-run stands: which interval, how long is left, paused or not."""

    def __init__(self, prescription: RunPrescription, clock: Clock, *, sleep_gap: float = 5.0) -> None:
        self.prescription = prescription
        self.intervals = intervals(prescription)
        self.clock = clock
        self.sleep_gap = sleep_gap
        self.state = RunState.READY
        self.index = 0
        self.completed = False
        self.started_at: dt.datetime | None = None
        self._origin = clock.monotonic()       # when this interval's elapsed was 0
        self._paused_at: float | None = None
        self._last_update = self._origin
        self._finished_moving: float | None = None   # seconds on the move, once finished

    # ----------------------------------------------------------------- reading
    @property
    def interval(self) -> Interval:
        return self.intervals[self.index]

    @property
    def total_s(self) -> int:
        return sum(i.seconds for i in self.intervals)

    def elapsed(self) -> float:
        """Seconds into the current interval (pauses excluded)."""
        now = self._paused_at if self._paused_at is not None else self.clock.monotonic()
        return max(0.0, now - self._origin)

    def remaining(self) -> float:
        """Seconds left in the current interval."""
        if self.state is RunState.FINISHED:
            return 0.0
        return max(0.0, self.interval.seconds - self.elapsed())

    def moving_s(self) -> float:
        """Seconds walked and run so far (pauses excluded)."""
        if self._finished_moving is not None:
            return self._finished_moving
        if self.state is RunState.READY:
            return 0.0
        done = sum(i.seconds for i in self.intervals[:self.index])
        return done + min(self.elapsed(), self.interval.seconds)

    def total_left(self) -> float:
        if self.state is RunState.FINISHED:
            return 0.0
        return max(0.0, self.total_s - self.moving_s())

    def next_interval(self) -> Interval | None:
        return self.intervals[self.index + 1] if self.index + 1 < len(self.intervals) else None

    def time_to_next_event(self) -> float | None:
        if self.state is not RunState.RUNNING:
            return None
        return self.remaining()

    # ----------------------------------------------------------------- control
    def start(self) -> list[RunEvent]:
        if self.state is not RunState.READY or not self.intervals:
            return []
        now = self.clock.monotonic()
        self.started_at = self.clock.now()
        self.state = RunState.RUNNING
        self._origin = self._last_update = now
        return [RunEvent(RunEventKind.INTERVAL_STARTED, 0, now)]

    def update(self) -> list[RunEvent]:
        """Catch up with the clock; what happened since the last call, in order."""
        now = self.clock.monotonic()
        events: list[RunEvent] = []
        if self.state is RunState.RUNNING:
            if now - self._last_update > self.sleep_gap:
                self._paused_at = self._last_update
                self.state = RunState.PAUSED
                events.append(RunEvent(RunEventKind.AUTO_PAUSED, self.index, now))
            else:
                self._advance_to(now, events)
        self._last_update = now
        return events

    def pause(self) -> None:
        if self.state is RunState.RUNNING:
            self._paused_at = self.clock.monotonic()
            self.state = RunState.PAUSED

    def resume(self) -> list[RunEvent]:
        if self.state is not RunState.PAUSED:
            return []
        now = self.clock.monotonic()
        self._origin += now - self._paused_at
        self._paused_at = None
        self.state = RunState.RUNNING
        self._last_update = now
        return self.update()

    def toggle_pause(self) -> list[RunEvent]:
        if self.state is RunState.RUNNING:
            self.pause()
            return []
        return self.resume()

    def stop(self) -> None:
        """Leave before the end: what was walked and run so far is what gets logged."""
        if self.state in (RunState.RUNNING, RunState.PAUSED):
            self._finish(completed=False)

    def _advance_to(self, now: float, events: list[RunEvent]) -> None:
        while self.state is RunState.RUNNING:
            deadline = self._origin + self.interval.seconds
            if now < deadline:
                return
            if self.index + 1 >= len(self.intervals):
                self._finish(completed=True)
                events.append(RunEvent(RunEventKind.FINISHED, self.index, deadline))
                return
            self.index += 1
            self._origin = deadline
            events.append(RunEvent(RunEventKind.INTERVAL_STARTED, self.index, deadline))

    def _finish(self, completed: bool) -> None:
        self._finished_moving = self.moving_s() if not completed else float(self.total_s)
        self.state = RunState.FINISHED
        self.completed = completed
        self._paused_at = None

    # ----------------------------------------------------------------- the record
    def to_record(self, *, pain_during: int | None, pain_after: int | None,
                  pain_onset_min: float | None = None, distance_km: float | None = None,
                  note: str = "", run_id: str | None = None,
                  red_flags: tuple[tuple[str, bool], ...] = ()) -> RunRecord:
        """The run as logged: typed in on the treadmill (source manual), the prescription's
        stage, the duration from the clock. Raises RecordError on an answer out of range."""
        terrain = "flat" if self.prescription.terrain == "flat" else None
        onset = None if pain_during == 0 else pain_onset_min
        return RunRecord(
            id=run_id or uuid.uuid4().hex, started_at=self.started_at or self.clock.now(),
            distance_km=distance_km, duration_s=int(math.floor(self.moving_s() + 1e-6)),
            terrain=terrain, source="manual", pain_during=pain_during, pain_onset_min=onset,
            pain_after=pain_after, note=clean_text(note)[:NOTE_MAX_CHARS], stage=self.prescription.stage,
            red_flags=red_flags)
