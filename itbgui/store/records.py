"""What a stored session looks like, and its conversion to and from JSON documents.

Plain frozen dataclasses so the engine can build them, tests can compare them and the
store can hand the same objects to every screen. ``from_doc`` is the edge where data
from disk comes in, so it checks every field and raises :class:`RecordError` (a
``ValueError``) naming what is wrong. The JSON shape is documented in docs/data-format.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PAIN_RANGE = (0, 10)
REPS_RANGE = (0, 200)
NOTE_MAX_CHARS = 500
SIDES = ("left", "right")
#: How the sore side feels the morning after a session, against before it.
NEXT_MORNING_ANSWERS = ("better", "same", "worse")
# Dates outside this window are typing or clock errors, never a real session.
EARLIEST_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
LATEST_YEAR = 2200


_set = object.__setattr__  # fills a frozen record without re-running its checks


class RecordError(ValueError):
    """A stored document that does not describe a possible session."""


def check_pain(value, what: str = "pain") -> int | None:
    """Pain is a whole number 0-10, or None when not asked."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not PAIN_RANGE[0] <= value <= PAIN_RANGE[1]:
        raise RecordError(f"{what} must be a whole number from 0 to 10, not {value!r}")
    return value


def check_reps(value, what: str = "reps") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not REPS_RANGE[0] <= value <= REPS_RANGE[1]:
        raise RecordError(f"{what} must be a whole number from 0 to 200, not {value!r}")
    return value


def _int(doc: dict, key: str, low: int, high: int) -> int:
    value = doc.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RecordError(f"{key} must be a whole number from {low} to {high}, not {value!r}")
    return value


def _str(doc: dict, key: str, default: str | None = None, max_len: int = 200) -> str:
    value = doc.get(key, default)
    if not isinstance(value, str) or len(value) > max_len:
        raise RecordError(f"{key} must be text of at most {max_len} characters")
    return value


def parse_time(value, what: str) -> dt.datetime:
    """An ISO 8601 time with its UTC offset, inside a plausible window."""
    if not isinstance(value, str):
        raise RecordError(f"{what} must be an ISO 8601 time, not {value!r}")
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{what} is not a valid time: {value!r}") from None
    if when.tzinfo is None:
        when = when.astimezone()  # a hand-edited file may drop the offset: take it as local
    if when < EARLIEST_DATE or when.year > LATEST_YEAR:
        raise RecordError(f"{what} {value!r} is not a plausible date")
    return when


@dataclass(frozen=True, slots=True)
class SetRecord:
    exercise_id: str
    side: str | None          # "left", "right" or None for both at once
    set_number: int
    target_reps: int
    done_reps: int
    resistance: str           # the label shown, e.g. "Red band above the knees"
    hold_seconds: float = 0.0  # a stretch is held, not counted
    step_index: int | None = None  # rung on the exercise's ladder (None: not known)

    def __post_init__(self) -> None:
        check_reps(self.done_reps, "done reps")
        check_reps(self.target_reps, "target reps")
        if self.side is not None and self.side not in SIDES:
            raise RecordError(f"side must be left, right or null, not {self.side!r}")

    def to_doc(self) -> dict:
        return {
            "exercise": self.exercise_id,
            "side": self.side,
            "set": self.set_number,
            "target_reps": self.target_reps,
            "done_reps": self.done_reps,
            "resistance": self.resistance,
            "step": self.step_index,
            "hold_seconds": self.hold_seconds,
        }

    @classmethod
    def from_doc(cls, doc: dict) -> "SetRecord":
        # Ten years hold ~45,000 sets, so the common case is one flat test and a direct
        # fill of the instance (its checks in __post_init__ would only repeat these);
        # anything odd goes the slow way, which names the field that is wrong.
        if type(doc) is dict:
            get = doc.get
            exercise_id, side, set_number = get("exercise"), get("side"), get("set")
            target, done, hold, step = (get("target_reps"), get("done_reps"),
                                        get("hold_seconds", 0.0), get("step"))
            resistance = get("resistance", "")
            if (type(exercise_id) is str and 0 < len(exercise_id) <= 60
                    and (side is None or side in SIDES)
                    and type(set_number) is int and 1 <= set_number <= 50
                    and type(target) is int and 0 <= target <= 200
                    and type(done) is int and 0 <= done <= 200
                    and type(resistance) is str and len(resistance) <= 200
                    and type(hold) in (int, float) and 0 <= hold <= 3600
                    and (step is None or (type(step) is int and 0 <= step <= 20))):
                record = object.__new__(cls)
                _set(record, "exercise_id", exercise_id)
                _set(record, "side", side)
                _set(record, "set_number", set_number)
                _set(record, "target_reps", target)
                _set(record, "done_reps", done)
                _set(record, "resistance", resistance)
                _set(record, "hold_seconds", float(hold))
                _set(record, "step_index", step)
                return record
        return cls._checked_from_doc(doc)

    @classmethod
    def _checked_from_doc(cls, doc: dict) -> "SetRecord":
        if not isinstance(doc, dict):
            raise RecordError("a set must be a JSON object")
        hold = doc.get("hold_seconds", 0.0)
        if isinstance(hold, bool) or not isinstance(hold, (int, float)) or not 0 <= hold <= 3600:
            raise RecordError(f"hold_seconds must be 0-3600, not {hold!r}")
        step = doc.get("step")
        if step is not None:
            step = _int(doc, "step", 0, 20)
        exercise_id = _str(doc, "exercise", max_len=60)
        if not exercise_id:
            raise RecordError("a set names no exercise")
        return cls(
            exercise_id=exercise_id,
            side=doc.get("side"),
            set_number=_int(doc, "set", 1, 50),
            target_reps=check_reps(doc.get("target_reps"), "target_reps"),
            done_reps=check_reps(doc.get("done_reps"), "done_reps"),
            resistance=_str(doc, "resistance", ""),
            hold_seconds=float(hold),
            step_index=step,
        )


