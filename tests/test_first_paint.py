"""The window paints before the data file is read (itbgui/app/first_paint.py, cli.py)."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from history_helpers import FAST, MONDAY, SETUP, clock_on, logged
from itbgui import cli
from itbgui.app import MainWindow
from itbgui.app.first_paint import after_first_paint
from itbgui.ui.settings import AppSettings
from itbgui.store.lock import DataFolderLock
from itbgui.store.opening import open_folder
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
import sys
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
import itbgui.app.first_paint as first_paint
import itbgui.app.window as window
from itbgui import cli

listed = []

def at_first_paint(widget, callback):
    def listing():
        if not listed:   # at the first of the callbacks run after the paint, before it runs
            listed.append(1)
            print("modules " + " ".join(sorted(sys.modules)), flush=True)
            print("qt-namespace", "Qt" in vars(PySide6.QtCore), flush=True)   # PySide builds it on first use
            made = [f"{m.__name__}.{n}" for m in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets) for n in vars(m)]
            print("qt-classes " + " ".join(made), flush=True)
        callback()
    real(widget, listing)

real = first_paint.after_first_paint
first_paint.after_first_paint = window.after_first_paint = at_first_paint
sys.exit(cli.main(["--data-dir", sys.argv[1], "--exit-after-show"]))
"""

#: Not needed to paint Today: each is imported when its page, dialog or file needs it.
#: The store's lock and the file's bytes are taken by store.opening alone, and Today is
#: drawn from the card the last close kept (app/today_cards.py), or told by the coach from
#: the start snapshot (program/start_state.py) or, on an empty folder, from nothing; TinyDB, the loader and the checks come with the repository after
#: the paint, when the file is parsed.
NOT_BEFORE_THE_FIRST_PAINT = ("pyqtgraph", "PySide6.QtSvg", "PySide6.QtMultimedia", "PySide6.QtPrintSupport",
                              "orjson", "hypothesis", "_strptime", "itbgui.app.help", "itbgui.ui.help_dialog",
                              "itbgui.program.week", "itbgui.screens.history", "itbgui.screens.plan", "itbgui.screens.library",
                              "itbgui.player", "tinydb", "itbgui.store.repository", "itbgui.store.loading",
                              "itbgui.store.fast", "itbgui.store.backups", "itbgui.store.checked",
                              "itbgui.store.storage", "itbgui.store.files", "itbgui.store.saver",
                              "itbgui.app.data_care", "itbgui.ui.focus_return")


def _start_listing(folder) -> tuple[list[str], bool, list[str]]:
    """Start the app as a person does (cli.main); at Today's first paint: the modules
    imported, whether PySide's Qt namespace (93 enums, 12 ms) was built, and the PySide
    classes made so far (each is made on first use)."""
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(folder)], capture_output=True, text=True,
                         env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "ready after" in run.stdout   # and all of it came once the window had painted
    lines = run.stdout.splitlines()
    [listed] = [line.split()[1:] for line in lines if line.startswith("modules ")]
    [qt] = [line.split()[1] == "True" for line in lines if line.startswith("qt-namespace ")]
    [classes] = [line.split()[1:] for line in lines if line.startswith("qt-classes ")]
    return listed, qt, classes


@pytest.mark.parametrize("history", [False, True], ids=["empty folder", "a history"])
def test_the_first_paint_imports_only_what_today_needs(tmp_path, history):
    if history:
        _history(tmp_path)
    for _start in range(2):   # the first start and the next (settings written by the first)
        listed, _qt, _classes = _start_listing(tmp_path)
        assert [m for m in listed if m.startswith(NOT_BEFORE_THE_FIRST_PAINT)] == []


#: The rules: a start after the first draws Today from the card the last run kept
#: (app/today_cards.py), so none of these is imported before its first paint.
THE_RULES = ("itbgui.core.coach", "itbgui.program.progression", "itbgui.program.dose_state",
             "itbgui.program.plan", "itbgui.program.exercises", "itbgui.program.start_state",
             "itbgui.screens.today_words", "hashlib", "dataclasses")


@pytest.mark.parametrize("history", [False, True], ids=["empty folder", "a history"])
def test_a_start_after_the_first_draws_today_without_the_rules(tmp_path, history, caplog):
    if history:
        _history(tmp_path)
    _start_listing(tmp_path)   # the first start keeps Today's cards as it closes
    assert (tmp_path / "itb-coach.today").exists()
    listed, _qt, _classes = _start_listing(tmp_path)
    assert [m for m in listed if m.startswith(THE_RULES)] == []
    # and the card drawn is the page worked out from the file right after the paint
    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 0
    assert "kept card differed" not in caplog.text


def test_a_start_after_the_first_paints_without_building_the_qt_namespace(tmp_path):
    """The first start asks the desktop's colour scheme (which builds it); later starts paint
    with the scheme last seen and ask after the paint. Nothing else may build it before."""
    _start_listing(tmp_path)
    assert AppSettings(tmp_path).system_scheme_seen in ("light", "dark")
    _listed, qt, classes = _start_listing(tmp_path)
    assert qt is False
    # Nor the menus' actions and keys, the window icon, dialogs, event filters' events
    # (QEvent.Type, fifty event classes) or the style's enums: each comes after the paint.
    later = {"PySide6.QtGui.QAction", "PySide6.QtGui.QKeySequence", "PySide6.QtGui.QIcon",
             "PySide6.QtWidgets.QDialog", "PySide6.QtWidgets.QMessageBox", "PySide6.QtGui.QShowEvent",
             "PySide6.QtCore.QChildEvent", "PySide6.QtWidgets.QStyle", "PySide6.QtGui.QFont"}
    assert later.isdisjoint(classes)


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


