"""Help's longer texts (the keyboard shortcuts, the program's sources) in a dialog that
scrolls: a message box grows with its text, and at a large text size it was taller than
a 720-pixel screen (1149 px), with its Close button off the bottom."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .widget_kit import fit_to_screen


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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        # As tall as the text needs at this width and text size, up to the screen's height.
        width = round(40 * self.fontMetrics().averageCharWidth() * 1.6)
        self.text.document().setTextWidth(width - 40)
        height = round(self.text.document().size().height()) + 110
        fit_to_screen(self, width, height)


def show_help(parent: QWidget, title: str, html: str) -> None:
    HelpDialog(title, html, parent).exec()
