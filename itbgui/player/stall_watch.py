"""Notices when the player's timer fires late, and says what held it up.

The engine always catches up from the monotonic clock, so a late timer never makes the
session drift; but a stall the person felt (a count that hung for a second) should leave a
line in the log that says where the time went: a named piece of the player's own work on
the window's thread, or something outside the player (another part of the app, the
system, a laptop lid).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import contextmanager

log = logging.getLogger(__name__)

#: A wake-up later than this is a stall a person notices.
STALL_SECONDS = 1.0


class StallWatch:
    def __init__(self, monotonic: Callable[[], float], threshold: float = STALL_SECONDS) -> None:
        self.monotonic = monotonic
        self.threshold = threshold
        self._due: float | None = None
        self.stalls: list[tuple[float, str]] = []   # (seconds, cause), newest last

    def expect(self, delay: float | None) -> None:
        """The timer was set to fire after ``delay`` seconds (None: nothing expected)."""
        self._due = None if delay is None else self.monotonic() + delay

    @contextmanager
    def doing(self, what: str):
        """Time a piece of the player's own work on the window's thread; the innermost
        slow piece is the one named."""
        start, count = self.monotonic(), len(self.stalls)
        try:
            yield
        finally:
            took = self.monotonic() - start
            if took > self.threshold and len(self.stalls) == count:
                self._stalled(took, f"{what} on the window's thread")

    def woke(self) -> float:
        """Called when the timer fires: how late it was (0 when on time); a stall is logged."""
        if self._due is None:
            return 0.0
        late = max(0.0, self.monotonic() - self._due)
        self._due = None
        if late > self.threshold:
            self._stalled(late, "the timer fired late: something outside the player held the "
                                "window's thread, or the computer slept")
        return late

    def _stalled(self, seconds: float, cause: str) -> None:
        log.warning("player stalled %.1f s: %s; the session caught up from the monotonic clock",
                    seconds, cause)
        self.stalls.append((seconds, cause))
