"""The main window: Today, Plan, History and Library pages, the player, the menus, and the wiring.

The store, the clock and the settings are passed in, never reached as globals, so tests
build a window on a temporary folder and a fake clock. The pages are thin views: this
window reads the store, asks ``itbgui.program`` what to show, and writes what the person
decides (plan set-up, progression decisions, the next-morning answer).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from . import APP_NAME, __version__
from .clock import Clock
from .program.plan_setup import PlanSetup, monday_of, stored_setup
from .program.prescription import SessionPrescription, starter_session
from .program.preferences import DEFAULT_GET_READY_SECONDS, apply_preferences, timing_for
from .program.progression import (ProgressionDecision, TodaySession, decide, morning_question_due,
                                  next_session, stored_decisions)
from .program.timeline import Timing, build_timeline
from . import settings as keys
from .focus_return import FocusReturner
from .help_dialog import show_help
from .settings import AppSettings
from .store.repository import SessionRepository, StoreError
from .store.saver import BackgroundSaver
from .text_size import apply_text_scale as apply_app_text_scale
from .widget_kit import fit_to_screen
from .theme import THEMES, apply_theme, colours
from .today import TodayPage

if TYPE_CHECKING:
    from .history.page import HistoryPage
    from .library.page import LibraryPage
    from .plan.page import PlanPage
    from .plan.sheet import WeekSheet
    from .player.screensaver import ScreenSaverInhibitor
    from .player.sound import CuePlayer

SHORTCUTS_HELP = QT_TRANSLATE_NOOP("MainWindow", """<table cellpadding=4>
<tr><td><b>Ctrl+1</b> … <b>Ctrl+4</b></td><td>Today, Plan, History, Library</td></tr>
<tr><td><b>Enter</b></td><td>start the session (on Today) / confirm</td></tr>
<tr><td><b>Ctrl+P</b></td><td>print the week</td></tr>
<tr><td><b>Ctrl+,</b></td><td>settings</td></tr>
<tr><td><b>Ctrl+F</b></td><td>search the Library (on the Library)</td></tr>
<tr><td><b>Ctrl+E</b> / <b>Del</b></td><td>edit / delete the selected session (on History)</td></tr>
<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>undo / redo an edit or a delete</td></tr>
<tr><td colspan=2><b>During a session</b></td></tr>
<tr><td><b>Space</b></td><td>pause and resume</td></tr>
<tr><td><b>→</b> / <b>←</b></td><td>next step / previous step</td></tr>
<tr><td><b>↑</b> / <b>↓</b></td><td>more / fewer reps logged for the set</td></tr>
<tr><td><b>0-9</b>, <b>1</b> <b>0</b></td><td>pain score 0-10</td></tr>
<tr><td><b>F</b> or <b>F11</b></td><td>full screen</td></tr>
<tr><td><b>M</b></td><td>sound on / off</td></tr>
<tr><td><b>I</b></td><td>pause and read the exercise's card in the Library (Esc comes back)</td></tr>
<tr><td><b>Esc</b></td><td>leave the session (asks first; what you did is kept)</td></tr>
</table>""")

#: The navigation's pages, in tab order (Ctrl+1, Ctrl+2, ...).
PAGES = ("today", "plan", "history", "library")
#: How often the window checks whether the date changed under it (the app left open overnight).
DAY_CHECK_MS = 60_000
#: The first-start set-up waits this long, so the main window paints first.
SETUP_PROMPT_DELAY_MS = 300


def default_page_size(locale: QLocale | None = None) -> str:
    """Letter where Letter paper is the norm (the US, Canada, Mexico...), A4 elsewhere."""
    locale = locale or QLocale()
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
              QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
              QLocale.Country.Venezuela}
    return "Letter" if locale.territory() in letter else "A4"


class MainWindow(QMainWindow):
    #: a background save finished: (SessionRecord, StoreError | None); emitted from the worker
    save_finished = Signal(object, object)
    #: a session ended and its progression decision is stored (ProgressionDecision or None)
    decision_made = Signal(object)

    def __init__(self, store: SessionRepository, settings: AppSettings, clock: Clock, *,
                 inhibitor: ScreenSaverInhibitor | None = None, timing: Timing = Timing()) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.clock = clock
        self.timing = timing
        self._inhibitor = inhibitor  # made on first use: reaching D-Bus costs start-up time
        #: what Start hands the player: Today's prescription, refreshed by refresh_today()
        self.prescription: SessionPrescription = starter_session()
        self.today_session: TodaySession | None = None
        self.player = None  # the PlayerView while a session is open
        self._cue_player: CuePlayer | None = None
        #: next-morning questions put aside with "Not now": kept in memory (see dismiss_morning)
        self._morning_dismissed: set[str] = set()
        self._morning_session = None
        self._setup_problem_shown = False
        self.selected_monday: dt.date | None = None   # the week the Plan page shows and prints
        self.page_size = default_page_size()
        self.setup_dialog = None
        self.settings_dialog = None   # SettingsDialog while open (not modal-blocking: tests drive it)
        self.welcome_dialog = None    # WelcomeDialog while open
        #: SettingsDialog lists the speech engine's voices from a child process; tests turn it off
        self.probe_voices = True
        self._library_from_player = False   # the Library stands in for the paused player
        self._page_before_library: int | None = None
        self.saver = BackgroundSaver(store, on_result=self.save_finished.emit)
        self.save_finished.connect(self._on_saved)

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(QIcon(":/icons/itb-coach.svg"))
        self.resize(1280, 720)
        geometry = settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(QByteArray(geometry))
        self.stack = QStackedWidget()
        self.tabs = QTabWidget(objectName="navigation")
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.today_page = TodayPage()
        self.today_page.start_requested.connect(self.start_session)
        self.today_page.setup_requested.connect(self.edit_plan_setup)
        self.today_page.override_chosen.connect(self.set_override)
        self.today_page.morning_answered.connect(self.answer_morning)
        self.today_page.morning_dismissed.connect(self.dismiss_morning)
        # Plan, History and Library are built the first time they are shown: none is needed
        # for the first paint, and they pull in QtSvg and the charts.
        self.plan_page: PlanPage | None = None
        self.history_page: HistoryPage | None = None
        self.library_page: LibraryPage | None = None
        self._hosts = {}
        titles = {"today": self.tr("Today"), "plan": self.tr("Plan"), "history": self.tr("History"),
                  "library": self.tr("Library")}
        for i, name in enumerate(PAGES):
            if name == "today":
                widget = self.today_page
            else:
                widget = QWidget()
                QVBoxLayout(widget).setContentsMargins(0, 0, 0, 0)
            self._hosts[name] = widget
            self.tabs.addTab(widget, titles[name])
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.tabs.currentChanged.connect(self._page_shown)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.apply_text_scale()  # styles the window, and each page at the chosen text size
        self._shown_day: dt.date | None = None
        self.refresh_today()
        self._day_timer = QTimer(self, interval=DAY_CHECK_MS, timeout=self._check_new_day)
        self._day_timer.start()
        self.today_page.start_button.setFocus()
        FocusReturner(self)   # focus back to the window after every dialog, even without a WM

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.start_action = QAction(self.tr("&Start session"), self, shortcut=QKeySequence("Ctrl+Return"),
                                    triggered=self.start_session)
        file_menu.addAction(self.start_action)
        self.setup_action = QAction(self.tr("Plan &set-up…"), self, triggered=self.edit_plan_setup)
        file_menu.addAction(self.setup_action)
        file_menu.addSeparator()
        self.print_action = QAction(self.tr("&Print week…"), self, shortcut=QKeySequence.StandardKey.Print,
                                    triggered=self.print_week)
        self.preview_action = QAction(self.tr("Print pre&view…"), self, triggered=self.print_preview)
        self.pdf_action = QAction(self.tr("Save week as P&DF…"), self, triggered=lambda: self.save_week_pdf())
        for action in (self.print_action, self.preview_action, self.pdf_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.export_csv_action = QAction(self.tr("Export history as &CSV…"), self,
                                         triggered=self.export_history_csv)
        self.save_chart_action = QAction(self.tr("Save &chart as PNG…"), self,
                                         triggered=self.save_history_chart)
        file_menu.addAction(self.export_csv_action)
        file_menu.addAction(self.save_chart_action)
        file_menu.addSeparator()
        self.settings_action = QAction(self.tr("S&ettings…"), self, shortcut=QKeySequence("Ctrl+,"),
                                       triggered=lambda: self.open_settings())
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(QAction(self.tr("&Backups…"), self, triggered=self.show_backups))
        file_menu.addAction(QAction(self.tr("Save a &copy of my data…"), self, triggered=self.export_data))
        file_menu.addSeparator()
        file_menu.addAction(QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit,
                                    triggered=self.close))

        # History's undo, redo, edit and delete live on its page (built on first use), so
        # the Edit menu is filled each time it opens.
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.aboutToShow.connect(self._fill_edit_menu)

        view_menu = bar.addMenu(self.tr("&View"))
        titles = {"today": self.tr("&Today"), "plan": self.tr("&Plan"), "history": self.tr("&History"),
                  "library": self.tr("&Library")}
        self.page_actions: list[QAction] = []
        for i, name in enumerate(PAGES):
            action = QAction(titles[name], self, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, n=name: self.show_page(n))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            view_menu.addAction(action)
            self.addAction(action)   # live even with the menu bar hidden (full screen)
            self.page_actions.append(action)
        view_menu.addSeparator()
        self.fullscreen_action = QAction(self.tr("&Full screen"), self, checkable=True,
                                         shortcut=QKeySequence("F11"),
                                         triggered=self.set_fullscreen)
        view_menu.addAction(self.fullscreen_action)
        theme_menu = view_menu.addMenu(self.tr("T&heme"))
        group = QActionGroup(self)
        labels = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        self.theme_actions: dict[str, QAction] = {}
        for mode in THEMES:
            action = QAction(labels[mode], self, checkable=True,
                             checked=self.settings.theme == mode)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_theme(m))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[mode] = action
        view_menu.addSeparator()
        self.sound_action = QAction(self.tr("&Sounds"), self, checkable=True,
                                    checked=self.settings.sound_enabled,
                                    triggered=self.set_sound)
        self.voice_action = QAction(self.tr("Spoken p&rompts"), self, checkable=True,
                                    checked=self.settings.voice_enabled,
                                    triggered=self.set_voice)
        view_menu.addAction(self.sound_action)
        view_menu.addAction(self.voice_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.welcome_action = QAction(self.tr("Welcome and safety"), self, triggered=self.show_welcome)
        help_menu.addAction(self.welcome_action)
        help_menu.addAction(QAction(self.tr("&Keyboard shortcuts"), self, shortcut=QKeySequence("F1"),
                                    triggered=self.show_shortcuts))
        self.sources_action = QAction(self.tr("The program's &sources"), self, triggered=self.show_sources)
        help_menu.addAction(self.sources_action)
        help_menu.addSeparator()
        help_menu.addAction(QAction(self.tr("&About %1").replace("%1", APP_NAME), self,
                                    triggered=self.show_about))

    def apply_style(self) -> None:
        c = colours()
        scale = self.settings.text_scale
        self.tabs.setStyleSheet(f"""
            QTabBar::tab {{ font-size: {round(20 * scale)}px; font-weight: 600; padding: 10px 30px;
                            min-width: 110px;
                            color: {c.muted}; border-bottom: 4px solid transparent; }}
            QTabBar::tab:selected {{ color: {c.text}; border-bottom: 4px solid {c.accent}; }}
            QTabBar::tab:focus {{ text-decoration: underline; }}
        """)

    # ------------------------------------------------------------------ pages
    def show_page(self, name: str) -> None:
        """Switch the navigation to "today", "plan", "history" or "library" (not while a session runs)."""
        if self.player is not None:
            return
        self.tabs.setCurrentIndex(PAGES.index(name))

    @property
    def current_page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def _page_shown(self, index: int) -> None:
        name = PAGES[index]
        if name == "plan":
            self.ensure_plan_page()
            self.refresh_plan()
        elif name == "history":
            self.ensure_history_page()
        elif name == "library":
            self.ensure_library_page()
        elif name == "today":
            self.refresh_today()

    def ensure_plan_page(self) -> PlanPage:
        if self.plan_page is None:
            from .plan.page import PlanPage

            page = PlanPage()
            page.set_page_size(self.page_size)
            page.paper_combo.currentTextChanged.connect(self._set_page_size)
            page.change_requested.connect(self.edit_plan_setup)
            page.week_chosen.connect(self.choose_week)
            page.preview_requested.connect(self.print_preview)
            page.print_requested.connect(self.print_week)
            page.save_pdf_requested.connect(lambda: self.save_week_pdf())
            self._hosts["plan"].layout().addWidget(page)
            page.show()
            self.plan_page = page
            if self.current_page != "plan":   # shown now: _page_shown fills it in
                self.refresh_plan()
        return self.plan_page

    def ensure_history_page(self) -> HistoryPage:
        """The History page, built on first use (it brings in pyqtgraph)."""
        if self.history_page is None:
            from .history.page import HistoryPage
            from .program.plan import generate_plan

            setup = self.plan_setup()
            page = HistoryPage(self.store, self.clock, plan=generate_plan(setup, self.timing),
                               sore_side=setup.sore_side)
            page.data_changed.connect(self._history_changed)
            self._hosts["history"].layout().addWidget(page)
            page.show()
            self.history_page = page
        return self.history_page

    def _fill_edit_menu(self) -> None:
        self.edit_menu.clear()
        page = self.history_page
        if page is None:
            hint = self.edit_menu.addAction(self.tr("Sessions are edited on the History page (Ctrl+3)"))
            hint.setEnabled(False)
            return
        for action in (page.undo_action, page.redo_action, None, page.edit_action, page.delete_action):
            if action is None:
                self.edit_menu.addSeparator()
            else:
                self.edit_menu.addAction(action)

    def export_history_csv(self, path: Path | None = None) -> int | None:
        """File > Export history as CSV: one row per set (asks where when no path is given)."""
        page = self.ensure_history_page()
        return page.export_csv(path)

    def save_history_chart(self, path: Path | None = None) -> bool:
        """File > Save chart as PNG: the History chart on show (History comes to the front)."""
        self.show_page("history")
        return self.history_page.save_chart_png(path)

    def ensure_library_page(self) -> LibraryPage:
        if self.library_page is None:
            from .library.page import LibraryPage

            page = LibraryPage()
            page.set_text_scale(self.settings.text_scale)
            page.back_requested.connect(self.back_to_session)
            self._hosts["library"].layout().addWidget(page)
            page.show()
            self.library_page = page
        return self.library_page

    def _set_page_size(self, size: str) -> None:
        self.page_size = size

    # ------------------------------------------------------------------ reading the store
    def plan_setup(self) -> PlanSetup:
        """The stored set-up, or the default plan (beginner, no running days, this week)."""
        setup, problem = stored_setup(self.store.plan_setup(), self.today())
        if problem and self.store.plan_setup() is not None and not self._setup_problem_shown:
            self._setup_problem_shown = True
            self.statusBar().showMessage(self.tr("%1; showing the starter plan.").replace(
                "%1", problem[0].upper() + problem[1:]))
        return setup

    def has_plan_setup(self) -> bool:
        return stored_setup(self.store.plan_setup(), self.today())[1] is None

    def decisions(self) -> list[ProgressionDecision]:
        """Stored decisions that can be read; a damaged one is skipped, not fatal."""
        return stored_decisions(self.store.decisions())[0]

    def today(self) -> dt.date:
        return self.clock.now().date()

    def session_timing(self) -> Timing:
        """The timeline's fixed lengths with the get-ready countdown chosen in Settings.

        A get-ready left at its default keeps the window's own ``timing`` (the same in the
        app; tests pass a faster one), so only a length the person picked replaces it.
        """
        prefs = self.settings.session_preferences()
        if prefs.get_ready_seconds == DEFAULT_GET_READY_SECONDS:
            return self.timing
        return timing_for(prefs, base=self.timing)

    # ------------------------------------------------------------------ refreshing
    def refresh_today(self) -> None:
        """Work out today's (or the next) session and show it; Start will use exactly it."""
        now = self.clock.now()
        today = now.date()
        self._shown_day = today
        setup = self.plan_setup()
        sessions = self.store.sessions()
        timing = self.session_timing()
        planned = next_session(setup, sessions, self.decisions(), today=today, timing=timing)
        # The person's tempo and rest from Settings replace the plan's, and the estimate follows.
        prescription = apply_preferences(planned.prescription, self.settings.session_preferences())
        self.today_session = dataclasses.replace(
            planned, prescription=prescription,
            estimated_seconds=build_timeline(prescription, timing).timed_seconds)
        self.prescription = prescription
        self.today_page.show_today(self.today_session, now=today, last=sessions[-1] if sessions else None,
                                   plan_is_default=not self.has_plan_setup(), sore_side=setup.sore_side)
        due = morning_question_due(sessions, now)
        if due is not None and due.id in self._morning_dismissed:
            due = None
        self._morning_session = due
        self.today_page.ask_morning(due, setup.sore_side)


    def refresh_plan(self) -> None:
        if self.plan_page is None:
            return
        from .program.progression import week_statuses

        today = self.today()
        setup = self.plan_setup()
        sessions = self.store.sessions()
        statuses = week_statuses(setup, sessions, today)
        sheet = self.week_sheet()
        self.plan_page.show_plan(setup, not self.has_plan_setup(), statuses, sheet, today,
                                 self._done_days(sheet.monday))

    def _done_days(self, monday: dt.date) -> frozenset[dt.date]:
        """The week's planned days ticked off by the sessions logged that week, in order
        (the same counting Today uses to pick the next session)."""
        from .program.plan import generate_plan
        from .program.progression import done_planned_days

        return done_planned_days(generate_plan(self.plan_setup(), self.timing), self.store.sessions(),
                                 monday)

    def refresh_all(self) -> None:
        self.refresh_today()
        self.refresh_plan()
        if self.history_page is not None:
            setup = self.plan_setup()
            from .program.plan import generate_plan

            self.history_page.set_context(generate_plan(setup, self.timing), setup.sore_side)

    def _history_changed(self) -> None:
        """A session was edited or deleted on the History page: the stored decision for the
        latest session is made again (keeping any override), then what comes next is shown."""
        from .program.sessions import counted_sessions

        counted = counted_sessions(self.store.sessions())
        if counted:
            self.record_decision(counted[-1].id)
        self.refresh_today()
        self.refresh_plan()

    def _check_new_day(self) -> None:
        if self.player is None and self.today() != self._shown_day:
            self.refresh_all()

    # ------------------------------------------------------------------ plan set-up
    def ask_setup_if_needed(self) -> None:
        """On first start (no set-up stored) offer the set-up dialog once the window is up."""
        if self.has_plan_setup() or self.store.read_only or not self.isVisible() or self.player:
            return
        if QApplication.activeModalWidget() is not None:   # a data notice is up: after it
            QTimer.singleShot(500, self.ask_setup_if_needed)
            return
        self.edit_plan_setup(modal=False)

    def edit_plan_setup(self, modal: bool = True) -> None:
        """Open the set-up dialog; with modal=False it does not block (first start)."""
        if self.player is not None or self.setup_dialog is not None:
            return
        from .plan.setup_dialog import PlanSetupDialog

        initial = self.plan_setup()
        if not self.has_plan_setup():   # a new plan starts today: nothing is "missed" before it exists
            initial = dataclasses.replace(initial, start_date=self.today())
        dialog = PlanSetupDialog(self.store, initial, self.today(), self)
        self.setup_dialog = dialog
        dialog.finished.connect(lambda result: self._setup_finished(dialog, result))
        if modal:
            dialog.exec()
        else:
            dialog.open()

    def _setup_finished(self, dialog, result: int) -> None:
        self.setup_dialog = None
        if dialog.setup is not None:
            self.selected_monday = None
            self.refresh_all()
            self.statusBar().showMessage(self.tr("Plan saved."), 4000)
        dialog.deleteLater()

    # ------------------------------------------------------------------ decisions
    def record_decision(self, session_id: str) -> ProgressionDecision | None:
        """Decide progress / hold / step back after this session and store it with its reason."""
        if self.store.session(session_id) is None or self.store.read_only:
            return None
        decision = decide(self.plan_setup(), self.store.sessions(), self.decisions(),
                          made_on=self.clock.now(), session_id=session_id)
        if decision is None:
            return None
        try:
            self.store.save_decision(decision.to_doc())
        except StoreError as exc:
            self.statusBar().showMessage(self.tr("Decision not saved: %1").replace("%1", str(exc)))
            return None
        return decision

    def set_override(self, action: str) -> None:
        """The person's call for the next session; stored with the decision, and it wins."""
        decision = self.today_session.decision if self.today_session else None
        if decision is None:
            return
        try:
            self.store.save_decision(decision.with_override(action).to_doc())
        except StoreError as exc:
            self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", str(exc)))
        self.refresh_today()
        self.refresh_plan()

    def answer_morning(self, answer: str) -> None:
        """Store the next-morning answer on its session and decide again with it."""
        record = self._morning_session
        if record is None:
            return
        try:
            self.store.save_session(dataclasses.replace(record, next_morning=answer))
        except StoreError as exc:
            self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        self.record_decision(record.id)
        self.statusBar().showMessage(self.tr("Thanks, noted."), 4000)
        self.refresh_all()

    def dismiss_morning(self) -> None:
        """"Not now": hide the question until the app is next started.

        Kept in memory, not in the settings: the question is only due on the one day after
        a session, so a dismissal needs no expiry, and reopening the app that day shows the
        small strip once more (the answer matters to the rule) without ever popping up.
        """
        if self._morning_session is not None:
            self._morning_dismissed.add(self._morning_session.id)
        self._morning_session = None
        self.today_page.ask_morning(None, "both")

    # ------------------------------------------------------------------ printing
    def choose_week(self, monday: dt.date) -> None:
        self.selected_monday = monday
        if self.plan_page is not None:
            sheet = self.week_sheet()
            self.plan_page.show_week(sheet, self.today(), self._done_days(sheet.monday))
            self.plan_page.weeks.set_weeks(self.plan_page.weeks.statuses, monday)

    def week_sheet(self) -> WeekSheet:
        """The week the Plan page has chosen (default: this one, or week 1 before the start)."""
        from .plan.sheet import build_week_sheet

        today = self.today()
        setup = self.plan_setup()
        day = self.selected_monday or max(monday_of(today), monday_of(setup.start_date))
        return build_week_sheet(setup, self.store.sessions(), self.decisions(), day, today,
                                self.settings.session_preferences())

    def _printer(self):
        from PySide6.QtPrintSupport import QPrinter

        from .plan.sheet import configure_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_page(printer, self.page_size)
        sheet = self.week_sheet()
        printer.setDocName(f"{APP_NAME} · {sheet.week_label}")
        return printer, sheet

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from . import resources_rc  # noqa: F401  (the drawings)
        from .plan.sheet import render_week_sheet

        printer, sheet = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview: %1").replace("%1", sheet.week_label))
        dialog.paintRequested.connect(lambda device: render_week_sheet(device, sheet))
        fit_to_screen(dialog, 900, 740)   # not past a 720-pixel screen
        dialog.exec()

    def print_week(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        from . import resources_rc  # noqa: F401
        from .plan.sheet import render_week_sheet

        printer, sheet = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", sheet.week_label))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            render_week_sheet(printer, sheet)
            self.statusBar().showMessage(self.tr("Sent to the printer."), 4000)

    def save_week_pdf(self, path: Path | str | None = None, page_size: str | None = None) -> Path | None:
        """Save the chosen week as a one-page PDF; asks where unless ``path`` is given."""
        from . import resources_rc  # noqa: F401
        from .plan.sheet import write_week_pdf

        sheet = self.week_sheet()
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            suggested = Path.home() / f"itb-coach-week-{sheet.monday.isoformat()}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the week as PDF"), str(suggested),
                                                    self.tr("PDF files (*.pdf)"))
            if not chosen:
                return None
            path = chosen
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        write_week_pdf(path, sheet, page_size or self.page_size)
        if not path.is_file() or path.stat().st_size == 0:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, APP_NAME, self.tr("Could not write %1. Is the folder writable?")
                                .replace("%1", str(path)))
            return None
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 6000)
        return path

    # ------------------------------------------------------------------ the player
    # The player's helpers are made on first use: nothing the first paint needs.
    @property
    def inhibitor(self) -> ScreenSaverInhibitor:
        if self._inhibitor is None:
            from .player.screensaver import platform_inhibitor

            self._inhibitor = platform_inhibitor(APP_NAME)
        return self._inhibitor

    @property
    def cue_player(self) -> CuePlayer:
        if self._cue_player is None:
            from .player.sound import CuePlayer

            s = self.settings
            self._cue_player = CuePlayer(self, sound_on=s.sound_enabled, voice_on=s.voice_enabled,
                                         volume=s.sound_volume / 100, voice_name=s.voice_name)
            self._cue_player.unavailable.connect(lambda msg: self.statusBar().showMessage(msg))
        return self._cue_player

    def load_sound(self) -> None:
        """Called a moment after the window is up, so QtMultimedia never delays it."""
        self.cue_player.load()

    def start_session(self) -> None:
        """Open the player with ``self.prescription`` (Today's, unless a caller swapped it)."""
        if self.player is not None:
            return
        from .player.view import PlayerView  # with QtSvg: not needed for the first paint

        self.load_sound()
        timeline = build_timeline(self.prescription, self.session_timing())
        self.player = PlayerView(timeline, self.clock, self.store, self.saver, self.cue_player,
                                 self.inhibitor)
        self.player.set_text_scale(self.settings.text_scale)
        self.player.closed.connect(self.end_session)
        self.player.library_requested.connect(self.show_library_for_session)
        self.player.sound_toggle_requested.connect(lambda: self.set_sound(not self.cue_player.sound_on))
        self.player.fullscreen_toggle_requested.connect(
            lambda: self.set_fullscreen(not self.isFullScreen()))
        self.stack.addWidget(self.player)
        self.stack.setCurrentWidget(self.player)
        self._set_navigation_enabled(False)
        self.player.setFocus()

    def _set_navigation_enabled(self, on: bool) -> None:
        for action in (self.start_action, self.setup_action, *self.page_actions):
            action.setEnabled(on)

    def show_library_for_session(self, exercise_id: str) -> None:
        """The player's I key: its engine is paused; the Library takes the player's place.

        The player stays alive in the stack (engine, timer, pending saves untouched), only
        hidden; the page tabs stay hidden too, so the one way on is back to the session.
        """
        if self.player is None:
            return
        library = self.ensure_library_page()
        self._library_from_player = True
        self._page_before_library = self.tabs.currentIndex()
        self.tabs.tabBar().hide()
        self.tabs.setCurrentIndex(PAGES.index("library"))
        library.show_exercise(exercise_id, offer_back=True)
        self.stack.setCurrentWidget(self.tabs)
        library.scroll.setFocus(Qt.FocusReason.OtherFocusReason)   # arrows and Page keys scroll the card

    def back_to_session(self) -> None:
        """Back from the Library to the paused player (Space resumes it)."""
        if not self._library_from_player:
            return
        self._leave_library_mode()
        if self.player is not None:
            self.stack.setCurrentWidget(self.player)
            self.player.setFocus()

    @property
    def library_from_player(self) -> bool:
        return self._library_from_player

    def _leave_library_mode(self) -> None:
        self._library_from_player = False
        if self.library_page is not None:
            self.library_page.set_back_offered(False)
        self.tabs.tabBar().show()
        if self._page_before_library is not None:
            self.tabs.setCurrentIndex(self._page_before_library)
            self._page_before_library = None

    def end_session(self) -> None:
        """Back from the player: store the decision for the session, then show Today."""
        player, self.player = self.player, None
        if player is None:
            return
        if self._library_from_player:
            self._leave_library_mode()
        if self.isFullScreen():
            self.set_fullscreen(False)   # full screen was for the session: it ends with it
        self.saver.flush()
        self.decision_made.emit(self.record_decision(player.engine.session_id))
        self.stack.setCurrentWidget(self.tabs)
        self.stack.removeWidget(player)
        player.deleteLater()
        self._set_navigation_enabled(True)
        self.tabs.setCurrentIndex(PAGES.index("today"))
        self.refresh_all()
        self.today_page.start_button.setFocus()

    def _on_saved(self, record, error) -> None:
        if self.player is not None:
            self.player.saved(record, error)
        if error is not None:
            self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", str(error)))

    def set_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()
        self.fullscreen_action.setChecked(on)

    def set_sound(self, on: bool) -> None:
        self.settings.sound_enabled = on
        self.apply_sound_settings()
        self.statusBar().showMessage(self.tr("Sounds on") if on else self.tr("Sounds off"), 3000)

    def set_voice(self, on: bool) -> None:
        self.settings.voice_enabled = on
        self.apply_sound_settings()

    def apply_sound_settings(self) -> None:
        """Sounds, voice, volume and the chosen voice, from the settings to the cue player."""
        s = self.settings
        if self._cue_player is not None:
            self._cue_player.sound_on = s.sound_enabled
            self._cue_player.voice_on = s.voice_enabled
            self._cue_player.set_volume(s.sound_volume / 100)
            self._cue_player.set_voice_name(s.voice_name)
        self.sound_action.setChecked(s.sound_enabled)
        self.voice_action.setChecked(s.voice_enabled)

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.apply_theme_everywhere()

    def apply_theme_everywhere(self) -> None:
        """The stored theme, on the palette and on every page built so far."""
        mode = self.settings.theme
        apply_theme(QApplication.instance(), mode)
        self.theme_actions[mode].setChecked(True)
        self.apply_style()
        self.today_page.apply_style()
        for page in (self.plan_page, self.history_page, self.library_page):
            if page is not None:
                page.apply_style()
        if self.player is not None:
            self.player.refresh_theme()

    def apply_text_scale(self) -> None:
        """The text size from Settings, on every page that can scale its type."""
        scale = self.settings.text_scale
        apply_app_text_scale(scale)   # menus, tables, dialogs, Help, chart axes
        self.apply_style()
        for page in (self.today_page, self.plan_page, self.history_page, self.library_page, self.player):
            if page is not None and hasattr(page, "set_text_scale"):
                page.set_text_scale(scale)

    # ------------------------------------------------------------------ settings
    def open_settings(self, section: str | None = None):
        """File > Settings (Ctrl+,): every change applies at once through setting_changed."""
        from .settings_dialog import SettingsDialog

        if self.settings_dialog is not None:
            if section:
                self.settings_dialog.show_section(section)
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return self.settings_dialog
        dialog = SettingsDialog(self.settings, self.store, self, probe_voices=self.probe_voices)
        if self.cue_player.problem:   # no audio device: Sound and Voice not shown "ticked"
            dialog.show_sound_unavailable(self.cue_player.problem)
        self.cue_player.unavailable.connect(dialog.show_sound_unavailable)   # found out later
        if section:
            dialog.show_section(section)
        # Direct: the dialog restyles itself right after emitting a theme change.
        dialog.changed.connect(self.setting_changed, Qt.ConnectionType.DirectConnection)
        dialog.finished.connect(lambda _result: self._settings_closed(dialog))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_closed(self, dialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        dialog.deleteLater()

    def setting_changed(self, key: str) -> None:
        """Re-apply the one setting that changed (an INI key from itbgui.settings)."""
        from .settings_dialog import DATA_RESTORED

        if key in (keys.SOUND_ENABLED, keys.SOUND_VOLUME, keys.VOICE_ENABLED, keys.VOICE_NAME):
            self.apply_sound_settings()
        elif key in (keys.CUSTOM_TEMPO, keys.TEMPO_UP, keys.TEMPO_HOLD, keys.TEMPO_DOWN,
                     keys.CUSTOM_REST, keys.REST_SECONDS, keys.GET_READY_SECONDS):
            if self.player is None:      # a running session keeps the timeline it started with
                self.refresh_today()
                self.refresh_plan()      # the week's cards and printed sheet show the new lengths
        elif key == keys.THEME:
            self.apply_theme_everywhere()
        elif key == keys.TEXT_SIZE:
            self.apply_text_scale()
        elif key == DATA_RESTORED:
            self.data_replaced()

    # ------------------------------------------------------------------ data file
    def show_data_notice(self) -> None:
        """Tell the person once what opening their file found, and offer the newest backup."""
        from PySide6.QtWidgets import QMessageBox

        from .backups_panel import confirm_restore, restore_with_message

        text = self.store.report.summary()
        if not text:
            return
        newest = self.store.backups.newest()
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, parent=self)
        restore = None
        if self.store.report.repaired and newest is not None and not self.store.read_only:
            box.setInformativeText(self.tr("The newest backup is from {when}.").format(
                when=newest.taken_at.strftime("%A %d %B, %H:%M")))
            restore = box.addButton(self.tr("Restore that backup…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(self.tr("Keep what was recovered"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if restore is not None and box.clickedButton() is restore and confirm_restore(self, newest):
            if restore_with_message(self, self.store, newest):
                self.data_replaced()

    def data_replaced(self) -> None:
        """A backup became the data file: History's undo steps belong to the old data."""
        if self.history_page is not None:
            self.history_page.undo_stack.clear()
        self.refresh_all()

    def show_backups(self) -> None:
        """File > Backups: the Settings dialog, open at its Backups section."""
        self.open_settings("backups")

    def export_data(self, path: str | None = None) -> bool:
        """Save everything in memory, saved or not, somewhere else (the full-disk way out)."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of my data"),
                                                  "itb-coach-copy.json", self.tr("JSON files (*.json)"))
        if not path:
            return False
        try:
            self.store.export_copy(path)
        except StoreError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return False
        self.statusBar().showMessage(self.tr("Saved a copy to {path}").format(path=path), 5000)
        return True

    def ask_about_unsaved(self, error: Exception | None) -> str:
        """'retry', 'copy', 'quit' or 'cancel': what to do with changes the disk refused."""
        from PySide6.QtWidgets import QMessageBox

        reason = str(error) if error else self.tr("The last save did not reach the disk.")
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, self.tr(
            "Some of your data is not saved yet.\n\n%1\n\nIt is still in memory: try saving "
            "again, save a copy somewhere else, or quit without it.").replace("%1", reason), parent=self)
        retry = box.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(self.tr("Save a copy…"), QMessageBox.ButtonRole.ActionRole)
        quit_ = box.addButton(self.tr("Quit without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(retry)
        box.exec()
        return {retry: "retry", copy: "copy", quit_: "quit"}.get(box.clickedButton(), "cancel")

    def _may_quit_with(self, error: Exception | None) -> bool:
        """Nothing the disk refused is dropped without the person choosing so."""
        while error is not None or self.store.unsaved:
            choice = self.ask_about_unsaved(error)
            if choice == "cancel":
                return False
            if choice == "quit":
                return True
            if choice == "copy":
                if self.export_data():
                    return True
                continue
            try:
                self.store.retry_save()
                return True
            except StoreError as exc:
                error = exc
        return True

    def show_shortcuts(self) -> None:
        show_help(self, self.tr("Keyboard shortcuts"),   # scrolls: fits at every text size
                  QCoreApplication.translate("MainWindow", SHORTCUTS_HELP))

    def show_sources(self) -> None:
        """Help > The program's sources: what the plan and its rules rest on."""
        show_help(self, self.tr("The program's sources"), self.sources_text())   # scrolls

    def sources_text(self) -> str:
        """The studies and guides behind the plan (docs/progression.md), in the app's words."""
        items = [
            self.tr("<b>Fredericson and colleagues, 2000</b> (Clinical Journal of Sport Medicine): "
                    "runners with IT band pain had weak hip abductors; six weeks of strengthening "
                    "them left most of the 24 runners pain-free and running again. A small study "
                    "with no comparison group."),
            self.tr("<b>Silbernagel and colleagues, 2007</b> (American Journal of Sports Medicine): "
                    "the pain-monitoring rule. Up to 5 out of 10 while you work is acceptable if it "
                    "has settled by the next morning and is not climbing week to week."),
            self.tr("<b>American College of Sports Medicine, 2009</b> (position stand on "
                    "resistance training): two to three days a week to start, slow reps, and a "
                    "small step up once a set is comfortably done."),
            self.tr("<b>Thera-Band Academy</b>: the order of the band colours, about a quarter "
                    "more pull from one colour to the next, and dropping the reps when you go up a "
                    "colour."),
            self.tr("<b>AAOS OrthoInfo</b> (hip conditioning): leg raises from 8 to 12 reps, then "
                    "a little weight and back to 8."),
            self.tr("<b>Physiotherapy Canada</b> (the 0-10 pain scale, and 2 points as a real "
                    "change) and <b>NHS musculoskeletal pathways</b> (when to see a clinician)."),
            self.tr("<b>NASM and ACSM</b> rest guidance for endurance sets: about 30-60 seconds."),
        ]
        intro = self.tr("The plan, its doses and the rule that moves you up or back follow these "
                        "sources. Where they disagree, the app follows the better-supported figure.")
        outro = self.tr("ITB Coach is a training aid and does not replace a clinician.")
        return (f"<p>{intro}</p><ul>" + "".join(f"<li style='margin-bottom:6px'>{i}</li>" for i in items)
                + f"</ul><p>{outro}</p>")

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About %1").replace("%1", APP_NAME), (
            f"<h3>{APP_NAME} {__version__}</h3>"
            + self.tr("<p>A follow-along hip-strengthening coach for runners with IT band syndrome.</p>"
                      "<p>Your data stays on this computer, in<br><code>%1</code></p>"
                      "<p>Not medical advice: if pain is severe, keeps rising, or comes with swelling, "
                      "locking or numbness, see a clinician.</p>").replace("%1", str(self.store.path))))

    # ------------------------------------------------------------------ first run
    def show_welcome(self, *, first_run: bool = False):
        """The welcome and safety notes (Help menu; once by itself on the first start).

        Window-modal but not blocking (open(), not exec()): start-up and tests carry on, and
        "Set up my plan" opens the set-up dialog when the welcome closes.
        """
        from .welcome import WelcomeDialog

        if self.welcome_dialog is not None:
            self.welcome_dialog.raise_()
            return self.welcome_dialog
        dialog = WelcomeDialog(self, text_scale=self.settings.text_scale,
                               offer_setup=first_run or not self.has_plan_setup())
        dialog.finished.connect(lambda result: self._welcome_finished(dialog, result, first_run))
        self.welcome_dialog = dialog
        dialog.open()
        return dialog

    def _welcome_finished(self, dialog, result: int, first_run: bool) -> None:
        from PySide6.QtWidgets import QDialog

        self.welcome_dialog = None
        dialog.deleteLater()
        if first_run:
            self.settings.first_run_done = True   # whatever the answer: shown once
            self.settings.sync()
        if self.player is None:
            self.show_page("today")
        if result == QDialog.DialogCode.Accepted and not self.store.read_only:
            self.edit_plan_setup(modal=False)

    def first_start_prompts(self) -> None:
        """After the window is up: the welcome on the first run, else the set-up offer."""
        if not self.isVisible() or self.player is not None:
            return
        if QApplication.activeModalWidget() is not None:   # a data notice is up: after it
            QTimer.singleShot(500, self.first_start_prompts)
            return
        if not self.settings.first_run_done:
            self.show_welcome(first_run=True)
        else:
            self.ask_setup_if_needed()

    def keyPressEvent(self, event) -> None:
        if (self.player is None and self.current_page == "today"
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.start_session()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.player is not None:
            self.player.leave_now()
        if not self._may_quit_with(self.saver.flush()):
            event.ignore()
            return
        self._day_timer.stop()
        for dialog in (self.setup_dialog, self.settings_dialog, self.welcome_dialog):
            if dialog is not None:
                dialog.reject()
        self.saver.close()
        if self._inhibitor is not None:
            self._inhibitor.release()
        if self._cue_player is not None:
            self._cue_player.stop()
        if self.isFullScreen():
            self.showNormal()   # remember the normal window, not the full screen
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)


#: Sound loads this long after the window appears, so QtMultimedia never delays it.
SOUND_LOAD_DELAY_MS = 1500


def show_main_window(window: MainWindow, *, prompts: bool = True) -> None:
    """Show the window; then, unless ``prompts`` is off (--exit-after-show), the first-run welcome."""
    window.show()
    QTimer.singleShot(SOUND_LOAD_DELAY_MS, window.load_sound)
    if prompts:
        QTimer.singleShot(SETUP_PROMPT_DELAY_MS, window.first_start_prompts)
