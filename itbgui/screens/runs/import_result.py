"""What an import did, file by file: a small box with one line per file.

Imported runs come without pain answers; when some wait for them, the box offers to
answer now (the run dialog), else Today asks later.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from itbgui.ui.widget_kit import fit_to_screen


class ImportResultDialog(QDialog):
    answer_requested = Signal()

    def __init__(self, saved: int, lines: list[str], answers_waiting: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import runs"))
        self.summary = QLabel(self.tr("1 run imported.") if saved == 1 else
                              self.tr("%1 runs imported.").replace("%1", str(saved)))
        self.summary.setWordWrap(True)
        self.lines = QPlainTextEdit("\n".join(lines))
        self.lines.setReadOnly(True)
        self.lines.setAccessibleName(self.tr("One line per file"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.answer_button = None
        if saved and answers_waiting:
            self.answer_button = buttons.addButton(self.tr("&Answer the pain questions"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
            self.answer_button.clicked.connect(self._answer)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.lines, 1)
        lay.addWidget(buttons)
        fit_to_screen(self, 620, 320)

    def _answer(self) -> None:
        self.accept()
        self.answer_requested.emit()