@dataclass(frozen=True)
class SessionRecord:
    id: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    completed: bool
    title: str = ""
    week: int | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""
    sets: tuple[SetRecord, ...] = field(default_factory=tuple)
    next_morning: str | None = None  # one of NEXT_MORNING_ANSWERS, asked the day after

    def __post_init__(self) -> None:
        check_pain(self.pain_before, "pain before")
        check_pain(self.pain_after, "pain after")
        if self.next_morning is not None and self.next_morning not in NEXT_MORNING_ANSWERS:
            raise RecordError(f"next_morning must be one of {NEXT_MORNING_ANSWERS}")
        if len(self.note) > NOTE_MAX_CHARS:
            raise RecordError(f"the note is longer than {NOTE_MAX_CHARS} characters")
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise RecordError("a session cannot end before it starts")

    @property
    def duration_seconds(self) -> float:
        if self.ended_at is None:
            return 0.0
        return max(0.0, (self.ended_at - self.started_at).total_seconds())

    @property
    def total_reps(self) -> int:
        return sum(s.done_reps for s in self.sets)

    def to_doc(self) -> dict:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "ended_at": self.ended_at.isoformat(timespec="seconds") if self.ended_at else None,
            "completed": self.completed,
            "title": self.title,
            "week": self.week,
            "pain_before": self.pain_before,
            "pain_after": self.pain_after,
            "next_morning": self.next_morning,
            "note": self.note,
            "sets": [s.to_doc() for s in self.sets],
        }

    @classmethod
    def from_doc(cls, doc: dict) -> "SessionRecord":
        if not isinstance(doc, dict):
            raise RecordError("a session must be a JSON object")
        session_id = _str(doc, "id", max_len=64)
        if not session_id:
            raise RecordError("a session has no id")
        ended = doc.get("ended_at")
        week = doc.get("week")
        if week is not None:
            week = _int(doc, "week", 1, 520)
        sets = doc.get("sets", [])
        if not isinstance(sets, list):
            raise RecordError("sets must be a list")
        completed = doc.get("completed", False)
        if not isinstance(completed, bool):
            raise RecordError("completed must be true or false")
        return cls(
            id=session_id,
            started_at=parse_time(doc.get("started_at"), "started_at"),
            ended_at=parse_time(ended, "ended_at") if ended is not None else None,
            completed=completed,
            title=_str(doc, "title", ""),
            week=week,
            pain_before=check_pain(doc.get("pain_before"), "pain_before"),
            pain_after=check_pain(doc.get("pain_after"), "pain_after"),
            next_morning=doc.get("next_morning"),
            note=_str(doc, "note", "", max_len=NOTE_MAX_CHARS),
            sets=tuple(SetRecord.from_doc(s) for s in sets),
        )
