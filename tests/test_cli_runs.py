"""``itb-coach runs-import`` and ``itb-coach runs``: files into the log through the store,
one line per file and the exit code, and the log out as a table, JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from itbgui.cli import main
from itbgui.screens.history.run_csv import RUN_HEADER
from itbgui.store.repository import SessionRepository
from itbgui.store.run_json import RUN_JSON_KEYS
from itbgui.store.run_records import RunRecord
from run_files import T0, fit_bytes, gpx_text, tcx_text, write

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data(tmp_path) -> Path:
    SessionRepository(tmp_path / "data").close()
    return tmp_path / "data"


def stored(folder: Path) -> list[RunRecord]:
    with SessionRepository(folder, read_only=True) as repo:
        return repo.runs()


def three_files(folder: Path) -> list[Path]:
    return [write(folder / "a.gpx", gpx_text(20)),
            write(folder / "b.fit", fit_bytes(20, start=T0 + dt.timedelta(days=2))),
            write(folder / "c.tcx", tcx_text(20, start=T0 + dt.timedelta(days=4)))]


def test_import_prints_a_line_a_file_and_stores_the_runs(tmp_path, data, capsys):
    files = three_files(tmp_path / "in")
    assert main(["runs-import", str(tmp_path / "in"), "--data-dir", str(data)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert err == "" and len(lines) == 3
    assert all(line.startswith(f"{path}: imported 1 run: ") for line, path in zip(lines, files))
    assert [r.source for r in stored(data)] == ["gpx", "fit", "tcx"]


def test_importing_the_same_files_again_stores_each_run_once(tmp_path, data, capsys):
    files = three_files(tmp_path / "in")
    main(["runs-import", *map(str, files), "--data-dir", str(data)])
    before = stored(data)
    capsys.readouterr()
    assert main(["runs-import", *map(str, files), "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert [line.split(": ")[1] for line in out.splitlines()] == ["skipped"] * 3
    assert stored(data) == before


def test_an_unreadable_file_is_named_with_why_and_the_rest_imported(tmp_path, data, capsys):
    good = write(tmp_path / "good.gpx", gpx_text(20))
    bad = write(tmp_path / "bad.fit", fit_bytes(20, start=T0 + dt.timedelta(days=1))[:100])
    assert main(["runs-import", str(bad), str(good), "--data-dir", str(data)]) == 1
    out, err = capsys.readouterr()
    assert err == f"itb-coach runs-import: {bad}: not imported: it is damaged: it is cut short\n"
    assert out.startswith(f"{good}: imported 1 run")
    assert [r.started_at for r in stored(data)] == [T0]


def test_import_into_a_folder_without_data_stores_nothing(tmp_path, capsys):
    path = write(tmp_path / "a.gpx", gpx_text(10))
    assert main(["runs-import", str(path), "--data-dir", str(tmp_path / "nowhere")]) == 1
    assert "no ITB Coach data" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_import_needs_a_file(capsys):
    assert main(["runs-import"]) == 2
    assert "FILE" in capsys.readouterr().err


def test_import_while_the_app_has_the_folder_says_to_use_the_app(tmp_path, data):
    path = write(tmp_path / "a.gpx", gpx_text(10))
    with SessionRepository(data):   # the app's copy, holding the folder's lock
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "runs-import", str(path),
                                 "--data-dir", str(data)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert "File > Import runs" in result.stderr and "nothing imported" in result.stderr
    assert stored(data) == []


def logged(data: Path) -> list[RunRecord]:
    runs = [RunRecord(id="r2", started_at=T0 + dt.timedelta(days=3), distance_km=5.0,
                      duration_s=1830, terrain="hilly", pain_during=4, pain_onset_km=3.5,
                      pain_after=2, next_morning="worse", note="=SUM(A1) knee"),
            RunRecord(id="r1", started_at=T0, source="gpx", distance_km=3.25, duration_s=1200,
                      elevation_gain_m=12.5, pain_during=0, pain_after=0)]
    with SessionRepository(data) as repo:
        repo.save_runs(runs)
    return sorted(runs, key=lambda r: r.started_at)


def test_runs_json_is_the_issue_shape_oldest_first_with_null_where_unknown(data, capsys):
    first, second = logged(data)
    assert main(["runs", "--json", "--data-dir", str(data)]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [list(d) for d in docs] == [list(RUN_JSON_KEYS)] * 2
    assert list(RUN_JSON_KEYS) == ["id", "started_at", "distance_km", "duration_s",
                                   "elevation_gain_m", "terrain", "source", "pain_during",
                                   "pain_onset_km", "pain_after", "next_morning", "note"]
    assert docs[0] == {"id": "r1", "started_at": first.started_at.isoformat(), "distance_km": 3.25,
                       "duration_s": 1200, "elevation_gain_m": 12.5, "terrain": None,
                       "source": "gpx", "pain_during": 0, "pain_onset_km": None, "pain_after": 0,
                       "next_morning": None, "note": ""}
    assert (docs[1]["id"], docs[1]["elevation_gain_m"], docs[1]["pain_onset_km"],
            docs[1]["next_morning"], docs[1]["source"]) == ("r2", None, 3.5, "worse", "manual")


def test_runs_prints_a_table_a_run_a_line(data, capsys):
    logged(data)
    assert main(["runs", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Date", "Start", "Distance", "Time", "Climb", "Terrain", "Pain",
                                "Began", "at", "After", "Morning", "From"]
    assert lines[1].split() == ["2026-11-04", T0.astimezone().strftime("%H:%M"), "3.25", "km",
                                "0:20:00", "12", "m", "-", "0", "no", "pain", "0", "-", "gpx"]
    assert lines[2].split()[2:] == ["5.00", "km", "0:30:30", "-", "hilly", "4", "3.5", "km",
                                    "2", "worse", "manual"]
    assert lines[-1].endswith(": =SUM(A1) knee")


def test_runs_with_none_logged_says_how_to_log_one(data, capsys):
    assert main(["runs", "--data-dir", str(data)]) == 0
    assert "No runs logged yet" in capsys.readouterr().out
    assert main(["runs", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_runs_csv_writes_a_row_a_run_safe_for_spreadsheets(tmp_path, data, capsys):
    logged(data)
    out = tmp_path / "runs.csv"
    assert main(["runs", "--csv", str(out), "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out == f"2 runs written to {out}\n"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == RUN_HEADER
    assert [r["run_id"] for r in rows] == ["r1", "r2"]
    assert rows[1]["note"] == "'=SUM(A1) knee" and rows[1]["pain_onset_km"] == "3.5"
    assert rows[1]["duration_min"] == "30.5" and rows[0]["terrain"] == ""
    assert main(["runs", "--csv", "-", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.replace("\r\n", "\n") == out.read_text().replace("\r\n", "\n")


def test_runs_json_and_csv_are_one_or_the_other(data, capsys):
    assert main(["runs", "--json", "--csv", "-", "--data-dir", str(data)]) == 2
    assert "not allowed" in capsys.readouterr().err


def itb(tmp_path: Path, *args, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """The command as a shell runs it, with a home of its own (a brand-new user's)."""
    from test_cli_commands import env_for

    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=60, cwd=tmp_path,
                          env=env_for(tmp_path, QT_QPA_PLATFORM="offscreen"))


def test_a_reader_that_stops_early_ends_runs_quietly(tmp_path, data):
    logged(data)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = itb(tmp_path, "runs", "--json", "--data-dir", data, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


def test_a_brand_new_user_lists_no_runs_and_imports_into_the_default_folder(tmp_path):
    (tmp_path / "home").mkdir()
    listed = itb(tmp_path, "runs", "--json")
    assert (listed.returncode, json.loads(listed.stdout)) == (0, [])
    assert not (tmp_path / "home" / "data").exists()      # reading creates nothing
    path = write(tmp_path / "a.gpx", gpx_text(10))
    imported = itb(tmp_path, "runs-import", path)
    assert imported.returncode == 0, imported.stderr
    assert stored(tmp_path / "home" / "data" / "itb-coach")[0].started_at == T0


@pytest.mark.parametrize("command", [["runs"], ["runs-import", "a.gpx"]])
def test_a_data_folder_that_is_a_file_says_so(tmp_path, command):
    (tmp_path / "notes.txt").write_text("not a folder")
    result = itb(tmp_path, *command, "--data-dir", tmp_path / "notes.txt")
    assert result.returncode == 1 and result.stdout == ""
    assert f"{tmp_path / 'notes.txt'} is a file, not a folder" in result.stderr
