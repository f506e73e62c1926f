"""``itb-coach runs-import FILE... [--data-dir DIR]``: runs from GPX, TCX or FIT files into
the log, no window.

A folder stands for the .gpx, .tcx and .fit files directly in it. One line per file: what
was imported, or skipped as already in the log (a run starting within a minute of a
logged one), on standard output; a file that could not be read, and why, on standard
error, with nothing of it stored. The runs read go to the store in one write, with the
folder's lock taken as the app takes it (so not while the app has the folder open: use
its File > Import runs there). Exit codes: 0 every file read (imported or skipped), 1 a
file could not be read (the others are imported) or the data folder cannot be used or
written, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itbgui.cli.args import add_data_dir, parse

PROG = "itb-coach runs-import"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Import runs from GPX, TCX or FIT files (a folder: the files "
                               "in it) into your run log. Runs already logged are skipped.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="a .gpx, .tcx or .fit file, or a folder of them")
    add_data_dir(parser)
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    args = parse(parse_args, argv)
    if isinstance(args, int):
        return args
    from itbgui.cli.data_dir import NO_DATA, command_data_dir
    from itbgui.importers.batch import PROBLEM, import_files
    from itbgui.store.repository import SessionRepository, StoreError

    data_dir = command_data_dir(PROG, args.data_dir)
    if data_dir is None:
        return NO_DATA
    try:
        repo = SessionRepository(data_dir)
    except StoreError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return NO_DATA
    try:
        if repo.read_only:
            why = repo.report.summary() or f"the data file {repo.path} is open read-only"
            if repo.report.locked_by:
                why = (f"ITB Coach is open on {data_dir} ({repo.report.locked_by}): import "
                       "with File > Import runs there, or close it first")
            print(f"{PROG}: nothing imported: {why}", file=sys.stderr)
            return NO_DATA
        notice = repo.report.summary()
        if notice:
            print(f"{PROG}: {notice}", file=sys.stderr)
        result = import_files(args.files, repo.runs())
        if result.runs:
            try:
                repo.save_runs(result.runs)
            except StoreError as exc:
                print(f"{PROG}: nothing imported: {exc}", file=sys.stderr)
                return NO_DATA
    finally:
        repo.close()
    for outcome in result.files:
        if outcome.status == PROBLEM:
            sys.stdout.flush()   # the lines stay in the files' order on a terminal
            print(f"{PROG}: {outcome.line}", file=sys.stderr)
        else:
            print(outcome.line)
    return 1 if result.problems else 0
