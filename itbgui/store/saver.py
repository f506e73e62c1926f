"""Saving sessions on a worker thread, so a slow disk never stalls the player's clock.

A save after every set writes and fsyncs the whole file; on a slow or busy disk that can
take longer than one frame of the countdown. The player hands each record here and goes
on; one worker thread writes them in order. If the same session is handed in again
before its write started, only the newest version is written. ``flush`` waits for the
queue to drain (at the end of a session and when the app closes), and each write's
outcome goes to ``on_result`` (called on the worker thread: a Qt caller emits a signal).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Callable

from itbgui.store.records import SessionRecord
from itbgui.store.repository import SessionRepository, StoreError

ResultCallback = Callable[[SessionRecord, "StoreError | None"], None]
#: With nothing to save this long after start, the worker fills the store's write cache
#: (see SessionRepository.prepare_writes), out of the way of the window's first paint.
PREPARE_AFTER_SECONDS = 3.0

log = logging.getLogger(__name__)


class BackgroundSaver:
    def __init__(self, repo: SessionRepository, on_result: ResultCallback | None = None,
                 prepare_after: float | None = PREPARE_AFTER_SECONDS) -> None:
        self.repo = repo
        self.on_result = on_result
        self.last_error: StoreError | None = None
        self._pending: OrderedDict[str, SessionRecord] = OrderedDict()
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._prepare_after = prepare_after
        self._thread = threading.Thread(target=self._run, name="itb-coach-saver", daemon=True)
        self._thread.start()

    def save(self, record: SessionRecord) -> None:
        with self._cond:
            if self._closed:
                raise RuntimeError("the saver is closed")
            self._pending[record.id] = record
            self._pending.move_to_end(record.id)
            self._cond.notify_all()

    def flush(self, timeout: float | None = 30.0) -> StoreError | None:
        """Wait until everything handed in has been written (or failed); returns the last
        error, or an error saying so when the writes are still going after ``timeout``."""
        with self._cond:
            if not self._cond.wait_for(lambda: not self._pending and not self._busy, timeout):
                return StoreError("Saving is taking longer than expected: the disk may be "
                                  "very slow or stuck.")
            return self.last_error

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def close(self, timeout: float | None = 30.0) -> StoreError | None:
        error = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return error

    def _run(self) -> None:
        if self._prepare_after is not None and not self.repo.read_only:
            with self._cond:
                idle = not self._cond.wait_for(lambda: self._pending or self._closed,
                                               self._prepare_after)
            if idle:
                try:
                    self.repo.prepare_writes()
                except Exception as exc:  # only an optimisation: saving works without it
                    log.info("preparing the data file for quick saves failed: %s", exc)
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return  # closed and drained
                _, record = self._pending.popitem(last=False)
                self._busy = True
            error = None
            try:
                self.repo.save_session(record)
            except StoreError as exc:
                error = exc
            except Exception as exc:  # never let the worker die silently
                error = StoreError(f"Saving failed unexpectedly: {exc}")
            with self._cond:
                self.last_error = error
                self._busy = False
                self._cond.notify_all()
            if self.on_result is not None:
                self.on_result(record, error)
            with self._cond:
                drained = not self._pending
            if drained and error is None:
                self.repo.note_checked()  # the next start can trust what is on disk now
