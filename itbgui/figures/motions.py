"""What a picture shows: the figure's start and end pose plus what is around it.

A :class:`Motion` is one rung's picture: two key poses (and, for a walk, the pose the
trailing leg comes back to), the working muscle, the band, dumbbell, wall or bench, and a
line naming the side when the side is the point (the stretch). Pure data, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from itbgui.figures.pose import Pose


@dataclass(frozen=True)
class At:
    """A point on a limb: ``index`` 0 is the limb's first segment, ``t`` how far along it."""

    limb: str
    index: int
    t: float = 1.0


@dataclass(frozen=True)
class Band:
    """An exercise band looped between two points of the body."""

    a: At
    b: At
    heavy: bool = False       # the next band colour: drawn thicker


@dataclass(frozen=True)
class Weight:
    """A dumbbell in a hand or a cuff weight round an ankle."""

    at: At
    kind: str = "dumbbell"    # or "cuff"
    heavy: bool = False


@dataclass(frozen=True)
class Muscle:
    """The working muscle, on the named leg's hip: gluteus "medius" on the side of the
    hip, gluteus "maximus" on the buttock."""

    name: str
    limb: str


@dataclass(frozen=True)
class Scenery:
    """Fixed furniture in figure units: "wall" (x), "bench" (x0, x1, top), "chair"
    (x0, x1, seat height, back x, back top) or "mat"."""

    kind: str
    box: tuple[float, ...] = ()


@dataclass(frozen=True, eq=False)  # compared and cached by identity: one object per rung
class Motion:
    """One rung's picture. ``drawn_side`` is the side the drawing works (a picture for the
    other side is mirrored); ``back`` is where the down phase ends when it is not
    ``start`` (a sideways walk's trailing leg catches up), and then the picture keeps the
    pelvis in the middle (``follow_root``). ``other_end`` is the end of every other rep
    when reps alternate legs (the marching bridge lifts one knee, then the other);
    ``hold`` is the seconds held at the end, drawn as a pause marker so a held rung never
    looks the same as its plain one."""

    key: str
    start: Pose
    end: Pose
    view: str                              # "side" or "front", said in the alt text
    drawn_side: str = "left"
    back: Pose | None = None
    muscles: tuple[Muscle, ...] = ()
    bands: tuple[Band, ...] = ()
    weights: tuple[Weight, ...] = ()
    scenery: tuple[Scenery, ...] = ()
    follow_root: bool = False
    other_end: Pose | None = None
    hold: float = 0.0
    #: a line naming what the picture shows on which side, "{side}" filled in when known
    caption: str = ""
    caption_unknown: str = ""

    @property
    def return_pose(self) -> Pose:
        return self.back or self.start

    def caption_for(self, side: str | None) -> str:
        if not self.caption:
            return ""
        if side in ("left", "right"):
            other = "right" if side == "left" else "left"
            return self.caption.format(Side=side.capitalize(), side=side, other=other)
        return self.caption_unknown
