"""The person's answers on Today: a call on the next session, the morning question, the
end of a pause and the walking check before the first run. Each is written through the model, which tells every page; a refusal from
the disk goes to the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from itbgui.store.opening import StoreError

if TYPE_CHECKING:
    from itbgui.app.status import StatusSink
    from itbgui.model.coach_model import CoachModel
    from itbgui.screens.today import TodayPage


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class TodayAnswers:
    def __init__(self, page: TodayPage, model: CoachModel, status: StatusSink) -> None:
        self.page, self.model, self.status = page, model, status
        self.decision = None   # the decision Today shows, which an override answers
        self.morning = None    # the session the morning question asks about
        page.override_chosen.connect(self.set_override)
        page.morning_answered.connect(self.answer_morning)
        page.pause_answered.connect(self.answer_pause)
        page.morning_dismissed.connect(self.dismiss_morning)
        page.walk_answered.connect(self.answer_walk)

    def show(self, decision, morning, sore_side: str) -> None:
        """What Today now shows: the decision, and the morning question if one is due."""
        self.decision, self.morning = decision, morning
        self.page.ask_morning(morning, sore_side)

    def _write(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except StoreError as exc:
            self.status(tr("Not saved: %1").replace("%1", str(exc)))
            return False
        return True

    def set_override(self, action: str) -> None:
        """The person's call for the next session; stored with the decision, and it wins."""
        decision = self.decision
        if decision is not None:
            self._write(lambda: self.model.set_override(decision, action))

    def answer_morning(self, answer: str) -> None:
        record = self.morning
        if record is not None and self._write(lambda: self.model.answer_morning(record, answer)):
            self.status(tr("Thanks, noted."), 4000)

    def answer_pause(self, answer: str) -> None:
        self._write(lambda: self.model.answer_pause(answer))

    def dismiss_morning(self) -> None:
        if self.morning is not None:   # kept in memory, not written: no replay needed
            self.model.coach.dismiss_morning(self.morning)
        self.page.ask_morning(None, "both")

    def answer_walk(self, minutes: int, pain: int) -> None:
        """The walking check: stored as answered; the program's rule says if runs may start."""
        import uuid

        from itbgui.program.return_to_run import FIRST_STAGE, READY_WALK_MINUTES, readiness_passed
        from itbgui.store.run_records import ReadinessCheck

        check = ReadinessCheck(uuid.uuid4().hex, self.model.coach.clock.now(), minutes, pain)
        if not self._write(lambda: self.model.save_readiness_check(check)):
            return
        if readiness_passed(check):
            self.status(tr("Walking check passed: the runs start at stage %1.").replace("%1", str(FIRST_STAGE)), 6000)
        else:
            self.status(tr("Noted: %1 min, pain %2/10. The runs start after %3 minutes of brisk walking "
                           "with no pain at all.").replace("%1", str(minutes)).replace("%2", str(pain))
                        .replace("%3", str(READY_WALK_MINUTES)), 8000)
