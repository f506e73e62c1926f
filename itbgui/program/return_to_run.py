"""The graded return to running: its walk-run stages, as data.

A stage is a run/walk interval repeated; the first is walk 2 / run 3 minutes, the last
continuous running on any ground (flat ground first, hills last). The rules for moving
between stages read the run log and live with this table (docs/progression.md).
"""

from __future__ import annotations

from dataclasses import dataclass

#: "flat": flat ground only (a treadmill at 0-1 % counts); "any": hills allowed.
TERRAINS = ("flat", "any")


@dataclass(frozen=True)
class RunPrescription:
    """One run day's dose: ``repeats`` times (run ``run_s``, then walk ``walk_s``).

    The walk after the last run is the cool-down. A continuous run has ``walk_s == 0``
    and ``repeats == 1``.
    """

    stage: int
    run_s: int
    walk_s: int
    repeats: int
    terrain: str

    @property
    def running_s(self) -> int:
        return self.run_s * self.repeats

    @property
    def total_s(self) -> int:
        return (self.run_s + self.walk_s) * self.repeats

    @property
    def continuous(self) -> bool:
        return self.walk_s == 0

    def to_json(self) -> dict:
        """The shape of ``week --json``'s ``run`` field."""
        return {"stage": self.stage, "walk_s": self.walk_s, "run_s": self.run_s,
                "repeats": self.repeats, "terrain": self.terrain}


def _stage(stage: int, run_min: float, walk_min: float, repeats: int, terrain: str = "flat"):
    return RunPrescription(stage, int(run_min * 60), int(walk_min * 60), repeats, terrain)


#: Stage number -> its dose, easiest first. About 30 minutes each; the running share grows.
STAGES: tuple[RunPrescription, ...] = (
    _stage(1, 3, 2, 6),     # 18 min running
    _stage(2, 4, 2, 5),     # 20
    _stage(3, 5, 2, 5),     # 25
    _stage(4, 8, 2, 4),     # 32
    _stage(5, 10, 1, 3),    # 30, walk breaks shorter
    _stage(6, 15, 1, 2),    # 30
    _stage(7, 30, 0, 1),    # continuous, flat
    _stage(8, 30, 0, 1, "any"),  # continuous, hills allowed
)
FIRST_STAGE, LAST_STAGE = STAGES[0].stage, STAGES[-1].stage


def stage(number: int) -> RunPrescription:
    """The prescription of a stage, clamped to the table."""
    return STAGES[min(max(number, FIRST_STAGE), LAST_STAGE) - 1]
