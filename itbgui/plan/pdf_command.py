"""``itb-coach plan-pdf OUT.pdf [--week YYYY-MM-DD] [--data-dir DIR] [--page-size A4|Letter]``.

Writes the printable week with no window. Reads the stored plan set-up, sessions and
decisions read-only (it never changes the data file); with no plan set up it uses the
default plan and says so on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

PROG = "itb-coach plan-pdf"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Save one week of your ITB Coach plan as a one-page PDF.")
    parser.add_argument("out", type=Path, metavar="OUT.pdf", help="the PDF file to write")
    parser.add_argument("--week", type=_date, metavar="YYYY-MM-DD",
                        help="any day of the week to print (default: this week)")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="folder with your sessions (default: the platform's user data folder)")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4",
                        help="paper size (default: A4)")
    return parser.parse_args(argv)


def _read_store(data_dir: Path):
    """(plan set-up doc or None, sessions, decision docs); nothing is written."""
    from ..store.repository import DATA_FILE_NAME, SessionRepository

    if not (data_dir / DATA_FILE_NAME).exists():
        return None, [], []
    repo = SessionRepository(data_dir, read_only=True)
    try:
        return repo.plan_setup(), repo.sessions(), repo.decisions()
    finally:
        repo.close()


def run(argv: list[str]) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exc:   # --help, or a usage error already explained on stderr
        return exc.code if isinstance(exc.code, int) else 2
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"   # a command, not a window
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else PROG])  # noqa: F841

    from .. import resources_rc  # noqa: F401  (registers the exercise drawings)
    from ..data_dir import default_data_dir
    from ..program.plan_setup import stored_setup
    from ..program.progression import stored_decisions
    from ..store.repository import StoreError
    from ..program.week import build_week_sheet
    from .sheet import write_week_pdf

    today = dt.date.today()   # the command's edge: everything below takes it as an argument
    data_dir = (args.data_dir or default_data_dir()).expanduser()
    try:
        setup_doc, sessions, decision_docs = _read_store(data_dir)
    except StoreError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    setup, problem = stored_setup(setup_doc, today)
    if problem:
        print(f"{PROG}: {problem} in {data_dir}; printing the default plan "
              "(beginner, no running days, starting this week).", file=sys.stderr)
    decisions, problems = stored_decisions(decision_docs)
    for problem in problems:
        print(f"{PROG}: skipped {problem}.", file=sys.stderr)

    from ..settings import AppSettings  # the tempo and rests chosen in Settings, if any

    preferences = AppSettings(data_dir).session_preferences() if data_dir.is_dir() else None
    sheet = build_week_sheet(setup, sessions, decisions, args.week or today, today, preferences)
    out = args.out.expanduser()
    if out.parent and not out.parent.is_dir():
        print(f"{PROG}: the folder {out.parent} does not exist.", file=sys.stderr)
        return 1
    write_week_pdf(out, sheet, args.page_size)
    if not out.is_file() or out.stat().st_size == 0:
        print(f"{PROG}: could not write {out}.", file=sys.stderr)
        return 1
    print(f"Saved {sheet.week_label}, {sheet.monday:%d %B %Y}, to {out}")
    return 0
