"""Readable from the mat, 2 m away: the sizes the player draws, read from a real PlayerView in
a real window at a laptop's maximised size (1366 x 768 less the window frame and a panel,
tests/layout_check.py) and at half its width, at every text size.

What is measured: for the digits, the height of the digits' ink as drawn
(QFontMetrics.tightBoundingRect of the text at the size the label draws it); for the words,
the pixel size of the font the label draws with (FitLabel.fit, after any shrinking).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from itbgui import resources_rc  # noqa: F401
from itbgui.app import MainWindow
from itbgui.ui.fit_label import FitLabel
from itbgui.program.exercises import Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.timeline import StepKind, Timing
from itbgui.ui.settings import AppSettings
from itbgui.store.repository import SessionRepository
from layout_check import SCREENS, available
from layout_walk import TEXT_SIZES, set_text_size, settle
from qt_helpers import ENTER, RecordingInhibitor

FULL = available(SCREENS["1366x768"])          # 1354 x 696: maximised on a 1366 x 768 laptop
HALF = (SCREENS["1366x768"][0] // 2, FULL[1])  # 683 x 696: snapped to half the screen

#: The long names and the band walk (its words differ), two sets for a rest.
SESSION = SessionPrescription("Readable", (
    ExercisePrescription("single_leg_deadlift", 2, 12, Tempo(2, 1, 2), rest_seconds=60, step_index=0),
    ExercisePrescription("lateral_band_walk", 1, 10, Tempo(1, 0, 1), rest_seconds=45, step_index=0),
    ExercisePrescription("glute_stretch", 1, 0),
), first_side="right", week=1)

DIGITS_MIN = 160   # px of ink
WORDS_MIN = 48     # px font: the phase word, the step word (status) and the side
CUE_MIN = 32       # px font


@pytest.fixture
def window(qtbot, tmp_path, clock):
    store = SessionRepository(tmp_path)
    win = MainWindow(store, AppSettings(tmp_path), clock, inhibitor=RecordingInhibitor(),
                     timing=Timing(get_ready_seconds=5, switch_side_seconds=3, change_over_seconds=8))
    win.live_settings.probe_voices = False
    qtbot.addWidget(win)
    yield win
    store.close()


def drawn_font(label: FitLabel) -> QFont:
    font = QFont(label.font())
    font.setPixelSize(label.fit().pixel_size)
    return font


def ink_height(label: FitLabel) -> int:
    return QFontMetrics(drawn_font(label)).tightBoundingRect(label.fit().text).height()


def ink_width(label: FitLabel) -> int:
    return QFontMetrics(drawn_font(label)).horizontalAdvance(label.fit().text)


def steps_of(qtbot, win, clock, size, text_size):
    """(kind, player) a second into each step of the session, in a window of ``size``."""
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    set_text_size(win, text_size)
    win.refresh_today()
    win.prescription = SESSION
    qtbot.keyClick(win, ENTER)
    player = win.player
    qtbot.keyClicks(player, "3")
    qtbot.keyClick(player, ENTER)
    while player.engine.step.kind is not StepKind.PAIN_AFTER:
        kind = player.engine.step.kind
        clock.advance(1.0)
        player.poll()
        settle()
        if player.engine.step.kind is kind:
            assert (win.width(), win.height()) == size
            yield kind, player
        qtbot.keyClick(player, Qt.Key.Key_Right)


def cut_lines(player) -> list[tuple[str, str]]:
    return [(label.objectName(), label.fit().text) for label in player.findChildren(FitLabel)
            if label.isVisible() and label.fit().elided]


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_at_1366_by_768_the_counter_reads_from_2_m(qtbot, window, clock, text_size):
    seen = set()
    for kind, player in steps_of(qtbot, window, clock, FULL, text_size):
        seen.add(kind)
        where = f"{kind.name} at {text_size}"
        assert ink_height(player.big_label) >= DIGITS_MIN, (where, player.big_label.text())
        assert player.status_label.fit().pixel_size >= WORDS_MIN, where
        if kind is StepKind.WORK:
            assert player.phase_label.fit().pixel_size >= WORDS_MIN, (where, player.phase_label.text())
        if player.side_label.text():
            assert player.side_label.fit().pixel_size >= WORDS_MIN, (where, player.side_label.text())
        assert player.cue_label.fit().pixel_size >= CUE_MIN, (where, player.cue_label.text())
        assert cut_lines(player) == [], where
    assert seen >= {StepKind.GET_READY, StepKind.WORK, StepKind.REST, StepKind.SWITCH_SIDE,
                    StepKind.HOLD}


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_at_half_the_screen_nothing_is_cut_and_the_digits_take_their_room(qtbot, window, clock,
                                                                          text_size):
    for kind, player in steps_of(qtbot, window, clock, HALF, text_size):
        where = f"{kind.name} at {text_size}"
        assert cut_lines(player) == [], where
        big = player.big_label
        room = big.contentsRect()
        # As large as fit: the digits reach across their room or up its height.
        fills = (ink_width(big) >= 0.8 * room.width()
                 or QFontMetrics(drawn_font(big)).height() >= 0.8 * room.height())
        assert fills, (where, big.text(), big.fit().pixel_size, room.size())
        assert ink_height(big) >= 100, where
        # The words shrink only after the picture and the small print have given way.
        assert player.status_label.fit().pixel_size >= 36, where
        if kind is StepKind.WORK:
            assert player.phase_label.fit().pixel_size >= 36, (where, player.phase_label.text())
        assert player.picture.height() < player.counter.height()


def test_a_shorter_window_shrinks_the_picture_before_the_words(qtbot, window, clock):
    """From 696 to 600 px high the words keep their size; the picture gives up the height."""
    for kind, player in steps_of(qtbot, window, clock, FULL, "normal"):
        if kind is StepKind.WORK:
            break
    def sizes():
        settle()
        return (player.phase_label.fit().pixel_size, player.status_label.fit().pixel_size,
                player.cue_label.fit().pixel_size, player.side_label.fit().pixel_size,
                player.picture.height())
    full = sizes()
    window.resize(FULL[0], 600)
    short = sizes()
    assert short[:4] == full[:4]
    assert short[4] < full[4]


def test_snapping_the_window_to_half_the_screen_mid_set_gives_the_counter_the_width(qtbot, window, clock):
    for kind, player in steps_of(qtbot, window, clock, FULL, "normal"):
        if kind is StepKind.WORK:
            break
    assert player.picture.width() > player.counter.width()
    window.resize(*HALF)
    settle()
    assert player.picture.width() < player.counter.width()
    assert cut_lines(player) == []
    window.resize(*FULL)
    settle()
    assert player.picture.width() > player.counter.width()
