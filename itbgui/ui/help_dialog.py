"""Help's longer texts (the keyboard shortcuts, the program's sources) in a dialog that
scrolls: a message box grows with its text, and at a large text size it was taller than
a 720-pixel screen (1149 px), with its Close button off the bottom."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from itbgui.ui import widget_kit

#: Pixels the dialog widens by, each time its text is still taller than the screen.
WIDEN_STEP = 48


class HelpDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lay = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(title)
        self.text.setHtml(html)
        lay.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._fit()

    def _fit(self) -> None:
        """As tall as the text needs at the width it will have, so no row hides below the
        edge; wider when the screen is too short for that; scrolling only when even the
        screen's width is not enough. (Measured on the browser itself, the text would be
        laid out at its default 640 px, not the width it shows at, and come out too short.)"""
        self.ensurePolished()
        lay = self.layout()
        margins = lay.contentsMargins()
        frame = 2 * self.text.frameWidth()
        around_w = margins.left() + margins.right() + frame
        around_h = (margins.top() + margins.bottom() + lay.spacing() + frame
                    + self.buttons.sizeHint().height())
        document = self.text.document().clone(self)
        document.setDefaultFont(self.text.font())

        def height_at(width: int) -> int:
            document.setTextWidth(width - around_w)
            return math.ceil(document.size().height()) + around_h + 2

        room = widget_kit.screen_room(self)
        widest = room.width() - 16 if room is not None else 10_000
        tallest = room.height() - 48 if room is not None else 10_000
        width = min(widest, round(40 * self.fontMetrics().averageCharWidth() * 1.6))
        while height_at(width) > tallest and width < widest:
            width = min(widest, width + WIDEN_STEP)
        height = height_at(width)
        document.deleteLater()
        widget_kit.fit_to_screen(self, width, height)


def show_help(parent: QWidget, title: str, html: str) -> None:
    HelpDialog(title, html, parent).exec()
