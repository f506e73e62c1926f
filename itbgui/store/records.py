"""What a stored session looks like, and its conversion to and from JSON documents.

Plain dataclasses so the engine can build them and tests can compare them; the JSON
shape is documented in docs/data-format.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SetRecord:
    exercise_id: str
    side: str | None          # "left", "right" or None for both at once
    set_number: int
    target_reps: int
    done_reps: int
    resistance: str
    hold_seconds: float = 0.0  # a stretch is held, not counted

    def to_doc(self) -> dict:
        return {
            "exercise": self.exercise_id,
            "side": self.side,
            "set": self.set_number,
            "target_reps": self.target_reps,
            "done_reps": self.done_reps,
            "resistance": self.resistance,
            "hold_seconds": self.hold_seconds,
        }

    @classmethod
    def from_doc(cls, doc: dict) -> "SetRecord":
        return cls(
            exercise_id=str(doc["exercise"]),
            side=doc.get("side"),
            set_number=int(doc["set"]),
            target_reps=int(doc["target_reps"]),
            done_reps=int(doc["done_reps"]),
            resistance=str(doc.get("resistance", "")),
            hold_seconds=float(doc.get("hold_seconds", 0.0)),
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
            "note": self.note,
            "sets": [s.to_doc() for s in self.sets],
        }

    @classmethod
    def from_doc(cls, doc: dict) -> "SessionRecord":
        ended = doc.get("ended_at")
        return cls(
            id=str(doc["id"]),
            started_at=dt.datetime.fromisoformat(doc["started_at"]),
            ended_at=dt.datetime.fromisoformat(ended) if ended else None,
            completed=bool(doc.get("completed", False)),
            title=str(doc.get("title", "")),
            week=doc.get("week"),
            pain_before=doc.get("pain_before"),
            pain_after=doc.get("pain_after"),
            note=str(doc.get("note", "")),
            sets=tuple(SetRecord.from_doc(s) for s in doc.get("sets", [])),
        )
