"""The session script: a day's prescription unrolled into the steps the player walks through.

Each step knows its own length; inside a work step the rep number and tempo phase are
derived from the time spent in it, so nothing here ticks or counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from itbgui.program.exercises import Exercise, Kind, Tempo, exercise
from itbgui.program.prescription import ExercisePrescription, SessionPrescription


class StepKind(Enum):
    PAIN_BEFORE = "pain_before"   # untimed: waits for the person
    GET_READY = "get_ready"       # intro card for an exercise, counting down
    WORK = "work"                 # one set of reps at the tempo
    SWITCH_SIDE = "switch_side"   # short change-over between left and right
    REST = "rest"                 # between sets, with "next up"
    HOLD = "hold"                 # the stretch, held for a time
    PAIN_AFTER = "pain_after"     # untimed: pain now and a note
    DONE = "done"                 # the summary


class Phase(Enum):
    UP = "up"
    HOLD = "hold"
    DOWN = "down"


@dataclass(frozen=True)
class Timing:
    """Lengths the prescription does not set (Settings may change them)."""

    get_ready_seconds: float = 15.0
    switch_side_seconds: float = 6.0
    change_over_seconds: float = 30.0  # get-ready between two exercises

    def __post_init__(self) -> None:
        if not 3 <= self.get_ready_seconds <= 120:
            raise ValueError("get-ready must be 3-120 s")
        if not 2 <= self.switch_side_seconds <= 60:
            raise ValueError("switch-side must be 2-60 s")
        if not 5 <= self.change_over_seconds <= 180:
            raise ValueError("change-over must be 5-180 s")


@dataclass(frozen=True)
class RepPosition:
    rep: int                 # 1-based
    phase: Phase
    phase_remaining: float   # seconds left in this phase


@dataclass(frozen=True)
class Step:
    kind: StepKind
    duration: float | None = None         # None: waits for the person
    item_index: int | None = None         # which prescription item
    exercise_id: str | None = None
    side: str | None = None               # "left" / "right" / None
    set_number: int = 0                   # 1-based within the exercise
    set_count: int = 0
    target_reps: int = 0
    tempo: Tempo | None = None
    resistance: str = ""
    step_index: int | None = None         # rung on the exercise's resistance ladder

    @property
    def is_timed(self) -> bool:
        return self.duration is not None

    @property
    def exercise(self) -> Exercise | None:
        return exercise(self.exercise_id) if self.exercise_id else None

    @property
    def logs_a_set(self) -> bool:
        return self.kind in (StepKind.WORK, StepKind.HOLD)

    def rep_position(self, elapsed: float) -> RepPosition | None:
        """Where in the set a work step is after ``elapsed`` seconds."""
        if self.kind is not StepKind.WORK or not self.tempo or self.target_reps == 0:
            return None
        per_rep = self.tempo.rep_seconds
        elapsed = min(max(elapsed, 0.0), per_rep * self.target_reps - 1e-9)
        rep_index, into_rep = divmod(elapsed, per_rep)
        bounds = ((Phase.UP, self.tempo.up), (Phase.HOLD, self.tempo.hold), (Phase.DOWN, self.tempo.down))
        for phase, length in bounds:
            if into_rep < length:
                return RepPosition(int(rep_index) + 1, phase, length - into_rep)
            into_rep -= length
        return RepPosition(int(rep_index) + 1, Phase.DOWN, 0.0)  # float edge at the very end

    def phase_boundaries(self) -> list[float]:
        """Offsets into a work step where a new tempo phase begins (for the tick sound)."""
        if self.kind is not StepKind.WORK or not self.tempo:
            return []
        offsets, t = [], 0.0
        for _ in range(self.target_reps):
            for length in (self.tempo.up, self.tempo.hold, self.tempo.down):
                if length > 0:
                    offsets.append(t)
                t += length
        return offsets


@dataclass(frozen=True)
class Timeline:
    prescription: SessionPrescription
    steps: tuple[Step, ...]

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, index: int) -> Step:
        return self.steps[index]

    @property
    def timed_seconds(self) -> float:
        """The session's length without the pain questions: its estimated duration."""
        return sum(step.duration or 0.0 for step in self.steps)

    def seconds_before(self, index: int) -> float:
        return sum(step.duration or 0.0 for step in self.steps[:index])

    def next_exercise_step(self, index: int) -> Step | None:
        """The next step that has the person moving (for 'next up' on a rest)."""
        for step in self.steps[index + 1:]:
            if step.kind in (StepKind.WORK, StepKind.HOLD):
                return step
        return None


def build_timeline(prescription: SessionPrescription, timing: Timing = Timing()) -> Timeline:
    steps: list[Step] = [Step(StepKind.PAIN_BEFORE)]
    for item_index, item in enumerate(prescription.items):
        steps.extend(_exercise_steps(item_index, item, prescription, timing, first=item_index == 0))
    steps.append(Step(StepKind.PAIN_AFTER))
    steps.append(Step(StepKind.DONE))
    return Timeline(prescription, tuple(steps))


def _exercise_steps(item_index: int, item: ExercisePrescription, prescription: SessionPrescription,
                    timing: Timing, first: bool) -> list[Step]:
    ex = item.exercise
    sides: tuple[str | None, ...] = prescription.side_order if item.per_side else (None,)
    is_hold = ex.kind is Kind.HOLD
    common = dict(item_index=item_index, exercise_id=ex.id, set_count=item.sets,
                  resistance=item.resistance, step_index=item.resolved_step_index)

    # Between exercises the get-ready is also the breather after the last set.
    ready = timing.get_ready_seconds if first else max(timing.get_ready_seconds,
                                                        timing.change_over_seconds)
    steps = [Step(StepKind.GET_READY, ready, side=sides[0], set_number=1,
                  target_reps=item.reps, tempo=item.tempo, **common)]
    for set_number in range(1, item.sets + 1):
        for side_index, side in enumerate(sides):
            if side_index > 0:
                steps.append(Step(StepKind.SWITCH_SIDE, timing.switch_side_seconds, side=side,
                                  set_number=set_number, target_reps=item.reps, tempo=item.tempo,
                                  **common))
            if is_hold:
                steps.append(Step(StepKind.HOLD, item.hold, side=side,
                                  set_number=set_number, **common))
            else:
                steps.append(Step(StepKind.WORK, item.reps * item.tempo.rep_seconds, side=side,
                                  set_number=set_number, target_reps=item.reps, tempo=item.tempo,
                                  **common))
        if set_number < item.sets and item.rest_seconds > 0:
            steps.append(Step(StepKind.REST, item.rest_seconds, side=sides[0],
                              set_number=set_number + 1, target_reps=item.reps, tempo=item.tempo,
                              **common))
    return steps
