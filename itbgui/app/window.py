"""The main window: Today, Plan, History and Library pages, the player, and the wiring.

The window decides nothing about training: it asks the coach, writes through the model
(itbgui/model) and redraws what the model says changed. Menus, printing, sound, settings,
a session and the data file's dialogs are parts beside this module: each is handed what it
needs (the model, the settings, a status sink, the widgets it drives, callbacks and signals
for what it asks of the window) and none imports the window. The store, the clock and the
settings are passed in, so tests build a window on a temporary folder and a fake clock.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from itbgui import APP_NAME
from itbgui.core.clock import Clock
from itbgui.ui.settings import AppSettings
from itbgui.store.opening import FolderOpening
from itbgui.screens.today import TodayPage
from itbgui.app.audio import SessionAudio
from itbgui.app.first_paint import after_first_paint
from itbgui.app.live_settings import LiveSettings
from itbgui.app.made_on_use import MadeOnUse
from itbgui.app.menus import PAGES, build_menu_titles
from itbgui.app.onboarding import Onboarding
from itbgui.app.session_host import SessionHost
from itbgui.app.today_answers import TodayAnswers
from itbgui.model.coach_model import DATA, DAY, SESSIONS, SETUP, CoachModel
from itbgui.app.window_fit import WindowFit

if TYPE_CHECKING:
    import datetime as dt

    from itbgui.program.timeline import Timing
    from itbgui.store.repository import SessionRepository
    from itbgui.program.progression import TodaySession
    from itbgui.screens.history.page import HistoryPage
    from itbgui.screens.library.page import LibraryPage
    from itbgui.screens.plan.page import PlanPage
    from itbgui.player.screensaver import ScreenSaverInhibitor

#: How often the window checks whether the date changed under it (the app left open overnight).
DAY_CHECK_MS = 60_000
#: The first-start set-up waits this long, so the main window paints first.
SETUP_PROMPT_DELAY_MS = 300
#: Sound loads this long after the window appears, so QtMultimedia never delays it.
SOUND_LOAD_DELAY_MS = 1500


class MainWindow(MadeOnUse, QMainWindow):
    def __init__(self, store: SessionRepository | FolderOpening, settings: AppSettings, clock: Clock, *,
                 inhibitor: ScreenSaverInhibitor | None = None, timing: Timing | None = None) -> None:
        """``store`` may be the folder as the app takes it before its window shows (a
        :class:`FolderOpening`): the repository is made from it on first use, after the
        first paint, so the store's modules load then (see made_on_use.py)."""
        super().__init__()
        self._opening, self._store = (store, None) if isinstance(store, FolderOpening) else (None, store)
        self.settings, self.clock, self._timing = settings, clock, timing
        self.audio = SessionAudio(self, settings, self.statusBar().showMessage, inhibitor=inhibitor)
        self.today_session: TodaySession | None = None
        self._setup_problem_shown = False
        #: every write to the person's data goes through the model; it says what changed
        self.model = CoachModel(lambda: self.coach, self)
        self.model.changed.connect(self._data_changed)
        self._changes_waiting: frozenset = frozenset()

        self.setWindowTitle(APP_NAME)
        self.stack = QStackedWidget()
        self.tabs = QTabWidget(objectName="navigation", documentMode=True)
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.today_page = TodayPage()
        self.today_page.start_requested.connect(self.start_session)
        self.today_page.setup_requested.connect(self.edit_plan_setup)
        # Plan, History and Library are built the first time they are shown: none is needed
        # for the first paint, and they pull in QtSvg and the charts.
        self.plan_page: PlanPage | None = None
        self.history_page: HistoryPage | None = None
        self.library_page: LibraryPage | None = None
        self._hosts = {"today": self.today_page}
        titles = {"today": self.tr("Today"), "plan": self.tr("Plan"), "history": self.tr("History"),
                  "library": self.tr("Library")}
        for i, name in enumerate(PAGES):
            if name != "today":
                self._hosts[name] = QWidget()
                QVBoxLayout(self._hosts[name]).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(self._hosts[name], titles[name])
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.tabs.currentChanged.connect(self._page_shown)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self._build_parts()
        self._menu_titles = build_menu_titles(self.menuBar(), lambda: self.history_page, lambda: self.menus)
        after_first_paint(self.today_page.heading, self._after_first_paint)
        self.apply_text_scale()  # styles the window, and each page at the chosen text size
        self.fit = WindowFit(self, settings.window_geometry)   # sized once its pages are built
        self._shown_day: dt.date | None = None
        #: Today's card as the last run kept it for now (today_cards.py): drawn without the rules
        self.first_card = None if self.data_loaded else self._kept_card()
        if self.first_card is not None:
            self.today_page.show_card(self.first_card)
        elif self.data_loaded or self.coach.today_before_load():
            self.refresh_today()
        else:
            self.today_page.show_loading()
        self._day_timer = QTimer(self, interval=DAY_CHECK_MS, timeout=self._check_new_day)
        self._day_timer.start()
        self.today_page.start_button.setFocus()

    @property
    def today_filled(self) -> bool:
        """Today shows a session (worked out, or its kept card), not "Opening your sessions"."""
        return self.today_session is not None or self.first_card is not None

    def moveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().moveEvent(event)
        self.fit.frame_known()   # a window manager's reparenting moves the window

    def _build_parts(self) -> None:
        """The window's parts, each handed what it drives and what it may ask of the window."""
        model, settings, status = self.model, self.settings, self.status
        self.answers = TodayAnswers(self.today_page, model, status)
        self.session = SessionHost(self, model, settings, self.clock, self.audio, status, stack=self.stack,
                                   tabs=self.tabs, library=self.ensure_library_page,
                                   navigation=lambda on: self.menus.set_navigation_enabled(on))
        self.session.ended.connect(self._session_ended)
        self.session.close_requested.connect(self.close)
        self.session.sound_toggle_requested.connect(lambda: self.set_sound(not self.audio.cue_player.sound_on))
        self.session.fullscreen_toggle_requested.connect(lambda: self.set_fullscreen(not self.isFullScreen()))
        model.session_saved.connect(self.session.saved)
        self.onboarding = Onboarding(self, model, settings, status, store=lambda: self.store,
                                     session_running=lambda: self.player is not None,
                                     show_today=lambda: self.show_page("today"))
        self.live_settings = LiveSettings(settings, self, status, audio=self.audio, model=model,
                                          store=lambda: self.store, tabs=self.tabs, pages=self.pages,
                                          menus=lambda: self.menus)
        self.live_settings.timings_changed.connect(self._timings_changed)

    def status(self, text: str, msecs: int = 0) -> None:
        """The status sink the parts are handed."""
        self.statusBar().showMessage(text, msecs)

    # ------------------------------------------------------------------ pages
    def show_page(self, name: str) -> None:
        """Switch the navigation to "today", "plan", "history" or "library" (not while a session runs)."""
        if self.player is None:
            self.tabs.setCurrentIndex(PAGES.index(name))

    @property
    def current_page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def go_to_page(self, name: str) -> None:
        """Ctrl+1..4: the page, with the keyboard where typing is meant: on the Library, its
        search field, so the letters typed right after Ctrl+4 search at once."""
        self.show_page(name)
        if name == "library" and self.current_page == "library" and self.library_page is not None:
            self.library_page.focus_search()

    def _page_shown(self, index: int) -> None:
        name = PAGES[index]
        if name == "today":
            self.refresh_today()
        else:
            getattr(self, f"ensure_{name}_page")()
            if name == "plan":
                self.refresh_plan()

    def _host(self, name: str, page: QWidget) -> None:
        """A page made on first use, at the text size chosen before it was made."""
        if hasattr(page, "set_text_scale"):
            page.set_text_scale(self.settings.text_scale)
        self._hosts[name].layout().addWidget(page)
        page.show()

    def ensure_plan_page(self) -> PlanPage:
        if self.plan_page is None:
            from itbgui.screens.plan.page import PlanPage

            page = self.plan_page = PlanPage()
            page.set_page_size(self.printing.page_size)
            page.paper_combo.currentTextChanged.connect(self.printing.set_page_size)
            page.change_requested.connect(self.edit_plan_setup)
            page.week_chosen.connect(self.choose_week)
            page.preview_requested.connect(self.printing.preview)
            page.print_requested.connect(self.printing.print)
            page.save_pdf_requested.connect(lambda: self.printing.save_pdf())
            self._host("plan", page)
            if self.current_page != "plan":   # shown now: _page_shown fills it in
                self.refresh_plan()
        return self.plan_page

    def ensure_history_page(self) -> HistoryPage:
        """The History page, built on first use (it brings in pyqtgraph)."""
        if self.history_page is None:
            from itbgui.screens.history.page import HistoryPage

            page = self.history_page = HistoryPage(self.store, self.clock, plan=self.coach.plan(),
                                                   sore_side=self.plan_setup().sore_side,
                                                   coach_model=self.model)
            self._host("history", page)
        return self.history_page

    def ensure_library_page(self) -> LibraryPage:
        if self.library_page is None:
            from itbgui.screens.library.page import LibraryPage

            page = self.library_page = LibraryPage()
            page.back_requested.connect(self.back_to_session)
            self._host("library", page)
        return self.library_page

    def export_history_csv(self, path: Path | None = None) -> int | None:
        """File > Export history as CSV: one row per set (asks where when no path is given)."""
        return self.ensure_history_page().export_csv(path)

    def save_history_chart(self, path: Path | None = None) -> bool:
        """File > Save chart as PNG: the History chart on show (History comes to the front)."""
        self.show_page("history")
        return self.ensure_history_page().save_chart_png(path)

    # ------------------------------------------------------------------ what the coach says
    def plan_setup(self):
        """The coach's set-up; a stored one that cannot be read is reported once."""
        problem = self.coach.setup_problem()
        if problem and not self._setup_problem_shown:
            self._setup_problem_shown = True
            self.status(self.tr("%1; showing the starter plan.").replace("%1", problem[0].upper() + problem[1:]))
        return self.coach.plan_setup()

    def refresh_today(self) -> None:
        """Work out today's (or the next) session and show it; Start will use exactly it."""
        self.plan_setup()
        view = self.coach.today_view()
        self._shown_day = self.coach.today()
        self.today_session, self.prescription = view.session, view.session.prescription
        self.today_page.show_today(view.session, now=self._shown_day, last=view.last, run_day=view.run_day,
                                   plan_is_default=view.plan_is_default, sore_side=view.setup.sore_side)
        self.answers.show(view.session.decision, view.morning_question, view.setup.sore_side)

    def refresh_plan(self) -> None:
        if self.plan_page is not None:
            sheet = self.coach.week_sheet()
            self.plan_page.show_plan(self.plan_setup(), not self.coach.has_plan_setup(), self.coach.week_statuses(),
                                     sheet, self.coach.today())

    def _data_changed(self, kinds: frozenset) -> None:
        """The model wrote something: Today and the Plan are worked out again; History
        redraws itself. While a session runs, what changed waits for its end, so a save
        after each set never costs the count a replay of the whole log."""
        if self.player is not None:
            self._changes_waiting |= kinds
            return
        self.refresh_today()
        self.refresh_plan()
        if self.history_page is not None and kinds & {SETUP, DATA, DAY}:
            self.history_page.set_context(self.coach.plan(), self.plan_setup().sore_side)

    def _session_ended(self) -> None:
        """The player has left: full screen, which was for the session, ends with it; what
        changed meanwhile is shown now, and the session's saves (all on disk) to every page."""
        if self.isFullScreen():
            self.set_fullscreen(False)
        waiting, self._changes_waiting = self._changes_waiting, frozenset()
        if waiting - {SESSIONS}:
            self._data_changed(waiting)
        self.model.sessions_saved()
        self.today_page.start_button.setFocus()

    def _timings_changed(self) -> None:
        if self.player is None:   # a running session keeps the timeline it started with
            self.refresh_today()
            self.refresh_plan()   # the week's cards and printed sheet show the new lengths

    def _check_new_day(self) -> None:
        self.store.daily_backup()  # a window left open for days still gets its daily copies
        if self.coach.today() != self._shown_day:
            self.model.new_day()

    def choose_week(self, monday: dt.date) -> None:
        self.coach.selected_monday = monday
        if self.plan_page is not None:
            sheet = self.coach.week_sheet()
            self.plan_page.show_week(sheet, self.coach.today())
            self.plan_page.weeks.set_weeks(self.plan_page.weeks.statuses, monday)

    # ------------------------------------------------------------------ the parts, by name
    # Menus, tests and the command line reach the window's parts through these.
    @property
    def player(self):
        return self.session.player

    @property
    def library_from_player(self) -> bool:
        return self.session.library_from_player

    @property
    def setup_dialog(self):
        return self.onboarding.setup_dialog

    @property
    def welcome_dialog(self):
        return self.onboarding.welcome_dialog

    @property
    def settings_dialog(self):
        return self.live_settings.dialog

    def pages(self) -> list:
        """Every page built so far, the player included."""
        return [p for p in (self.today_page, self.plan_page, self.history_page, self.library_page, self.player)
                if p is not None]

    def start_session(self) -> None:
        if self.data_loaded:   # before the file is read the window knows only the starter plan
            self.session.start(self.today_session, self.prescription, again=self.start_session)

    def back_to_session(self) -> None:
        self.session.back_from_library()

    def load_sound(self) -> None:
        self.audio.load()

    def set_fullscreen(self, on: bool) -> None:
        """Full screen is for the mat: no menu bar or status bar (F11 still works: menus.py
        gives its action to the window too, not only to the hidden menu)."""
        self.showFullScreen() if on else self.showNormal()
        self.menus.fullscreen_action.setChecked(on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)

    def edit_plan_setup(self, modal: bool = True) -> None:
        self.onboarding.edit_plan_setup(modal)

    def show_welcome(self, *, first_run: bool = False):
        return self.onboarding.show_welcome(first_run=first_run)

    def first_start_prompts(self) -> None:
        self.onboarding.first_start_prompts()

    def open_settings(self, section: str | None = None):
        return self.live_settings.open(section)

    def set_sound(self, on: bool) -> None:
        self.live_settings.set_sound(on)

    def set_voice(self, on: bool) -> None:
        self.live_settings.set_voice(on)

    def set_theme(self, mode: str) -> None:
        self.live_settings.set_theme(mode)

    def apply_text_scale(self) -> None:
        self.live_settings.apply_text_scale()

    def keyPressEvent(self, event) -> None:
        from PySide6.QtCore import Qt   # not at import: see widget_kit.set_by_name

        if self.key_before_menus(event):
            return
        if (self.player is None and self.current_page == "today" and self.data_loaded
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.start_session()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.player is not None and not self.session.may_close():
            event.ignore()   # the player asks first, as Esc does; a "close" answer closes again
            return
        if self.player is not None:
            self.player.leave_now()
        error = self.model.flush_saves()
        if self._store is not None and not self.data_care.may_quit_with(error):
            event.ignore()
            return
        self._day_timer.stop()
        self.onboarding.close()
        self.live_settings.close()
        self.model.close_saves()
        self.audio.release()
        if self.isFullScreen():
            self.showNormal()   # remember the normal window, not the full screen
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)


def show_main_window(window: MainWindow, *, prompts: bool = True) -> None:
    """Show the window; then, unless ``prompts`` is off (--exit-after-show), the first-run welcome."""
    window.show()
    QTimer.singleShot(SOUND_LOAD_DELAY_MS, window.load_sound)
    if prompts:
        QTimer.singleShot(SETUP_PROMPT_DELAY_MS, window.first_start_prompts)
