"""Figure cost: CPU used while a set runs in the real player, the figure moving vs still.

Each run is a fresh process showing the real PlayerView (1366 x 768, offscreen) on the
system clock; it skips to a set of clamshells at 2-1-2 s and, once the first rep starts,
measures for ``--seconds``: the process's CPU time over wall time (share of one core),
the gaps between the figure's frame-timer ticks (a gap over 1.5 frame intervals counts as
a dropped frame), how many frames were painted and how long each paint took, and how
late each tempo-phase event was handled. The baseline is the same set with "Reduce motion" on (still pictures, which
only change at phase boundaries). Target: moving under 15 % of one core, no dropped frames.

    python benchmarks/figure_cpu.py [--seconds 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child(reduce: bool, seconds: float) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from itbgui import resources_rc  # noqa: F401
    from itbgui.core.clock import SystemClock
    from itbgui.core.engine import EventKind
    from itbgui.player.picture import FRAME_MS, ExercisePicture
    from itbgui.player.screensaver import NullInhibitor
    from itbgui.player.sound import CuePlayer
    from itbgui.player.view import PlayerView
    from itbgui.program.exercises import Tempo
    from itbgui.program.prescription import ExercisePrescription, SessionPrescription
    from itbgui.program.timeline import StepKind, Timing, build_timeline
    from itbgui.ui.reduce_motion import apply_motion_preference
    from itbgui.store.repository import SessionRepository
    from itbgui.store.saver import BackgroundSaver
    from itbgui.ui.theme import apply_theme

    paints: list[float] = []
    original_paint = ExercisePicture.paintEvent

    def timed_paint(self, event) -> None:   # how long our own drawing takes, frame by frame
        t = time.perf_counter()
        original_paint(self, event)
        paints.append(time.perf_counter() - t)

    ExercisePicture.paintEvent = timed_paint
    app = QApplication(sys.argv[:1])
    apply_theme(app, "light")
    apply_motion_preference(app, reduce)
    clock = SystemClock()
    store = SessionRepository(Path(tempfile.mkdtemp(prefix="itb-bench-")))
    reps = int(seconds / 5) + 4
    p = SessionPrescription("bench", (ExercisePrescription("clamshell", 1, reps, tempo=Tempo(2, 1, 2)),))
    timeline = build_timeline(p, Timing(get_ready_seconds=3))
    player = PlayerView(timeline, clock, store, BackgroundSaver(store), CuePlayer(sound_on=False),
                        NullInhibitor())
    player.resize(1366, 768)
    player.show()
    player.engine.set_pain_before(0)
    picture = player.picture

    ticks: list[float] = []
    lateness: list[float] = []
    state = {"measuring": False}

    original_frame = picture._frame

    def watched_frame() -> None:
        if state["measuring"]:
            ticks.append(time.perf_counter())
        original_frame()

    picture._timer.timeout.disconnect()
    picture._timer.timeout.connect(watched_frame)

    original_handle = player._handle

    def watched_handle(events) -> None:
        now = clock.monotonic()
        if state["measuring"]:
            lateness.extend(now - e.at for e in events if e.kind is EventKind.PHASE)
        original_handle(events)
        if not state["measuring"] and player.engine.step.kind is StepKind.WORK:
            state.update(measuring=True, cpu=time.process_time(), wall=time.perf_counter(),
                         frames=picture.frames_painted)
            paints.clear()
            QTimer.singleShot(int(seconds * 1000), finish)

    player._handle = watched_handle
    player._timer.timeout.disconnect()
    player._timer.timeout.connect(player.poll)

    result = {}

    def finish() -> None:
        wall = time.perf_counter() - state["wall"]
        cpu = time.process_time() - state["cpu"]
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        result.update(cpu_share=cpu / wall, frames=picture.frames_painted - state["frames"],
                      wall=wall, ticks=len(ticks),
                      dropped=sum(1 for g in gaps if g > 1.5 * FRAME_MS / 1000),
                      worst_gap_ms=max(gaps) * 1000 if gaps else 0.0,
                      late_ms=max(lateness) * 1000 if lateness else 0.0,
                      paint_ms=statistics.median(paints) * 1000 if paints else 0.0,
                      paint_max_ms=max(paints) * 1000 if paints else 0.0)
        app.quit()

    QTimer.singleShot(100, lambda: player._handle(player.engine.next()))
    QTimer.singleShot(int((seconds + 30) * 1000), app.quit)
    app.exec()
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("moving", "still"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child == "still", args.seconds)))
        return
    results: dict[str, list[dict]] = {"still": [], "moving": []}
    for _ in range(args.runs):
        for kind in ("still", "moving"):   # interleaved, so machine load hits both alike
            out = subprocess.run([sys.executable, __file__, "--child", kind, "--seconds",
                                  str(args.seconds)], capture_output=True, text=True, check=True)
            results[kind].append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: statistics.median(r["cpu_share"] for r in v) for k, v in results.items()}
    print(f"a set of clamshells at 2-1-2 s, {args.seconds:g} s measured, {args.runs} runs each, "
          "median share of one core:")
    for kind in ("still", "moving"):
        runs = results[kind]
        print(f"  {kind:6}: {med[kind] * 100:5.1f} %   frames painted "
              f"{statistics.median(r['frames'] for r in runs):.0f}, dropped "
              f"{max(r['dropped'] for r in runs)}, worst frame gap "
              f"{max(r['worst_gap_ms'] for r in runs):.0f} ms, latest phase event "
              f"{max(r['late_ms'] for r in runs):.1f} ms, paint median "
              f"{statistics.median(r['paint_ms'] for r in runs):.1f} ms (longest "
              f"{max(r['paint_max_ms'] for r in runs):.1f} ms)")
    print(f"moving / still: {med['moving'] / med['still']:.2f}x   (target: moving under 15 % of one core)")


if __name__ == "__main__":
    main()