def test_start_from_the_menu_before_the_file_is_read_starts_nothing(qtbot, tmp_path):
    """The menu's Start (Ctrl+Return) waits for the file as Enter does: before it, the
    window only knows the starter plan, not the person's own next session."""
    store, win = _deferred_window(qtbot, tmp_path)
    win.start_session()                     # what Start session in the menu calls
    assert win.player is None and not store.loaded
    win.load_data()
    win.start_session()
    if not win.today_session.is_today:    # a later day's session: asked first
        qtbot.keyClick(win.session.extra_question, Qt.Key.Key_Y)
        qtbot.waitUntil(lambda: win.player is not None)
    assert win.player is not None
    assert win.player.engine.timeline == win.coach.timeline(win.prescription)
    win.close()
    store.close()


def test_a_window_on_the_taken_folder_holds_its_lock_throughout_and_opens_the_store_after_the_paint(qtbot, tmp_path):
    """As cli.main starts it: the folder taken by store.opening, the repository made from it
    after the paint; a second copy is refused before, during and after, until the end."""
    _history(tmp_path)
    opening = open_folder(tmp_path)
    win = MainWindow(opening, AppSettings(tmp_path), clock_on(MONDAY + dt.timedelta(days=3)),
                     inhibitor=RecordingInhibitor(), timing=FAST)
    qtbot.addWidget(win)
    assert not win.data_loaded and "Opening" in win.today_page.heading.text()
    assert open_folder(tmp_path).locked_by                     # a second copy, before the paint
    after_first_paint(win.today_page.heading, win.load_data)
    win.show()
    qtbot.waitUntil(lambda: win.data_loaded)
    assert not win.store.read_only and len(win.store.sessions()) == 2
    assert win.today_session is not None and win.today_page.start_button.isEnabled()
    assert f"process {os.getpid()}" in open_folder(tmp_path).locked_by   # after it, named by the store
    win.close()
    win.close_store()
    again = open_folder(tmp_path)
    assert again.locked_by is None and not again.read_only
    again.close()


def test_a_window_closed_before_its_file_is_read_lets_the_lock_go_and_writes_nothing(qtbot, tmp_path):
    _history(tmp_path)
    before = (tmp_path / "itb-coach.json").read_bytes()
    opening = open_folder(tmp_path)
    win = MainWindow(opening, AppSettings(tmp_path), clock_on(MONDAY), inhibitor=RecordingInhibitor(), timing=FAST)
    qtbot.addWidget(win)
    win.close()
    win.close_store()
    assert not win.data_loaded
    assert (tmp_path / "itb-coach.json").read_bytes() == before
    again = open_folder(tmp_path)
    assert again.locked_by is None
    again.close()


def _main_windows() -> set[int]:
    """Every main window alive now (earlier tests' closed windows included), by id."""
    from PySide6.QtWidgets import QApplication

    return {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
@pytest.mark.parametrize("kind", ["fifo", "directory", "dangling"])
def test_a_special_data_file_is_refused_before_any_window(qtbot, tmp_path, kind, capsys):
    from fuzz_mutations import make_special_file

    make_special_file(tmp_path / "itb-coach.json", kind)
    windows = _main_windows()
    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 2
    out = capsys.readouterr()
    assert "shown after" not in out.out and "Nothing was changed" in out.err
    assert _main_windows() == windows
    assert DataFolderLock(tmp_path).acquire()                  # and the lock was let go


def test_a_second_copy_is_refused_before_any_window(qtbot, tmp_path, capsys):
    first = open_folder(tmp_path)
    windows = _main_windows()
    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 3
    out = capsys.readouterr()
    assert "shown after" not in out.out and "already open on this data folder" in out.err
    assert _main_windows() == windows
    first.close()


def test_runs_waiting_for_their_answers_show_once_the_file_is_read(qtbot, tmp_path):
    """Read after the first paint, the file's imported runs without pain answers put their
    banner on Today at once, with no poll waiting for the file."""
    from itbgui.store.run_records import RunRecord

    _history(tmp_path)
    with SessionRepository(tmp_path) as repo:
        repo.save_runs([RunRecord("gpx-1", dt.datetime(2026, 11, 3, 7, tzinfo=dt.timezone.utc),
                                  distance_km=5.0, source="gpx")])
    store = SessionRepository(tmp_path, defer_load=True)
    win = MainWindow(store, AppSettings(tmp_path), clock_on(MONDAY + dt.timedelta(days=3)),
                     inhibitor=RecordingInhibitor(), timing=FAST)
    qtbot.addWidget(win)
    win.show()
    win.runs   # noqa: B018  (made after the first paint, before the file is read)
    assert not win.today_page.runs_banner.isVisible()
    win.load_data()
    assert win.today_page.runs_banner.isVisible()
    win.close()
    store.close()
