"""The CSV export: its columns, its rows, and the history-csv command in a subprocess."""

import csv
import dataclasses
import io
import subprocess
import sys
from pathlib import Path

from itbgui.screens.history.csv_export import HEADER, csv_rows, write_csv, write_rows
from itbgui.store.repository import SessionRepository
from test_history_chart_data import known_history

ROOT = Path(__file__).resolve().parents[1]


def read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_lists_session_then_set_columns():
    assert HEADER == ("session_id", "date", "started_at", "ended_at", "duration_min", "completed",
                      "title", "week", "pain_before", "pain_during", "pain_after", "next_morning",
                      "red_flags", "note",
                      "exercise", "exercise_name", "side", "set", "target_reps", "done_reps",
                      "resistance", "step", "hold_seconds")


def test_one_row_per_set_with_the_session_repeated():
    history = known_history()
    out = io.StringIO()
    count = write_rows(reversed(history), out)
    rows = read(out.getvalue())
    assert count == len(rows) == sum(len(s.sets) for s in history)   # 10 + 4 + 4 + 4
    assert count == 22
    first = rows[0]                                    # oldest session first
    assert first == {
        "session_id": "s1", "date": "2026-11-02", "started_at": "2026-11-02T18:00:00+01:00",
        "ended_at": "2026-11-02T18:20:00+01:00", "duration_min": "20", "completed": "true",
        "title": "t", "week": "1", "pain_before": "4", "pain_during": "", "pain_after": "3",
        "next_morning": "", "red_flags": "",
        "note": "note s1", "exercise": "clamshell", "exercise_name": "Clamshells",
        "side": "left", "set": "1", "target_reps": "10", "done_reps": "10", "resistance": "",
        "step": "0", "hold_seconds": "0"}
    bridge = [r for r in rows if r["session_id"] == "s1" and r["exercise"] == "glute_bridge"]
    assert [r["side"] for r in bridge] == ["", ""]     # both legs at once
    assert {r["note"] for r in rows if r["session_id"] == "s3"} == {"note s3"}


def test_a_session_without_sets_keeps_one_row():
    record = dataclasses.replace(known_history()[0], sets=(), ended_at=None, pain_after=None)
    rows = list(csv_rows([record]))
    assert len(rows) == 2 and len(rows[1]) == len(HEADER)
    row = dict(zip(HEADER, rows[1]))
    assert (row["ended_at"], row["duration_min"], row["pain_after"], row["exercise"]) == ("", "", "", "")


def test_notes_with_commas_quotes_and_newlines_survive(tmp_path):
    record = dataclasses.replace(known_history()[1], note='tight, "very"\nnext line')
    path = tmp_path / "out.csv"
    write_csv([record], path)
    rows = read(path.read_text(encoding="utf-8"))
    assert rows[0]["note"] == 'tight, "very"\nnext line'
    assert not (tmp_path / "out.csv.tmp").exists()


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "itbgui", "history-csv", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "PYTHONPATH": str(ROOT), "HOME": str(cwd)})


def test_command_line_writes_the_file_without_a_window(tmp_path):
    data = tmp_path / "data"
    repo = SessionRepository(data)
    repo.save_sessions(known_history())
    repo.close()
    result = run_cli(tmp_path / "h.csv", "--data-dir", data, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "4 sessions, 22 rows" in result.stdout
    rows = read((tmp_path / "h.csv").read_text(encoding="utf-8"))
    assert [r["session_id"] for r in rows].count("s2") == 4
    assert sum(int(r["done_reps"]) for r in rows) == sum(s.total_reps for s in known_history())


def test_command_line_works_while_the_app_holds_the_folder(tmp_path):
    repo = SessionRepository(tmp_path / "data")   # the running app: holds the folder lock
    repo.save_sessions(known_history()[:1])
    try:
        result = run_cli("-", "--data-dir", tmp_path / "data", cwd=tmp_path)
    finally:
        repo.close()
    assert result.returncode == 0, result.stderr
    assert len(read(result.stdout)) == 10


def test_command_line_says_when_there_is_no_data(tmp_path):
    result = run_cli(tmp_path / "h.csv", "--data-dir", tmp_path / "empty", cwd=tmp_path)
    assert result.returncode == 1
    assert "no ITB Coach data" in result.stderr
    assert not (tmp_path / "empty").exists()      # nothing created by looking
    assert not (tmp_path / "h.csv").exists()


# ------------------------------------------------------------ spreadsheet safety (OWASP)
def test_formula_cells_are_escaped_and_a_bare_cr_cannot_split_a_row(tmp_path):
    from itbgui.screens.history.csv_export import escape_cell

    notes = ["=HYPERLINK(\"http://x\",\"click\")", "=1+1", "@SUM(A1)", "+1", "-1 felt odd",
             "\tx", "\rhidden", "a\rb", "fine, =1+1 later"]
    records = [dataclasses.replace(known_history()[0], id=f"n{i}", note=note, sets=())
               for i, note in enumerate(notes)]
    path = tmp_path / "out.csv"
    write_csv(records, path)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + len(notes)                       # no row was split
    got = {row[0]: row[HEADER.index("note")] for row in rows[1:]}
    for i, note in enumerate(notes):
        assert got[f"n{i}"] == escape_cell(note)
        assert not got[f"n{i}"].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert got["n7"] == "a\rb" and got["n8"] == "fine, =1+1 later"   # only the first char counts
    assert got["n0"] == "'" + notes[0]


def test_the_export_keeps_a_file_named_like_its_old_temporary_file(tmp_path):
    mine = tmp_path / "out.csv.tmp"
    mine.write_text("the person's own file")
    write_csv(known_history(), tmp_path / "out.csv")
    assert mine.read_text() == "the person's own file"


def test_command_line_says_why_a_write_failed_and_exits_non_zero(tmp_path):
    data = tmp_path / "data"
    with SessionRepository(data) as repo:
        repo.save_sessions(known_history())
    result = run_cli(tmp_path / "no-such-folder" / "h.csv", "--data-dir", data, cwd=tmp_path)
    assert result.returncode == 2 and "could not write" in result.stderr
    assert "Traceback" not in result.stderr


def test_command_line_names_a_data_file_that_is_not_a_plain_file(tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        return
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "itb-coach.json")
    result = run_cli(tmp_path / "h.csv", "--data-dir", data, cwd=tmp_path)
    assert result.returncode == 1 and "not a plain file" in result.stderr


def test_the_worst_pain_during_and_the_warning_signs_are_exported():
    record = dataclasses.replace(known_history()[0], pain_during=8,
                                 red_flags=(("hot_swollen", False), ("locking", True), ("numbness", True)))
    row = dict(zip(HEADER, list(csv_rows([record]))[1]))
    assert (row["pain_during"], row["red_flags"]) == ("8", "locking;numbness")
    calm = dataclasses.replace(record, red_flags=(("hot_swollen", False),))
    assert dict(zip(HEADER, list(csv_rows([calm]))[1]))["red_flags"] == "none"
