"""What a stored session looks like, and its conversion to and from JSON documents.

Plain frozen dataclasses so the engine can build them, tests can compare them and the
store can hand the same objects to every screen. The rules of a possible session live
here once and hold in both directions: a record is checked when it is built (so the
player, a dialog or an import cannot save what the next start would throw away), and
``from_doc``, the edge where data from disk comes in, builds records through the same
checks. Both raise :class:`RecordError` (a ``ValueError``) naming what is wrong. A
record that is built reopens equal: times are kept to the second, as they are written.
The JSON shape is documented in docs/data-format.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

PAIN_RANGE = (0, 10)
REPS_RANGE = (0, 200)
SET_NUMBER_RANGE = (1, 50)
STEP_RANGE = (0, 20)
HOLD_MAX_SECONDS = 3600
NOTE_MAX_CHARS = 500
TEXT_MAX_CHARS = 200      # title, resistance
ID_MAX_CHARS = 64
EXERCISE_ID_MAX_CHARS = 60
SIDES = ("left", "right")
#: How the sore side feels the morning after a session, against before it.
NEXT_MORNING_ANSWERS = ("better", "same", "worse")
#: The warning signs asked (yes/no) at the end of a session with high pain, in asking order
#: (docs/data-format.md, ``red_flags``).
RED_FLAG_KEYS = ("hot_swollen", "weight_bearing", "locking", "constant_night", "numbness")
# Dates outside this window are typing or clock errors, never a real session.
EARLIEST_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
LATEST_YEAR = 2200
#: Plan weeks run from 1; a plan started in 2000 is in week ~10,450 by the end of 2200,
#: so a maintenance session years on is still a possible one.
WEEK_RANGE = (1, 10_500)

_INT64 = (-2 ** 63, 2 ** 64)   # whole numbers every JSON reader keeps exact
_set = object.__setattr__  # a frozen record normalising its own fields (__post_init__)
_SURROGATE = re.compile("[\ud800-\udfff]")


class RecordError(ValueError):
    """A stored document that does not describe a possible session."""


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds a UTF-16 half that no UTF-8 file can store."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (what a text box may hand over)."""
    return _SURROGATE.sub("\ufffd", text) if has_lone_surrogate(text) else text


def check_text(value, what: str, max_len: int = TEXT_MAX_CHARS, *, empty: bool = True) -> str:
    if not isinstance(value, str) or len(value) > max_len or (not empty and not value):
        least = "1" if not empty else "0"
        raise RecordError(f"{what} must be text of {least}-{max_len} characters, not {value!r:.40}")
    if has_lone_surrogate(value):
        raise RecordError(f"{what} holds a broken character (a lone UTF-16 surrogate)")
    return value


def check_document(doc, what: str = "the document") -> None:
    """A plan or decision document holds only what a JSON file can store as it is:
    text keys, finite numbers, whole numbers within 64 bits, and text without a lone
    surrogate."""
    stack = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if not isinstance(key, str) or has_lone_surrogate(key):
                    raise RecordError(f"{what} has a key that cannot be stored: {key!r:.40}")
                stack.append(value)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, str):
            if has_lone_surrogate(item):
                raise RecordError(f"{what} holds a broken character (a lone UTF-16 surrogate)")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise RecordError(f"{what} holds a number that cannot be stored: {item!r}")
        elif isinstance(item, int) and not isinstance(item, bool) and not _INT64[0] <= item < _INT64[1]:
            # JSON readers differ past 64 bits (some read a float): never written
            raise RecordError(f"{what} holds a number too large to store: {item!r:.40}")
        elif item is not None and not isinstance(item, (bool, int)):
            raise RecordError(f"{what} holds a value that cannot be stored: {item!r:.40}")


