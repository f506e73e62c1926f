"""The main window's navigation: Ctrl+1..3, the player taking the whole window, and the pages
refreshing after a session."""

import pytest
from PySide6.QtCore import Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.history.page import HistoryPage
from itbgui.plan.page import PlanPage
from itbgui.program.timeline import StepKind
from itbgui.store.repository import SessionRepository
from qt_helpers import ENTER, run_until
from test_player import SHORT
from window_helpers import MONDAY, SETUP, clock_on, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_plan_setup(SETUP.to_doc())
    yield repo
    repo.close()


def test_ctrl_1_2_3_switch_pages(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert win.current_page == "today" and win.tabs.currentWidget() is win.today_page
    assert win.plan_page is None and win.history_page is None   # built when first shown

    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    assert win.current_page == "plan"
    assert isinstance(win.plan_page, PlanPage) and win.plan_page.isVisible()

    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)
    assert win.current_page == "history"
    assert isinstance(win.history_page, HistoryPage) and win.history_page.isVisible()

    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)
    assert win.current_page == "today" and win.today_page.isVisible()


def test_enter_starts_a_session_only_from_today(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(win, ENTER)
    assert win.player is None
    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(win, ENTER)
    assert win.player is not None
    win.player.leave_now()


def test_the_player_takes_the_whole_window_and_pages_stay_put(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, ENTER)
    player = win.player
    assert win.stack.currentWidget() is player and not win.tabs.isVisible()
    qtbot.keyClick(player, Qt.Key.Key_3, CTRL)                 # no page switching mid-session
    assert win.stack.currentWidget() is player and win.history_page is None
    assert not win.start_action.isEnabled()
    player.leave_now()
    assert win.stack.currentWidget() is win.tabs and win.current_page == "today"
    assert win.start_action.isEnabled() and all(a.isEnabled() for a in win.page_actions)


def test_today_and_history_refresh_after_a_session(qtbot, store, tmp_path):
    clock = clock_on(MONDAY)
    win = open_window(qtbot, store, tmp_path, clock)
    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)
    history = win.history_page
    assert history.stack.currentWidget() is history.empty
    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)
    assert win.today_page.heading.text() == "Today · Monday 2 November"

    win.prescription = SHORT
    qtbot.keyClick(win, ENTER)
    player = win.player
    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, ENTER)
    run_until(player, clock, StepKind.PAIN_AFTER)
    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, ENTER)
    qtbot.keyClick(player, ENTER)

    assert history.stack.currentWidget() is history.content
    assert history.sessions_heading.text() == "1 session"
    # Monday is done, so Today now shows Wednesday's session (intermediate: Mon, Wed, Fri).
    assert win.today_page.heading.text() == "Next session: Wednesday 4 November"
    assert "Today's session is done" in win.today_page.note_label.text()
