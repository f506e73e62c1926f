"""The run log as CSV: one row per run, oldest first; pure Python, no Qt.

``itb-coach runs --csv OUT.csv`` writes it, and History's export can call the same
:func:`write_runs_csv`. Columns (``RUN_HEADER``): run_id, date (YYYY-MM-DD, the run's local
day), started_at (ISO 8601 with offset), distance_km, duration_s, duration_min,
elevation_gain_m, terrain (flat/hilly), source (manual/gpx/tcx/fit), pain_during (0-10),
pain_onset_km, pain_onset_min, pain_after (0-10), next_morning (better/same/worse), stage
(the return-to-run stage it was prescribed at), note. Empty cells mean "not recorded".
Text cells are made safe for spreadsheets as the sets' CSV makes them (csv_export.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, TextIO

from itbgui.screens.history.csv_export import _cell, replace_file
from itbgui.store.run_records import RunRecord

RUN_HEADER = ("run_id", "date", "started_at", "distance_km", "duration_s", "duration_min",
              "elevation_gain_m", "terrain", "source", "pain_during", "pain_onset_km",
              "pain_onset_min", "pain_after", "next_morning", "stage", "note")


def run_row(run: RunRecord) -> list[str]:
    return [_cell(v) for v in (
        run.id, run.started_at.date().isoformat(), run.started_at.isoformat(timespec="seconds"),
        run.distance_km, run.duration_s,
        None if run.duration_s is None else round(run.duration_s / 60, 1),
        run.elevation_gain_m, run.terrain, run.source, run.pain_during, run.pain_onset_km,
        run.pain_onset_min, run.pain_after, run.next_morning, run.stage, run.note)]


def write_run_rows(runs: Iterable[RunRecord], out: TextIO) -> int:
    """The header and one row per run, oldest first; returns the number of runs."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(RUN_HEADER)
    count = 0
    for run in sorted(runs, key=lambda r: r.started_at):
        writer.writerow(run_row(run))
        count += 1
    return count


def write_runs_csv(runs: Iterable[RunRecord], path: Path) -> int:
    """Write the file in one go (it replaces ``path`` only when complete); returns the
    number of runs."""
    buffer = io.StringIO()
    count = write_run_rows(runs, buffer)
    replace_file(Path(path), buffer.getvalue())
    return count
