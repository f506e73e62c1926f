"""The end-of-session summary as plain numbers and lines (no Qt), shown by the player."""

from __future__ import annotations

from dataclasses import dataclass

from ..program.exercises import exercise
from ..store.records import SessionRecord


@dataclass(frozen=True)
class ExerciseLine:
    name: str
    detail: str   # "Left 10 + 10 · Right 10 + 9" or "10 + 10" or "Held 30 s each side"
    short: bool   # some set came in under its target


@dataclass(frozen=True)
class SessionSummary:
    minutes: int
    seconds: int
    sets_done: int
    reps_done: int
    pain_before: int | None
    pain_after: int | None
    lines: tuple[ExerciseLine, ...]


def summarise(record: SessionRecord) -> SessionSummary:
    by_exercise: dict[str, list] = {}
    for s in record.sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    lines = []
    for ex_id, sets in by_exercise.items():
        name = exercise(ex_id).name
        if all(s.hold_seconds for s in sets):
            sides = sorted({s.side for s in sets if s.side})
            each = " each side" if len(sides) == 2 else (f", {sides[0]} side" if sides else "")
            lines.append(ExerciseLine(name, f"Held {sets[0].hold_seconds:g} s{each}", False))
            continue
        sides = []
        for side in ("left", "right", None):
            reps = [s.done_reps for s in sets if s.side == side]
            if reps:
                label = f"{side.capitalize()} " if side else ""
                sides.append(label + " + ".join(map(str, reps)))
        short = any(s.done_reps < s.target_reps for s in sets)
        lines.append(ExerciseLine(name, " · ".join(sides), short))
    total = int(round(record.duration_seconds))
    return SessionSummary(
        minutes=total // 60, seconds=total % 60,
        sets_done=sum(1 for s in record.sets if not s.hold_seconds),
        reps_done=record.total_reps,
        pain_before=record.pain_before, pain_after=record.pain_after,
        lines=tuple(lines),
    )
