"""Cold start: process start to Today filled in, against a bare PySide6 window shown.

All are started the same way, in turn, several times; the bare window prints a line once
it is shown, ITB Coach once Today shows the real session ("ready": not a placeholder), and
the parent notes when each line arrives. Both are timed at the event loop's first turn
after ``show()``, with the window's content set and its first paint not waited for. ITB Coach is started twice: on an empty data
folder (a first start) and on ten years of synthetic history (about 1,500 sessions, 8 MB,
benchmarks/synthetic_history.py). Targets, the headline: Today filled at most 1.5x the bare
window when empty, at most 2.0x with ten years. The window's first frame ("shown") is
reported beside. A start after the first draws Today from the card the last close kept
for the days ahead (app/today_cards.py), or else from the start snapshot
(program/start_state.py); the warm-up run writes both, as the person's last close did.

    python benchmarks/cold_start.py [--runs 9] [--years 10]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1280, 720); w.show()
def done():
    print("shown", flush=True); w.close()
QTimer.singleShot(0, done)
app.exec()
"""


READY: dict[str, list[float]] = {}


def time_to_shown(cmd: list[str], env: dict) -> float:
    """Seconds to the "shown" line; the "ready" line's time, if any, goes to READY."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=ROOT)
    elapsed = None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - t0
        elif line.startswith("ready"):
            READY.setdefault(cmd[-2], []).append(time.perf_counter() - t0)
    if elapsed is None:
        raise RuntimeError(f"{cmd} never showed its window (exit {proc.wait()})")
    proc.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=float, default=10)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = tempfile.mkdtemp(prefix="itb-bench-")
    history = tempfile.mkdtemp(prefix="itb-bench-history-")
    import synthetic_history

    sessions = synthetic_history.generate(Path(history), years=args.years, seed=1)
    size = (Path(history) / "itb-coach.json").stat().st_size
    # An installed app has its bytecode compiled (pip does it); so must a checkout
    # measured here, even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(ROOT / "itbgui", quiet=1)
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", data, "--exit-after-show"]
    full_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", history, "--exit-after-show"]
    # one warm-up of each so all read their files from the page cache (and the history
    # folder takes its daily backup, as a first start of the day would)
    bare, app, full = [], [], []
    try:
        for cmd in (bare_cmd, app_cmd, full_cmd):
            time_to_shown(cmd, env)
        for _ in range(args.runs):
            bare.append(time_to_shown(bare_cmd, env))
            app.append(time_to_shown(app_cmd, env))
            full.append(time_to_shown(full_cmd, env))
    finally:
        for folder in (data, history):
            shutil.rmtree(folder, ignore_errors=True)

    def filled(folder: str) -> float:
        times = READY.get(folder, [])[1:]   # the warm-up's left out
        if len(times) != args.runs:
            raise RuntimeError("ITB Coach did not say when Today was filled in")
        return statistics.median(times)

    b = statistics.median(bare)
    a, f = filled(data), filled(history)
    # Each round starts the three back to back: the ratio within a round shares its moment's
    # load, so its median is steadier on a shared machine than the ratio of medians.
    rounds_a = [x / y for x, y in zip(READY[data][1:], bare)]
    rounds_f = [x / y for x, y in zip(READY[history][1:], bare)]
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, medians")
    print(f"bare PySide6 QMainWindow shown : {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"ITB Coach, Today filled, empty data folder : {a * 1000:7.1f} ms  = {a / b:.2f}x   (target <= 1.5x)"
          f"\n    first frame shown : {statistics.median(app) * 1000:7.1f} ms")
    print(f"ITB Coach, Today filled, {args.years:g} years ({sessions} sessions, {size / 1e6:.1f} MB)"
          f" : {f * 1000:7.1f} ms  = {f / b:.2f}x   (target <= 2.0x)"
          f"\n    first frame shown : {statistics.median(full) * 1000:7.1f} ms")
    print(f"round by round (median of each round's ratio): empty {statistics.median(rounds_a):.2f}x, "
          f"{args.years:g} years {statistics.median(rounds_f):.2f}x; fastest against fastest: "
          f"empty {min(READY[data][1:]) / min(bare):.2f}x, {args.years:g} years "
          f"{min(READY[history][1:]) / min(bare):.2f}x")


if __name__ == "__main__":
    main()
