"""Small things every screen needs: emptying a layout, and type scaled for the mat."""

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


class TextScaled:
    """Mixed into a page or dialog whose style sheet sizes its type by Settings > Text size.

    The class provides ``apply_style()``, writing font sizes as ``self.px(17)``.
    """

    _text_scale = 1.0

    def px(self, size: float) -> str:
        return px(size, self._text_scale)

    def set_text_scale(self, scale: float) -> None:
        if scale != self._text_scale:
            self._text_scale = scale
            self.apply_style()
