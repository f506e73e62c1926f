"""The sessions behind the History page, read only as far back as a chart needs.

Pure Python, no Qt (checked by an import contract). Split from :mod:`.chart_data`, which
computes each chart's numbers from summaries; this module decides which sessions get
summarised and counts the streak from the records themselves.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from typing import Sequence

from itbgui.program.plan_setup import monday_of
from itbgui.program.sessions import counts_for_plan as record_counts, session_day
from itbgui.store.records import SessionRecord
from itbgui.screens.history.chart_data import (TREND_WEEKS, HistoryCharts, PlanTargets, SessionSummary, build_charts,
                         range_start, streak_back_from, summarise)


class HistoryData:
    """Ten years of sessions take a while to summarise, but the default range shows eight
    weeks: summaries are made on demand for the range (plus the trend's run-in) and
    cached by record, since the store hands out the same frozen records until one
    changes. The streak walks back week by week from this one and reads only the
    sessions of the weeks it passes (it ends at the first week short of plan).
    """

    def __init__(self, sessions: Sequence[SessionRecord] = ()) -> None:
        self._cache: dict[str, tuple[SessionRecord, SessionSummary]] = {}
        self.set_sessions(sessions)

    def set_sessions(self, sessions: Sequence[SessionRecord]) -> None:
        """The sessions in day order, for the binary searches by day. The store hands them
        oldest first (then sorting is one pass); sessions logged in other time zones can
        put a later instant on an earlier day, and then the day decides."""
        ordered = sorted(sessions, key=lambda r: r.started_at)
        days = [session_day(r) for r in ordered]
        if any(a > b for a, b in zip(days, days[1:])):
            order = sorted(range(len(ordered)), key=lambda i: (days[i], ordered[i].started_at))
            ordered, days = [ordered[i] for i in order], [days[i] for i in order]
        self.sessions, self._days = ordered, days
        if self._cache:
            live = {r.id for r in self.sessions}
            self._cache = {k: v for k, v in self._cache.items() if k in live}

    def summaries_from(self, first_day: dt.date | None) -> list[SessionSummary]:
        """Summaries of the sessions on or after ``first_day`` (None: all), oldest first."""
        start = 0 if first_day is None else bisect_left(self._days, first_day)
        out = []
        cache = self._cache
        for record in self.sessions[start:]:
            hit = cache.get(record.id)
            if hit is None or hit[0] is not record:
                hit = cache[record.id] = (record, summarise(record))
            out.append(hit[1])
        return sorted(out, key=lambda s: s.x)

    def sessions_in_week(self, monday: dt.date) -> int:
        """Sessions that count in the week starting ``monday`` (two binary searches)."""
        first = bisect_left(self._days, monday)
        last = bisect_left(self._days, monday + dt.timedelta(weeks=1), first)
        return sum(1 for record in self.sessions[first:last] if record_counts(record))

    def streak(self, today: dt.date, plan: PlanTargets | None = None) -> int:
        """:func:`.chart_data.current_streak` over every session, reading only the weeks
        it walks back through."""
        if not self._days:
            return 0
        return streak_back_from(today, monday_of(self._days[0]), self.sessions_in_week, plan)

    def charts(self, range_key: str, today: dt.date, exercise_id: str | None = None,
               plan: PlanTargets | None = None) -> HistoryCharts:
        start = range_start(range_key, today)
        run_in = None if start is None else start - dt.timedelta(weeks=TREND_WEEKS - 1)
        return build_charts(self.summaries_from(run_in), range_key, today, exercise_id, plan,
                            streak=self.streak(today, plan),
                            history_start=self._days[0] if self._days else None)
