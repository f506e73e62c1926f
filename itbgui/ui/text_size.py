"""Settings > Text size, for the whole application at once.

Pages with their own style sheets scale their pixel sizes (widget_kit.TextScaled); this
scales everything else: the application font, which menus, tables, message boxes, Help,
dialogs and chart axes take when nothing overrides it. One call, from the window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

_BASE = "itb_base_point_size"
_SCALE = "itb_text_scale"


def apply_text_scale(scale: float, app: QApplication | None = None) -> None:
    """Make the application font ``scale`` times the platform's normal size."""
    app = app or QApplication.instance()
    if app is None:
        return
    base = app.property(_BASE)
    app.setProperty(_SCALE, float(scale))
    if not base:
        if scale == 1.0:   # never scaled (a start at normal text): the font is already right,
            return         # and asking for it before the first paint costs 2 ms (QFont, setFont)
        base = app.font().pointSizeF()
        app.setProperty(_BASE, base)
    font = app.font()
    if font.pointSizeF() != base * scale:
        font.setPointSizeF(base * scale)
        app.setFont(font)
    # Widgets under a style sheet keep the font they were polished with (the style sheet
    # style does not pass an application font change on): give it to each window too.
    for window in app.topLevelWidgets():
        if window.font().pointSizeF() != font.pointSizeF():
            window.setFont(font)


def text_scale(app: QApplication | None = None) -> float:
    """The text scale last applied (1.0 before any)."""
    app = app or QApplication.instance()
    value = app.property(_SCALE) if app is not None else None
    return float(value) if value else 1.0


def points(size: float) -> float:
    """A font size in points, at the current text scale (for fonts set in code: charts)."""
    return size * text_scale()
