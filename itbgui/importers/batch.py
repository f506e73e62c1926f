"""Several files or folders at once, against the runs already logged: what to save and
one line per file saying what became of it. The command line and the window both call
:func:`import_files` (the window from a worker thread: it reads files), then save
``result.runs`` in one write (the window through CoachModel.save_runs)."""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from itbgui.importers.common import (EXTENSIONS, MAX_FILE_BYTES, SNIFF_BYTES, ImportProblem,
                                     check_size, sniff)
from itbgui.importers.fit import read_fit
from itbgui.importers.gpx import read_gpx
from itbgui.importers.tcx import read_tcx
from itbgui.store.run_records import RunRecord

#: Two runs starting closer than this are the same run (a watch's file and a phone's).
SAME_RUN = dt.timedelta(minutes=1)
READERS = {"gpx": read_gpx, "tcx": read_tcx, "fit": read_fit}
IMPORTED, SKIPPED, PROBLEM = "imported", "skipped", "problem"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: ``status`` is imported, skipped (every run in it is in the
    log already) or problem (nothing of it is stored); ``line`` says so in words."""

    path: Path
    status: str
    line: str
    runs: tuple[RunRecord, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    runs: tuple[RunRecord, ...]         # new runs, oldest first: save them in one write
    files: tuple[FileOutcome, ...]      # one per file, in the order read

    @property
    def lines(self) -> list[str]:
        return [f.line for f in self.files]

    @property
    def problems(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == PROBLEM]

    def summary(self) -> str:
        """One sentence for a window's message: ``2 runs imported, 1 file skipped (in the
        log already), 1 file could not be read.``"""
        skipped = sum(f.status == SKIPPED for f in self.files)
        parts = [f"{_count(len(self.runs), 'run')} imported"]
        if skipped:
            parts.append(f"{_count(skipped, 'file')} skipped (in the log already)")
        if self.problems:
            parts.append(f"{_count(len(self.problems), 'file')} could not be read")
        return ", ".join(parts) + "."


def read_runs(path: Path) -> list[RunRecord]:
    """The runs in one file, its kind told by its content (its name may be wrong), or an
    ImportProblem; reads at most :data:`~itbgui.importers.common.MAX_FILE_BYTES`."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):   # before opening: a pipe would wait
            raise ImportProblem("it is not a plain file")
        with open(path, "rb") as file:
            check_size(os.fstat(file.fileno()).st_size)
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ImportProblem("there is no such file") from None
    except IsADirectoryError:
        raise ImportProblem("it is a folder") from None
    except PermissionError:
        raise ImportProblem("permission to read it was refused") from None
    except OSError as exc:
        raise ImportProblem(f"it cannot be read: {exc.strerror or exc}") from None
    check_size(len(data))   # it may have changed since it was measured
    reader = READERS[sniff(data[:SNIFF_BYTES])]
    try:
        return reader(data)
    except ImportProblem:
        raise
    except Exception as exc:   # noqa: BLE001 - a file no test foresaw: one line, not a traceback
        _log.exception("importing %s", path)
        raise ImportProblem(f"it could not be read (a fault in ITB Coach: "
                            f"{type(exc).__name__}; please report it)") from None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder becomes its own .gpx, .tcx and .fit files by name (not
    those in folders inside it). A folder with none stays, to be named as a problem."""
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted((p for p in _entries(path)
                             if p.suffix.lower() in EXTENSIONS and p.is_file()), key=lambda p: p.name)
            out.extend(inside or [path])
        else:
            out.append(path)
    return out


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def import_files(paths: Iterable[Path], existing_runs: Sequence[RunRecord]) -> ImportResult:
    """Read every file (folders expanded), leaving out runs whose start is within a minute
    of one logged already or read from an earlier file. Reads files; changes nothing."""
    logged = sorted(r.started_at.timestamp() for r in existing_runs)
    taken: list[float] = []   # starts read from earlier files of this import
    new_runs: list[RunRecord] = []
    files = []
    for path in expand(paths):
        if path.is_dir():
            files.append(FileOutcome(path, PROBLEM, f"{path}: not imported: the folder holds "
                                     "no .gpx, .tcx or .fit files"))
            continue
        try:
            runs = read_runs(path)
        except ImportProblem as problem:
            files.append(FileOutcome(path, PROBLEM, f"{path}: not imported: {problem}"))
            continue
        fresh, in_log = [], 0
        for run in runs:
            moment = run.started_at.timestamp()
            if _near(logged, moment):
                in_log += 1
            elif not _near(taken, moment):
                bisect.insort(taken, moment)
                fresh.append(run)
        new_runs.extend(fresh)
        files.append(_outcome(path, runs, fresh, in_log))
    return ImportResult(tuple(sorted(new_runs, key=lambda r: r.started_at)), tuple(files))


def _near(starts: list[float], moment: float) -> bool:
    """A start in the sorted ``starts`` within :data:`SAME_RUN` of ``moment``."""
    at = bisect.bisect_left(starts, moment - SAME_RUN.total_seconds())
    return at < len(starts) and starts[at] <= moment + SAME_RUN.total_seconds()


def _outcome(path: Path, runs: list[RunRecord], fresh: list[RunRecord], in_log: int) -> FileOutcome:
    where = ("in the log already" if in_log == len(runs) - len(fresh) else
             "read from an earlier file of this import" if not in_log else
             "in the log or an earlier file already")
    if not fresh:
        what = (f"the run of {runs[0].started_at:%d %b %Y %H:%M} is" if len(runs) == 1
                else f"its {len(runs)} runs are")
        return FileOutcome(path, SKIPPED, f"{path}: skipped: {what} {where}")
    said = "; ".join(describe(r) for r in fresh[:3]) + ("; ..." if len(fresh) > 3 else "")
    also = f" ({len(runs) - len(fresh)} {where})" if len(fresh) < len(runs) else ""
    count = "1 run" if len(fresh) == 1 else f"{len(fresh)} runs"
    return FileOutcome(path, IMPORTED, f"{path}: imported {count}: {said}{also}", tuple(fresh))


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def describe(run: RunRecord) -> str:
    """``04 Nov 2026 07:15, 5.21 km in 28:03`` (what is unknown is left out)."""
    parts = [f"{run.started_at:%d %b %Y %H:%M}"]
    if run.distance_km is not None:
        parts.append(f"{run.distance_km:.2f} km")
    if run.duration_s is not None:
        hours, rest = divmod(run.duration_s, 3600)
        clock = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
        parts.append(f"in {clock}")
    return parts[0] + (", " + " ".join(parts[1:]) if len(parts) > 1 else "")
