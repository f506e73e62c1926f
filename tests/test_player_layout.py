"""The player's face: a fixed grid across steps, a pause seen from the mat, type that
follows the window and the text size, and never a window wider than the screen."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from itbgui import resources_rc  # noqa: F401
from itbgui.ui.fit_label import FitLabel
from itbgui.player.face import PAUSED_OPACITY
from itbgui.program.timeline import StepKind
from qt_helpers import ENTER, advance
from test_player import SHORT, window  # noqa: F401 (the fixture)

STEPS = (StepKind.GET_READY, StepKind.WORK, StepKind.SWITCH_SIDE, StepKind.REST, StepKind.HOLD)


def open_player(qtbot, window):
    window.refresh_today()
    window.prescription = SHORT
    qtbot.keyClick(window, ENTER)
    player = window.player
    qtbot.keyClicks(player, "3")
    qtbot.keyClick(player, ENTER)
    return player


def where(widget, root) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def each_step(player, clock):
    """(kind, player) at one second into each step of the short session."""
    while player.engine.step.kind is not StepKind.PAIN_AFTER:
        kind = player.engine.step.kind
        clock.advance(1.0)
        player.poll()
        if player.engine.step.kind is kind:
            yield kind
        qtbot_right(player)


def qtbot_right(player):
    from PySide6.QtTest import QTest
    QTest.keyClick(player, Qt.Key.Key_Right)


def test_the_grid_stays_put_from_step_to_step(qtbot, window, clock):
    """The counter, the picture and the digits keep their place in every kind of step."""
    player = open_player(qtbot, window)
    places = {}
    for kind in each_step(player, clock):
        grid = tuple(where(w, player).getRect() for w in
                     (player.counter, player.picture, player.big_label, player.status_label,
                      player.cue_label, player.progress))
        places.setdefault(grid, set()).add(kind)
    assert set().union(*places.values()) >= set(STEPS)
    assert len(places) == 1, places


def test_a_pause_dims_the_whole_counter_under_a_large_paused(qtbot, window, clock):
    player = open_player(qtbot, window)
    advance(player, clock, 6)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.big_label.overlay == "PAUSED"
    for label in (player.big_label, player.sub_label, player.phase_label):
        assert label.opacity == PAUSED_OPACITY
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.big_label.overlay == ""
    assert all(label.opacity == 1.0 for label in (player.big_label, player.sub_label))


def test_the_digits_fill_their_room_at_every_text_size_and_larger_text_grows_the_cue(qtbot, window, clock):
    """The digits are as large as the counter allows at Normal already (tests/
    test_player_readable.py); a larger text size grows the words around them."""
    player = open_player(qtbot, window)
    advance(player, clock, 6)
    cues = []
    for scale in (1.0, 1.25, 1.5):
        player.set_text_scale(scale)
        qtbot.wait(1)
        big = player.big_label
        font = QFont(big.font())
        font.setPixelSize(big.fit().pixel_size)
        fm, room = QFontMetrics(font), big.contentsRect()
        assert fm.horizontalAdvance(big.text()) >= 0.8 * room.width() or fm.height() >= 0.8 * room.height()
        cues.append(player.cue_label.fit().pixel_size)
    assert cues[0] < min(cues[1:])


@pytest.mark.parametrize("size", [(1354, 696), (1268, 648), (1900, 1000), (900, 560)])
def test_the_type_follows_the_window_and_no_line_is_cut(qtbot, window, clock, size):
    player = open_player(qtbot, window)
    window.resize(*size)
    for _kind in each_step(player, clock):
        qtbot.wait(1)
        assert window.width() == size[0] and window.height() == size[1]
        cut = [(label.objectName(), label.fit().text) for label in player.findChildren(FitLabel)
               if label.isVisible() and label.fit().elided]
        assert cut == []


def test_extra_large_text_makes_the_pain_boxes_larger(qtbot, window):
    window.refresh_today()
    window.prescription = SHORT
    qtbot.keyClick(window, ENTER)
    scale = window.player.pain_scale
    heights = []
    for k in (1.0, 1.5):
        window.player.set_text_scale(k)
        qtbot.wait(1)
        heights.append(scale.height())
    assert heights[1] > heights[0]
