"""Runs in the window: the run dialog (Today's "Log a run", Ctrl+R), the run player on the
window's stack, File > Import runs… and files dropped on the window.

Made right after the first paint (MadeOnUse.runs). Every write goes through the model
(save_runs), whose change redraws Today, the Plan and History; the import's reading runs on
a worker (run_import.py) and only its result is saved here, on the window's thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

from itbgui.app.menus import PAGES
from itbgui.app.run_import import Reader, RunImport, RunImporter, read_run_files
from itbgui.screens.today_card import long_date

if TYPE_CHECKING:
    from collections.abc import Callable

    from itbgui.app.status import StatusSink
    from itbgui.core.clock import Clock
    from itbgui.model.coach_model import CoachModel
    from itbgui.app.audio import SessionAudio
    from itbgui.player.run_player import RunPlayerView
    from itbgui.program.return_to_run import RunPrescription
    from itbgui.screens.history.page import HistoryPage
    from itbgui.screens.today import TodayPage
    from itbgui.store.run_records import RunRecord
    from itbgui.ui.settings import AppSettings


class RunHost(QObject):
    #: the run player has left and the pages are back
    ended = Signal()
    sound_toggle_requested = Signal()
    fullscreen_toggle_requested = Signal()

    def __init__(self, parent: QWidget, model: CoachModel, settings: AppSettings, clock: Clock,
                 audio: SessionAudio, status: StatusSink, *, stack: QStackedWidget, tabs: QTabWidget,
                 today_page: TodayPage, history_page: Callable[[], HistoryPage | None],
                 data_loaded: Callable[[], bool], session_running: Callable[[], bool],
                 navigation: Callable[[bool], None], reader: Reader = read_run_files) -> None:
        """``parent`` is the window as a widget: dialogs sit over it and files dropped on it
        are read. ``history_page`` gives History once built; ``session_running`` says a strength
        session holds the window; ``navigation`` turns the menus' page and start actions off."""
        super().__init__(parent)
        self.model, self.settings, self.clock, self.audio, self.status = model, settings, clock, audio, status
        self.stack, self.tabs, self.today_page, self.history_page = stack, tabs, today_page, history_page
        self.data_loaded, self.session_running, self.navigation = data_loaded, session_running, navigation
        self.player: RunPlayerView | None = None
        self.dialog = None          # the run dialog while it is open
        self.result_box = None      # the import's per-file lines while they show
        self.importer = RunImporter(reader, self)
        self.importer.finished.connect(self._imported)
        today_page.log_run_requested.connect(self.log_run)
        today_page.run_requested.connect(self.start_run)
        today_page.runs_banner.answer_requested.connect(self.answer_waiting)
        model.changed.connect(self.show_waiting)   # and the window asks once the file is read
        parent.setAcceptDrops(True)
        parent.installEventFilter(self)
        self._history_attached = False
        tabs.currentChanged.connect(self.attach_history)   # after the page is built on show
        self.attach_history()
        self.show_waiting()

    def attach_history(self, _index: int = -1) -> None:
        """History's Runs view asks to answer a run: the run dialog, from here."""
        page = self.history_page()
        if page is not None and not self._history_attached:
            self._history_attached = True
            page.runs_view.edit_requested.connect(self.answer_run)

    def _busy(self) -> bool:
        """A session or a run holds the window: its keys stay its own."""
        return self.player is not None or self.session_running()

    # ------------------------------------------------------------------ writing
    def save(self, records: Sequence[RunRecord]) -> str | None:
        """Through the model; None, or the disk's refusal in words."""
        from itbgui.store.repository import StoreError

        try:
            self.model.save_runs(list(records))
        except StoreError as exc:
            return str(exc)
        return None

    # ------------------------------------------------------------------ the dialog
    def log_run(self) -> None:
        """A run typed in: the dialog, with the start at now."""
        self._open_dialog(None)

    def answer_run(self, record: RunRecord) -> None:
        """An imported run's pain answers (or a run corrected): the same dialog, filled in."""
        self._open_dialog(record)

    def _open_dialog(self, record: RunRecord | None) -> None:
        if self._busy() or self.dialog is not None or not self.data_loaded():
            return
        from itbgui.screens.runs.run_dialog import RunDialog

        dialog = self.dialog = RunDialog(self.clock.now(), lambda r: self.save([r]), record=record,
                                         parent=self.parent())

        def done(_code: int) -> None:
            self.dialog = None
            if dialog.result_record is not None:
                self.status(tr("Run saved."), 4000)
            dialog.deleteLater()
        dialog.finished.connect(done)
        dialog.open()

    def unanswered(self) -> tuple[RunRecord, ...]:
        from itbgui.program.run_days import unanswered_runs

        return unanswered_runs(self.model.coach.store.runs())

    def show_waiting(self, _kinds=None) -> None:
        """Today's line about runs without their pain answers, as the log stands now."""
        if not self.data_loaded():
            return
        waiting = self.unanswered()
        latest = waiting[-1].started_at if waiting else None
        self.today_page.runs_banner.show_waiting(len(waiting), long_date(latest) if latest else "")

    def answer_waiting(self) -> None:
        """The latest run still without its answers: the run dialog for it."""
        waiting = self.unanswered()
        if waiting:
            self.answer_run(waiting[-1])

    # ------------------------------------------------------------------ the player
    def start_run(self, prescription: RunPrescription | None = None) -> None:
        """The run player for ``prescription`` (Today's run day gives it; the first stage
        when none is given)."""
        if self._busy():
            return
        from itbgui.player.run_player import RunPlayerView
        from itbgui.program.return_to_run import STAGES

        self.audio.load()
        player = self.player = RunPlayerView(prescription or STAGES[0], self.clock, self.audio.cue_player,
                                             lambda r: self.save([r]), self.audio.inhibitor)
        player.set_text_scale(self.settings.text_scale)
        player.closed.connect(self.end_run)
        player.sound_toggle_requested.connect(self.sound_toggle_requested)
        player.fullscreen_toggle_requested.connect(self.fullscreen_toggle_requested)
        self.stack.addWidget(player)
        self.stack.setCurrentWidget(player)
        self.navigation(False)
        player.setFocus()

    def end_run(self) -> None:
        player, self.player = self.player, None
        if player is None:
            return
        self.stack.setCurrentWidget(self.tabs)
        self.stack.removeWidget(player)
        player.deleteLater()
        self.navigation(True)
        self.tabs.setCurrentIndex(PAGES.index("today"))
        self.today_page.start_button.setFocus()
        self.ended.emit()   # the window leaves full screen, which was for the run

    # ------------------------------------------------------------------ importing
    def ask_files(self) -> None:
        """File > Import runs…: any number of GPX, TCX and FIT files."""
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(self.parent(), tr("Import runs"), str(Path.home()),
                                                tr("Runs (*.gpx *.tcx *.fit);;All files (*)"))
        if names:
            self.import_paths([Path(n) for n in names])

    def ask_folder(self) -> None:
        """File > Import a folder of runs…: its GPX, TCX and FIT files."""
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self.parent(), tr("Import a folder of runs"), str(Path.home()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Read ``paths`` on a worker; the result is saved and shown when it comes back."""
        if not paths or not self.data_loaded() or self._busy():
            return False   # not over a session or a run: their keys stay theirs
        if not self.importer.start(paths, self.model.coach.store.runs()):
            self.status(tr("An import is already under way."), 4000)
            return False
        self.status(tr("Reading %1…").replace("%1", paths[0].name if len(paths) == 1 else
                                              tr("%1 files").replace("%1", str(len(paths)))))
        return True

    def _imported(self, result: RunImport) -> None:
        lines = list(result.lines)
        saved = 0
        if result.runs:
            error = self.save(result.runs)
            if error:
                lines.append(tr("Not saved: %1").replace("%1", error))
            else:
                saved = len(result.runs)
        self.status(tr("%1 runs imported.").replace("%1", str(saved)) if saved != 1
                    else tr("1 run imported."), 6000)
        from itbgui.screens.runs.import_result import ImportResultDialog

        box = self.result_box = ImportResultDialog(saved, lines, bool(self.unanswered()), parent=self.parent())
        box.answer_requested.connect(self.answer_waiting)
        box.finished.connect(lambda _code: setattr(self, "result_box", None))
        box.open()

    # ------------------------------------------------------------------ exporting
    def export_csv(self, path: Path | None = None) -> int | None:
        """File > Export runs as CSV: one row per run, oldest first (asks where when no path
        is given); the number of runs written, or None when nothing was."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from itbgui.screens.history.run_csv import write_runs_csv

        if not self.data_loaded():
            return None
        if path is None:
            day = self.clock.now().date().isoformat()
            name, _ = QFileDialog.getSaveFileName(self.parent(), tr("Export runs as CSV"),
                                                  str(Path.home() / f"itb-coach-runs-{day}.csv"),
                                                  tr("CSV files (*.csv)"))
            if not name:
                return None
            path = Path(name)
        try:
            count = write_runs_csv(self.model.coach.store.runs(), path)
        except OSError as exc:
            QMessageBox.warning(self.parent(), tr("Export failed"),
                                tr("Could not write %1: %2").replace("%1", str(path))
                                .replace("%2", exc.strerror or str(exc)))
            return None
        self.status(tr("%1 runs written to %2.").replace("%1", str(count)).replace("%2", path.name), 6000)
        return count

    # ------------------------------------------------------------------ the window's events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_files(event.mimeData()) and not self._busy():
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = local_files(event.mimeData())
            if paths and not self._busy():
                event.acceptProposedAction()
                self.import_paths(paths)
                return True
        elif kind == QEvent.Type.Close and self.player is not None:
            self.player.leave_now()     # what was run is logged; Today asks the pain answers
        return False


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def local_files(mime) -> list[Path]:
    """The dropped files, when every one is a local file or folder; else none (a web link,
    text, a remote file are not run files to read)."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
