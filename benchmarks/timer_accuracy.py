"""Timer accuracy: a real 30 s countdown in the real player while the main thread is busy.

Every 100 ms a burst of 5-15 ms of busy work lands on the event loop (think redraws and
saves). We note when the player's 30 s get-ready countdown hands over to the first set,
against the moment it should have. For contrast, a naive countdown that counts thirty
1-second QTimer ticks runs alongside. Target: the player's error under 20 ms.

    python benchmarks/timer_accuracy.py [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from itbgui import resources_rc  # noqa: E402,F401
from itbgui.core.clock import SystemClock  # noqa: E402
from itbgui.player.screensaver import NullInhibitor  # noqa: E402
from itbgui.player.sound import CuePlayer  # noqa: E402
from itbgui.player.view import PlayerView  # noqa: E402
from itbgui.program.prescription import ExercisePrescription, SessionPrescription  # noqa: E402
from itbgui.program.timeline import StepKind, Timing, build_timeline  # noqa: E402
from itbgui.store.repository import SessionRepository  # noqa: E402
from itbgui.store.saver import BackgroundSaver  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    clock = SystemClock()
    store = SessionRepository(Path(tempfile.mkdtemp(prefix="itb-bench-")))
    p = SessionPrescription("bench", (ExercisePrescription("glute_bridge", 1, 5),))
    timeline = build_timeline(p, Timing(get_ready_seconds=args.seconds))
    saver = BackgroundSaver(store)
    player = PlayerView(timeline, clock, store, saver, CuePlayer(sound_on=False), NullInhibitor())
    player.resize(1366, 768)
    player.show()
    player.engine.set_pain_before(0)

    rng = random.Random(7)
    busy_total = [0.0]

    def burst() -> None:
        t = time.perf_counter()
        length = rng.uniform(0.005, 0.015)
        while time.perf_counter() - t < length:
            pass
        busy_total[0] += length

    busy = QTimer(interval=100, timeout=burst)
    result = {}
    naive_ticks = [0]

    def naive_tick() -> None:
        naive_ticks[0] += 1
        if naive_ticks[0] == int(args.seconds):
            result["naive"] = clock.monotonic()

    naive = QTimer(interval=1000, timeout=naive_tick)

    original_poll = player.poll

    def watched_poll() -> None:
        original_poll()
        if "player" not in result and player.engine.step.kind is StepKind.WORK:
            result["player"] = clock.monotonic()
            QTimer.singleShot(1100, app.quit)

    player._timer.timeout.disconnect()
    player._timer.timeout.connect(watched_poll)

    def go() -> None:
        result["start"] = clock.monotonic()
        player._handle(player.engine.next())   # into the get-ready countdown
        naive.start()
        busy.start()

    QTimer.singleShot(200, go)
    QTimer.singleShot(int((args.seconds + 5) * 1000), app.quit)
    app.exec()
    start = result["start"]
    print(f"countdown: {args.seconds:g} s, busy bursts 5-15 ms every 100 ms "
          f"({busy_total[0]:.2f} s busy in all)")
    print(f"player (deadline-based) error: {(result['player'] - start - args.seconds) * 1000:+7.1f} ms"
          "   (target: under 20 ms)")
    if "naive" in result:
        print(f"naive 1 s tick counting error: {(result['naive'] - start - args.seconds) * 1000:+7.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
