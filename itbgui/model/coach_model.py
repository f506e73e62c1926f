"""The one write path: every change to the person's data goes through :class:`CoachModel`,
which says what changed, so each page redraws what it shows and nothing else has to
remember to refresh it.

A session in progress (the player's saves after each set, written off the window's thread
by the model's :class:`~itbgui.store.saver.BackgroundSaver`), an edit, a delete or its undo
in History, an override, a morning answer, a set-up change, a restored backup, a run logged
or imported and a walking readiness answer are all here. Each write raises
:class:`~itbgui.store.repository.StoreError` when the disk refuses it (the caller knows
how to say so: a dialog, the status bar) and emits nothing, since nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from itbgui.core.coach import Coach
    from itbgui.program.decisions import ProgressionDecision
    from itbgui.program.plan_setup import PlanSetup
    from itbgui.store.backups import Backup
    from itbgui.store.opening import StoreError
    from itbgui.store.records import SessionRecord
    from itbgui.store.run_records import ReadinessCheck, RunRecord
    from itbgui.store.saver import BackgroundSaver

#: What a change touched (``changed`` carries a frozenset of these).
SESSIONS = "sessions"      # a session added, edited, deleted or brought back
DECISIONS = "decisions"    # an override or a morning answer: what comes next
SETUP = "setup"            # the plan's set-up
DATA = "data"              # the whole file replaced (a backup restored): undo steps are void
DAY = "day"                # the date moved on under a window left open
RUNS = "runs"              # a run logged, imported, answered, edited or deleted; a walking check
EVERYTHING = frozenset({SESSIONS, DECISIONS, SETUP, DATA, DAY, RUNS})


class CoachModel(QObject):
    changed = Signal(object)   # frozenset of the kinds above
    #: a save of the session in progress finished: (SessionRecord, StoreError | None)
    session_saved = Signal(object, object)
    _saved_on_worker = Signal(object, object)   # the saver's thread: queued to the model's

    def __init__(self, coach: Callable[[], Coach], parent: QObject | None = None) -> None:
        """``coach`` gives the coach on first use: the window makes it after its first paint."""
        super().__init__(parent)
        self._coach = coach
        self._saver: BackgroundSaver | None = None
        self._saved_on_worker.connect(self._saved)

    @property
    def coach(self) -> Coach:
        return self._coach()

    def _emit(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds))

    # ------------------------------------------------------------------ the session in progress
    @property
    def saver(self) -> BackgroundSaver:
        """The worker that writes the session in progress; made (its thread started) on first use."""
        if self._saver is None:
            from itbgui.store.saver import BackgroundSaver

            self._saver = BackgroundSaver(self.coach.store, on_result=self._saved_on_worker.emit)
        return self._saver

    def save_in_progress(self, record: SessionRecord) -> None:
        """Hand the running session's record to the saver: a slow disk never stalls the
        player's clock. The outcome comes back as ``session_saved``, then ``changed``."""
        self.saver.save(record)

    @property
    def saving_idle(self) -> bool:
        return self._saver is None or self._saver.idle

    @property
    def data_file(self) -> Path:
        return self.coach.store.path

    def flush_saves(self, timeout: float | None = 30.0) -> StoreError | None:
        """Wait for the saves handed in so far; the last refusal, if any."""
        return None if self._saver is None else self._saver.flush(timeout)

    def close_saves(self) -> None:
        if self._saver is not None:
            self._saver.close()

    def _saved(self, record: SessionRecord, error: StoreError | None) -> None:
        self.session_saved.emit(record, error)
        if error is None:
            self._emit(SESSIONS)

    def sessions_saved(self) -> None:
        """The session's saves are all on disk (flushed when the player left): every page hears."""
        self._emit(SESSIONS)

    # ------------------------------------------------------------------ sessions

    def save_session(self, record: SessionRecord) -> None:
        """An edited session, or one brought back by undo."""
        self.coach.store.save_session(record)
        self._emit(SESSIONS)

    def delete_session(self, session_id: str) -> SessionRecord | None:
        removed = self.coach.store.delete_session(session_id)
        self._emit(SESSIONS)
        return removed

    # ------------------------------------------------------------------ runs
    def save_runs(self, records: list[RunRecord]) -> None:
        """Runs logged by hand, imported from files, or given their pain answers: one write.
        A run's pain is read by the next strength decision, so that is redrawn too."""
        self.coach.store.save_runs(records)
        self._emit(RUNS, DECISIONS)

    def delete_run(self, run_id: str) -> RunRecord | None:
        removed = self.coach.store.delete_run(run_id)
        self._emit(RUNS, DECISIONS)
        return removed

    def save_readiness_check(self, check: ReadinessCheck) -> None:
        """The brisk-walking answer that opens (or not) the return to running."""
        self.coach.store.save_readiness_check(check)
        self._emit(RUNS)

    # ------------------------------------------------------------------ what comes next
    def set_override(self, decision: ProgressionDecision, action: str) -> None:
        self.coach.set_override(decision, action)
        self._emit(DECISIONS)

    def answer_morning(self, session: SessionRecord, answer: str) -> None:
        self.coach.answer_morning(session, answer)
        self._emit(SESSIONS, DECISIONS)

    def answer_pause(self, answer: str) -> None:
        """The person's own answer that ends a pause ("cleared" by a clinician, or "settled")."""
        self.coach.answer_pause(answer)
        self._emit(DECISIONS)

    # ------------------------------------------------------------------ the plan and the file
    def save_plan_setup(self, setup: PlanSetup) -> None:
        self.coach.store.save_plan_setup(setup.to_doc())
        self.coach.selected_monday = None     # the Plan shows the current week of the new plan
        self._emit(SETUP)

    def restore_backup(self, backup: Backup) -> int:
        """Replace the data file with ``backup``; the number of sessions it holds."""
        count = self.coach.store.restore(backup)
        self._emit(*EVERYTHING)
        return count

    def new_day(self) -> None:
        self._emit(DAY)
