"""``itb-coach history-csv OUT.csv [--data-dir DIR]``: every logged set as CSV, no window.

Opens the data file read-only, so it works while the app is running and never changes
the file. ``-`` as OUT writes to standard output. Exit codes: 0 written, 1 no ITB Coach
data in the folder given (:func:`~itbgui.cli.data_dir.command_data_dir`) or it cannot be
read, 2 the CSV could not be written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from itbgui.cli.args import add_data_dir, parse

PROG = "itb-coach history-csv"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Write every logged set to a CSV file, one row per set with its "
                    "session's date, pain scores and note repeated.")
    parser.add_argument("out", metavar="OUT.csv", help="file to write ('-' for standard output)")
    add_data_dir(parser)
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    args = parse(parse_args, argv)
    if isinstance(args, int):
        return args
    from itbgui.cli.data_dir import NO_DATA, command_data_dir
    from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
    from itbgui.screens.history.csv_export import write_csv, write_rows

    data_dir = command_data_dir(PROG, args.data_dir)
    if data_dir is None:
        return NO_DATA
    sessions, problem = [], ""
    if os.path.lexists(data_dir / DATA_FILE_NAME):   # else a new user: no sessions yet
        try:
            repo = SessionRepository(data_dir, read_only=True)
        except StoreError as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
            return NO_DATA
        try:
            sessions = repo.sessions()
            problem = repo.report.summary()
        finally:
            repo.close()
    if problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
    try:
        if args.out == "-":
            rows = write_rows(sessions, sys.stdout)
        else:
            rows = write_csv(sessions, Path(args.out).expanduser())
    except BrokenPipeError:
        raise   # the reader stopped early (``| head``): the command line ends quietly
    except OSError as exc:
        print(f"{PROG}: could not write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.out != "-":
        print(f"{len(sessions)} sessions, {rows} rows written to {args.out}")
    return 0
