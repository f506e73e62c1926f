"""The exercise figures: a picture for every rung, a body that stays in one piece, and the
frame the player draws at any instant of a rep is the pose for that instant of the tempo."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from itbgui.core.clock import FakeClock
from itbgui.figures.catalogue import MOTIONS, RUNG_NAMES, RUNG_WORDS, key_by_words, motion, pose_key
from itbgui.figures.paint import paint_figure
from itbgui.figures.pose import LENGTHS, LIMB_SEGMENTS, Reach, interpolate, solve
from itbgui.figures.paint import LIGHT, hold_marker_height
from itbgui.figures.timing import (END, START, Moment, ease, end_of, loop_moment, moment_for,
                                   pose_at, still)
from itbgui.core.engine import SessionEngine
from itbgui.program.exercises import CATALOGUE, Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.timeline import StepKind, build_timeline
from itbgui.ui.reduce_motion import PROPERTY, apply_motion_preference

ALL_MOTIONS = [(ex_id, m) for ex_id, pictures in MOTIONS.items() for m in pictures.values()]


# ----------------------------------------------------------------- every exercise and rung
@pytest.mark.parametrize("ex", CATALOGUE, ids=lambda e: e.id)
def test_every_rung_has_its_own_picture(ex):
    keys = [pose_key(ex.id, step.name) for step in ex.steps]
    assert all(key in MOTIONS[ex.id] for key in keys)
    # no rung falls back to another's picture: the band, the bent knee, the dumbbell,
    # the free leg up... each is drawn
    assert len(set(keys)) == len(keys), dict(zip([s.name for s in ex.steps], keys))


def test_every_rung_is_named_in_the_map_and_the_word_rules_agree():
    """Today's rungs are looked up by their exact names; the word rules (for a rung named
    otherwise, e.g. with the kit's band colour) give each of them the same picture, so a
    rule order that sends a held or heavier rung to its plain picture is caught here."""
    for ex in CATALOGUE:
        assert set(RUNG_NAMES[ex.id]) == {s.name for s in ex.steps}, ex.id
        for step in ex.steps:
            by_words = key_by_words(ex.id, step.name) or next(iter(MOTIONS[ex.id]))
            assert by_words == RUNG_NAMES[ex.id][step.name], step.name


KIT_WORDS = ("Red", "green", "Blue", "(yellow)", "(1 kg)", "2.5 kg", "light", "on a mat")


@given(ex=st.sampled_from(CATALOGUE), data=st.data())
def test_kit_words_around_a_rung_name_keep_its_picture(ex, data):
    """The word rules alone (a name not in the map) ignore a colour or a weight said
    before, after or inside the rung's name."""
    step = data.draw(st.sampled_from(ex.steps))
    word = data.draw(st.sampled_from(KIT_WORDS))
    words = step.name.split(" ")
    at = data.draw(st.integers(0, len(words)))
    renamed = " ".join(words[:at] + [word] + words[at:])
    assert renamed not in RUNG_NAMES[ex.id]
    assert pose_key(ex.id, renamed) == RUNG_NAMES[ex.id][step.name], renamed


def test_a_rung_added_later_falls_back_to_the_plain_picture_until_it_has_a_pose():
    assert pose_key("glute_bridge", "Bridge on a wobble cushion") == "two_leg"
    assert pose_key("glute_bridge", "Marching bridge on a wobble cushion") == "marching"
    assert pose_key("lateral_band_walk", "Green band (next colour) around the feet") == \
        "band_feet_heavy"
    assert pose_key("lateral_band_walk", "No band: deep squat") == "no_band_deep_pause"
    assert pose_key("clamshell", "Green band (next colour) above the knees") == \
        "band_knees_heavy"
    assert pose_key("glute_bridge", None) == "two_leg"
    # words decide, whatever the kit adds around them
    assert pose_key("clamshell", "Red band above the knees") == "band_knees"
    assert pose_key("single_leg_deadlift", "Heavier dumbbell (7.5 kg) in the opposite hand") == \
        "dumbbell_heavy"
    with pytest.raises(KeyError):
        pose_key("no_such_exercise", "Bodyweight")


