"""``itb-coach plan-pdf`` as a whole process, against a bare PySide6 script writing a one-line PDF.

Both run alternately, several times, from process start to exit; the data folder holds a
set-up plan and four weeks of sessions so the command does its real work (store, plan,
progression, drawings, PDF). Target: at most 3x the bare script.

    python benchmarks/plan_pdf.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter
app = QGuiApplication(sys.argv)
writer = QPdfWriter(sys.argv[1])
painter = QPainter(writer)
painter.drawText(100, 100, "one line")
painter.end()
"""


def wall_time(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise RuntimeError(f"{cmd} failed (exit {result.returncode}): {result.stderr}")
    return elapsed


def fill_data_folder(data: Path) -> None:
    """A three-a-week plan started four weeks ago, every session done at low pain."""
    from itbgui.program.plan import generate_plan
    from itbgui.program.plan_setup import PlanSetup, monday_of
    from itbgui.program.timeline import StepKind, build_timeline
    from itbgui.store.records import SessionRecord, SetRecord
    from itbgui.store.repository import SessionRepository

    start = monday_of(dt.date.today()) - dt.timedelta(weeks=4)
    setup = PlanSetup("intermediate", frozenset({1, 3, 5}), start, "left", ("yellow", "red"), (3.0,))
    plan = generate_plan(setup)
    records = []
    for week in range(4):
        for planned in plan.sessions_in_week(start + dt.timedelta(weeks=week)):
            sets = tuple(SetRecord(s.exercise_id, s.side, s.set_number, s.target_reps, s.target_reps,
                                   s.resistance, step_index=s.step_index)
                         for s in build_timeline(planned.prescription).steps if s.kind is StepKind.WORK)
            when = dt.datetime.combine(planned.date, dt.time(18)).astimezone()
            records.append(SessionRecord(f"bench-{planned.date}", when, when + dt.timedelta(minutes=19),
                                         True, planned.prescription.title, planned.week, 1, 2, "",
                                         sets, "same"))
    repo = SessionRepository(data)
    repo.save_plan_setup(setup.to_doc())
    repo.save_sessions(records)
    repo.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="itb-bench-pdf-"))
    fill_data_folder(work / "data")
    # An installed app has its bytecode compiled (pip does it); so must a checkout measured here.
    compileall.compile_dir(ROOT / "itbgui", quiet=1)
    launcher = Path(sys.executable).parent / "itb-coach"
    app_prefix = [str(launcher)] if launcher.exists() else [sys.executable, str(ROOT / "main.py")]
    bare_cmd = [sys.executable, "-c", BARE, str(work / "bare.pdf")]
    app_cmd = app_prefix + ["plan-pdf", str(work / "week.pdf"), "--data-dir", str(work / "data")]
    wall_time(bare_cmd, env)   # one warm-up of each so both read their files from the page cache
    wall_time(app_cmd, env)
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(wall_time(bare_cmd, env))
        app.append(wall_time(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, medians, whole process")
    print(f"bare PySide6 one-line PDF : {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"itb-coach plan-pdf        : {a * 1000:7.1f} ms  (min {min(app) * 1000:.1f})")
    print(f"ratio                     : {a / b:7.2f}x   (target <= 3x)")


if __name__ == "__main__":
    main()
