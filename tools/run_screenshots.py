"""Screenshots of issue 21's run screens: the run dialog, the run player and the onset chart.

Needs a display with a window manager (``Xvfb :65 -screen 0 1366x768x24 &``, ``openbox &``):
``DISPLAY=:65 python tools/run_screenshots.py docs/screenshots``. A made-up return to running
over six weeks (the pain beginning later run by run, then not at all) on a fake clock.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from itbgui import resources_rc  # noqa: E402,F401
from itbgui.app import MainWindow  # noqa: E402
from itbgui.core.clock import FakeClock  # noqa: E402
from itbgui.program.return_to_run import STAGES  # noqa: E402
from itbgui.store.repository import SessionRepository  # noqa: E402
from itbgui.store.run_records import RunRecord  # noqa: E402
from itbgui.ui.settings import AppSettings  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 18, 30).astimezone()
#: (days before NOW, km, minutes, pain during, onset km, stage)
RUNS = [(44, 4.0, 30, 5, 1.6, 1), (41, 4.1, 30, 4, 2.0, 1), (38, 4.2, 30, 4, 2.4, 1), (34, 4.4, 30, 3, 2.9, 2),
        (31, 4.5, 30, 3, 3.3, 2), (27, 4.6, 30, 2, 3.8, 3), (24, 4.8, 30, 2, 4.2, 3), (20, 5.0, 32, 0, None, 4),
        (17, 5.1, 32, 2, 4.7, 4), (13, 5.2, 30, 0, None, 5), (10, 5.4, 30, 0, None, 5), (6, 5.6, 30, 0, None, 6),
        (3, 5.8, 30, 0, None, 6)]


def pump(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(path: Path) -> None:
    pump()
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    print("wrote", path)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="itb-runs-"))
    store = SessionRepository(folder)
    clock = FakeClock(NOW)
    store.save_runs([RunRecord(f"r{n}", (NOW - dt.timedelta(days=d)).replace(hour=7, minute=10), distance_km=km,
                               duration_s=minutes * 60, terrain="flat", pain_during=pain, pain_onset_km=onset,
                               pain_after=max(0, pain - 1), stage=stage, source="gpx" if n % 3 else "manual")
                     for n, (d, km, minutes, pain, onset, stage) in enumerate(RUNS)])
    win = MainWindow(store, AppSettings(folder), clock)
    win.resize(1354, 696)
    win.move(0, 0)
    win.show()
    pump(1.0)
    win.runs.log_run()
    dialog = win.runs.dialog
    for edit, text in ((dialog.distance_edit, "6.1"), (dialog.duration_edit, "34:20"),
                       (dialog.pain_during_edit, "2"), (dialog.onset_edit, "5.2"), (dialog.pain_after_edit, "1"),
                       (dialog.note_edit, "New shoes; the knee only at the end")):
        edit.setText(text)
    dialog.pain_after_edit.setFocus()
    shoot(out / "run-log.png")
    dialog.reject()
    win.runs.start_run(STAGES[0])
    player = win.runs.player
    for _ in range(400):            # 6 min 40 s in: the second run
        clock.advance(1)
        player.poll()
    shoot(out / "run-player.png")
    player.close_player()      # left unlogged: the picture's history stays as made
    pump()
    win.show_page("history")
    pump()
    win.history_page.view_buttons["runs"].click()
    shoot(out / "run-onset.png")
    win.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
