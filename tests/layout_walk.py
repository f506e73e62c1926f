"""Walks a real window through every page, dialog and player step, for the layout test and
tools/take_screenshots.py. Each state is yielded as (name, widget to check) while it shows.

The window must be built on a plan and a history (see tests/test_layout_fit.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from itbgui.program.timeline import StepKind

TEXT_SIZES = ("normal", "large", "extra_large")


def settle(app: QApplication | None = None) -> None:
    app = app or QApplication.instance()
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents()


def pretend_screen(size: tuple[int, int]) -> None:
    """Dialogs size themselves to the screen's free area: make it a laptop's, less a panel
    (the offscreen platform's own screen is 800 x 800)."""
    from PySide6.QtCore import QRect

    from itbgui.ui import widget_kit
    from layout_check import FRAME_AND_PANEL

    widget_kit.screen_room = lambda _window: QRect(0, 0, size[0], size[1] - FRAME_AND_PANEL[1] + 30)


def set_text_size(win, size: str) -> None:
    win.settings.text_size = size
    win.apply_text_scale()
    settle()


def pages(win) -> Iterator[tuple[str, QWidget]]:
    for name in ("today", "plan", "history", "library"):
        win.show_page(name)
        settle()
        if name == "history":
            page = win.history_page
            for i in range(page.tabs.count()):
                page.tabs.setCurrentIndex(i)
                settle()
                yield f"history-chart{i + 1}", win
            continue
        yield name, win
    library = win.library_page
    library.search_field.setText("no such exercise")
    settle()
    yield "library-no-match", win
    library.search_field.clear()
    settle()


def dialogs(win) -> Iterator[tuple[str, QWidget]]:
    win.show_page("today")
    settings = win.open_settings()
    settings.show_voices([])
    for row in range(settings.sections.count()):
        settings.sections.setCurrentRow(row)
        settle()
        yield f"settings{row + 1}", settings
    settings.reject()
    settle()
    welcome = win.show_welcome()
    settle()
    yield "welcome", welcome
    welcome.reject()
    settle()
    win.edit_plan_setup(modal=False)
    settle()
    yield "plan-setup", win.setup_dialog
    win.setup_dialog.reject()
    settle()
    win.show_page("history")
    settle()
    record = win.history_page.selected_record()
    if record is not None:
        from itbgui.screens.history.editing import SessionEditDialog

        dialog = SessionEditDialog(record, win, rung_label=win.history_page._rung_label())
        dialog.show()
        settle()
        yield "history-edit", dialog
        dialog.reject()
        settle()
    win.show_page("today")
    settle()


def start_session(win) -> QWidget:
    """Start, answering Yes when Start asks first (a day without a session of its own, or a
    second session today) and "the same" when it asks the last session's next morning."""
    win.start_session()
    pressed = set()   # once per box: a box answers on its button's click animation, which
    for _ in range(200):   # another press would start again
        if win.player is not None:
            break
        for box, key in ((win.session.morning_question, Qt.Key.Key_S),   # the same as before
                         (win.session.extra_question, Qt.Key.Key_Y)):
            if box is not None and id(box) not in pressed:
                pressed.add(id(box))
                QTest.keyClick(box, key)
        QTest.qWait(20)
    assert win.player is not None
    return win.player


def player_steps(win, clock, every_step: bool = True) -> Iterator[tuple[str, QWidget]]:
    """A whole session: pain before, every step (or the first of each kind), a pause,
    leaving early, the pain question after it, the summary."""
    win.show_page("today")
    settle()
    player = start_session(win)
    settle()
    yield "player-pain-before", win
    QTest.keyClicks(player, "3")
    QTest.keyClick(player, Qt.Key.Key_Return)
    seen: set[StepKind] = set()
    while player.engine.step.kind is not StepKind.PAIN_AFTER:
        kind = player.engine.step.kind
        clock.advance(1.2)
        player.poll()
        settle()
        if player.engine.step.kind is kind and (every_step or kind not in seen):
            yield f"player-{kind.name.lower().replace('_', '-')}", win
            if kind is StepKind.WORK and kind not in seen:
                QTest.keyClick(player, Qt.Key.Key_Space)
                settle()
                yield "player-paused", win
                QTest.keyClick(player, Qt.Key.Key_Escape)
                settle()
                yield "player-leave", win
                QTest.keyClick(player, Qt.Key.Key_Escape)
                QTest.keyClick(player, Qt.Key.Key_Space)
        seen.add(kind)
        QTest.keyClick(player, Qt.Key.Key_Right)
    settle()
    yield "player-pain-after", win
    QTest.keyClicks(player, "2")
    QTest.keyClicks(player, "f")
    QTest.keyClicks(player.note_edit, "elt steady, a long note to see that it never widens the window " * 2)
    settle()
    yield "player-note", win
    QTest.keyClick(player.note_edit, Qt.Key.Key_Return)
    settle()
    yield "player-summary", win
    QTest.keyClick(player, Qt.Key.Key_Return)
    settle()
    # Leaving early: the pain question says so.
    player = start_session(win)
    QTest.keyClicks(player, "3")
    QTest.keyClick(player, Qt.Key.Key_Return)
    QTest.keyClick(player, Qt.Key.Key_Escape)
    QTest.keyClick(player, Qt.Key.Key_Return)
    settle()
    yield "player-stopped-early", win
    QTest.keyClick(player, Qt.Key.Key_Escape)
    settle()
    if win.player is not None:
        QTest.keyClick(win.player, Qt.Key.Key_Return)
        settle()


def every_state(win, clock, every_step: bool = True) -> Iterator[tuple[str, QWidget]]:
    yield from pages(win)
    yield from dialogs(win)
    yield from player_steps(win, clock, every_step)


def modal_boxes(win, preview: bool = False) -> list[tuple[str, list[str], tuple[int, int]]]:
    """Help's message boxes (shortcuts, sources, about) run their own event loop: each is
    checked from inside it. (name, problems, its size) for each."""
    from PySide6.QtCore import QTimer

    from layout_check import clipped_widgets

    found = []

    def check(name):
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, lambda: check(name))
            return
        settle()
        found.append((name, clipped_widgets(box), (box.width(), box.height())))
        box.close()

    from itbgui.app import help as help_boxes

    boxes = [("help-shortcuts", lambda: help_boxes.show_shortcuts(win)),
             ("help-sources", lambda: help_boxes.show_sources(win)),
             ("help-about", lambda: help_boxes.show_about(win, win.store.path))]
    if preview:   # the print preview renders the week: slow, so asked for once
        boxes.append(("print-preview", win.printing.preview))
    for name, opener in boxes:
        QTimer.singleShot(20, lambda n=name: check(n))
        opener()
        settle()
    return found
