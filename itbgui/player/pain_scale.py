"""The 0-10 pain scale: eleven big boxes, picked with the number keys or the arrows.

Each box carries its number and the band word (mild, moderate, severe), so the scale
never relies on colour alone.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from itbgui.ui.theme import colours

ANCHORS = ((0, 0, "no pain"), (1, 3, "mild"), (4, 6, "moderate"), (7, 10, "severe"))
_TINTS = {"no pain": "#3c9a5f", "mild": "#7aa83a", "moderate": "#d08a16", "severe": "#c8432b"}
# Number colour on a selected (filled) box, chosen for contrast with its tint.
_ON_TINT = {"no pain": "#ffffff", "mild": "#111111", "moderate": "#111111", "severe": "#ffffff"}


def anchor_word(value: int) -> str:
    return next(word for lo, hi, word in ANCHORS if lo <= value <= hi)


class PainScale(QWidget):
    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: int | None = None
        self._largest = 96.0   # a box's most pixels: 96 at normal text, more at a larger size
        self._last_digit: tuple[str, float] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Pain score from 0 to 10")

    def value(self) -> int | None:
        return self._value

    def set_text_scale(self, scale: float) -> None:
        """Settings > Text size: the boxes may grow to 96 px times ``scale`` (room allowing)."""
        self._largest = 96.0 * scale
        self._fit_height()
        self.update()

    def set_value(self, value: int | None) -> None:
        if value is not None:
            value = max(0, min(10, int(value)))
        if value != self._value:
            self._value = value
            self.setAccessibleDescription("" if value is None else f"{value}, {anchor_word(value)}")
            self.update()
            if value is not None:
                self.changed.emit(value)

    def step(self, delta: int) -> None:
        self.set_value((0 if delta > 0 else 10) if self._value is None else self._value + delta)

    def type_digit(self, digit: str, now: float | None = None) -> None:
        """'1' then '0' within a second makes 10; any other digit is taken as is."""
        now = time.monotonic() if now is None else now
        if digit == "0" and self._last_digit and self._last_digit[0] == "1" and now - self._last_digit[1] < 1.0:
            self.set_value(10)
            self._last_digit = None
            return
        self.set_value(int(digit))
        self._last_digit = (digit, now)

    def sizeHint(self) -> QSize:
        return QSize(900, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(440, 110)

    def heightForWidth(self, width: int) -> int:
        return 150

    def paintEvent(self, event) -> None:
        c = colours()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 8
        box = min((self.width() - gap * 10) / 11, self._largest)
        left = (self.width() - (box * 11 + gap * 10)) / 2
        number_font = QFont(self.font())
        number_font.setPixelSize(int(box * 0.48))
        number_font.setBold(True)
        word_font = QFont(self.font())
        word_font.setPixelSize(max(12, int(box * 0.19)))
        for n in range(11):
            rect = QRectF(left + n * (box + gap), 4, box, box)
            tint = QColor(_TINTS[anchor_word(n)])
            selected = n == self._value
            p.setPen(QPen(QColor(c.text) if selected else tint, 5 if selected else 2))
            p.setBrush(tint if selected else QColor(c.base))
            p.drawRoundedRect(rect, 10, 10)
            p.setFont(number_font)
            p.setPen(QColor(_ON_TINT[anchor_word(n)]) if selected else QColor(c.text))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
        # the band words under the boxes they cover
        p.setFont(word_font)
        p.setPen(QColor(c.muted))
        for lo, hi, word in ANCHORS:
            x0 = left + lo * (box + gap)
            x1 = left + hi * (box + gap) + box
            p.drawText(QRectF(x0, box + 10, x1 - x0, 30), Qt.AlignmentFlag.AlignCenter, word)
        if self.hasFocus():
            p.setPen(QPen(QColor(c.accent), 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(1, 1, self.width() - 2, self.height() - 2), 8, 8)
        p.end()

    def resizeEvent(self, event) -> None:
        self._fit_height()
        super().resizeEvent(event)

    def _fit_height(self) -> None:
        box = min((self.width() - 80) / 11, self._largest)
        self.setFixedHeight(int(box + 48))
