"""Building a main window on a stored plan and a crafted history, for the Today/Plan/navigation tests."""

from __future__ import annotations

from history_helpers import FAST, MONDAY, SETUP, clock_on, local, logged  # noqa: F401 (re-exported)
from itbgui.app import MainWindow
from itbgui.program.timeline import Timing
from itbgui.ui.settings import AppSettings
from qt_helpers import RecordingInhibitor


def open_window(qtbot, store, data_dir, clock, timing: Timing = FAST) -> MainWindow:
    win = MainWindow(store, AppSettings(data_dir), clock, inhibitor=RecordingInhibitor(), timing=timing)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)   # shortcuts (Ctrl+1..3) go to the active window only
    return win
