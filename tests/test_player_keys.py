"""The README's keys in any order, in any state: the player never breaks its promises.

Hypothesis plays random key sequences (with time passing between them) on a short session.
Whatever the order: the window keeps its size unless full screen, full screen ends with
the session, the "Leave this session?" question never comes back on the pain question after
leaving, and a pause or the question always stops the clock.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from itbgui import resources_rc  # noqa: F401
from itbgui.app import MainWindow
from itbgui.core.clock import FakeClock
from itbgui.core.engine import EngineState
from itbgui.program.timeline import StepKind, Timing
from itbgui.ui.settings import AppSettings
from itbgui.store.repository import SessionRepository
from qt_helpers import RecordingInhibitor, advance
from test_player import SHORT

K = Qt.Key
KEYS = [K.Key_Return, K.Key_Y, K.Key_Space, K.Key_Right, K.Key_Left, K.Key_Up, K.Key_Down, K.Key_F,
        K.Key_M, K.Key_Escape, K.Key_3, K.Key_0]
STEP = st.one_of(st.sampled_from(KEYS), st.floats(min_value=0.5, max_value=12))
#: Ways into the session a person takes, so random keys start from every state: nothing
#: yet, running, paused, asked to leave, and on the pain question after leaving.
OPENINGS = ([], [K.Key_3, K.Key_Return], [K.Key_3, K.Key_Return, 7.0, K.Key_Space],
            [K.Key_3, K.Key_Return, 7.0, K.Key_Escape],
            [K.Key_3, K.Key_Return, 30.0, K.Key_Escape, K.Key_Y])


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory):
    """One window for every example (a window per example would cost most of the time)."""
    folder = tmp_path_factory.mktemp("keys")
    store = SessionRepository(folder)
    clock = FakeClock()
    win = MainWindow(store, AppSettings(folder), clock, inhibitor=RecordingInhibitor(),
                     timing=Timing(get_ready_seconds=5, switch_side_seconds=3, change_over_seconds=8))
    win.resize(1354, 696)
    win.show()
    yield win, clock
    win.close()
    store.close()


@settings(max_examples=40)   # kept well under the suite's time budget
@given(st.sampled_from(OPENINGS), st.lists(STEP, min_size=1, max_size=20))
def test_any_key_order_keeps_the_players_promises(shared, opening, more):
    win, clock = shared
    steps = [*opening, *more]
    win.prescription = SHORT
    win.start_session()
    size = win.size()
    for step in steps:
        player = win.player
        if player is None:
            break
        if isinstance(step, float):
            advance(player, clock, step, max_step=4.0)
        else:
            asked_after_leaving = (player.engine.step.kind is StepKind.PAIN_AFTER
                                   and player.engine.ended_early)
            QTest.keyClick(player.focusWidget() or player, step)
            if asked_after_leaving and win.player is player:
                assert not player._leave_bar.isVisible()
        if win.player is not None:
            p = win.player
            if p._leave_bar.isVisible() or p.engine.state is EngineState.PAUSED:
                assert p.engine.state is not EngineState.RUNNING
        if not win.isFullScreen():
            assert win.size() == size
    for _ in range(6):   # end it the README's way: Esc asks, Y leaves, Esc skips, Enter closes
        p = win.player
        if p is None:
            break
        leaving = p._leave_bar.isVisible() or p.engine.state is EngineState.FINISHED
        QTest.keyClick(p.focusWidget() or p, (K.Key_Y if p._leave_bar.isVisible() else K.Key_Return)
                     if leaving else K.Key_Escape)
    assert win.player is None
    assert not win.isFullScreen()


ESC, ENTER, F = K.Key_Escape, K.Key_Return, K.Key_F


@pytest.mark.parametrize("state", ["get-ready", "work", "paused", "asked to leave", "rest",
                                   "pain after leaving"])
def test_f_toggles_full_screen_in_every_state_and_the_end_undoes_it(shared, state):
    """README: F is full screen, in every state; full screen ends with the session."""
    win, clock = shared
    win.prescription = SHORT
    win.start_session()
    p = win.player
    QTest.keyClicks(p, "3")
    QTest.keyClick(p, ENTER)
    if state != "get-ready":
        advance(p, clock, 6.5, max_step=0.5)
    if state == "paused":
        QTest.keyClick(p, K.Key_Space)
    if state == "asked to leave":
        QTest.keyClick(p, ESC)
    if state == "rest":
        for _ in range(120):
            if p.engine.step.kind is StepKind.REST:
                break
            advance(p, clock, 1.0)
    if state == "pain after leaving":
        advance(p, clock, 8.0, max_step=0.5)   # a set done
        QTest.keyClick(p, ESC)
        QTest.keyClick(p, K.Key_Y)
        assert p.engine.step.kind is StepKind.PAIN_AFTER
        QTest.keyClick(p, F)                      # here F types the note...
        assert not win.isFullScreen() and p.note_edit.text() == "f"
        win.menus.fullscreen_action.trigger()           # ...and F11 / View > Full screen is the way
    else:
        QTest.keyClick(p, F)
    assert win.isFullScreen(), state
    for _ in range(6):
        p = win.player
        if p is None:
            break
        leaving = p._leave_bar.isVisible() or p.engine.state is EngineState.FINISHED
        QTest.keyClick(p.focusWidget() or p, (K.Key_Y if p._leave_bar.isVisible() else ENTER)
                     if leaving else ESC)
    assert win.player is None and not win.isFullScreen()
