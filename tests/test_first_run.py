"""The first run: a welcome once, then the plan set-up, then Today; Help shows the welcome again."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from itbgui import resources_rc  # noqa: F401
from itbgui.app import SETUP_PROMPT_DELAY_MS, MainWindow, show_main_window
from itbgui.ui.settings import AppSettings
from itbgui.store.repository import SessionRepository
from itbgui.screens.welcome import WelcomeDialog
from qt_helpers import RecordingInhibitor
from window_helpers import FAST, MONDAY, clock_on


def start_app(qtbot, data_dir, *, prompts=True):
    """Start as the app does (show, then the prompts after a moment) on ``data_dir``."""
    store = SessionRepository(data_dir)
    win = MainWindow(store, AppSettings(data_dir), clock_on(MONDAY), inhibitor=RecordingInhibitor(),
                     timing=FAST)
    qtbot.addWidget(win)
    show_main_window(win, prompts=prompts)
    qtbot.waitExposed(win)
    return win, store


def quit_app(win, store):
    win.close()
    store.close()


def wait_for_welcome(qtbot, win) -> WelcomeDialog:
    qtbot.waitUntil(lambda: win.welcome_dialog is not None and win.welcome_dialog.isVisible(),
                    timeout=3000)
    return win.welcome_dialog


def test_the_welcome_leads_to_the_set_up_then_today_and_is_shown_once(qtbot, tmp_path):
    win, store = start_app(qtbot, tmp_path)
    welcome = wait_for_welcome(qtbot, win)
    assert welcome.isModal() and welcome.parent() is win
    win.show_page("plan")                                   # wherever the window was

    qtbot.keyClick(welcome.setup_button, Qt.Key.Key_Return)  # "Set up my plan" is the default

    assert win.welcome_dialog is None
    assert win.settings.first_run_done
    setup = win.setup_dialog
    assert setup is not None and setup.isVisible()
    qtbot.mouseClick(setup.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert win.setup_dialog is None and store.plan_setup() is not None
    assert win.current_page == "today" and win.today_page.isVisible()
    assert not win.today_page.setup_banner.isVisible()      # a plan is set: no "set up" banner
    quit_app(win, store)

    again, store = start_app(qtbot, tmp_path)               # second start, same data folder
    qtbot.wait(SETUP_PROMPT_DELAY_MS + 300)
    assert again.welcome_dialog is None and again.setup_dialog is None
    assert again.current_page == "today"
    quit_app(again, store)


def test_not_now_skips_the_set_up_and_still_counts_as_shown(qtbot, tmp_path):
    win, store = start_app(qtbot, tmp_path)
    welcome = wait_for_welcome(qtbot, win)
    qtbot.mouseClick(welcome.later_button, Qt.MouseButton.LeftButton)
    assert win.welcome_dialog is None and win.setup_dialog is None
    assert win.current_page == "today" and win.today_page.setup_banner.isVisible()
    quit_app(win, store)
    assert AppSettings(tmp_path).first_run_done

    again, store = start_app(qtbot, tmp_path)
    qtbot.wait(SETUP_PROMPT_DELAY_MS + 300)
    assert again.welcome_dialog is None
    quit_app(again, store)


def test_help_welcome_and_safety_shows_it_again(qtbot, tmp_path):
    win, store = start_app(qtbot, tmp_path, prompts=False)
    win.settings.first_run_done = True
    help_menu = [a for a in win.menuBar().actions() if a.text() == "&Help"][0].menu()
    qtbot.waitUntil(lambda: bool(help_menu.actions()))   # made right after the first paint
    [action] = help_menu.actions()[:1]
    assert action.text() == "Welcome and safety"
    action.trigger()
    welcome = wait_for_welcome(qtbot, win)
    assert welcome.windowTitle() == "Welcome to ITB Coach" and "the knee locks" in welcome.red_flags.text()
    assert win.settings.first_run_done                       # unchanged by reading it again
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)               # Esc = "Not now"
    assert win.welcome_dialog is None and win.setup_dialog is None
    quit_app(win, store)


def test_no_prompt_when_asked_to_exit_after_showing(qtbot, tmp_path):
    """The start-up smoke test's path: nothing modal may block the window from closing."""
    win, store = start_app(qtbot, tmp_path, prompts=False)
    qtbot.wait(SETUP_PROMPT_DELAY_MS + 300)
    assert win.welcome_dialog is None and win.setup_dialog is None
    assert not win.settings.first_run_done                   # the welcome still waits for a real start
    quit_app(win, store)


@pytest.mark.parametrize("text_size, heading_px", [("normal", 36), ("large", 45), ("extra_large", 54)])
def test_the_welcome_uses_the_chosen_text_size(qtbot, tmp_path, text_size, heading_px):
    AppSettings(tmp_path).text_size = text_size
    win, store = start_app(qtbot, tmp_path)
    welcome = wait_for_welcome(qtbot, win)
    heading_rule = welcome.styleSheet().split("#welcomeHeading")[1].split("}")[0]
    assert f"font-size: {heading_px}px" in heading_rule       # 36 px x 1, 1.25, 1.5
    welcome.reject()
    quit_app(win, store)
