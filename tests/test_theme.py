"""Both themes keep the contrast needed to read the player from the mat (WCAG AA)."""

import pytest

from itbgui.ui.theme import DARK, LIGHT


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_pairs_pass_aa(theme):
    assert contrast(theme.text, theme.window) >= 7
    assert contrast(theme.muted, theme.window) >= 4.5
    assert contrast(theme.muted, theme.base) >= 4.5
    assert contrast(theme.accent_text, theme.accent) >= 4.5   # side badge, start button
    assert contrast(theme.accent, theme.window) >= 4.5        # REP / REST status word
    assert contrast(theme.base, theme.warn) >= 4.5            # leave-session bar


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_disabled_controls_keep_the_themes_background_and_readable_text(qapp, mode):
    from PySide6.QtGui import QPalette

    from itbgui.ui.theme import apply_theme

    theme = apply_theme(qapp, mode)
    palette = qapp.palette()
    disabled = QPalette.ColorGroup.Disabled
    for role, expected in [(QPalette.ColorRole.Base, theme.base), (QPalette.ColorRole.Button, theme.card),
                           (QPalette.ColorRole.Window, theme.window)]:
        assert palette.color(disabled, role).name() == expected
    text = palette.color(disabled, QPalette.ColorRole.Text).name()
    assert contrast(text, palette.color(disabled, QPalette.ColorRole.Base).name()) >= 4.5
    apply_theme(qapp, "light")
