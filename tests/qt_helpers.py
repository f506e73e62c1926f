"""Helpers for driving the real window on a fake clock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from itbgui.core.engine import EngineState


class RecordingInhibitor:
    """Stands in for the D-Bus screen saver call and remembers what was asked."""

    def __init__(self) -> None:
        self.active = False
        self.calls: list[str] = []

    def inhibit(self, reason: str) -> None:
        self.active = True
        self.calls.append("inhibit")

    def release(self) -> None:
        self.active = False
        self.calls.append("release")


def advance(player, clock, seconds: float, max_step: float = 1.0) -> None:
    """Let time pass the way the event loop would see it: poll at every due event."""
    end = clock.monotonic() + seconds
    while clock.monotonic() < end - 1e-9:
        wait = player.engine.time_to_next_event()
        step = min(max_step, end - clock.monotonic(), wait if wait else max_step)
        clock.advance(max(step, 1e-4))
        player.poll()


def run_until(player, clock, kind, limit: float = 4 * 3600) -> None:
    spent = 0.0
    while player.engine.step.kind is not kind:
        assert player.engine.state is EngineState.RUNNING, player.engine.state
        before = clock.monotonic()
        advance(player, clock, 0.5)
        spent += clock.monotonic() - before
        assert spent < limit, f"never reached {kind}"


def key(qtbot, widget, k, text: str = "") -> None:
    qtbot.keyClick(widget, k) if not text else qtbot.keyClicks(widget, text)


def press(qtbot, widget, *keys) -> None:
    for k in keys:
        qtbot.keyClick(widget, k)


ENTER = Qt.Key.Key_Return
