"""File > Import runs… and files dropped on the window: the reading runs on a worker (a
stand-in reader here: the importers are another module's), the runs are saved through the
model, and one line per file shows in a small box."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from itbgui.app import run_import
from itbgui.app.run_import import RunImport, read_run_files
from itbgui.store.run_records import RunRecord
from window_helpers import MONDAY, clock_on, open_window

WHEN = dt.datetime(2026, 10, 30, 7, 15, tzinfo=dt.timezone.utc)


class FakeReader:
    """Reads nothing: one run per .gpx path, a line per path; remembers its thread."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.threads: list[threading.Thread] = []
        self.paths: list[Path] = []
        self.fail = fail

    def __call__(self, paths, existing) -> RunImport:
        self.threads.append(threading.current_thread())
        self.paths += list(paths)
        if self.fail:
            raise self.fail
        runs = tuple(RunRecord(f"run-{p.stem}", WHEN + dt.timedelta(days=n), distance_km=5.0 + n,
                               duration_s=1800, source="gpx")
                     for n, p in enumerate(paths) if p.suffix == ".gpx")
        lines = tuple(f"{p.name}: {'1 run' if p.suffix == '.gpx' else 'not a run file'}" for p in paths)
        return RunImport(runs, lines)


@pytest.fixture
def window(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.runs.importer.reader = FakeReader()
    return win


def wait_for_result(qtbot, window):
    qtbot.waitUntil(lambda: window.runs.result_box is not None, timeout=5000)
    return window.runs.result_box


def test_imported_files_are_read_off_the_window_thread_saved_and_reported_per_file(qtbot, window, tmp_path):
    reader = window.runs.importer.reader
    files = [tmp_path / "a.gpx", tmp_path / "b.gpx", tmp_path / "notes.txt"]
    assert window.runs.import_paths(files)
    box = wait_for_result(qtbot, window)
    assert reader.threads and reader.threads[0] is not threading.main_thread()
    assert [r.id for r in window.store.runs()] == ["run-a", "run-b"]
    assert box.summary.text() == "2 runs imported."
    assert box.lines.toPlainText().splitlines() == ["a.gpx: 1 run", "b.gpx: 1 run", "notes.txt: not a run file"]
    assert box.answer_button is not None                      # their pain answers wait
    box.answer_button.click()
    dialog = window.runs.dialog
    assert dialog is not None and dialog.existing.id == "run-b"   # the latest first


def test_a_reader_that_fails_stores_nothing_and_says_why(qtbot, window, tmp_path):
    window.runs.importer.reader = FakeReader(fail=OSError("disk on fire"))
    window.runs.import_paths([tmp_path / "a.gpx"])
    box = wait_for_result(qtbot, window)
    assert window.store.runs() == [] and "disk on fire" in box.lines.toPlainText()
    assert box.answer_button is None


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def _drag(window, mime) -> bool:
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    return enter.isAccepted()


def test_local_files_dropped_on_the_window_are_imported(qtbot, window, tmp_path):
    mime = _mime(QUrl.fromLocalFile(str(tmp_path / "a.gpx")), QUrl.fromLocalFile(str(tmp_path / "b.fit")))
    assert window.acceptDrops() and _drag(window, mime)
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    wait_for_result(qtbot, window)
    assert window.runs.importer.reader.paths == [tmp_path / "a.gpx", tmp_path / "b.fit"]
    assert [r.id for r in window.store.runs()] == ["run-a"]


def test_a_web_link_or_text_dropped_is_refused(qtbot, window, tmp_path):
    assert not _drag(window, _mime(QUrl("https://example.com/run.gpx")))
    assert not _drag(window, _mime(QUrl.fromLocalFile(str(tmp_path / "a.gpx")), QUrl("https://example.com/b.gpx")))
    text = QMimeData()
    text.setText("hello")
    assert not _drag(window, text)


def test_a_folder_dropped_goes_to_the_reader_as_it_is(qtbot, window, tmp_path):
    """The importers open folders (and name one without run files); the window passes it on."""
    mime = _mime(QUrl.fromLocalFile(str(tmp_path)))
    assert _drag(window, mime)
    QApplication.sendEvent(window, QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    wait_for_result(qtbot, window)
    assert window.runs.importer.reader.paths == [tmp_path]


@pytest.mark.parametrize("shape", ["tuple", "object"])
def test_read_run_files_calls_the_importers_whatever_shape_they_return(monkeypatch, tmp_path, shape):
    run = RunRecord("x", WHEN, source="gpx")
    seen = []

    def import_files(paths, existing):
        seen.append((paths, existing))
        if shape == "tuple":
            return [run], ["a.gpx: 1 run"]
        return types.SimpleNamespace(runs=[run], lines=["a.gpx: 1 run"])
    package, module = types.ModuleType("itbgui.importers"), types.ModuleType("itbgui.importers.batch")
    package.batch, module.import_files = module, import_files
    monkeypatch.setitem(sys.modules, "itbgui.importers", package)
    monkeypatch.setitem(sys.modules, "itbgui.importers.batch", module)
    result = read_run_files([tmp_path / "a.gpx"], [])
    assert result == RunImport((run,), ("a.gpx: 1 run",)) and seen == [([tmp_path / "a.gpx"], [])]
    assert run_import.read_run_files is read_run_files
