"""The player's I key: pause, read the exercise's card in the Library, come back to the paused session."""

import pytest
from PySide6.QtCore import Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.app import SHORTCUTS_HELP
from itbgui.core.engine import EngineState
from itbgui.player.words import KEY_HINTS
from itbgui.program.timeline import StepKind
from qt_helpers import ENTER, advance, run_until
from window_helpers import MONDAY, clock_on, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def clock():
    return clock_on(MONDAY)


def start_working(qtbot, win, clock):
    """Start Today's session, score pain 2, and run into the first set's third second."""
    qtbot.keyClick(win, ENTER)
    player = win.player
    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, ENTER)
    run_until(player, clock, StepKind.WORK)
    advance(player, clock, 3.0)
    return player


def test_i_pauses_and_shows_the_current_exercise_card_in_the_players_place(qtbot, store, tmp_path, clock):
    win = open_window(qtbot, store, tmp_path, clock)
    player = start_working(qtbot, win, clock)
    exercise_id = player.engine.step.exercise_id
    remaining = player.engine.remaining()

    qtbot.keyClick(player, Qt.Key.Key_I)

    library = win.library_page
    assert player.engine.state is EngineState.PAUSED
    assert win.stack.currentWidget() is win.tabs and not player.isVisible()
    assert win.current_page == "library" and library.isVisible()
    assert not win.tabs.tabBar().isVisible()                 # the only way on is back
    assert library.current_exercise_id == exercise_id
    assert library.back_button.isVisible()
    assert win.player is player                              # the session is still open

    advance(player, clock, 30.0)                             # reading takes a while
    assert player.engine.remaining() == pytest.approx(remaining, abs=1e-6)
    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)                  # page keys stay off mid-session
    assert win.current_page == "library"


def test_esc_returns_to_the_paused_player_and_space_resumes(qtbot, store, tmp_path, clock):
    win = open_window(qtbot, store, tmp_path, clock)
    player = start_working(qtbot, win, clock)
    index, remaining = player.engine.index, player.engine.remaining()
    qtbot.keyClick(player, Qt.Key.Key_I)
    advance(player, clock, 20.0)

    qtbot.keyClick(win.library_page.scroll, Qt.Key.Key_Escape)

    assert win.stack.currentWidget() is player and player.isVisible() and player.hasFocus()
    assert player.engine.state is EngineState.PAUSED and player.big_label.overlay == "PAUSED"
    assert (player.engine.index, player.engine.remaining()) == (index, pytest.approx(remaining, abs=1e-6))
    assert not win.library_page.back_button.isVisible()
    assert not win.tabs.tabBar().isHidden()

    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.engine.state is EngineState.RUNNING
    advance(player, clock, 1.0)
    assert player.engine.remaining() == pytest.approx(remaining - 1.0, abs=1e-6)


def test_the_back_button_returns_too_and_the_session_saves_as_before(qtbot, store, tmp_path, clock):
    win = open_window(qtbot, store, tmp_path, clock)
    player = start_working(qtbot, win, clock)
    qtbot.keyClick(player, Qt.Key.Key_I)
    qtbot.mouseClick(win.library_page.back_button, Qt.MouseButton.LeftButton)
    assert win.stack.currentWidget() is player
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.keyClick(player, Qt.Key.Key_Right)                 # finish the set: it is logged and saved
    win.saver.flush()
    qtbot.waitUntil(lambda: store.session(player.engine.session_id) is not None, timeout=3000)
    assert len(store.session(player.engine.session_id).sets) == 1


def test_during_a_rest_the_card_is_the_next_exercise(qtbot, store, tmp_path, clock):
    win = open_window(qtbot, store, tmp_path, clock)
    player = start_working(qtbot, win, clock)
    run_until(player, clock, StepKind.REST)
    steps, index = player.engine.timeline.steps, player.engine.index
    upcoming = next(s.exercise_id for s in steps[index:] if s.exercise_id)
    qtbot.keyClick(player, Qt.Key.Key_I)
    assert win.library_page.current_exercise_id == upcoming


def test_closing_the_window_from_the_library_keeps_the_session(qtbot, store, tmp_path, clock):
    win = open_window(qtbot, store, tmp_path, clock)
    player = start_working(qtbot, win, clock)
    qtbot.keyClick(player, Qt.Key.Key_Right)                 # one set logged
    session_id = player.engine.session_id
    qtbot.keyClick(player, Qt.Key.Key_I)
    assert not win.close()                                   # the player comes back and asks
    assert win.stack.currentWidget() is player and player.leave_question_shown()
    qtbot.keyClick(player, Qt.Key.Key_Y)
    assert win.player is None
    assert store.session(session_id) is not None and store.session(session_id).completed is False


def test_the_i_key_is_in_the_players_hints_and_the_shortcut_list():
    assert "I card" in KEY_HINTS
    assert "<b>I</b>" in SHORTCUTS_HELP and "Ctrl+4" in SHORTCUTS_HELP and "Ctrl+," in SHORTCUTS_HELP
