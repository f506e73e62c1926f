"""The exercise catalogue: one entry per exercise holding every fact about it.

What it is and how to do it, its ladder and how the person's kit words each rung, the
sessions (A, B) it belongs to, its picture, its chart colour and what its "side" means.
The plan, the progression, the player, the printed sheet, History and the Library all read
these entries and never test an exercise's id, so adding an exercise is one entry here and
its picture in :mod:`itbgui.figures.catalogue`.

Facts come from the source article and PROGRAM.md; every sentence is our own. Pure
data, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Protocol, TypeVar

from itbgui.program.plan_setup import THERA_BAND_ORDER

T = TypeVar("T")


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


class Kit(Protocol):
    """The person's kit as the set-up holds it (program.plan_setup.PlanSetup)."""

    bands: tuple[str, ...]
    dumbbells_kg: tuple[float, ...]
    ankle_weights: bool
    bench: bool


#: A rung the person can do, as (step index, their words for it); None words: not usable.
KitRungs = Callable[["Exercise", Kit], "list[tuple[int, str | None]]"]


@dataclass(frozen=True)
class ChartStyle:
    """How History draws the exercise: a colour for light and for dark backgrounds (told
    apart by symbol and line too, so nothing depends on colour alone)."""

    light: str
    dark: str
    symbol: str = "o"     # a pyqtgraph symbol
    dash: str = "solid"   # solid, dash, dot, dash_dot or dash_dot_dot


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
    #: The plan's sessions it is in ("A", "B"); maintenance holds every exercise.
    sessions: tuple[str, ...] = ()
    #: A few words for a session's focus line ("clamshells"); empty: not named there.
    short_name: str = ""
    #: Its pictures' key in figures.catalogue.MOTIONS; empty: the id.
    picture: str = ""
    chart: ChartStyle = field(default_factory=lambda: ChartStyle("#4e5b68", "#b3bfca"))
    #: The ladder from the person's kit, easiest first; None: every rung in ladder order.
    kit_rungs: KitRungs | None = None

    @property
    def picture_key(self) -> str:
        return self.picture or self.id

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


#: The heaviest colour a first band may be: with only heavier bands (blue to gold) the band
#: rungs wait and the bodyweight ones stand in, until a lighter band is added.
FIRST_BAND_MAX = "green"


def usable_bands(kit: Kit) -> tuple[str, ...]:
    """The person's bands the ladders use: all of them, unless the lightest is too heavy to
    start on (a silver band walk in week 1 was the review's finding)."""
    bands = kit.bands
    if bands and bands[0] in THERA_BAND_ORDER and \
            THERA_BAND_ORDER.index(bands[0]) > THERA_BAND_ORDER.index(FIRST_BAND_MAX):
        return ()
    return bands


def band_skip(kit: Kit) -> tuple[str, str] | None:
    """(lighter, heavier) when the step from the first band to the next skips a colour
    (yellow to green: about 50 % more, not 25 %), else None."""
    bands = usable_bands(kit)
    if len(bands) < 2 or not all(b in THERA_BAND_ORDER for b in bands[:2]):
        return None
    if THERA_BAND_ORDER.index(bands[1]) - THERA_BAND_ORDER.index(bands[0]) > 1:
        return bands[0], bands[1]
    return None


def band_label(kit: Kit, which: int, where: str) -> str | None:
    """The person's ``which``-th band (lightest first) in words, or None without one."""
    bands = usable_bands(kit)
    if len(bands) <= which:
        return None
    return f"{bands[which].capitalize()} band {where}"


def dumbbell_label(kit: Kit, which: int) -> str | None:
    if len(kit.dumbbells_kg) <= which:
        return None
    return f"{kit.dumbbells_kg[which]:g} kg dumbbell in the opposite hand"


def _names(ex: Exercise) -> dict[int, str]:
    return {i: step.name for i, step in enumerate(ex.steps)}


# Each ladder from the kit, easiest first (docs/progression.md gives each rung's reason).
# Where kit is missing, a harder bodyweight variant (a hold at the top, a marching or
# single-leg bridge, a deeper squat) keeps the ladder going.
def _clamshell_rungs(ex: Exercise, kit: Kit) -> list[tuple[int, str | None]]:
    name = _names(ex)
    if usable_bands(kit):
        return [(0, name[0]), (1, band_label(kit, 0, "above the knees")),
                (2, band_label(kit, 1, "above the knees")), (3, name[3])]
    return [(0, name[0]), (4, name[4]), (3, name[3])]


def _side_leg_lift_rungs(ex: Exercise, kit: Kit) -> list[tuple[int, str | None]]:
    name = _names(ex)
    options: list[tuple[int, str | None]] = [(0, name[0]), (1, name[1])]
    if not (kit.ankle_weights and usable_bands(kit)):
        options.append((4, name[4]))
    if kit.ankle_weights:
        options.append((2, name[2]))
    if usable_bands(kit):
        options.append((3, band_label(kit, 0, "around the ankles")))
    return options


