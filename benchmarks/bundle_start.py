"""The download against the installed app: start to Today filled, and the download's size.

Both are started the same way, alternating, several times: the bundle's ``itb-coach`` (from
``tools/build_bundle.py``) and the venv's ``itb-coach`` script, each with
``--exit-after-show``, on an empty data folder and on ten years of synthetic history
(benchmarks/synthetic_history.py). The parent times process start to the "ready" line,
printed once Today is filled from the data file, so the bundle's own loader counts too.
Target: the bundle within 1.2x the installed app. Also prints the folder's size unpacked
and the archive's size.

    python tools/build_bundle.py && python benchmarks/bundle_start.py [--runs 9] [--years 10]
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
sys.path.insert(0, str(ROOT / "tools"))

import build_bundle  # noqa: E402
from itbgui import __version__  # noqa: E402


def time_to_ready(cmd: list[str], env: dict) -> float:
    """Seconds from process start to its "ready" line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    elapsed = None
    for line in proc.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - t0
    if proc.wait(timeout=60) != 0 or elapsed is None:
        raise RuntimeError(f"{cmd} never filled Today (exit {proc.returncode})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / f"itb-coach-{__version__}",
                        help="the unpacked download (default: what tools/build_bundle.py made)")
    args = parser.parse_args()
    bundle_exe = args.bundle / "itb-coach"
    installed_exe = Path(sys.executable).parent / "itb-coach"
    for exe, how in ((bundle_exe, "python tools/build_bundle.py"),
                     (installed_exe, 'pip install -e ".[bundle]" in this venv')):
        if not exe.exists():
            sys.exit(f"{exe} is missing: {how} first")
    archive = args.bundle.parent / build_bundle.archive_name()

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    compileall.compile_dir(ROOT / "itbgui", quiet=1)   # pip would have, for an installed app
    empty = tempfile.mkdtemp(prefix="itb-bench-")
    history = tempfile.mkdtemp(prefix="itb-bench-history-")
    import synthetic_history

    sessions = synthetic_history.generate(Path(history), years=args.years, seed=1)
    cases = {(who, folder): [] for who in ("bundle", "installed") for folder in (empty, history)}
    exes = {"bundle": bundle_exe, "installed": installed_exe}
    try:
        for who, folder in cases:   # warm-up: files into the page cache, the day's backup taken
            time_to_ready([str(exes[who]), "--data-dir", folder, "--exit-after-show"], env)
        for _ in range(args.runs):
            for (who, folder), times in cases.items():
                times.append(time_to_ready([str(exes[who]), "--data-dir", folder, "--exit-after-show"], env))
    finally:
        for folder in (empty, history):
            shutil.rmtree(folder, ignore_errors=True)

    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, alternating, medians "
          f"of process start to Today filled")
    for folder, label in ((empty, "empty data folder"),
                          (history, f"{args.years:g} years ({sessions} sessions)")):
        b = statistics.median(cases[("bundle", folder)])
        i = statistics.median(cases[("installed", folder)])
        print(f"{label:28}: bundle {b * 1000:6.1f} ms, installed {i * 1000:6.1f} ms"
              f"  = {b / i:.2f}x   (target <= 1.2x)")
    print(f"size unpacked: {build_bundle.folder_size(args.bundle) / 1e6:.1f} MB (target < 200 MB)")
    if archive.exists():
        print(f"size packed  : {archive.stat().st_size / 1e6:.1f} MB ({archive.name})")


if __name__ == "__main__":
    main()
