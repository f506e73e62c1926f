"""Event-loop stalls while a session runs: the longest gap between 5 ms heartbeats.

The real player runs a compressed session on the real clock (1 s reps, short rests) so
that a set is logged, and the session saved, every couple of seconds, on a data file
that already holds ten years of synthetic sessions (benchmarks/synthetic_history.py).
Saves go through the app's BackgroundSaver, as in the app. Target: no gap over 50 ms.

    python benchmarks/session_stalls.py [--years 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from itbgui import resources_rc  # noqa: E402,F401
from itbgui.core.clock import SystemClock  # noqa: E402
from itbgui.core.engine import EngineState  # noqa: E402
from itbgui.player.screensaver import NullInhibitor  # noqa: E402
from itbgui.player.sound import CuePlayer  # noqa: E402
from itbgui.player.view import PlayerView  # noqa: E402
from itbgui.program.exercises import CATALOGUE, Kind, Tempo  # noqa: E402
from itbgui.program.prescription import ExercisePrescription, SessionPrescription  # noqa: E402
from itbgui.program.timeline import StepKind, Timing, build_timeline  # noqa: E402
from itbgui.store.repository import SessionRepository  # noqa: E402
from itbgui.store.saver import BackgroundSaver  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_history import generate  # noqa: E402


class SaveResults(QObject):
    """Brings the saver's results to the GUI thread, as MainWindow.save_finished does."""

    finished = Signal(object, object)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10, help="years of history already stored")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="itb-bench-"))
    history = generate(folder, years=args.years)
    store = SessionRepository(folder)
    results = SaveResults()
    saver = BackgroundSaver(store, on_result=results.finished.emit)
    items = tuple(ExercisePrescription(ex.id, 2, 4, Tempo(0.5, 0, 0.5), rest_seconds=1.5)
                  for ex in CATALOGUE if ex.kind is Kind.REPS)
    timeline = build_timeline(SessionPrescription("bench", items),
                              Timing(get_ready_seconds=3, switch_side_seconds=2,
                                     change_over_seconds=5))
    player = PlayerView(timeline, SystemClock(), store, saver, CuePlayer(sound_on=False),
                        NullInhibitor())
    results.finished.connect(player.saved)
    player.resize(1366, 768)
    player.show()
    player.engine.set_pain_before(1)

    beats: list[float] = []
    heart = QTimer(interval=5, timeout=lambda: beats.append(time.perf_counter()))
    heart.setTimerType(Qt.TimerType.PreciseTimer)

    def watch() -> None:
        if player.engine.step.kind is StepKind.PAIN_AFTER:
            player.engine.set_pain_after(1)
            player._handle(player.engine.next())   # finish: the final save
            QTimer.singleShot(300, app.quit)
        else:
            QTimer.singleShot(50, watch)

    def go() -> None:
        heart.start()
        player._handle(player.engine.next())
        watch()

    QTimer.singleShot(100, go)
    t0 = time.perf_counter()
    app.exec()
    saver.close()
    gaps = [(b - a) * 1000 for a, b in zip(beats, beats[1:])]
    record = max(store.sessions(), key=lambda r: r.started_at)
    size_kb = store.path.stat().st_size / 1024
    print(f"session: {time.perf_counter() - t0:.1f} s real time, {len(record.sets)} sets logged "
          f"and saved one by one, file {size_kb:.0f} KiB ({history} earlier sessions)")
    print(f"heartbeat gaps: median {statistics.median(gaps):.1f} ms, "
          f"p99 {sorted(gaps)[int(len(gaps) * 0.99)]:.1f} ms, max {max(gaps):.1f} ms "
          f"(target: max under 50 ms)")
    worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-3:]
    print("worst gaps at " + ", ".join(f"{beats[i] - beats[0]:.1f} s ({gaps[i]:.0f} ms)"
                                       for i in reversed(worst)))
    assert player.engine.state is EngineState.FINISHED
    store.close()


if __name__ == "__main__":
    main()
