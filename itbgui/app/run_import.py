"""Runs read from watch and phone files (GPX, TCX, FIT), off the window's thread.

The reading itself is itbgui.importers' (``batch.import_files(paths, existing_runs)``: the runs to
save and one line per file); the window reaches it through :func:`read_run_files` alone, and
only on a worker thread: a folder of a hundred runs, or one enormous file, never freezes the
window. The result comes back on the window's thread as a :class:`RunImport`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

@dataclass(frozen=True)
class RunImport:
    runs: tuple          # RunRecords to save (the reader skipped those already in the log)
    lines: tuple[str, ...]   # one per file: what was read, or why not


def read_run_files(paths: Sequence[Path], existing: Sequence) -> RunImport:
    """Read ``paths`` (files, or folders of them) with itbgui.importers, loaded here, on the
    worker, on first use; it expands folders and writes one line per file."""
    from itbgui.importers.batch import import_files   # noqa: PLC0415  (the format libraries load here)

    result = import_files(list(paths), list(existing))
    if isinstance(result, tuple):
        runs, lines = result
    else:
        runs = getattr(result, "runs", None) or getattr(result, "to_save", ())
        lines = getattr(result, "lines", ())
    return RunImport(tuple(runs), tuple(str(line) for line in lines))


Reader = Callable[[Sequence[Path], Sequence], RunImport]


class RunImporter(QObject):
    """Runs ``reader`` on a worker thread; ``finished`` brings its RunImport (or the
    exception's words as the one line) back to the window's thread."""

    finished = Signal(object)

    def __init__(self, reader: Reader = read_run_files, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.busy = False
        self.finished.connect(self._done)   # first of the slots, on the window's thread

    def start(self, paths: Sequence[Path], existing: Sequence) -> bool:
        """False when an import is already under way (one at a time)."""
        if self.busy:
            return False
        self.busy = True
        files = list(paths)
        threading.Thread(target=self._work, args=(files, list(existing)), name="run-import",
                         daemon=True).start()
        return True

    def _work(self, paths: list[Path], existing: list) -> None:
        try:
            result = self.reader(paths, existing)   # folders too: the importers open them
        except Exception as exc:   # noqa: BLE001  (whatever the reader raised, the window says it)
            result = RunImport((), (f"Could not import: {exc}",))
        self.finished.emit(result)   # queued to the window's thread: this object lives there

    def _done(self, _result) -> None:
        self.busy = False
