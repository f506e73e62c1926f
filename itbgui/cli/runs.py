"""``itb-coach runs [--json | --csv OUT.csv] [--data-dir DIR]``: the run log, oldest first.

Opens the data file read-only without the folder's lock, so it works while the app is
open and never changes the file. ``--json`` prints a list of objects in the shape of
:func:`itbgui.store.run_json.run_json` (null where unknown); ``--csv OUT.csv`` writes one
row per run (``-`` for standard output; columns in screens/history/run_csv.py). Exit
codes: 0 done, 1 no ITB Coach data in the folder given or it cannot be read, 2 a usage
error or a CSV that could not be written.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from itbgui.cli.args import add_data_dir, parse, write_out

PROG = "itb-coach runs"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="List your logged runs, oldest first.")
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true", help="print JSON instead of a table")
    how.add_argument("--csv", metavar="OUT.csv", help="write them to a CSV file ('-' for standard output)")
    add_data_dir(parser)
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    args = parse(parse_args, argv)
    if isinstance(args, int):
        return args
    from itbgui.cli.data_dir import NO_DATA, command_data_dir

    data_dir = command_data_dir(PROG, args.data_dir)
    if data_dir is None:
        return NO_DATA
    runs = read_runs(data_dir)
    if runs is None:
        return NO_DATA
    if args.csv:
        return _write_csv(runs, args.csv)
    if args.json:
        from itbgui.store.run_json import run_json

        print(json.dumps([run_json(r) for r in runs], indent=2, ensure_ascii=False))
    else:
        print(as_table(runs))
    return 0


def read_runs(data_dir: Path) -> list | None:
    """Every run, oldest first (none for a new user with no file); None once the reason
    is on stderr."""
    from itbgui.cli.data_dir import read_for_listing

    return read_for_listing(PROG, data_dir, lambda repo: repo.runs(), [])


def _write_csv(runs: list, out: str) -> int:
    from itbgui.screens.history.run_csv import write_run_rows, write_runs_csv

    count = write_out(PROG, out, lambda stream: write_run_rows(runs, stream),
                      lambda path: write_runs_csv(runs, path))
    if count is None:
        return 2
    if out != "-":
        print(f"{count} run{'' if count == 1 else 's'} written to {out}")
    return 0


COLUMNS = ("Date", "Start", "Distance", "Time", "Climb", "Terrain", "Pain", "Began at",
           "After", "Morning", "From")


def as_table(runs: list) -> str:
    """A plain table, one run a line; "-" where a value is not known."""
    if not runs:
        return "No runs logged yet: log one with Ctrl+R in the app, or import a GPX, TCX or " \
               "FIT file with 'itb-coach runs-import FILE...'."
    rows = [COLUMNS] + [_row(r) for r in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    numeric = {2, 3, 4}
    lines = ["  ".join(cell.rjust(w) if i in numeric else cell.ljust(w)
                       for i, (cell, w) in enumerate(zip(row, widths))).rstrip() for row in rows]
    notes = [f"  {r.started_at:%Y-%m-%d %H:%M}: {r.note}" for r in runs if r.note]
    return "\n".join(lines + (["", "Notes:"] + notes if notes else []))


def _row(run) -> tuple[str, ...]:
    def known(value, form: str = "{}") -> str:
        return "-" if value is None else form.format(value)

    if run.pain_during == 0:
        began = "no pain"
    elif run.pain_onset_km is not None:
        began = f"{run.pain_onset_km:g} km"
    elif run.pain_onset_min is not None:
        began = f"{run.pain_onset_min:g} min"
    else:
        began = "-"
    return (f"{run.started_at:%Y-%m-%d}", f"{run.started_at:%H:%M}",
            known(run.distance_km, "{:.2f} km"), known(run.duration_s and _clock(run.duration_s)),
            known(run.elevation_gain_m, "{:.0f} m"), known(run.terrain),
            known(run.pain_during), began, known(run.pain_after), known(run.next_morning),
            run.source)


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
