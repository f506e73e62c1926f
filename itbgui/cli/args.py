"""What every command reads alike: ``--data-dir``, a day, and a usage error's exit code.

Each command builds its own parser (one module per command); these keep the shared
options worded and checked the same way everywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
