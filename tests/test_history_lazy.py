"""History reads only what it shows: the page's numbers equal the straightforward build.

``HistoryData`` summarises only the range (and the trend's run-in) and counts the streak
week by week back from today; the reference summarises every session and counts the
streak over all of them. Over generated histories (time zones that put a later instant
on an earlier day included), every range, filter and plan, the two must agree exactly.
"""

import datetime as dt

from hypothesis import given, strategies as st

from itbgui.screens.history import chart_data as cd
from itbgui.screens.history.history_data import HistoryData
from itbgui.program.exercises import CATALOGUE
from itbgui.store.records import SessionRecord, SetRecord

TODAY = dt.date(2026, 11, 25)
BASE = dt.datetime(2026, 11, 24, 12, tzinfo=dt.timezone.utc)   # the latest a session may start
ZONES = [dt.timezone(dt.timedelta(hours=h)) for h in (-10, -5, 0, 1, 13)]
RUNGS = {ex.id: [s.name for s in ex.steps] for ex in CATALOGUE}


class WeekPlan:
    """Planned sessions per week (0: a rest week) and a target for some exercises."""

    def __init__(self, counts: dict[int, int], default: int, targets: dict[str, int]) -> None:
        self.counts, self.default, self.targets = counts, default, targets

    def planned_count(self, monday: dt.date) -> int:
        return self.counts.get((cd.monday_of(TODAY) - monday).days // 7, self.default)

    def target_reps(self, exercise_id: str, day: dt.date) -> int | None:
        return self.targets.get(exercise_id)


@st.composite
def a_set(draw, number: int) -> SetRecord:
    ex = draw(st.sampled_from(CATALOGUE))
    rung = draw(st.none() | st.integers(0, 6))
    name = draw(st.sampled_from(RUNGS[ex.id] + ["", "Some other band"]))
    held = ex.id == "glute_stretch"
    return SetRecord(ex.id, draw(st.sampled_from(["left", "right", None])), number,
                     draw(st.integers(0, 20)), 0 if held else draw(st.integers(0, 20)), name,
                     hold_seconds=30.0 if held else 0.0, step_index=rung)


@st.composite
def histories(draw) -> list[SessionRecord]:
    # Unique start instants, up to ~70 weeks back (the 'all' range thins past 26 weeks),
    # or crowded into the three days around a Monday, where time zones reorder days.
    span = draw(st.sampled_from([70 * 7 * 24 * 60, 3 * 24 * 60]))
    minutes = draw(st.lists(st.integers(0, span), max_size=10, unique=True))
    out = []
    for n, back in enumerate(minutes):
        start = (BASE - dt.timedelta(minutes=back)).astimezone(draw(st.sampled_from(ZONES)))
        sets = tuple(draw(a_set(k + 1)) for k in range(draw(st.integers(0, 4))))
        pain = st.none() | st.integers(0, 10)
        out.append(SessionRecord(id=f"s{n}", started_at=start,
                                 ended_at=start + dt.timedelta(minutes=20), completed=True,
                                 title="t", week=1, pain_before=draw(pain), pain_after=draw(pain),
                                 sets=sets))
    return out


plans = st.none() | st.builds(
    WeekPlan, st.dictionaries(st.integers(0, 80), st.integers(0, 3), max_size=12),
    st.integers(0, 3), st.dictionaries(st.sampled_from(sorted(RUNGS)), st.integers(1, 20)))


@given(history=histories(), range_key=st.sampled_from(sorted(cd.RANGE_WEEKS)),
       exercise=st.none() | st.sampled_from([ex.id for ex in cd.charted_exercises()]),
       plan=plans, order=st.randoms(use_true_random=False))
def test_the_pages_charts_equal_summarising_every_session(history, range_key, exercise, plan,
                                                          order):
    shuffled = list(history)
    order.shuffle(shuffled)                       # the order handed in must not matter
    first_day = min((r.started_at.date() for r in history), default=None)
    expected = cd.build_charts(cd.summarise_all(history), range_key, TODAY, exercise, plan,
                               history_start=first_day)
    assert HistoryData(shuffled).charts(range_key, TODAY, exercise, plan) == expected



def reference_rung_of(exercise, step_index, resistance):
    """The rule as first written: the ladder's order searched for each set."""
    order = [i for i, _ in exercise.ladder()]
    if step_index is not None and 0 <= step_index < len(exercise.steps):
        return order.index(step_index)
    for index, step in enumerate(exercise.steps):
        if step.name == resistance:
            return order.index(index)
    return None


def test_rung_of_reads_the_ladder_as_the_search_did():
    for ex in CATALOGUE:
        for index in (None, -1, *range(len(ex.steps) + 2)):
            for name in ["", "Some other band", *RUNGS[ex.id]]:
                assert cd.rung_of(ex, index, name) == reference_rung_of(ex, index, name)


def test_a_later_start_on_an_earlier_day_still_shows_in_its_own_week():
    """Monday 00:30 at UTC+13 starts before Sunday 22:00 at UTC-10 (the next instant):
    ordered by instant, the first session's day is not the first day. The Sunday's week
    must still be charted, with its session."""
    def logged(sid, day, hour, minute, hours_east):
        start = dt.datetime(2026, 11, day, hour, minute,
                            tzinfo=dt.timezone(dt.timedelta(hours=hours_east)))
        done = SetRecord("clamshell", "left", 1, 10, 10, "Bodyweight", step_index=0)
        return SessionRecord(id=sid, started_at=start, ended_at=start + dt.timedelta(minutes=20),
                             completed=True, title="t", week=1, pain_before=2, pain_after=2,
                             sets=(done,))

    monday, sunday = logged("mon", 23, 0, 30, 13), logged("sun", 22, 22, 0, -10)
    assert monday.started_at < sunday.started_at and monday.started_at.date() > sunday.started_at.date()
    adherence = HistoryData([monday, sunday]).charts("all", TODAY).adherence
    assert adherence.weeks == (dt.date(2026, 11, 16), dt.date(2026, 11, 23))
    assert adherence.done == (1, 1)
