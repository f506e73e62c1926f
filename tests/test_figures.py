"""The exercise figures: a picture for every rung, a body that stays in one piece, and the
frame the player draws at any instant of a rep is the pose for that instant of the tempo."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from itbgui.clock import FakeClock
from itbgui.figures.catalogue import MOTIONS, RUNG_WORDS, motion, pose_key
from itbgui.figures.paint import paint_figure
from itbgui.figures.pose import LENGTHS, LIMB_SEGMENTS, Reach, interpolate, solve
from itbgui.figures.timing import END, START, Moment, ease, loop_moment, moment_for, pose_at, still
from itbgui.player.engine import SessionEngine
from itbgui.program.exercises import CATALOGUE, Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.timeline import StepKind, build_timeline
from itbgui.reduce_motion import PROPERTY, apply_motion_preference

ALL_MOTIONS = [(ex_id, m) for ex_id, pictures in MOTIONS.items() for m in pictures.values()]


# ----------------------------------------------------------------- every exercise and rung
@pytest.mark.parametrize("ex", CATALOGUE, ids=lambda e: e.id)
def test_every_rung_has_its_own_picture(ex):
    keys = [pose_key(ex.id, step.name) for step in ex.steps]
    assert all(key in MOTIONS[ex.id] for key in keys)
    # no rung falls back to another's picture: the band, the bent knee, the dumbbell,
    # the free leg up... each is drawn
    assert len(set(keys)) == len(keys), dict(zip([s.name for s in ex.steps], keys))


def test_a_rung_added_later_falls_back_to_the_plain_picture_until_it_has_a_pose():
    assert pose_key("glute_bridge", "Bridge marching on a wobble cushion") == "two_leg"
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


@given(pick=st.integers(0, len(ALL_MOTIONS) - 1), t=st.floats(0, 1), down=st.booleans())
def test_any_in_between_frame_keeps_the_bones_and_stays_above_the_floor(pick, t, down):
    _, m = ALL_MOTIONS[pick]
    pose = pose_at(m, Moment("down" if down else "up", t))
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
    if into < tempo.up:
        return Moment("up", into / tempo.up)
    if into < tempo.up + tempo.hold:
        return END
    return Moment("down", (into - tempo.up - tempo.hold) / tempo.down)


@given(elapsed=st.floats(0, 14.99), up=st.sampled_from([1.0, 2.0, 3.0]),
       down=st.sampled_from([1.5, 2.0, 4.0]))
def test_the_moment_of_a_rep_follows_the_tempo(elapsed, up, down):
    tempo = Tempo(up, 1.0, down)
    engine, _ = _work_engine(tempo, reps=20)
    got = moment_for(engine.step, elapsed)
    want = _expected_moment(tempo, elapsed)
    assert got.stage == want.stage and got.t == pytest.approx(want.t, abs=1e-6)


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
    end = m.end if want.stage == "up" else m.return_pose
    begin = m.start if want.stage == "up" else m.end
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
    assert seen <= {START, END, Moment("down", 1.0)} and END in seen
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
    from itbgui.theme import DARK, LIGHT

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
