"""Draws the app icon (assets/icons/itb-coach.svg): a figure in a bridge on a teal tile.

The exercise pictures are no longer files: they are drawn in code from pose data
(itbgui/figures), the same on screen, in the Library and on the printed week.
Run: ``python tools/draw_figures.py``, then ``python tools/build_resources.py`` and
``python tools/render_icons.py``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON = ROOT / "assets" / "icons" / "itb-coach.svg"
ACCENT = "#e8692e"


def icon() -> str:
    """A teal tile with a white figure in a bridge: bold enough for 16 px."""
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="52" fill="#0b6670"/>
  <line x1="36" y1="196" x2="220" y2="196" stroke="#ffffff" stroke-opacity="0.5" stroke-width="8" stroke-linecap="round"/>
  <circle cx="58" cy="170" r="20" fill="#ffffff"/>
  <polyline points="84,176 138,142 188,120 212,186" fill="none" stroke="#ffffff" stroke-width="20" stroke-linecap="round" stroke-linejoin="round"/>
  <ellipse cx="138" cy="150" rx="20" ry="12" fill="{ACCENT}" transform="rotate(-30 138 150)"/>
</svg>
"""


def main() -> None:
    ICON.parent.mkdir(parents=True, exist_ok=True)
    ICON.write_text(icon(), encoding="utf-8")
    print(f"wrote {ICON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
