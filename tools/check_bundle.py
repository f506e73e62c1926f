"""CI's check of the download: build it, unpack the archive, start it as a stranger would.

    .venv/bin/pip install -q -e ".[bundle]" && .venv/bin/python tools/check_bundle.py

The archive is unpacked into a fresh folder and every start runs under ``env -i`` with a
fresh HOME, offscreen, and a PATH without Python: whatever the bundle needs must be inside
it. Checks: ``--version`` names the archive's version, the window shows and exits 0
(``--exit-after-show``), ``week --json`` prints JSON, ``plan-pdf`` writes a PDF,
``history-csv`` writes its header, ``sound-worker voices`` answers with one JSON line (the
app's sound runs through it), the desktop entry installs with Exec at the bundle, and a
program the bundle starts does not inherit its library path.
Exit 0 when all pass; the failures are listed otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import build_bundle  # noqa: E402
from itbgui import APP_NAME, __version__  # noqa: E402

class Checker:
    def __init__(self, executable: Path, home: Path) -> None:
        self.executable = executable
        self.home = home
        self.failures: list[str] = []

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        # PATH: an empty folder, so not even a python3 in /usr/bin can be found
        env = ["env", "-i", f"HOME={self.home}", "QT_QPA_PLATFORM=offscreen",
               f"PATH={self.home / 'bin'}"]
        return subprocess.run([*env, str(self.executable), *args], capture_output=True,
                              text=True, timeout=timeout, cwd=self.home)

    def check(self, what: str, ok: bool, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail and not ok else ""))
        if not ok:
            self.failures.append(what)


def check(executable: Path, home: Path) -> list[str]:
    c = Checker(executable, home)
    r = c.run("--version")
    c.check("--version names the archive's version", r.stdout.strip() == f"{APP_NAME} {__version__}",
            r.stdout + r.stderr)

    t0 = time.perf_counter()
    r = c.run("--exit-after-show")
    c.check(f"the window shows and exits 0 ({time.perf_counter() - t0:.2f} s)",
            r.returncode == 0 and "ready after" in r.stdout, f"exit {r.returncode}\n{r.stderr[-2000:]}")

    r = c.run("week", "--json")
    try:
        week = json.loads(r.stdout)
        ok = r.returncode == 0 and len(week["days"]) == 7
    except (ValueError, KeyError, TypeError):
        ok = False
    c.check("week --json prints the week as JSON", ok, f"exit {r.returncode}\n{r.stdout[:500]}{r.stderr[-1000:]}")

    pdf = home / "week.pdf"
    r = c.run("plan-pdf", str(pdf))
    c.check("plan-pdf writes a PDF", r.returncode == 0 and pdf.is_file()
            and pdf.read_bytes().startswith(b"%PDF-"), f"exit {r.returncode}\n{r.stderr[-1000:]}")

    csv = home / "history.csv"
    r = c.run("history-csv", str(csv))
    c.check("history-csv writes a CSV", r.returncode == 0 and csv.is_file()
            and csv.read_text(encoding="utf-8").count(",") > 0, f"exit {r.returncode}\n{r.stderr[-1000:]}")

    r = c.run("sound-worker", "voices", timeout=60)
    try:
        answer = json.loads(r.stdout.splitlines()[0])
        ok = r.returncode == 0 and answer.get("ev") == "voices"
    except (ValueError, IndexError, AttributeError):
        ok = False
    c.check("sound-worker voices answers (the app's sound child)", ok,
            f"exit {r.returncode}\n{r.stdout[:300]}{r.stderr[-1000:]}")

    # The entry's install runs update-desktop-database: here a stand-in that notes what
    # library path a program the bundle starts inherits (none was set: it must see none).
    probe = home / "bin" / "update-desktop-database"
    probe.write_text('#!/bin/sh\necho "LD_LIBRARY_PATH=${LD_LIBRARY_PATH-unset}" > "$HOME/child-env.txt"\n')
    probe.chmod(0o755)
    r = c.run("--install-desktop-entry")
    noted = home / "child-env.txt"
    c.check("programs it starts get the desktop's libraries, not the bundle's",
            noted.is_file() and noted.read_text().strip() == "LD_LIBRARY_PATH=unset",
            noted.read_text() if noted.is_file() else "the stand-in never ran")
    desktop = home / ".local" / "share" / "applications" / "itb-coach.desktop"
    exec_line = f"Exec={executable}" if " " not in str(executable) else f'Exec="{executable}"'
    c.check("--install-desktop-entry points the menu at the bundle", r.returncode == 0
            and desktop.is_file() and exec_line in desktop.read_text(encoding="utf-8").splitlines(),
            f"exit {r.returncode}\n{r.stderr[-1000:]}")
    r = c.run("--uninstall-desktop-entry")
    c.check("--uninstall-desktop-entry takes it out", r.returncode == 0 and not desktop.exists(),
            f"exit {r.returncode}\n{r.stderr[-1000:]}")
    return c.failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="check this archive instead of building one")
    args = parser.parse_args(argv)

    archive = args.archive
    if archive is None:
        t0 = time.perf_counter()
        if build_bundle.main([]) != 0:
            return 1
        print(f"built in {time.perf_counter() - t0:.0f} s")
        archive = ROOT / "dist" / build_bundle.archive_name()
    expected = build_bundle.archive_name()
    if archive.name != expected:
        print(f"FAIL the archive is {archive.name}, not {expected}")
        return 1

    with tempfile.TemporaryDirectory(prefix="itb-bundle-") as tmp:
        place, home = Path(tmp) / "downloads", Path(tmp) / "home"
        place.mkdir()
        home.mkdir()
        (home / "bin").mkdir()
        with tarfile.open(archive) as tar:
            if hasattr(tarfile, "tar_filter"):     # Python >= 3.11.4: keep the links inside
                tar.extractall(place, filter="tar")
            else:
                tar.extractall(place)
        executable = place / f"itb-coach-{__version__}" / "itb-coach"
        failures = check(executable, home)
        shutil.rmtree(place, ignore_errors=True)
    if failures:
        print(f"{len(failures)} bundle checks failed")
        return 1
    print("the download works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
