"""Reading the data file after the window's first paint.

The window opens with the folder's lock taken and the file's bytes read (so a second copy
is refused and an unreadable file is reported before any window), Today saying it is
opening the sessions. Once Today has painted, the file is parsed and checked, Today is
filled in, and a damaged file's notice appears. Ten years of sessions then cost the
person no wait before they see the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

#: If no paint comes (a window started minimised), the file is read after this anyway.
NO_PAINT_FALLBACK_MS = 400


class _PaintProbe(QWidget):
    """A 1 x 1 px child that paints nothing: its first paint is the widget's.

    Not an event filter: every event a Python filter sees is wrapped in Python, which
    makes PySide build the QEvent.Type enum and some fifty event classes (~3 ms) before
    the first paint. A paintEvent override sees paint events only."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        self.resize(1, 1)
        self.show()
        QTimer.singleShot(NO_PAINT_FALLBACK_MS, self, self._run)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._callback is not None:
            QTimer.singleShot(0, self, self._run)   # once the paint is done

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self.deleteLater()
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, in the event loop right after ``widget`` first paints."""
    _PaintProbe(widget, callback)
