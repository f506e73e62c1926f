"""Where in its movement the figure is at a moment of the session: the figure is the metronome.

Pure functions of a timeline step and the seconds spent in it (the same numbers the
engine counts reps with), so a test can ask for the exact pose drawn at any instant:
up phase: start to end; hold: still at the end; down phase: back to the start. Get-ready,
switch-side and rest show the start position; the stretch's hold shows the stretch.
"""

from __future__ import annotations

from dataclasses import dataclass

from itbgui.program.exercises import Tempo
from itbgui.program.timeline import Phase, Step, StepKind
from itbgui.figures.catalogue import motion
from itbgui.figures.motions import Motion
from itbgui.figures.pose import Pose, interpolate


@dataclass(frozen=True)
class Moment:
    """``stage`` "up" runs start -> end, "down" runs end -> the return pose; ``t`` is the
    share of that phase's time gone by (0..1), before easing; ``other`` marks every
    second rep, which ends on the motion's ``other_end`` when its reps alternate legs."""

    stage: str = "up"
    t: float = 0.0
    other: bool = False


START = Moment("up", 0.0)
END = Moment("up", 1.0)


def ease(t: float) -> float:
    """Slow out of one position, steady through the middle, slow into the next (a
    smoothstep): how a controlled rep looks."""
    t = min(1.0, max(0.0, t))
    return t * t * (3.0 - 2.0 * t)


def moment_for(step: Step, elapsed: float) -> Moment:
    """The figure's moment ``elapsed`` seconds into ``step``."""
    if step.kind is StepKind.HOLD:
        return END
    position = step.rep_position(elapsed) if step.kind is StepKind.WORK else None
    if position is None or step.tempo is None:
        return START
    other = position.rep % 2 == 0
    if position.phase is Phase.UP:
        return Moment("up", _share(step.tempo.up, position.phase_remaining), other)
    if position.phase is Phase.HOLD:
        return Moment("up", 1.0, other)
    return Moment("down", _share(step.tempo.down, position.phase_remaining), other)


def loop_moment(tempo: Tempo, seconds: float, pause: float = 1.0) -> Moment:
    """A rep at ``tempo`` repeated for ever with a short pause at the start (the Library)."""
    cycle = pause + tempo.rep_seconds
    t = seconds % cycle
    other = int(seconds // cycle) % 2 == 1
    if t < pause:
        return START
    t -= pause
    if t < tempo.up:
        return Moment("up", t / tempo.up, other)
    t -= tempo.up
    if t < tempo.hold:
        return Moment("up", 1.0, other)
    t -= tempo.hold
    return Moment("down", t / tempo.down if tempo.down > 0 else 1.0, other)


def _share(length: float, remaining: float) -> float:
    if length <= 0:
        return 1.0
    return min(1.0, max(0.0, 1.0 - remaining / length))


def still(moment: Moment) -> Moment:
    """Reduce motion: the nearest key position instead of the way between them."""
    if moment.stage == "down":
        return Moment("down", 1.0, moment.other)
    return Moment("up", 1.0, moment.other) if moment.t > 0 else START


def end_of(m: Motion, moment: Moment) -> Pose:
    """The end position of this moment's rep (every other rep's when reps alternate)."""
    return m.other_end if moment.other and m.other_end is not None else m.end


def pose_at(m: Motion, moment: Moment) -> Pose:
    """The pose drawn at ``moment``."""
    if moment.stage == "down":
        return interpolate(end_of(m, moment), m.return_pose, ease(moment.t))
    return interpolate(m.start, end_of(m, moment), ease(moment.t))


def motion_for_step(step: Step) -> Motion | None:
    """The picture of the rung a step is done at (None for steps without an exercise)."""
    ex = step.exercise
    if ex is None:
        return None
    index = step.step_index if step.step_index is not None else ex.default_step
    rung = ex.steps[index].name if 0 <= index < len(ex.steps) else None
    return motion(ex.id, rung)
