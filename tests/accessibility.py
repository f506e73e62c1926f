"""Checks that every control a keyboard can reach tells a screen reader what it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader hears: set explicitly, a button's text, or a label's buddy."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def focusable_widgets(root: QWidget) -> list[QWidget]:
    """Widgets that take keyboard focus, on every page of ``root`` (shown or not).

    A widget whose focus goes to a proxy (a spin box's inner line edit) is skipped:
    the proxy is the control the reader announces, and it is checked itself.
    """
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None:
            continue
        if widget is not root and widget.window() is not root.window():
            continue  # inside a separate window (a menu, a combo box's popup list)
        found.append(widget)
    return found


def unnamed_focusable_widgets(root: QWidget) -> list[str]:
    """A readable line for each focusable widget with no accessible name (empty = all good)."""
    return [f"{type(w).__name__} objectName={w.objectName()!r} text={getattr(w, 'text', lambda: '')()!r}"
            for w in focusable_widgets(root) if not accessible_name(w)]


def tab_visits(root: QWidget, qtbot, presses: int = 40) -> list[QWidget]:
    """The widgets that take focus, in order, as Tab is pressed ``presses`` times."""
    root.activateWindow()
    qtbot.waitUntil(lambda: root.isActiveWindow(), timeout=2000)
    seen: list[QWidget] = []
    for _ in range(presses):
        current = root.focusWidget() or root
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        focused = root.focusWidget()
        if focused is not None and focused not in seen:
            seen.append(focused)
    return seen


def unreachable_by_tab(root: QWidget, qtbot, presses: int = 40) -> list[str]:
    """Visible, enabled controls that Tab never reaches (empty = all good)."""
    visited = tab_visits(root, qtbot, presses)
    return [f"{type(w).__name__} {accessible_name(w)!r}" for w in focusable_widgets(root)
            if w is not root and w.isVisible() and w.isEnabled() and w not in visited]
