"""The real player, driven with key presses on a fake clock (offscreen)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from itbgui import resources_rc  # noqa: F401
from itbgui.app import MainWindow
from itbgui.figures.catalogue import motion
from itbgui.core.engine import EngineState
from itbgui.program.exercises import Tempo
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.timeline import StepKind, Timing
from itbgui.ui.settings import AppSettings
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from qt_helpers import ENTER, RecordingInhibitor, advance, press, run_until

SHORT = SessionPrescription("Short test session", (
    ExercisePrescription("clamshell", 2, 3, Tempo(1, 0, 1), rest_seconds=10, step_index=1),
    ExercisePrescription("glute_bridge", 1, 2, Tempo(1, 1, 1), rest_seconds=10, step_index=0),
    ExercisePrescription("glute_stretch", 1, 0),
), first_side="right", week=1)


@pytest.fixture
def window(qtbot, tmp_path, clock):
    store = SessionRepository(tmp_path)
    win = MainWindow(store, AppSettings(tmp_path), clock, inhibitor=RecordingInhibitor(),
                     timing=Timing(get_ready_seconds=5, switch_side_seconds=3, change_over_seconds=8))
    win.audio.cue_player.sound_on = True
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.player is not None:    # a test that stops mid-session: end it here, not in the next test
        win.player.leave_now()
    win.model.flush_saves()
    QApplication.processEvents()  # the saver's answer arrives while this test's set-up still holds
    store.close()


def saved(tmp_path, window=None):
    if window is not None:
        window.saver.flush()
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text(encoding="utf-8"))
    return list(doc["sessions"].values())


def start(qtbot, window, prescription=SHORT, pain="3"):
    window.refresh_today()
    window.prescription = prescription                        # after the refresh, which sets Today's
    qtbot.keyClick(window, ENTER)
    player = window.player
    assert player is not None and player.isVisible()
    assert player.engine.step.kind is StepKind.PAIN_BEFORE
    window.clock.advance(12)                                  # a person takes a moment to answer
    qtbot.keyClicks(player, pain)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    return player


def test_a_whole_session_with_the_keyboard_alone_is_saved_set_by_set(qtbot, window, clock, tmp_path):
    player = start(qtbot, window)
    assert player.engine.pain_before == 3
    assert player.engine.step.kind is StepKind.GET_READY
    assert player.title_label.text() == "Clamshells"
    assert player.side_label.text() == "RIGHT SIDE"          # the sore side first

    run_until(player, clock, StepKind.WORK)
    assert player.status_label.text() == "REP" and player.big_label.text() == "1"
    assert player.sub_label.text() == "of 3"
    advance(player, clock, 1.2)                                # into rep 1's way down
    assert "Down" in player.phase_label.text()
    # The figure is on its way back down, drawn as the right side's clamshell (mirrored),
    # at the rung the line above it names.
    step = player.engine.step
    assert player.picture.motion is motion("clamshell", step.resistance)
    assert step.resistance in player.detail_label.text()
    assert player.picture.moment.stage == "down" and 0 < player.picture.moment.t < 1
    assert player.picture.mirror

    run_until(player, clock, StepKind.SWITCH_SIDE)
    press(qtbot, player, Qt.Key.Key_Down)                      # only managed 2 on the right
    assert "2 of 3" in player.log_label.text()
    assert saved(tmp_path, window)[0]["sets"][0]["done_reps"] == 2    # saved after the first set already

    run_until(player, clock, StepKind.PAIN_AFTER)
    assert player.pain_scale.value() is None
    assert "worst pain during the session" in player._pain_title.text()
    qtbot.keyClicks(player, "2")                              # the worst pain during it
    qtbot.keyClick(player, ENTER)
    assert "hurt now" in player._pain_title.text() and player.pain_scale.value() is None
    qtbot.keyClicks(player, "1")
    qtbot.keyClicks(player, "f")                              # typing goes to the note, and
    qtbot.keyClicks(player.note_edit, "ine, mild")            # F is a letter, not full screen
    assert player.note_edit.text() == "fine, mild" and not window.isFullScreen()
    qtbot.keyClick(player.note_edit, ENTER)

    assert player.engine.state is EngineState.FINISHED
    assert "complete" in player.summary_title.text()
    [session] = saved(tmp_path, window)
    assert session["completed"] is True
    assert (session["pain_before"], session["pain_during"], session["pain_after"], session["note"]) == \
        (3, 2, 1, "fine, mild")
    assert session["red_flags"] is None                        # low pain: not asked
    sets = [(s["exercise"], s["side"], s["set"], s["target_reps"], s["done_reps"], s["resistance"])
            for s in session["sets"]]
    assert sets == [
        ("clamshell", "right", 1, 3, 2, "Light band above the knees"),
        ("clamshell", "left", 1, 3, 3, "Light band above the knees"),
        ("clamshell", "right", 2, 3, 3, "Light band above the knees"),
        ("clamshell", "left", 2, 3, 3, "Light band above the knees"),
        ("glute_bridge", None, 1, 2, 2, "Two-leg bridge"),
        ("glute_stretch", "right", 1, 0, 0, "Lying figure-4"),
        ("glute_stretch", "left", 1, 0, 0, "Lying figure-4"),
    ]
    assert [s["hold_seconds"] for s in session["sets"]][-2:] == [30.0, 30.0]

    qtbot.keyClick(player, ENTER)                               # back to the start screen
    assert window.player is None
    assert "Last session" in window.today_page.last_label.text()


def test_escape_asks_first_then_keeps_what_was_done(qtbot, window, clock, tmp_path):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.SWITCH_SIDE)
    advance(player, clock, 1.0)
    remaining = player.engine.remaining()

    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert player._leave_bar.isVisible() and player.engine.state is EngineState.PAUSED
    advance(player, clock, 30)
    qtbot.keyClick(player, Qt.Key.Key_Escape)                  # changed my mind
    assert not player._leave_bar.isVisible() and player.engine.state is EngineState.RUNNING
    assert player.engine.remaining() == pytest.approx(remaining, abs=1e-3)

    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)                              # yes, leave
    # The pain-guided rule still needs the answer: the pain question comes first.
    assert player.engine.step.kind is StepKind.PAIN_AFTER
    assert "Stopped early" in player._pain_title.text()
    qtbot.keyClicks(player, "4")
    qtbot.keyClick(player, ENTER)
    qtbot.keyClicks(player, "4")
    qtbot.keyClick(player, ENTER)
    assert "ended early" in player.summary_title.text()
    [session] = saved(tmp_path, window)
    assert session["completed"] is False and session["ended_at"] and session["pain_after"] == 4
    assert [(s["side"], s["done_reps"]) for s in session["sets"]] == [("right", 3)]


def test_space_pauses_and_arrows_step_through(qtbot, window, clock):
    player = start(qtbot, window)
    advance(player, clock, 2.0)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.engine.state is EngineState.PAUSED and player.big_label.overlay == "PAUSED"
    advance(player, clock, 10.0)
    assert player.engine.remaining() == pytest.approx(3.0, abs=1e-3)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.engine.state is EngineState.RUNNING
    qtbot.keyClick(player, Qt.Key.Key_Right)
    assert player.engine.step.kind is StepKind.WORK
    qtbot.keyClick(player, Qt.Key.Key_Up)
    assert player.engine.pending_reps == 4
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.engine.step.kind is StepKind.GET_READY


def test_pain_needs_an_answer_and_takes_ten(qtbot, window, clock):
    window.prescription = SHORT
    qtbot.keyClick(window, ENTER)
    player = window.player
    qtbot.keyClick(player, ENTER)
    assert player.engine.step.kind is StepKind.PAIN_BEFORE
    assert "Pick a number" in player._pain_hint.text()
    qtbot.keyClicks(player, "10")
    assert player.pain_scale.value() == 10
    press(qtbot, player, Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert player.pain_scale.value() == 8
    qtbot.keyClick(player, ENTER)
    assert player.engine.pain_before == 8


def test_screen_stays_awake_only_while_the_session_needs_it(qtbot, window, clock):
    player = start(qtbot, window)
    inhibitor = window.audio.inhibitor
    assert inhibitor.active
    qtbot.keyClick(player, Qt.Key.Key_Space)                   # pause
    advance(player, clock, 60)
    assert inhibitor.active                                     # a short pause keeps it
    for _ in range(4):
        clock.advance(30)
        player.poll()
    assert not inhibitor.active                                 # a long pause lets it go
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert inhibitor.active
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)                               # stop: the pain question
    for score in "22":                                                 # during, then now
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    assert player.engine.state is EngineState.FINISHED
    assert not inhibitor.active


def test_cues_are_asked_for_at_the_right_moments(qtbot, window, clock):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.SWITCH_SIDE)
    sounds = [c.sound for c in window.audio.cue_player.played if c.sound]
    words = [c.speech for c in window.audio.cue_player.played if c.speech]
    assert sounds[:4] == ["countdown", "countdown", "countdown", "go"]
    assert sounds[-1] == "switch"
    assert words[0] == "Get ready. Clamshells. Right side. Set 1 of 2."
    assert words[1:4] == ["1", "2", "Last one"]
    assert words[-1] == "Switch sides. Left side."


def test_sound_toggle_key_is_remembered(qtbot, window, tmp_path):
    player = start(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_M)
    assert window.audio.cue_player.sound_on is False
    assert AppSettings(tmp_path).sound_enabled is False


def test_no_audio_device_runs_silent_and_says_so_once(qtbot, window, clock, monkeypatch):
    """The real tones worker: on a machine without a sound server it finds no device."""
    import sys

    import sound_fakes
    from itbgui.player import sound

    monkeypatch.setattr(sound, "worker_command", lambda role, *extra: [
        sys.executable, "-m", "itbgui", "sound-worker", role] if role == "tones"
        else sound_fakes.command(sound_fakes.ECHO))
    window.load_sound()
    cp = window.audio.cue_player
    qtbot.waitUntil(lambda: cp.has_tones or cp.problem, timeout=15000)
    if cp.problem:
        assert window.statusBar().currentMessage() == cp.problem
    player = start(qtbot, window)                               # must not raise or stall
    advance(player, clock, 20)
    assert player.engine.step.kind is not StepKind.GET_READY


def test_sleep_mid_session_pauses_and_says_why(qtbot, window, clock):
    player = start(qtbot, window)
    advance(player, clock, 2.0)
    clock.advance(3600)
    player.poll()
    assert player.engine.state is EngineState.PAUSED
    assert "sleep" in player.log_label.text()
    assert player.engine.remaining() == pytest.approx(3.0, abs=1e-3)


def test_dark_theme_recolours_the_drawing(qtbot, window, clock):
    window.set_theme("dark")
    player = start(qtbot, window)
    palette = player.picture.figure_palette()
    assert QColor(palette.ink).lightness() > QColor(palette.background).lightness()
    window.set_theme("light")


def test_closing_the_window_mid_session_keeps_what_was_done(qtbot, window, clock, tmp_path):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.SWITCH_SIDE)
    assert not window.close()                                  # asked first
    qtbot.keyClick(player, Qt.Key.Key_Y)                       # Y: close
    [session] = saved(tmp_path, window)
    assert session["completed"] is False and len(session["sets"]) == 1
    assert not window.audio.inhibitor.active


def test_f_toggles_full_screen(qtbot, window):
    player = start(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert window.isFullScreen() and window.menus.fullscreen_action.isChecked()
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert not window.isFullScreen()


def test_a_clock_set_to_1970_is_said_in_plain_words_and_nothing_crashes(qtbot, window, clock, tmp_path):
    """The player refuses at the edge what the next start would throw away, and says why."""
    import datetime as dt

    clock.set_wall(dt.datetime(1970, 1, 1, 9, tzinfo=dt.timezone.utc))
    player = start(qtbot, window)
    run_until(player, clock, StepKind.SWITCH_SIDE)            # a set is done: a save is due
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)
    for score in "44":
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    assert "clock" in player.save_error and "date and time" in player.save_error
    assert "clock" in player.summary_saved.text()
    window.saver.flush()
    assert not json.loads((tmp_path / DATA_FILE_NAME).read_text()).get("sessions")


def test_the_window_takes_the_daily_copy_while_it_stays_open(qtbot, window, tmp_path):
    from store_helpers import record

    window.store.save_session(record("kept"))
    assert window.store.backups.list() == []            # opened empty: nothing to copy then
    window._check_new_day()                               # the minute timer
    [copy] = window.store.backups.list()
    assert copy.reason == "daily"
    window._check_new_day()
    assert len(window.store.backups.list()) == 1         # once a day


def test_stopping_before_any_set_keeps_the_pain_score_and_says_one_thing(qtbot, window, clock, tmp_path):
    player = start(qtbot, window, pain="2")
    assert player.engine.step.kind is StepKind.GET_READY
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)                              # leave before any set
    assert player.engine.step.kind is StepKind.PAIN_AFTER
    for score in "45":
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    title = player.summary_title.text()
    assert title == "Stopped before any set: your pain score is kept"
    [session] = saved(tmp_path, window)
    assert session["completed"] is False and session["sets"] == []
    assert (session["pain_before"], session["pain_after"]) == (2, 5)
    qtbot.waitUntil(lambda: "Saved to" in player.summary_saved.text())


def test_the_stretch_logs_the_seconds_held_on_each_side(qtbot, window, clock, tmp_path):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.HOLD)
    side = player.engine.step.side
    advance(player, clock, 2.4)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.keyClick(player, Qt.Key.Key_Y)                              # leave 2 s into the first side
    for score in "11":
        qtbot.keyClicks(player, score)
        qtbot.keyClick(player, ENTER)
    [session] = saved(tmp_path, window)
    stretch = [s for s in session["sets"] if s["exercise"] == "glute_stretch"]
    assert [(s["side"], s["hold_seconds"]) for s in stretch] == [(side, 2.0)]
    assert f"{side.capitalize()} side held 2 s" in player.summary_lines.text()
    assert "each side" not in player.summary_lines.text()


def test_a_flare_says_what_the_rule_does_and_the_warning_signs(qtbot, window, clock, tmp_path):
    # The review: pain 3 -> 10 with 9 of 90 reps said "Well done: session complete".
    player = start(qtbot, window, pain="3")
    run_until(player, clock, StepKind.PAIN_AFTER)
    qtbot.keyClick(player, Qt.Key.Key_1)                      # the worst during: 10
    qtbot.keyClick(player, Qt.Key.Key_0)
    qtbot.keyClick(player, ENTER)
    qtbot.keyClick(player, Qt.Key.Key_6)                      # now: 6
    qtbot.keyClick(player, ENTER)
    press(qtbot, player, *[Qt.Key.Key_N] * 5)                # no warning sign
    title = player.summary_title.text()
    assert "Well done" not in title and "10/10" in title
    advice = player.summary_advice.text()
    assert "one step easier" in advice and "hot, red or swollen" in advice and "numbness" in advice


def test_the_worst_pain_during_is_asked_with_the_after_score_and_drives_the_step_back(
        qtbot, window, clock, tmp_path):
    """PROGRAM.md: pain during the work above 5/10 steps back, even when it has eased by the end."""
    player = start(qtbot, window, pain="1")
    run_until(player, clock, StepKind.PAIN_AFTER)
    assert player._pain_title.text() == "Done! What was the worst pain during the session?"
    assert "worst moment" in player._pain_help.text() and "right now" not in player._pain_help.text()
    qtbot.keyClick(player, Qt.Key.Key_6)
    qtbot.keyClick(player, ENTER)
    assert player._pain_title.text() == "And how much does it hurt now?"
    qtbot.keyClick(player, Qt.Key.Key_Left)                   # back to the worst during: kept
    assert "during" in player._pain_title.text() and player.pain_scale.value() == 6
    qtbot.keyClick(player, ENTER)
    qtbot.keyClick(player, Qt.Key.Key_2)
    qtbot.keyClick(player, ENTER)
    assert player.engine.state is EngineState.FINISHED
    assert "6/10" in player.summary_title.text()
    assert "pain 1 → 2" in player.summary_stats.text() and "worst during 6" in player.summary_stats.text()
    assert "one step easier" in player.summary_advice.text()
    [session] = saved(tmp_path, window)
    assert (session["pain_before"], session["pain_during"], session["pain_after"]) == (1, 6, 2)
    assert session["red_flags"] is None                       # below 7: not asked


def test_high_pain_asks_the_warning_signs_yes_or_no_by_keys_and_keeps_the_answers(
        qtbot, window, clock, tmp_path):
    player = start(qtbot, window, pain="2")
    run_until(player, clock, StepKind.PAIN_AFTER)
    for key in (Qt.Key.Key_7, ENTER, Qt.Key.Key_4, ENTER):    # during 7, now 4
        qtbot.keyClick(player, key)
    assert "hot, red or swollen" in player._pain_title.text() and "1 of 5" in player._pain_title.text()
    assert not player.pain_scale.isVisible() and "Y: yes" in player._pain_hint.text()
    qtbot.keyClick(player, ENTER)                             # only Y or N answers it
    qtbot.keyClick(player, Qt.Key.Key_3)
    assert "1 of 5" in player._pain_title.text() and player.engine.state is not EngineState.FINISHED
    press(qtbot, player, Qt.Key.Key_N, Qt.Key.Key_Y)          # cannot bear weight: yes
    assert "locks" in player._pain_title.text() or "lock" in player._pain_title.text()
    press(qtbot, player, Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_N)
    assert player.engine.state is EngineState.FINISHED
    assert "clinician" in player.summary_advice.text() and "promptly" in player.summary_advice.text()
    [session] = saved(tmp_path, window)
    assert session["red_flags"] == {"hot_swollen": False, "weight_bearing": True, "locking": False,
                                    "constant_night": False, "numbness": False}
    assert (session["pain_during"], session["pain_after"]) == (7, 4)


def test_f_works_while_paused_and_while_asked_to_leave(qtbot, window, clock):
    player = start(qtbot, window)
    run_until(player, clock, StepKind.WORK)
    qtbot.keyClick(player, Qt.Key.Key_Space)                  # paused
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert window.isFullScreen()
    qtbot.keyClick(player, Qt.Key.Key_Escape)                 # "Leave this session?"
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert not window.isFullScreen()
    assert player._leave_bar.isVisible()                      # the question still stands


def test_full_screen_ends_with_the_session(qtbot, window, clock):
    player = start(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert window.isFullScreen()
    press(qtbot, player, Qt.Key.Key_Escape, Qt.Key.Key_Y)           # leave, then the pain question
    qtbot.keyClick(player, Qt.Key.Key_Escape)                 # skip it: the summary
    assert player.engine.state is EngineState.FINISHED
    qtbot.keyClick(player, ENTER)
    assert window.player is None
    assert not window.isFullScreen() and not window.menus.fullscreen_action.isChecked()


@pytest.mark.parametrize("skip", [Qt.Key.Key_Escape, ENTER])
def test_esc_or_enter_skips_the_stopped_early_pain_question(qtbot, window, clock, tmp_path, skip):
    """README: Esc leaves (asks first), then asks how it feels: Esc or Enter skips that;
    it never brings the "Leave this session?" banner back."""
    player = start(qtbot, window)
    run_until(player, clock, StepKind.SWITCH_SIDE)           # one set done
    press(qtbot, player, Qt.Key.Key_Escape, Qt.Key.Key_Y)
    assert player.engine.step.kind is StepKind.PAIN_AFTER and player.engine.ended_early
    assert player._pain_title.text().startswith("Stopped early")
    qtbot.keyClick(player, skip)
    assert not player._leave_bar.isVisible()
    assert player.engine.state is EngineState.FINISHED
    [session] = saved(tmp_path, window)
    assert session["completed"] is False and session["pain_after"] is None