def _deadlift_rungs(ex: Exercise, kit: Kit) -> list[tuple[int, str | None]]:
    name = _names(ex)
    options: list[tuple[int, str | None]] = [(0, name[0]), (1, name[1])]
    if len(kit.dumbbells_kg) < 2:
        options.append((4, name[4]))
    return options + [(2, dumbbell_label(kit, 0)), (3, dumbbell_label(kit, 1))]


def _bridge_rungs(ex: Exercise, kit: Kit) -> list[tuple[int, str | None]]:
    name = _names(ex)
    options: list[tuple[int, str | None]] = [(0, name[0]), (3, name[3]), (1, name[1])]
    options.append((2, name[2]) if kit.bench else (4, name[4]))
    return options


def _band_walk_rungs(ex: Exercise, kit: Kit) -> list[tuple[int, str | None]]:
    name = _names(ex)
    if not usable_bands(kit):
        return [(5, name[5]), (4, name[4])]
    return [(0, band_label(kit, 0, "at the knees")), (1, band_label(kit, 0, "at the ankles")),
            (2, band_label(kit, 0, "around the feet")), (3, band_label(kit, 1, "around the feet"))]


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
    sessions=("A",),
    short_name="clamshells",
    chart=ChartStyle("#0063a0", "#6cc0f0", "o", "solid"),
    kit_rungs=_clamshell_rungs,
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
    sessions=("A", "B"),
    short_name="leg lifts",
    chart=ChartStyle("#b8430a", "#ff9d5c", "s", "dash"),
    kit_rungs=_side_leg_lift_rungs,
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
    sessions=("B",),
    short_name="deadlifts",
    chart=ChartStyle("#00775a", "#3fd6a5", "t", "dot"),
    kit_rungs=_deadlift_rungs,
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
    sessions=("A",),
    short_name="bridges",
    chart=ChartStyle("#9c3d8c", "#f09ad8", "d", "dash_dot"),
    kit_rungs=_bridge_rungs,
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
    sessions=("B",),
    short_name="band walks",
    chart=ChartStyle("#7a5c00", "#f0c850", "star", "dash_dot_dot"),
    kit_rungs=_band_walk_rungs,
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
    sessions=("A", "B"),
    chart=ChartStyle("#4e5b68", "#b3bfca", "h", "solid"),
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

def per_catalogue(build: Callable[[tuple[Exercise, ...]], T]) -> Callable[[], T]:
    """What ``build`` works out from the catalogue, kept until the catalogue is another
    tuple (a test adding an exercise replaces it), so no module copies it at import."""
    cache: list = [None, None]

    def get() -> T:
        if cache[0] is not CATALOGUE:
            cache[1], cache[0] = build(CATALOGUE), CATALOGUE
        return cache[1]

    return get


_index = per_catalogue(lambda exercises: (
    {ex.id: ex for ex in exercises}, frozenset(ex.id for ex in exercises if ex.kind is Kind.REPS)))


def catalogue() -> tuple[Exercise, ...]:
    """Every exercise in session order (read when needed, never copied at import)."""
    return CATALOGUE


def counted() -> tuple[Exercise, ...]:
    """The exercises counted in reps (the strength work), in session order."""
    return tuple(ex for ex in CATALOGUE if ex.kind is Kind.REPS)


def counted_ids() -> frozenset[str]:
    return _index()[1]


def session_exercises(template: str) -> tuple[str, ...]:
    """The ids a session template holds, in catalogue order ("M", maintenance: all)."""
    return tuple(ex.id for ex in CATALOGUE if template == "M" or template in ex.sessions)


def only_in(template: str) -> frozenset[str]:
    """The counted exercises that tell a session of ``template`` from the other one."""
    return frozenset(ex.id for ex in counted() if ex.sessions == (template,))


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def session_focus(template: str) -> str:
    """A session's focus in a few words: "clamshells, leg lifts, bridges"."""
    if template == "M":
        n = len(counted())
        return f"all {_NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else n} exercises"
    return ", ".join(ex.short_name for ex in counted()
                     if template in ex.sessions and ex.short_name)


def find(exercise_id: str) -> Exercise | None:
    """The exercise, or None for an id this version does not know (an older file's)."""
    return _index()[0].get(exercise_id)


def name_of(exercise_id: str) -> str:
    """The exercise's name; an unknown id stands for itself."""
    ex = find(exercise_id)
    return ex.name if ex is not None else exercise_id


def exercise(exercise_id: str) -> Exercise:
    """Look up an exercise; a clear KeyError names the unknown id."""
    try:
        return _index()[0][exercise_id]
    except KeyError:
        raise KeyError(f"unknown exercise {exercise_id!r}") from None
