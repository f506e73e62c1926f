"""The welcome and the plan set-up: shown by themselves on the first start, and from the
Help and File menus after that. Both are window-modal but do not block (open(), not
exec()), so start-up and tests carry on while they are up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from itbgui.app.window import MainWindow

#: A prompt that finds another dialog up (a data notice) tries again after this long.
RETRY_MS = 500


class Onboarding:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.setup_dialog = None     # PlanSetupDialog while open
        self.welcome_dialog = None   # WelcomeDialog while open

    def first_start_prompts(self) -> None:
        """After the window is up: the welcome on the first run, else the set-up offer."""
        w = self.window
        if not w.isVisible() or w.player is not None:
            return
        if QApplication.activeModalWidget() is not None:   # a data notice is up: after it
            QTimer.singleShot(RETRY_MS, self.first_start_prompts)
        elif not w.settings.first_run_done:
            self.show_welcome(first_run=True)
        else:
            self.ask_setup_if_needed()

    def ask_setup_if_needed(self) -> None:
        """On first start (no set-up stored) offer the set-up dialog once the window is up."""
        w = self.window
        if w.coach.has_plan_setup() or w.store.read_only or not w.isVisible() or w.player:
            return
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(RETRY_MS, self.ask_setup_if_needed)
            return
        self.edit_plan_setup(modal=False)

    def edit_plan_setup(self, modal: bool = True) -> None:
        """Open the set-up dialog; with modal=False it does not block (first start)."""
        w = self.window
        if w.player is not None or self.setup_dialog is not None:
            return
        from itbgui.screens.plan.setup_dialog import PlanSetupDialog

        dialog = self.setup_dialog = PlanSetupDialog(w.model.save_plan_setup, w.coach.setup_for_dialog(), w.coach.today(), w)
        dialog.finished.connect(lambda _result: self._setup_finished(dialog))
        dialog.exec() if modal else dialog.open()

    def _setup_finished(self, dialog) -> None:
        w = self.window
        self.setup_dialog = None
        if dialog.setup is not None:   # the model has told every page
            w.status(w.tr("Plan saved."), 4000)
        dialog.deleteLater()

    def show_welcome(self, *, first_run: bool = False):
        """The welcome and safety notes (Help menu; once by itself on the first start);
        "Set up my plan" opens the set-up dialog when it closes."""
        from itbgui.screens.welcome import WelcomeDialog

        w = self.window
        if self.welcome_dialog is not None:
            self.welcome_dialog.raise_()
            return self.welcome_dialog
        dialog = self.welcome_dialog = WelcomeDialog(
            w, text_scale=w.settings.text_scale, offer_setup=first_run or not w.coach.has_plan_setup())
        dialog.finished.connect(lambda result: self._welcome_finished(dialog, result, first_run))
        dialog.open()
        return dialog

    def _welcome_finished(self, dialog, result: int, first_run: bool) -> None:
        w = self.window
        self.welcome_dialog = None
        dialog.deleteLater()
        if first_run:
            w.settings.first_run_done = True   # whatever the answer: shown once
            w.settings.sync()
        if w.player is None:
            w.show_page("today")
        from PySide6.QtWidgets import QDialog   # not at import: the first paint needs no dialog

        if result == QDialog.DialogCode.Accepted and not w.store.read_only:
            self.edit_plan_setup(modal=False)

    def close(self) -> None:
        for dialog in (self.setup_dialog, self.welcome_dialog):
            if dialog is not None:
                dialog.reject()
