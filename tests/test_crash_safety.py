"""A short run of benchmarks/crash_test.py: saves killed mid-write lose nothing acknowledged."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the crash test forks")
@pytest.mark.parametrize("where", ["linked", "plain"])
def test_sigkill_during_saves_loses_no_acknowledged_session(tmp_path, where):
    """Linked: the file is in a synced folder (a new file each save); plain: each save
    writes over the previous version's file (storage.write_recycling)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "crash_test.py"), "--kills", "25",
         "--history", "40", "--seed", "7", "--json", "--data-dir", str(tmp_path / "data"),
         *(["--plain-file"] if where == "plain" else [])],
        capture_output=True, text=True, timeout=300)
    totals = json.loads(result.stdout)
    assert totals["kills"] == 25
    assert totals["saves_acknowledged"] > 25          # the kills did land mid-stream
    assert totals["sessions_lost"] == 0
    assert totals["files_unreadable"] == 0
    assert result.returncode == 0
