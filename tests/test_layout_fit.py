"""Every page, dialog and player step fits a laptop on the floor: 1366 x 768 and 1280 x 720
(less a window frame and a panel), at Normal, Large and Extra large text. Nothing is
clipped (tests/layout_check.py says what that means), the window's minimum size fits the
screen, and the window never grows by itself.

One window per screen size and text size walks the whole app (tests/layout_walk.py); the
dark theme is walked once, at the tightest case.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from itbgui import resources_rc  # noqa: F401
from itbgui.app import MainWindow
from itbgui.ui.settings import AppSettings
from itbgui.store.repository import SessionRepository
from itbgui.ui.theme import apply_theme
from layout_check import FRAME_AND_PANEL, SCREENS, available, clipped_widgets, too_big
from layout_walk import TEXT_SIZES, every_state, modal_boxes, pretend_screen, set_text_size
from qt_helpers import RecordingInhibitor
from test_accessibility_screens import SETUP, TODAY, _synthetic_history
from window_helpers import FAST, clock_on


@pytest.fixture(scope="module")
def history_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    assert _synthetic_history().generate(folder, weeks=10) > 0
    return folder


def walk(folder, tmp_path, screen, text_size, theme="light", every_step=True) -> list[str]:
    """Every problem met on the way, as "state: widget: why". ``every_step``: each step of
    the session, else the first of each kind (a long "Next: ..." line comes with one
    exercise only, so the widest and the tightest cases walk them all)."""
    import shutil

    data = tmp_path / f"{screen[0]}-{text_size}-{theme}"
    shutil.copytree(folder, data)
    store = SessionRepository(data)
    store.save_plan_setup(SETUP.to_doc())
    settings = AppSettings(data)
    settings.theme = theme
    clock = clock_on(TODAY)
    pretend_screen(screen)
    apply_theme(QApplication.instance(), theme)
    win = MainWindow(store, settings, clock, inhibitor=RecordingInhibitor(), timing=FAST)
    win.live_settings.probe_voices = False
    room = available(screen)
    problems = []
    try:
        win.resize(*room)
        win.show()
        set_text_size(win, text_size)
        for state, widget in every_state(win, clock, every_step):
            problems += [f"{state}: {p}" for p in clipped_widgets(widget)]
            big = too_big(win, screen)
            if big:
                problems.append(f"{state}: window {big}")
            if (win.width(), win.height()) != room:
                problems.append(f"{state}: the window grew to {win.width()} x {win.height()}")
        for state, clipped, size in modal_boxes(win, preview=every_step and screen[1] == 720):
            problems += [f"{state}: {p}" for p in clipped]
            if size[0] > screen[0] - FRAME_AND_PANEL[0] or size[1] > screen[1] - FRAME_AND_PANEL[1]:
                problems.append(f"{state}: {size[0]} x {size[1]} is larger than the screen")
    finally:
        if win.player is not None:   # the walk may end with a session under way: a close
            win.player.leave_now()   # would ask about it and leave the window open
        win.close()
        store.close()
    return problems


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_fits(qapp, history_folder, tmp_path, keep_theme, screen, text_size):
    every_step = (screen, text_size) in {("1366x768", "normal"), ("1280x720", "extra_large")}
    assert walk(history_folder, tmp_path, SCREENS[screen], text_size, every_step=every_step) == []


def test_every_screen_fits_in_the_dark_at_the_tightest(qapp, history_folder, tmp_path, keep_theme):
    assert walk(history_folder, tmp_path, SCREENS["1280x720"], "extra_large", "dark",
                every_step=False) == []


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_keyboard_shortcuts_show_to_their_last_row(qtbot, store, tmp_path, keep_theme, text_size):
    """F1 at 1366 x 768: every row of the shortcuts is in view without scrolling (its last
    row, Esc, was cut off at Normal and Extra large text), and the box fits the screen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTextBrowser

    from window_helpers import MONDAY, open_window

    screen = SCREENS["1366x768"]
    pretend_screen(screen)
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    set_text_size(win, text_size)
    seen = {}

    def look():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, look)
            return
        browser = box.findChild(QTextBrowser)
        document = browser.document()
        last_row = document.lastBlock().layout().boundingRect().translated(
            0, document.documentLayout().blockBoundingRect(document.lastBlock()).top())
        seen.update(size=(box.width(), box.height()), clipped=clipped_widgets(box),
                    scroll=browser.verticalScrollBar().maximum(),
                    text_bottom=round(document.size().height()), room=browser.viewport().height(),
                    last_row_bottom=round(last_row.bottom()), text=document.toPlainText())
        box.close()

    QTimer.singleShot(10, look)
    qtbot.keyClick(win, Qt.Key.Key_F1)
    assert "leave the session" in seen["text"]                # the shortcuts box it was
    assert seen["clipped"] == []
    assert seen["scroll"] == 0 and seen["text_bottom"] <= seen["room"], seen
    assert seen["last_row_bottom"] <= seen["room"]
    room = available(screen)
    assert seen["size"][0] <= room[0] and seen["size"][1] <= room[1]


