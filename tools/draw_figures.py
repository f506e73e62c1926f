"""Draws the exercise pictures (assets/exercises/*.svg) and the app icon from pose data.

Every picture is one figure in the same style: round head, limbs as thick rounded
lines, the far-side limbs paler, the working muscle in the accent colour, a floor line
at the same height. Each exercise has a start and an end pose that share everything but
the moving limbs, so the player can alternate between them with the tempo.

The app swaps INK for the theme's text colour at run time; keep both colours literal.
Run: ``python tools/draw_figures.py``, then ``python tools/build_resources.py``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "exercises"
ICON = ROOT / "assets" / "icons" / "itb-coach.svg"

INK = "#1d2733"
ACCENT = "#e8692e"
FLOOR_Y = 262
LIMB = 12
FAR_OPACITY = 0.42

Point = tuple[float, float]


def _poly(points: list[Point], width: float = LIMB, opacity: float = 1.0, colour: str = INK) -> str:
    coords = " ".join(f"{x:g},{y:g}" for x, y in points)
    op = f' stroke-opacity="{opacity:g}"' if opacity < 1 else ""
    return (f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="{width:g}" '
            f'stroke-linecap="round" stroke-linejoin="round"{op}/>')


def _top(pose: dict) -> float:
    ys = [y for key in ("near", "far", "band") for line in pose.get(key, []) for _, y in line]
    return min(ys + [pose["head"][1] - 19])


def draw(pose: dict, top: float = 0) -> str:
    """One picture; ``top`` crops the empty sky above the figure. Pose keys: head (x, y), near/far: lists of polylines, muscle: (cx, cy, rx, ry, deg),
    band: list of accent polylines, mat: draw the exercise mat."""
    parts = [f'<line x1="12" y1="{FLOOR_Y}" x2="388" y2="{FLOOR_Y}" stroke="{INK}" '
             f'stroke-width="4" stroke-opacity="0.35" stroke-linecap="round"/>']
    if pose.get("mat"):
        parts.append(f'<rect x="20" y="{FLOOR_Y - 5}" width="360" height="5" rx="2" fill="{INK}" '
                     f'fill-opacity="0.15"/>')
    for line in pose.get("far", []):
        parts.append(_poly(line, opacity=FAR_OPACITY))
    for line in pose.get("near", []):
        parts.append(_poly(line))
    hx, hy = pose["head"]
    parts.append(f'<circle cx="{hx:g}" cy="{hy:g}" r="19" fill="{INK}"/>')
    if "muscle" in pose:
        cx, cy, rx, ry, deg = pose["muscle"]
        parts.append(f'<ellipse cx="{cx:g}" cy="{cy:g}" rx="{rx:g}" ry="{ry:g}" fill="{ACCENT}" '
                     f'fill-opacity="0.6" transform="rotate({deg:g} {cx:g} {cy:g})"/>')
    for line in pose.get("band", []):
        parts.append(_poly(line, width=6, colour=ACCENT))
    body = "\n  ".join(parts)
    height = 300 - top
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="{height:g}" '
            f'viewBox="0 {top:g} 400 {height:g}">\n  {body}\n</svg>\n')


# --------------------------------------------------------------------------- side-lying
# Head to the left, lying on the left side, seen from the front. The upper body is the
# same for clamshells and leg lifts.
SIDE_LYING_TRUNK = {
    "head": (64, 214),
    "far": [[(108, 240), (60, 246), (28, 246)]],                    # under-arm, head on it
    "near": [[(92, 222), (108, 230), (222, 236)],                    # neck and trunk
             [(110, 230), (150, 226), (166, 252)]],                  # top arm, hand on the floor
}


def side_lying(near_leg: list[Point], far_leg: list[Point], muscle: tuple) -> dict:
    return {**SIDE_LYING_TRUNK, "mat": True,
            "far": SIDE_LYING_TRUNK["far"] + [far_leg],
            "near": SIDE_LYING_TRUNK["near"] + [near_leg],
            "muscle": muscle}


CLAM_FAR = [(222, 244), (296, 252), (252, 256)]
CLAM_MUSCLE = (226, 226, 24, 11, -8)
SLL_FAR = [(222, 244), (292, 254), (252, 256)]                       # bottom leg bent
SLL_MUSCLE = (226, 226, 24, 11, -8)

# --------------------------------------------------------------------------- on the back
# Head to the left, feet to the right.
BACK_ARMS = [(100, 246), (140, 252), (178, 254)]


POSES: dict[str, dict] = {
    "clamshell-start": side_lying([(222, 232), (300, 236), (256, 248), (250, 246)],
                                  CLAM_FAR, CLAM_MUSCLE),
    "clamshell-end": side_lying([(222, 232), (286, 180), (256, 248), (250, 246)],
                                CLAM_FAR, CLAM_MUSCLE),
    "side_leg_lift-start": side_lying([(222, 234), (300, 236), (364, 238), (370, 224)],
                                      SLL_FAR, SLL_MUSCLE),
    "side_leg_lift-end": side_lying([(222, 232), (290, 190), (344, 156), (356, 146)],
                                    SLL_FAR, SLL_MUSCLE),
    "single_leg_deadlift-start": {
        "head": (200, 52),
        "far": [[(200, 150), (190, 204), (178, 240), (192, 244)],      # free leg, foot off
                [(200, 84), (194, 118), (190, 148)]],                  # far arm
        "near": [[(200, 72), (200, 150)],                              # trunk
                 [(200, 150), (206, 206), (202, 258), (226, 258)],     # standing leg
                 [(200, 84), (206, 120), (208, 152)]],                 # near arm
        "muscle": (192, 156, 14, 22, 0),
    },
    "single_leg_deadlift-end": {
        "head": (318, 128),
        "far": [[(186, 156), (128, 150), (72, 144), (66, 160)],        # free leg long behind
                [(290, 142), (292, 180), (292, 214)]],                 # far arm
        "near": [[(298, 136), (186, 156)],                             # trunk near level
                 [(186, 156), (204, 206), (202, 258), (226, 258)],     # standing leg
                 [(292, 142), (300, 180), (302, 216)]],                # near arm, to the floor
        "muscle": (178, 150, 14, 22, 0),
    },
    "glute_bridge-start": {
        "head": (60, 236), "mat": True,
        "far": [[(100, 244), (146, 250), (182, 254)]],
        "near": [[(78, 240), (100, 246), (206, 248)],                   # neck and trunk
                 [(206, 248), (262, 192), (302, 252), (328, 254)],      # leg, foot flat
                 BACK_ARMS],
        "muscle": (204, 240, 20, 10, 0),
    },
    "glute_bridge-end": {
        "head": (60, 236), "mat": True,
        "far": [[(100, 244), (146, 250), (182, 254)]],
        "near": [[(78, 240), (100, 246), (196, 212)],                   # trunk rises to the hips
                 [(196, 212), (270, 184), (302, 252), (328, 254)],      # shoulders-hips-knees line
                 BACK_ARMS],
        "muscle": (194, 220, 20, 10, -20),
    },
    "lateral_band_walk-start": {
        "head": (200, 46),
        "near": [[(200, 66), (200, 156)],                               # neck and trunk
                 [(172, 90), (228, 90)],                                # shoulders
                 [(182, 156), (218, 156)],                              # hips
                 [(172, 90), (156, 126), (194, 118)],                   # arms, hands at chest
                 [(228, 90), (244, 126), (206, 118)],
                 [(184, 156), (168, 206), (176, 252), (162, 256)],      # legs in a half squat
                 [(216, 156), (232, 206), (224, 252), (238, 256)]],
        "band": [[(168, 210), (200, 216), (232, 210)]],
        "muscle": (200, 160, 30, 9, 0),
    },
    "lateral_band_walk-end": {
        "head": (206, 46),
        "near": [[(206, 66), (206, 156)],
                 [(178, 90), (234, 90)],
                 [(188, 156), (224, 156)],
                 [(178, 90), (162, 126), (200, 118)],
                 [(234, 90), (250, 126), (212, 118)],
                 [(190, 156), (170, 206), (176, 252), (162, 256)],
                 [(222, 156), (252, 204), (270, 252), (284, 256)]],     # stepped out wide
        "band": [[(170, 210), (210, 212), (252, 208)]],                 # taut
        "muscle": (206, 160, 30, 9, 0),
    },
    "glute_stretch-start": {
        "head": (60, 236), "mat": True,
        "far": [[(100, 244), (146, 250), (182, 254)]],
        "near": [[(78, 240), (100, 246), (204, 248)],
                 [(204, 248), (262, 190), (300, 252), (326, 254)],      # bottom leg, foot down
                 [(204, 244), (236, 206), (268, 186), (278, 176)],      # ankle over the knee
                 BACK_ARMS],
        "muscle": (208, 238, 20, 10, 0),
    },
    "glute_stretch-end": {
        "head": (60, 236), "mat": True,
        "far": [[(100, 244), (146, 220), (194, 204)]],
        "near": [[(78, 240), (100, 246), (204, 248)],
                 [(204, 248), (214, 184), (268, 172), (276, 158)],      # bottom leg drawn in
                 [(204, 244), (262, 214), (222, 188)],                  # crossed leg, ankle on knee
                 [(100, 246), (150, 226), (200, 210)]],                 # hands pull the thigh
        "muscle": (208, 238, 20, 10, 0),
    },
}


def icon() -> str:
    """A teal tile with a white figure in a bridge: bold enough for 16 px."""
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="52" fill="#0b6670"/>
  <line x1="36" y1="196" x2="220" y2="196" stroke="#ffffff" stroke-opacity="0.5" stroke-width="8" stroke-linecap="round"/>
  <circle cx="58" cy="170" r="20" fill="#ffffff"/>
  <polyline points="84,176 138,142 188,120 212,186" fill="none" stroke="#ffffff" stroke-width="20" stroke-linecap="round" stroke-linejoin="round"/>
  <ellipse cx="138" cy="150" rx="20" ry="12" fill="{ACCENT}" transform="rotate(-30 138 150)"/>
</svg>
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, pose in POSES.items():
        # Start and end share one frame, cropped to the taller of the two plus a margin,
        # so lying exercises are not lost in empty space above them.
        exercise_id = name.rsplit("-", 1)[0]
        pair = [POSES[f"{exercise_id}-start"], POSES[f"{exercise_id}-end"]]
        top = max(0, min(_top(p) for p in pair) - 24)
        (OUT / f"{name}.svg").write_text(draw(pose, top), encoding="utf-8")
    ICON.parent.mkdir(parents=True, exist_ok=True)
    ICON.write_text(icon(), encoding="utf-8")
    print(f"wrote {len(POSES)} drawings to {OUT.relative_to(ROOT)} and {ICON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
