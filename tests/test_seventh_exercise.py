"""Adding an exercise is one entry in program/exercises.py (and its picture): a made-up
seventh exercise reaches the plan, the progression, the player, the printed sheet, the
History charts and the Library without any other change. The week's title is one function."""

import datetime as dt
import functools
import sys

import pytest
from PySide6.QtCore import Qt

from itbgui.program import exercises
from itbgui.program.exercises import ChartStyle, Exercise, ResistanceStep
from itbgui.program.plan import PLAN_WEEKS, generate_plan, week_title
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.sessions import sets_at_target
from itbgui.store.records import SessionRecord
from qt_helpers import ENTER
from test_player import window  # noqa: F401 (the player's window fixture)

MONDAY = dt.date(2026, 11, 2)
SETUP = PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "right", ("yellow", "red"), (2.5, 5.0))

HIP_HIKE = Exercise(
    id="hip_hike",
    name="Hip hikes",
    muscles=("Gluteus medius", "Quadratus lumborum"),
    cues=("Stand side-on at the edge of a step on one leg.",
          "Let the free hip drop, then lift it above level with the standing hip."),
    why="Trains the standing hip to hold the pelvis level.",
    pro_tip="Keep both knees straight: the hip does the work.",
    per_side=True,
    steps=(ResistanceStep("On the floor"), ResistanceStep("On a step"),
           ResistanceStep("On a step, 2 s hold at the top", tempo_hold=2)),
    sessions=("A",),
    short_name="hip hikes",
    picture="single_leg_deadlift",   # standing on one leg: an existing picture will do
    chart=ChartStyle("#5a3e9c", "#b9a4f0", "p", "dash"),
)


