"""The history as CSV: one row per set, with its session's columns repeated.

One flat table opens in any spreadsheet and needs no joins. A session with no sets
still gets one row (its set columns empty), so no session is lost in the export.
Pure Python, no Qt: the menu action and ``itb-coach history-csv`` both call
:func:`write_csv`.

Columns (``HEADER``), in order:
  session_id, date (YYYY-MM-DD, local), started_at and ended_at (ISO 8601 with offset),
  duration_min, completed (true/false), title, week, pain_before, pain_during (the worst
  during the session), pain_after (0-10), next_morning (better/same/worse), red_flags (the
  warning signs answered yes, ";"-separated; "none" when asked and all no), note; then per set: exercise (id), exercise_name,
  side (left/right, empty when both legs work together), set (1-based), target_reps,
  done_reps, resistance (rung name), step (rung index, 0 = easiest), hold_seconds.
Empty cells mean "not recorded".

Spreadsheet safety (OWASP, CSV injection): a spreadsheet runs a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula, so a text cell that
starts with one of them (or with a line feed or NUL) gets a leading ``'``, which the
spreadsheet shows as text. Rows end in CRLF (RFC 4180), so a cell holding a comma, a
quote, a line feed or a bare carriage return is quoted (quotes inside doubled) and can
never split a row.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from itbgui.program.exercises import name_of
from itbgui.program.sessions import session_day
from itbgui.store.records import SessionRecord

HEADER = ("session_id", "date", "started_at", "ended_at", "duration_min", "completed",
          "title", "week", "pain_before", "pain_during", "pain_after", "next_morning", "red_flags", "note",
          "exercise", "exercise_name", "side", "set", "target_reps", "done_reps",
          "resistance", "step", "hold_seconds")



#: First characters a spreadsheet takes as the start of a formula (OWASP's list, plus LF/NUL).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def escape_cell(text: str) -> str:
    """Text a spreadsheet shows as it is, never runs (see the module docstring)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return escape_cell(value)
    return str(value)


def session_columns(record: SessionRecord) -> list[str]:
    return [_cell(v) for v in (
        record.id, session_day(record).isoformat(),
        record.started_at.isoformat(timespec="seconds"),
        record.ended_at.isoformat(timespec="seconds") if record.ended_at else None,
        round(record.duration_seconds / 60, 1) if record.ended_at else None,
        record.completed, record.title, record.week, record.pain_before, record.pain_during,
        record.pain_after, record.next_morning, red_flag_cell(record.red_flags), record.note)]


def red_flag_cell(answers) -> str | None:
    """The warning signs answered yes, or "none" when they were asked and all were no;
    empty when not asked (pain stayed below the threshold)."""
    if not answers:
        return None
    return ";".join(k for k, yes in answers if yes) or "none"


def csv_rows(sessions: Iterable[SessionRecord]) -> Iterator[list[str]]:
    """The header, then the rows, oldest session first, sets in the order done."""
    yield list(HEADER)
    for record in sorted(sessions, key=lambda r: r.started_at):
        head = session_columns(record)
        if not record.sets:
            yield head + [""] * (len(HEADER) - len(head))
        for s in record.sets:
            yield head + [_cell(v) for v in (
                s.exercise_id, name_of(s.exercise_id), s.side, s.set_number,
                s.target_reps, s.done_reps, s.resistance, s.step_index, s.hold_seconds)]


def write_rows(sessions: Iterable[SessionRecord], out: TextIO) -> int:
    """Write the CSV to an open text stream; returns the number of data rows."""
    # CRLF rows (RFC 4180): a cell holding a bare CR or LF is then always quoted.
    writer = csv.writer(out, lineterminator="\r\n")
    count = -1
    for row in csv_rows(sessions):
        writer.writerow(row)
        count += 1
    return count


def write_csv(sessions: Iterable[SessionRecord], path: Path) -> int:
    """Write the CSV file (UTF-8) in one go: a temporary file replaces the target only
    when complete. Returns the number of data rows."""
    buffer = io.StringIO()
    count = write_rows(sessions, buffer)
    replace_file(Path(path), buffer.getvalue())
    return count


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file that replaces ``path`` only when complete."""
    if os.path.islink(path):  # write where the link points, keep the link
        path = Path(os.path.realpath(path))
    # A temporary name nobody has (a fixed 'OUT.csv.tmp' could be the person's own file).
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the export from other tools
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
