"""A label that fits its text to the room it is given, instead of asking for more.

A plain QLabel asks the layout for its whole text's width; a long "Next: ..." line then
widens the window past the screen (it did, at 1344 px on a 1366 screen). A FitLabel asks
for almost nothing sideways, keeps the height of its ``lines``, and draws its text at the
style sheet's size when it fits, smaller when it does not (down to ``MIN_SCALE``), and
elided only past that. ``fit()`` says what was drawn, so a test can tell a shrunk line
from a cut one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: The type never shrinks below this share of its styled size; past it the text is elided.
MIN_SCALE = 0.55


@dataclass(frozen=True)
class Fit:
    pixel_size: int
    text: str        # what is drawn: the text, or its elided form
    elided: bool
    scale: float     # pixel_size against the styled size


class FitLabel(QLabel):
    """One line (or ``lines`` wrapped lines) of text that shrinks to fit; never widens its window.

    ``fill`` lets the label take whatever height it is given and shrink its type far
    further to fit it (the player's digits): it asks for a third of a line at least.
    ``room_lines`` (default ``lines``) is the height it asks for, in lines of its styled
    size: a big word on one line whose rarer long text wraps to ``lines`` smaller lines
    asks for less height than ``lines`` big lines. ``min_lines`` (default ``room_lines``)
    is the least height it takes, squeezed, before its type shrinks. ``min_scale``
    overrides ``MIN_SCALE``.
    """

    def __init__(self, text: str = "", *, lines: int = 1, fill: bool = False,
                 align=Qt.AlignmentFlag.AlignLeft, room_lines: float | None = None,
                 min_lines: float | None = None, min_scale: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._lines = lines
        self._room_lines = lines if room_lines is None else room_lines
        self._min_lines = self._room_lines if min_lines is None else min_lines
        self._fill = fill
        self._min_scale = min_scale if min_scale is not None else 0.15 if fill else MIN_SCALE
        self._dim = 1.0
        self._overlay = ""
        self._overlay_colour = QColor()
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        vertical = QSizePolicy.Policy.Expanding if fill else QSizePolicy.Policy.Preferred
        self.setSizePolicy(QSizePolicy.Policy.Ignored, vertical)

    # ---------------------------------------------------------------- sizes
    def _styled_pixels(self) -> int:
        font = self.font()
        return font.pixelSize() if font.pixelSize() > 0 else round(QFontMetrics(font).height() * 0.8)

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        fm = self.fontMetrics()
        width = min(fm.horizontalAdvance(self.text()), 240) + m.left() + m.right()
        return QSize(width, round(fm.height() * self._room_lines) + m.top() + m.bottom())

    def minimumSizeHint(self) -> QSize:
        m = self.contentsMargins()
        fm = self.fontMetrics()
        height = round(fm.height() * self._min_lines) if not self._fill else fm.height() // 3
        return QSize(fm.averageCharWidth() * 3, height + m.top() + m.bottom())

    def hasHeightForWidth(self) -> bool:
        return False

    # ---------------------------------------------------------------- fitting
    def _font(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, pixels))
        return font

    def _needs(self, font: QFont, text: str, room: QRect) -> tuple[int, int]:
        fm = QFontMetrics(font)
        if self._lines == 1:
            return fm.horizontalAdvance(text), fm.height()
        box = fm.boundingRect(QRect(0, 0, room.width(), 100000),
                              int(Qt.TextFlag.TextWordWrap), text)
        return box.width(), box.height()

    def fit(self) -> Fit:
        """The size and text drawn in the room the label has now."""
        room = self.contentsRect()
        text = self.text()
        styled = self._styled_pixels()
        size = styled
        floor = max(1, int(styled * self._min_scale))
        while size > floor:
            width, height = self._needs(self._font(size), text, room)
            if width <= room.width() and height <= room.height():
                break
            size = max(floor, int(size * 0.94))
        font = self._font(size)
        width, height = self._needs(font, text, room)
        if width <= room.width() and height <= room.height() or not text:
            return Fit(size, text, False, size / styled)
        fm = QFontMetrics(font)
        if self._lines == 1:
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, room.width())
        else:   # keep the lines that fit, the last one elided
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight,
                                  room.width() * max(1, room.height() // fm.height()))
        return Fit(size, shown, shown != text, size / styled)

    # ---------------------------------------------------------------- dimming (the pause)
    @property
    def opacity(self) -> float:
        return self._dim

    @property
    def overlay(self) -> str:
        return self._overlay

    def set_dimmed(self, level: float, overlay: str = "", colour: QColor | None = None) -> None:
        """Draw the text at ``level`` opacity, with ``overlay`` written large over it."""
        if (level, overlay) != (self._dim, self._overlay):
            self._dim, self._overlay = level, overlay
            self._overlay_colour = QColor(colour) if colour is not None else QColor()
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        fit = self.fit()
        painter.setFont(self._font(fit.pixel_size))
        colour = QColor(self.palette().color(self.foregroundRole()))
        painter.setOpacity(self._dim)
        painter.setPen(colour)
        flags = int(self.alignment())
        if self._lines > 1:
            flags |= int(Qt.TextFlag.TextWordWrap)
        painter.drawText(self.contentsRect(), flags, fit.text)
        if self._overlay:
            painter.setOpacity(1.0)
            room = self.contentsRect()
            font = self._font(fit.pixel_size)
            font.setPixelSize(max(1, min(int(room.height() * 0.42),
                                         int(fit.pixel_size * 0.6))))
            fm = QFontMetrics(font)
            while fm.horizontalAdvance(self._overlay) > room.width() * 0.96 and font.pixelSize() > 8:
                font.setPixelSize(int(font.pixelSize() * 0.9))
                fm = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(self._overlay_colour)
            painter.drawText(room, int(Qt.AlignmentFlag.AlignCenter), self._overlay)
        painter.end()