def _clear_caches() -> None:
    """The plan caches weeks by set-up: a week worked out with six exercises must not be
    served with seven (nor the other way round for the tests after this one)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("itbgui."):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


@pytest.fixture
def seven(monkeypatch):
    """The catalogue with the made-up exercise before the stretch (the cool-down stays last)."""
    six = exercises.CATALOGUE
    monkeypatch.setattr(exercises, "CATALOGUE", six[:-1] + (HIP_HIKE,) + six[-1:])
    _clear_caches()
    yield HIP_HIKE
    monkeypatch.undo()
    _clear_caches()


def logged(prescription, day: dt.date, sid: str) -> SessionRecord:
    start = dt.datetime(day.year, day.month, day.day, 18).astimezone()
    return SessionRecord(sid, start, start + dt.timedelta(minutes=25), True, prescription.title,
                         prescription.week, 2, 2, "", sets_at_target(prescription), "same")


def week_one_a():
    return next(p for p in generate_plan(SETUP).sessions_in_week(MONDAY) if p.template == "A")


# ---------------------------------------------------------------- no Qt
def test_the_plan_puts_it_in_its_sessions_with_its_own_ladder(seven):
    plan = generate_plan(SETUP)
    week = plan.sessions_in_week(MONDAY)
    for session in week:
        ids = [i.exercise_id for i in session.prescription.items]
        assert (seven.id in ids) == (session.template == "A")
        assert ids[-1] == "glute_stretch"
    item = plan.planned_exercise(seven.id, 1)
    assert (item.step_index, item.resistance) == (0, "On the floor")
    assert [r[0] for r in plan.dose_ladder(seven.id)][-1] > 0          # its load climbs
    maintenance = plan.sessions_in_week(plan.monday_of_week(PLAN_WEEKS + 1))
    assert seven.id in [i.exercise_id for i in maintenance[0].prescription.items]


def test_the_progression_doses_it_after_a_session_of_it(seven):
    from itbgui.program.progression import history_of, next_session

    first = week_one_a()
    done = logged(first.prescription, first.date, "s1")
    history = history_of(SETUP, [done])
    assert seven.id in history.sessions[0].doses
    after = next_session(SETUP, [done], today=first.date + dt.timedelta(days=1))
    assert after.planned.template == "B"      # A was done: B's turn, by what was done


def test_the_sheet_and_the_week_command_name_it(seven, qapp, tmp_path):
    import itbgui.resources_rc  # noqa: F401
    from itbgui.screens.plan import sheet as sheet_module
    from itbgui.program.week import week_data
    from itbgui.cli.week import as_text
    from test_plan_sheet import flat, pdf_pages

    sheet = sheet_module.build_week_sheet(SETUP, [], [], MONDAY, MONDAY)
    out = tmp_path / "week.pdf"
    sheet_module.write_week_pdf(out, sheet)
    pages, texts, _sizes = pdf_pages(out)
    text = flat(texts[0])
    assert pages == 1 and "Hip hikes" in text and "hip hikes" in text   # the row and the focus
    assert "Hip hikes" in as_text(week_data(SETUP, [], [], MONDAY, MONDAY))


def test_the_player_runs_it_and_shows_its_name(seven, window, qtbot):
    """The player (PlayerView on the timeline) walks through it by key presses."""
    prescription = week_one_a().prescription
    window.refresh_today()
    window.prescription = prescription
    qtbot.keyClick(window, ENTER)
    player = window.player
    assert player is not None and player.isVisible()
    assert seven.id in {step.exercise_id for step in player.engine.timeline.steps}
    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, Qt.Key.Key_Space)
    for _ in range(len(player.engine.timeline.steps)):   # Right skips to the next step
        if player.engine.step.exercise_id == seven.id:
            break
        qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.title_label.text() == "Hip hikes"


def test_history_charts_it(seven, qtbot, tmp_path):
    from itbgui.core.clock import FakeClock
    from itbgui.screens.history import chart_data as cd
    from itbgui.screens.history.page import HistoryPage
    from itbgui.store.repository import SessionRepository

    first = week_one_a()
    done = logged(first.prescription, first.date, "s1")
    summaries = cd.summarise_all([done])
    assert seven.id in summaries[0].exercises
    reps = cd.reps_series(summaries, seven.id)
    assert reps and reps[0].name == "Hip hikes" and reps[0].x
    assert [s.exercise_id for s in cd.resistance_series(summaries)].count(seven.id) == 1

    repo = SessionRepository(tmp_path / "data")
    repo.save_sessions([done])
    try:
        page = HistoryPage(repo, FakeClock(dt.datetime(2026, 11, 6, 12, tzinfo=dt.timezone.utc)))
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        box = page.exercise_box
        assert "Hip hikes" in [box.itemText(i) for i in range(box.count())]
        page.draw_all_charts()                       # a seventh colour: no IndexError
        legend = [entry.name for entry in page.reps_chart._entries]
        assert any(name.startswith("Hip hikes") for name in legend)
        assert any("Hip hikes" in entry.name for entry in page.resistance_chart._entries)
    finally:
        repo.close()


def test_the_library_lists_it_with_its_picture(seven, qtbot):
    from itbgui.screens.library.page import LibraryPage

    page = LibraryPage()
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert seven.id in page.visible_exercise_ids()
    page.show_exercise(seven.id)
    assert page.current_exercise_id == seven.id
    assert page.card.exercise is seven


def test_with_six_exercises_the_sessions_stay_as_they_were():
    """The entries give the same sessions the plan always had."""
    assert exercises.session_exercises("A") == ("clamshell", "side_leg_lift", "glute_bridge", "glute_stretch")
    assert exercises.session_exercises("B") == ("side_leg_lift", "single_leg_deadlift",
                                                "lateral_band_walk", "glute_stretch")
    assert exercises.session_focus("M") == "all five exercises"


# ---------------------------------------------------------------- the week's title
@pytest.mark.parametrize(("week", "maintenance", "title"), [
    (0, False, "Before your plan starts"), (3, False, "Week 3 of 8"),
    (10, False, "Week 10 · building on"), (10, True, "Maintenance · week 10")])
def test_every_place_names_a_week_alike(week, maintenance, title):
    from itbgui.program.plan import session_title

    assert week_title(week, maintenance) == title
    if week >= 1:
        template = "M" if maintenance else "A"
        assert session_title(week, 1, 1 if maintenance else 3, template).startswith(title)


def test_today_the_sheet_the_player_and_the_week_command_name_a_week_alike():
    """Week 10 with pain not yet settled (no sessions): the build phase goes on."""
    from itbgui.program.progression import next_session
    from itbgui.program.week import build_week_sheet, week_data
    from itbgui.cli.week import as_text

    day = MONDAY + dt.timedelta(weeks=9)
    today = next_session(SETUP, [], today=day)
    title = week_title(10)
    assert today.week_label == title
    assert today.prescription.title.startswith(f"{title} · session")
    assert build_week_sheet(SETUP, [], [], day, day).week_label == title
    assert as_text(week_data(SETUP, [], [], day, day)).startswith(f"{title}: ")
