"""``itb-coach week [--week YYYY-MM-DD] [--json] [--data-dir DIR]``.

Prints the week the printed sheet shows, as text or JSON (shape in the README). Reads the
data file read-only without taking the folder lock, so it works while the app is open;
needs no display and starts no Qt application.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from itbgui.cli.args import add_data_dir, parse, plan_day
from itbgui.program.run_days import run_done_words

PROG = "itb-coach week"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="Print one week of your ITB Coach plan.")
    parser.add_argument("--week", type=plan_day, metavar="YYYY-MM-DD",
                        help="any day of the week (default: this week)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_data_dir(parser)
    return parser.parse_args(argv)


def as_text(week) -> str:
    from itbgui.program.plan import week_title

    title = week_title(week.week, week.phase == "maintenance", week.phase)
    lines = [f"{title}: {week.monday:%d %B %Y} to {week.monday + dt.timedelta(days=6):%d %B %Y}"]
    if week.decision is not None:
        from itbgui.program.clinical_state import WARNING_SIGNS, phase_words

        action = {"progress": "progress", "hold": "hold", "step_back": "step back"}[
            week.decision.effective_action]
        lines.append(f"This week: {action}. {week.decision.stated_reason}")
        lines.append(f"Where you stand: {phase_words(week.decision.phase)}.")
        if week.decision.see_clinician:
            lines.append(f"See a clinician: {' '.join(week.decision.clinician_reasons)}")
            lines.append(f"Go the same day with any of these: {WARNING_SIGNS}.")
    for day in week.days:
        what = {"session": "session", "run": "run", "rest": "rest"}[day.kind]
        done = '' if not day.done or day.kind == "run" else ' (done)' if day.status == 'complete' \
            else ' (ended early)'   # a run day lists its runs below
        if day.status == "missed":
            done = " (missed: not done on the day)"
        lines.append(f"{WEEKDAYS[day.date.weekday()]} {day.date:%d %b}: {what}{done}")
        lines.extend(_exercise_lines(day.exercises))
        if day.run is not None:
            lines.extend(_run_lines(day.run))
        else:
            lines.extend(f"    Ran: {run_done_words(r)}" for r in day.runs_done)
    for extra in week.extra:   # sessions that ticked off no planned day: shown, not lost
        what = {"complete": "extra session", "partial": "partial session (under half the reps)"}.get(
            extra.status, "extra session, ended early")
        lines.append(f"{WEEKDAYS[extra.date.weekday()]} {extra.date:%d %b}: {what}")
        lines.extend(_exercise_lines(extra.exercises))
    return "\n".join(lines)


def _run_lines(run_day) -> list[str]:
    """The run day's prescription, then each run logged that day."""
    lines = [f"    {run_day.words[0].upper()}{run_day.words[1:]}"]
    lines.extend(f"    Done: {run_done_words(r)}" for r in run_day.runs_done)
    return lines


def _exercise_lines(exercises) -> list[str]:
    """Names and doses as the Plan page and the PDF word them."""
    return [f"    {e.name}: {e.dose}, {e.resistance}" for e in exercises]


def run(argv: list[str], clock=None) -> int:
    """``clock``: the app's clock (core.clock); the system's when not given."""
    args = parse(parse_args, argv)
    if isinstance(args, int):
        return args
    from itbgui.cli.data_dir import NO_DATA, stored_plan_for_command
    from itbgui.program.week import week_data

    if clock is None:
        from itbgui.core.clock import SystemClock
        clock = SystemClock()
    today = clock.now().date()   # the command's edge: everything below takes it as an argument
    found = stored_plan_for_command(PROG, args.data_dir, today, doing="showing")
    if found is None:
        return NO_DATA
    _folder, stored = found
    week = week_data(stored.setup, stored.sessions, stored.decisions, args.week or today, today,
                     stored.runs, stored.checks)
    print(json.dumps(week.to_json(), indent=2) if args.json else as_text(week))
    return 0
