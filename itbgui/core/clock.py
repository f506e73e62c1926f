"""The one source of time for the app.

Everything that measures or schedules time takes a clock, so a test can swap in
:class:`FakeClock` and run a 20-minute session in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for countdowns)."""

    def now(self) -> dt.datetime:
        """The local wall-clock time, timezone-aware (for what gets stored)."""


def _monotonic_source():
    # CLOCK_BOOTTIME keeps counting while the laptop sleeps, so the engine can
    # notice the gap and pause instead of silently freezing mid-countdown.
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return lambda: time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic


class SystemClock:
    """The real clock."""

    def __init__(self) -> None:
        self._source = _monotonic_source()

    def monotonic(self) -> float:
        return self._source()

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when told to; wall time moves with it."""

    def __init__(self, start: dt.datetime | None = None, monotonic_start: float = 1000.0) -> None:
        import datetime as dt

        self._mono = monotonic_start
        self._wall = start or dt.datetime(2026, 11, 2, 18, 30, tzinfo=dt.timezone.utc)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> dt.datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        import datetime as dt

        self._mono += seconds
        self._wall += dt.timedelta(seconds=seconds)

    def set_wall(self, when: dt.datetime) -> None:
        """Step the wall clock only (NTP, a person fixing the date): monotonic time stays."""
        self._wall = when
