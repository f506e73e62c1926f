"""Every exercise's pictures, one per rung of its ladder, as pose data.

Each exercise is seen from where its movement shows: the clamshell, the leg lift and the
band walk from the front (the knee opening, the leg rising to the side, the sideways step),
the deadlift, the bridge and the stretch from the side (hips square, the hip line, the
crossed leg). The rung's picture is chosen by :func:`pose_key` from the rung's name, so a
rung added to a ladder later either matches a word below or falls back to the exercise's
plain picture; giving it its own picture is one more entry here.
"""

from __future__ import annotations

import math
import re

from itbgui.figures.motions import At, Band, Motion, Muscle, Scenery, Weight
from itbgui.figures.pose import LENGTHS, Limb, Pose, Reach, bend
from itbgui.program.exercises import exercise

# Lying on one side, seen from the front: head to the left, the top hip is the left one.
LYING_ROOT = (0.0, 16.0)
TOP, BOTTOM = -1.0, 1.0   # which hip a leg hangs from when the trunk points left


def _lying(top_leg: Limb, bottom_leg: Limb, *, root=LYING_ROOT, trunk: float = 180.0,
           top_arm: Limb | None = None, bottom_arm: Limb | None = None) -> Pose:
    return Pose(
        root=root, trunk=trunk, head=trunk + 2, view="front", facing=1, breadth=0.84,
        limbs={
            "arm_b": bottom_arm or Limb("arm", (180.0, 180.0, 180.0), near=False, side=BOTTOM),
            "leg_b": bottom_leg,
            "leg_t": top_leg,
            # The top hand on the floor in front of the chest, clear of the hip.
            "arm_t": top_arm or Limb("arm", ((0, 1), (0, 0.8), (-20.0, 0.8)), side=TOP,
                                     reach=(root[0] - 14.0, 3.0), bend=1),
        })


def _bottom_leg_bent() -> Limb:
    """Hip and knee bent in front of the body (foreshortened: they point at the viewer)."""
    return Limb("leg", ((-8.0, 0.72), (0.0, 0.7), (-60.0, 0.5)), near=False, side=BOTTOM,
                reach=(33.0, 4.5), bend=1)


# ----------------------------------------------------------------------------- clamshell
def clamshell(band: int = 0, side_plank: bool = False, hold: float = 0.0) -> Motion:
    """Knees bent, heels together; the top knee opens upwards like a shell (``hold``:
    seconds held open, shown by the pause marker)."""
    if side_plank:
        root, trunk = (0.0, 24.0), 162.0
        bottom_arm = Limb("arm", ((-90.0, 1.0), (180.0, 1.0), (180.0, 1.0)), near=False,
                          side=BOTTOM)
        bottom_leg = Limb("leg", ((-32.0, 0.85), (0.0, 0.7), (-60.0, 0.5)), near=False,
                          side=BOTTOM, reach=(31.0, 4.5), bend=1)
        knee_start, knee_end, heel = (-14.0, 0.86), (40.0, 0.82), (31.0, 11.0)
    else:
        root, trunk, bottom_arm = LYING_ROOT, 180.0, None
        bottom_leg = _bottom_leg_bent()
        knee_start, knee_end, heel = (-30.0, 0.84), (36.0, 0.8), (33.0, 10.5)

    def pose(knee) -> Pose:
        # The shin runs from the knee back to the heels, which stay glued together.
        leg = Limb("leg", (knee, Reach(heel), (-55.0, 0.5)), side=TOP)
        return _lying(leg, bottom_leg, root=root, trunk=trunk, bottom_arm=bottom_arm)

    bands = ()
    if band:
        bands = (Band(At("leg_t", 0, 0.82), At("leg_b", 0, 0.82), heavy=band > 1),)
    key = "side_plank" if side_plank else ("band_knees_heavy" if band > 1 else
                                           "band_knees" if band else "bodyweight")
    return Motion(key + ("_hold" if hold else ""), pose(knee_start), pose(knee_end),
                  view="front", drawn_side="left", muscles=(Muscle("medius", "leg_t"),),
                  bands=bands, scenery=(Scenery("mat"),), hold=hold)


