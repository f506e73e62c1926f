"""The coach answers what the window shows, with no window: a temporary folder, a fake
clock and plain calls. These run without a display (the coach imports no Qt)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from history_helpers import FAST, MONDAY, SETUP, clock_on, logged
from itbgui.core.coach import Coach
from itbgui.program.preferences import SessionPreferences
from itbgui.program.progression import HOLD, PROGRESS
from itbgui.store.repository import SessionRepository, StoreError


@pytest.fixture
def folder(tmp_path):
    repo = SessionRepository(tmp_path)
    yield repo
    repo.close()


def coach_on(store, day, hour=12, **kw) -> Coach:
    return Coach(store, clock_on(day, hour), timing=FAST, **kw)


def test_the_coach_imports_no_qt():
    code = "import sys, itbgui.core.coach; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_empty_folder_gets_the_default_plan_and_a_new_plan_starts_today(folder):
    wednesday = MONDAY + dt.timedelta(days=2)
    coach = coach_on(folder, wednesday)
    view = coach.today_view()
    assert view.plan_is_default and view.last is None and view.morning_question is None
    assert view.session.week == 1
    assert not coach.has_plan_setup() and coach.setup_problem() is None
    assert coach.setup_for_dialog().start_date == wednesday


def test_a_stored_set_up_that_cannot_be_read_is_named_and_the_starter_plan_stands_in(folder):
    folder.save_plan_setup({"level": "expert?"})
    coach = coach_on(folder, MONDAY)
    assert coach.setup_problem()
    assert not coach.has_plan_setup()
    assert coach.today_view().plan_is_default


def test_today_is_what_start_will_play_with_the_settings_rest(folder):
    folder.save_plan_setup(SETUP.to_doc())
    plain = coach_on(folder, MONDAY).today_view().session
    slow = coach_on(folder, MONDAY, preferences=lambda: SessionPreferences(rest_seconds=90)).today_view().session
    assert plain.date == MONDAY and plain.is_today
    rests = {item.rest_seconds for item in slow.prescription.items if item.rest_seconds}
    assert rests == {90}
    assert slow.estimated_seconds > plain.estimated_seconds
    coach = coach_on(folder, MONDAY, preferences=lambda: SessionPreferences(rest_seconds=90))
    assert coach.timeline(slow.prescription).timed_seconds == pytest.approx(slow.estimated_seconds)


def test_the_morning_question_is_asked_the_next_day_answered_once_and_decided_again(folder):
    folder.save_plan_setup(SETUP.to_doc())
    folder.save_session(logged(MONDAY, 1, 2))
    assert coach_on(folder, MONDAY, 20).today_view().morning_question is None   # not the same evening
    coach = coach_on(folder, MONDAY + dt.timedelta(days=1), 8)
    asked = coach.today_view().morning_question
    assert asked is not None and asked.id == "s-2026-11-02"
    coach.answer_morning(asked, "worse")
    assert folder.session(asked.id).next_morning == "worse"
    assert coach.today_view().morning_question is None
    decision = coach.today_view().session.decision
    assert decision is not None and decision.effective_action != "progress"


def test_not_now_hides_the_question_until_the_app_starts_again(folder):
    folder.save_plan_setup(SETUP.to_doc())
    folder.save_session(logged(MONDAY, 1, 2))
    tuesday = MONDAY + dt.timedelta(days=1)
    coach = coach_on(folder, tuesday, 8)
    coach.dismiss_morning(coach.today_view().morning_question)
    assert coach.today_view().morning_question is None
    assert coach_on(folder, tuesday, 9).today_view().morning_question is not None   # a new start asks again


def test_decisions_follow_from_the_sessions_and_only_the_persons_override_is_stored(folder):
    folder.save_plan_setup(SETUP.to_doc())
    for i in range(2):
        folder.save_session(logged(MONDAY + dt.timedelta(days=2 * i), 0, 1, "same"))
    coach = coach_on(folder, MONDAY + dt.timedelta(days=3))
    decision = coach.decision_after("s-2026-11-04")
    # Today shows the rule's decision as it applies to the next session: in week 1 nothing
    # can go up past the plan, so its "progress" reads hold there (issue 20, finding 10).
    shown = coach.today_view().session.decision
    assert decision is not None and decision.action == PROGRESS
    assert shown.based_on == decision.based_on and shown.effective_action == HOLD
    assert folder.decisions() == []                            # worked out, not stored
    coach.set_override(decision, HOLD)
    assert coach.today_view().session.decision.effective_action == HOLD
    assert len(folder.decisions()) == 1
    assert coach_on(folder, MONDAY + dt.timedelta(days=3)).today_view().session.decision.effective_action == HOLD


def test_the_chosen_week_is_the_one_shown_and_printed(folder):
    folder.save_plan_setup(SETUP.to_doc())
    coach = coach_on(folder, MONDAY)
    assert coach.week_sheet().monday == MONDAY and coach.week_sheet().week == 1
    coach.selected_monday = MONDAY + dt.timedelta(days=14)
    assert coach.week_sheet().week == 3
    assert len(coach.week_statuses()) == 8
    folder.save_session(logged(MONDAY, 0, 1))
    coach.selected_monday = MONDAY
    assert coach.week_sheet().done_days == {MONDAY}


def test_a_refused_write_is_raised_for_the_window_to_say(folder, monkeypatch):
    folder.save_plan_setup(SETUP.to_doc())
    for i in range(2):
        folder.save_session(logged(MONDAY + dt.timedelta(days=2 * i), 0, 1))
    coach = coach_on(folder, MONDAY + dt.timedelta(days=5), 8)

    def refuse(*_args):
        raise StoreError("the disk is full")

    monkeypatch.setattr(folder, "save_decision", refuse)
    monkeypatch.setattr(folder, "save_session", refuse)
    with pytest.raises(StoreError):
        coach.set_override(coach.today_view().session.decision, HOLD)
    with pytest.raises(StoreError):
        coach.answer_morning(folder.session("s-2026-11-04"), "same")
    assert folder.session("s-2026-11-04").next_morning is None


def test_today_is_worked_out_once_per_change_to_the_data(folder, monkeypatch):
    """The replay of every session runs again after a save, an edit, a deletion, an
    override, a new set-up, a restore or a new day; never for a second look at Today."""
    import itbgui.core.coach as coach_module

    runs = []
    real = coach_module.next_session
    monkeypatch.setattr(coach_module, "next_session", lambda *a, **k: runs.append(1) or real(*a, **k))
    folder.save_plan_setup(SETUP.to_doc())
    folder.save_session(logged(MONDAY, 2, 3, "same"))
    coach = coach_on(folder, MONDAY + dt.timedelta(days=2))

    def worked_out() -> bool:
        before = len(runs)
        view = coach.today_view()
        ran = len(runs) > before
        assert view == coach_on(folder, coach.today()).today_view()   # as a fresh coach says
        return ran

    assert worked_out()
    assert not worked_out()
    folder.save_session(logged(MONDAY + dt.timedelta(days=2), 1, 2, "better"))
    assert worked_out()
    folder.save_session(logged(MONDAY + dt.timedelta(days=2), 6, 7))   # an edit, same id
    assert worked_out()
    assert not worked_out()
    decision = coach.today_view().session.decision
    coach.set_override(decision, "hold")
    assert worked_out()
    folder.delete_session(f"s-{MONDAY + dt.timedelta(days=2)}")
    assert worked_out()
    backup = folder.backups.take(folder.path, "daily", folder._now())
    folder.save_session(logged(MONDAY + dt.timedelta(days=4), 1, 1, "same"))
    assert worked_out()
    folder.restore(backup)
    assert worked_out()
    folder.save_plan_setup(SETUP.to_doc() | {"level": "beginner"})
    assert worked_out()
    coach.clock.advance(24 * 3600)
    assert worked_out()
    assert not worked_out()


def test_a_pause_ends_on_the_persons_answer_and_strength_work_comes_back(folder):
    folder.save_plan_setup(SETUP.to_doc())
    folder.save_session(logged(MONDAY, 1, 9, "same"))          # 9/10: strength work pauses
    coach = coach_on(folder, MONDAY + dt.timedelta(days=2))
    paused = coach.today_view().session
    assert paused.decision.phase == "paused" and paused.decision.see_clinician
    assert [i.exercise_id for i in paused.prescription.items] == ["glute_stretch"]
    coach.answer_pause("settled")
    resumed = coach_on(folder, MONDAY + dt.timedelta(days=2)).today_view().session
    assert resumed.decision.phase == "build" and not resumed.decision.see_clinician
    assert len(resumed.prescription.items) > 1 and "pain has settled" in resumed.decision.reason
