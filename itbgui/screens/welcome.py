"""The first-run welcome: what ITB Coach does, what it does not, and when to see a clinician.

Shown once before the plan set-up (the window records ``first_run_done``) and again from
the Help menu. ``exec()`` returns Accepted for "Set up my plan", Rejected for "Not now".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import TextScaled


def _text(text: str, name: str) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class WelcomeDialog(TextScaled, QDialog):
    def __init__(self, parent: QWidget | None = None, *, text_scale: float = 1.0,
                 offer_setup: bool = True) -> None:
        super().__init__(parent)
        self._text_scale = text_scale
        self.setWindowTitle(self.tr("Welcome to ITB Coach"))
        self.setAccessibleName(self.tr("Welcome to ITB Coach"))
        self.resize(1100, 700)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 24)
        outer.setSpacing(14)
        outer.addWidget(_text(self.tr("Welcome to ITB Coach"), "welcomeHeading"))
        outer.addWidget(_text(self.tr(
            "A coach for runners with IT band syndrome, for the exercise mat beside your laptop."),
            "welcomeSub"))

        columns = QHBoxLayout()
        columns.setSpacing(28)
        left = QVBoxLayout()
        left.setSpacing(8)
        self.does = _text(self.tr(
            "It leads a short hip-strengthening session two or three times a week: it counts each "
            "rep out loud at a slow tempo, times your rests and tells you when to switch sides. "
            "Over eight weeks the dose grows, guided by how much it hurts. Your log stays on "
            "this computer."), "welcomeText")
        self.does_not = _text(self.tr(
            "It does not diagnose anything and it does not replace a physiotherapist or doctor. "
            "It assumes a clinician has already told you that the pain on the outside of your "
            "knee comes from the IT band. Some discomfort while you work, up to about 5 out of "
            "10, is fine if it has settled by the next morning."), "welcomeText")
        left.addWidget(_text(self.tr("What it does"), "welcomeSection"))
        left.addWidget(self.does)
        left.addSpacing(10)
        left.addWidget(_text(self.tr("What it does not do"), "welcomeSection"))
        left.addWidget(self.does_not)
        left.addStretch(1)
        columns.addLayout(left, 1)

        flags_box = QFrame(objectName="welcomeFlags")
        flags = QVBoxLayout(flags_box)
        flags.setContentsMargins(22, 16, 22, 18)
        flags.setSpacing(8)
        flags.addWidget(_text(self.tr("Stop and see a clinician if"), "welcomeSection"))
        self.red_flags = _text("", "welcomeText")
        self.red_flags.setTextFormat(Qt.TextFormat.RichText)
        self.red_flags.setText("<ul style='margin-left: -20px'>" + "".join(
            f"<li style='margin-bottom: 6px'>{line}</li>" for line in self.red_flag_lines()) + "</ul>")
        flags.addWidget(self.red_flags)
        columns.addWidget(flags_box, 1, Qt.AlignmentFlag.AlignTop)
        # At a large text size the safety text must scroll, never be clipped.
        body = QWidget(objectName="welcomeBody")
        body.setLayout(columns)
        scroll = QScrollArea(objectName="welcomeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setAccessibleName(self.tr("What ITB Coach does and when to see a clinician"))
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        # The stretch goes to the reminder itself, so it stays on one line beside the buttons.
        buttons.addWidget(_text(self.tr("Read this again any time from Help > Welcome and safety."),
                                "welcomeSub"), 1)
        self.later_button = QPushButton(self.tr("&Not now"), objectName="welcomeLater")
        self.later_button.setAccessibleName(self.tr("Not now: skip the plan set-up"))
        self.later_button.clicked.connect(self.reject)
        self.setup_button = QPushButton(self.tr("&Set up my plan"), objectName="welcomeSetup")
        self.setup_button.setAccessibleName(self.tr("Set up my plan"))
        self.setup_button.setDefault(True)
        self.setup_button.setAutoDefault(True)
        self.setup_button.clicked.connect(self.accept)
        if not offer_setup:   # a plan exists already: reading again needs only a way out
            self.later_button.hide()
            self.setup_button.setText(self.tr("&Close"))
            self.setup_button.setAccessibleName(self.tr("Close"))
            self.setup_button.clicked.disconnect()
            self.setup_button.clicked.connect(self.reject)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.setup_button)
        outer.addLayout(buttons)
        self.apply_style()
        self.setup_button.setFocus()

    def red_flag_lines(self) -> list[str]:
        """PROGRAM.md's reasons to stop and get checked, in our own words."""
        return [
            self.tr("the knee is hot, red or swollen, or you have a fever"),
            self.tr("you cannot put weight on the leg, or cannot bend or straighten the knee"),
            self.tr("the knee locks or gets stuck"),
            self.tr("the pain never lets up, or wakes you at night"),
            self.tr("you feel numbness or pins and needles"),
            self.tr("your everyday pain climbs by 2 points or more, or the plan has to step "
                    "back twice in a row"),
            self.tr("you are no better by week 6"),
        ]

    def apply_style(self) -> None:
        c = colours()
        px = self.px

        self.setStyleSheet(f"""
            QLabel {{ color: {c.text}; }}
            #welcomeScroll, #welcomeBody {{ background: transparent; }}
            #welcomeHeading {{ font-size: {px(36)}; font-weight: 700; }}
            #welcomeSub {{ font-size: {px(21)}; color: {c.muted}; }}
            #welcomeSection {{ font-size: {px(23)}; font-weight: 700; }}
            #welcomeText {{ font-size: {px(20)}; }}
            #welcomeFlags {{ background: {c.card}; border: 3px solid {c.warn}; border-radius: 12px; }}
            #welcomeSetup {{ font-size: {px(22)}; font-weight: 700; padding: 8px 36px;
                             min-height: {px(36)}; background: {c.accent}; color: {c.accent_text};
                             border: 4px solid {c.accent}; border-radius: 10px; }}
            #welcomeSetup:focus {{ border-color: {c.text}; }}
            #welcomeLater {{ font-size: {px(19)}; padding: 10px 24px; }}
        """)