# ----------------------------------------------------------------------------- leg lift
def side_leg_lift(knee_bent: bool = False, cuff: bool = False, band: bool = False,
                  hold: float = 0.0) -> Motion:
    """The top leg rises to the side, slightly behind the body line (``hold``: seconds
    held at the top)."""
    bottom = _bottom_leg_bent()
    if band:  # a band round both ankles needs the bottom leg long too
        bottom = Limb("leg", ((-6.0, 1.0), (-3.0, 1.0), (-70.0, 0.45)), near=False,
                      side=BOTTOM)

    def top(angle: float) -> Limb:
        shin = (angle - 35.0, 0.45) if knee_bent else (angle, 1.0)
        foot = (angle - 75.0, 0.45)
        return Limb("leg", ((angle, 1.0), shin, foot), side=TOP)

    start = _lying(top(-8.0 if not band else -10.0), bottom)
    end = _lying(top(34.0), bottom)
    weights = (Weight(At("leg_t", 1, 0.92), kind="cuff"),) if cuff else ()
    bands = (Band(At("leg_t", 1, 0.9), At("leg_b", 1, 0.9)),) if band else ()
    key = ("knee_bent" if knee_bent else "band_ankles" if band else
           "ankle_weight" if cuff else "straight")
    return Motion(key + ("_hold" if hold else ""), start, end, view="front",
                  drawn_side="left", muscles=(Muscle("medius", "leg_t"),), weights=weights,
                  bands=bands, scenery=(Scenery("mat"),), hold=hold)


# ----------------------------------------------------------------------------- deadlift
def single_leg_deadlift(support: bool = False, dumbbell: int = 0, pause: float = 0.0) -> Motion:
    """Seen from the side, facing right, standing on the near (right) leg (``pause``:
    seconds held at the bottom)."""
    standing = dict(reach=(1.0, 4.0), bend=1)

    def pose(root, trunk, head, free, arm, wall_hand=None) -> Pose:
        far_arm = Limb("arm", (arm, arm, arm), near=False)
        if wall_hand is not None:
            far_arm = Limb("arm", ((0.0, 1.0), (0.0, 1.0), (-10.0, 1.0)), near=False,
                           reach=wall_hand, bend=-1)
        return Pose(root=root, trunk=trunk, head=head, view="side", facing=1, limbs={
            "arm_f": far_arm,
            "leg_f": Limb("leg", free, near=False),
            "leg_n": Limb("leg", ((0.0, 1.0), (0.0, 1.0), (-18.0, 1.0)), **standing),
            "arm_n": Limb("arm", (arm, arm, arm)),
        })

    wall_x = 31.0
    start = pose((0.0, 52.0), 92.0, 94.0, (-96.0, -128.0, -20.0), -92.0,
                 wall_hand=(wall_x - 1.5, 60.0) if support else None)
    end = pose((-5.0, 54.5), 12.0, 18.0, (192.0, 190.0, -95.0), -90.0,
               wall_hand=(wall_x - 1.5, 36.0) if support else None)
    weights = (Weight(At("arm_f", 2, 0.5), heavy=dumbbell > 1),) if dumbbell else ()
    scenery = (Scenery("wall", (wall_x,)),) if support else ()
    key = ("support" if support else "dumbbell_heavy" if dumbbell > 1 else
           "dumbbell" if dumbbell else "bodyweight")
    return Motion(key + ("_pause" if pause else ""), start, end, view="side",
                  drawn_side="right", muscles=(Muscle("maximus", "leg_n"),), weights=weights,
                  scenery=scenery, hold=pause)


