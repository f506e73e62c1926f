"""What a stored run and a walking readiness check look like, and their JSON documents.

The same rules as a session's (records.py): a record is checked when it is built, so the
run dialog, an importer or a hand-edited file cannot save what the next start would
throw away, and ``from_doc`` builds through those same checks. Numbers are kept as they
are given (a float reads back as the same float), so an imported run reopens equal.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from itbgui.store.records import (
    ID_MAX_CHARS, NEXT_MORNING_ANSWERS, NOTE_MAX_CHARS, RecordError, _whole_seconds,
    check_int, check_pain, check_red_flags, check_text, check_time, parse_time,
)

#: Where a run came from: typed in, or read from a watch or phone app's file.
RUN_SOURCES = ("manual", "gpx", "tcx", "fit")
TERRAINS = ("flat", "hilly")
#: Beyond these a number is a typing or device error, never a run a rehab plan follows.
DISTANCE_MAX_KM = 500.0
DURATION_MAX_S = 48 * 3600
ELEVATION_MAX_M = 20_000.0
STAGE_RANGE = (0, 20)
WALK_MINUTES_RANGE = (0, 600)

_set = object.__setattr__


def check_amount(value, what: str, high: float) -> float | None:
    """A finite number from 0 to ``high`` (ints are taken as they are), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RecordError(f"{what} must be a number, not {value!r:.40}")
    if not 0 <= value <= high:
        raise RecordError(f"{what} must be from 0 to {high:g}, not {value!r:.40}")
    return value


def _choice(value, what: str, allowed: tuple[str, ...], *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if value not in allowed:
        raise RecordError(f"{what} must be one of {', '.join(allowed)}, not {value!r:.40}")
    return value


@dataclass(frozen=True)
class RunRecord:
    """One run (or walk-run). Unknown values are None; ``pain_during == 0`` is "no pain".

    ``pain_onset_km`` / ``pain_onset_min`` say where the pain began, whichever the runner
    knows; ``stage`` is the return-to-run stage the plan gave for it, when it gave one.
    """

    id: str
    started_at: dt.datetime
    distance_km: float | None = None
    duration_s: int | None = None
    elevation_gain_m: float | None = None
    terrain: str | None = None
    source: str = "manual"
    pain_during: int | None = None
    pain_onset_km: float | None = None
    pain_onset_min: float | None = None
    pain_after: int | None = None
    next_morning: str | None = None
    note: str = ""
    stage: int | None = None
    #: (key, answered yes) for each warning sign asked after a painful run, in
    #: RED_FLAG_KEYS order (as a session's); () when not asked
    red_flags: tuple[tuple[str, bool], ...] = ()

    def __post_init__(self) -> None:
        check_text(self.id, "id", ID_MAX_CHARS, empty=False)
        _set(self, "started_at", _whole_seconds(check_time(self.started_at, "started_at")))
        check_amount(self.distance_km, "distance_km", DISTANCE_MAX_KM)
        if self.duration_s is not None:
            check_int(self.duration_s, "duration_s", 0, DURATION_MAX_S)
        check_amount(self.elevation_gain_m, "elevation_gain_m", ELEVATION_MAX_M)
        _choice(self.terrain, "terrain", TERRAINS)
        _choice(self.source, "source", RUN_SOURCES, optional=False)
        check_pain(self.pain_during, "pain_during")
        check_amount(self.pain_onset_km, "pain_onset_km", DISTANCE_MAX_KM)
        check_amount(self.pain_onset_min, "pain_onset_min", DURATION_MAX_S / 60)
        if self.pain_during == 0 and (self.pain_onset_km is not None or self.pain_onset_min is not None):
            raise RecordError("a run without pain cannot say where the pain began")
        if (self.pain_onset_km is not None and self.distance_km is not None
                and self.pain_onset_km > self.distance_km):
            raise RecordError("the pain cannot begin further than the run went")
        check_pain(self.pain_after, "pain_after")
        _choice(self.next_morning, "next_morning", NEXT_MORNING_ANSWERS)
        check_text(self.note, "note", NOTE_MAX_CHARS)
        if self.stage is not None:
            check_int(self.stage, "stage", *STAGE_RANGE)
        _set(self, "red_flags", check_red_flags(self.red_flags))

    @property
    def pain_free(self) -> bool:
        return self.pain_during == 0

    @property
    def answered(self) -> bool:
        """Its pain answers are in (an imported run asks for them on Today)."""
        return self.pain_during is not None and self.pain_after is not None

    def to_doc(self) -> dict:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "distance_km": self.distance_km,
            "duration_s": self.duration_s,
            "elevation_gain_m": self.elevation_gain_m,
            "terrain": self.terrain,
            "source": self.source,
            "pain_during": self.pain_during,
            "pain_onset_km": self.pain_onset_km,
            "pain_onset_min": self.pain_onset_min,
            "pain_after": self.pain_after,
            "next_morning": self.next_morning,
            "note": self.note,
            "stage": self.stage,
            "red_flags": dict(self.red_flags) if self.red_flags else None,
        }

    @classmethod
    def from_doc(cls, doc: dict) -> "RunRecord":
        if not isinstance(doc, dict):
            raise RecordError("a run must be a JSON object")
        return cls(
            id=doc.get("id"),
            started_at=parse_time(doc.get("started_at"), "started_at"),
            distance_km=doc.get("distance_km"),
            duration_s=doc.get("duration_s"),
            elevation_gain_m=doc.get("elevation_gain_m"),
            terrain=doc.get("terrain"),
            source=doc.get("source", "manual"),
            pain_during=doc.get("pain_during"),
            pain_onset_km=doc.get("pain_onset_km"),
            pain_onset_min=doc.get("pain_onset_min"),
            pain_after=doc.get("pain_after"),
            next_morning=doc.get("next_morning"),
            note=doc.get("note", ""),
            stage=doc.get("stage"),
            red_flags=doc.get("red_flags") or (),
        )


@dataclass(frozen=True)
class ReadinessCheck:
    """The person's answer to "brisk walking, how long and how much pain?" before runs start.

    Only the answer is stored; whether it is enough to start running is the program's
    rule (program/, not here), so a changed rule reads old answers anew.
    """

    id: str
    answered_at: dt.datetime
    walked_minutes: int
    pain: int

    def __post_init__(self) -> None:
        check_text(self.id, "id", ID_MAX_CHARS, empty=False)
        _set(self, "answered_at", _whole_seconds(check_time(self.answered_at, "answered_at")))
        check_int(self.walked_minutes, "walked_minutes", *WALK_MINUTES_RANGE)
        if check_pain(self.pain, "pain") is None:
            raise RecordError("pain must be a whole number from 0 to 10, not None")

    def to_doc(self) -> dict:
        return {"id": self.id, "answered_at": self.answered_at.isoformat(timespec="seconds"),
                "walked_minutes": self.walked_minutes, "pain": self.pain}

    @classmethod
    def from_doc(cls, doc: dict) -> "ReadinessCheck":
        if not isinstance(doc, dict):
            raise RecordError("a readiness check must be a JSON object")
        return cls(id=doc.get("id"), answered_at=parse_time(doc.get("answered_at"), "answered_at"),
                   walked_minutes=doc.get("walked_minutes"), pain=doc.get("pain"))