def test_every_rung_word_rule_points_at_a_picture_that_exists():
    for ex_id, rules in RUNG_WORDS.items():
        for _words, key in rules:
            assert key in MOTIONS[ex_id], (ex_id, key)
    for ex_id, names in RUNG_NAMES.items():
        assert set(names.values()) <= set(MOTIONS[ex_id]), ex_id


def _still_image(m, moment, size=QSize(200, 150)) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    paint_figure(painter, QRectF(0, 0, size.width(), size.height()), m, pose_at(m, moment), LIGHT)
    painter.end()
    return image


@pytest.mark.parametrize("ex", CATALOGUE, ids=lambda e: e.id)
def test_every_rung_looks_different_from_the_others(ex, qapp):
    """Its own key is not enough: the start and end pictures, as the Library and the
    printed week show them, differ between any two rungs (a held rung by its marker)."""
    drawn = {}
    for step in ex.steps:
        m = motion(ex.id, step.name)
        drawn[step.name] = (_still_image(m, START), _still_image(m, END))
    names = list(drawn)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert drawn[a] != drawn[b], (ex.id, a, b)


@pytest.mark.parametrize("ex", CATALOGUE, ids=lambda e: e.id)
def test_a_held_rung_shows_its_hold_and_only_a_held_rung_does(ex):
    for step in ex.steps:
        assert motion(ex.id, step.name).hold == (step.tempo_hold or 0.0), step.name


def _marker_rows(m, moment, size: QSize, dpi: float = 96.0) -> tuple[list[int], float]:
    """The rows where the held picture differs from the same picture without its hold,
    laid out in the same place; and the marker strip's height."""
    def image() -> QImage:
        img = QImage(size, QImage.Format.Format_ARGB32)
        img.setDotsPerMeterX(round(dpi / 0.0254))
        img.setDotsPerMeterY(round(dpi / 0.0254))
        img.fill(0)
        return img

    with_marker, without = image(), image()
    strip = hold_marker_height(QRectF(0, 0, size.width(), size.height()),
                               with_marker.logicalDpiY() / 96.0)
    plain = dataclasses.replace(m, hold=0.0)
    for img, fig, rect in ((with_marker, m, QRectF(0, 0, size.width(), size.height())),
                           (without, plain, QRectF(0, strip, size.width(), size.height() - strip))):
        painter = QPainter(img)
        paint_figure(painter, rect, fig, pose_at(fig, moment), LIGHT)
        painter.end()
    rows = [y for y in range(size.height())
            if any(with_marker.pixel(x, y) != without.pixel(x, y) for x in range(size.width()))]
    return rows, strip


HELD = [(ex.id, s.name) for ex in CATALOGUE for s in ex.steps if s.tempo_hold]


def test_a_held_rung_is_drawn_as_its_positions_plus_a_pause_marker_above_them(qapp):
    """Same poses as without the hold, laid out the same, plus the marker in its own
    strip over the figure: the only pixels that differ form one band that high."""
    assert len(HELD) == 5
    for ex_id, name in HELD:
        m = motion(ex_id, name)
        for moment in (START, END):
            rows, strip = _marker_rows(m, moment, QSize(200, 150))
            assert rows, m.key                                   # the marker is drawn
            assert rows[-1] - rows[0] <= strip + 1, m.key        # and nothing else moved


def test_the_pause_marker_is_as_readable_on_paper_as_on_screen(qapp):
    """The printed week paints at 600 dpi: the marker keeps its share of the picture
    (24 x 18 mm here) instead of shrinking to a few screen pixels."""
    for ex_id, name in HELD[:2]:
        rows, strip = _marker_rows(motion(ex_id, name), END, QSize(567, 430), dpi=600.0)
        assert rows and rows[-1] - rows[0] <= strip + 1
        assert rows[-1] - rows[0] >= 0.1 * 430


