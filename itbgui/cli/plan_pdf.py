"""``itb-coach plan-pdf OUT.pdf [--week YYYY-MM-DD] [--data-dir DIR] [--page-size A4|Letter]``.

Writes the printable week with no window. Reads the stored plan set-up, sessions and
decisions read-only (it never changes the data file); with no plan set up it uses the
default plan and says so on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from itbgui.cli.args import add_data_dir, parse, plan_day

PROG = "itb-coach plan-pdf"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Save one week of your ITB Coach plan as a one-page PDF.")
    parser.add_argument("out", type=Path, metavar="OUT.pdf", help="the PDF file to write")
    parser.add_argument("--week", type=plan_day, metavar="YYYY-MM-DD",
                        help="any day of the week to print (default: this week)")
    add_data_dir(parser)
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4",
                        help="paper size (default: A4)")
    return parser.parse_args(argv)


def run(argv: list[str], clock=None) -> int:
    """``clock``: the app's clock (core.clock); the system's when not given."""
    args = parse(parse_args, argv)
    if isinstance(args, int):
        return args
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"   # a command, not a window
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else PROG])  # noqa: F841

    from itbgui.cli.data_dir import NO_DATA, stored_plan_for_command
    from itbgui.program.week import build_week_sheet
    from itbgui.screens.plan.sheet import save_pdf, write_week_pdf

    if clock is None:
        from itbgui.core.clock import SystemClock
        clock = SystemClock()
    today = clock.now().date()   # the command's edge: everything below takes it as an argument
    found = stored_plan_for_command(PROG, args.data_dir, today, doing="printing")
    if found is None:
        return NO_DATA
    data_dir, stored = found

    from itbgui.ui.settings import AppSettings  # the tempo and rests chosen in Settings, if any

    preferences = AppSettings(data_dir).session_preferences() if data_dir.is_dir() else None
    sheet = build_week_sheet(stored.setup, stored.sessions, stored.decisions, args.week or today, today,
                             preferences, stored.runs, stored.checks)
    out = args.out.expanduser()
    if out.parent and not out.parent.is_dir():
        print(f"{PROG}: the folder {out.parent} does not exist.", file=sys.stderr)
        return 1
    try:
        save_pdf(out, lambda tmp: write_week_pdf(tmp, sheet, args.page_size))
    except OSError as exc:
        print(f"{PROG}: could not write {out}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    print(f"Saved {sheet.week_label}, {sheet.monday:%d %B %Y}, to {out}")
    return 0
