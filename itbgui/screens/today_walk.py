"""Today's walking question, on a running day before the first run: how long the person
walked briskly and how much it hurt. Keys only: type the minutes, Tab, the pain, Enter.

A thin view: it emits the two numbers (``answered``); the window's part saves them through
the model as a ReadinessCheck, and whether they open the runs is the program's rule.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout


class WalkCheckQuestion(QFrame):
    #: (minutes walked briskly, worst pain 0-10)
    answered = Signal(int, int)
    #: a box or the button took the keyboard (Alt+W): the page scrolls the question into view
    focused = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="banner")
        self.setAccessibleName(self.tr("Walking check"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.setSpacing(6)
        self.label = QLabel(self.tr("Your last brisk walk: how long, and the worst knee pain during it "
                                    "(0 = none)?"), objectName="bannerText")
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.minutes_box = QSpinBox(objectName="walkMinutes")
        self.minutes_box.setSingleStep(5)
        self.minutes_box.setSuffix(self.tr(" min"))
        self.minutes_box.setAccessibleName(self.tr("Minutes walked briskly"))
        self.pain_box = QSpinBox(objectName="walkPain")
        self.pain_box.setRange(0, 10)
        self.pain_box.setAccessibleName(self.tr("Worst pain during the walk, 0 to 10"))
        minutes_label = QLabel(self.tr("&Walked"), objectName="bannerText")
        minutes_label.setBuddy(self.minutes_box)
        pain_label = QLabel(self.tr("Worst &pain"), objectName="bannerText")
        pain_label.setBuddy(self.pain_box)
        self.save_button = QPushButton(self.tr("Save answer"), objectName="bannerButton")
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel(self.tr("Alt+W, the minutes, Tab, the pain, Enter"), objectName="walkHint")
        self.hint.setWordWrap(True)
        for widget in (minutes_label, self.minutes_box, pain_label, self.pain_box, self.save_button):
            row.addWidget(widget)
        row.addWidget(self.hint, 1)
        lay.addLayout(row)
        self._watching_focus = False
        self.hide()

    def _focus_moved(self, _old, new) -> None:
        if new is not None and self.isAncestorOf(new):
            self.focused.emit()

    def ask(self, on: bool) -> None:
        """Show the question (a running day before the walking check is passed), or hide it."""
        if on and not self._watching_focus:   # not before the first paint: no event filter, no records
            from PySide6.QtWidgets import QApplication

            from itbgui.store.run_records import WALK_MINUTES_RANGE

            self.minutes_box.setRange(*WALK_MINUTES_RANGE)
            QApplication.instance().focusChanged.connect(self._focus_moved)
            self._watching_focus = True
        if on and not self.isVisible():
            self.minutes_box.setValue(0)
            self.pain_box.setValue(0)
        self.setVisible(on)

    def save(self) -> None:
        self.minutes_box.interpretText()
        self.pain_box.interpretText()
        self.answered.emit(self.minutes_box.value(), self.pain_box.value())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Enter in the boxes saves the answer (it would start the session otherwise)."""
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            event.accept()
            return
        super().keyPressEvent(event)
