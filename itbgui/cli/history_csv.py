"""``itb-coach history-csv OUT.csv [--data-dir DIR]``: every logged set as CSV, no window.

Opens the data file read-only, so it works while the app is running and never changes
the file. ``-`` as OUT writes to standard output. Exit codes: 0 written, 1 no ITB Coach
data in the folder given (:func:`~itbgui.cli.data_dir.command_data_dir`) or it cannot be
read, 2 the CSV could not be written.
"""

from __future__ import annotations

import argparse

from itbgui.cli.args import add_data_dir, parse, write_out

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
    from itbgui.cli.data_dir import NO_DATA, command_data_dir, read_for_listing
    from itbgui.screens.history.csv_export import write_csv, write_rows

    data_dir = command_data_dir(PROG, args.data_dir)
    if data_dir is None:
        return NO_DATA
    sessions = read_for_listing(PROG, data_dir, lambda repo: repo.sessions(), [])
    if sessions is None:
        return NO_DATA
    rows = write_out(PROG, args.out, lambda stream: write_rows(sessions, stream),
                     lambda path: write_csv(sessions, path))
    if rows is None:
        return 2
    if args.out != "-":
        print(f"{len(sessions)} sessions, {rows} rows written to {args.out}")
    return 0
