"""A session in the window: the player takes the window's place, the Library can stand in
for it while paused (I), and when it closes the coach decides what comes next."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from itbgui.app.menus import PAGES

if TYPE_CHECKING:
    from itbgui.player.view import PlayerView
    from itbgui.app.window import MainWindow


class SessionHost:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.player: PlayerView | None = None
        self._page_before_library: int | None = None   # set while the Library stands in for the player
        self.extra_question = None   # the "another session today?" box while it is open

    def start(self) -> None:
        """Open the player with the window's prescription (Today's, unless a caller swapped
        it), carrying on a session left early today. A later day's session is never pulled
        into today quietly: the person is asked first (see ask_extra)."""
        w = self.window
        if self.player is not None or not w.data_loaded:
            return   # before the file is read the window knows only the starter plan
        today = w.today_session
        if today is not None and not today.is_today and today.prescription == w.prescription:
            self.ask_extra(today)
            return
        resume = None
        if today is not None and today.resume is not None and today.prescription == w.prescription:
            resume = (today.resume.session, today.resume.step)
        self._open(w.prescription, resume)

    def ask_extra(self, today) -> None:
        """Start on a day without a session of its own: ask first; Not now is the default."""
        from PySide6.QtWidgets import QMessageBox

        w = self.window
        box = self.extra_question = QMessageBox(w)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(w.tr("Another session today?"))
        when = f"{today.date:%A} {today.date.day} {today.date:%B}"
        now = w.coach.today()
        same_week = today.date - dt.timedelta(days=today.date.weekday()) <= now
        if same_week:
            how = w.tr("It would be %1's session, done and recorded today.").replace("%1", f"{today.date:%A}")
        else:
            how = w.tr("It is recorded as today's extra session; the plan's next session stays on %1."
                       ).replace("%1", when)
        if today.done_today:
            box.setText(w.tr("You already trained today. Another session today?"))
            how += " " + w.tr("Rest between sessions is part of the plan.")
        else:
            box.setText(w.tr("Your next session is planned for %1. Do it today instead?").replace("%1", when))
        box.setInformativeText(how)
        yes = box.addButton(w.tr("&Yes, train today"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(w.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)

        def answered() -> None:
            if box.clickedButton() is yes and self.player is None:
                self._open(w.coach.extra_session().prescription, None)
            box.deleteLater()
        box.finished.connect(answered)
        box.open()

    def _open(self, prescription, resume) -> None:
        w = self.window
        from itbgui.player.view import PlayerView  # with QtSvg: not needed for the first paint

        w.audio.load()
        cues = w.audio.cue_player
        player = self.player = PlayerView(w.coach.timeline(prescription), w.clock, w.store, w.saver, cues,
                                          w.audio.inhibitor, resume=resume)
        player.set_text_scale(w.settings.text_scale)
        player.closed.connect(self.end)
        cues.notice.connect(player.show_sound_notice)
        player.close_confirmed.connect(w.close)
        player.library_requested.connect(self.show_library)
        player.sound_toggle_requested.connect(lambda: w.set_sound(not cues.sound_on))
        player.fullscreen_toggle_requested.connect(lambda: w.set_fullscreen(not w.isFullScreen()))
        w.stack.addWidget(player)
        w.stack.setCurrentWidget(player)
        w.menus.set_navigation_enabled(False)
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
        w = self.window
        if self.player is None:
            return
        library = w.ensure_library_page()
        self._page_before_library = w.tabs.currentIndex()
        w.tabs.tabBar().hide()
        w.tabs.setCurrentIndex(PAGES.index("library"))
        library.show_exercise(exercise_id, offer_back=True)
        w.stack.setCurrentWidget(w.tabs)
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
                self.window.stack.setCurrentWidget(self.player)
                self.player.setFocus()

    def _leave_library_mode(self) -> None:
        w = self.window
        if w.library_page is not None:
            w.library_page.set_back_offered(False)
        w.tabs.tabBar().show()
        w.tabs.setCurrentIndex(self._page_before_library)
        self._page_before_library = None

    def end(self) -> None:
        """Back from the player: store the decision for the session, then show Today."""
        w = self.window
        player, self.player = self.player, None
        if player is None:
            return
        if self.library_from_player:
            self._leave_library_mode()
        if w.isFullScreen():
            w.set_fullscreen(False)   # full screen was for the session: it ends with it
        w.saver.flush()
        w.stack.setCurrentWidget(w.tabs)
        w.stack.removeWidget(player)
        player.deleteLater()
        w.menus.set_navigation_enabled(True)
        w.tabs.setCurrentIndex(PAGES.index("today"))
        w.session_over()
        w.today_page.start_button.setFocus()

    def saved(self, record, error) -> None:
        """A background save finished: the player shows it; a refusal also goes on the status bar."""
        if self.player is not None:
            self.player.saved(record, error)
        if error is None:
            self.window.model.sessions_saved()
        else:
            self.window.status(self.window.tr("Not saved: %1").replace("%1", str(error)))