# ----------------------------------------------------------------------------- bridge
def glute_bridge(single: bool = False, bench: bool = False, hold: float = 0.0,
                 marching: bool = False) -> Motion:
    """On the back, seen from the side: the hips rise until shoulders, hips and knees
    make one line. The near (right) leg works; in the single-leg rungs the far leg is
    held long, in line with the thigh. Marching: two-leg at the bottom, and at the top
    one knee is drawn up, the far one on one rep and the near one on the next."""
    ankle = (22.0, 4.0) if not bench else (26.0, 4.0)
    if bench:
        shoulder = (-30.0, 41.0)
        roots = ((-16.0, 15.0), (0.0, 42.0))
    else:
        shoulder = (-30.0, 9.0)
        roots = ((0.0, 9.5), (-2.6, 20.5))
    thigh, shin = LENGTHS["thigh"], LENGTHS["shin"]

    def pose(root, lift: str | None = None) -> Pose:
        dx, dy = shoulder[0] - root[0], shoulder[1] - root[1]
        trunk = math.degrees(math.atan2(dy, dx))
        planted = dict(reach=ankle, bend=1)
        if single:
            knee_angle, _ = bend(root, ankle, thigh, shin, 1)
            free = Limb("leg", (knee_angle, knee_angle, knee_angle - 80.0), near=False)
        else:
            free = Limb("leg", ((0.0, 1.0), (0.0, 1.0), (-8.0, 1.0)), near=False, **planted)
        near = Limb("leg", ((0.0, 1.0), (0.0, 1.0), (-8.0, 1.0)), **planted)
        if lift is not None:
            # the knee drawn up over the hip, the shin level, the foot off the floor
            raised = dict(segments=(96.0, 2.0, -45.0))
            if lift == "far":
                free = Limb("leg", near=False, **raised)
            else:
                near = Limb("leg", **raised)
        if bench:
            arms = dict(segments=(trunk - 170.0, trunk - 15.0, trunk))  # hands on the chest
            head = trunk + (25.0 if root[1] > 30 else 0.0)
        else:
            arms = dict(segments=(-12.0, -1.0, 0.0))    # flat on the floor beside the body
            head = 182.0
        return Pose(root=root, trunk=trunk, head=head, view="side", facing=1, limbs={
            "arm_f": Limb("arm", near=False, **arms),
            "leg_f": free,
            "leg_n": near,
            "arm_n": Limb("arm", **arms),
        })

    scenery = (Scenery("bench", (-72.0, -24.0, 34.0)),) if bench else (Scenery("mat"),)
    if marching:
        # both legs take turns to carry the hips: both glutes work
        return Motion("marching", pose(roots[0]), pose(roots[1], "far"), view="side",
                      drawn_side="right", other_end=pose(roots[1], "near"),
                      muscles=(Muscle("maximus", "leg_n"), Muscle("maximus", "leg_f")),
                      scenery=scenery)
    key = "hip_thrust" if bench else "single_leg" if single else "two_leg"
    return Motion(key + ("_hold" if hold else ""), pose(roots[0]), pose(roots[1]),
                  view="side", drawn_side="right", muscles=(Muscle("maximus", "leg_n"),),
                  scenery=scenery, hold=hold)


# ----------------------------------------------------------------------------- band walk
def lateral_band_walk(band_at: str | None = "knees", heavy: bool = False,
                      deep: bool = False, pause: float = 0.0) -> Motion:
    """Facing the viewer in a quarter squat (``deep``: lower, the pelvis 4 units down);
    steps to the picture's right (the person's left). The trailing foot then follows, so
    the down phase ends on ``back``. ``band_at`` None: no band; ``pause``: seconds held
    on each step."""
    legs_short = ((0.0, 0.78), (0.0, 0.9), (-90.0, 0.35))
    step, half = 16.0, 15.5
    hands = ((0.0, 1.0), (0.0, 0.9), (90.0, 0.7))

    height = 39.0 if deep else 43.0

    def pose(root_x: float, left_ankle: float, right_ankle: float, lift_left=0.0,
             lift_right=0.0) -> Pose:
        return Pose(root=(root_x, height), trunk=90.0, view="front", facing=1, limbs={
            "leg_l": Limb("leg", legs_short, side=1.0, reach=(left_ankle, 4.0), bend=-1,
                          lift=lift_left),
            "leg_r": Limb("leg", legs_short, side=-1.0, reach=(right_ankle, 4.0), bend=1,
                          lift=lift_right),
            # hands together in front of the chest, clear of the hips
            "arm_l": Limb("arm", hands, side=1.0, reach=(root_x - 2.5, height + 16.0), bend=-1),
            "arm_r": Limb("arm", hands, side=-1.0, reach=(root_x + 2.5, height + 16.0), bend=1),
        })

    start = pose(0.0, -half, half)
    end = pose(step / 2, -half, half + step, lift_right=5.0)
    back = pose(step, -half + step, half + step, lift_left=5.0)
    bands, key = (), "no_band"
    if band_at is not None:
        where = {"knees": (0, 0.88), "ankles": (1, 0.86), "feet": (2, 0.55)}[band_at]
        bands = (Band(At("leg_l", *where), At("leg_r", *where), heavy=heavy),)
        key = f"band_{band_at}" + ("_heavy" if heavy else "")
    key += ("_deep" if deep else "") + ("_pause" if pause else "")
    return Motion(key, start, end, view="front", drawn_side="left", back=back,
                  muscles=(Muscle("medius", "leg_l"), Muscle("medius", "leg_r")),
                  bands=bands, follow_root=True, hold=pause)


