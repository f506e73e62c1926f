"""What "fits" means for a screen: the rule the layout test and the screenshot tool share.

A widget is clipped when it shows less than it needs: a one-line label whose text is wider
than the label, a wrapped label taller than the room it got, a button narrower than its
label, or a widget that reaches outside the window (and is not inside a scroll area, which
is there to scroll). The window fits when its minimum size is within the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from itbgui.ui.fit_label import FitLabel
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QAbstractScrollArea, QComboBox, QLabel, QLineEdit, QScrollArea,
                               QTabBar, QWidget)

#: A window manager's frame and a desktop panel take this much of the screen (pixels).
FRAME_AND_PANEL = (12, 72)
SCREENS = {"1366x768": (1366, 768), "1280x720": (1280, 720)}
#: Rounding slack: one pixel either way is not clipping.
SLACK = 1


def available(screen: tuple[int, int]) -> tuple[int, int]:
    """The room a normal window gets on ``screen`` once the frame and a panel are taken."""
    return screen[0] - FRAME_AND_PANEL[0], screen[1] - FRAME_AND_PANEL[1]


def _describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}#{name} {text[:40]!r} {widget.width()}x{widget.height()}"


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _really_visible(widget: QWidget, root: QWidget) -> bool:
    w = widget
    while w is not None and w is not root:
        if not w.isVisibleTo(root) or w.width() <= 0 or w.height() <= 0:
            return False
        w = w.parentWidget()
    return widget.isVisibleTo(root)


def clipped(widget: QWidget) -> str | None:
    """Why ``widget`` shows less than it needs, or None when it shows it all."""
    if isinstance(widget, FitLabel):   # shrinks its type to fit: cut only when elided
        fit = widget.fit()
        return f"elided to {fit.text!r}" if fit.elided else None
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        rect = widget.contentsRect()
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return f"wrapped text needs {need} px high"
            words = widget.text().split()
            longest = max((widget.fontMetrics().horizontalAdvance(w) for w in words), default=0)
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(widget.text()))
            if words and not rich and longest > rect.width() + SLACK:
                return f"a word needs {longest} px, the label has {rect.width()}"
            if not rich and len(words) > 3 and rect.width() < widget.fontMetrics().averageCharWidth() * 12:
                return f"squeezed to a word a line ({rect.width()} px)"
            return None
        need = widget.sizeHint()
        if need.width() > widget.width() + SLACK:
            return f"text needs {need.width()} px wide"
        if widget.fontMetrics().height() > rect.height() + SLACK:
            return f"text needs {widget.fontMetrics().height()} px high"
        return None
    if isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QTabBar):
        if not widget.text():
            return None
        need = widget.minimumSizeHint()
        if need.width() > widget.width() + SLACK or need.height() > widget.height() + SLACK:
            return f"label needs {need.width()}x{need.height()}"
        return None
    if isinstance(widget, QLineEdit) and not widget.hasFrame():
        return None   # a spin box's or combo box's own line edit: its box is checked instead
    if isinstance(widget, (QComboBox, QLineEdit, QAbstractSpinBox)):
        need = widget.minimumSizeHint()
        if need.height() > widget.height() + SLACK:
            return f"needs {need.height()} px high"
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        inner, room = widget.widget().width(), widget.viewport().width()
        if inner > room + SLACK and not widget.horizontalScrollBar().isVisible():
            return f"its content is {inner} px wide in {room} px, cut on the right"
    if isinstance(widget, QAbstractScrollArea):
        bar = widget.horizontalScrollBar()
        if bar.isVisible() and bar.maximum() > 0 and not isinstance(widget, QAbstractItemView):
            return f"scrolls sideways by {bar.maximum()} px"
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            if widget.tabRect(i).right() > widget.width() + SLACK:
                return f"tab {widget.tabText(i)!r} off the bar"
    return None


def clipped_widgets(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` that is clipped or reaches outside ``root``."""
    problems = []
    bounds = root.rect()
    for widget in root.findChildren(QWidget):
        if not _really_visible(widget, root):
            continue
        why = clipped(widget)
        if why is None and not _inside_scroll_area(widget):
            where = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
            if not bounds.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(where):
                why = f"outside the window at {where.x()},{where.y()} {where.width()}x{where.height()}"
        if why:
            problems.append(f"{_describe(widget)}: {why}")
    return problems


def too_big(window: QWidget, screen: tuple[int, int]) -> str | None:
    """Why ``window`` cannot fit on ``screen`` (its minimum size), or None."""
    room = available(screen)
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > room[0] or need.height() > room[1]:
        return f"minimum {need.width()}x{need.height()} > room {room[0]}x{room[1]}"
    return None
