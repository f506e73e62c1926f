"""Light and dark palettes tuned for reading from the mat.

Fusion style with our own palette so both themes look the same on every platform;
"system" follows the desktop's colour scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Colours:
    window: str
    base: str
    text: str
    muted: str
    accent: str
    accent_text: str
    card: str
    warn: str

    @property
    def ink(self) -> str:
        """Line colour for the exercise drawings."""
        return self.text


LIGHT = Colours(window="#f4f6f8", base="#ffffff", text="#1d2733", muted="#4e5b68",
                accent="#0b6670", accent_text="#ffffff", card="#ffffff", warn="#a33a00")
DARK = Colours(window="#14191f", base="#1d242c", text="#eef2f5", muted="#b3bfca",
               accent="#5cc4cf", accent_text="#0b1216", card="#1d242c", warn="#ffb27a")


def resolve(mode: str, app: QApplication) -> Colours:
    if mode == "light":
        return LIGHT
    if mode == "dark":
        return DARK
    return DARK if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else LIGHT


def apply_theme(app: QApplication, mode: str) -> Colours:
    colours = resolve(mode, app)
    if app.style().name().lower() != "fusion":  # re-creating the style costs start-up time
        app.setStyle("Fusion")
    p = QPalette()
    c = QColor
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, c(colours.window))
        p.setColor(group, QPalette.ColorRole.WindowText, c(colours.text))
        p.setColor(group, QPalette.ColorRole.Base, c(colours.base))
        p.setColor(group, QPalette.ColorRole.AlternateBase, c(colours.window))
        p.setColor(group, QPalette.ColorRole.Text, c(colours.text))
        p.setColor(group, QPalette.ColorRole.Button, c(colours.card))
        p.setColor(group, QPalette.ColorRole.ButtonText, c(colours.text))
        p.setColor(group, QPalette.ColorRole.Highlight, c(colours.accent))
        p.setColor(group, QPalette.ColorRole.HighlightedText, c(colours.accent_text))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, c(colours.muted))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, c(colours.card))
        p.setColor(group, QPalette.ColorRole.ToolTipText, c(colours.text))
        p.setColor(group, QPalette.ColorRole.Link, c(colours.accent))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, c(colours.muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, c(colours.muted))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, c(colours.muted))
    app.setPalette(p)
    app.setProperty("itb_colours", colours)  # widgets read the accent etc. from here
    return colours


def colours(app: QApplication | None = None) -> Colours:
    app = app or QApplication.instance()
    value = app.property("itb_colours") if app else None
    return value if isinstance(value, Colours) else LIGHT
