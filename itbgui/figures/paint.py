"""Paints a solved pose as a flat filled figure with QPainter (no SVG, nothing parsed).

The look of a physio handout: one flat ink for the body, the far arm and leg paler and
behind, a thin gap of background colour where a near limb crosses the body, the working
muscle in a warm colour where it sits, the band in the theme's accent. Every shape is
built from the joint positions, so any in-between frame is as clean as the key poses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from itbgui.figures.motions import At, Motion
from itbgui.figures.pose import Pose, Solved, bounds, interpolate, solve

Point = tuple[float, float]


@dataclass(frozen=True)
class Palette:
    ink: str          # the body
    far: str          # the far limbs
    background: str   # the gap around near limbs
    muscle: str       # the working muscle
    band: str
    prop: str         # floor, mat, wall, bench, weights
    text: str


LIGHT = Palette(ink="#27384a", far="#8d9bab", background="#ffffff", muscle="#e8692e",
                band="#0b8a96", prop="#b9c3cd", text="#4e5b68")
DARK = Palette(ink="#dfe7ee", far="#7d8b99", background="#1d242c", muscle="#ff8a4c",
               band="#5cc4cf", prop="#4a5866", text="#b3bfca")
PRINT = Palette(ink="#000000", far="#8a8a8a", background="#ffffff", muscle="#5a5a5a",
                band="#000000", prop="#b0b0b0", text="#000000")

# Half-widths of the flesh round each segment: (at the start, in the middle, at the end).
WIDTHS = {
    "upper_arm": (3.6, 3.4, 2.8), "forearm": (2.8, 2.6, 2.1), "hand": (2.2, 2.4, 1.6),
    "thigh": (6.6, 5.9, 4.4), "shin": (4.3, 4.5, 2.7), "foot": (2.7, 2.4, 1.5),
}
SEGMENTS = {"arm": ("upper_arm", "forearm", "hand"), "leg": ("thigh", "shin", "foot")}
# The trunk's outline: (fraction from hips to shoulders, front, back) half-widths, seen
# from the side; from the front it is symmetric (the second table).
SIDE_TRUNK = ((-0.16, 4.5, 5.5), (-0.02, 6.8, 8.6), (0.18, 6.4, 7.4), (0.42, 6.4, 5.6),
              (0.72, 7.6, 6.2), (0.95, 6.6, 6.4), (1.06, 3.5, 4.0))
FRONT_TRUNK = ((-0.17, 9.5, 9.5), (0.0, 13.6, 13.6), (0.2, 12.4, 12.4), (0.45, 9.8, 9.8),
               (0.75, 12.6, 12.6), (0.95, 14.6, 14.6), (1.05, 11.5, 11.5))
HEAD = (6.3, 7.4)      # half-width, half-height of the head
GAP = 1.1              # the background-coloured gap round a near limb
FLOOR_PAD = 6.0


def _norm(dx: float, dy: float) -> Point:
    n = math.hypot(dx, dy) or 1.0
    return dx / n, dy / n


def _capsule(points: list[Point], radii: list[float], grow: float = 0.0) -> QPolygonF:
    """A smooth outline round a polyline whose thickness varies point to point; ``grow``
    widens it all round (the background-coloured gap drawn first)."""
    left, right = [], []
    count = len(points)
    for i, (p, r) in enumerate(zip(points, radii)):
        a = points[max(0, i - 1)]
        b = points[min(count - 1, i + 1)]
        tx, ty = _norm(b[0] - a[0], b[1] - a[1])
        r += grow
        left.append(QPointF(p[0] - ty * r, p[1] + tx * r))
        right.append(QPointF(p[0] + ty * r, p[1] - tx * r))
    _cap(left, points[-1], points[-2], radii[-1] + grow)
    right.reverse()
    left.extend(right)
    _cap(left, points[0], points[1], radii[0] + grow)
    return QPolygonF(left)


def _cap(out: list, tip: Point, before: Point, r: float) -> None:
    tx, ty = _norm(tip[0] - before[0], tip[1] - before[1])
    base = math.atan2(ty, tx) + math.pi / 2
    for k in range(1, 8):
        a = base - math.pi * k / 8
        out.append(QPointF(tip[0] + math.cos(a) * r, tip[1] + math.sin(a) * r))


def _segment_points(a: Point, b: Point, widths: tuple[float, float, float]) -> tuple[list, list]:
    w0, w1, w2 = widths
    pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for t in (0, 0.25, 0.5, 0.75, 1)]
    radii = [w0, (w0 + w1) / 2, w1, (w1 + w2) / 2, w2]
    return pts, radii


def limb_polygons(kind: str, joints: tuple[Point, ...], grow: float = 0.0) -> list[QPolygonF]:
    polys = []
    for name, a, b in zip(SEGMENTS[kind], joints, joints[1:]):
        if math.hypot(b[0] - a[0], b[1] - a[1]) < 0.3:
            continue
        pts, radii = _segment_points(a, b, WIDTHS[name])
        polys.append(_capsule(pts, radii, grow))
    return polys


def trunk_path(solved: Solved, grow: float = 0.0) -> QPainterPath:
    pose = solved.pose
    (px, py), (sx, sy) = solved.pelvis, solved.shoulders
    ux, uy = _norm(sx - px, sy - py)
    length = math.hypot(sx - px, sy - py)
    fx, fy = (uy, -ux) if pose.facing >= 0 else (-uy, ux)  # towards the body's front
    table = FRONT_TRUNK if pose.view == "front" else SIDE_TRUNK
    front, back = [], []
    k = pose.breadth if pose.view == "front" else 1.0
    for t, wf, wb in table:
        wf, wb = wf * k + grow, wb * k + grow
        cx, cy = px + ux * length * t, py + uy * length * t
        front.append((cx + fx * wf, cy + fy * wf))
        back.append((cx - fx * wb, cy - fy * wb))
    top = (px + ux * (length * 1.1 + grow), py + uy * (length * 1.1 + grow))
    bottom = (px - ux * (length * 0.2 + grow), py - uy * (length * 0.2 + grow))
    return _smooth_closed([bottom] + front + [top] + list(reversed(back)))


def _smooth_closed(points: list[Point]) -> QPainterPath:
    """A closed Catmull-Rom curve through the points, as cubic Béziers."""
    path = QPainterPath(QPointF(*points[0]))
    n = len(points)
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = QPointF(p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = QPointF(p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        path.cubicTo(c1, c2, QPointF(*p2))
    path.closeSubpath()
    return path


def head_parts(solved: Solved, grow: float = 0.0) -> tuple[QPolygonF, QPainterPath]:
    """The neck, and the head as an ellipse along the neck's line (with a nose in a
    side view, which says where the figure faces)."""
    pose = solved.pose
    (sx, sy), (hx, hy) = solved.shoulders, solved.head
    ux, uy = _norm(hx - sx, hy - sy)
    neck = _capsule([(sx, sy), (sx + ux * 5, sy + uy * 5), (hx - ux * 3, hy - uy * 3)],
                    [3.3, 3.0, 3.0], grow)
    head = QPainterPath()
    head.addEllipse(QPointF(0, 0), HEAD[0] + grow, HEAD[1] + grow)
    if pose.view == "side":
        fx = 1.0 if pose.facing >= 0 else -1.0
        head.addEllipse(QPointF(fx * 5.9, 0.6), 1.7 + grow, 1.9 + grow)
        head.setFillRule(Qt.FillRule.WindingFill)
    angle = math.degrees(math.atan2(uy, ux)) - 90.0
    return neck, QTransform().translate(hx, hy).rotate(angle).map(head)


def point_on(solved: Solved, at: At) -> Point:
    joints = solved.joints[at.limb]
    i = min(at.index, len(joints) - 2)
    a, b = joints[i], joints[i + 1]
    return a[0] + (b[0] - a[0]) * at.t, a[1] + (b[1] - a[1]) * at.t


def muscle_path(solved: Solved, name: str, limb: str) -> QPainterPath:
    """The highlight: gluteus medius on the side of the hip above the joint, gluteus
    maximus over the buttock behind it."""
    pose = solved.pose
    hip = solved.joints[limb][0]
    (px, py), (sx, sy) = solved.pelvis, solved.shoulders
    ux, uy = _norm(sx - px, sy - py)
    angle = math.degrees(math.atan2(uy, ux))
    if name == "medius":
        if pose.view == "front":
            side = pose.limbs[limb].side
            lx, ly = -uy * side, ux * side          # outwards from the body's midline
            cx, cy = hip[0] + lx * 6.5 + ux * 6.0, hip[1] + ly * 6.5 + uy * 6.0
            rx, ry = 6.5, 4.6
        else:
            cx, cy, rx, ry = hip[0] + ux * 6, hip[1] + uy * 6, 6.0, 4.0
    else:
        bx, by = (-uy, ux) if pose.facing >= 0 else (uy, -ux)  # towards the back
        cx, cy = hip[0] + bx * 4.6 + ux * 1.5, hip[1] + by * 4.6 + uy * 1.5
        rx, ry = 6.0, 4.4
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), rx, ry)
    return QTransform().translate(cx, cy).rotate(angle).map(path)


@lru_cache(maxsize=256)
def frame_box(motion: Motion) -> tuple[float, float, float, float]:
    """One box that holds every frame of the motion (so the figure never jumps)."""
    boxes = []
    ends = [motion.end] + ([motion.other_end] if motion.other_end is not None else [])
    poses = [motion.start, motion.return_pose] + ends
    for end in ends:
        for k in range(1, 8):
            poses.append(interpolate(motion.start, end, k / 8))
            poses.append(interpolate(end, motion.return_pose, k / 8))
    for pose in poses:
        b = list(bounds(solve(pose)))
        if motion.follow_root:
            b[0] -= pose.root[0]
            b[2] -= pose.root[0]
        boxes.append(b)
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    top = max(b[3] for b in boxes)
    for s in motion.scenery:
        if s.kind == "wall":
            right = max(right, s.box[0] + 5)
        elif s.kind == "bench":
            left = min(left, s.box[0] - 2)
        elif s.kind == "chair":
            left = min(left, s.box[0] - 2)
            top = max(top, s.box[4] + 2)
    return left - 2, -FLOOR_PAD, right + 2, top + 2


def paint_figure(painter: QPainter, rect: QRectF, motion: Motion, pose: Pose, palette: Palette,
                 *, mirror: bool = False, caption: str = "") -> None:
    """Draw one frame of ``motion`` in ``pose``, fitted into ``rect`` (keeps proportions)."""
    left, bottom, right, top = frame_box(motion)
    caption_h = 0.0
    if caption:
        caption_h = max(14.0, min(22.0, rect.height() * 0.09))
    marker_h = 0.0
    if motion.hold:   # a strip of its own, sized for the device (screen or 600 dpi paper)
        device = painter.device()
        marker_h = hold_marker_height(rect, device.logicalDpiY() / 96.0 if device else 1.0)
    top_h = caption_h + marker_h
    avail = QRectF(rect.x(), rect.y() + top_h, rect.width(), rect.height() - top_h)
    scale = min(avail.width() / (right - left), avail.height() / (top - bottom))
    if scale <= 0:
        return
    w, h = (right - left) * scale, (top - bottom) * scale
    ox = avail.x() + (avail.width() - w) / 2
    oy = avail.y() + (avail.height() - h) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if caption:
        painter.setPen(QColor(palette.text))
        font = QFont(painter.font())
        font.setPixelSize(max(6, int(caption_h * 0.72)))
        width = QFontMetricsF(font).horizontalAdvance(caption)
        if width > rect.width() * 0.98:  # shrink to fit rather than cut the side off
            font.setPixelSize(max(6, int(font.pixelSize() * rect.width() * 0.98 / width)))
        painter.setFont(font)
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), caption_h),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), caption)
    shift = pose.root[0] if motion.follow_root else 0.0
    t = QTransform()
    t.translate(ox, oy + h)
    t.scale(scale, -scale)
    t.translate(-left, -bottom)
    if mirror:
        mid = (left + right) / 2
        t.translate(mid, 0).scale(-1, 1).translate(-mid, 0)
    t.translate(-shift, 0)
    painter.setTransform(t, True)
    draw_scene(painter, motion, solve(pose), palette, (left + shift, right + shift))
    painter.restore()
    if motion.hold:
        hold_marker(painter, QRectF(rect.x(), oy - marker_h, min(rect.right(), ox + w) - rect.x(),
                                    marker_h), motion.hold, palette)


def hold_marker_height(rect: QRectF, dpi_scale: float = 1.0) -> float:
    """The pause marker's strip: a seventh of the picture, 12-30 screen pixels (in
    device pixels: ``dpi_scale`` is the device's dots per 96)."""
    return max(12.0 * dpi_scale, min(30.0 * dpi_scale, rect.height() * 0.14))


