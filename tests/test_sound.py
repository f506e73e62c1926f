"""Cues: the words and tones chosen for each moment, and sound that never stalls the app."""

from itbgui.player import sound
from itbgui.player.cues import Cue, announce, cue_for, side_label
from itbgui.player.engine import Event, EventKind
from itbgui.program.exercises import exercise
from itbgui.program.prescription import ExercisePrescription, SessionPrescription
from itbgui.program.timeline import Phase, StepKind, build_timeline

TIMELINE = build_timeline(SessionPrescription("t", (
    ExercisePrescription("lateral_band_walk", 2, 3),
    ExercisePrescription("glute_bridge", 1, 3, step_index=0),
)))


def index_of(kind, n=0):
    return [i for i, s in enumerate(TIMELINE.steps) if s.kind is kind][n]


def test_band_walk_sides_are_stepping_directions():
    assert side_label(exercise("lateral_band_walk"), "left") == "Stepping left"
    assert side_label(exercise("clamshell"), "right") == "Right side"
    assert side_label(exercise("glute_bridge"), None) == ""
    # The stretch names the side it stretches (the review: it never said which).
    # On the badge short enough to read from the mat; spoken in full.
    assert side_label(exercise("glute_stretch"), "left") == "Left hip stretch"
    assert side_label(exercise("glute_stretch"), "left", spoken=True) == \
        "Stretching the left hip: left ankle over right knee"


def test_rest_says_what_comes_next():
    i = index_of(StepKind.REST)
    cue = cue_for(Event(EventKind.STEP_STARTED, i, 0.0), TIMELINE)
    assert cue == Cue("rest", "Rest. Next: Lateral band walks. Stepping left. Set 2 of 2.")


def test_rep_counting_ends_with_last_one():
    i = index_of(StepKind.WORK)
    say = [cue_for(Event(EventKind.PHASE, i, 0.0, rep=r, phase=Phase.UP, last_rep=r == 3), TIMELINE).speech
           for r in (1, 2, 3)]
    assert say == ["1", "2", "Last one"]
    down = cue_for(Event(EventKind.PHASE, i, 0.0, rep=1, phase=Phase.DOWN), TIMELINE)
    assert down == Cue("tick", None)


def test_a_two_leg_exercise_is_announced_without_a_side():
    i = index_of(StepKind.GET_READY, 1)
    assert announce(TIMELINE[i]) == "Glute bridges."


def test_a_stuck_speech_engine_is_given_up_on_without_blocking(qtbot, monkeypatch):
    monkeypatch.setattr(sound, "VOICE_PROBE_SECONDS", 0.3)
    monkeypatch.setattr(sound, "_VOICE_PROBE", "import time; time.sleep(30)")
    monkeypatch.setattr("PySide6.QtTextToSpeech.QTextToSpeech.availableEngines",
                        staticmethod(lambda: ["speechd"]))
    player = sound.CuePlayer()
    player.load()
    assert player._probe is not None, "load() returned while the probe still runs"
    qtbot.waitUntil(lambda: player._probe is None, timeout=5000)
    assert not player.has_voice
    player.play(Cue("go", "Get ready"))  # silent, and no exception


def test_volume_and_voice_settings_reach_the_engines(qapp):
    from PySide6.QtTextToSpeech import QTextToSpeech

    player = sound.CuePlayer(volume=0.8, voice_name="")
    player.set_volume(1.7)
    assert player.volume == 1.0                      # clamped, never louder than full
    speech = QTextToSpeech("mock")                    # Qt's test engine: no audio needed
    voices = speech.availableVoices()
    assert len(voices) >= 2
    player._speech = speech
    player.set_volume(0.25)
    assert abs(speech.volume() - 0.25) < 0.01
    player.set_voice_name(voices[1].name())
    assert speech.voice().name() == voices[1].name()
    player.set_voice_name("no such voice")          # unknown: the current voice stays
    assert speech.voice().name() == voices[1].name()
    player._speech = None
