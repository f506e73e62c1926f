"""Tones and spoken prompts, so the person on the mat need not look at the screen.

QtMultimedia and QtTextToSpeech are imported only when sound is first loaded (they
cost start-up time, and on a bare Linux QtMultimedia may not load at all). Any failure
leaves the app silent and is reported once through ``unavailable``; nothing raises.
"""

from __future__ import annotations

import logging
import sys
from collections import deque

from PySide6.QtCore import QObject, QProcess, QTimer, QUrl, Signal

from .cues import SOUNDS, Cue

log = logging.getLogger(__name__)

# Engines that exist only for testing Qt itself and would "speak" into the void.
_FAKE_TTS_ENGINES = {"mock"}
VOICE_PROBE_SECONDS = 5.0
# Exits 0 when the named engine comes up in a usable state.
_VOICE_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtTextToSpeech import QTextToSpeech
app = QCoreApplication([])
speech = QTextToSpeech(sys.argv[1])
sys.exit(1 if speech.state() == QTextToSpeech.State.Error else 0)
"""


class CuePlayer(QObject):
    """Plays a :class:`Cue`: its tone through QSoundEffect, its words through QTextToSpeech."""

    unavailable = Signal(str)  # emitted once, with a sentence for the status bar

    def __init__(self, parent: QObject | None = None, *, sound_on: bool = True,
                 voice_on: bool = True, volume: float = 0.8, voice_name: str = "") -> None:
        super().__init__(parent)
        self.sound_on = sound_on
        self.voice_on = voice_on
        self.volume = min(1.0, max(0.0, volume))
        self.voice_name = voice_name  # "" = the engine's default voice
        self._effects: dict = {}
        self._speech = None
        self._probe: QProcess | None = None
        self._loaded = False
        self.problem: str | None = None
        self.played: deque[Cue] = deque(maxlen=200)  # the latest cues asked for (tests read it)

    @property
    def has_tones(self) -> bool:
        return bool(self._effects)

    @property
    def has_voice(self) -> bool:
        return self._speech is not None

    def load(self) -> None:
        """Load once; safe to call again."""
        if self._loaded:
            return
        self._loaded = True
        self._load_tones()
        self._load_voice()

    def _load_tones(self) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # e.g. libpulse missing on a bare Linux
            self._report(f"Sound is off: Qt's audio support could not load ({exc}).")
            return
        try:
            if not QMediaDevices.audioOutputs():
                self._report("Sound is off: no audio output device was found.")
                return
            for name in SOUNDS:
                effect = QSoundEffect(self)
                effect.setSource(QUrl(f"qrc:/sounds/{name}.wav"))
                effect.setVolume(self.volume)
                self._effects[name] = effect
        except Exception as exc:  # a broken backend must not take the session down
            log.warning("audio setup failed: %s", exc)
            self._effects.clear()
            self._report("Sound is off: the audio device could not be opened.")

    def _load_voice(self) -> None:
        """Probe the speech engine in a child process first, then create it here.

        A speech-dispatcher that is installed but stuck (common on a machine without a
        working audio setup) makes QTextToSpeech's constructor block forever; a child
        that does not answer within VOICE_PROBE_SECONDS is killed and the app stays
        with tones only.
        """
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
            engines = [e for e in QTextToSpeech.availableEngines() if e not in _FAKE_TTS_ENGINES]
        except Exception as exc:  # no voice: the tones still carry the session
            log.info("text-to-speech unavailable: %s", exc)
            return
        if not engines:
            return
        probe = QProcess(self)
        probe.setProgram(sys.executable)
        probe.setArguments(["-c", _VOICE_PROBE, engines[0]])
        probe.finished.connect(lambda code, _status: self._voice_probed(engines[0], code))
        QTimer.singleShot(int(VOICE_PROBE_SECONDS * 1000), probe.kill)
        self._probe = probe
        probe.start()

    def _voice_probed(self, engine: str, exit_code: int) -> None:
        self._probe = None
        if exit_code != 0:
            log.info("text-to-speech engine %s did not answer; spoken prompts are off", engine)
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
            speech = QTextToSpeech(engine, self)
            if speech.state() == QTextToSpeech.State.Error:
                log.info("text-to-speech engine %s is not usable: %s", engine, speech.errorString())
                speech.deleteLater()
                return
            speech.setVolume(self.volume)
            self._choose_voice(speech)
            self._speech = speech
        except Exception as exc:
            log.info("text-to-speech unavailable: %s", exc)

    def set_volume(self, fraction: float) -> None:
        """0.0-1.0, for tones and voice alike; applies to the next cue."""
        self.volume = min(1.0, max(0.0, fraction))
        for effect in self._effects.values():
            effect.setVolume(self.volume)
        if self._speech is not None:
            self._speech.setVolume(self.volume)

    def set_voice_name(self, name: str) -> None:
        self.voice_name = name
        if self._speech is not None:
            self._choose_voice(self._speech)

    def _choose_voice(self, speech) -> None:
        """Use the voice the person picked in Settings, if this engine has it."""
        if not self.voice_name:
            return
        for voice in speech.availableVoices():
            if voice.name() == self.voice_name:
                speech.setVoice(voice)
                return
        log.info("voice %r not found; keeping the engine's default", self.voice_name)

    def _report(self, message: str) -> None:
        log.warning(message)
        if self.problem is None:
            self.problem = message
            self.unavailable.emit(message)

    def play(self, cue: Cue) -> None:
        self.played.append(cue)
        if cue.sound and self.sound_on:
            effect = self._effects.get(cue.sound)
            if effect is not None:
                effect.play()
        if cue.speech and self.voice_on and self.sound_on and self._speech is not None:
            self._speech.say(cue.speech)

    def stop(self) -> None:
        if self._probe is not None:
            self._probe.kill()
            self._probe.waitForFinished(1000)
        for effect in self._effects.values():
            effect.stop()
        if self._speech is not None:
            self._speech.stop()