def hold_marker(painter: QPainter, strip: QRectF, seconds: float, palette: Palette) -> None:
    """A pause sign and the seconds ("II 2 s") over the figure's top right corner: this
    rung holds the end position, which the two key positions alone cannot show."""
    size = strip.height() / 1.25
    box = strip
    font = QFont(painter.font())
    font.setPixelSize(max(7, int(size * 0.8)))
    font.setBold(True)
    text = f"{seconds:g} s"
    text_w = QFontMetricsF(font).horizontalAdvance(text)
    pad = size * 0.3
    bar_w, gap = size * 0.2, size * 0.16
    width = pad + 2 * bar_w + gap + pad + text_w + pad
    x = max(box.left(), box.right() - width)
    y = box.top()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    accent = QColor(palette.muscle)
    pen = QPen(accent, max(1.0, size * 0.08))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = pen.widthF()   # the outline stays inside its strip
    painter.drawRoundedRect(QRectF(x + inset, y + inset, width - 2 * inset, size * 1.25 - 2 * inset),
                            size * 0.3, size * 0.3)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(accent)
    bar_h = size * 0.7
    bar_y = y + (size * 1.25 - bar_h) / 2
    painter.drawRect(QRectF(x + pad, bar_y, bar_w, bar_h))
    painter.drawRect(QRectF(x + pad + bar_w + gap, bar_y, bar_w, bar_h))
    painter.setPen(QColor(palette.text))
    painter.setFont(font)
    painter.drawText(QRectF(x + pad + 2 * bar_w + gap + pad, y, text_w + pad, size * 1.25),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
    painter.restore()


def draw_scene(painter: QPainter, motion: Motion, solved: Solved, palette: Palette,
               span: tuple[float, float]) -> None:
    """Back to front: floor and furniture, far limbs, trunk and head, near legs (the top
    one last), the muscle, near arms, weights and bands. Each near piece is laid on a
    slightly larger patch of background colour, the thin gap that separates it."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(palette.prop))
    painter.drawRoundedRect(QRectF(span[0], -1.6, span[1] - span[0], 1.6), 0.8, 0.8)
    for s in motion.scenery:
        _scenery(painter, s, palette, span)
    pose = solved.pose
    far = [n for n, limb in pose.limbs.items() if not limb.near]
    near = [n for n, limb in pose.limbs.items() if limb.near]
    painter.setBrush(QColor(palette.far))
    for name in far:
        for poly in limb_polygons(pose.limbs[name].kind, solved.joints[name]):
            painter.drawPolygon(poly)
    _weights(painter, motion, solved, palette, far)
    background, ink = QColor(palette.background), QColor(palette.ink)
    for grow, colour in ((GAP, background), (0.0, ink)):
        painter.setBrush(colour)
        painter.drawPath(trunk_path(solved, grow))
        neck, head = head_parts(solved, grow)
        painter.drawPolygon(neck)
        painter.drawPath(head)
    muscles = [m for m in motion.muscles if m.limb in far]
    _muscles(painter, solved, palette, muscles)
    legs = sorted((n for n in near if pose.limbs[n].kind == "leg"),
                  key=lambda n: -pose.limbs[n].side if pose.view == "front" else 0)
    arms = [n for n in near if pose.limbs[n].kind == "arm"]
    for name in legs + arms:
        kind = pose.limbs[name].kind
        for grow, colour in ((GAP, background), (0.0, ink)):
            painter.setBrush(colour)
            for poly in limb_polygons(kind, solved.joints[name], grow):
                painter.drawPolygon(poly)
        if kind == "leg":
            _muscles(painter, solved, palette, [m for m in motion.muscles if m.limb == name])
    _weights(painter, motion, solved, palette, near)
    for band in motion.bands:
        a, b = point_on(solved, band.a), point_on(solved, band.b)
        pen = QPen(QColor(palette.band), 3.2 if band.heavy else 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(*a), QPointF(*b))
        painter.setPen(Qt.PenStyle.NoPen)


def _muscles(painter: QPainter, solved: Solved, palette: Palette, muscles) -> None:
    """The highlight, kept inside the body's outline (the trunk and the leg's thigh)."""
    if not muscles:
        return
    painter.setBrush(QColor(palette.muscle))
    for m in muscles:
        shape = muscle_path(solved, m.name, m.limb)
        thigh = QPainterPath()
        thigh.addPolygon(limb_polygons("leg", solved.joints[m.limb])[0])
        for clip in (trunk_path(solved), thigh):  # each outline on its own: no winding puzzles
            painter.save()
            painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
            painter.drawPath(shape)
            painter.restore()


def _weights(painter: QPainter, motion: Motion, solved: Solved, palette: Palette,
             limbs: list[str]) -> None:
    for w in motion.weights:
        if w.at.limb not in limbs:
            continue
        x, y = point_on(solved, w.at)
        painter.setBrush(QColor(palette.ink if w.kind == "dumbbell" else palette.band))
        pen = QPen(QColor(palette.background), 0.9)
        painter.setPen(pen)
        if w.kind == "dumbbell":
            r = 4.6 if w.heavy else 3.6
            painter.drawRoundedRect(QRectF(x - 7.5, y - r, 3.2, 2 * r), 1, 1)
            painter.drawRoundedRect(QRectF(x + 4.3, y - r, 3.2, 2 * r), 1, 1)
            painter.drawRect(QRectF(x - 4.5, y - 0.9, 9.0, 1.8))
        else:
            painter.drawRoundedRect(QRectF(x - 3.8, y - 3.8, 7.6, 7.6), 2.2, 2.2)
        painter.setPen(Qt.PenStyle.NoPen)


def _scenery(painter: QPainter, s, palette: Palette, span: tuple[float, float]) -> None:
    painter.setBrush(QColor(palette.prop))
    if s.kind == "mat":
        painter.drawRoundedRect(QRectF(span[0] + 4, 0, span[1] - span[0] - 8, 1.3), 0.6, 0.6)
    elif s.kind == "wall":
        x = s.box[0]
        painter.drawRect(QRectF(x, 0, 3.0, 95.0))
    elif s.kind == "bench":
        x0, x1, top = s.box
        painter.drawRoundedRect(QRectF(x0, top - 5, x1 - x0, 5), 1.2, 1.2)
        painter.drawRect(QRectF(x0 + 4, 0, 3, top - 5))
        painter.drawRect(QRectF(x1 - 7, 0, 3, top - 5))
    elif s.kind == "chair":
        x0, x1, seat, back_x, back_top = s.box
        painter.drawRoundedRect(QRectF(x0, seat - 3, x1 - x0, 3), 1, 1)
        painter.drawRect(QRectF(x0 + 1, 0, 2.4, seat - 3))
        painter.drawRect(QRectF(x1 - 3.4, 0, 2.4, seat - 3))
        painter.drawRoundedRect(QRectF(back_x - 0.5, seat, 3, back_top - seat), 1, 1)
