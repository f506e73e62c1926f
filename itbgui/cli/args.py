"""What every command reads alike: ``--data-dir``, a day, and a usage error's exit code.

Each command builds its own parser (one module per command); these keep the shared
options worded and checked the same way everywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

DATA_DIR_HELP = "folder holding itb-coach.json (default: the platform's user data folder)"


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help=DATA_DIR_HELP)


def plan_day(text: str) -> dt.date:
    """A day given as YYYY-MM-DD, within the dates a plan can have."""
    from itbgui.program.plan_setup import FIRST_PLAN_DATE, LAST_PLAN_DATE

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None
    if not FIRST_PLAN_DATE <= day <= LAST_PLAN_DATE:
        raise argparse.ArgumentTypeError(f"{text} is outside the dates a plan can have "
                                         f"({FIRST_PLAN_DATE} to {LAST_PLAN_DATE})")
    return day


def parse(parse_args: Callable[[list[str]], argparse.Namespace], argv: list[str]) -> argparse.Namespace | int:
    """The command's arguments, or the exit code when argparse stopped: 0 after --help,
    2 after a usage error (already explained on stderr)."""
    try:
        return parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2


def write_out(prog: str, out: str, to_stream: Callable[[object], int], to_file: Callable[[Path], int]) -> int | None:
    """Write a command's CSV: ``-`` to standard output (``to_stream``), else the file
    (``to_file``, home folder expanded). The count written, or None once the reason it
    could not be written is on stderr (the command exits 2). A reader that stops early
    (``| head``) is left to the command line, which ends quietly."""
    try:
        return to_stream(sys.stdout) if out == "-" else to_file(Path(out).expanduser())
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"{prog}: could not write {out}: {exc.strerror or exc}", file=sys.stderr)
        return None
