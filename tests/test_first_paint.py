"""The window paints before the data file is read (itbgui/app/first_paint.py, cli.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject

from history_helpers import FAST, MONDAY, SETUP, clock_on, logged
from itbgui import cli
from itbgui.app import MainWindow
from itbgui.app.first_paint import after_first_paint
from itbgui.settings import AppSettings
from itbgui.store.repository import SessionRepository
from qt_helpers import RecordingInhibitor


class PaintWatch(QObject):
    """Notes, at the first paint of a widget, whether the store had read its file."""

    def __init__(self, widget, store) -> None:
        super().__init__(widget)
        self.store, self.loaded_at_paint, self.text_at_paint = store, None, None
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.loaded_at_paint is None:
            self.loaded_at_paint, self.text_at_paint = self.store.loaded, watched.text()
        return False


def _history(folder) -> None:
    with SessionRepository(folder) as store:
        store.save_plan_setup(SETUP.to_doc())
        store.save_sessions([logged(MONDAY, 2, 3, "same"), logged(MONDAY + dt.timedelta(days=2), 1, 2, "better")])


def _deferred_window(qtbot, folder):
    """A window over a folder with a history, opened as the app opens it: lock and bytes
    taken, the file not yet parsed."""
    _history(folder)
    store = SessionRepository(folder, defer_load=True)
    win = MainWindow(store, AppSettings(folder), clock_on(MONDAY + dt.timedelta(days=3)),
                     inhibitor=RecordingInhibitor(), timing=FAST)
    qtbot.addWidget(win)
    return store, win


def test_the_window_paints_before_the_file_is_read_then_fills_today(qtbot, tmp_path):
    store, win = _deferred_window(qtbot, tmp_path)
    assert not store.loaded                                 # building the window read nothing
    assert not win.today_page.start_button.isEnabled()
    watch = PaintWatch(win.today_page.heading, store)
    after_first_paint(win.today_page.heading, win.load_data)
    win.show()
    qtbot.waitUntil(lambda: store.loaded)
    assert watch.loaded_at_paint is False and "Opening" in watch.text_at_paint
    assert win.today_page.start_button.isEnabled()
    assert win.today_session is not None and win.today_session.decision is not None
    assert win.today_page.heading.text().startswith(("Today", "Next session"))
    assert "Last session" in win.today_page.last_label.text()
    win.close()
    store.close()


def test_a_window_never_painted_still_reads_the_file(qtbot, tmp_path):
    store, win = _deferred_window(qtbot, tmp_path)
    after_first_paint(win.today_page.heading, win.load_data)   # never shown
    qtbot.waitUntil(lambda: store.loaded, timeout=3000)
    assert win.today_session is not None
    store.close()


def test_a_damaged_file_is_still_reported_when_read_after_the_paint(qtbot, tmp_path, monkeypatch, capsys):
    (tmp_path / "itb-coach.json").write_text("{not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr("itbgui.app.data_care.DataCare.show_notice", lambda self: shown.append(1))
    code = cli.main(["--data-dir", str(tmp_path), "--exit-after-show"])
    out = capsys.readouterr()
    assert code == 0
    assert "not valid JSON" in out.err and out.out.index("shown after") < out.out.index("ready after")
    assert list(tmp_path.glob("itb-coach.damaged-*.json"))


def test_a_file_that_cannot_be_prepared_after_the_paint_ends_the_app_with_code_2(qtbot, tmp_path, monkeypatch,
                                                                                   capsys):
    _history(tmp_path)

    def refuse(self, raw, loaded):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SessionRepository, "_open", refuse)
    from PySide6.QtWidgets import QApplication

    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 2
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert "could not be prepared: the disk is full" in capsys.readouterr().err
    monkeypatch.undo()
    with SessionRepository(tmp_path) as again:   # the lock was let go
        assert not again.read_only and len(again.sessions()) == 2


FIRST_PAINT = """
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from itbgui.app import MainWindow
from itbgui.clock import SystemClock
from itbgui.settings import AppSettings
from itbgui.store.repository import SessionRepository
folder = Path(tempfile.mkdtemp())
store = SessionRepository(folder, defer_load=True)
window = MainWindow(store, AppSettings(folder), SystemClock())
print(" ".join(sorted(sys.modules)))
"""

#: Not needed to paint Today: each is imported when its page, dialog or file needs it.
NOT_BEFORE_THE_FIRST_PAINT = ("pyqtgraph", "PySide6.QtSvg", "PySide6.QtMultimedia", "PySide6.QtPrintSupport",
                              "orjson", "hypothesis", "_strptime", "itbgui.app.help", "itbgui.help_dialog",
                              "itbgui.program.week", "itbgui.history", "itbgui.plan", "itbgui.library",
                              "itbgui.player", "itbgui.coach", "itbgui.program.progression",
                              "itbgui.program.plan", "itbgui.program.dose_state", "itbgui.program.rule")


def test_the_first_paint_imports_only_what_today_needs():
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT], capture_output=True, text=True, env=env,
                         check=True, timeout=60).stdout.split()
    early = [m for m in out if m.startswith(NOT_BEFORE_THE_FIRST_PAINT)]
    assert early == []


def test_enter_before_the_file_is_read_starts_nothing(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    store, win = _deferred_window(qtbot, tmp_path)
    QTest.keyClick(win, Qt.Key.Key_Return)
    assert win.player is None and not store.loaded   # Start waits for today's real session
    win.load_data()
    assert win.today_page.start_button.isEnabled()
    win.close()
    store.close()
