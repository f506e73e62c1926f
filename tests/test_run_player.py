"""The run player on a treadmill: a whole walk-run on the fake clock, driven by keys, its
cues heard in order, its pain answers typed and the run logged through the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from itbgui.core.run_timeline import RUN, WALK, RunState, RunTimer, intervals
from itbgui.program.return_to_run import STAGES
from window_helpers import MONDAY, clock_on, open_window


@pytest.fixture
def window(qtbot, store, tmp_path):
    clock = clock_on(MONDAY)
    win = open_window(qtbot, store, tmp_path, clock)
    win.runs   # noqa: B018  (made after the first paint; made now for the test)
    return win


def advance(player, clock, seconds: float, step: float = 1.0) -> None:
    """Let time pass as the event loop would: a poll at least every ``step`` seconds."""
    end = clock.monotonic() + seconds
    while clock.monotonic() < end - 1e-9:
        clock.advance(min(step, end - clock.monotonic()))
        player.poll()


def open_run_player(qtbot, window, prescription=STAGES[0]):
    window.today_page.show_run(prescription)
    qtbot.mouseClick(window.today_page.run_button, Qt.MouseButton.LeftButton)
    player = window.runs.player
    assert player is not None and player.isVisible()
    return player


def spoken(window) -> list[str]:
    return [c.speech for c in window.audio.cue_player.played if c.speech]


def test_a_whole_30_minute_walk_run_by_keys_says_run_and_walk_in_order_and_logs_the_run(qtbot, window):
    clock = window.clock
    stage = STAGES[0]                      # run 3 / walk 2 minutes, six times: 30 minutes
    assert stage.total_s == 30 * 60
    player = open_run_player(qtbot, window)
    assert player.kind_label.text() == "RUN" and player.count_label.text() == "3:00"
    assert player.left_label.text() == "30:00 left"

    advance(player, clock, 100)
    qtbot.keyClick(player, Qt.Key.Key_Space)               # a sip of water: paused
    assert player.timer.state is RunState.PAUSED and "PAUSED" in player.kind_label.text()
    clock.advance(40)
    player.poll()
    assert player.count_label.text() == "1:20"              # the pause did not count
    qtbot.keyClick(player, Qt.Key.Key_Space)
    advance(player, clock, 80)
    assert player.kind_label.text() == "WALK" and player.count_label.text() == "2:00"
    assert player.left_label.text() == "27:00 left"
    advance(player, clock, 27 * 60 - 1)
    assert player.timer.state is RunState.RUNNING and player.left_label.text() == "1 s left"
    advance(player, clock, 1)

    expected = []
    for n in range(6):
        expected += ["Run. 3 minutes.", "Walk. 2 minutes." if n < 5 else "Walk to cool down. 2 minutes."]
    expected.append("All done. How did it feel?")
    assert spoken(window) == expected
    tones = [c.sound for c in window.audio.cue_player.played if c.sound]
    assert tones == ["go", "rest"] * 6 + ["end"]

    # The questions: pain during, where it began (minute), pain now, the distance.
    assert "Worst pain during" in player.question_title.text()
    qtbot.keyClick(player, Qt.Key.Key_Return)              # nothing picked yet: said, not skipped
    assert "Pick a number" in player.question_error.text()
    qtbot.keyClicks(player, "2")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert "minute" in player.question_title.text()
    qtbot.keyClicks(player.answer_edit, "45")             # longer than the run: said, kept
    qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)
    assert "from 0 to 30" in player.question_error.text() and player.answer_edit.text() == "45"
    player.answer_edit.clear()
    qtbot.keyClicks(player.answer_edit, "22")
    qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(player, "1")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert "Distance" in player.question_title.text()
    qtbot.keyClicks(player.answer_edit, "3,4")
    qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)

    [run] = window.store.runs()
    assert (run.source, run.stage, run.duration_s) == ("manual", 1, 30 * 60)
    assert (run.pain_during, run.pain_onset_min, run.pain_after, run.distance_km) == (2, 22.0, 1, 3.4)
    assert run.terrain == "flat" and run.started_at == clock_on(MONDAY).now()
    assert player.done_title.text() == "Run logged"
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert window.runs.player is None and window.current_page == "today"


def test_esc_asks_before_leaving_and_y_logs_what_was_run(qtbot, window):
    clock = window.clock
    player = open_run_player(qtbot, window)
    advance(player, clock, 4 * 60)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert player.leave_bar.isVisible() and player.timer.state is RunState.PAUSED
    clock.advance(30)
    for carry_on in (Qt.Key.Key_Return, Qt.Key.Key_N, Qt.Key.Key_Escape):
        qtbot.keyClick(player, carry_on)                    # each carries on
        assert not player.leave_bar.isVisible() and player.timer.state is RunState.RUNNING
        qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)
    assert "Stopped early" in player.question_title.text()
    qtbot.keyClicks(player, "0")
    qtbot.keyClick(player, Qt.Key.Key_Return)               # no pain: no "where did it begin"
    assert "hurt now" in player.question_title.text()
    qtbot.keyClicks(player, "0")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)   # the treadmill said nothing
    [run] = window.store.runs()
    assert run.duration_s == 4 * 60 and run.pain_during == 0 and run.pain_onset_min is None
    assert run.distance_km is None


def test_enter_during_the_run_never_starts_the_hip_session(qtbot, window):
    player = open_run_player(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert window.player is None and window.runs.player is player


def test_the_intervals_of_every_stage_add_up_to_its_dose():
    for stage in STAGES:
        parts = intervals(stage)
        assert sum(i.seconds for i in parts) == stage.total_s
        assert sum(i.seconds for i in parts if i.kind == RUN) == stage.running_s
        assert all(i.kind in (RUN, WALK) for i in parts)


def test_a_late_timer_never_makes_the_run_drift_and_a_sleep_pauses_it(clock):
    timer = RunTimer(STAGES[0], clock)
    timer.start()
    for _ in range(179):
        clock.advance(1.0)
        timer.update()
    clock.advance(1.3)                                      # a late tick over the change
    [event] = timer.update()
    assert timer.interval.kind == WALK and timer.remaining() == pytest.approx(120 - 0.3)
    clock.advance(600)                                      # the laptop slept
    timer.update()
    assert timer.state is RunState.PAUSED and timer.remaining() == pytest.approx(120 - 0.3)


def test_closing_the_window_mid_run_logs_what_was_run_and_today_asks_its_answers(qtbot, window):
    player = open_run_player(qtbot, window)
    advance(player, window.clock, 7 * 60)
    window.close()
    [run] = window.store.runs()
    assert run.duration_s == 7 * 60 and not run.answered and run.stage == 1


def test_m_and_f_turn_the_sound_off_and_go_full_screen_as_in_the_hip_player(qtbot, window):
    player = open_run_player(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_M)
    assert not window.audio.cue_player.sound_on and not window.settings.sound_enabled
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert window.isFullScreen()
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert not window.isFullScreen()
    qtbot.keyClick(player, Qt.Key.Key_M)
    assert window.audio.cue_player.sound_on


def test_today_offers_the_run_of_a_running_day_and_start_run_plays_that_stage(qtbot, store, tmp_path):
    """Today's "Start run" is the run day's prescription from the coach, not a default."""
    import datetime as dt

    from history_helpers import local
    from itbgui.store.run_records import ReadinessCheck
    from test_run_days import LAST_MONDAY, MONDAY as RUN_MONDAY, SETUP as RUN_SETUP

    store.save_plan_setup(RUN_SETUP.to_doc())
    store.save_readiness_check(ReadinessCheck("w1", local(LAST_MONDAY, 8), 30, 0))
    tuesday = RUN_MONDAY + dt.timedelta(days=1)                      # a running day of the set-up
    win = open_window(qtbot, store, tmp_path, clock_on(tuesday))
    win.runs   # noqa: B018
    win.refresh_today()
    button = win.today_page.run_button
    assert button.isVisible() and button.text() == "Start run (stage 1)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    player = win.runs.player
    assert player is not None and player.timer.prescription == STAGES[0]


def test_today_offers_no_run_on_a_hip_session_day(qtbot, store, tmp_path):
    from history_helpers import local
    from itbgui.store.run_records import ReadinessCheck
    from test_run_days import LAST_MONDAY, MONDAY as RUN_MONDAY, SETUP as RUN_SETUP

    store.save_plan_setup(RUN_SETUP.to_doc())
    store.save_readiness_check(ReadinessCheck("w1", local(LAST_MONDAY, 8), 30, 0))
    win = open_window(qtbot, store, tmp_path, clock_on(RUN_MONDAY))   # Monday: a hip day
    win.refresh_today()
    assert not win.today_page.run_button.isVisible()
    assert win.today_page.log_run_button.isVisible()                # a run can always be logged


def test_once_todays_run_is_logged_today_says_so_and_offers_no_run_again(qtbot, store, tmp_path):
    import dataclasses
    import datetime as dt

    from history_helpers import local
    from itbgui.store.run_records import ReadinessCheck, RunRecord
    from test_run_days import LAST_MONDAY, MONDAY as RUN_MONDAY, SETUP as RUN_SETUP

    store.save_plan_setup(RUN_SETUP.to_doc())
    store.save_readiness_check(ReadinessCheck("w1", local(LAST_MONDAY, 8), 30, 0))
    tuesday = RUN_MONDAY + dt.timedelta(days=1)
    win = open_window(qtbot, store, tmp_path, clock_on(tuesday))
    win.refresh_today()
    assert win.today_page.run_button.isVisible()
    run = RunRecord("r1", local(tuesday, 7), distance_km=3.5, duration_s=1800, pain_during=1, pain_after=0)
    win.model.save_runs([dataclasses.replace(run)])
    page = win.today_page
    assert not page.run_button.isVisible() and page.log_run_button.isVisible()
    assert page.run_label.text() == "Run logged today: 3.5 km, 30 min, pain during 1/10."


def test_a_run_that_hurt_asks_the_warning_signs_by_keys_and_a_yes_pauses_the_plan(qtbot, window):
    """Pain of 7/10 or more after a run: the five warning-sign questions, Y or N each; a yes
    is stored with the run and pauses strength work and runs, naming the sign."""
    from history_helpers import SETUP as HIP_SETUP, logged
    from itbgui.program.clinical_state import RED_FLAGS

    window.model.save_plan_setup(HIP_SETUP)
    window.model.save_session(logged(MONDAY, 1, 1, "same"))            # a hip session this morning
    clock = window.clock
    clock.advance(8 * 3600)
    player = open_run_player(qtbot, window)
    advance(player, clock, 30 * 60)
    qtbot.keyClicks(player, "7")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)          # the minute: not known
    qtbot.keyClicks(player, "6")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    asked = []
    for key in (Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_N):
        asked.append(player.question_title.text())
        assert not player.answer_edit.isVisible() and not player.pain_scale.isVisible()
        qtbot.keyClick(player, Qt.Key.Key_Return)                   # Enter is not an answer
        assert "Y for yes" in player.question_error.text()
        qtbot.keyClick(player, key)
    assert asked == [question for question, _ in RED_FLAGS.values()]
    assert "Distance" in player.question_title.text()
    qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)
    [run] = window.store.runs()
    assert dict(run.red_flags) == {"hot_swollen": False, "weight_bearing": False, "locking": True,
                                   "constant_night": False, "numbness": False}
    clock.advance(24 * 3600)
    window.refresh_today()
    decision = window.today_session.decision
    assert decision.phase == "paused"
    assert any("the knee locking" in reason for reason in decision.clinician_reasons)


def test_a_run_with_moderate_pain_asks_no_warning_signs(qtbot, window):
    clock = window.clock
    player = open_run_player(qtbot, window)
    advance(player, clock, 30 * 60)
    for answer in ("6", None, "5"):
        if answer is None:
            qtbot.keyClick(player.answer_edit, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(player, answer)
            qtbot.keyClick(player, Qt.Key.Key_Return)
    assert "Distance" in player.question_title.text()
