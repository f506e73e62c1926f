"""The main window's navigation: Ctrl+1..4, the player taking the whole window, and the pages
refreshing after a session."""

from PySide6.QtCore import Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.app.help import sources_text
from itbgui.screens.history.page import HistoryPage
from itbgui.screens.library.page import LibraryPage
from itbgui.screens.plan.page import PlanPage
from itbgui.program.timeline import StepKind
from qt_helpers import ENTER, run_until
from test_player import SHORT
from window_helpers import MONDAY, clock_on, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_1_2_3_4_switch_pages(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert win.current_page == "today" and win.tabs.currentWidget() is win.today_page
    # built when first shown
    assert win.plan_page is None and win.history_page is None and win.library_page is None

    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    assert win.current_page == "plan"
    assert isinstance(win.plan_page, PlanPage) and win.plan_page.isVisible()

    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)
    assert win.current_page == "history"
    assert isinstance(win.history_page, HistoryPage) and win.history_page.isVisible()

    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    assert win.current_page == "library"
    assert isinstance(win.library_page, LibraryPage) and win.library_page.isVisible()
    assert not win.library_page.back_button.isVisible()      # no session to go back to

    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)
    assert win.current_page == "today" and win.today_page.isVisible()


def _type(qtbot, win, text):
    """Keys as the keyboard sends them: to whatever has the focus."""
    from PySide6.QtWidgets import QApplication

    qtbot.keyClicks(QApplication.focusWidget() or win, text)


def test_typing_right_after_ctrl_4_searches_the_library(qtbot, store, tmp_path):
    """Ctrl+4 puts the keyboard in the search field, so the first letters typed are not lost
    (on the page's first showing, and on every later one)."""
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    _type(qtbot, win, "clam")
    assert win.library_page.visible_exercise_ids() == ["clamshell"]
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    _type(qtbot, win, "bridge")                               # replaces the old search
    assert win.library_page.search_field.text() == "bridge"
    assert win.library_page.visible_exercise_ids() == ["glute_bridge"]


def test_the_library_finds_an_exercise_by_name_from_the_window(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    library = win.library_page
    qtbot.keyClick(library, Qt.Key.Key_F, CTRL)               # Ctrl+F: to the search field
    assert library.search_field.hasFocus()
    qtbot.keyClicks(library.search_field, "clam")
    assert library.visible_exercise_ids() == ["clamshell"]
    qtbot.keyClick(library.search_field, ENTER)               # Enter: read the card
    assert library.current_exercise_id == "clamshell"
    assert library.card.title.text() == "Clamshells"
    assert library.scroll.hasFocus()


def test_the_view_menu_lists_the_four_pages_with_their_shortcuts(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert [(a.text(), a.shortcut().toString()) for a in win.menus.page_actions] == [
        ("&Today", "Ctrl+1"), ("&Plan", "Ctrl+2"), ("&History", "Ctrl+3"), ("&Library", "Ctrl+4")]
    assert win.menus.settings_action.shortcut().toString() == "Ctrl+,"


def test_the_help_menu_has_welcome_shortcuts_sources_and_about(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    [help_menu] = [a.menu() for a in win.menuBar().actions() if a.text() == "&Help"]
    # Opened, as a person would: on a busy machine the first paint, after which the actions
    # are made, may not have come yet when the window is exposed.
    help_menu.aboutToShow.emit()
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "Welcome and safety", "&Keyboard shortcuts", "The program's &sources", "&About ITB Coach"]
    text = sources_text()
    for source in ("Fredericson", "2000", "Silbernagel", "2007", "American College of Sports Medicine, 2009",
                   "Thera-Band", "AAOS", "NHS"):
        assert source in text


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
    assert not win.menus.start_action.isEnabled()
    player.leave_now()
    assert win.stack.currentWidget() is win.tabs and win.current_page == "today"
    assert win.menus.start_action.isEnabled() and all(a.isEnabled() for a in win.menus.page_actions)


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
    for score in "22":                                # the worst during, then now
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    qtbot.keyClick(player, ENTER)

    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)          # a hidden page redraws when it is shown
    assert history.stack.currentWidget() is history.content
    assert history.sessions_heading.text() == "1 session"
    # Monday is done, so Today now shows Wednesday's session (intermediate: Mon, Wed, Fri).
    assert win.today_page.heading.text() == "Next session: Wednesday 4 November"
    assert "Today's session is done" in win.today_page.note_label.text()


def test_file_menu_exports_history_and_the_edit_menu_holds_historys_undo(qtbot, store, tmp_path):
    import csv

    from store_helpers import record

    store.save_session(record("s1"))
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.menus.edit_menu.aboutToShow.emit()                      # before History was ever opened
    [hint] = win.menus.edit_menu.actions()
    assert not hint.isEnabled() and "History" in hint.text()

    out = tmp_path / "history.csv"
    assert win.export_history_csv(out) == 3                # File > Export history as CSV
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["exercise"] for r in rows] == ["clamshell", "glute_bridge", "glute_stretch"]

    png = tmp_path / "chart.png"
    assert win.save_history_chart(png) and png.stat().st_size > 0
    assert win.current_page == "history"

    win.menus.edit_menu.aboutToShow.emit()
    texts = [a.text() for a in win.menus.edit_menu.actions() if not a.isSeparator()]
    page = win.history_page
    assert [page.undo_action.text(), page.redo_action.text(), page.edit_action.text(),
            page.delete_action.text()] == texts