def _lifted_feet(pose) -> set[str]:
    solved = solve(pose)
    return {name for name, limb in pose.limbs.items()
            if limb.kind == "leg" and min(p[1] for p in solved.joints[name]) > 10.0}


def test_the_marching_bridge_lifts_one_knee_then_the_other():
    m = motion("glute_bridge", "Marching bridge")
    assert _lifted_feet(m.start) == set()
    assert _lifted_feet(m.end) == {"leg_f"} and _lifted_feet(m.other_end) == {"leg_n"}
    # the session alternates: rep 1 ends on one knee up, rep 2 on the other
    engine, _ = _work_engine(Tempo(2.0, 1.0, 2.0), reps=4, exercise_id="glute_bridge")
    ends = [pose_at(m, moment_for(engine.step, rep * 5.0 + 2.5)) for rep in range(4)]
    assert [_lifted_feet(p) for p in ends] == [{"leg_f"}, {"leg_n"}, {"leg_f"}, {"leg_n"}]
    # and so does the Library's loop (a 1 s breath, then the 5 s rep)
    loops = [pose_at(m, loop_moment(Tempo(2.0, 1.0, 2.0), cycle * 6.0 + 3.5)) for cycle in range(2)]
    assert [_lifted_feet(p) for p in loops] == [{"leg_f"}, {"leg_n"}]
    # a rung whose reps do not alternate ends the same way every rep
    plain = motion("glute_bridge", "Two-leg bridge")
    assert end_of(plain, Moment("up", 1.0, True)) is plain.end


def test_the_view_is_the_one_that_shows_the_movement():
    assert {m.view for m in MOTIONS["clamshell"].values()} == {"front"}
    assert {m.view for m in MOTIONS["lateral_band_walk"].values()} == {"front"}
    assert {m.view for m in MOTIONS["side_leg_lift"].values()} == {"front"}
    for ex_id in ("single_leg_deadlift", "glute_bridge", "glute_stretch"):
        assert {m.view for m in MOTIONS[ex_id].values()} == {"side"}
    medius = {m.name for m in motion("clamshell").muscles}
    maximus = {m.name for m in motion("glute_bridge").muscles}
    assert medius == {"medius"} and maximus == {"maximus"}
    # the stretch names the side it stretches
    assert motion("glute_stretch").caption_for("left") == \
        "Left ankle on right knee: left buttock stretches"
    assert motion("glute_stretch").caption_for(None) == "The crossed leg's buttock stretches"


# ----------------------------------------------------------------- a body in one piece
def _bone_lengths(solved):
    lengths = {}
    for name, limb in solved.pose.limbs.items():
        joints = solved.joints[name]
        for i, (seg_name, segment) in enumerate(zip(LIMB_SEGMENTS[limb.kind], limb.segments)):
            if limb.reach is not None and i < 2 or isinstance(segment, Reach):
                continue
            short = segment[1] if isinstance(segment, tuple) else 1.0
            lengths[(name, i)] = (math.dist(joints[i], joints[i + 1]), LENGTHS[seg_name] * short)
    return lengths


@given(pick=st.integers(0, len(ALL_MOTIONS) - 1), t=st.floats(0, 1), down=st.booleans(),
       other=st.booleans())
def test_any_in_between_frame_keeps_the_bones_and_stays_above_the_floor(pick, t, down, other):
    _, m = ALL_MOTIONS[pick]
    pose = pose_at(m, Moment("down" if down else "up", t, other))
    solved = solve(pose)
    for (name, i), (drawn, expected) in _bone_lengths(solved).items():
        assert drawn == pytest.approx(expected, abs=1e-6), (m.key, name, i)
    for name, joints in solved.joints.items():
        for x, y in joints:
            assert math.isfinite(x) and y >= -1.5, (m.key, name, y)
    assert solved.head[1] > 0


