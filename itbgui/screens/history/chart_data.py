"""The numbers behind the five History charts, computed from stored sessions.

Pure Python, no Qt: sessions in, plain tuples out, so tests check numbers rather than
pixels and the chart widgets only draw. Every session is summarised once
(:func:`summarise`); each chart reads those summaries. X values are seconds since the
epoch, the unit pyqtgraph's DateAxisItem expects.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, Sequence

from itbgui.program.exercises import Exercise, Kind, catalogue, per_catalogue
from itbgui.program.plan_setup import monday_of
from itbgui.program.sessions import session_day
from itbgui.store.records import SessionRecord

#: Range selector keys -> number of calendar weeks shown (None: everything).
RANGE_WEEKS: dict[str, int | None] = {"4w": 4, "8w": 8, "all": None}
DEFAULT_RANGE = "8w"
#: Without a plan, the program's minimum (beginners: two sessions a week) is the target.
DEFAULT_PLANNED_PER_WEEK = 2
#: The pain trend pools every score of this many weeks, ending with the week drawn.
TREND_WEEKS = 3
#: Longer spans than this are drawn one point per week, not per session, and beyond
#: PER_4_WEEKS_AFTER_WEEKS one per four weeks: a line of 1,500 sessions is unreadable
#: at any window size and slow to draw.
PER_WEEK_AFTER_WEEKS = 26
PER_4_WEEKS_AFTER_WEEKS = 104
#: Four-week blocks are counted from this Monday, so they never shift with the range.
_BLOCK_ORIGIN = dt.date(2000, 1, 3)



class PlanTargets(Protocol):
    """What the charts need from the plan (itbgui.program.plan.Plan provides both)."""

    def target_reps(self, exercise_id: str, day: dt.date) -> int | None:
        """Reps per set planned for this exercise on this day; None if not planned."""

    def planned_count(self, monday: dt.date) -> int:
        """Sessions planned in the week starting on this Monday."""


# ---------------------------------------------------------------------- time helpers
def day_timestamp(day: dt.date) -> float:
    """Local midnight at the start of ``day``, in seconds since the epoch."""
    return dt.datetime.combine(day, dt.time()).timestamp()


def week_centre_timestamp(monday: dt.date) -> float:
    """Where a weekly value is drawn: the middle of its week (Thursday noon)."""
    return day_timestamp(monday) + 3.5 * 86400


def range_start(range_key: str, today: dt.date) -> dt.date | None:
    """First day shown: the Monday ``n - 1`` weeks before this week's, so "4 weeks" is
    this week and the three before it. None for "all"."""
    weeks = RANGE_WEEKS[range_key]
    if weeks is None:
        return None
    return monday_of(today) - dt.timedelta(weeks=weeks - 1)


def charted_exercises(exercise_id: str | None = None) -> tuple[Exercise, ...]:
    """Counted exercises (the timed stretch has no reps to chart), or just the one asked for."""
    counted = tuple(ex for ex in catalogue() if ex.kind is Kind.REPS)
    if exercise_id is None:
        return counted
    return tuple(ex for ex in counted if ex.id == exercise_id)


def side_exercises(exercise_id: str | None = None) -> tuple[Exercise, ...]:
    """Exercises whose sides are the two legs (the band walk's "side" is a direction)."""
    return tuple(ex for ex in charted_exercises(exercise_id) if ex.side_meaning == "leg")


def rung_of(exercise: Exercise, step_index: int | None, resistance: str) -> int | None:
    """The ladder place of a set (0 = easiest, the catalogue's difficulty order): from the
    stored step index, else found by the rung's name."""
    places = _places_by_id().get(exercise.id)
    if places is None or places[0] is not exercise:   # not the catalogue's: work it out
        places = _places(exercise)
    _exercise, by_index, by_name = places
    if step_index is not None and 0 <= step_index < len(exercise.steps):
        return by_index[step_index]
    return by_name.get(resistance)


def _places(exercise: Exercise) -> tuple[Exercise, dict[int, int], dict[str, int]]:
    """Each step's ladder place, by stored index and by name (the first step of a name)."""
    by_index = {i: place for place, (i, _step) in enumerate(exercise.ladder())}
    by_name: dict[str, int] = {}
    for index, step in enumerate(exercise.steps):
        by_name.setdefault(step.name, by_index[index])
    return exercise, by_index, by_name


#: rung_of runs for every set charted: the places are worked out once per exercise.
_places_by_id = per_catalogue(lambda exercises: {ex.id: _places(ex) for ex in exercises})
#: Each counted exercise and its ladder's length (the stretch has no rungs to chart).
_counted_ladders = per_catalogue(lambda exercises: {
    ex.id: (ex, len(ex.steps)) for ex in exercises if ex.kind is Kind.REPS})


# ---------------------------------------------------------------------- summaries
@dataclass(frozen=True)
class ExerciseDay:
    """One exercise within one session, reduced to what the charts show."""

    sets: int
    reps: int                 # done, all sets and sides
    target_reps: int          # as logged in the sets
    rung: int | None          # highest rung used (None: not known)
    left_sets: int = 0
    left_reps: int = 0
    right_sets: int = 0
    right_reps: int = 0

    @property
    def reps_per_set(self) -> float:
        return self.reps / self.sets

    @property
    def logged_target_per_set(self) -> float:
        return self.target_reps / self.sets


@dataclass(frozen=True)
class SessionSummary:
    day: dt.date
    x: float                  # started_at, seconds since the epoch
    pain_before: int | None
    pain_after: int | None
    exercises: dict[str, ExerciseDay]
    partial: bool = False     # reached its end with under half its reps (program.sessions.is_partial)
    pain_during: int | None = None   # the worst pain during it (asked from schema v4 on)

    @property
    def monday(self) -> dt.date:
        return monday_of(self.day)


def summarise(record: SessionRecord) -> SessionSummary:
    """One pass over the sets; this runs for every session shown, so it stays lean."""
    totals: dict[str, list] = {}
    ladders = _counted_ladders()
    for s in record.sets:
        key = s.exercise_id
        known = ladders.get(key)
        if known is None:
            continue  # the timed stretch, or an exercise this version does not know
        exercise, size = known
        t = totals.get(key)
        if t is None:  # sets, reps, target, rung, left sets, left reps, right sets, right reps
            t = totals[key] = [0, 0, 0, None, 0, 0, 0, 0]
        done = s.done_reps
        t[0] += 1
        t[1] += done
        t[2] += s.target_reps
        rung = rung_of(exercise, s.step_index if s.step_index is not None and 0 <= s.step_index < size
                       else None, s.resistance)
        if rung is not None and (t[3] is None or rung > t[3]):
            t[3] = rung
        side = s.side
        if side == "left":
            t[4] += 1
            t[5] += done
        elif side == "right":
            t[6] += 1
            t[7] += done
    return SessionSummary(
        day=session_day(record), x=record.started_at.timestamp(),
        pain_before=record.pain_before, pain_after=record.pain_after, pain_during=record.pain_during,
        exercises={key: ExerciseDay(*t) for key, t in totals.items()},
        partial=record.completed and 2 * sum(t[1] for t in totals.values()) < sum(t[2] for t in totals.values()))


def summarise_all(sessions: Iterable[SessionRecord]) -> list[SessionSummary]:
    """Summaries oldest first, whatever order the sessions came in."""
    return sorted((summarise(r) for r in sessions), key=lambda s: s.x)


# ---------------------------------------------------------------------- chart values
@dataclass(frozen=True)
class RepsSeries:
    """Chart 1, one exercise: reps per set done, and the target dose behind it."""

    exercise_id: str
    name: str
    x: tuple[float, ...]
    reps_per_set: tuple[float, ...]
    target: tuple[float, ...]   # same x; from the plan, else as logged in the sets
    side: str | None = None     # "left" / "right" for a one-sided exercise: sides kept apart


@dataclass(frozen=True)
class ResistanceSeries:
    """Chart 2, one exercise: the ladder rung (0 = easiest) used in each session."""

    exercise_id: str
    name: str
    ladder: tuple[str, ...]     # rung names, easiest first
    x: tuple[float, ...]
    rung: tuple[int, ...]


@dataclass(frozen=True)
class PainChart:
    """Chart 3: pain before and after each session, and a smoothed weekly trend."""

    before_x: tuple[float, ...]
    before: tuple[float, ...]           # whole scores; weekly means when thinned
    after_x: tuple[float, ...]
    after: tuple[float, ...]
    trend_weeks: tuple[dt.date, ...]   # Mondays
    trend: tuple[float, ...]
    during_x: tuple[float, ...] = ()
    during: tuple[float, ...] = ()      # the worst pain during each session, where asked

    @property
    def trend_x(self) -> tuple[float, ...]:
        return tuple(week_centre_timestamp(m) for m in self.trend_weeks)


@dataclass(frozen=True)
class AdherenceChart:
    """Chart 4: sessions done per week against the plan, and the current streak."""

    weeks: tuple[dt.date, ...]          # Mondays, every week in the span, empty ones too
    done: tuple[int, ...]
    planned: tuple[int, ...]
    streak_weeks: int                   # consecutive weeks on plan up to now

    @property
    def x(self) -> tuple[float, ...]:
        return tuple(week_centre_timestamp(m) for m in self.weeks)

    @property
    def adherence(self) -> tuple[float | None, ...]:
        """Done / planned per week (None where nothing was planned)."""
        return tuple(d / p if p else None for d, p in zip(self.done, self.planned))


@dataclass(frozen=True)
class SidesChart:
    """Chart 5: reps per set on each leg, per session, for the one-leg exercises."""

    exercise_id: str | None             # None: all one-leg exercises pooled
    left_x: tuple[float, ...]
    left: tuple[float, ...]
    right_x: tuple[float, ...]
    right: tuple[float, ...]
    gap_x: tuple[float, ...]            # sessions with both sides
    gap: tuple[float, ...]              # left minus right


def reps_series(summaries: Sequence[SessionSummary], exercise_id: str | None = None,
                plan: PlanTargets | None = None) -> tuple[RepsSeries, ...]:
    """One series per exercise; a one-sided exercise gets one per leg, never an average
    of the two (a weak side hides behind a strong one in the mean). A day done with both
    legs at once (the two-leg bridge) counts for each leg."""
    out = []
    for ex in charted_exercises(exercise_id):
        per_side = [_reps_line(ex, side, summaries, plan) for side in ("left", "right")] \
            if ex.side_meaning == "leg" else []
        per_side = [line for line in per_side if line.x]
        out.extend(per_side or [_reps_line(ex, None, summaries, plan)])
    return tuple(out)


def _reps_line(ex: Exercise, side: str | None, summaries: Sequence[SessionSummary],
               plan: PlanTargets | None) -> RepsSeries:
    xs, ys, targets = [], [], []
    for s in summaries:
        day = s.exercises.get(ex.id)
        if day is None or day.sets == 0:
            continue  # skipped that day: no point, rather than a false zero
        sets, reps = day.sets, day.reps   # no side, or done with both legs (two-leg bridge)
        if side is not None and day.left_sets + day.right_sets:
            sets, reps = ((day.left_sets, day.left_reps) if side == "left"
                          else (day.right_sets, day.right_reps))
        if sets == 0:
            continue
        planned = plan.target_reps(ex.id, s.day) if plan is not None else None
        xs.append(s.x)
        ys.append(reps / sets)
        targets.append(float(planned) if planned is not None else day.logged_target_per_set)
    return RepsSeries(ex.id, ex.name, tuple(xs), tuple(ys), tuple(targets), side)


def resistance_series(summaries: Sequence[SessionSummary],
                      exercise_id: str | None = None) -> tuple[ResistanceSeries, ...]:
    out = []
    for ex in charted_exercises(exercise_id):
        xs, rungs = [], []
        for s in summaries:
            day = s.exercises.get(ex.id)
            if day is not None and day.rung is not None:
                xs.append(s.x)
                rungs.append(day.rung)
        out.append(ResistanceSeries(ex.id, ex.name, tuple(st.name for _, st in ex.ladder()),
                                    tuple(xs), tuple(rungs)))
    return tuple(out)


def pain_chart(summaries: Sequence[SessionSummary], first_week: dt.date | None,
               trend_source: Sequence[SessionSummary] | None = None) -> PainChart:
    """Trend for each week from ``first_week`` (None: the first with a score): the mean
    of every score, before, during and after, in that week and the TREND_WEEKS - 1 before it.
    ``trend_source`` (default: ``summaries``) lets the left edge see earlier weeks."""
    before = [(s.x, s.pain_before) for s in summaries if s.pain_before is not None]
    after = [(s.x, s.pain_after) for s in summaries if s.pain_after is not None]
    during = [(s.x, s.pain_during) for s in summaries if s.pain_during is not None]
    by_week: dict[dt.date, list[int]] = defaultdict(list)
    for s in trend_source if trend_source is not None else summaries:
        for score in (s.pain_before, s.pain_during, s.pain_after):
            if score is not None:
                by_week[s.monday].append(score)
    shown_weeks = sorted({s.monday for s in summaries})
    weeks, trend = [], []
    if shown_weeks:
        monday = shown_weeks[0] if first_week is None else max(first_week, shown_weeks[0])
        while monday <= shown_weeks[-1]:
            pooled = [v for k in range(TREND_WEEKS)
                      for v in by_week.get(monday - dt.timedelta(weeks=k), ())]
            if pooled:
                weeks.append(monday)
                trend.append(sum(pooled) / len(pooled))
            monday += dt.timedelta(weeks=1)
    return PainChart(tuple(x for x, _ in before), tuple(v for _, v in before),
                     tuple(x for x, _ in after), tuple(v for _, v in after),
                     tuple(weeks), tuple(trend), tuple(x for x, _ in during), tuple(v for _, v in during))


def counts_as_session(summary: SessionSummary) -> bool:
    """A session counts for adherence when at least one counted set was logged and it is not
    partial (the rule of :func:`itbgui.program.sessions.counts_for_plan`, read from a summary)."""
    return not summary.partial and any(day.reps > 0 for day in summary.exercises.values())


def planned_in_week(plan: PlanTargets | None, monday: dt.date) -> int:
    """Sessions planned in the week starting ``monday`` (the program's minimum without a plan)."""
    return DEFAULT_PLANNED_PER_WEEK if plan is None else plan.planned_count(monday)


def current_streak(summaries: Sequence[SessionSummary], today: dt.date,
                   plan: PlanTargets | None = None) -> int:
    """Weeks in a row, back from this one, with at least the planned sessions.

    This week counts once it is met but does not break the streak while it is still
    under way; weeks with nothing planned neither count nor break it.
    """
    done: dict[dt.date, int] = defaultdict(int)
    for s in summaries:
        if counts_as_session(s):
            done[s.monday] += 1
    return streak_from_counts(done, today, plan)


def streak_from_counts(done_by_week: dict[dt.date, int], today: dt.date,
                       plan: PlanTargets | None = None) -> int:
    """:func:`current_streak` from sessions counted per Monday."""
    done = {k: v for k, v in done_by_week.items() if v}
    if not done:
        return 0
    return streak_back_from(today, min(done), lambda monday: done.get(monday, 0), plan)


def streak_back_from(today: dt.date, first: dt.date, done_in_week: Callable[[dt.date], int],
                     plan: PlanTargets | None = None) -> int:
    """Weeks in a row, back from this one to the Monday ``first``, that met the plan's
    sessions (this week counts once met, and does not end the streak before); a week
    the plan asks nothing of neither counts nor breaks it. Reads only the weeks it walks."""
    this_week = monday_of(today)
    streak = 0
    monday = this_week
    while monday >= first:
        planned = planned_in_week(plan, monday)
        if planned > 0:
            if done_in_week(monday) >= planned:
                streak += 1
            elif monday != this_week:
                break
        monday -= dt.timedelta(weeks=1)
    return streak


def adherence_chart(summaries: Sequence[SessionSummary], today: dt.date,
                    first_week: dt.date | None, plan: PlanTargets | None = None,
                    streak_source: Sequence[SessionSummary] | None = None,
                    history_start: dt.date | None = None,
                    streak: int | None = None) -> AdherenceChart:
    """Every week from ``first_week`` (or the first session's) to this one, empty weeks
    included: a missed week is exactly what this chart must show. ``streak``, when the
    caller worked it out already, saves reading ``streak_source``."""
    done = defaultdict(int)
    for s in summaries:
        if counts_as_session(s):
            done[s.monday] += 1
    if streak is None:
        streak = current_streak(streak_source if streak_source is not None else summaries,
                                today, plan)
    # Weeks before the very first session are not "missed"; the caller may know of
    # sessions older than ``summaries`` (``history_start``: the first one's Monday).
    known = [s.monday for s in summaries[:1]]
    if history_start is not None:
        known.append(monday_of(history_start))
    if not known:
        return AdherenceChart((), (), (), streak)
    start = min(known)
    if first_week is not None:
        start = max(start, first_week)
    weeks = []
    monday = start
    while monday <= monday_of(today):
        weeks.append(monday)
        monday += dt.timedelta(weeks=1)
    return AdherenceChart(tuple(weeks), tuple(done[m] for m in weeks),
                          tuple(planned_in_week(plan, m) for m in weeks), streak)


def sides_chart(summaries: Sequence[SessionSummary],
                exercise_id: str | None = None) -> SidesChart:
    """Reps per set on each leg. With no exercise chosen, the one-leg exercises are
    pooled set by set; a session where one side was not done gives a point for the other
    side only, and no gap."""
    ids = {ex.id for ex in side_exercises(exercise_id)}
    lx, ly, rx, ry, gx, gy = [], [], [], [], [], []
    for s in summaries:
        l_sets = l_reps = r_sets = r_reps = 0
        for key, day in s.exercises.items():
            if key in ids:
                l_sets += day.left_sets
                l_reps += day.left_reps
                r_sets += day.right_sets
                r_reps += day.right_reps
        if l_sets:
            lx.append(s.x)
            ly.append(l_reps / l_sets)
        if r_sets:
            rx.append(s.x)
            ry.append(r_reps / r_sets)
        if l_sets and r_sets:
            gx.append(s.x)
            gy.append(l_reps / l_sets - r_reps / r_sets)
    return SidesChart(exercise_id, tuple(lx), tuple(ly), tuple(rx), tuple(ry),
                      tuple(gx), tuple(gy))


# ---------------------------------------------------------------------- thinning long spans
def bucket_start(day: dt.date, weeks: int) -> dt.date:
    """The Monday that starts the block of ``weeks`` weeks holding ``day``."""
    monday = monday_of(day)
    if weeks == 1:
        return monday
    index = (monday - _BLOCK_ORIGIN).days // (7 * weeks)
    return _BLOCK_ORIGIN + dt.timedelta(days=index * 7 * weeks)


def bucket_centre_timestamp(start: dt.date, weeks: int) -> float:
    return day_timestamp(start) + weeks * 3.5 * 86400


def _bucket_keys(x: Sequence[float], weeks: int,
                 bucket_of: dict[float, dt.date] | None) -> list[dt.date]:
    if bucket_of is not None:
        try:
            return [bucket_of[v] for v in x]
        except KeyError:
            pass
    return [bucket_start(dt.datetime.fromtimestamp(v).date(), weeks) for v in x]


def per_week_means(x: Sequence[float], y: Sequence[float], weeks: int = 1,
                   bucket_of: dict[float, dt.date] | None = None
                   ) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """One point per block of ``weeks`` calendar weeks: the mean of its values, at its centre.

    ``bucket_of`` (x -> block start) saves working out the block of every point again.
    """
    sums: dict[dt.date, list[float]] = {}
    for start, yv in zip(_bucket_keys(x, weeks, bucket_of), y):
        acc = sums.get(start)
        if acc is None:
            sums[start] = [yv, 1]
        else:
            acc[0] += yv
            acc[1] += 1
    starts = sorted(sums)
    return (tuple(bucket_centre_timestamp(m, weeks) for m in starts),
            tuple(sums[m][0] / sums[m][1] for m in starts))


def per_week_last(x: Sequence[float], y: Sequence[int], weeks: int = 1,
                  bucket_of: dict[float, dt.date] | None = None
                  ) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """One point per block for step values (rungs): the highest used in it."""
    top: dict[dt.date, int] = {}
    for start, yv in zip(_bucket_keys(x, weeks, bucket_of), y):
        if yv > top.get(start, -1):
            top[start] = yv
    starts = sorted(top)
    return tuple(bucket_centre_timestamp(m, weeks) for m in starts), tuple(top[m] for m in starts)


# ---------------------------------------------------------------------- everything at once
@dataclass(frozen=True)
class HistoryCharts:
    range_key: str
    exercise_id: str | None
    bucket_weeks: int            # 0: a point per session; n: a point per n weeks (means)
    session_count: int           # sessions in the range
    reps: tuple[RepsSeries, ...]
    resistance: tuple[ResistanceSeries, ...]
    pain: PainChart
    adherence: AdherenceChart
    sides: SidesChart
    x_range: tuple[float, float] | None   # what the x axes show, whole weeks (None: no sessions)

    @property
    def per_week(self) -> bool:
        return self.bucket_weeks > 0


def build_charts(summaries: Sequence[SessionSummary], range_key: str, today: dt.date,
                 exercise_id: str | None = None, plan: PlanTargets | None = None, *,
                 history_start: dt.date | None = None,
                 streak: int | None = None) -> HistoryCharts:
    """All five charts for one range and exercise filter, from summaries oldest first.

    ``summaries`` must reach back at least TREND_WEEKS - 1 weeks before the range (for
    the trend) and, unless ``streak`` is given, to the start of the streak.
    """
    start = range_start(range_key, today)
    shown = [s for s in summaries if start is None or s.day >= start]
    reps = reps_series(shown, exercise_id, plan)
    resistance = resistance_series(shown, exercise_id)
    sides = sides_chart(shown, exercise_id)
    pain = pain_chart(shown, start, trend_source=summaries)
    bucket = 0
    span_days = (shown[-1].day - shown[0].day).days if shown else 0
    if span_days > PER_WEEK_AFTER_WEEKS * 7:
        bucket = 4 if span_days > PER_4_WEEKS_AFTER_WEEKS * 7 else 1
        of = {s.x: bucket_start(s.day, bucket) for s in shown}

        def means(x, y):
            return per_week_means(x, y, bucket, of)

        reps = tuple(RepsSeries(r.exercise_id, r.name, *means(r.x, r.reps_per_set),
                                means(r.x, r.target)[1], r.side) for r in reps)
        resistance = tuple(ResistanceSeries(r.exercise_id, r.name, r.ladder,
                                            *per_week_last(r.x, r.rung, bucket, of))
                           for r in resistance)
        sides = SidesChart(sides.exercise_id, *means(sides.left_x, sides.left),
                           *means(sides.right_x, sides.right), *means(sides.gap_x, sides.gap))
        pain = PainChart(*means(pain.before_x, pain.before), *means(pain.after_x, pain.after),
                         pain.trend_weeks, pain.trend, *means(pain.during_x, pain.during))
    x_range = None
    if shown or (start is not None and (summaries or history_start is not None)):
        first = start if start is not None else monday_of(shown[0].day)
        last_day = max(today, shown[-1].day) if shown else today
        last = monday_of(last_day) + dt.timedelta(weeks=1)  # to the end of that week
        x_range = (day_timestamp(first), day_timestamp(last))
    return HistoryCharts(
        range_key=range_key, exercise_id=exercise_id, bucket_weeks=bucket,
        session_count=len(shown), reps=reps, resistance=resistance,
        pain=pain,
        adherence=adherence_chart(shown, today, start, plan, streak_source=summaries,
                                  history_start=history_start, streak=streak),
        sides=sides, x_range=x_range)
