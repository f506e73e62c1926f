"""Two small things every screen needs: emptying a layout, and type scaled for the mat."""

from __future__ import annotations


def clear_layout(layout) -> None:
    """Remove and delete every widget in ``layout`` (hidden at once, not at the next loop)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().hide()
            item.widget().deleteLater()


def px(size: float, scale: float) -> str:
    """A style-sheet font size: ``size`` pixels at normal text, times the Settings text scale."""
    return f"{round(size * scale)}px"