def test_a_planted_foot_stays_put_through_the_rep():
    m = motion("glute_bridge", "Two-leg bridge")
    ankles = {solve(interpolate(m.start, m.end, t / 10)).joints["leg_n"][2] for t in range(11)}
    assert ankles == {(22.0, 4.0)}


# ----------------------------------------------------------------- the tempo
def _work_engine(tempo=Tempo(2.0, 1.0, 2.0), reps=3, exercise_id="clamshell"):
    clock = FakeClock()
    p = SessionPrescription("t", (ExercisePrescription(exercise_id, 1, reps, tempo=tempo),))
    engine = SessionEngine(build_timeline(p), clock)
    engine.start()
    engine.set_pain_before(0)
    engine.next()                                  # into get-ready
    while engine.step.kind is not StepKind.WORK:
        clock.advance(0.5)
        engine.update()
    return engine, clock


def _expected_moment(tempo: Tempo, elapsed: float) -> Moment:
    """The rule, written out: up start->end, hold at the end, down end->start."""
    into = elapsed % tempo.rep_seconds
    other = int(elapsed // tempo.rep_seconds) % 2 == 1    # every second rep
    if into < tempo.up:
        return Moment("up", into / tempo.up, other)
    if into < tempo.up + tempo.hold:
        return Moment("up", 1.0, other)
    return Moment("down", (into - tempo.up - tempo.hold) / tempo.down, other)


@given(elapsed=st.floats(0, 14.99), up=st.sampled_from([1.0, 2.0, 3.0]),
       down=st.sampled_from([1.5, 2.0, 4.0]))
def test_the_moment_of_a_rep_follows_the_tempo(elapsed, up, down):
    tempo = Tempo(up, 1.0, down)
    engine, _ = _work_engine(tempo, reps=20)
    got = moment_for(engine.step, elapsed)
    want = _expected_moment(tempo, elapsed)
    assert got.stage == want.stage and got.t == pytest.approx(want.t, abs=1e-6)
    assert got.other == want.other


def test_get_ready_rest_and_switch_show_the_start_and_the_stretch_holds_its_end():
    engine, _ = _work_engine()
    steps = engine.timeline.steps
    for step in steps:
        if step.kind in (StepKind.GET_READY, StepKind.REST, StepKind.SWITCH_SIDE):
            assert moment_for(step, 3.0) == START
    stretch = SessionPrescription("s", (ExercisePrescription("glute_stretch", 1, 1),))
    hold = next(s for s in build_timeline(stretch).steps if s.kind is StepKind.HOLD)
    assert moment_for(hold, 10.0) == END


def _render(picture) -> QImage:
    image = QImage(QSize(320, 200), QImage.Format.Format_ARGB32)
    image.fill(0)
    # the widget's own painting only, not the window background behind it
    picture.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    return image


def _expected_image(picture, pose) -> QImage:
    image = QImage(QSize(320, 200), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    paint_figure(painter, QRectF(0, 0, 320, 200), picture.motion, pose, picture.figure_palette(),
                 mirror=picture.mirror, caption=picture.caption)
    painter.end()
    return image


@pytest.fixture
def picture(qtbot, qapp):
    from itbgui.player.picture import ExercisePicture

    apply_motion_preference(qapp, False)
    widget = ExercisePicture()
    widget.resize(320, 200)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    qapp.setProperty(PROPERTY, False)


@pytest.mark.parametrize("elapsed", [0.0, 0.7, 1.5, 2.4, 3.3, 4.6, 5.2])
def test_the_frame_drawn_mid_rep_is_the_pose_for_that_moment(picture, elapsed):
    engine, clock = _work_engine()
    picture.follow(engine)
    assert picture.animating                       # a rep runs: the figure moves
    clock.advance(elapsed)
    picture._frame()                               # what the frame timer does
    want = _expected_moment(Tempo(2.0, 1.0, 2.0), elapsed)
    m = picture.motion
    end = end_of(m, want) if want.stage == "up" else m.return_pose
    begin = m.start if want.stage == "up" else end_of(m, want)
    expected_pose = interpolate(begin, end, ease(want.t))
    assert _same_joints(picture.current_pose(), expected_pose)
    assert _render(picture) == _expected_image(picture, expected_pose)


def _same_joints(a, b) -> bool:
    sa, sb = solve(a), solve(b)
    return all(math.dist(p, q) < 1e-6 for name in sa.joints
               for p, q in zip(sa.joints[name], sb.joints[name]))


def test_the_figure_stops_when_the_session_pauses_and_off_screen(picture):
    engine, clock = _work_engine()
    picture.follow(engine)
    assert picture.animating
    engine.pause()
    picture.follow(engine)
    assert not picture.animating
    engine.resume()
    picture.follow(engine)
    assert picture.animating
    picture.hide()
    assert not picture.animating


def test_reduce_motion_holds_still(picture, qapp):
    apply_motion_preference(qapp, True)
    engine, clock = _work_engine()
    picture.follow(engine)
    assert not picture.animating                   # no frame timer at all
    seen = set()
    for _ in range(40):
        clock.advance(0.125)
        picture.follow(engine)                     # the player's own refreshes
        seen.add(picture.moment)
    # only the key positions, never a pose in between
    assert {(m.stage, m.t) for m in seen} <= {(START.stage, START.t), (END.stage, END.t),
                                             ("down", 1.0)} and END in seen
    assert still(Moment("up", 0.4)) == END and still(Moment("down", 0.3)) == Moment("down", 1.0)


def test_turning_reduce_motion_on_mid_rep_stops_the_figure_at_the_next_frame(picture, qapp):
    engine, clock = _work_engine()
    picture.follow(engine)
    clock.advance(0.9)
    picture._frame()
    assert 0 < picture.moment.t < 1
    apply_motion_preference(qapp, True)
    picture.refresh_colours()                      # what the window does when the setting changes
    assert not picture.animating and picture.moment == END


def test_the_other_side_is_the_mirror_image(picture):
    engine, _ = _work_engine()
    picture.follow(engine)
    m = picture.motion
    assert picture.mirror == (engine.step.side != m.drawn_side)


def test_the_library_loop_runs_a_rep_at_the_tempo(picture):
    tempo = Tempo(2.0, 1.0, 2.0)
    assert loop_moment(tempo, 0.5) == START        # a breath before each rep
    assert loop_moment(tempo, 2.0) == Moment("up", 0.5)
    assert loop_moment(tempo, 3.5) == END
    assert loop_moment(tempo, 5.0) == Moment("down", 0.5)
    assert loop_moment(tempo, 6.5) == START        # and round again
    picture.loop(motion("glute_bridge"), tempo)
    assert picture.animating
    picture.hide()
    assert not picture.animating


def test_the_dark_theme_draws_a_light_figure(qapp):
    from itbgui.player.picture import figure_palette
    from itbgui.ui.theme import DARK, LIGHT

    for c, bright in ((LIGHT, False), (DARK, True)):
        p = figure_palette(c, c.window)
        ink, bg = QColor(p.ink).lightness(), QColor(p.background).lightness()
        assert (ink > bg) == bright


def test_a_change_too_small_to_see_is_not_repainted(picture, qapp):
    """The first instant of a rep paints nothing, so the player's step change stays quick."""
    engine, clock = _work_engine()                 # the first rep has just begun
    picture.follow(engine)
    qapp.processEvents()
    painted = picture.frames_painted
    clock.advance(0.002)
    picture._frame()
    qapp.processEvents()
    assert picture.frames_painted == painted
    clock.advance(0.3)
    picture._frame()
    qapp.processEvents()
    assert picture.frames_painted == painted + 1
