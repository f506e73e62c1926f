"""The numbers behind History's run charts: where the pain began run by run, the weekly
distance against the pain, and the return-to-run stage over time.

Pure Python (no Qt, no numpy), like chart_data. The pain-onset distance is the runner's
own measure of recovery: it moves later, then vanishes. A pain-free run is drawn at its
full distance (the pain did not begin before it ended), marked apart; a pain given only
by the minute is placed on the distance in proportion to the time (an estimate, said so).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from itbgui.program.plan_setup import monday_of
from itbgui.store.run_records import RunRecord

#: A run's pain counts as a warning above this (PROGRAM.md: pain during <= 3 is acceptable).
PAIN_LIMIT = 3


@dataclass(frozen=True)
class OnsetPoint:
    x: float                 # the run's start, seconds since the epoch
    km: float                # where the pain began, or the whole run when it never did
    distance_km: float
    pain_during: int | None
    kind: str                # "onset", "estimated" (from the minute), or "pain_free"


@dataclass(frozen=True)
class OnsetChart:
    points: tuple[OnsetPoint, ...]
    unplaced: int            # runs with pain but no distance or onset to place it by


@dataclass(frozen=True)
class WeekOfRuns:
    monday: dt.date
    x: float                 # the week's middle
    km: float
    runs: int
    worst_pain: int | None   # the worst pain during of the week's answered runs


@dataclass(frozen=True)
class StagePoint:
    x: float
    stage: int


def _x(record: RunRecord) -> float:
    return record.started_at.timestamp()


def onset_chart(runs: Sequence[RunRecord]) -> OnsetChart:
    """Run by run, oldest first."""
    points, unplaced = [], 0
    for r in sorted(runs, key=lambda r: r.started_at):
        if r.pain_during is None or not r.distance_km:
            unplaced += r.pain_during is not None and r.pain_during > 0
            continue
        if r.pain_free:
            points.append(OnsetPoint(_x(r), r.distance_km, r.distance_km, 0, "pain_free"))
        elif r.pain_onset_km is not None:
            points.append(OnsetPoint(_x(r), r.pain_onset_km, r.distance_km, r.pain_during, "onset"))
        elif r.pain_onset_min is not None and r.duration_s:
            km = min(r.distance_km, r.distance_km * r.pain_onset_min * 60 / r.duration_s)
            points.append(OnsetPoint(_x(r), km, r.distance_km, r.pain_during, "estimated"))
        else:
            unplaced += 1
    return OnsetChart(tuple(points), unplaced)


def weekly_runs(runs: Sequence[RunRecord]) -> tuple[WeekOfRuns, ...]:
    """Every week from the first run's to the last's (empty weeks too, as gaps are news)."""
    if not runs:
        return ()
    by_week: dict[dt.date, list[RunRecord]] = defaultdict(list)
    for r in runs:
        by_week[monday_of(r.started_at.date())].append(r)
    first, last = min(by_week), max(by_week)
    weeks, monday = [], first
    while monday <= last:
        done = by_week.get(monday, [])
        pains = [r.pain_during for r in done if r.pain_during is not None]
        middle = dt.datetime.combine(monday + dt.timedelta(days=3), dt.time(12)).timestamp()
        weeks.append(WeekOfRuns(monday, middle, round(sum(r.distance_km or 0.0 for r in done), 3),
                                len(done), max(pains) if pains else None))
        monday += dt.timedelta(weeks=1)
    return tuple(weeks)


def stage_points(runs: Sequence[RunRecord]) -> tuple[StagePoint, ...]:
    """The stage each run was done at, for the runs the plan gave one."""
    return tuple(StagePoint(_x(r), r.stage) for r in sorted(runs, key=lambda r: r.started_at)
                 if r.stage is not None)


def x_range(runs: Sequence[RunRecord]) -> tuple[float, float] | None:
    """From the Monday of the first run's week to the Sunday of the last's."""
    if not runs:
        return None
    days = [r.started_at.date() for r in runs]
    first, last = monday_of(min(days)), monday_of(max(days)) + dt.timedelta(days=7)
    return (dt.datetime.combine(first, dt.time()).timestamp(), dt.datetime.combine(last, dt.time()).timestamp())
