"""Drives the real app on a fake clock and a made-up three-week history, and saves screenshots.

Needs a display (e.g. ``Xvfb :99 -screen 0 1366x768x24 &`` and ``DISPLAY=:99``):
``python tools/take_screenshots.py light docs/screenshots`` (and again with ``dark``).
``python tools/take_screenshots.py player-widths docs/screenshots`` shoots the player only,
maximised at 1366 x 768 and at half that width (under Xvfb at 1366 x 768 with openbox).
``python tools/take_screenshots.py matrix docs/screenshots [--display :94]`` instead
takes every page, dialog and player step at 1366 x 768 and 1280 x 720, three text sizes,
light and dark, under Xvfb with openbox, into contact sheets (tools/screenshot_matrix.py).
Shoots the first run (the welcome over the window, on an empty data folder), the Today
screen (with the next-morning question and the latest decision), the Plan page, the plan
set-up dialog, History's five charts, the Library, Settings, then a whole session in the
player, with the Library opened from it. Dialogs are shot with the window behind them,
from the screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPen  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from itbgui import resources_rc  # noqa: E402,F401
from itbgui.app import MainWindow  # noqa: E402
from itbgui.core.clock import FakeClock  # noqa: E402
from itbgui.program.plan import generate_plan  # noqa: E402
from itbgui.program.plan_setup import PlanSetup  # noqa: E402
from itbgui.program.sessions import sets_at_target  # noqa: E402
from itbgui.program.timeline import StepKind  # noqa: E402
from itbgui.ui.settings import AppSettings  # noqa: E402
from itbgui.store.records import SessionRecord  # noqa: E402
from itbgui.store.repository import SessionRepository  # noqa: E402
from itbgui.ui.theme import apply_theme, colours  # noqa: E402

#: "Now" in the pictures: a Wednesday morning in week 4, the day after a session.
NOW = dt.datetime(2026, 11, 25, 8, 30)
SETUP = PlanSetup("intermediate", frozenset({1, 3, 5}), dt.date(2026, 11, 2), "right",
                  ("yellow", "red", "green"), (2.5, 5.0))
#: (pain before, pain after) for each planned session up to yesterday; None = missed. The
#: last one, Monday's, has no next-morning answer yet, so this morning the app asks about it
#: (a late answer: nothing goes up without it), and today's session is due after Tuesday's rest.
PAIN = [(3, 4), (3, 3), (2, 3), (2, 2), None, (2, 3), (2, 2), (1, 2), (2, 3), (2, 4)]


def _logged(planned, pain, sid: str, unanswered: bool = False) -> SessionRecord:
    """A planned session as the player would log it, every set at its target."""
    start = dt.datetime.combine(planned.date, dt.time(18, 10)).astimezone()
    return SessionRecord(id=sid, started_at=start, ended_at=start + dt.timedelta(minutes=19),
                         completed=True, title=planned.prescription.title, week=planned.week,
                         pain_before=pain[0], pain_after=pain[1], sets=sets_at_target(planned.prescription),
                         next_morning=None if unanswered else "same")


def fill_store(store: SessionRepository) -> None:
    """The plan set-up and three weeks of sessions (decisions follow from them)."""
    store.save_plan_setup(SETUP.to_doc())
    plan = generate_plan(SETUP)
    planned = [p for week in range(1, 5) for p in plan.sessions_in_week(plan.monday_of_week(week))
               if p.date < NOW.date()]
    records = [_logged(p, pain, f"s{i}", unanswered=i == len(PAIN) - 1)
               for i, (p, pain) in enumerate(zip(planned, PAIN)) if pain]
    store.save_sessions(records)


def player_widths(out: Path) -> None:
    """The player at a maximised 1366 x 768 and snapped to half that screen (683 px wide),
    Normal text, shot from the screen with the window manager's frame: player-1366.png,
    player-683.png, and the rest step at both (player-rest-1366.png, player-rest-683.png).
    Run under Xvfb at 1366 x 768 with openbox (the window manager maximises and frames)."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_theme(app, "light")

    def settle() -> None:
        for _ in range(15):
            app.processEvents()
            time.sleep(0.03)

    folder = Path(tempfile.mkdtemp(prefix="itb-width-shots-"))
    store = SessionRepository(folder)
    fill_store(store)
    clock = FakeClock(start=NOW.astimezone())
    settings = AppSettings(folder)
    settings.theme, settings.first_run_done = "light", True
    screen = app.primaryScreen()
    for width in (1366, 683):
        win = MainWindow(store, settings, clock)
        win.live_settings.probe_voices = False
        if width == 1366:
            win.showMaximized()
        else:
            room = screen.availableGeometry()
            win.showNormal()      # not the maximised geometry the last window saved
            settle()
            frame = win.frameGeometry().size() - win.geometry().size()
            win.resize(width - frame.width(), room.height() - frame.height())
            win.move(room.topLeft())     # the frame's corner: its title bar stays on the screen
        settle()
        print(f"{width}: window {win.width()} x {win.height()}")
        win.today_page.morning_answered.emit("same")
        QTest.keyClick(win, Qt.Key.Key_Return)
        player = win.player
        QTest.keyClicks(player, "3")
        QTest.keyClick(player, Qt.Key.Key_Return)
        while player.engine.step.kind is not StepKind.WORK:
            clock.advance(0.25)
            player.poll()
        clock.advance(2.5)
        player.poll()
        settle()
        screen.grabWindow(0).save(str(out / f"player-{width}.png"))
        while player.engine.step.kind is not StepKind.REST:
            clock.advance(0.25)
            player.poll()
        clock.advance(1.0)
        player.poll()
        settle()
        screen.grabWindow(0).save(str(out / f"player-rest-{width}.png"))
        print(f"{width}: window {win.width()} x {win.height()}, player {player.width()} x {player.height()}")
        player.leave_now()
        settle()
        win.close()
        settle()
    store.close()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "player-widths":
        player_widths(Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "matrix":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from screenshot_matrix import run_matrix

        args = sys.argv[2:]
        display = args[args.index("--display") + 1] if "--display" in args else ":94"
        paths = [a for i, a in enumerate(args) if not a.startswith("--") and
                 (i == 0 or args[i - 1] != "--display")]
        run_matrix(Path(paths[0] if paths else "docs/screenshots"), display)
        return
    theme = sys.argv[1] if len(sys.argv) > 1 else "light"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_theme(app, theme)

    def settle() -> None:
        for _ in range(10):
            app.processEvents()
            time.sleep(0.02)

    def grab(name: str, widget=None) -> None:
        settle()
        (widget or win).grab().save(str(out / f"{name}-{theme}.png"))

    def grab_over(name: str, dialog) -> None:
        """A dialog over the dimmed window, at 1366 x 768. Xvfb runs no window manager, so
        the dialog's frame is drawn here; otherwise it would melt into the window."""
        settle()
        shot = win.grab()
        painter = QPainter(shot)
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 110))
        where = dialog.geometry().translated(-win.geometry().topLeft())
        painter.drawPixmap(where.topLeft(), dialog.grab())
        painter.setPen(QPen(QColor(colours().muted), 2))
        painter.drawRect(where.adjusted(-1, -1, 0, 0))
        painter.end()
        shot.save(str(out / f"{name}-{theme}.png"))

    def centre(dialog) -> None:
        dialog.move(win.geometry().center() - dialog.rect().center())

    # The first run: an empty data folder, the welcome over the starter Today screen.
    first_folder = Path(tempfile.mkdtemp(prefix="itb-first-run-"))
    first_store = SessionRepository(first_folder)
    first_settings = AppSettings(first_folder)
    first_settings.theme = theme
    win = MainWindow(first_store, first_settings, FakeClock(start=NOW.astimezone()))
    win.setGeometry(0, 0, 1366, 768)
    win.show()
    settle()
    welcome = win.show_welcome(first_run=True)
    settle()
    centre(welcome)
    grab_over("first-run", welcome)
    welcome.reject()
    settle()
    win.close()
    first_store.close()

    # History: ten weeks of varied sessions (benchmarks/synthetic_history.py), each chart tab.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import synthetic_history

    history_folder = Path(tempfile.mkdtemp(prefix="itb-history-shots-"))
    synthetic_history.generate(history_folder, weeks=10, end=NOW.date() - dt.timedelta(days=2))
    history_store = SessionRepository(history_folder)
    history_store.save_plan_setup(dataclasses.replace(SETUP, start_date=dt.date(2026, 9, 21)).to_doc())
    history_settings = AppSettings(history_folder)
    history_settings.theme, history_settings.first_run_done = theme, True
    win = MainWindow(history_store, history_settings, FakeClock(start=NOW.astimezone()))
    win.setGeometry(0, 0, 1366, 768)
    win.show()
    win.show_page("history")
    for index, name in enumerate(("history", "history-resistance", "history-pain",
                                  "history-per-week", "history-left-right")):
        win.history_page.tabs.setCurrentIndex(index)
        grab(name)
    win.close()
    history_store.close()

    folder = tempfile.mkdtemp(prefix="itb-shots-")
    store = SessionRepository(Path(folder))
    fill_store(store)
    clock = FakeClock(start=NOW.astimezone())
    settings = AppSettings(Path(folder))
    settings.theme = theme
    settings.first_run_done = True
    win = MainWindow(store, settings, clock)
    win.live_settings.probe_voices = False   # the voice list would name this machine's voices
    win.setGeometry(0, 0, 1366, 768)
    win.show()

    def run_until(kind: StepKind) -> None:
        while player.engine.step.kind is not kind:
            clock.advance(0.25)
            player.poll()

    grab("today")
    win.show_page("plan")
    grab("plan")
    win.edit_plan_setup(modal=False)
    win.setup_dialog.move(win.geometry().center() - win.setup_dialog.rect().center())
    grab("plan-setup", win.setup_dialog)
    win.setup_dialog.reject()
    settle()

    win.show_page("library")
    library = win.library_page
    library.focus_search()
    QTest.keyClicks(library.search_field, "clam")
    QTest.keyClick(library.search_field, Qt.Key.Key_Return)
    grab("library")
    library.search_field.clear()

    dialog = win.open_settings("timing")
    dialog.show_voices([])
    settle()
    centre(dialog)
    grab_over("settings", dialog)
    dialog.sections.setCurrentRow(0)
    grab_over("settings-sound", dialog)
    dialog.reject()
    settle()

    win.show_page("today")
    win.today_page.morning_answered.emit("same")
    QTest.keyClick(win, Qt.Key.Key_Return)
    player = win.player
    grab("pain-before")
    QTest.keyClicks(player, "3")
    QTest.keyClick(player, Qt.Key.Key_Return)
    run_until(StepKind.WORK)
    clock.advance(2.5)
    player.poll()
    grab("player-exercise")
    QTest.keyClick(player, Qt.Key.Key_I)
    grab("library-from-session")
    QTest.keyClick(win.library_page.scroll, Qt.Key.Key_Escape)
    QTest.keyClick(player, Qt.Key.Key_Space)
    run_until(StepKind.REST)
    for _ in range(12):                       # 3 s in: one-sided work rests only ~10 s
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
    QTest.keyClick(player, Qt.Key.Key_Return)
    grab("today-after")
    win.close()
    store.close()


if __name__ == "__main__":
    main()
