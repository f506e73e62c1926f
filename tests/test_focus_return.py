"""After any dialog closes, the main window has the focus again (no window manager here:
the offscreen platform, like a bare X session, re-activates nothing by itself)."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from itbgui import resources_rc  # noqa: F401
from window_helpers import clock_on, MONDAY, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def win(qtbot, store, tmp_path):
    window = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    window.live_settings.probe_voices = False
    yield window
    window.close()


def lose_focus_to(dialog, qtbot):
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


@pytest.mark.parametrize("which", ["settings", "welcome", "setup"])
def test_focus_returns_after_each_dialog(qtbot, win, which):
    dialog = {"settings": lambda: win.open_settings(), "welcome": lambda: win.show_welcome(),
              "setup": lambda: (win.edit_plan_setup(modal=False), win.setup_dialog)[1]}[which]()
    lose_focus_to(dialog, qtbot)
    assert not win.isActiveWindow()
    dialog.reject()
    qtbot.waitUntil(win.isActiveWindow)
    assert QApplication.focusWidget() is not None and QApplication.focusWidget().window() is win
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)   # a Ctrl shortcut works again
    assert win.current_page == "plan"


def test_focus_returns_to_the_player_after_a_message_box(qtbot, win):
    win.start_session()
    box = QMessageBox(QMessageBox.Icon.NoIcon, "t", "text", parent=win)
    QTimer.singleShot(50, box.accept)
    box.exec()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.player)
    assert win.isActiveWindow()
