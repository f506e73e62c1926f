"""A day's prescription: which exercises, how many sets and reps, how fast, how long a rest.

The plan (a later part of the app) decides these numbers; the player only follows them.
Until a plan is set up, :func:`starter_session` gives the program's first week.
"""

from __future__ import annotations

from dataclasses import dataclass

from itbgui.program.exercises import Exercise, Kind, Tempo, catalogue, exercise

SIDES = ("left", "right")


@dataclass(frozen=True)
class ExercisePrescription:
    exercise_id: str
    sets: int
    reps: int
    tempo: Tempo = Tempo()
    rest_seconds: float = 60.0
    step_index: int | None = None  # rung on the exercise's resistance ladder; None = its default
    # The person's own kit in words ("Red band above the knees"); None = the rung's name.
    resistance_label: str | None = None
    # The stretch's hold a side; None = the exercise's own. A day already done sets it to
    # the seconds held, so every view of that day (Plan, PDF, ``week``) says the same.
    hold_seconds: float | None = None

    def __post_init__(self) -> None:
        exercise(self.exercise_id)  # fail early on an unknown id
        if not 1 <= self.sets <= 10:
            raise ValueError(f"sets must be 1-10, got {self.sets}")
        if not 0 <= self.reps <= 200:
            raise ValueError(f"reps must be 0-200, got {self.reps}")
        if self.rest_seconds < 0:
            raise ValueError("rest cannot be negative")

    @property
    def exercise(self) -> Exercise:
        return exercise(self.exercise_id)

    @property
    def hold(self) -> float:
        """Seconds held a side: the stretch's, 0 for a counted exercise."""
        if self.exercise.kind is not Kind.HOLD:
            return 0.0
        return self.exercise.hold_seconds if self.hold_seconds is None else self.hold_seconds

    @property
    def per_side(self) -> bool:
        return self.exercise.is_per_side(self.step_index)

    @property
    def resolved_step_index(self) -> int:
        return self.exercise.default_step if self.step_index is None else self.step_index

    @property
    def resistance(self) -> str:
        if self.resistance_label:
            return self.resistance_label
        return self.exercise.step(self.step_index).name

    def dose_label(self) -> str:
        """'2 x 10 reps per side', '2 x 10 reps' or '30 s per side'."""
        if self.exercise.kind is Kind.HOLD:
            core = f"{self.hold:g} s"
        else:
            core = f"{self.sets} x {self.reps} reps"
        return f"{core} per side" if self.per_side else core


@dataclass(frozen=True)
class SessionPrescription:
    title: str
    items: tuple[ExercisePrescription, ...]
    first_side: str = "left"  # the sore side goes first
    week: int | None = None

    def __post_init__(self) -> None:
        if self.first_side not in SIDES:
            raise ValueError(f"first_side must be one of {SIDES}")
        if not self.items:
            raise ValueError("a session needs at least one exercise")

    @property
    def side_order(self) -> tuple[str, str]:
        return (self.first_side, "right" if self.first_side == "left" else "left")


def starter_session(sets: int = 2, reps: int = 10, first_side: str = "left") -> SessionPrescription:
    """Week 1 for a beginner (PROGRAM.md): 2 x 10 at 2-1-2 on the easiest rungs.

    Rests are 45 s rather than 60 s so the whole session stays near 20 minutes.
    """
    items = []
    for ex in catalogue():
        if ex.kind is Kind.HOLD:
            items.append(ExercisePrescription(ex.id, sets=1, reps=0, rest_seconds=0))
        else:
            items.append(ExercisePrescription(ex.id, sets=sets, reps=reps, tempo=Tempo(2, 1, 2),
                                              rest_seconds=45, step_index=0))
    return SessionPrescription(title="Week 1: learn the movements", items=tuple(items),
                               first_side=first_side, week=1)
