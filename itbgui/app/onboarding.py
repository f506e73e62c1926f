"""The welcome and the plan set-up: shown by themselves on the first start, and from the
Help and File menus after that. Both are window-modal but do not block (open(), not
exec()), so start-up and tests carry on while they are up. Both are parented to the
window, but reach it only through what they are handed: the model (for the coach and the
set-up's write), the settings, a status sink, and whether a session runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from itbgui.ui.settings import AppSettings

if TYPE_CHECKING:
    from itbgui.app.status import StatusSink
    from itbgui.model.coach_model import CoachModel
    from itbgui.store.repository import SessionRepository

#: A prompt that finds another dialog up (a data notice) tries again after this long.
RETRY_MS = 500


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class Onboarding:
    def __init__(self, parent: QWidget, model: CoachModel, settings: AppSettings, status: StatusSink, *,
                 store: Callable[[], SessionRepository], session_running: Callable[[], bool],
                 show_today: Callable[[], None]) -> None:
        self.parent, self.model, self.settings, self.status = parent, model, settings, status
        self.store, self.session_running, self.show_today = store, session_running, show_today
        self.setup_dialog = None     # PlanSetupDialog while open
        self.welcome_dialog = None   # WelcomeDialog while open

    def first_start_prompts(self) -> None:
        """After the window is up: the welcome on the first run, else the set-up offer."""
        if not self.parent.isVisible() or self.session_running():
            return
        if QApplication.activeModalWidget() is not None:   # a data notice is up: after it
            QTimer.singleShot(RETRY_MS, self.first_start_prompts)
        elif not self.settings.first_run_done:
            self.show_welcome(first_run=True)
        else:
            self.ask_setup_if_needed()

    def ask_setup_if_needed(self) -> None:
        """On first start (no set-up stored) offer the set-up dialog once the window is up."""
        if (self.model.coach.has_plan_setup() or self.store().read_only or not self.parent.isVisible()
                or self.session_running()):
            return
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(RETRY_MS, self.ask_setup_if_needed)
            return
        self.edit_plan_setup(modal=False)

    def edit_plan_setup(self, modal: bool = True) -> None:
        """Open the set-up dialog; with modal=False it does not block (first start)."""
        if self.session_running() or self.setup_dialog is not None:
            return
        from itbgui.screens.plan.setup_dialog import PlanSetupDialog

        coach = self.model.coach
        dialog = self.setup_dialog = PlanSetupDialog(self.model.save_plan_setup, coach.setup_for_dialog(),
                                                     coach.today(), self.parent)
        dialog.finished.connect(lambda _result: self._setup_finished(dialog))
        dialog.exec() if modal else dialog.open()

    def _setup_finished(self, dialog) -> None:
        self.setup_dialog = None
        if dialog.setup is not None:   # the model has told every page
            self.status(tr("Plan saved."), 4000)
        dialog.deleteLater()

    def show_welcome(self, *, first_run: bool = False):
        """The welcome and safety notes (Help menu; once by itself on the first start);
        "Set up my plan" opens the set-up dialog when it closes."""
        from itbgui.screens.welcome import WelcomeDialog

        if self.welcome_dialog is not None:
            self.welcome_dialog.raise_()
            return self.welcome_dialog
        dialog = self.welcome_dialog = WelcomeDialog(
            self.parent, text_scale=self.settings.text_scale,
            offer_setup=first_run or not self.model.coach.has_plan_setup())
        dialog.finished.connect(lambda result: self._welcome_finished(dialog, result, first_run))
        dialog.open()
        return dialog

    def _welcome_finished(self, dialog, result: int, first_run: bool) -> None:
        self.welcome_dialog = None
        dialog.deleteLater()
        if first_run:
            self.settings.first_run_done = True   # whatever the answer: shown once
            self.settings.sync()
        if not self.session_running():
            self.show_today()
        from PySide6.QtWidgets import QDialog   # not at import: the first paint needs no dialog

        if result == QDialog.DialogCode.Accepted and not self.store().read_only:
            self.edit_plan_setup(modal=False)

    def close(self) -> None:
        for dialog in (self.setup_dialog, self.welcome_dialog):
            if dialog is not None:
                dialog.reject()
