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

from PySide6.QtCore import QEvent, QObject, QTimer

from itbgui.app.menus import PAGES
from itbgui.app.run_import import Reader, RunImport, RunImporter, read_run_files

if TYPE_CHECKING:
    from itbgui.app.window import MainWindow
    from itbgui.player.run_player import RunPlayerView
    from itbgui.program.return_to_run import RunPrescription
    from itbgui.store.run_records import RunRecord


class RunHost(QObject):
    def __init__(self, window: MainWindow, reader: Reader = read_run_files) -> None:
        super().__init__(window)
        self.player: RunPlayerView | None = None
        self.dialog = None          # the run dialog while it is open
        self.result_box = None      # the import's per-file lines while they show
        self.importer = RunImporter(reader, self)
        self.importer.finished.connect(self._imported)
        today = window.today_page
        today.log_run_requested.connect(self.log_run)
        today.run_requested.connect(self.start_run)
        today.runs_banner.answer_requested.connect(self.answer_waiting)
        window.model.changed.connect(self.show_waiting)
        self._waiting_check = QTimer(self, interval=250, timeout=self.show_waiting)
        self._waiting_check.start()   # until the data file is read (after the first paint)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self._history_attached = False
        window.tabs.currentChanged.connect(self.attach_history)   # after the page is built on show
        self.attach_history()

    def attach_history(self, _index: int = -1) -> None:
        """History's Runs view asks to answer a run: the run dialog, from here."""
        page = self.window.history_page
        if page is not None and not self._history_attached:
            self._history_attached = True
            page.runs_view.edit_requested.connect(self.answer_run)

    @property
    def window(self) -> MainWindow:
        """The window this belongs to (its Qt parent: no Python reference back to it, so a
        closed window is freed with its parts)."""
        return self.parent()

    # ------------------------------------------------------------------ writing
    def save(self, records: Sequence[RunRecord]) -> str | None:
        """Through the model; None, or the disk's refusal in words."""
        from itbgui.store.repository import StoreError

        try:
            self.window.model.save_runs(list(records))
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
        w = self.window
        if self.player is not None or w.player is not None or self.dialog is not None or not w.data_loaded:
            return
        from itbgui.screens.runs.run_dialog import RunDialog

        dialog = self.dialog = RunDialog(w.clock.now(), lambda r: self.save([r]), record=record, parent=w)

        def done(_code: int) -> None:
            self.dialog = None
            if dialog.result_record is not None:
                w.status(w.tr("Run saved."), 4000)
            dialog.deleteLater()
        dialog.finished.connect(done)
        dialog.open()

    def unanswered(self) -> list[RunRecord]:
        return [r for r in self.window.store.runs() if not r.answered]

    def show_waiting(self, _kinds=None) -> None:
        """Today's line about runs without their pain answers, as the log stands now."""
        w = self.window
        if not w.data_loaded:
            return
        self._waiting_check.stop()
        waiting = self.unanswered()
        latest = waiting[-1].started_at if waiting else None
        w.today_page.runs_banner.show_waiting(len(waiting), f"{latest:%A} {latest.day} {latest:%B}" if latest else "")

    def answer_waiting(self) -> None:
        """The latest run still without its answers: the run dialog for it."""
        waiting = self.unanswered()
        if waiting:
            self.answer_run(waiting[-1])

    # ------------------------------------------------------------------ the player
    def start_run(self, prescription: RunPrescription | None = None) -> None:
        """The run player for ``prescription`` (Today's run day gives it; the first stage
        when none is given)."""
        w = self.window
        if self.player is not None or w.player is not None:
            return
        from itbgui.player.run_player import RunPlayerView
        from itbgui.program.return_to_run import STAGES

        w.audio.load()
        player = self.player = RunPlayerView(prescription or STAGES[0], w.clock, w.audio.cue_player,
                                             lambda r: self.save([r]), w.audio.inhibitor)
        player.set_text_scale(w.settings.text_scale)
        player.closed.connect(self.end_run)
        player.sound_toggle_requested.connect(lambda: w.set_sound(not w.audio.cue_player.sound_on))
        player.fullscreen_toggle_requested.connect(lambda: w.set_fullscreen(not w.isFullScreen()))
        w.stack.addWidget(player)
        w.stack.setCurrentWidget(player)
        w.menus.set_navigation_enabled(False)
        player.setFocus()

    def end_run(self) -> None:
        w = self.window
        player, self.player = self.player, None
        if player is None:
            return
        if w.isFullScreen():
            w.set_fullscreen(False)
        w.stack.setCurrentWidget(w.tabs)
        w.stack.removeWidget(player)
        player.deleteLater()
        w.menus.set_navigation_enabled(True)
        w.tabs.setCurrentIndex(PAGES.index("today"))
        w.today_page.start_button.setFocus()

    # ------------------------------------------------------------------ importing
    def ask_files(self) -> None:
        """File > Import runs…: any number of GPX, TCX and FIT files."""
        from PySide6.QtWidgets import QFileDialog

        w = self.window
        names, _ = QFileDialog.getOpenFileNames(w, w.tr("Import runs"), str(Path.home()),
                                                w.tr("Runs (*.gpx *.tcx *.fit);;All files (*)"))
        if names:
            self.import_paths([Path(n) for n in names])

    def ask_folder(self) -> None:
        """File > Import a folder of runs…: its GPX, TCX and FIT files."""
        from PySide6.QtWidgets import QFileDialog

        w = self.window
        name = QFileDialog.getExistingDirectory(w, w.tr("Import a folder of runs"), str(Path.home()))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Read ``paths`` on a worker; the result is saved and shown when it comes back."""
        w = self.window
        if not paths or not w.data_loaded or w.player is not None or self.player is not None:
            return False   # not over a session or a run: their keys stay theirs
        if not self.importer.start(paths, w.store.runs()):
            w.status(w.tr("An import is already under way."), 4000)
            return False
        w.status(w.tr("Reading %1…").replace("%1", paths[0].name if len(paths) == 1 else
                                             w.tr("%1 files").replace("%1", str(len(paths)))))
        return True

    def _imported(self, result: RunImport) -> None:
        w = self.window
        lines = list(result.lines)
        saved = 0
        if result.runs:
            error = self.save(result.runs)
            if error:
                lines.append(w.tr("Not saved: %1").replace("%1", error))
            else:
                saved = len(result.runs)
        w.status(w.tr("%1 runs imported.").replace("%1", str(saved)) if saved != 1
                 else w.tr("1 run imported."), 6000)
        from itbgui.screens.runs.import_result import ImportResultDialog

        box = self.result_box = ImportResultDialog(saved, lines, bool(self.unanswered()), parent=w)
        box.answer_requested.connect(self.answer_waiting)
        box.finished.connect(lambda _code: setattr(self, "result_box", None))
        box.open()

    # ------------------------------------------------------------------ the window's events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_files(event.mimeData()) and self.player is None and self.window.player is None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = local_files(event.mimeData())
            if paths and self.player is None and self.window.player is None:
                event.acceptProposedAction()
                self.import_paths(paths)
                return True
        elif kind == QEvent.Type.Close and self.player is not None:
            self.player.leave_now()     # what was run is logged; Today asks the pain answers
        return False


def local_files(mime) -> list[Path]:
    """The dropped files, when every one is a local file or folder; else none (a web link,
    text, a remote file are not run files to read)."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
