"""Every page, dialog and player step at 1366 x 768 and 1280 x 720, at Normal, Large and
Extra large text, light and dark, under a real X server and window manager; one contact
sheet per screen size in docs/screenshots/ (``layout-<size>.png``).

Run through ``python tools/take_screenshots.py matrix [OUT] [--display :94]``: it starts
``Xvfb`` at each screen size with ``openbox`` on it, and runs this module's ``shoot`` in a
child process there. The walk is tests/layout_walk.py's, and each shot is checked with
tests/layout_check.py's rule: a clipped state gets a red frame and its first problem.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENS = {"1366x768": (1366, 768), "1280x720": (1280, 720)}
TEXT_SIZES = ("normal", "large", "extra_large")
THEMES = ("light", "dark")
THUMB = (320, 180)


def run_matrix(out: Path, display: str = ":94") -> list[Path]:
    """Start Xvfb + openbox per screen size, shoot, and build the sheets; returns them."""
    sheets = []
    for name, (w, h) in SCREENS.items():
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{w}x{h}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.5)
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
            try:
                time.sleep(1.5)
                shots = Path(tempfile.mkdtemp(prefix=f"itb-matrix-{name}-"))
                subprocess.run([sys.executable, __file__, "shoot", name, str(shots)], env=env,
                               check=True)
                sheets.append(contact_sheet(shots, name, out / f"layout-{name}.png"))
                if not os.environ.get("ITB_KEEP_SHOTS"):
                    shutil.rmtree(shots, ignore_errors=True)
            finally:
                wm.terminate()
                wm.wait(5)
        finally:
            xvfb.terminate()
            xvfb.wait(5)
    return sheets


def shoot(screen_name: str, out: Path) -> None:
    """In the child, on the X display: walk the app for each text size and theme."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from itbgui import resources_rc  # noqa: F401
    from itbgui.app import MainWindow
    from itbgui.ui.settings import AppSettings
    from itbgui.store.repository import SessionRepository
    from itbgui.ui.theme import apply_theme
    from layout_check import available, clipped_widgets
    from layout_walk import every_state, pretend_screen, set_text_size
    from qt_helpers import RecordingInhibitor
    from test_accessibility_screens import SETUP, TODAY, _synthetic_history
    from window_helpers import FAST, clock_on

    screen = SCREENS[screen_name]
    history = Path(tempfile.mkdtemp(prefix="itb-matrix-history-"))
    _synthetic_history().generate(history, weeks=10)
    index = []
    for theme in THEMES:
        for size in TEXT_SIZES:
            data = Path(tempfile.mkdtemp(prefix="itb-matrix-data-"))
            shutil.copytree(history, data, dirs_exist_ok=True)
            store = SessionRepository(data)
            store.save_plan_setup(SETUP.to_doc())
            settings = AppSettings(data)
            settings.theme = theme
            settings.first_run_done = True
            clock = clock_on(TODAY)
            pretend_screen(screen)
            apply_theme(app, theme)
            win = MainWindow(store, settings, clock, inhibitor=RecordingInhibitor(), timing=FAST)
            win.live_settings.probe_voices = False
            room = available(screen)
            win.setGeometry(0, 24, *room)   # below openbox's title bar
            win.show()
            set_text_size(win, size)
            _settle(app)
            for n, (state, widget) in enumerate(every_state(win, clock, every_step=False)):
                _settle(app, 8)
                if widget is not win:   # a dialog: centred over the window, as a WM would
                    widget.move(win.geometry().center() - widget.rect().center())
                    _settle(app, 4)
                problems = clipped_widgets(widget)
                if (win.width(), win.height()) != room:
                    problems.append(f"window grew to {win.width()} x {win.height()}")
                file = out / f"{theme}-{size}-{n:02d}-{state}.png"
                app.primaryScreen().grabWindow(0).save(str(file))
                index.append({"file": file.name, "state": state, "theme": theme, "size": size,
                              "problems": problems})
            win.close()
            store.close()
    (out / "index.json").write_text(json.dumps(index, indent=1))


def _settle(app, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def contact_sheet(shots: Path, screen_name: str, target: Path) -> Path:
    """Rows: the states; columns: text size x theme. Captions name the state; a clipped
    one is framed in red with its first problem."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    index = json.loads((shots / "index.json").read_text())
    columns = [(t, s) for t in THEMES for s in TEXT_SIZES]
    states = []
    for entry in index:   # each state once, in walk order
        if entry["state"] not in states:
            states.append(entry["state"])
    # A state seen more than once in one walk (two work steps) keeps its first shot.
    cell = {}
    for entry in index:
        cell.setdefault((entry["state"], entry["theme"], entry["size"]), entry)
    label_w, head_h, cap_h, gap = 170, 40, 18, 8
    tw, th = THUMB
    width = label_w + len(columns) * (tw + gap)
    height = head_h + len(states) * (th + cap_h + gap)
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#ffffff"))
    p = QPainter(sheet)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont()
    font.setPixelSize(13)
    p.setFont(font)
    bad = 0
    for c, (theme, size) in enumerate(columns):
        x = label_w + c * (tw + gap)
        p.setPen(QColor("#000000"))
        p.drawText(QRect(x, 4, tw, head_h - 8), int(Qt.AlignmentFlag.AlignCenter),
                   f"{screen_name} · {size.replace('_', ' ')} · {theme}")
    for r, state in enumerate(states):
        y = head_h + r * (th + cap_h + gap)
        p.setPen(QColor("#000000"))
        p.drawText(QRect(4, y, label_w - 8, th), int(Qt.AlignmentFlag.AlignVCenter), state)
        for c, (theme, size) in enumerate(columns):
            entry = cell.get((state, theme, size))
            if entry is None:
                continue
            x = label_w + c * (tw + gap)
            image = QImage(str(shots / entry["file"])).scaled(
                tw, th, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            p.drawImage(x, y, image)
            if entry["problems"]:
                bad += 1
                p.setPen(QPen(QColor("#d00000"), 3))
                p.drawRect(QRect(x, y, tw - 1, th - 1))
                p.drawText(QRect(x, y + th, tw, cap_h), int(Qt.AlignmentFlag.AlignLeft),
                           entry["problems"][0][:48])
    p.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(str(target))
    # 256 colours chosen from the sheet (ImageMagick's adaptive palette; Qt's fixed one turns
    # the dark theme navy): for looking over, and small enough for the repository.
    if shutil.which("convert"):
        subprocess.run(["convert", str(target), "-dither", "None", "-colors", "256",
                        f"PNG8:{target}"], check=False)
    print(f"{target}: {len(states)} states x {len(columns)} text sizes and themes; "
          f"{bad} with a layout problem")
    return target


if __name__ == "__main__" and len(sys.argv) > 3 and sys.argv[1] == "shoot":
    shoot(sys.argv[2], Path(sys.argv[3]))
