"""Cold start: process start to the main window shown, against a bare PySide6 window.

Both are started the same way, alternately, several times; each prints a line once its
window is shown and the parent notes when that line arrives. Target: ITB Coach at most
1.5x the bare window (heavy modules such as QtMultimedia load after the first paint).

    python benchmarks/cold_start.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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


def time_to_shown(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, cwd=ROOT)
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{cmd} never showed its window (exit {proc.wait()})")
    proc.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = tempfile.mkdtemp(prefix="itb-bench-")
    # An installed app has its bytecode compiled (pip does it); so must a checkout
    # measured here, even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(ROOT / "itbgui", quiet=1)
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", data, "--exit-after-show"]
    # one warm-up of each so both read their files from the page cache
    time_to_shown(bare_cmd, env)
    time_to_shown(app_cmd, env)
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(time_to_shown(bare_cmd, env))
        app.append(time_to_shown(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, medians")
    print(f"bare PySide6 QMainWindow : {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"ITB Coach main window    : {a * 1000:7.1f} ms  (min {min(app) * 1000:.1f})")
    print(f"ratio                    : {a / b:7.2f}x   (target <= 1.5x)")


if __name__ == "__main__":
    main()