# ----------------------------------------------------------------------------- stretch
def glute_stretch(seated: bool = False) -> Motion:
    """Figure-4 from the side: the near (right) ankle rests on the far knee, the near knee
    falls out towards the viewer, and the near buttock stretches as the far thigh is drawn
    in (or, seated, as the trunk tips forward with a long back)."""
    caption = "{Side} ankle on {other} knee: {side} buttock stretches"
    unknown = "The crossed leg's buttock stretches"
    if seated:
        root = (-4.0, 29.0)
        far_knee = _knee(root, (21.0, 4.0), 1)

        def pose(trunk: float) -> Pose:
            return Pose(root=root, trunk=trunk, head=trunk + 5, view="side", facing=1, limbs={
                "arm_f": Limb("arm", ((0, 1), (0, 1), (-30.0, 1.0)), near=False,
                              reach=(far_knee[0] - 3, far_knee[1] + 7), bend=-1),
                "leg_f": Limb("leg", ((0.0, 1.0), (0.0, 1.0), (-10.0, 1.0)), near=False,
                              reach=(21.0, 4.0), bend=1),
                # the crossed thigh points at the viewer: seen shorter than it is
                "leg_n": Limb("leg", ((0, 0.6), (0, 0.56), (20.0, 0.75)), bend=1,
                              reach=(far_knee[0] + 2.0, far_knee[1] + 5.0)),
                "arm_n": Limb("arm", ((0, 1), (0, 1), (-40.0, 1.0)), bend=-1,
                              reach=(far_knee[0] - 9.0, far_knee[1] + 12.0)),
            })

        return Motion("seated", pose(94.0), pose(60.0), view="side", drawn_side="right",
                      muscles=(Muscle("maximus", "leg_n"),),
                      scenery=(Scenery("chair", (-20.0, 6.0, 23.0, -20.0, 58.0)),),
                      caption=caption, caption_unknown=unknown)

    root = (0.0, 9.5)

    def lying(far_thigh: float | None) -> Pose:
        if far_thigh is None:   # foot planted
            knee = _knee(root, (22.0, 4.0), 1)
            far = Limb("leg", ((0.0, 1.0), (0.0, 1.0), (-10.0, 1.0)), near=False,
                       reach=(22.0, 4.0), bend=1)
            arms = dict(segments=(-12.0, -1.0, 0.0))
        else:                    # thigh drawn in, hands round it
            knee = _point(root, far_thigh, LENGTHS["thigh"])
            far = Limb("leg", (far_thigh, 8.0, -70.0), near=False)
            arms = dict(segments=((0, 1), (0, 1), (60.0, 1.0)), bend=1,
                        reach=(knee[0] - 5.0, knee[1] - 6.0))
        return Pose(root=root, trunk=181.0, head=183.0, view="side", facing=1, limbs={
            "arm_f": Limb("arm", near=False, **arms),
            "leg_f": far,
            # the crossed leg: the knee falls out towards the viewer, the ankle on the far knee
            "leg_n": _crossed_leg(root, knee),
            "arm_n": Limb("arm", **arms),
        })

    return Motion("lying", lying(None), lying(100.0), view="side", drawn_side="right",
                  muscles=(Muscle("maximus", "leg_n"),), scenery=(Scenery("mat"),),
                  caption=caption, caption_unknown=unknown)


