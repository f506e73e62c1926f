"""CI's check of the download: build it, unpack the archive, start it as a stranger would.

    .venv/bin/pip install -q -e ".[bundle]" && .venv/bin/python tools/check_bundle.py

The archive is unpacked into a fresh folder and every start runs under ``env -i`` with a
fresh HOME, offscreen, and a PATH without Python: whatever the bundle needs must be inside
it. Checks: ``--version`` names the archive's version, the window shows and exits 0
(``--exit-after-show``), ``week --json`` prints JSON, ``plan-pdf`` writes a PDF,
``history-csv`` writes its header, ``runs-import`` reads a GPX, a FIT and a TCX file and ``runs
--json`` lists them, ``sound-worker voices`` answers with one JSON line (the
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

#: Runs as a phone (GPX), a watch (FIT, written by fit-tool) and a treadmill (TCX) save them.
TINY_GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="check" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
<trkpt lat="48.0" lon="11.0"><ele>500</ele><time>2026-11-04T06:15:00Z</time></trkpt>
<trkpt lat="48.001" lon="11.0"><ele>502</ele><time>2026-11-04T06:15:40Z</time></trkpt>
</trkseg></trk></gpx>
"""
TINY_TCX = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Running"><Id>2026-11-06T06:15:00Z</Id>
<Lap StartTime="2026-11-06T06:15:00Z"><DistanceMeters>400</DistanceMeters><Track>
<Trackpoint><Time>2026-11-06T06:15:00Z</Time><DistanceMeters>0</DistanceMeters></Trackpoint>
<Trackpoint><Time>2026-11-06T06:17:00Z</Time><DistanceMeters>400</DistanceMeters></Trackpoint>
</Track></Lap></Activity></Activities></TrainingCenterDatabase>
"""
TINY_FIT = (
    "0c23dc52a40000002e46495440000000000500010001028402028403048c04048600040100000001000000"
    "e4d24e45400000140005fd048600048501048502028405048600e4d24e4522222222287dd20788130000"
    "000000e9d24e45cb262222287dd2078d135604000000eed24e45742b2222287dd2079213ac0800004000"
    "00120007fd048602048605010007048608048609048616028400eed24e45e4d24e450110270000102700"
    "00a08601000500b296")


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

    runs = home / "runs"
    runs.mkdir()
    (runs / "morning.gpx").write_text(TINY_GPX, encoding="utf-8")
    (runs / "evening.fit").write_bytes(bytes.fromhex(TINY_FIT))
    (runs / "treadmill.tcx").write_text(TINY_TCX, encoding="utf-8")
    r = c.run("runs-import", str(runs))
    c.check("runs-import reads GPX, FIT and TCX files (gpxpy, fitdecode, tcxreader)",
            r.returncode == 0 and r.stdout.count(": imported 1 run") == 3, f"exit {r.returncode}\n{r.stdout}{r.stderr[-1000:]}")
    r = c.run("runs", "--json")
    try:
        ok = r.returncode == 0 and [d["source"] for d in json.loads(r.stdout)] == ["gpx", "fit", "tcx"]
    except (ValueError, KeyError, TypeError):
        ok = False
    c.check("runs --json lists them", ok, f"exit {r.returncode}\n{r.stdout[:500]}{r.stderr[-1000:]}")

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
