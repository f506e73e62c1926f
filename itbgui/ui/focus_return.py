"""Focus comes back to the main window after every dialog, with or without a window manager.

A window manager re-activates the window under a closing dialog; without one (a bare X
session, a kiosk, the CI's Xvfb) nothing does, and Ctrl shortcuts went nowhere until the
window was clicked. This watches every dialog of the window close and then activates the
window and gives focus back to what had it (the player while a session runs).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturner(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._last_focus: QWidget | None = None
        # Only the window's own events (a dialog made with it as parent arrives as a child),
        # then each dialog's: not an application-wide filter, which every event would cross.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.ChildPolished and isinstance(event.child(), QDialog):
                event.child().installEventFilter(self)
            return False
        if kind == QEvent.Type.Show and isinstance(watched, QDialog):
            focus = QApplication.focusWidget()
            if focus is not None and focus.window() is self.window:
                self._last_focus = focus
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog):
            QTimer.singleShot(0, self.give_back)
        return False

    def _ours(self, dialog: QDialog) -> bool:
        parent = dialog.parentWidget()
        return parent is not None and parent.window() is self.window

    def give_back(self) -> None:
        """Activate the window and focus what had focus, unless another dialog is up."""
        app = QApplication.instance()
        if app is None or app.activeModalWidget() is not None or not self.window.isVisible():
            return
        if any(isinstance(w, QDialog) and w.isVisible() and self._ours(w) for w in app.topLevelWidgets()):
            return
        self.window.activateWindow()
        self.window.raise_()
        target = getattr(self.window, "player", None)
        if target is None:
            target = self._last_focus
        try:
            alive = target is not None and target.isVisible() and target.window() is self.window
        except RuntimeError:   # deleted meanwhile
            alive = False
        (target if alive else self.window).setFocus()