def _crossed_leg(hip, knee) -> Limb:
    """The figure-4's crossed leg: its knee falls out past the other knee (towards the
    viewer, so the thigh looks shorter), its shin lies across the other knee and the
    foot pokes out beyond it: the "4"."""
    out = (knee[0] + 11.0, knee[1] - 9.0)
    dx, dy = out[0] - hip[0], out[1] - hip[1]
    thigh = (math.degrees(math.atan2(dy, dx)), math.hypot(dx, dy) / LENGTHS["thigh"])
    return Limb("leg", (thigh, Reach((knee[0] - 2.0, knee[1] + 5.0)), (168.0, 0.6)))


def _point(start, angle: float, length: float):
    return (start[0] + length * math.cos(math.radians(angle)),
            start[1] + length * math.sin(math.radians(angle)))


def _knee(hip, ankle, sign: int):
    angle, _ = bend(hip, ankle, LENGTHS["thigh"], LENGTHS["shin"], sign)
    return _point(hip, angle, LENGTHS["thigh"])


# ----------------------------------------------------------------------------- the ladders
#: picture key (an exercise's ``picture_key``) -> pose key -> its picture. The first entry
#: is the fallback.
MOTIONS: dict[str, dict[str, Motion]] = {
    "clamshell": {m.key: m for m in (clamshell(), clamshell(band=1), clamshell(band=2),
                                     clamshell(side_plank=True), clamshell(hold=2.0))},
    "side_leg_lift": {m.key: m for m in (side_leg_lift(), side_leg_lift(knee_bent=True),
                                         side_leg_lift(cuff=True), side_leg_lift(band=True),
                                         side_leg_lift(hold=2.0))},
    "single_leg_deadlift": {m.key: m for m in (
        single_leg_deadlift(), single_leg_deadlift(support=True),
        single_leg_deadlift(dumbbell=1), single_leg_deadlift(dumbbell=2),
        single_leg_deadlift(pause=2.0))},
    "glute_bridge": {m.key: m for m in (glute_bridge(), glute_bridge(single=True),
                                        glute_bridge(single=True, bench=True),
                                        glute_bridge(marching=True),
                                        glute_bridge(single=True, hold=2.0))},
    "lateral_band_walk": {m.key: m for m in (
        lateral_band_walk("knees"), lateral_band_walk("ankles"), lateral_band_walk("feet"),
        lateral_band_walk("feet", heavy=True), lateral_band_walk(None),
        lateral_band_walk(None, deep=True, pause=2.0))},
    "glute_stretch": {m.key: m for m in (glute_stretch(), glute_stretch(seated=True))},
}

#: Today's rungs by their exact names (program/exercises.py): no guessing for them.
RUNG_NAMES: dict[str, dict[str, str]] = {
    "clamshell": {
        "Bodyweight": "bodyweight",
        "Light band above the knees": "band_knees",
        "Next band colour above the knees": "band_knees_heavy",
        "Side-plank clamshell": "side_plank",
        "Bodyweight, 2 s hold with the knee open": "bodyweight_hold",
    },
    "side_leg_lift": {
        "Top knee bent": "knee_bent",
        "Straight leg": "straight",
        "Ankle weight": "ankle_weight",
        "Band around the ankles": "band_ankles",
        "Straight leg, 2 s hold at the top": "straight_hold",
    },
    "single_leg_deadlift": {
        "Fingertip support": "support",
        "Bodyweight": "bodyweight",
        "Light dumbbell in the opposite hand": "dumbbell",
        "Heavier dumbbell in the opposite hand": "dumbbell_heavy",
        "Bodyweight, 2 s pause at the bottom": "bodyweight_pause",
    },
    "glute_bridge": {
        "Two-leg bridge": "two_leg",
        "Single-leg bridge": "single_leg",
        "Single-leg hip thrust, shoulders on a bench": "hip_thrust",
        "Marching bridge": "marching",
        "Single-leg bridge, 2 s hold at the top": "single_leg_hold",
    },
    "lateral_band_walk": {
        "Band at the knees": "band_knees",
        "Band at the ankles": "band_ankles",
        "Band around the feet": "band_feet",
        "Next band colour around the feet": "band_feet_heavy",
        "No band: deeper squat, 2 s pause on each step": "no_band_deep_pause",
        "No band: side steps in a quarter squat": "no_band",
    },
    "glute_stretch": {
        "Seated figure-4": "seated",
        "Lying figure-4": "lying",
    },
}

