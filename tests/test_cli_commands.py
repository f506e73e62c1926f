"""The windowless commands and the app's start, as a shell runs them: a reader that stops
early, a data folder that is mistyped or is a file, and a start with no display."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from itbgui.program.plan_setup import PlanSetup, monday_of
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def env_for(tmp_path: Path, **extra) -> dict:
    """No display, and a home of its own: the default data folder is a brand-new user's."""
    env = {k: v for k, v in os.environ.items() if k not in HEADLESS and not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"), **extra)
    return env


def itb(tmp_path, *args, stdout=subprocess.PIPE, **extra_env):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=60, cwd=tmp_path,
                          env=env_for(tmp_path, **extra_env))


def stored_folder(path: Path) -> Path:
    with SessionRepository(path) as repo:
        repo.save_plan_setup(PlanSetup("intermediate", frozenset({1, 3}), monday_of(dt.date.today()),
                                       "left", ("yellow",), (2.0,)).to_doc())
    return path


COMMANDS = {"week": ["week"], "plan-pdf": ["plan-pdf", "out.pdf"], "history-csv": ["history-csv", "-"]}


@pytest.mark.parametrize("command", ["week", "week --json", "history-csv -"])
def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path, command):
    """``itb-coach week | head -1``: the pipe's reader has gone before the output is written."""
    data = stored_folder(tmp_path / "data")
    read_end, write_end = os.pipe()
    os.close(read_end)                      # the reader is gone: every write is EPIPE
    try:
        result = itb(tmp_path, *command.split(), "--data-dir", data, stdout=write_end,
                     QT_QPA_PLATFORM="offscreen")
    finally:
        os.close(write_end)
    assert result.stderr == ""              # no traceback, no "Broken pipe"
    assert result.returncode == 141         # as a tool ended by SIGPIPE: 128 + 13


@pytest.mark.parametrize("name", COMMANDS)
def test_a_mistyped_data_folder_is_no_data_not_a_default_plan(tmp_path, name):
    stored_folder(tmp_path / "data")
    result = itb(tmp_path, *COMMANDS[name], "--data-dir", tmp_path / "dta")
    assert result.returncode == 1
    assert result.stdout == "" and not (tmp_path / "out.pdf").exists()
    assert f"no ITB Coach data in {tmp_path / 'dta'}" in result.stderr
    assert "no such folder" in result.stderr
    assert not (tmp_path / "dta").exists()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_folder_without_a_data_file_is_no_data(tmp_path, name):
    (tmp_path / "photos").mkdir()
    result = itb(tmp_path, *COMMANDS[name], "--data-dir", tmp_path / "photos")
    assert result.returncode == 1 and result.stdout == ""
    assert f"no ITB Coach data in {tmp_path / 'photos'}" in result.stderr
    assert "start the app once, or check the folder" in result.stderr
    assert list((tmp_path / "photos").iterdir()) == []


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("where", ["itself", "a folder above"])
def test_a_data_folder_that_is_a_file_says_so(tmp_path, name, where):
    (tmp_path / "notes.txt").write_text("not a folder")
    given = tmp_path / "notes.txt" if where == "itself" else tmp_path / "notes.txt" / "data"
    result = itb(tmp_path, *COMMANDS[name], "--data-dir", given)
    assert result.returncode == 1 and result.stdout == ""
    assert f"{tmp_path / 'notes.txt'} is a file, not a folder" in result.stderr
    assert "File exists" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("named", [False, True])
def test_a_brand_new_user_gets_the_default_plan_from_the_default_folder(tmp_path, name, named):
    """Nothing saved yet in the platform's own folder, named or not: the app's first day."""
    (tmp_path / "home").mkdir()
    given = ["--data-dir", tmp_path / "home" / "data" / "itb-coach"] if named else []
    result = itb(tmp_path, *COMMANDS[name], *given)
    assert result.returncode == 0, result.stderr
    if name == "history-csv":
        assert result.stdout.startswith("session_id,") and len(result.stdout.splitlines()) == 1
    else:
        assert "no plan set up yet" in result.stderr
    assert not (tmp_path / "home" / "data").exists()      # reading creates nothing


def test_the_app_says_a_data_folder_that_is_a_file_is_one(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    result = itb(tmp_path, "--data-dir", tmp_path / "notes.txt", "--exit-after-show",
                 QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 2
    assert f"{tmp_path / 'notes.txt'} is a file, not a folder" in result.stderr
    assert "File exists" not in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "not a folder"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland: Linux only")
def test_a_start_with_no_display_says_what_is_needed(tmp_path):
    result = itb(tmp_path, "--data-dir", tmp_path / "data")
    assert result.returncode == 1
    assert "ITB Coach needs a display" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr and "week" in result.stderr
    assert "could not connect" not in result.stderr and "Aborted" not in result.stderr
    assert not (tmp_path / "data").exists()     # refused before anything was touched
