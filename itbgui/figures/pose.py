"""The figure's body: a jointed skeleton posed by angles, in plain Python (no Qt).

A :class:`Pose` holds, for one moment, where the pelvis is and the angle of every body
segment; :func:`interpolate` blends two poses by a fraction, and :func:`solve` turns a pose
into joint positions the painter fills in. Keeping this pure lets the tests check the
exact frame the player draws at a given moment of a rep, and lets the player move the
figure without re-reading any picture file.

Units: the standing body is 100 high; y points up, the floor is y = 0; angles are degrees,
0 pointing right and 90 up. A segment given as a point (``(x, y)``) reaches that point
whatever its length: feet that stay planted, a hand on a chair, heels glued together in a
clamshell, and a segment seen end-on in a front view simply looks shorter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

#: Segment lengths, a standing height of 100 (common anthropometric proportions).
LENGTHS = {
    "trunk": 30.0,      # hip joints to shoulder joints
    "neck": 10.0,       # shoulder line to the centre of the head
    "upper_arm": 17.5,
    "forearm": 15.0,
    "hand": 6.5,
    "thigh": 24.5,
    "shin": 24.5,
    "foot": 12.5,
}
LIMB_SEGMENTS = {"arm": ("upper_arm", "forearm", "hand"), "leg": ("thigh", "shin", "foot")}
#: Half the distance between the two hip joints and the two shoulder joints (front view).
HALF_HIPS = 8.5
HALF_SHOULDERS = 11.5

Point = tuple[float, float]
#: A segment: an angle (degrees), an angle with a foreshortening factor, or a point to reach.
Segment = float | tuple[float, float] | Point


@dataclass(frozen=True)
class Reach:
    """A segment that ends at ``to`` whatever its length."""

    to: Point


@dataclass(frozen=True)
class Limb:
    """One arm or leg. ``side`` is +1 or -1 (which hip or shoulder it hangs from in a front
    view, 0 in a side view); ``near`` limbs are drawn in front of the trunk, far ones behind
    it and paler. ``segments`` has up to three entries (upper, lower, hand or foot)."""

    kind: str                       # "arm" or "leg"
    segments: tuple                 # float angle | (angle, foreshortening) | Reach
    near: bool = True
    side: float = 0.0
    #: the wrist or ankle stays at this point (a planted foot, a hand on the floor): the
    #: elbow or knee is solved to reach it, bending to the left of the line if ``bend`` is +1
    reach: Point | None = None
    bend: int = 1
    #: how high a reaching foot is lifted half-way on its way here (a step, not a slide)
    lift: float = 0.0


@dataclass(frozen=True)
class Pose:
    root: Point                      # centre between the hip joints
    trunk: float                     # angle from the hips to the shoulders
    head: float | None = None        # angle from the shoulders to the head (default: trunk)
    limbs: dict[str, Limb] = field(default_factory=dict)
    facing: int = 1                  # +1: the body's front is on the left of the trunk line
    view: str = "side"               # "side" or "front"
    trunk_length: float = 1.0        # foreshortening of the trunk (sitting, leaning to camera)
    breadth: float = 1.0             # a front view turned a little away: a narrower body


@dataclass(frozen=True)
class Solved:
    """Joint positions of one frame, what the painter needs."""

    pose: Pose
    pelvis: Point
    shoulders: Point
    head: Point
    joints: dict[str, tuple[Point, ...]]   # limb name -> root, joint, joint, tip


def _dir(angle: float) -> Point:
    r = math.radians(angle)
    return math.cos(r), math.sin(r)


def _add(p: Point, d: Point, k: float = 1.0) -> Point:
    return p[0] + d[0] * k, p[1] + d[1] * k


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def lerp_angle(a: float, b: float, t: float) -> float:
    """Blend two angles the short way round (a leg never swings through the floor)."""
    delta = (b - a + 180.0) % 360.0 - 180.0
    return a + delta * t


def _lerp_segment(a, b, t: float):
    if isinstance(a, Reach) or isinstance(b, Reach):
        if isinstance(a, Reach) and isinstance(b, Reach):
            return Reach((_lerp(a.to[0], b.to[0], t), _lerp(a.to[1], b.to[1], t)))
        return b if t >= 0.5 else a
    (aa, af), (ba, bf) = _angle(a), _angle(b)
    return (lerp_angle(aa, ba, t), _lerp(af, bf, t))


def _angle(segment) -> tuple[float, float]:
    if isinstance(segment, tuple):
        return float(segment[0]), float(segment[1])
    return float(segment), 1.0


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` (0..1) of the way from ``a`` to ``b``."""
    t = min(1.0, max(0.0, t))
    limbs = {}
    for name, limb in a.limbs.items():
        other = b.limbs.get(name, limb)
        if (limb.reach is None) != (other.reach is None):
            # One end plants the hand or foot, the other poses it by angles: blend angles.
            limb, other = _baked(a, name), _baked(b, name)
        count = max(len(limb.segments), len(other.segments))
        segs = tuple(_lerp_segment(_seg(limb, i), _seg(other, i), t) for i in range(count))
        reach = limb.reach
        if limb.reach is not None and other.reach is not None:
            lift = other.lift * math.sin(math.pi * t)
            reach = (_lerp(limb.reach[0], other.reach[0], t),
                     _lerp(limb.reach[1], other.reach[1], t) + lift)
        elif t >= 0.5:
            reach = other.reach
        limbs[name] = replace(limb, segments=segs, side=_lerp(limb.side, other.side, t),
                              near=limb.near if t < 0.5 else other.near, reach=reach)
    head_a = a.trunk if a.head is None else a.head
    head_b = b.trunk if b.head is None else b.head
    return replace(a, root=(_lerp(a.root[0], b.root[0], t), _lerp(a.root[1], b.root[1], t)),
                   trunk=lerp_angle(a.trunk, b.trunk, t), head=lerp_angle(head_a, head_b, t),
                   limbs=limbs, trunk_length=_lerp(a.trunk_length, b.trunk_length, t))


