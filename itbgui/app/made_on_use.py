"""The main window's parts that the first paint does without, each made on first use.

The app takes the data folder (its lock and the file's bytes) before the window shows and
paints Today at once; the repository, the model's background saver, the data file's dialogs, the
coach, Today's real prescription and the menus' actions come right after the first paint
(or sooner, the moment something asks for one). Mixed into :class:`MainWindow`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from itbgui.screens.today_card import TodayCard
    from itbgui.core.coach import Coach
    from itbgui.program.prescription import SessionPrescription
    from itbgui.store.opening import FolderOpening
    from itbgui.store.repository import SessionRepository
    from itbgui.model.coach_model import CoachModel
    from itbgui.store.saver import BackgroundSaver
    from itbgui.app.data_care import DataCare
    from itbgui.app.printing import WeekPrinting
    from itbgui.app.menu_actions import MenuActions
    from itbgui.app.menus import MenuTitles
    from itbgui.app.run_host import RunHost


_log = logging.getLogger(__name__)


class MadeOnUse:
    _opening: FolderOpening | None
    _store: SessionRepository | None
    model: CoachModel
    _data_care: DataCare | None = None
    _prescription: SessionPrescription | None = None
    _coach: Coach | None = None
    _menus: MenuActions | None = None
    _printing: WeekPrinting | None = None
    _runs: RunHost | None = None
    _menu_titles: MenuTitles
    first_card: TodayCard | None = None

    def _after_first_paint(self) -> None:
        """What no one sees in the first frame: the menus' actions, and the watch that gives
        focus back to the window after every dialog (none opens before this), even without a WM;
        and Today's start button's cursor (Qt's namespace: see widget_kit.set_by_name)."""
        from itbgui.ui.focus_return import FocusReturner

        self.menus   # noqa: B018
        self.runs   # noqa: B018  (Today's run buttons and drops on the window)
        FocusReturner(self)
        self.today_page.after_first_paint()

    def load_data(self) -> None:
        """Read a store opened with ``defer_load`` (after the first paint), then fill Today;
        and check the desktop's colour scheme, which the first paint took as last seen."""
        self.live_settings.confirm_system_scheme()
        self.store.load()
        if self.store.read_only:
            self.data_care.show_read_only_badge()
        self.model.saver   # noqa: B018  (its thread starts now, and fills the write cache a little later)
        self.refresh_today()
        if self.first_card is not None and self.today_page.card != self.first_card:
            _log.warning("Today's kept card differed from Today worked out from the data")
        self.runs.show_waiting()   # imported runs still waiting for their pain answers
        self.today_page.start_button.setFocus()

    @property
    def store(self) -> SessionRepository:
        """The repository; made on first use from the folder taken before the window showed
        (its lock and bytes), which is when TinyDB and the store's checks are imported."""
        if self._store is None:
            from itbgui.store.repository import SessionRepository

            self._store = SessionRepository(self._opening.data_dir, now=self.clock.now, defer_load=True,
                                            opening=self._opening)
        return self._store

    @property
    def data_loaded(self) -> bool:
        """The data file is read (Today shows the real session); asks without opening the store."""
        return self._store is not None and self._store.loaded

    def close_store(self) -> None:
        """Let the folder's lock go (the app's last step), whether or not the file was read."""
        if self._store is not None:
            try:
                if self._coach is not None:
                    self._coach.keep_start_snapshot()
                    self._keep_today_cards()
            finally:
                self._store.close()
        elif self._opening is not None:
            self._opening.close()

    def cards_key(self) -> str:
        """What Today's kept cards are made under besides the data (today_cards.py)."""
        from PySide6.QtCore import QLocale

        from itbgui.app.today_cards import cards_key

        return cards_key(self.settings.timing_as_stored(), QLocale.system().name(), self._timing)

    def _kept_card(self) -> TodayCard | None:
        """The card the last run kept for this moment, if the data file is as it left it."""
        if self._opening is None:
            return None
        from itbgui.app.today_cards import read_card

        return read_card(self._opening.path, self.cards_key(), self.clock.now())

    def _keep_today_cards(self) -> None:
        """As the app closes: Today's cards for the days to come, for the data on disk."""
        store = self._store
        if not store.loaded or store.read_only or store.fingerprint() is None:
            return   # memory may not be what is on disk
        from itbgui.app.today_cards import keep_cards

        try:
            keep_cards(self._coach, store.path, self.cards_key(), self.today_page.tr)
        except OSError as exc:
            _log.info("Today's cards not kept: %s", exc)
        except Exception:   # a shortcut only: never a reason to fail a quit with the data saved
            _log.exception("Today's cards not kept")

    @property
    def saver(self) -> BackgroundSaver:
        """The model's saver of the session in progress (tests hand it records and flush it)."""
        return self.model.saver

    @property
    def data_care(self) -> DataCare:
        if self._data_care is None:
            from itbgui.app.data_care import DataCare

            self._data_care = DataCare(self, self.store, self.status, self.model.restore_backup,
                                       status_bar=self.statusBar())
        return self._data_care

    @property
    def printing(self) -> WeekPrinting:
        if self._printing is None:
            from itbgui.app.printing import WeekPrinting

            self._printing = WeekPrinting(self, lambda: self.coach.week_sheet(), self.statusBar().showMessage)
        return self._printing

    @property
    def runs(self) -> RunHost:
        """The run dialog, the run player, File > Import runs… and drops (run_host.py)."""
        if self._runs is None:
            from itbgui.app.run_host import RunHost

            runs = self._runs = RunHost(self, self.model, self.settings, self.clock, self.audio, self.status,
                                        stack=self.stack, tabs=self.tabs, today_page=self.today_page,
                                        history_page=lambda: self.history_page,
                                        data_loaded=lambda: self.data_loaded,
                                        session_running=lambda: self.player is not None,
                                        navigation=lambda on: self.menus.set_navigation_enabled(on))
            runs.ended.connect(lambda: self.set_fullscreen(False) if self.isFullScreen() else None)
            runs.sound_toggle_requested.connect(lambda: self.set_sound(not self.audio.cue_player.sound_on))
            runs.fullscreen_toggle_requested.connect(lambda: self.set_fullscreen(not self.isFullScreen()))
        return self._runs

    @property
    def prescription(self) -> SessionPrescription:
        """What Start hands the player: Today's, once worked out; the starter session before."""
        if self._prescription is None:
            from itbgui.program.prescription import starter_session

            self._prescription = starter_session()
        return self._prescription

    @prescription.setter
    def prescription(self, value: SessionPrescription) -> None:
        self._prescription = value

    @property
    def coach(self) -> Coach:
        if self._coach is None:   # made on first use: the rules (program/) load after the first paint
            from itbgui.core.coach import Coach

            timing = {} if self._timing is None else {"timing": self._timing}
            # Given the folder as opened, the coach answers Today from the start snapshot
            # and asks for the repository (TinyDB, the checks) only when it needs the data.
            store = self._store if self._opening is None else (lambda: self.store)
            self._coach = Coach(store, self.clock, preferences=self.settings.session_preferences,
                                opening=self._opening, **timing)
        return self._coach

    @property
    def menus(self) -> MenuActions:
        """The menus' actions: made right after the first paint, or when a menu opens or a
        key is pressed before that (menus.py)."""
        if self._menus is None:
            from itbgui.app.menu_actions import MenuCommands, build_menus

            commands = MenuCommands(
                start=self.start_session, setup=self.edit_plan_setup, printing=lambda: self.printing,
                log_run=lambda: self.runs.log_run(), import_runs=lambda: self.runs.ask_files(),
                import_folder=lambda: self.runs.ask_folder(), export_runs=lambda: self.runs.export_csv(),
                export_csv=self.export_history_csv, save_chart=self.save_history_chart,
                settings=self.open_settings, save_copy=lambda: self.data_care.export_copy(), quit=self.close,
                go_to_page=self.go_to_page, fullscreen=self.set_fullscreen, theme=self.set_theme,
                sound=self.set_sound, voice=self.set_voice, welcome=self.show_welcome,
                data_file=lambda: self.store.path)
            self._menus = build_menus(self, self._menu_titles, self.settings, commands)
        return self._menus

    def key_before_menus(self, event) -> bool:
        """A key that reached the window before the menus' actions were made: make them and
        send the key again. Qt offers a key the app sends to the shortcuts first, so the
        shortcut pressed still works; any other key comes back here as usual. True: done."""
        if self._menus is not None:
            return False
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        self.menus   # noqa: B018
        again = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
                          event.count())
        QApplication.sendEvent(self, again)
        event.setAccepted(again.isAccepted())
        return True
