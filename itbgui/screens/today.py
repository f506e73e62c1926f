"""The Today screen, the app's home: the session to do now (or next), why it looks the way
it does, and a big Start.

A thin view: the main window works out the :class:`TodaySession` and hands it in; the
buttons only emit signals (start, set up, override, the next-morning answer), so the
rules stay in ``itbgui.program`` and the writes stay in the window.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QBoxLayout, QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from itbgui.program.actions import ACTIONS
from itbgui.screens.today_card import TodayCard
from itbgui.screens.today_runs import RunsWaitingBanner
from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import TextScaled, clear_layout, set_by_name

if TYPE_CHECKING:
    from itbgui.program.progression import TodaySession
    from itbgui.screens.today_walk import WalkCheckQuestion
    from itbgui.store.records import SessionRecord

#: Next-morning answers as stored in SessionRecord.next_morning.
MORNING_ANSWERS = ("better", "same", "worse")


class TodayPage(TextScaled, QWidget):
    start_requested = Signal()
    setup_requested = Signal()
    #: the person's choice for the next session: "progress", "hold", "step_back"
    override_chosen = Signal(str)
    #: the next-morning answer: "better", "same" or "worse"
    morning_answered = Signal(str)
    #: the person's answer that ends a pause: "cleared" or "settled"
    pause_answered = Signal(str)
    morning_dismissed = Signal()
    #: "Log a run" (Ctrl+R too): the run dialog
    log_run_requested = Signal()
    #: "Start run": the run player, with the RunPrescription shown (see show_run)
    run_requested = Signal(object)
    #: the walking check before the first run: (minutes walked briskly, worst pain)
    walk_answered = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Today"))
        self.today_session: TodaySession | None = None
        self.shown_day: dt.date | None = None   # the day show_today last told
        self.card: TodayCard | None = None      # what the page shows, in words
        # Scrolls only on a small screen; at 1280 x 720 and up everything fits.
        content = QWidget(objectName="todayContent")
        scroll = QScrollArea(objectName="todayScroll")
        scroll.setAccessibleName(self.tr("Today's session"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        # Sideways, the page reflows (wrapped text, the card under the list); it never scrolls.
        # (No Qt enums before the first paint: see widget_kit.set_by_name.)
        set_by_name(scroll, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        lay = QVBoxLayout(content)
        lay.setContentsMargins(40, 20, 40, 16)
        lay.setSpacing(6)

        self.heading = QLabel(objectName="todayHeading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel(objectName="todaySub")
        self.subheading.setWordWrap(True)
        self.note_label = QLabel(objectName="todayNote")   # after a light run / moved from
        self.note_label.setWordWrap(True)
        self.resume_label = QLabel(objectName="todayResume")   # a session left early today
        self.resume_label.setWordWrap(True)
        self.resume_label.hide()
        self.run_label = QLabel(objectName="todayRun")   # a running day: the run's stage
        self.run_label.setWordWrap(True)
        self.run_label.hide()
        lay.addWidget(self.heading)
        lay.addWidget(self.subheading)
        lay.addWidget(self.note_label)
        lay.addWidget(self.resume_label)
        lay.addWidget(self.run_label)
        # A running day before the walking check asks it here (walk_question, made on first use).
        self._walk_question: WalkCheckQuestion | None = None
        self._walk_slot, self._scroll = (lay, lay.count()), scroll

        lay.addWidget(self._build_setup_banner())
        lay.addWidget(self._build_morning_banner())
        self.runs_banner = RunsWaitingBanner()   # imported runs without their pain answers
        lay.addWidget(self.runs_banner)
        lay.addSpacing(6)

        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(32)
        self.columns = columns
        left = QVBoxLayout()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(6)
        left.addLayout(self.grid)
        # Start and the keys stay in view below the scrolling part, at any text size.
        footer = QVBoxLayout()
        footer.setContentsMargins(40, 8, 40, 12)
        footer.setSpacing(4)
        self.start_button = QPushButton(self.tr("Start session"), objectName="startButton")
        self.start_button.setAccessibleName(self.tr("Start session"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_requested)
        # Start at its own width, on the left; the run buttons beside it, or under it when
        # the window is narrow (they never widen it: see _reflow).
        self.start_row = start_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        start_row.addWidget(self.start_button)
        self.run_row = QWidget()
        self.run_row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        runs = QHBoxLayout(self.run_row)
        runs.setContentsMargins(0, 0, 0, 0)
        # The run day's player, shown only with a prescription to play (show_run).
        self.run_button = QPushButton(self.tr("Start run"), objectName="runButton")
        self.run_button.clicked.connect(lambda: self.run_requested.emit(self.run_prescription))
        self.run_button.hide()
        self.run_prescription = None
        self.log_run_button = QPushButton(self.tr("Log a run…"), objectName="logRunButton")
        self.log_run_button.setToolTip("Ctrl+R")
        self.log_run_button.clicked.connect(self.log_run_requested)
        runs.addWidget(self.run_button)
        runs.addWidget(self.log_run_button)
        runs.addStretch(1)
        start_row.addWidget(self.run_row, 1)
        footer.addLayout(start_row)
        self.keys = QLabel(self.tr("Enter starts. During the session: Space pause · → skip · ← back · "
                                   "↑↓ reps · I exercise card · F full screen · Esc leave"),
                           objectName="todayHint")
        self.keys.setWordWrap(True)
        footer.addWidget(self.keys)
        outer.addLayout(footer)
        left.addStretch(1)
        columns.addLayout(left, 3)
        card_column = QVBoxLayout()            # the card at the top, at its own height
        card_column.addWidget(self._build_decision_card())
        card_column.addStretch(1)
        columns.addLayout(card_column, 2)
        lay.addLayout(columns, 1)

        self.last_label = QLabel(objectName="todayLast")
        self.last_label.setWordWrap(True)
        lay.addWidget(self.last_label)
        self.disclaimer = QLabel(self.tr(
            "ITB Coach is a training aid, not a diagnosis. Stop and see a clinician if the knee is "
            "hot, red or swollen, if you cannot bear weight, or if pain keeps you up at night."),
            objectName="todayHint")
        self.disclaimer.setWordWrap(True)
        lay.addWidget(self.disclaimer)
        self.apply_style()

    # ------------------------------------------------------------------ building
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """The decision card beside the list when both fit, under it when not (large text)."""
        k = self._text_scale
        for i in range(self.grid.count()):   # the kit: three words a line or more, never one
            label = self.grid.itemAt(i).widget()
            if label is not None and label.objectName() == "exStep":
                label.ensurePolished()
                label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 18)
        widest = [0, 0, 0]
        for i in range(self.grid.count()):
            row, col, _rows, _cols = self.grid.getItemPosition(i)
            widget = self.grid.itemAt(i).widget()
            if widget is not None and col < 3:
                hint = widget.minimumWidth() if widget.wordWrap() else widget.sizeHint().width()
                widest[col] = max(widest[col], hint)
        need = sum(widest) + 2 * self.grid.horizontalSpacing() + round(420 * k) + 32 + 80
        direction = (QBoxLayout.Direction.LeftToRight if self.width() >= need
                     else QBoxLayout.Direction.TopToBottom)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        if hasattr(self, "start_row"):
            beside = (self.start_button.sizeHint().width() + self.start_row.spacing()
                      + self.run_row.layout().sizeHint().width())
            direction = (QBoxLayout.Direction.LeftToRight if self.width() - 80 >= beside
                         else QBoxLayout.Direction.TopToBottom)
            if self.start_row.direction() != direction:
                self.start_row.setDirection(direction)

    def _build_setup_banner(self) -> QFrame:
        self.setup_banner = QFrame(objectName="banner")
        row = QHBoxLayout(self.setup_banner)
        row.setContentsMargins(16, 10, 16, 10)
        text = QLabel(self.tr("This is the starter plan: beginner, twice a week, from this Monday. "
                              "Tell the app your running days, your sore side and your kit."),
                      objectName="bannerText")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        self.setup_button = QPushButton(self.tr("Set up your plan…"), objectName="bannerButton")
        self.setup_button.clicked.connect(self.setup_requested)
        row.addWidget(self.setup_button)
        self.setup_banner.hide()
        return self.setup_banner

    def _build_morning_banner(self) -> QFrame:
        self.morning_banner = QFrame(objectName="banner")
        self.morning_banner.setAccessibleName(self.tr("Morning question"))
        row = QHBoxLayout(self.morning_banner)
        row.setContentsMargins(16, 10, 16, 10)
        self.morning_label = QLabel(objectName="bannerText")
        self.morning_label.setWordWrap(True)
        row.addWidget(self.morning_label, 1)
        self.morning_buttons: dict[str, QPushButton] = {}
        words = {"better": self.tr("Better"), "same": self.tr("Same"), "worse": self.tr("Worse")}
        for answer in MORNING_ANSWERS:
            button = QPushButton(words[answer], objectName="bannerButton")
            button.clicked.connect(lambda _=False, a=answer: self.morning_answered.emit(a))
            row.addWidget(button)
            self.morning_buttons[answer] = button
        self.morning_later = QPushButton(self.tr("Not now"), objectName="bannerQuiet")
        self.morning_later.setToolTip(self.tr("Hide the question for today"))
        self.morning_later.clicked.connect(self.morning_dismissed)
        row.addWidget(self.morning_later)
        self.morning_banner.hide()
        return self.morning_banner

    def _build_decision_card(self) -> QFrame:
        card = QFrame(objectName="card")
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(8)
        self.decision_title = QLabel(objectName="cardTitle")
        self.decision_title.setWordWrap(True)
        self.decision_reason = QLabel(objectName="cardText")
        self.decision_reason.setWordWrap(True)
        self.phase_label = QLabel(objectName="cardSmall")
        self.phase_label.setWordWrap(True)
        lay.addWidget(self.phase_label)
        lay.addWidget(self.decision_title)
        lay.addWidget(self.decision_reason)
        self.override_label = QLabel(objectName="cardSmall")
        self.override_label.setWordWrap(True)
        lay.addWidget(self.override_label)
        buttons = QHBoxLayout()
        self.override_group = QButtonGroup(self)
        self.override_group.setExclusive(True)
        self.override_buttons: dict[str, QPushButton] = {}
        for action in ACTIONS:
            button = QPushButton(objectName="overrideButton", checkable=True)
            button.clicked.connect(lambda _=False, a=action: self.override_chosen.emit(a))
            self.override_group.addButton(button)
            buttons.addWidget(button)
            self.override_buttons[action] = button
        lay.addLayout(buttons)
        self.clinician_label = QLabel(objectName="clinician")
        self.clinician_label.setWordWrap(True)
        set_by_name(self.clinician_label, "textFormat", "RichText")
        lay.addWidget(self.clinician_label)
        # Only while strength work is paused: the person's own answer is what ends it.
        answers = QVBoxLayout()   # one above the other: long words at large text still fit
        self.pause_buttons: dict[str, QPushButton] = {}
        for answer, words in (("cleared", self.tr("A clinician has cleared me to go on")),
                              ("settled", self.tr("The pain has settled"))):
            button = QPushButton(words, objectName="overrideButton")
            button.clicked.connect(lambda _=False, a=answer: self.pause_answered.emit(a))
            button.hide()
            answers.addWidget(button)
            self.pause_buttons[answer] = button
        lay.addLayout(answers)
        self.decision_card = card
        return card

    def apply_style(self) -> None:
        c = colours()
        px = self.px

        self.setStyleSheet(f"""
            QLabel {{ color: {c.text}; }}
            #todayScroll, #todayContent {{ background: transparent; }}
            #todayHeading {{ font-size: {px(38)}; font-weight: 700; }}
            #todaySub {{ font-size: {px(22)}; color: {c.muted}; }}
            #todayNote, #todayResume, #todayRun {{ font-size: {px(20)}; font-weight: 600; color: {c.text}; }}
            #exName {{ font-size: {px(22)}; font-weight: 600; }}
            #exDose {{ font-size: {px(22)}; }}
            #exStep {{ font-size: {px(19)}; color: {c.muted}; }}
            #todayHint, #todayLast {{ font-size: {px(15)}; color: {c.muted}; }}
            #startButton {{ font-size: {px(28)}; font-weight: 700; padding: 16px 56px;
                            background: {c.accent}; color: {c.accent_text}; border: none;
                            border-radius: 12px; }}
            #startButton:focus {{ outline: none; border: 4px solid {c.text}; }}
            #runButton, #logRunButton {{ font-size: {px(19)}; padding: 10px 22px; }}
            #banner {{ background: {c.card}; border: 2px solid {c.accent}; border-radius: 10px; }}
            #bannerText {{ font-size: {px(19)}; }}
            #walkMinutes, #walkPain {{ font-size: {px(19)}; padding: 4px 6px; }}
            #walkHint {{ font-size: {px(15)}; color: {c.muted}; }}
            #bannerButton, #bannerQuiet {{ font-size: {px(19)}; padding: 8px 18px; }}
            #bannerButton {{ font-weight: 600; }}
            #card {{ background: {c.card}; border: 1px solid {c.muted}; border-radius: 12px; }}
            #cardTitle {{ font-size: {px(24)}; font-weight: 700; }}
            #cardText {{ font-size: {px(18)}; }}
            #cardSmall {{ font-size: {px(15)}; color: {c.muted}; }}
            #overrideButton {{ font-size: {px(17)}; padding: 8px 10px; }}
            #overrideButton:checked {{ background: {c.accent}; color: {c.accent_text};
                                       border: 2px solid {c.text}; border-radius: 6px;
                                       font-weight: 700; }}
            #clinician {{ font-size: {px(17)}; color: {c.warn}; }}
        """)
        if hasattr(self, "columns"):
            self._reflow()

    # ------------------------------------------------------------------ filling in
    def show_run(self, prescription) -> None:
        """A run day's RunPrescription: "Start run" plays it; None hides the button."""
        self.run_prescription = prescription
        self.run_button.setVisible(prescription is not None)
        if prescription is not None:
            self.run_button.setText(self.tr("Start run (stage %1)").replace("%1", str(prescription.stage)))
        self._reflow()

    def show_today(self, today: TodaySession, *, now: dt.date, last: SessionRecord | None,
                   plan_is_default: bool, sore_side: str, run_day=None) -> None:
        """Draw ``today`` as seen on ``now``; the morning question stays as it is (ask_morning)."""
        from itbgui.screens.today_words import today_card   # the program's words: not for the first frame

        self.today_session = today
        self.shown_day = now
        self.show_card(today_card(today, now=now, last=last, plan_is_default=plan_is_default,
                                  sore_side=sore_side, tr=self.tr))
        self.show_run_day(run_day)

    def show_card(self, card: TodayCard) -> None:
        """Draw the page from ``card``: from today_words, or kept from the last run for the
        first frame (app/today_cards.py)."""
        if card.morning is None and self.card is not None:
            card = card._replace(morning=self.card.morning)   # the morning question stays as it is
        self.card = card
        self.start_button.setEnabled(True)
        self.heading.setText(card.heading)
        self.subheading.setText(card.subheading)
        for label, text in ((self.note_label, card.note), (self.resume_label, card.resume)):
            label.setText(text)
            label.setVisible(bool(text))
        self.start_button.setText(card.start_label)
        self.start_button.setAccessibleName(card.start_label)
        self.setup_banner.setVisible(card.setup_banner)
        if card.morning is not None:
            self._show_morning(card.morning)
        clear_layout(self.grid)
        for row, texts in enumerate(card.rows):
            for col, (text, name) in enumerate(zip(texts, ("exName", "exDose", "exStep"))):
                label = QLabel(text, objectName=name)
                label.setWordWrap(name == "exStep")   # long kit names wrap on a small screen
                self.grid.addWidget(label, row, col)
        self.grid.setColumnStretch(2, 1)   # the kit takes the room left, so it wraps the least
        self._show_decision(card)
        self.last_label.setText(card.last)
        self._reflow()

    def show_run_day(self, view) -> None:
        """On a running day, the run the stage gives (core.coach.RunDayView), or why there is none."""
        done = view.runs_today if view is not None else ()
        self.show_run(view.prescription if view is not None and view.run_day and not done else None)
        asked = bool(view is not None and view.run_day and view.readiness_needed)
        if asked or self._walk_question is not None:
            from PySide6.QtWidgets import QApplication

            answering = self.walk_question.isAncestorOf(QApplication.focusWidget())
            self.walk_question.ask(asked)
            if answering and not asked:   # answered: on to the run, or Start
                (self.run_button if self.run_button.isVisible() else self.start_button).setFocus()
        if done:   # today's run is done: say what it was, not a stage to run again
            from itbgui.program.run_days import run_done_words

            text = self.tr("Run logged today: %1.").replace("%1", "; ".join(map(run_done_words, done)))
        elif view is None or not view.run_day:
            self.run_label.hide()
            return
        elif view.prescription is not None:
            text = self.tr("Today's run, stage %1: %2.").replace("%1", str(view.prescription.stage)) \
                .replace("%2", view.words)
        elif view.paused:
            text = self.tr("Today is a running day, but no runs while strength work is paused.")
        else:
            text = self.tr("Today is a running day. Before the first run: can you walk briskly for "
                           "30 minutes with no pain at all?")
        self.run_label.setText(text)
        self.run_label.setToolTip(view.reason)
        self.run_label.show()

    @property
    def walk_question(self) -> WalkCheckQuestion:
        """The walking question, made when a running day first needs it: its spin boxes
        are not needed for the first frame."""
        if self._walk_question is None:
            from itbgui.screens.today_walk import WalkCheckQuestion

            question = self._walk_question = WalkCheckQuestion()
            question.answered.connect(self.walk_answered)
            question.focused.connect(lambda: self._scroll.ensureWidgetVisible(question, 0, 10))
            layout, index = self._walk_slot
            layout.insertWidget(index, question)
        return self._walk_question

    def after_first_paint(self) -> None:
        """What the first frame does without: Today may be filled in it (the start snapshot),
        and a cursor is set through Qt's namespace (see widget_kit.set_by_name)."""
        from PySide6.QtCore import Qt

        self.start_button.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_loading(self) -> None:
        """Before the data file is read (it is, right after this first paint): no session
        yet, so Start waits; show_today fills the page in."""
        self.today_session = None
        self.heading.setText(self.tr("Opening your sessions…"))
        for label in (self.subheading, self.note_label, self.last_label):
            label.setText("")
        self.note_label.hide()
        self.decision_card.hide()   # nothing to decide yet: no empty card in the first frame
        self.start_button.setEnabled(False)

    def _show_decision(self, card: TodayCard) -> None:
        self.decision_card.show()
        self.phase_label.setText(card.phase)
        self.phase_label.setVisible(bool(card.phase))
        self.decision_title.setText(card.title)
        self.decision_reason.setText(card.reason)
        self.override_label.setText(card.call_label)
        self.override_label.setVisible(bool(card.call_label))
        self.override_group.setExclusive(False)   # so that none may be checked
        for button, call in zip(self.override_buttons.values(), card.calls or [None] * len(ACTIONS)):
            button.setVisible(call is not None and not card.paused)
            if call is None:
                button.setChecked(False)
                continue
            button.setText(call.text)
            button.setAccessibleName(call.accessible)
            button.setChecked(call.checked)
            button.setEnabled(call.enabled)
            button.setToolTip(call.tip)
        self.override_group.setExclusive(True)
        self.clinician_label.setText(card.clinician)
        self.clinician_label.setVisible(bool(card.clinician))
        for button in self.pause_buttons.values():   # while paused the person's answer ends it
            button.setVisible(card.paused)

    def ask_morning(self, session: SessionRecord | None, sore_side: str) -> None:
        """Show the next-morning question for ``session``, or hide it (None)."""
        from itbgui.screens.today_words import morning_words

        self._show_morning(morning_words(session, sore_side, self.shown_day, self.tr))

    def _show_morning(self, text: str) -> None:
        if self.card is not None:
            self.card = self.card._replace(morning=text)
        self.morning_label.setText(text)
        self.morning_banner.setVisible(bool(text))
