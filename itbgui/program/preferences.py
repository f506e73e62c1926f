"""The person's session preferences (tempo, rest, get-ready) and how they reshape a session.

Pure Python, no Qt: Settings stores these numbers, and the window passes them here before
it builds a timeline, so a changed rest length shows up in the very next session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from itbgui.program.exercises import Kind, Tempo
from itbgui.program.prescription import SessionPrescription
from itbgui.program.timeline import Timing

#: Safe bounds, in seconds. Faster than 1 s a phase turns a rep into a swing; the hold is
#: optional; rests below 20 s leave no time to breathe, above 120 s the session drags past
#: the program's 15-20 minutes. Get-ready stays well inside Timing's own 3-120 s.
TEMPO_UP_RANGE = (1.0, 4.0)
TEMPO_HOLD_RANGE = (0.0, 3.0)
TEMPO_DOWN_RANGE = (1.0, 5.0)
REST_RANGE = (20, 120)
GET_READY_RANGE = (5, 60)

DEFAULT_GET_READY_SECONDS = int(Timing().get_ready_seconds)
DEFAULT_REST_SECONDS = 45
DEFAULT_TEMPO = Tempo(2.0, 1.0, 2.0)


def within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


@dataclass(frozen=True)
class SessionPreferences:
    """What the person chose in Settings; ``None`` means "as the plan says"."""

    tempo: Tempo | None = None
    rest_seconds: float | None = None
    get_ready_seconds: float = DEFAULT_GET_READY_SECONDS

    def __post_init__(self) -> None:
        if self.tempo is not None:
            for value, bounds, name in ((self.tempo.up, TEMPO_UP_RANGE, "up"),
                                        (self.tempo.hold, TEMPO_HOLD_RANGE, "hold"),
                                        (self.tempo.down, TEMPO_DOWN_RANGE, "down")):
                if not within(value, bounds):
                    raise ValueError(f"tempo {name} must be {bounds[0]:g}-{bounds[1]:g} s, got {value:g}")
        if self.rest_seconds is not None and not within(self.rest_seconds, REST_RANGE):
            raise ValueError(f"rest must be {REST_RANGE[0]}-{REST_RANGE[1]} s, got {self.rest_seconds:g}")
        if not within(self.get_ready_seconds, GET_READY_RANGE):
            raise ValueError(f"get-ready must be {GET_READY_RANGE[0]}-{GET_READY_RANGE[1]} s, "
                             f"got {self.get_ready_seconds:g}")


def apply_preferences(prescription: SessionPrescription,
                      prefs: SessionPreferences) -> SessionPrescription:
    """The same session with the person's tempo and rest in place of the plan's.

    Only counted exercises change: the stretch keeps its hold, and an exercise done in a
    single set has no rest to change. A chosen rest is the countdown shown between sets,
    as is, also where the plan gives one-side-at-a-time work only a short breather.
    """
    items = []
    for item in prescription.items:
        if item.exercise.kind is Kind.REPS:
            changes = {}
            if prefs.tempo is not None:
                changes["tempo"] = prefs.tempo
            if prefs.rest_seconds is not None and item.sets > 1:
                changes["rest_seconds"] = float(prefs.rest_seconds)
            item = replace(item, **changes) if changes else item
        items.append(item)
    return replace(prescription, items=tuple(items))


def timing_for(prefs: SessionPreferences, base: Timing = Timing()) -> Timing:
    """The timeline's fixed lengths with the person's get-ready countdown."""
    return replace(base, get_ready_seconds=float(prefs.get_ready_seconds))