@pytest.fixture
def keep_theme(keep_palette):
    """The palette (conftest's keep_palette) and the substituted screen room put back."""
    yield
    from itbgui.ui import widget_kit

    widget_kit.screen_room = _original_room


from itbgui.ui import widget_kit as _kit  # noqa: E402

_original_room = _kit.screen_room


def _run_states(win, clock):
    """The run dialog, the run player's interval, questions and end, and History's run charts,
    each as it shows (a name and the widget to check)."""
    import datetime as dt

    from layout_walk import settle
    from itbgui.program.return_to_run import STAGES
    from itbgui.store.run_records import RunRecord

    start = clock.now() - dt.timedelta(days=40)
    win.model.save_runs([RunRecord(f"r{n}", start + dt.timedelta(days=3 * n), distance_km=4.0 + n / 4,
                                   duration_s=1800 + 60 * n, pain_during=max(0, 5 - n // 2),
                                   pain_onset_km=(2.0 + n / 5) if n < 10 else None,
                                   pain_after=1, stage=1 + n // 3, terrain="flat") for n in range(13)])
    runs = win.runs
    runs.log_run()
    settle()
    runs.dialog.try_save()              # empty: every message shows
    settle()
    yield "run-dialog", runs.dialog
    runs.dialog.pain_during_edit.setText("8")   # pain this high: the warning signs show too
    settle()
    yield "run-dialog-warning-signs", runs.dialog
    runs.dialog.reject()
    settle()
    runs.start_run(STAGES[0])
    player = runs.player
    settle()
    yield "run-player", win
    player.keyPressEvent(_key(Qt.Key.Key_Escape))
    settle()
    yield "run-player-leave", win
    player.keyPressEvent(_key(Qt.Key.Key_Y))
    settle()
    yield "run-pain-question", win
    player.pain_scale.type_digit("4")
    player.keyPressEvent(_key(Qt.Key.Key_Return))
    player.answer_edit.setText("99")
    player.keyPressEvent(_key(Qt.Key.Key_Return))   # out of range: the message shows
    settle()
    yield "run-number-question", win
    player.answer_edit.setText("")
    player.keyPressEvent(_key(Qt.Key.Key_Return))
    player.pain_scale.type_digit("1")
    player.keyPressEvent(_key(Qt.Key.Key_Return))
    player.keyPressEvent(_key(Qt.Key.Key_Return))
    settle()
    yield "run-done", win
    player.keyPressEvent(_key(Qt.Key.Key_Return))
    settle()
    win.show_page("history")
    page = win.history_page
    page.view_buttons["runs"].click()
    settle()
    for i in range(page.runs_view.tabs.count()):
        page.runs_view.tabs.setCurrentIndex(i)
        settle()
        yield f"history-run-chart{i + 1}", win


def _key(key):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_run_dialog_player_and_charts_fit(qapp, tmp_path, keep_theme, text_size):
    """Issue 21: the run dialog, the run player and the run charts at 1366 x 768, every text size."""
    screen = SCREENS["1366x768"]
    store = SessionRepository(tmp_path)
    store.save_plan_setup(SETUP.to_doc())
    clock = clock_on(TODAY)
    pretend_screen(screen)
    win = MainWindow(store, AppSettings(tmp_path), clock, inhibitor=RecordingInhibitor(), timing=FAST)
    room = available(screen)
    problems, seen = [], []
    try:
        win.resize(*room)
        win.show()
        set_text_size(win, text_size)
        for state, widget in _run_states(win, clock):
            seen.append(state)
            problems += [f"{state}: {p}" for p in clipped_widgets(widget)]
            if widget is not win and (widget.width() > room[0] or widget.height() > room[1]):
                problems.append(f"{state}: {widget.width()} x {widget.height()} is larger than the screen")
            if (win.width(), win.height()) != room:
                problems.append(f"{state}: the window grew to {win.width()} x {win.height()}")
    finally:
        win.close()
        store.close()
    assert len(seen) == 10 and problems == []
