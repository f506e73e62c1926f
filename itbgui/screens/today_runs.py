"""Today's line about runs waiting for their pain answers (imported from a watch's file, or
left before the questions), with an Answer button that opens the run dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class RunsWaitingBanner(QFrame):
    answer_requested = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="banner")
        self.setAccessibleName(self.tr("Runs waiting for their pain answers"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        self.label = QLabel(objectName="bannerText")
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.answer_button = QPushButton(self.tr("Answer…"), objectName="bannerButton")
        self.answer_button.clicked.connect(self.answer_requested)
        row.addWidget(self.answer_button)
        self.hide()

    def show_waiting(self, count: int, latest: str = "") -> None:
        """``count`` runs without their pain answers, the latest started ``latest``; 0 hides it."""
        if not count:
            self.hide()
            return
        text = (self.tr("Your run on %1 waits for its pain answers: how did the knee feel?") if count == 1
                else self.tr("%2 runs wait for their pain answers; Answer… starts with the latest, on %1."))
        self.label.setText(text.replace("%1", latest).replace("%2", str(count)))
        self.show()
