"""The start screen: the session that is ready to go, and a big Start.

Until the 8-week plan exists it offers the program's first week; it already reads the
prescription it is given, so the plan only has to hand it a different one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .program.prescription import SessionPrescription
from .program.timeline import Timeline
from .store.records import SessionRecord
from .theme import colours


class HomePage(QWidget):
    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Start screen")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 32, 48, 32)
        self.heading = QLabel(objectName="homeHeading")
        self.subheading = QLabel(objectName="homeSub")
        self.subheading.setWordWrap(True)
        lay.addWidget(self.heading)
        lay.addWidget(self.subheading)
        lay.addSpacing(16)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(32)
        self.grid.setVerticalSpacing(8)
        lay.addLayout(self.grid)
        lay.addSpacing(20)
        self.start_button = QPushButton("Start session", objectName="startButton")
        self.start_button.setAccessibleName("Start session")
        self.start_button.setDefault(True)
        self.start_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start_button.clicked.connect(self.start_requested)
        lay.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.keys = QLabel("Enter starts. During the session: Space pause · → skip · ← back · "
                           "↑↓ reps · F full screen · Esc leave", objectName="homeHint")
        self.keys.setWordWrap(True)
        lay.addWidget(self.keys)
        lay.addStretch(1)
        self.last_label = QLabel(objectName="homeLast")
        self.last_label.setWordWrap(True)
        lay.addWidget(self.last_label)
        self.disclaimer = QLabel(
            "ITB Coach is a training aid, not a diagnosis. Stop and see a clinician if the knee is "
            "hot, red or swollen, if you cannot bear weight, or if pain keeps you up at night.",
            objectName="homeHint")
        self.disclaimer.setWordWrap(True)
        lay.addWidget(self.disclaimer)
        self.apply_style()

    def apply_style(self) -> None:
        c = colours()
        self.setStyleSheet(f"""
            QLabel {{ color: {c.text}; }}
            #homeHeading {{ font-size: 40px; font-weight: 700; }}
            #homeSub {{ font-size: 22px; color: {c.muted}; }}
            #exName {{ font-size: 22px; font-weight: 600; }}
            #exDose {{ font-size: 22px; }}
            #exStep {{ font-size: 18px; color: {c.muted}; }}
            #homeHint, #homeLast {{ font-size: 16px; color: {c.muted}; }}
            #startButton {{ font-size: 28px; font-weight: 700; padding: 16px 56px;
                            background: {c.accent}; color: {c.accent_text}; border: none;
                            border-radius: 12px; }}
            #startButton:focus {{ outline: none; border: 4px solid {c.text}; }}
        """)

    def show_session(self, prescription: SessionPrescription, timeline: Timeline,
                     last: SessionRecord | None) -> None:
        minutes = round(timeline.timed_seconds / 60)
        self.heading.setText(prescription.title)
        side = prescription.first_side
        self.subheading.setText(f"About {minutes} minutes · {side} side first · "
                                "slow and controlled: 2 s up, 1 s hold, 2 s down")
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for row, item in enumerate(prescription.items):
            ex = item.exercise
            for col, (text, name) in enumerate(((ex.name, "exName"), (item.dose_label(), "exDose"),
                                                (item.resistance, "exStep"))):
                self.grid.addWidget(QLabel(text, objectName=name), row, col)
        self.grid.setColumnStretch(3, 1)
        if last is None:
            self.last_label.setText("No sessions logged yet. Your first one starts here.")
        else:
            when = last.started_at.strftime("%A %d %B, %H:%M")
            status = "complete" if last.completed else "ended early"
            pain = (f", pain {last.pain_before} → {last.pain_after}"
                    if last.pain_before is not None and last.pain_after is not None else "")
            self.last_label.setText(f"Last session: {when} ({status}, {last.total_reps} reps{pain}).")