def check_pain(value, what: str = "pain") -> int | None:
    """Pain is a whole number 0-10, or None when not asked."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not PAIN_RANGE[0] <= value <= PAIN_RANGE[1]:
        raise RecordError(f"{what} must be a whole number from 0 to 10, not {value!r:.40}")
    return value


def check_red_flags(value) -> tuple[tuple[str, bool], ...]:
    """The warning-sign answers: an object (or pairs) of known keys to true/false, kept in
    asking order."""
    pairs = value.items() if isinstance(value, dict) else value
    try:
        answers = dict(pairs)
    except (TypeError, ValueError):
        raise RecordError("red_flags must be an object of yes/no answers") from None
    if any(k not in RED_FLAG_KEYS or type(v) is not bool for k, v in answers.items()):
        raise RecordError(f"red_flags answers must be true or false for {', '.join(RED_FLAG_KEYS)}")
    return tuple((k, answers[k]) for k in RED_FLAG_KEYS if k in answers)


def check_reps(value, what: str = "reps") -> int:
    return check_int(value, what, *REPS_RANGE)


def check_int(value, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RecordError(f"{what} must be a whole number from {low} to {high}, not {value!r:.40}")
    return value


def check_time(when, what: str) -> dt.datetime:
    """An aware time inside the plausible window (2000 to the end of 2200, local year)."""
    if not isinstance(when, dt.datetime) or when.tzinfo is None or when.utcoffset() is None:
        raise RecordError(f"{what} must be a time with its UTC offset, not {when!r:.40}")
    if not EARLIEST_DATE.year - 1 <= when.year <= LATEST_YEAR or when < EARLIEST_DATE:
        raise RecordError(f"{what} {when.isoformat(timespec='seconds')} is not a plausible "
                          "date (the computer's clock may be wrong)")
    return when


def parse_time(value, what: str) -> dt.datetime:
    """An ISO 8601 time with its UTC offset, inside a plausible window."""
    if not isinstance(value, str):
        raise RecordError(f"{what} must be an ISO 8601 time, not {value!r:.40}")
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"{what} is not a valid time: {value!r:.40}") from None
    if when.tzinfo is None:
        if not EARLIEST_DATE.year <= when.year <= LATEST_YEAR:  # astimezone overflows near year 1
            raise RecordError(f"{what} {value!r:.40} is not a plausible date")
        when = when.astimezone()  # a hand-edited file may drop the offset: take it as local
    return check_time(when, what)


def _whole_seconds(when: dt.datetime) -> dt.datetime:
    return when.replace(microsecond=0) if when.microsecond else when


def _set_fields_ok(exercise_id, side, set_number, target, done, resistance, hold, step) -> bool:
    """The rules for a set, as one quick test (ten years hold ~45,000 sets)."""
    return (type(exercise_id) is str and 0 < len(exercise_id) <= EXERCISE_ID_MAX_CHARS
            and (side is None or side in SIDES)
            and type(set_number) is int and SET_NUMBER_RANGE[0] <= set_number <= SET_NUMBER_RANGE[1]
            and type(target) is int and REPS_RANGE[0] <= target <= REPS_RANGE[1]
            and type(done) is int and REPS_RANGE[0] <= done <= REPS_RANGE[1]
            and type(resistance) is str and len(resistance) <= TEXT_MAX_CHARS
            and type(hold) in (int, float) and 0 <= hold <= HOLD_MAX_SECONDS
            and (step is None or (type(step) is int and STEP_RANGE[0] <= step <= STEP_RANGE[1]))
            and not has_lone_surrogate(exercise_id) and not has_lone_surrogate(resistance))


def _explain_set(exercise_id, side, set_number, target, done, resistance, hold, step) -> None:
    """Raise the RecordError naming the first rule a set breaks."""
    check_text(exercise_id, "exercise", EXERCISE_ID_MAX_CHARS, empty=False)
    if side is not None and side not in SIDES:
        raise RecordError(f"side must be left, right or null, not {side!r:.40}")
    check_int(set_number, "set", *SET_NUMBER_RANGE)
    check_reps(target, "target_reps")
    check_reps(done, "done_reps")
    check_text(resistance, "resistance")
    if isinstance(hold, bool) or not isinstance(hold, (int, float)) or not 0 <= hold <= HOLD_MAX_SECONDS:
        raise RecordError(f"hold_seconds must be 0-{HOLD_MAX_SECONDS}, not {hold!r:.40}")
    if step is not None:
        check_int(step, "step", *STEP_RANGE)
    raise RecordError("a set breaks a rule")  # unreachable while the two lists agree


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
        fields = (self.exercise_id, self.side, self.set_number, self.target_reps,
                  self.done_reps, self.resistance, self.hold_seconds, self.step_index)
        if not _set_fields_ok(*fields):
            _explain_set(*fields)
        if type(self.hold_seconds) is not float:
            _set(self, "hold_seconds", float(self.hold_seconds))

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
        if not isinstance(doc, dict):
            raise RecordError("a set must be a JSON object")
        get = doc.get
        return cls(get("exercise"), get("side"), get("set"), get("target_reps"), get("done_reps"),
                   get("resistance", ""), get("hold_seconds", 0.0), get("step"))


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
    pain_during: int | None = None   # the worst pain during the session, asked with the after score
    #: (key, answered yes) for each warning sign asked, in RED_FLAG_KEYS order; () when not asked
    red_flags: tuple[tuple[str, bool], ...] = ()

    def __post_init__(self) -> None:
        check_text(self.id, "id", ID_MAX_CHARS, empty=False)
        _set(self, "started_at", _whole_seconds(check_time(self.started_at, "started_at")))
        if self.ended_at is not None:
            _set(self, "ended_at", _whole_seconds(check_time(self.ended_at, "ended_at")))
            if self.ended_at < self.started_at:
                raise RecordError("a session cannot end before it starts")
        if not isinstance(self.completed, bool):
            raise RecordError("completed must be true or false")
        check_text(self.title, "title")
        if self.week is not None:
            check_int(self.week, "week", *WEEK_RANGE)
        check_pain(self.pain_before, "pain_before")
        check_pain(self.pain_after, "pain_after")
        check_pain(self.pain_during, "pain_during")
        _set(self, "red_flags", check_red_flags(self.red_flags))
        if self.next_morning is not None and self.next_morning not in NEXT_MORNING_ANSWERS:
            raise RecordError(f"next_morning must be one of {NEXT_MORNING_ANSWERS}")
        check_text(self.note, "note", NOTE_MAX_CHARS)
        if not isinstance(self.sets, tuple):
            _set(self, "sets", tuple(self.sets) if isinstance(self.sets, list) else self.sets)
        if not isinstance(self.sets, tuple) or not all(type(s) is SetRecord for s in self.sets):
            raise RecordError("sets must be a list of sets")

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
            "pain_during": self.pain_during,
            "red_flags": dict(self.red_flags) if self.red_flags else None,
            "next_morning": self.next_morning,
            "note": self.note,
            "sets": [s.to_doc() for s in self.sets],
        }

    @classmethod
    def from_doc(cls, doc: dict, *, sets: tuple[SetRecord, ...] | None = None) -> "SessionRecord":
        """``sets``: the records of the document's sets, when the caller has built them
        already (store/fast.py builds each distinct set once for a whole file)."""
        if not isinstance(doc, dict):
            raise RecordError("a session must be a JSON object")
        ended = doc.get("ended_at")
        if sets is None:
            sets = doc.get("sets", [])
            if not isinstance(sets, list):
                raise RecordError("sets must be a list")
            sets = tuple(SetRecord.from_doc(s) for s in sets)
        return cls(
            id=doc.get("id"),
            started_at=parse_time(doc.get("started_at"), "started_at"),
            ended_at=parse_time(ended, "ended_at") if ended is not None else None,
            completed=doc.get("completed", False),
            title=doc.get("title", ""),
            week=doc.get("week"),
            pain_before=doc.get("pain_before"),
            pain_after=doc.get("pain_after"),
            pain_during=doc.get("pain_during"),
            red_flags=doc.get("red_flags") or (),
            next_morning=doc.get("next_morning"),
            note=doc.get("note", ""),
            sets=sets,
        )