#: A rung named otherwise (a kit colour or weight in the name, a reworded rung): the
#: first rule all of whose words begin a word of the name wins ("heav" matches
#: "heavier", "march" "marching"; "side-plank" is the words "side" and "plank"); the
#: more specific rules come first (a held rung before its plain one, the next band
#: colour before where the band goes). No match: the exercise's first picture.
RUNG_WORDS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "clamshell": ((("side", "plank"), "side_plank"),
                  (("bodyweight", "hold"), "bodyweight_hold"),
                  (("next", "band"), "band_knees_heavy"), (("heav", "band"), "band_knees_heavy"),
                  (("band",), "band_knees")),
    "side_leg_lift": ((("bent",), "knee_bent"), (("straight", "hold"), "straight_hold"),
                      (("ankle", "weight"), "ankle_weight"), (("cuff",), "ankle_weight"),
                      (("band",), "band_ankles")),
    "single_leg_deadlift": ((("fingertip",), "support"), (("support",), "support"),
                            (("wall",), "support"), (("heav", "dumbbell"), "dumbbell_heavy"),
                            (("dumbbell",), "dumbbell"), (("kettlebell",), "dumbbell"),
                            (("bodyweight", "pause"), "bodyweight_pause")),
    "glute_bridge": ((("march",), "marching"), (("bench",), "hip_thrust"),
                     (("thrust",), "hip_thrust"), (("single", "hold"), "single_leg_hold"),
                     (("single",), "single_leg"), (("one", "leg"), "single_leg")),
    "lateral_band_walk": ((("no", "band", "pause"), "no_band_deep_pause"),
                          (("no", "band", "deep"), "no_band_deep_pause"),
                          (("no", "band"), "no_band"),
                          (("next", "feet"), "band_feet_heavy"),
                          (("next", "foot"), "band_feet_heavy"),
                          (("ankle",), "band_ankles"),
                          (("feet",), "band_feet"), (("foot",), "band_feet"),
                          (("knee",), "band_knees")),
    "glute_stretch": ((("seated",), "seated"), (("chair",), "seated"), (("lying",), "lying")),
}


def picture_key(exercise_id: str) -> str:
    """Which pictures an exercise uses (its entry's ``picture``; an unknown id: itself)."""
    try:
        return exercise(exercise_id).picture_key
    except KeyError:
        return exercise_id


def pose_key(exercise_id: str, rung_name: str | None) -> str:
    """The picture for a rung: by its exact name, else by the words of its name, else
    the plain one."""
    key = picture_key(exercise_id)
    pictures = MOTIONS.get(key)
    if not pictures:
        raise KeyError(f"no pictures for exercise {exercise_id!r}")
    exact = RUNG_NAMES.get(key, {}).get(rung_name or "")
    if exact in pictures:
        return exact
    return key_by_words(exercise_id, rung_name) or next(iter(pictures))


def key_by_words(exercise_id: str, rung_name: str | None) -> str | None:
    """The first word rule that matches the rung's name (None: no rule does)."""
    key = picture_key(exercise_id)
    words = re.findall(r"[a-z0-9]+", (rung_name or "").lower())
    for needed, pose in RUNG_WORDS.get(key, ()):
        if all(any(w.startswith(n) for w in words) for n in needed) and pose in MOTIONS[key]:
            return pose
    return None


def motion(exercise_id: str, rung_name: str | None = None) -> Motion:
    """The picture of one exercise at one rung (its default picture if the rung is unknown)."""
    return MOTIONS[picture_key(exercise_id)][pose_key(exercise_id, rung_name)]
