"""The end-of-session summary as plain numbers and lines (no Qt), shown by the player."""

from __future__ import annotations

from dataclasses import dataclass

from itbgui.program.decisions import ACCEPTABLE_PAIN, EASY_PAIN, HOLD, MEANINGFUL_CHANGE, STEP_BACK
from itbgui.program.exercises import Kind, exercise
from itbgui.program.rule import peak_pain
from itbgui.program.sessions import is_partial
from itbgui.store.records import SessionRecord


@dataclass(frozen=True)
class ExerciseLine:
    name: str
    detail: str   # "Left 10 + 10 · Right 10 + 9", "10 + 10", "Held 30 s each side", "Left side held 2 s"
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
    pain_during: int | None = None   # the worst during it, asked at the end


def _held(sets) -> str:
    """The seconds actually held, per side: "Held 30 s each side" only when it was."""
    held = {s.side: s.hold_seconds for s in sets if s.hold_seconds}
    if not held:
        return "Not held"
    if set(held) == {"left", "right"} and held["left"] == held["right"]:
        return f"Held {held['left']:g} s each side"
    return " · ".join(f"{(side or '').capitalize()} side held {held[side]:g} s".strip()
                      for side in ("left", "right", None) if side in held)


@dataclass(frozen=True)
class Verdict:
    """What the end of the session says, worked out from the record alone.

    ``kind``: "complete", "partial" (reached the end with under half its reps), "early"
    (stopped after some sets), "nothing" (stopped before any set: the pain score is still kept) or "flare" (pain above 5/10, or a rise of 2 or more
    to above 3/10): then ``action`` is what the rule does next time for this session's
    exercises ("step_back" or "hold"; docs/progression.md R2, R3)."""

    kind: str
    peak: int | None = None
    rise: int | None = None
    action: str | None = None
    #: a warning sign answered yes: strength work pauses until a clinician has seen the person
    red_flag: bool = False


def verdict(record: SessionRecord) -> Verdict:
    peak = peak_pain(record)
    rise = (record.pain_after - record.pain_before
            if record.pain_after is not None and record.pain_before is not None else None)
    did = any(s.done_reps > 0 or s.hold_seconds > 0 for s in record.sets)
    if not did:
        return Verdict("nothing", peak, rise)
    if peak is not None and (peak > ACCEPTABLE_PAIN or (
            rise is not None and rise >= MEANINGFUL_CHANGE and peak > EASY_PAIN)):
        return Verdict("flare", peak, rise, STEP_BACK if peak > ACCEPTABLE_PAIN else HOLD,
                       any(yes for _, yes in record.red_flags))
    if is_partial(record):
        return Verdict("partial", peak, rise)
    return Verdict("complete" if record.completed else "early", peak, rise)


def summarise(record: SessionRecord) -> SessionSummary:
    by_exercise: dict[str, list] = {}
    for s in record.sets:
        by_exercise.setdefault(s.exercise_id, []).append(s)
    lines = []
    for ex_id, sets in by_exercise.items():
        name = exercise(ex_id).name
        if exercise(ex_id).kind is Kind.HOLD:
            lines.append(ExerciseLine(name, _held(sets), False))
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
        lines=tuple(lines), pain_during=record.pain_during,
    )
