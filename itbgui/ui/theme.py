"""Light and dark palettes tuned for reading from the mat.

Fusion style with our own palette so both themes look the same on every platform;
"system" follows the desktop's colour scheme.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


class Colours(NamedTuple):
    """A theme's colours. A NamedTuple, not a dataclass: importing dataclasses and making
    the class cost ~3 ms before the first paint (tests/test_first_paint.py)."""

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


def system_scheme(app: QApplication) -> str:
    """"dark" or "light", as the desktop says now. Asking costs 12 ms at start-up (PySide
    builds every enum of its ``Qt`` namespace), so a start paints with the scheme last
    seen (``system_seen``) and asks after the first paint (LiveSettings.confirm_system_scheme)."""
    from PySide6.QtCore import Qt

    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(mode: str, app: QApplication, system_seen: str | None = None) -> Colours:
    if mode == "light":
        return LIGHT
    if mode == "dark":
        return DARK
    return DARK if (system_seen or system_scheme(app)) == "dark" else LIGHT


#: Set on the application once its style is known to be Fusion (cli.py starts it so).
FUSION_SET = "itb_fusion"


def use_fusion(app: QApplication) -> None:
    """Fusion, so both themes look the same everywhere. The style is asked once: the first
    look at it from Python builds QStyle's enums (5 ms), so the app starts Qt with
    ``-style Fusion`` and says so with FUSION_SET; re-creating the style costs time too."""
    if app.property(FUSION_SET):
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setProperty(FUSION_SET, True)


def apply_theme(app: QApplication, mode: str, system_seen: str | None = None) -> Colours:
    """``system_seen``: the desktop's scheme as last seen, used for "system" without asking."""
    colours = resolve(mode, app, system_seen)
    use_fusion(app)
    r = QPalette.ColorRole
    roles = {
        r.Window: colours.window, r.WindowText: colours.text, r.Base: colours.base,
        r.AlternateBase: colours.window, r.Text: colours.text, r.Button: colours.card,
        r.ButtonText: colours.text, r.Highlight: colours.accent,
        r.HighlightedText: colours.accent_text, r.PlaceholderText: colours.muted,
        r.ToolTipBase: colours.card, r.ToolTipText: colours.text, r.Link: colours.accent,
    }
    p = QPalette()
    # Disabled controls keep the theme's backgrounds (Qt's default would put a light box
    # in the dark theme) and show their text muted.
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role, colour in roles.items():
            p.setColor(group, role, QColor(colour))
    for role in (r.WindowText, r.Text, r.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.muted))
    app.setPalette(p)
    app.setProperty("itb_colours", colours)  # widgets read the accent etc. from here
    return colours


def colours(app: QApplication | None = None) -> Colours:
    app = app or QApplication.instance()
    value = app.property("itb_colours") if app else None
    return value if isinstance(value, Colours) else LIGHT
