"""Drives the real app through a session on a fake clock and saves screenshots.

Needs a display (e.g. ``Xvfb :99 -screen 0 1366x768x24 &`` and ``DISPLAY=:99``):
``python tools/take_screenshots.py light docs/screenshots`` (and again with ``dark``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from itbgui import resources_rc  # noqa: E402,F401
from itbgui.app import MainWindow  # noqa: E402
from itbgui.clock import FakeClock  # noqa: E402
from itbgui.program.timeline import StepKind  # noqa: E402
from itbgui.settings import AppSettings  # noqa: E402
from itbgui.store.repository import SessionRepository  # noqa: E402
from itbgui.theme import apply_theme  # noqa: E402


def main() -> None:
    theme = sys.argv[1] if len(sys.argv) > 1 else "light"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_theme(app, theme)
    folder = tempfile.mkdtemp(prefix="itb-shots-")
    store = SessionRepository(Path(folder))
    clock = FakeClock()
    win = MainWindow(store, AppSettings(Path(folder)), clock)
    win.setGeometry(0, 0, 1366, 768)
    win.show()

    def grab(name: str) -> None:
        for _ in range(10):
            app.processEvents()
            time.sleep(0.02)
        win.grab().save(str(out / f"{name}-{theme}.png"))

    def run_until(kind: StepKind) -> None:
        while player.engine.step.kind is not kind:
            clock.advance(0.25)
            player.poll()

    grab("home")
    QTest.keyClick(win, Qt.Key.Key_Return)
    player = win.player
    grab("pain-before")
    QTest.keyClicks(player, "3")
    QTest.keyClick(player, Qt.Key.Key_Return)
    run_until(StepKind.WORK)
    clock.advance(2.5)
    player.poll()
    grab("player-exercise")
    run_until(StepKind.REST)
    for _ in range(80):
        clock.advance(0.25)
        player.poll()
    grab("player-rest")
    run_until(StepKind.PAIN_AFTER)
    QTest.keyClicks(player, "2")
    QTest.keyClicks(player, "f")              # the first letter moves focus to the note
    QTest.keyClicks(player.note_edit, "elt steady today")
    grab("pain-after")
    QTest.keyClick(player.note_edit, Qt.Key.Key_Return)
    grab("player-summary")
    store.close()


if __name__ == "__main__":
    main()
