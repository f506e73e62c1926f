"""The exercise catalogue: what each movement is, how to do it, and how it gets harder.

Facts come from the source article and PROGRAM.md; every sentence is our own. Pure
data, no Qt, so the plan, the player and the printed sheet all read the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    REPS = "reps"    # counted repetitions at a tempo
    HOLD = "hold"    # a timed hold (the cool-down stretch)


@dataclass(frozen=True)
class Tempo:
    """Seconds for each phase of one repetition."""

    up: float = 2.0
    hold: float = 1.0
    down: float = 2.0

    @property
    def rep_seconds(self) -> float:
        return self.up + self.hold + self.down

    def label(self) -> str:
        return f"{self.up:g}-{self.hold:g}-{self.down:g}"


@dataclass(frozen=True)
class ResistanceStep:
    """One rung on an exercise's ladder, easiest first.

    ``per_side`` overrides the exercise's own value: a two-leg bridge works both
    sides at once, a single-leg bridge one at a time.
    """

    name: str
    per_side: bool | None = None
    #: What is particular to this rung, said first on the player and in the Library.
    cues: tuple[str, ...] = ()
    #: Seconds held at the top of each rep on this rung (a harder variant without kit).
    tempo_hold: float | None = None


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    muscles: tuple[str, ...]
    cues: tuple[str, ...]
    why: str
    pro_tip: str
    per_side: bool
    steps: tuple[ResistanceStep, ...]
    default_step: int = 0
    kind: Kind = Kind.REPS
    tempo: Tempo = Tempo()
    hold_seconds: float = 0.0
    # "leg" for one leg at a time; "direction" for the band walk's stepping direction.
    side_meaning: str = "leg"
    #: Step indices easiest first (docs/progression.md gives each place's reason); empty:
    #: the steps' own order. Indices are stored with every set, so new rungs are appended.
    order: tuple[int, ...] = ()

    def ladder(self) -> tuple[tuple[int, ResistanceStep], ...]:
        """(step index, rung) easiest first; the plan starts on the first."""
        indices = self.order or tuple(range(len(self.steps)))
        return tuple((i, self.steps[i]) for i in indices)

    def step(self, index: int | None = None) -> ResistanceStep:
        return self.steps[self.default_step if index is None else index]

    def cues_for(self, step_index: int | None = None) -> tuple[str, ...]:
        """The rung's own cues first, then the exercise's (which hold on every rung)."""
        return self.step(step_index).cues + self.cues

    def is_per_side(self, step_index: int | None = None) -> bool:
        override = self.step(step_index).per_side
        return self.per_side if override is None else override


CLAMSHELL = Exercise(
    id="clamshell",
    name="Clamshells",
    muscles=("Gluteus medius", "Deep hip rotators"),
    cues=(
        "Lie on your side, knees bent, one hip stacked over the other.",
        "Heels stay glued together the whole time.",
        "Open the top knee like a shell, then close it slowly.",
        "Keep the pelvis still: it must not roll backwards.",
    ),
    why="Trains the gluteus medius, the muscle that stops the knee drifting inward "
        "each time you land on one leg.",
    pro_tip="Rest a hand on your top hip. If it rolls back, make the movement smaller.",
    per_side=True,
    steps=(
        ResistanceStep("Bodyweight", cues=("No band: the top leg's own weight is the load.",)),
        ResistanceStep("Light band above the knees",
                       cues=("Loop the band just above both knees, snug at the start.",)),
        ResistanceStep("Next band colour above the knees",
                       cues=("The heavier band goes just above both knees.",)),
        ResistanceStep("Side-plank clamshell",
                       cues=("Prop up on your forearm and knees, hips lifted off the floor.",)),
        ResistanceStep("Bodyweight, 2 s hold with the knee open", tempo_hold=2,
                       cues=("At the top, hold the knee open for 2 s, then close it.",)),
    ),
    order=(0, 4, 1, 2, 3),
)

SIDE_LEG_LIFT = Exercise(
    id="side_leg_lift",
    name="Side-lying leg lifts",
    muscles=("Gluteus medius", "Gluteus minimus"),
    cues=(
        "Lie on your side; bend the bottom leg for balance.",
        "Roll the top hip a little forward, toes pointing ahead.",
        "Lift to about 45 degrees, slightly behind your body line.",
        "Lower slowly. The hip must not hike up or roll back.",
    ),
    why="Builds the side-hip strength that keeps the pelvis level on every running stride.",
    pro_tip="Flex the foot and lead with the heel. Higher is not better.",
    per_side=True,
    steps=(
        ResistanceStep("Top knee bent", cues=("Keep the top knee bent: a short, light lever.",)),
        ResistanceStep("Straight leg", cues=("The top leg stays long and straight, heel leading.",)),
        ResistanceStep("Ankle weight", cues=("Strap the weight to the top ankle; leg straight.",)),
        ResistanceStep("Band around the ankles",
                       cues=("Band around both ankles, top leg straight, band taut.",)),
        ResistanceStep("Straight leg, 2 s hold at the top", tempo_hold=2,
                       cues=("Leg long and straight; hold 2 s at the top, then lower.",)),
    ),
    order=(0, 1, 4, 2, 3),
)

SINGLE_LEG_DEADLIFT = Exercise(
    id="single_leg_deadlift",
    name="Single-leg deadlifts",
    muscles=("Gluteus maximus", "Hamstrings", "Core"),
    cues=(
        "Stand on one leg with the knee softly bent.",
        "Send the hips back and tip forward in one piece, back flat.",
        "Let the free leg reach long behind you.",
        "Hips square, standing knee in line with your toes.",
        "Squeeze the glute to come back up tall.",
    ),
    why="Strengthens the glutes, hamstrings and trunk together and trains balance on "
        "one leg, just as running does.",
    pro_tip="Touch a wall or chair with your fingertips at first; add a dumbbell in "
            "the opposite hand much later.",
    per_side=True,
    steps=(
        ResistanceStep("Fingertip support", cues=("Fingertips on a wall or chair back for balance.",)),
        ResistanceStep("Bodyweight", cues=("No support: balance on the standing leg alone.",)),
        ResistanceStep("Light dumbbell in the opposite hand",
                       cues=("Hold the dumbbell in the hand opposite the standing leg.",)),
        ResistanceStep("Heavier dumbbell in the opposite hand",
                       cues=("The heavier dumbbell, in the hand opposite the standing leg.",)),
        ResistanceStep("Bodyweight, 2 s pause at the bottom", tempo_hold=2,
                       cues=("No support; pause 2 s at the bottom, back flat.",)),
    ),
    order=(0, 1, 4, 2, 3),
)

GLUTE_BRIDGE = Exercise(
    id="glute_bridge",
    name="Glute bridges",
    muscles=("Gluteus maximus", "Hamstrings"),
    cues=(
        "On your back, knees bent, feet flat and hip-width apart.",
        "Press through your heels and raise your hips.",
        "Stop when shoulders, hips and knees form one straight line.",
        "Hips stay level; do not arch the lower back.",
    ),
    why="Switches on the gluteus maximus, the main engine of your push-off.",
    pro_tip="When two legs feel easy, lift one foot and bridge on a single leg.",
    per_side=False,
    steps=(
        ResistanceStep("Two-leg bridge", per_side=False, cues=("Both feet stay down the whole time.",)),
        ResistanceStep("Single-leg bridge", per_side=True,
                       cues=("One foot down, the other knee drawn up; press through one heel.",)),
        ResistanceStep("Single-leg hip thrust, shoulders on a bench", per_side=True,
                       cues=("Shoulders on a bench or sofa edge, one foot down.",)),
        ResistanceStep("Marching bridge", per_side=False,
                       cues=("At the top, lift one foot, set it down, then the other.",)),
        ResistanceStep("Single-leg bridge, 2 s hold at the top", per_side=True, tempo_hold=2,
                       cues=("One foot down; hold 2 s at the top, hips level.",)),
    ),
    order=(0, 3, 1, 4, 2),
)

LATERAL_BAND_WALK = Exercise(
    id="lateral_band_walk",
    name="Lateral band walks",
    muscles=("Gluteus medius", "Gluteus maximus", "Quadriceps", "Hamstrings"),
    cues=(
        "Sink into a quarter squat and stay there.",
        "Toes forward, knees pressing out.",
        "Step sideways slowly, the same number each way.",
        "Never let the feet come together.",
    ),
    why="Makes the side-hip stabilisers work while you move, with the thighs helping.",
    pro_tip="Stay low in an athletic stance and count the steps in each direction.",
    per_side=True,
    side_meaning="direction",
    steps=(
        ResistanceStep("Band at the knees", cues=("Band just above the knees, never slack.",)),
        ResistanceStep("Band at the ankles", cues=("Band around the ankles, never slack.",)),
        ResistanceStep("Band around the feet", cues=("Band around the forefeet: the longest lever.",)),
        ResistanceStep("Next band colour around the feet",
                       cues=("The heavier band around the forefeet, never slack.",)),
        ResistanceStep("No band: deeper squat, 2 s pause on each step", tempo_hold=2,
                       cues=("No band: squat a little deeper and pause on each step.",)),
        ResistanceStep("No band: side steps in a quarter squat",
                       cues=("No band yet: the squat and the steps do the work.",)),
    ),
    order=(5, 4, 0, 1, 2, 3),
)

GLUTE_STRETCH = Exercise(
    id="glute_stretch",
    name="Glute stretch",
    muscles=("Gluteus maximus", "Piriformis"),
    cues=(
        "Lie on your back with both knees bent.",
        "Cross one ankle over the opposite knee.",
        "Draw the bottom thigh towards your chest until the buttock stretches.",
        "Breathe slowly. Ease in; never force it.",
    ),
    why="Lets the hip settle after the strength work as a calm cool-down.",
    pro_tip="Foam rolling near the IT band is an optional extra, never a stand-in "
            "for the strength work.",
    per_side=True,
    kind=Kind.HOLD,
    hold_seconds=30.0,
    steps=(
        ResistanceStep("Seated figure-4", cues=("Sit tall on a chair; ankle over the opposite knee.",)),
        ResistanceStep("Lying figure-4", cues=("The buttock of the crossed leg is the side stretched.",)),
    ),
    default_step=1,
)

#: In session order: the five strength exercises, then the cool-down.
CATALOGUE: tuple[Exercise, ...] = (
    CLAMSHELL,
    SIDE_LEG_LIFT,
    SINGLE_LEG_DEADLIFT,
    GLUTE_BRIDGE,
    LATERAL_BAND_WALK,
    GLUTE_STRETCH,
)

_BY_ID = {exercise.id: exercise for exercise in CATALOGUE}


def exercise(exercise_id: str) -> Exercise:
    """Look up an exercise; a clear KeyError names the unknown id."""
    try:
        return _BY_ID[exercise_id]
    except KeyError:
        raise KeyError(f"unknown exercise {exercise_id!r}") from None