def _baked(pose: Pose, name: str) -> Limb:
    """The limb with its solved (reaching) segments written as plain angles."""
    limb = pose.limbs[name]
    if limb.reach is None:
        return limb
    joints = solve(pose).joints[name]
    segments = list(limb.segments)
    for i in range(2):
        (x0, y0), (x1, y1) = joints[i], joints[i + 1]
        length = LENGTHS[LIMB_SEGMENTS[limb.kind][i]]
        segments[i] = (math.degrees(math.atan2(y1 - y0, x1 - x0)), math.hypot(x1 - x0, y1 - y0) / length)
    return replace(limb, segments=tuple(segments), reach=None)


def _seg(limb: Limb, i: int):
    return limb.segments[min(i, len(limb.segments) - 1)]


def solve(pose: Pose) -> Solved:
    """Forward kinematics: joint positions from the pose's angles."""
    pelvis = pose.root
    up = _dir(pose.trunk)
    shoulders = _add(pelvis, up, LENGTHS["trunk"] * pose.trunk_length)
    head = _add(shoulders, _dir(pose.trunk if pose.head is None else pose.head), LENGTHS["neck"])
    across = (-up[1], up[0])  # perpendicular to the trunk
    joints = {}
    for name, limb in pose.limbs.items():
        if limb.kind == "leg":
            start = _add(pelvis, across, HALF_HIPS * limb.side * pose.breadth)
        else:
            start = _add(shoulders, across, HALF_SHOULDERS * limb.side * pose.breadth)
            start = _add(start, up, -2.0)
        points = [start]
        segments = list(limb.segments)
        names = LIMB_SEGMENTS[limb.kind]
        if limb.reach is not None:
            upper = LENGTHS[names[0]] * _angle(segments[0])[1]
            lower = LENGTHS[names[1]] * _angle(segments[1])[1]
            first, _ = bend(start, limb.reach, upper, lower, limb.bend)
            points.append(_add(start, _dir(first), upper))
            points.append(limb.reach)
            segments, names = segments[2:], names[2:]
        for seg_name, segment in zip(names, segments):
            if isinstance(segment, Reach):
                points.append(segment.to)
            else:
                angle, short = _angle(segment)
                points.append(_add(points[-1], _dir(angle), LENGTHS[seg_name] * short))
        joints[name] = tuple(points)
    return Solved(pose, pelvis, shoulders, head, joints)


def bend(start: Point, target: Point, upper: float, lower: float, sign: int = 1) -> tuple[float, float]:
    """Angles of a two-segment limb from ``start`` reaching ``target`` (for writing poses).

    ``sign`` picks which way the middle joint bends (+1: to the left of the line)."""
    dx, dy = target[0] - start[0], target[1] - start[1]
    dist = max(1e-6, math.hypot(dx, dy))
    base = math.degrees(math.atan2(dy, dx))
    if dist >= upper + lower:
        return base, base
    cos_a = (upper ** 2 + dist ** 2 - lower ** 2) / (2 * upper * dist)
    a = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    first = base + sign * a
    knee = _add(start, _dir(first), upper)
    second = math.degrees(math.atan2(target[1] - knee[1], target[0] - knee[0]))
    return first, second


def bounds(solved: Solved) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of the joints with room for the flesh around them."""
    xs = [solved.pelvis[0], solved.shoulders[0], solved.head[0]]
    ys = [solved.pelvis[1], solved.shoulders[1], solved.head[1]]
    for points in solved.joints.values():
        xs.extend(p[0] for p in points)
        ys.extend(p[1] for p in points)
    pad = 9.0
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad
