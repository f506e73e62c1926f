"""A session in the window: the player takes the pages' place, the Library can stand in
for it while paused (I), and when it closes the coach decides what comes next.

The host is handed what it drives (the stack the player goes into, the page tabs, the
Library, the menus' navigation) and the model the player writes through; what only the
window can do (close, full screen, the sound toggle, showing Today again) it asks by signal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

from itbgui.app.menus import PAGES
from itbgui.screens.today_card import long_date
from itbgui.core.clock import Clock
from itbgui.ui.settings import AppSettings

if TYPE_CHECKING:
    from itbgui.app.audio import SessionAudio
    from itbgui.app.status import StatusSink
    from itbgui.model.coach_model import CoachModel
    from itbgui.player.view import PlayerView
    from itbgui.screens.library.page import LibraryPage


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class SessionHost(QObject):
    #: the player has left and the pages are back: the window shows what changed meanwhile
    ended = Signal()
    #: the person chose to close the window mid-session (what was done is kept)
    close_requested = Signal()
    sound_toggle_requested = Signal()
    fullscreen_toggle_requested = Signal()

    def __init__(self, parent: QWidget, model: CoachModel, settings: AppSettings, clock: Clock,
                 audio: SessionAudio, status: StatusSink, *, stack: QStackedWidget, tabs: QTabWidget,
                 library: Callable[[], LibraryPage], navigation: Callable[[bool], None]) -> None:
        """``library`` builds the Library page on first use; ``navigation`` turns the menus'
        page and start actions off while a session runs."""
        super().__init__(parent)
        self.model, self.settings, self.clock = model, settings, clock
        self.audio, self.status, self.stack, self.tabs = audio, status, stack, tabs
        self.library, self.navigation = library, navigation
        self.player: PlayerView | None = None
        self._library_page: LibraryPage | None = None   # set while the Library stands in for the player
        self._page_before_library: int | None = None
        self.extra_question = None   # the "another session today?" box while it is open
        self.morning_question = None  # the next-morning question Start asks while it is open
        self._morning_skipped: str | None = None   # the session whose answer Start went on without

    def start(self, today, prescription, again: Callable[[], None] | None = None) -> None:
        """Open the player with ``prescription`` (Today's, unless a caller swapped it),
        carrying on a session left early today. A later day's session is never pulled
        into today quietly: the person is asked first (see ask_extra). A next-morning answer
        still missing is asked first too (ask_morning); ``again`` starts once more after it,
        with Today worked out anew from the answer."""
        if self.player is not None or self.morning_question is not None:
            return
        morning = self.model.coach.morning_unanswered() if again is not None else None
        if morning is not None and morning.id != self._morning_skipped:
            self.ask_morning(morning, again)
            return
        if today is not None and not today.is_today and today.prescription == prescription:
            self.ask_extra(today)
            return
        resume = None
        if today is not None and today.resume is not None and today.prescription == prescription:
            resume = (today.resume.session, today.resume.step)
        self._open(prescription, resume)

    def ask_morning(self, session, again: Callable[[], None]) -> None:
        """The last session's next-morning answer, asked as the next one starts (the rule
        raises nothing without it). B, S or W answers and starts; Esc starts without it."""
        from PySide6.QtWidgets import QMessageBox

        box = self.morning_question = QMessageBox(self.parent())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Before you start"))
        ended = (session.ended_at or session.started_at).astimezone()
        box.setText(tr("How did the sore side feel the morning after your last session (%1), "
                       "against before it?").replace("%1", long_date(ended)))
        box.setInformativeText(tr("Nothing goes up without this answer. B: better, S: the same, "
                                  "W: worse. Esc: start without it."))
        answers = {box.addButton(tr("&Better"), QMessageBox.ButtonRole.AcceptRole): "better",
                   box.addButton(tr("&Same"), QMessageBox.ButtonRole.AcceptRole): "same",
                   box.addButton(tr("&Worse"), QMessageBox.ButtonRole.AcceptRole): "worse"}
        skip = box.addButton(tr("Start without it (Esc)"), QMessageBox.ButtonRole.RejectRole)   # W is Worse
        box.setEscapeButton(skip)
        box.setDefaultButton(skip)   # Enter, still down from Start, must not answer for the person

        def answered() -> None:
            self.morning_question = None
            box.deleteLater()
            answer = answers.get(box.clickedButton())
            if answer is None:
                self._morning_skipped = session.id
            else:
                from itbgui.store.opening import StoreError

                try:
                    self.model.answer_morning(session, answer)   # Today is worked out anew
                except StoreError as exc:
                    self.status(tr("Not saved: %1").replace("%1", str(exc)))
                    self._morning_skipped = session.id
            again()
        box.finished.connect(answered)
        box.open()

    def ask_extra(self, today) -> None:
        """Start on a day without a session of its own: ask first; Not now is the default."""
        from PySide6.QtWidgets import QMessageBox

        coach = self.model.coach
        box = self.extra_question = QMessageBox(self.parent())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Another session today?"))
        when = long_date(today.date)
        now = coach.today()
        same_week = today.date - dt.timedelta(days=today.date.weekday()) <= now
        if same_week:
            how = tr("It would be %1's session, done and recorded today.").replace("%1", f"{today.date:%A}")
        else:
            how = tr("It is recorded as today's extra session; the plan's next session stays on %1."
                     ).replace("%1", when)
        if today.done_today:
            box.setText(tr("You already trained today. Another session today?"))
            how += " " + tr("Rest between sessions is part of the plan.")
        else:
            box.setText(tr("Your next session is planned for %1. Do it today instead?").replace("%1", when))
        box.setInformativeText(how)
        yes = box.addButton(tr("&Yes, train today"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)

        def answered() -> None:
            self.extra_question = None
            if box.clickedButton() is yes and self.player is None:
                self._open(self.model.coach.extra_session().prescription, None)
            box.deleteLater()
        box.finished.connect(answered)
        box.open()

    def _open(self, prescription, resume) -> None:
        from itbgui.player.view import PlayerView  # with QtSvg: not needed for the first paint

        self.audio.load()
        cues = self.audio.cue_player
        player = self.player = PlayerView(self.model.coach.timeline(prescription), self.clock, self.model, cues,
                                          self.audio.inhibitor, resume=resume)
        player.set_text_scale(self.settings.text_scale)
        player.closed.connect(self.end)
        cues.notice.connect(player.show_sound_notice)
        player.close_confirmed.connect(self.close_requested)
        player.library_requested.connect(self.show_library)
        player.sound_toggle_requested.connect(self.sound_toggle_requested)
        player.fullscreen_toggle_requested.connect(self.fullscreen_toggle_requested)
        self.stack.addWidget(player)
        self.stack.setCurrentWidget(player)
        self.navigation(False)
        player.setFocus()

    def may_close(self) -> bool:
        """The window is asked to close mid-session: the player asks first (back from the
        Library if it stands in), and the close waits for the answer."""
        if self.player is None:
            return True
        if self.library_from_player:
            self.back_from_library()
        return self.player.ask_before_close()

    def show_library(self, exercise_id: str) -> None:
        """The player's I key: its engine is paused; the Library takes the player's place.

        The player stays alive in the stack (engine, timer, pending saves untouched), only
        hidden; the page tabs stay hidden too, so the one way on is back to the session.
        """
        if self.player is None:
            return
        library = self._library_page = self.library()
        self._page_before_library = self.tabs.currentIndex()
        self.tabs.tabBar().hide()
        self.tabs.setCurrentIndex(PAGES.index("library"))
        library.show_exercise(exercise_id, offer_back=True)
        self.stack.setCurrentWidget(self.tabs)
        from PySide6.QtCore import Qt   # not at import: see widget_kit.set_by_name

        library.scroll.setFocus(Qt.FocusReason.OtherFocusReason)   # arrows and Page keys scroll the card

    @property
    def library_from_player(self) -> bool:
        return self._page_before_library is not None

    def back_from_library(self) -> None:
        """Back from the Library to the paused player (Space resumes it)."""
        if self.library_from_player:
            self._leave_library_mode()
            if self.player is not None:
                self.stack.setCurrentWidget(self.player)
                self.player.setFocus()

    def _leave_library_mode(self) -> None:
        if self._library_page is not None:
            self._library_page.set_back_offered(False)
        self.tabs.tabBar().show()
        self.tabs.setCurrentIndex(self._page_before_library)
        self._page_before_library = None

    def end(self) -> None:
        """Back from the player: its saves are flushed, the pages come back on Today, and
        ``ended`` lets the window show what changed meanwhile."""
        player, self.player = self.player, None
        if player is None:
            return
        if self.library_from_player:
            self._leave_library_mode()
        self.model.flush_saves()
        self.stack.setCurrentWidget(self.tabs)
        self.stack.removeWidget(player)
        player.deleteLater()
        self.navigation(True)
        self.tabs.setCurrentIndex(PAGES.index("today"))
        self.ended.emit()

    def saved(self, record, error) -> None:
        """A save of the session in progress finished: the player shows it; a refusal also
        goes on the status bar."""
        if self.player is not None:
            self.player.saved(record, error)
        if error is not None:
            self.status(tr("Not saved: %1").replace("%1", str(error)))
