"""Shoots the exercise figures: every rung of every ladder, and the player in motion.

Needs a display (``Xvfb :95 -screen 0 1366x768x24 &`` then ``DISPLAY=:95``) and
ImageMagick's ``convert`` for the GIF:
``python tools/capture_figures.py docs/screenshots``. Writes
``figures-<exercise>.png`` (each rung's start and end position, as the Library and the
player draw them, light theme), ``figures-dark.png`` (each exercise's first rung, dark)
and ``player-motion.gif``: the real window during a session, one rep of clamshells at
the tempo, the clock stepped 1/10 s per frame so the capture shows the true speed; and
``plan-week.png``, the printed week. ``--figures-only`` writes just the
``figures-*.png`` sheets. Rungs are listed easiest first, numbered by their place on the
ladder; a rung whose reps alternate legs (the marching bridge) shows the next rep's end
in a third column.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget  # noqa: E402

from itbgui.figures.catalogue import motion  # noqa: E402
from itbgui.figures.paint import paint_figure  # noqa: E402
from itbgui.figures.timing import Moment, pose_at  # noqa: E402
from itbgui.player.picture import ExercisePicture  # noqa: E402
from itbgui.program.exercises import CATALOGUE  # noqa: E402
from itbgui.ui.theme import apply_theme, colours  # noqa: E402

FPS = 10


def settle(app) -> None:
    for _ in range(6):
        app.processEvents()
        time.sleep(0.02)


class NextRepEnd(QWidget):
    """The end of every other rep (the marching bridge's other knee), painted as the
    player paints it."""

    def __init__(self, figure, palette) -> None:
        super().__init__()
        self.figure, self.palette = figure, palette

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        paint_figure(painter, QRectF(self.rect()), self.figure,
                     pose_at(self.figure, Moment("up", 1.0, True)), self.palette)
        painter.end()


def sheet(rows: list[tuple[str, object]], title: str) -> QWidget:
    """A grid: the rung's name, its start position, its end position (and the next
    rep's end when reps alternate)."""
    c = colours()
    page = QWidget()
    page.setStyleSheet(f"background: {c.window}; color: {c.text}; font-size: 17px;")
    grid = QGridLayout(page)
    grid.setContentsMargins(20, 16, 20, 16)
    heading = QLabel(title)
    heading.setStyleSheet("font-size: 24px; font-weight: 700;")
    grid.addWidget(heading, 0, 0, 1, 3)
    alternating = any(figure.other_end is not None for _, figure in rows)
    for column, text in enumerate(("", "Start", "End") + (("Next rep",) if alternating else ())):
        label = QLabel(text)
        label.setStyleSheet(f"color: {c.muted};")
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(label, 1, column)
    for row, (name, figure) in enumerate(rows, start=2):
        label = QLabel(name)
        label.setWordWrap(True)
        label.setFixedWidth(230)
        grid.addWidget(label, row, 0)
        for column, position in ((1, "start"), (2, "end")):
            picture = ExercisePicture()
            picture.setFixedSize(330, 190)
            picture.show_still(figure, position)
            grid.addWidget(picture, row, column)
        if figure.other_end is not None:
            other = NextRepEnd(figure, picture.figure_palette())
            other.setFixedSize(330, 190)
            grid.addWidget(other, row, 3)
    return page


def rung_sheets(app, out: Path) -> None:
    for ex in CATALOGUE:
        rows = [(f"{place}. {step.name}", motion(ex.id, step.name))
                for place, (_, step) in enumerate(ex.ladder(), start=1)]
        page = sheet(rows, ex.name)
        page.show()
        settle(app)
        page.grab().save(str(out / f"figures-{ex.id}.png"))
        page.close()


def dark_sheet(app, out: Path) -> None:
    apply_theme(app, "dark")
    rows = [(ex.name, motion(ex.id, ex.step().name)) for ex in CATALOGUE]
    page = sheet(rows, "Every exercise, dark theme")
    page.show()
    settle(app)
    page.grab().save(str(out / "figures-dark.png"))
    page.close()
    apply_theme(app, "light")


def motion_capture(app, out: Path) -> None:
    """The real main window, a session under way: one rep and a little of the next."""
    import take_screenshots as shots

    from itbgui.app import MainWindow
    from itbgui.core.clock import FakeClock
    from itbgui.program.timeline import StepKind
    from itbgui.ui.settings import AppSettings
    from itbgui.store.repository import SessionRepository

    folder = Path(tempfile.mkdtemp(prefix="itb-motion-"))
    store = SessionRepository(folder)
    shots.fill_store(store)
    clock = FakeClock(start=shots.NOW.astimezone())
    settings = AppSettings(folder)
    settings.theme = "light"
    settings.first_run_done = True
    win = MainWindow(store, settings, clock)
    win.live_settings.probe_voices = False
    win.setGeometry(0, 0, 1100, 640)
    win.show()
    settle(app)
    win.show_page("today")
    win.today_page.morning_answered.emit("same")
    QTest.keyClick(win, Qt.Key.Key_Return)
    player = win.player
    QTest.keyClicks(player, "3")
    QTest.keyClick(player, Qt.Key.Key_Return)
    while player.engine.step.kind is not StepKind.WORK:
        clock.advance(0.25)
        player.poll()
    frames = Path(tempfile.mkdtemp(prefix="itb-frames-"))
    rep = player.engine.step.tempo.rep_seconds
    for n in range(int((rep + 1.0) * FPS)):
        settle(app)
        win.grab().scaled(880, 512, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation).save(str(frames / f"{n:03d}.png"))
        clock.advance(1 / FPS)
        player.poll()
        player.picture._frame()  # what the frame timer does on the real clock
    win.player.leave_now()
    win.close()
    store.close()
    convert = shutil.which("convert")
    subprocess.run([convert, "-delay", str(100 // FPS), "-loop", "0", *sorted(map(str, frames.glob("*.png"))),
                    "-layers", "Optimize", "-colors", "64", str(out / "player-motion.gif")], check=True)
    shutil.rmtree(frames)


def week_sheet(out: Path) -> None:
    """The printed week (``plan-week.png``): the screenshots' plan, through the real
    ``plan-pdf`` command, its one page rendered to a picture."""
    import take_screenshots as shots
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    from itbgui.store.repository import SessionRepository

    folder = Path(tempfile.mkdtemp(prefix="itb-week-"))
    store = SessionRepository(folder)
    shots.fill_store(store)
    store.close()
    pdf = folder / "week.pdf"
    subprocess.run([sys.executable, "-m", "itbgui", "plan-pdf", str(pdf), "--data-dir", str(folder),
                    "--week", shots.NOW.date().isoformat()], check=True,
                   cwd=Path(__file__).resolve().parents[1])
    doc = QPdfDocument()
    doc.load(str(pdf))
    page = doc.render(0, QSize(827, 1169))
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    image.save(str(out / "plan-week.png"))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_theme(app, "light")
    rung_sheets(app, out)
    dark_sheet(app, out)
    if "--figures-only" in sys.argv:
        return
    motion_capture(app, out)
    week_sheet(out)


if __name__ == "__main__":
    main()
