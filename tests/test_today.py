"""The Today screen in the real window: Start, the decision after a session, overrides and the
next-morning question, driven with clicks and key presses."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.program.progression import HOLD, PROGRESS, STEP_BACK
from itbgui.program.timeline import StepKind
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from qt_helpers import ENTER, run_until
from window_helpers import MONDAY, SETUP, clock_on, logged, open_window

WEDNESDAY = MONDAY + dt.timedelta(days=2)


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path)
    yield repo
    repo.close()


def stored(tmp_path):
    return json.loads((tmp_path / DATA_FILE_NAME).read_text(encoding="utf-8"))


def by_exercise(prescription):
    return {i.exercise_id: (i.sets, i.reps, i.resistance) for i in prescription.items}


def test_start_plays_exactly_todays_prescription_and_the_decision_follows_from_it(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    clock = clock_on(MONDAY)
    win = open_window(qtbot, store, tmp_path, clock)
    page = win.today_page
    assert page.heading.text() == "Today · Monday 2 November"
    assert page.subheading.text().startswith("Week 1 of 8 · about ")
    assert not page.setup_banner.isVisible()
    # Session A of week 1, intermediate: 3 x 10 on the easiest rung, the stretch last.
    names = [page.grid.itemAtPosition(r, 0).widget().text() for r in range(4)]
    doses = [page.grid.itemAtPosition(r, 1).widget().text() for r in range(4)]
    assert names == ["Clamshells", "Side-lying leg lifts", "Glute bridges", "Glute stretch"]
    assert doses == ["3 x 10 reps per side", "3 x 10 reps per side", "3 x 10 reps", "30 s per side"]

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    player = win.player
    assert player is not None and player.isVisible()
    assert player.engine.timeline.prescription == win.today_session.prescription
    assert player.engine.timeline.prescription.first_side == "right"    # the sore side first

    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, ENTER)
    run_until(player, clock, StepKind.PAIN_AFTER)
    for score in "11":                                         # the worst during, then now
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    qtbot.keyClick(player, ENTER)                              # leave the summary
    assert win.player is None and win.current_page == "today"

    doc = stored(tmp_path)
    [session] = doc["sessions"].values()
    targets = sorted({(s["exercise"], s["target_reps"]) for s in session["sets"]})
    assert targets == [("clamshell", 10), ("glute_bridge", 10), ("glute_stretch", 0),
                       ("side_leg_lift", 10)]
    assert len(session["sets"]) == 3 * 2 + 3 * 2 + 3 + 2      # per side, per set; stretch both sides
    assert doc.get("decisions", {}) == {}                       # decisions follow from the sessions
    decision = win.today_session.decision
    assert decision.id == f"after-{session['id']}"
    assert decision.action == HOLD                              # one easy session is not yet enough
    assert decision.reason.startswith("A good first session")
    assert page.decision_title.text() == "Stay at this dose"
    assert page.override_buttons[HOLD].isChecked()
    assert "Last session" in page.last_label.text()


def test_an_override_is_stored_and_changes_the_next_prescription(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    store.save_session(logged(MONDAY, 1, 2))
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY))
    page = win.today_page
    assert page.heading.text() == "Today · Wednesday 4 November"
    assert win.today_session.decision.action == HOLD
    before = by_exercise(win.prescription)
    assert before["side_leg_lift"] == (3, 10, "Top knee bent")          # hold: last dose again

    qtbot.mouseClick(page.override_buttons[STEP_BACK], Qt.MouseButton.LeftButton)

    [decision] = stored(tmp_path)["decisions"].values()
    assert (decision["based_on"], decision["overridden_to"]) == ("s-2026-11-02", STEP_BACK)
    assert win.today_session.decision.action == HOLD
    after = by_exercise(win.prescription)
    # Step back on the easiest rung: 2 sets with about 30 % fewer reps (10 -> 7).
    assert after["side_leg_lift"] == (2, 7, "Top knee bent")
    # Never done yet, so it starts where the plan starts, whatever the decision.
    assert after["single_leg_deadlift"] == (3, 10, "Fingertip support")
    assert page.decision_title.text() == "Your call: Step back"
    assert page.override_buttons[STEP_BACK].isChecked()

    qtbot.keyClick(win, ENTER)                                  # Start takes the overridden dose
    qtbot.keyClick(win.session.morning_question, Qt.Key.Key_Escape)   # (no morning answer given)
    assert by_exercise(win.player.engine.timeline.prescription) == after
    win.player.leave_now()

    qtbot.mouseClick(page.override_buttons[HOLD], Qt.MouseButton.LeftButton)   # back to the app's call
    [decision] = stored(tmp_path)["decisions"].values()
    assert decision["overridden_to"] is None
    assert by_exercise(win.prescription)["side_leg_lift"] == (3, 10, "Top knee bent")


def test_the_morning_question_is_asked_once_and_its_answer_redecides(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    store.save_session(logged(MONDAY, 2, 3))
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY + dt.timedelta(days=1), hour=8))
    page = win.today_page
    assert page.morning_banner.isVisible()
    assert "your right side" in page.morning_label.text()

    qtbot.mouseClick(page.morning_buttons["worse"], Qt.MouseButton.LeftButton)

    doc = stored(tmp_path)
    [session] = doc["sessions"].values()
    assert session["next_morning"] == "worse"
    assert doc.get("decisions", {}) == {}
    decision = win.today_session.decision
    assert decision.action == STEP_BACK and "morning" in decision.reason
    assert not page.morning_banner.isVisible()
    assert page.decision_title.text() == "Step back"
    win.refresh_today()                                         # answered: never asked again
    assert not page.morning_banner.isVisible()


def test_not_now_hides_the_question_for_the_day_without_an_answer(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    store.save_session(logged(MONDAY, 2, 3))
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY + dt.timedelta(days=1), hour=8))
    page = win.today_page
    assert page.morning_banner.isVisible()
    qtbot.mouseClick(page.morning_later, Qt.MouseButton.LeftButton)
    assert not page.morning_banner.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page == "today" and not page.morning_banner.isVisible()
    [session] = stored(tmp_path)["sessions"].values()
    assert session["next_morning"] is None
    assert stored(tmp_path).get("decisions", {}) == {}          # nothing decided from no answer


def test_clinician_advice_names_the_red_flags(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    store.save_sessions([logged(MONDAY, 3, 7, sid="a"), logged(WEDNESDAY, 4, 8, sid="b")])
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY + dt.timedelta(days=2)))
    page = win.today_page
    assert win.today_session.decision.see_clinician
    text = page.clinician_label.text()
    assert page.clinician_label.isVisible()
    assert "Pain of 7/10 or more in 2 of your last 2 sessions" in text
    for flag in ("hot, red or swollen", "fever", "bear weight", "locks", "night", "numbness"):
        assert flag in text
    # Advice caps the action: "Move on" cannot be chosen while it stands.
    assert not page.override_buttons[PROGRESS].isEnabled()
    assert page.override_buttons[HOLD].isEnabled() and page.override_buttons[STEP_BACK].isEnabled()


def test_before_any_set_up_the_starter_plan_shows_and_offers_set_up(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    page = win.today_page
    assert page.setup_banner.isVisible()
    # Beginner, week 1: 2 sets of 10 on the easiest rung.
    assert page.grid.itemAtPosition(0, 1).widget().text() == "2 x 10 reps per side"
    assert page.subheading.text().endswith("sides take turns to go first")


def test_a_runner_every_day_is_told_to_train_after_a_light_run(qtbot, store, tmp_path):
    from itbgui.program.plan_setup import PlanSetup

    every_day = PlanSetup("intermediate", frozenset(range(7)), MONDAY, "left")
    store.save_plan_setup(every_day.to_doc())
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    page = win.today_page
    assert page.heading.text() == "Today · Monday 2 November"
    assert page.note_label.isVisible()
    assert page.note_label.text() == "A running day: keep the run light, then do this session after it."


def test_editing_the_last_sessions_pain_in_history_changes_the_decision(qtbot, store, tmp_path):
    from itbgui.screens.history.editing import edited_session

    store.save_plan_setup(SETUP.to_doc())
    store.save_sessions([logged(MONDAY, 1, 2, "same", sid="a"), logged(WEDNESDAY, 1, 2, "same", sid="b")])
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY + dt.timedelta(days=1), hour=12))
    assert win.coach.decision_after("b").action == "progress"
    # Week 1 cannot go past the plan's week 1, so Today says hold (issue 20, finding 10).
    assert win.today_session.decision.effective_action == "hold"
    history = win.ensure_history_page()
    before = store.session("b")
    after = edited_session(before, pain_after=8)               # it hurt far more than logged
    history.apply_edit(before, after)                          # through the app's model
    decision = win.today_session.decision
    assert decision.action == STEP_BACK and decision.based_on == "b"
    assert win.today_page.decision_title.text() == "Step back"
    history.undo_stack.undo()                                  # and back again
    assert win.today_session.decision.effective_action == "hold"


def test_the_decision_card_says_where_the_person_stands(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    store.save_sessions([logged(MONDAY, 1, 9, "same", sid="a")])   # 9/10 pauses strength work
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY, hour=12))
    assert win.today_session.decision.phase == "paused"
    assert "paused" in win.today_page.phase_label.text()
    assert win.today_page.clinician_label.isVisibleTo(win.today_page)
    assert [i.exercise_id for i in win.today_session.prescription.items] == ["glute_stretch"]
    # Only the person's answer ends the pause: a click, stored, and strength work is back.
    button = win.today_page.pause_buttons["settled"]
    assert button.isVisibleTo(win.today_page)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.today_session.decision.phase == "build" and len(win.today_session.prescription.items) > 1
    assert not button.isVisibleTo(win.today_page)
    assert any(d.get("answer") == "settled" for d in store.decisions())


def test_move_on_is_not_offered_against_a_step_back(qtbot, store, tmp_path):
    """Issue 20, finding 2: "Move on" after 6/10 was taken and added two rungs."""
    store.save_plan_setup(SETUP.to_doc())
    store.save_sessions([logged(MONDAY, 1, 6, "same", sid="a")])
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY, hour=12))
    page = win.today_page
    assert win.today_session.decision.action == STEP_BACK
    assert not page.override_buttons[PROGRESS].isEnabled()
    assert "step back" in page.override_buttons[PROGRESS].toolTip()
    qtbot.mouseClick(page.override_buttons[HOLD], Qt.MouseButton.LeftButton)
    assert win.today_session.decision.effective_action == HOLD
    assert "same dose" in win.today_session.decision.stated_reason


def test_start_asks_a_missing_morning_answer_and_the_session_follows_from_it(qtbot, store, tmp_path):
    """The answer is taken until the next session starts: Start asks (after "Not now" too),
    the key W answers, and the player opens with Today worked out from the answer."""
    store.save_plan_setup(SETUP.to_doc())
    store.save_session(logged(MONDAY, 2, 3))
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY, hour=18))
    page = win.today_page
    assert "Wednesday" not in page.morning_label.text()
    assert "the morning after your last session (Monday 2 November)" in page.morning_label.text()
    qtbot.mouseClick(page.morning_later, Qt.MouseButton.LeftButton)       # put aside on Today
    qtbot.keyClick(win, ENTER)
    box = win.session.morning_question
    assert box is not None and win.player is None and "Monday 2 November" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: win.player is not None, timeout=3000)
    [session] = stored(tmp_path)["sessions"].values()
    assert session["next_morning"] == "worse"
    assert win.today_session.decision.action == STEP_BACK
    assert win.player.engine.timeline.prescription == win.prescription


def test_esc_starts_without_the_morning_answer_and_start_asks_no_more(qtbot, store, tmp_path):
    store.save_plan_setup(SETUP.to_doc())
    store.save_session(logged(MONDAY, 2, 3))
    win = open_window(qtbot, store, tmp_path, clock_on(WEDNESDAY, hour=18))
    qtbot.keyClick(win, ENTER)
    box = win.session.morning_question
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.player is not None, timeout=3000)
    [session] = stored(tmp_path)["sessions"].values()
    assert session["next_morning"] is None
