"""What the person hears: engine events turned into a tone and a spoken prompt.

Pure Python so the wording and the choice of tone are tested without a sound card.
The prompts say what someone lying on the floor needs, and no more.
"""

from __future__ import annotations

from dataclasses import dataclass

from itbgui.program.exercises import Exercise, Kind
from itbgui.program.timeline import Phase, Step, StepKind, Timeline
from itbgui.core.engine import Event, EventKind

# Sound names match assets/sounds/<name>.wav.
SOUNDS = ("tick", "go", "rest", "switch", "countdown", "end")


@dataclass(frozen=True)
class Cue:
    sound: str | None = None
    speech: str | None = None


def side_label(exercise: Exercise | None, side: str | None, *, spoken: bool = False) -> str:
    """'Left side', for the band walk 'Stepping left', for the stretch the hip stretched
    ('Left hip stretch' on the badge; spoken, 'Stretching the left hip: left ankle over
    right knee'); '' when both sides work together."""
    if not side or exercise is None:
        return ""
    if exercise.side_meaning == "direction":
        return f"Stepping {side}"
    if exercise.kind is Kind.HOLD:
        other = "right" if side == "left" else "left"
        return (f"Stretching the {side} hip: {side} ankle over {other} knee" if spoken
                else f"{side.capitalize()} hip stretch")
    return f"{side.capitalize()} side"


def set_label(step: Step) -> str:
    return f"Set {step.set_number} of {step.set_count}" if step.set_count > 1 else ""


def announce(step: Step) -> str:
    """'Clamshells. Left side. Set 1 of 2.'"""
    parts = [step.exercise.name if step.exercise else "", side_label(step.exercise, step.side, spoken=True),
             set_label(step)]
    return " ".join(f"{p}." for p in parts if p)


def cue_for(event: Event, timeline: Timeline) -> Cue | None:
    step = timeline[event.step_index]
    if event.kind is EventKind.STEP_STARTED:
        return _step_cue(step, timeline, event.step_index)
    if event.kind is EventKind.PHASE:
        first_beat = event.rep == 1 and event.phase is Phase.UP
        speech = None
        if event.phase is Phase.UP:
            speech = "Last one" if event.last_rep and step.target_reps > 1 else str(event.rep)
        return Cue(sound=None if first_beat else "tick", speech=speech)
    if event.kind is EventKind.COUNTDOWN:
        return Cue(sound="countdown")
    if event.kind is EventKind.AUTO_PAUSED:
        return Cue(speech="Paused. Press space to carry on.")
    return None


def _step_cue(step: Step, timeline: Timeline, index: int) -> Cue | None:
    kind = step.kind
    if kind is StepKind.GET_READY:
        return Cue(speech=f"Get ready. {announce(step)}")
    if kind is StepKind.WORK:
        return Cue(sound="go")
    if kind is StepKind.HOLD:
        return Cue(sound="go", speech=f"Hold for {step.duration:g} seconds.")
    if kind is StepKind.REST:
        upcoming = timeline.next_exercise_step(index)
        nxt = f" Next: {announce(upcoming)}" if upcoming else ""
        return Cue(sound="rest", speech=f"Rest.{nxt}")
    if kind is StepKind.SWITCH_SIDE:
        label = side_label(step.exercise, step.side, spoken=True)
        return Cue(sound="switch", speech=f"Switch sides. {label}." if label else "Switch sides.")
    if kind is StepKind.PAIN_AFTER:
        return Cue(sound="end", speech="All done. How does it feel now?")
    return None
