"""The command line, run as a person would: the installed ``itb-coach`` and ``python main.py``."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from itbgui import __version__

ROOT = Path(__file__).resolve().parents[1]


def installed_command() -> list[str]:
    exe = Path(sys.executable).parent / "itb-coach"
    found = str(exe) if exe.exists() else shutil.which("itb-coach")
    if not found:
        pytest.skip("itb-coach is not installed (pip install -e .)")
    return [found]


def run(cmd, **kw):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT, **kw)


@pytest.mark.parametrize("launcher", ["installed", "main.py"])
def test_version(launcher):
    cmd = installed_command() if launcher == "installed" else [sys.executable, "main.py"]
    result = run(cmd + ["--version"])
    assert result.returncode == 0
    assert result.stdout.strip() == f"ITB Coach {__version__}"


@pytest.mark.parametrize("launcher", ["installed", "main.py"])
def test_starts_on_an_empty_data_folder_and_quits_cleanly(tmp_path, launcher):
    cmd = installed_command() if launcher == "installed" else [sys.executable, "main.py"]
    result = run(cmd + ["--data-dir", str(tmp_path / "data"), "--exit-after-show"])
    assert result.returncode == 0, result.stderr
    assert "shown after" in result.stdout
    assert (tmp_path / "data" / "itb-coach.json").is_file()


def test_a_damaged_data_file_is_reported_set_aside_and_the_app_starts(tmp_path):
    (tmp_path / "itb-coach.json").write_text("{not json", encoding="utf-8")
    result = run([sys.executable, "main.py", "--data-dir", str(tmp_path), "--exit-after-show"])
    assert result.returncode == 0, result.stderr
    assert "not valid JSON" in result.stderr and "was not deleted" in result.stderr
    [aside] = tmp_path.glob("itb-coach.damaged-*.json")
    assert aside.read_text(encoding="utf-8") == "{not json"
    assert json.loads((tmp_path / "itb-coach.json").read_text(encoding="utf-8"))["sessions"] == {}


def test_a_second_copy_on_the_same_folder_says_so_and_does_not_start(tmp_path):
    from itbgui.store.repository import SessionRepository

    with SessionRepository(tmp_path):
        result = run([sys.executable, "main.py", "--data-dir", str(tmp_path), "--exit-after-show"])
    assert result.returncode == 3
    assert "already open on this data folder" in result.stderr
    assert f"process {os.getpid()}" in result.stderr


def test_an_unusable_data_folder_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = run([sys.executable, "main.py", "--data-dir", str(tmp_path / "file"), "--exit-after-show"])
    assert result.returncode == 2
    assert "cannot be used" in result.stderr


def test_help_names_the_options():
    result = run([sys.executable, "main.py", "--help"])
    assert "--data-dir" in result.stdout and "--version" in result.stdout
    assert "--exit-after-show" not in result.stdout


def test_default_data_folder_is_the_platform_user_data_location(qapp):
    from itbgui.cli import default_data_dir

    path = default_data_dir()
    assert path.name == "itb-coach"
    assert path.is_absolute()


def test_the_readme_calls_the_command_where_its_own_install_puts_it():
    """The README installs into .venv, which is not on the PATH: a bare ``itb-coach`` in an
    example is "command not found" for whoever follows it. The download is called where
    its unpacked folder puts it."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    spans = [s for s in re.findall(r"`([^`\n]+)`", readme) if " --" in s]   # commands, not names
    calls = [line for text in blocks + spans for line in text.splitlines()
             if re.search(r"(^|[\s;&|])(\S*/)?itb-coach(\s|$)", line)]
    assert calls
    for line in calls:
        for word in re.findall(r"(\S*itb-coach)(?=\s|$)", line):
            assert word == ".venv/bin/itb-coach" or re.fullmatch(
                r"\./itb-coach-\d+\.\d+\.\d+/itb-coach", word), line
