"""The Plan page: the set-up in words, the 8 weeks at a glance, the chosen week's sessions
and the ways to print it.

A thin view: the main window works out the week statuses and the :class:`WeekSheet`
(the same data the printed page uses, so screen and paper agree) and hands them in.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from itbgui.program.plan_setup import WEEKDAY_NAMES, PlanSetup
from itbgui.program.progression import WeekStatus
from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import TextScaled, clear_layout, scrolling
from itbgui.program.week import WeekSheet
from itbgui.screens.plan.sheet import PAGE_SIZES
from itbgui.screens.plan.weeks_view import WeeksView


class PlanPage(TextScaled, QWidget):
    change_requested = Signal()
    week_chosen = Signal(object)         # a Monday
    preview_requested = Signal()
    print_requested = Signal()
    save_pdf_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Plan"))
        self.sheet: WeekSheet | None = None
        # Up and down, the page scrolls when it is taller than the window (Extra large text
        # on a 720-line screen); it never squeezes its rows.
        content = QWidget(objectName="planContent")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content, "planScroll"))
        lay = QVBoxLayout(content)
        lay.setContentsMargins(40, 16, 40, 12)
        lay.setSpacing(8)

        top = QHBoxLayout()
        text = QVBoxLayout()
        self.heading = QLabel(self.tr("Your plan"), objectName="planHeading")
        self.summary = QLabel(objectName="planSummary")
        self.summary.setWordWrap(True)
        text.addWidget(self.heading)
        text.addWidget(self.summary)
        top.addLayout(text, 1)
        self.change_button = QPushButton(self.tr("Change…"), objectName="planButton")
        self.change_button.setToolTip(self.tr("Level, running days, start date, sore side and kit"))
        self.change_button.clicked.connect(self.change_requested)
        top.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)

        self.weeks = WeeksView()
        self.weeks.week_chosen.connect(self.week_chosen)
        lay.addWidget(self.weeks)
        self.maintenance_label = QLabel(objectName="planNote")
        self.maintenance_label.setWordWrap(True)
        lay.addWidget(self.maintenance_label)

        self.week_heading = QLabel(objectName="weekHeading")
        self.week_heading.setWordWrap(True)   # a long week's dates at Extra large: never wider than the window
        lay.addWidget(self.week_heading)
        self.days_host = QWidget()
        self.days_row = QHBoxLayout(self.days_host)
        self.days_row.setContentsMargins(0, 0, 0, 0)
        self.days_row.setSpacing(12)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("This week's sessions"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.days_host)
        lay.addWidget(scroll, 1)
        self.rest_label = QLabel(objectName="planNote")
        self.rest_label.setWordWrap(True)
        lay.addWidget(self.rest_label)

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Paper:"), objectName="planSmall"))
        self.paper_combo = QComboBox(objectName="paperCombo")
        self.paper_combo.addItems(list(PAGE_SIZES))
        self.paper_combo.setAccessibleName(self.tr("Paper size"))
        buttons.addWidget(self.paper_combo)
        buttons.addSpacing(12)
        self.preview_button = QPushButton(self.tr("Print preview…"), objectName="planButton")
        self.print_button = QPushButton(self.tr("Print…"), objectName="planButton")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), objectName="planButton")
        self.preview_button.clicked.connect(self.preview_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button.clicked.connect(self.save_pdf_requested)
        for b in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.apply_style()

    @property
    def page_size(self) -> str:
        return self.paper_combo.currentText()

    def set_page_size(self, size: str) -> None:
        self.paper_combo.setCurrentText(size)

    def apply_style(self) -> None:
        c = colours()
        px = self.px

        self.setStyleSheet(f"""
            QLabel {{ color: {c.text}; }}
            #planScroll, #planContent {{ background: transparent; }}
            #planHeading {{ font-size: {px(30)}; font-weight: 700; }}
            #planSummary {{ font-size: {px(18)}; color: {c.muted}; }}
            #planNote, #planSmall {{ font-size: {px(16)}; color: {c.muted}; }}
            #weekHeading {{ font-size: {px(24)}; font-weight: 700; }}
            #planButton, #paperCombo {{ font-size: {px(17)}; padding: 7px 16px; }}
            #weekTile {{ font-size: {px(16 * min(1.0, 1.3 / self._text_scale))}; padding: 8px 4px; border: 1px solid {c.muted};
                         border-radius: 8px; background: {c.card}; color: {c.text}; }}
            #weekTile[current="true"] {{ border: 4px solid {c.accent}; font-weight: 700; }}
            #weekTile[status="missed"], #weekTile[status="to_come"] {{ color: {c.muted}; }}
            #weekTile:checked {{ background: {c.accent}; color: {c.accent_text}; }}
            #weekTile:focus {{ outline: none; border: 3px dashed {c.text}; }}
            #dayCard {{ background: {c.card}; border: 1px solid {c.muted}; border-radius: 10px; }}
            #dayTitle {{ font-size: {px(20)}; font-weight: 700; }}
            #daySub {{ font-size: {px(16)}; color: {c.muted}; }}
            #dayRun {{ font-size: {px(16)}; font-weight: 600; color: {c.warn}; }}
            #dayItem {{ font-size: {px(17)}; }}
            #dayDone, #dayMissed {{ font-size: {px(17)}; font-weight: 700; }}
            #dayMissed {{ color: {c.muted}; }}
            #dayStep {{ font-size: {px(15)}; color: {c.muted}; }}
        """)

    # ------------------------------------------------------------------ filling in
    def setup_words(self, setup: PlanSetup, is_default: bool) -> str:
        level = {"beginner": self.tr("Beginner, 2 sessions a week"),
                 "intermediate": self.tr("Intermediate, 3 sessions a week"),
                 "advanced": self.tr("Advanced, 3 sessions a week")}[setup.level]
        runs = ", ".join(self.tr(WEEKDAY_NAMES[d]) for d in sorted(setup.running_days))
        side = {"left": self.tr("left side sore"), "right": self.tr("right side sore"),
                "both": self.tr("both sides")}[setup.sore_side]
        bands = ", ".join(b.capitalize() for b in setup.bands) or self.tr("none")
        weights = ", ".join(f"{kg:g}" for kg in setup.dumbbells_kg)
        parts = [level,
                 self.tr("runs on %1").replace("%1", runs) if runs else self.tr("no running days"),
                 self.tr("started %1").replace("%1", f"{setup.start_date.day} {setup.start_date:%B %Y}"), side,
                 self.tr("bands: %1").replace("%1", bands),
                 self.tr("dumbbells: %1 kg").replace("%1", weights) if weights else self.tr("no dumbbells")]
        text = " · ".join(parts)
        if is_default:
            text = self.tr("The starter plan, until you set up your own. ") + text
        return text

    def show_plan(self, setup: PlanSetup, is_default: bool, statuses: tuple[WeekStatus, ...],
                  sheet: WeekSheet, today: dt.date) -> None:
        self.summary.setText(self.setup_words(setup, is_default))
        self.change_button.setText(self.tr("Set up your plan…") if is_default else self.tr("Change…"))
        self.weeks.set_weeks(statuses, sheet.monday)
        last_week = statuses[-1].monday if statuses else None
        if last_week is not None and today > last_week + dt.timedelta(days=6):
            if sheet.is_maintenance:
                self.maintenance_label.setText(self.tr(
                    "The eight weeks are behind you. Maintenance: one session a week keeps the strength."))
            else:   # docs/progression.md R13: maintenance only once pain has settled
                self.maintenance_label.setText(self.tr(
                    "The eight weeks are behind you. Week 8's sessions go on until pain after "
                    "sessions has settled (three in a row at 3/10 or less, no clinician advice); "
                    "then one session a week keeps the strength."))
            self.maintenance_label.show()
        else:
            self.maintenance_label.hide()
        self.show_week(sheet, today)

    def show_week(self, sheet: WeekSheet, today: dt.date) -> None:
        self.sheet = sheet
        sunday = sheet.monday + dt.timedelta(days=6)
        this = self.tr(" (this week)") if sheet.monday <= today <= sunday else ""
        self.week_heading.setText(f"{sheet.week_label} · {sheet.monday.day} {sheet.monday:%B} – "
                                  f"{sunday.day} {sunday:%B}{this}")
        clear_layout(self.days_row)
        rest, running = [], []
        for day in sheet.days:
            if day.running:
                running.append(f"{day.date:%a}")
            if day.session is None:
                rest.append(f"{day.date:%a}")
                continue
            self.days_row.addWidget(self._day_card(day, today), 0, Qt.AlignmentFlag.AlignTop)
        for record in sheet.extra:
            self.days_row.addWidget(self._extra_card(record, today), 0, Qt.AlignmentFlag.AlignTop)
        if not sheet.sessions:
            empty = QLabel(self.tr("No sessions this week."), objectName="daySub")
            self.days_row.addWidget(empty)
        self.days_row.addStretch(1)
        words = [self.tr("Rest from these exercises: %1").replace("%1", ", ".join(rest)) if rest else ""]
        if running:
            words.append(self.tr("Running: %1").replace("%1", ", ".join(running)))
        run_days = [d.run for d in sheet.days if d.run is not None]
        if run_days:   # the stage the week's runs ahead take, else its last run day's
            shown = next((r for r in run_days if r.date >= today), run_days[-1])
            words.append(self.tr(shown.words[0].upper() + shown.words[1:]))
        self.rest_label.setText(" · ".join(w for w in words if w))

    def _extra_card(self, record, today: dt.date) -> QFrame:
        """A session that ticked off no planned day (beyond the plan, or partial), on its day,
        with what was done."""
        from itbgui.program.sessions import session_day, session_status
        from itbgui.program.week import done_items

        card = QFrame(objectName="dayCard")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(3)
        day = session_day(record)
        title = f"{day:%A} {day.day} {day:%b}"
        if day == today:
            title = self.tr("Today, %1").replace("%1", title)
        lay.addWidget(QLabel(title, objectName="dayTitle"))
        status = session_status(record)
        lay.addWidget(QLabel(self.tr("✚ Extra session") if status == "complete" else
                             self.tr("◔ Partial session: under half the reps") if status == "partial" else
                             self.tr("✚ Extra session, ended early"), objectName="dayDone"))
        for item in done_items(record):
            lay.addWidget(QLabel(f"{item.exercise.name}: {item.dose_label()}", objectName="dayItem"))
        lay.addStretch(1)
        return card

    def _day_card(self, day, today: dt.date) -> QFrame:
        card = QFrame(objectName="dayCard")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(3)
        title = f"{day.date:%A} {day.date.day} {day.date:%b}"
        if day.date == today:
            title = self.tr("Today, %1").replace("%1", title)
        lay.addWidget(QLabel(title, objectName="dayTitle"))
        if day.done is not None:
            from itbgui.program.sessions import session_status

            done = (self.tr("✔ Done") if session_status(day.done) == "complete" else
                    self.tr("◐ Ended early: what was done"))
            lay.addWidget(QLabel(done, objectName="dayDone"))
        elif day.missed:   # no dose: what the plan meant for a day gone by says nothing now
            lay.addWidget(QLabel(self.tr("✘ Not done on the day"), objectName="dayMissed"))
            lay.addStretch(1)
            return card
        session = day.session
        lay.addWidget(QLabel(self.tr("About %1 minutes").replace("%1", str(session.estimated_minutes)),
                             objectName="daySub"))
        if session.after_light_run:
            lay.addWidget(QLabel(self.tr("After a light run"), objectName="dayRun"))
        for item in session.prescription.items:
            # The long lines wrap: at a large text size three cards share the width, no sideways scroll.
            for text, name in ((f"{item.exercise.name}: {item.dose_label()}", "dayItem"),
                               (item.resistance, "dayStep")):
                label = QLabel(text, objectName=name)
                label.setWordWrap(True)
                lay.addWidget(label)
        lay.addStretch(1)
        return card
