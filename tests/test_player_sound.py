"""The player with its sound helpers broken: the session keeps going, and says why it went quiet.

A real window driven by keys, with the real sound worker talking to a speech-dispatcher
that accepts the client and then stops answering (tests/fake_speechd.py); and the tones'
worker losing its output device (tests/sound_fakes.py).
"""

import sys

import pytest
from PySide6.QtCore import Qt

import sound_fakes
from fake_speechd import SilentSpeechd
from itbgui.player import sound
from itbgui.core.engine import EngineState
from itbgui.program.timeline import StepKind
from qt_helpers import advance, run_until
from test_player import SHORT, start, window  # noqa: F401  (the window fixture)


def speechd_available() -> bool:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return "speechd" in QTextToSpeech.availableEngines()


def keep_stepping(qtbot, player, clock, until, limit=60):
    """Press → and let a second pass, again and again, until ``until()`` or the limit."""
    steps = []
    for _ in range(limit):
        if until():
            break
        steps.append(player.engine.index)
        qtbot.keyClick(player, Qt.Key.Key_Right)
        advance(player, clock, 1.0)
        qtbot.wait(100)                       # real time for the workers and their watchdog
    return steps


@pytest.mark.skipif(sys.platform != "linux", reason="speech-dispatcher is Linux's engine")
def test_a_speech_engine_that_stops_answering_never_freezes_the_session(qtbot, window, clock,
                                                                       tmp_path, monkeypatch):
    if not speechd_available():
        pytest.skip("Qt's speechd engine needs libspeechd (.ci/run installs it)")
    server = SilentSpeechd(tmp_path / "speechd.sock")
    monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setattr(sound, "worker_command", lambda role, *extra: [
        sys.executable, "-m", "itbgui", "sound-worker", role, *extra] if role == "voice"
        else sound_fakes.command(sound_fakes.ECHO))
    monkeypatch.setattr(sound, "SILENT_AFTER_SECONDS", 1.0)

    player = start(qtbot, window)
    cues = window.audio.cue_player
    qtbot.waitUntil(lambda: cues.has_voice, timeout=15000)
    steps = keep_stepping(qtbot, player, clock,
                          until=lambda: sound.VOICE_STOPPED in window.statusBar().currentMessage())
    assert sound.VOICE_STOPPED in window.statusBar().currentMessage()
    assert server.went_silent.is_set()                 # it did hang on a prompt
    assert len(set(steps)) >= 3                        # and the keys kept moving the session on
    assert player.engine.state is not EngineState.READY
    server.close()


def test_an_output_device_unplugged_mid_session_leaves_the_session_running(qtbot, window, clock, monkeypatch):
    monkeypatch.setattr(sound, "worker_command", lambda role, *extra: sound_fakes.command(
        sound_fakes.DEVICE_GOES_AND_COMES if role == "tones" else sound_fakes.ECHO))
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    player = start(qtbot, window)
    run_until(player, clock, StepKind.WORK)
    qtbot.waitUntil(lambda: window.audio.cue_player.has_tones, timeout=10000)
    steps = keep_stepping(qtbot, player, clock, until=lambda: "Sound is on again: USB speakers." in shown)
    assert sound.DEVICE_LOST in shown                  # said when it went, and again when one came
    before = player.engine.index
    qtbot.keyClick(player, Qt.Key.Key_Right)           # the keys still move the session on
    assert player.engine.index > before and player.engine.state is EngineState.RUNNING


def test_in_full_screen_the_player_itself_says_the_voice_stopped(qtbot, window, clock, monkeypatch):
    """Full screen hides the status bar: the notice must reach the person on the player."""
    monkeypatch.setattr(sound, "worker_command", lambda role, *extra: sound_fakes.command(
        sound_fakes.HANGS_AFTER_READY if role == "voice" else sound_fakes.ECHO))
    monkeypatch.setattr(sound, "SILENT_AFTER_SECONDS", 1.0)
    player = start(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_F)
    assert not window.statusBar().isVisible()
    cues = window.audio.cue_player
    qtbot.waitUntil(lambda: cues.has_voice, timeout=10000)
    run_until(player, clock, StepKind.WORK)               # "Get ready..." was said: the voice hangs
    for _ in range(100):                                  # the session runs on while it is given up on
        if cues.voice_problem is not None:
            break
        advance(player, clock, 0.2)
        qtbot.wait(50)
    assert player.engine.step.kind is StepKind.WORK
    assert sound.VOICE_STOPPED in player.log_label.text() and player.log_label.isVisible()
    advance(player, clock, 20)                          # a while later the usual line returns
    assert sound.VOICE_STOPPED not in player.log_label.text()
    qtbot.keyClick(player, Qt.Key.Key_F)
