"""The session engine: walks a timeline on an injectable monotonic clock.

Every countdown is measured against a deadline (``step origin + duration``), never by
counting ticks, so a late or missed tick cannot make the session drift. When a step ends
the next one starts at the old deadline, not at "now". A gap between updates longer than
``sleep_gap`` means the laptop slept or the app froze: the engine pauses itself at the
last moment it saw, so the person finds the countdown exactly where they left it.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from enum import Enum

from itbgui.core.clock import Clock
from itbgui.program.timeline import Phase, Step, StepKind, Timeline
from itbgui.store.records import (NOTE_MAX_CHARS, REPS_RANGE, TEXT_MAX_CHARS, WEEK_RANGE, RecordError,
                             SessionRecord, SetRecord, check_pain, clean_text)

MAX_REPS = REPS_RANGE[1]


class EngineState(Enum):
    READY = "ready"        # built, not started
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class EventKind(Enum):
    STEP_STARTED = "step_started"
    PHASE = "phase"            # a tempo phase begins inside a work step
    COUNTDOWN = "countdown"    # 3, 2, 1 before a timed step ends
    SET_LOGGED = "set_logged"
    AUTO_PAUSED = "auto_paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    step_index: int
    at: float                      # monotonic time it was due
    rep: int = 0
    phase: Phase | None = None
    last_rep: bool = False
    seconds_left: int = 0


@dataclass
class SetLog:
    item_index: int
    exercise_id: str
    side: str | None
    set_number: int
    target_reps: int
    done_reps: int
    resistance: str
    hold_seconds: float = 0.0
    step_index: int | None = None

    @property
    def key(self) -> tuple[int, str | None, int]:
        return (self.item_index, self.side, self.set_number)


_COUNTDOWN_KINDS = (StepKind.GET_READY, StepKind.REST, StepKind.SWITCH_SIDE, StepKind.HOLD)


class SessionEngine:
    def __init__(self, timeline: Timeline, clock: Clock, *, sleep_gap: float = 5.0,
                 session_id: str | None = None) -> None:
        self.timeline = timeline
        self.clock = clock
        self.sleep_gap = sleep_gap
        self.session_id = session_id or uuid.uuid4().hex
        self.state = EngineState.READY
        self.index = 0
        now = clock.monotonic()
        self._origin = now                 # monotonic time at which this step's elapsed was 0
        self._paused_at: float | None = None
        self._last_update = now
        self._emitted_upto = -math.inf     # offset in this step up to which events went out
        self._pending_reps = 0             # reps that the current work step will log
        self._reps_adjusted = False        # the person set that count with Up/Down
        self.ended_early = False           # stopped before the end, then asked the pain question
        self._logs: dict[tuple[int, str | None, int], SetLog] = {}
        self.last_logged: SetLog | None = None
        self.pain_before: int | None = None
        self.pain_after: int | None = None
        self.pain_during: int | None = None    # the worst pain during it, asked with the after score
        self.red_flags: tuple[tuple[str, bool], ...] = ()   # the warning-sign answers, when asked
        self.note = ""
        self.started_at: dt.datetime | None = None
        self.ended_at: dt.datetime | None = None
        self._started_mono: float | None = None  # the monotonic time at start
        self.completed = False
        self._first_index = 0              # where start() begins (later when carrying a session on)
        self._earlier_seconds = 0.0        # time spent in the session before it was carried on
        self._carried: SessionRecord | None = None   # the record carried on, if any

    # ----------------------------------------------------------------- reading
    @property
    def step(self) -> Step:
        return self.timeline[self.index]

    @property
    def logs(self) -> list[SetLog]:
        """Logged sets in session order."""
        order = {step_key: n for n, step_key in enumerate(
            (s.item_index, s.side, s.set_number) for s in self.timeline.steps if s.logs_a_set)}
        return sorted(self._logs.values(), key=lambda log: order.get(log.key, len(order)))

    def elapsed(self) -> float:
        """Seconds spent in the current step (pauses excluded)."""
        now = self._paused_at if self._paused_at is not None else self.clock.monotonic()
        return max(0.0, now - self._origin)

    def remaining(self) -> float | None:
        if not self.step.is_timed:
            return None
        return max(0.0, self.step.duration - self.elapsed())

    def paused_for(self) -> float:
        if self.state is not EngineState.PAUSED or self._paused_at is None:
            return 0.0
        return max(0.0, self.clock.monotonic() - self._paused_at)

    def progress(self) -> float:
        """Share of the session's timed length that is behind us, 0..1."""
        total = self.timeline.timed_seconds
        if total <= 0:
            return 1.0 if self.state is EngineState.FINISHED else 0.0
        step = self.step
        within = min(self.elapsed(), step.duration) if step.is_timed else 0.0
        return min(1.0, (self.timeline.seconds_before(self.index) + within) / total)

    @property
    def pending_reps(self) -> int:
        return self._pending_reps

    def time_to_next_event(self) -> float | None:
        """Seconds until the engine next has something to say (None: nothing timed ahead)."""
        if self.state is not EngineState.RUNNING or not self.step.is_timed:
            return None
        elapsed = self.elapsed()
        upcoming = [t for t in self._scheduled_offsets(self.step) if t > self._emitted_upto]
        upcoming.append(self.step.duration)
        return max(0.0, min(upcoming) - elapsed)

    # ----------------------------------------------------------------- control
    def continue_from(self, record: SessionRecord, index: int) -> None:
        """Before start(): carry on ``record`` (left early) from step ``index``: the same
        record, its sets and pain score kept, so the end saves one session, not two."""
        if self.state is not EngineState.READY:
            return
        self.session_id = record.id
        self.started_at = record.started_at
        self.pain_before = record.pain_before
        self.note = record.note
        self._earlier_seconds = record.duration_seconds
        self._carried = record
        by_key = {(s.exercise_id, s.side, s.set_number): s for s in self.timeline.steps if s.logs_a_set}
        for n, done in enumerate(record.sets):
            step = by_key.get((done.exercise_id, done.side, done.set_number))
            item = step.item_index if step is not None else -1 - n
            log = SetLog(item, done.exercise_id, done.side, done.set_number, done.target_reps,
                         done.done_reps, done.resistance, done.hold_seconds, done.step_index)
            self._logs[log.key] = log
        self._first_index = max(0, min(index, len(self.timeline) - 1))

    def start(self) -> list[Event]:
        if self.state is not EngineState.READY:
            return []
        now = self.clock.monotonic()
        self.started_at = self.started_at or self.clock.now()
        self._started_mono = now
        self.state = EngineState.RUNNING
        self._last_update = now
        events: list[Event] = []
        self._enter(self._first_index, now, events)
        return events

    def update(self) -> list[Event]:
        """Catch up with the clock; returns what happened since the last call, in order."""
        now = self.clock.monotonic()
        events: list[Event] = []
        if self.state is EngineState.RUNNING:
            if now - self._last_update > self.sleep_gap:
                # Slept or froze: stop the clock where we last saw it.
                self._paused_at = self._last_update
                self.state = EngineState.PAUSED
                events.append(Event(EventKind.AUTO_PAUSED, self.index, now))
            else:
                self._advance_to(now, events)
        self._last_update = now
        return events

    def pause(self) -> None:
        if self.state is EngineState.RUNNING:
            self._paused_at = self.clock.monotonic()
            self.state = EngineState.PAUSED

    def resume(self) -> list[Event]:
        if self.state is not EngineState.PAUSED:
            return []
        now = self.clock.monotonic()
        self._origin += now - self._paused_at
        self._paused_at = None
        self.state = EngineState.RUNNING
        self._last_update = now
        return self.update()

    def toggle_pause(self) -> list[Event]:
        if self.state is EngineState.RUNNING:
            self.pause()
            return []
        return self.resume()

    def next(self) -> list[Event]:
        """Skip forward: a set cut short logs the reps the tempo got through (or the count
        the person set with Up/Down), so skipping never logs work that was not done."""
        events: list[Event] = []
        if self.state in (EngineState.READY, EngineState.FINISHED):
            return events
        if self.step.kind is StepKind.WORK:
            self._pending_reps = self.reps_if_cut_short()
        self._complete_step(events, self.clock.monotonic())
        self._jump(self.index + 1, events)
        return events

    def previous(self) -> list[Event]:
        """Go back one step and start it afresh; sets logged stay until redone."""
        events: list[Event] = []
        if self.state in (EngineState.READY, EngineState.FINISHED) or self.index == 0:
            return events
        self._jump(self.index - 1, events)
        return events

    def adjust_reps(self, delta: int) -> SetLog | int | None:
        """Up/Down: change the reps of the set under way, or else of the last logged set."""
        if self.state is EngineState.FINISHED:
            return None
        if self.step.kind is StepKind.WORK:
            self._reps_adjusted = True
            self._pending_reps = _clamp(self._pending_reps + delta)
            return self._pending_reps
        if self.last_logged and self.last_logged.hold_seconds == 0:
            self.last_logged.done_reps = _clamp(self.last_logged.done_reps + delta)
            return self.last_logged
        return None

    def set_pain_before(self, value: int) -> None:
        self.pain_before = _check_pain(value)

    def set_pain_after(self, value: int) -> None:
        self.pain_after = _check_pain(value)

    def set_pain_during(self, value: int) -> None:
        self.pain_during = _check_pain(value)

    def abandon(self) -> None:
        """Leave early: keep what was done."""
        if self.state is EngineState.FINISHED:
            return
        self._log_partial_set()
        self._finish(completed=False)

    def stop_early(self) -> list[Event]:
        """Stop the exercises but still ask how it feels: the pain-guided rule needs that
        answer. What was done is kept, and the session is saved as not completed."""
        if self.state is EngineState.FINISHED or self.step.kind in (
                StepKind.PAIN_BEFORE, StepKind.PAIN_AFTER, StepKind.DONE):
            return []
        self._log_partial_set()
        self.ended_early = True
        events: list[Event] = []
        pain_after = next(i for i, step in enumerate(self.timeline.steps)
                          if step.kind is StepKind.PAIN_AFTER)
        self._jump(pain_after, events)
        if self.state is EngineState.PAUSED:
            self._paused_at = None
            self.state = EngineState.RUNNING
        return events

    def _log_partial_set(self) -> None:
        """A set cut short counts the reps the tempo got through (or the count set with Up/Down);
        a stretch cut short, the whole seconds held."""
        if self.step.kind is StepKind.HOLD:
            self._log_hold(self.elapsed())
            return
        if self.step.kind is StepKind.WORK and self._pending_reps:
            done = self.reps_if_cut_short()
            if done:
                self._log_current(done)

    def reps_if_cut_short(self) -> int:
        """What the set under way logs if it ends now (→, leaving).

        Up/Down during a set say how many reps more or fewer than the tempo's count the person
        did (``pending_reps`` less the target). A set that runs to its end logs the target plus
        that correction, above the target too (extra reps). A set cut short logs the whole
        reps the tempo got through plus the correction, from 0 up to the target: a set stopped
        early is never more than its target (Up at rep 8 of 10, then →, logs 8 + 1, not 11)."""
        step = self.step
        reached = self._reps_reached()
        if reached >= step.target_reps:
            return self._pending_reps
        correction = self._pending_reps - step.target_reps
        return max(0, min(step.target_reps, reached + correction))

    def _reps_reached(self) -> int:
        """Whole reps the tempo has been through in the work step under way."""
        step, elapsed = self.step, self.elapsed()
        if step.duration is not None and elapsed >= step.duration - 1e-9:
            return step.target_reps
        position = step.rep_position(elapsed)
        return position.rep - 1 if position else 0

    def to_record(self) -> SessionRecord:
        """The session as stored. Raises RecordError (a plain sentence) only when the
        computer's clock gave a date outside 2000-2200 at the start."""
        p = self.timeline.prescription
        week = None if p.week is None else min(max(p.week, WEEK_RANGE[0]), WEEK_RANGE[1])
        title = clean_text(p.title)[:TEXT_MAX_CHARS]
        if self._carried is not None:   # carried on: it stays the session it was when begun
            title, week = self._carried.title, self._carried.week
        return SessionRecord(
            id=self.session_id,
            started_at=self.started_at or self.clock.now(),
            ended_at=self.ended_at,
            completed=self.completed,
            title=title,
            week=week,
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            pain_during=self.pain_during,
            red_flags=self.red_flags,
            note=clean_text(self.note)[:NOTE_MAX_CHARS],
            sets=tuple(SetRecord(exercise_id=log.exercise_id, side=log.side,
                                 set_number=log.set_number, target_reps=log.target_reps,
                                 done_reps=log.done_reps, resistance=log.resistance,
                                 hold_seconds=log.hold_seconds, step_index=log.step_index)
                       for log in self.logs),
        )

    def checked_record(self) -> tuple[SessionRecord | None, str | None]:
        """(the record, None), or (None, a plain sentence) when it cannot be stored."""
        try:
            return self.to_record(), None
        except RecordError as exc:
            return None, (f"{str(exc)[:1].upper()}{str(exc)[1:]}. Set the computer's date and "
                          "time, then start the session again.")

    # ----------------------------------------------------------------- inside
    def _advance_to(self, now: float, events: list[Event]) -> None:
        while self.state is EngineState.RUNNING and self.step.is_timed:
            step = self.step
            deadline = self._origin + step.duration
            self._emit_scheduled(min(now, deadline) - self._origin, events)
            if now < deadline:
                return
            self._complete_step(events, deadline)
            self._enter(self.index + 1, deadline, events)

    def _jump(self, index: int, events: list[Event]) -> None:
        now = self.clock.monotonic()
        self._last_update = now  # a key press is a sign of life, not a gap to pause on
        was_paused = self.state is EngineState.PAUSED
        self._enter(index, now, events)
        if was_paused and self.state is not EngineState.FINISHED:
            self._paused_at = now
            self.state = EngineState.PAUSED

    def _enter(self, index: int, origin: float, events: list[Event]) -> None:
        self.index = min(index, len(self.timeline) - 1)
        self._origin = origin
        self._paused_at = None
        if self.state is EngineState.PAUSED:
            self.state = EngineState.RUNNING
        self._emitted_upto = -math.inf
        step = self.step
        self._pending_reps = step.target_reps
        self._reps_adjusted = False
        events.append(Event(EventKind.STEP_STARTED, self.index, origin))
        if step.kind is StepKind.DONE:
            self._finish(completed=not self.ended_early)
            events.append(Event(EventKind.FINISHED, self.index, origin))
            return
        self._emit_scheduled(0.0, events)

    def _complete_step(self, events: list[Event], at: float) -> None:
        step = self.step
        if step.kind is StepKind.HOLD:   # skipped part-way: the seconds actually held
            if self._log_hold(min(step.duration or 0.0, self.elapsed())):
                events.append(Event(EventKind.SET_LOGGED, self.index, at))
        elif step.logs_a_set:
            events.append(Event(EventKind.SET_LOGGED, self.index, at))
            self._log_current(self._pending_reps)

    def _log_hold(self, held: float) -> bool:
        """Log a stretch held for ``held`` seconds (whole seconds; under 1 s is not a hold)."""
        held = float(int(held + 1e-6))
        if held < 1:
            return False
        self._log_current(0, hold_seconds=held)
        return True

    def _log_current(self, done_reps: int, hold_seconds: float = 0.0) -> None:
        step = self.step
        log = SetLog(item_index=step.item_index, exercise_id=step.exercise_id, side=step.side,
                     set_number=step.set_number, target_reps=step.target_reps,
                     done_reps=done_reps, resistance=step.resistance,
                     hold_seconds=hold_seconds, step_index=step.step_index)
        self._logs[log.key] = log
        self.last_logged = log

    def _finish(self, completed: bool) -> None:
        self.state = EngineState.FINISHED
        self.completed = completed
        self._paused_at = None
        # The wall clock may jump (set back, synced) mid-session: the end is the start
        # plus the time the monotonic clock measured, so it is never before the start.
        if self.started_at is None:
            self.started_at, self._started_mono = self.clock.now(), self.clock.monotonic()
        lasted = self._earlier_seconds + max(0.0, self.clock.monotonic() - self._started_mono)
        self.ended_at = self.started_at + dt.timedelta(seconds=lasted)

    def _scheduled_offsets(self, step: Step) -> list[float]:
        if step.kind is StepKind.WORK:
            return step.phase_boundaries()
        if step.kind in _COUNTDOWN_KINDS and step.duration:
            return [step.duration - k for k in (3, 2, 1) if step.duration - k > 0]
        return []

    def _emit_scheduled(self, upto: float, events: list[Event]) -> None:
        step = self.step
        for offset in self._scheduled_offsets(step):
            if self._emitted_upto < offset <= upto:
                at = self._origin + offset
                if step.kind is StepKind.WORK:
                    pos = step.rep_position(offset)
                    events.append(Event(EventKind.PHASE, self.index, at, rep=pos.rep, phase=pos.phase,
                                        last_rep=pos.rep == step.target_reps))
                else:
                    events.append(Event(EventKind.COUNTDOWN, self.index, at,
                                        seconds_left=round(step.duration - offset)))
        self._emitted_upto = max(self._emitted_upto, upto)


def _clamp(reps: int) -> int:
    return max(0, min(MAX_REPS, reps))


def _check_pain(value: int) -> int:
    if value is None:
        raise ValueError("pain is scored 0-10, got None")
    return check_pain(value)
