"""The child process that makes the session's sound: ``itb-coach sound-worker tones|voice``.

The speech engine and the audio device are outside the app's control: a speech-dispatcher
that cannot open audio accepts the connection and then never answers ``say()``; a sound
server can hang while a device goes away. Anything that can block forever runs here, in
a process of its own that the app can kill, never on the window's thread
(:class:`~itbgui.player.sound.CuePlayer` is the app's side).

``itb-coach sound-worker voices`` prints the speech engine's voices and ends (Settings
lists them), in a child for the same reason.

The protocol is one JSON object a line. The app writes ``{"op": "say", "id", "text"}``,
``{"op": "tone", "id", "name"}``, ``{"op": "config", "volume", "voice"}`` and
``{"op": "stop"}``; the worker answers ``{"ev": "ready", "ok", "why"}`` once, ``{"ev":
"started", "id"}`` for every prompt or tone handed to the engine, ``{"ev": "config",
"volume", "voice"}`` after a change, and for the tones ``{"ev": "device_lost"}`` /
``{"ev": "device", "name"}`` when the output device goes or comes. End of input ends it.
"""

from __future__ import annotations

import json
import sys
import threading

#: Engines that exist only for testing Qt itself: chosen only when asked for by name.
FAKE_TTS_ENGINES = frozenset({"mock"})


def _send(event: dict) -> None:
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def run(argv: list[str]) -> int:
    role = argv[0] if argv else ""
    if role not in ("tones", "voice", "voices"):
        print("usage: itb-coach sound-worker tones|voice|voices [--engine NAME]", file=sys.stderr)
        return 2
    engine = argv[argv.index("--engine") + 1] if "--engine" in argv[:-1] else ""

    from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, Signal

    # qt.multimedia.plugin: "no backends found" in the download, which leaves out the ffmpeg
    # backend that QSoundEffect and speech never use (packaging/itb-coach.spec).
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false\n"
                                    "qt.multimedia.plugin=false")
    app = QCoreApplication(sys.argv[:1])
    if role == "voices":
        return list_voices(engine)

    class Inbox(QObject):
        """Lines from the app, read on a plain thread and delivered on the Qt one."""
        line = Signal(bytes)

    inbox = Inbox()
    sounder = TonePlayer() if role == "tones" else VoicePlayer(engine)
    inbox.line.connect(sounder.handle_line)

    def read_input() -> None:
        for raw in sys.stdin.buffer:
            inbox.line.emit(raw)
        inbox.line.emit(b"")          # the app went away: end too

    threading.Thread(target=read_input, daemon=True).start()
    sounder.begin()
    return app.exec()


def choose_engine(asked: str) -> str:
    """The engine asked for, else the first real one; "" when there is none."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    engines = QTextToSpeech.availableEngines()
    name = asked or next((e for e in engines if e not in FAKE_TTS_ENGINES), "")
    return name if name in engines else ""


def list_voices(engine: str) -> int:
    from PySide6.QtTextToSpeech import QTextToSpeech

    name = choose_engine(engine)
    if not name:
        _send({"ev": "voices", "names": None, "why": "no speech engine is installed"})
        return 0
    speech = QTextToSpeech(name)               # may block for ever: the app kills us
    if speech.state() == QTextToSpeech.State.Error:
        _send({"ev": "voices", "names": None, "why": speech.errorString() or "the engine failed"})
        return 1
    _send({"ev": "voices", "names": sorted({v.name() for v in speech.availableVoices()}), "why": ""})
    return 0


class _Sounder:
    """What both roles share: reading commands, acknowledging, ending with the input."""

    def begin(self) -> None:
        raise NotImplementedError

    def handle_line(self, raw: bytes) -> None:
        from PySide6.QtCore import QCoreApplication

        if not raw:
            self.stop()
            QCoreApplication.quit()
            return
        try:
            command = json.loads(raw)
        except ValueError:
            return
        op = command.get("op")
        if op == "stop":
            self.stop()
        elif op == "config":
            self.configure(float(command.get("volume", 1.0)), str(command.get("voice", "")))
        else:
            self.play(command)

    def play(self, command: dict) -> None:
        raise NotImplementedError

    def configure(self, volume: float, voice: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class VoicePlayer(_Sounder):
    def __init__(self, engine: str) -> None:
        self.engine = engine
        self.speech = None

    def begin(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        name = choose_engine(self.engine)
        if not name:
            _send({"ev": "ready", "ok": False, "why": "no speech engine is installed"})
            return
        speech = QTextToSpeech(name)           # may block for ever: the app's watchdog kills us
        if speech.state() == QTextToSpeech.State.Error:
            _send({"ev": "ready", "ok": False, "why": speech.errorString() or "the engine failed"})
            return
        self.speech = speech
        _send({"ev": "ready", "ok": True, "why": "", "engine": name})

    def play(self, command: dict) -> None:
        if self.speech is not None and command.get("op") == "say":
            self.speech.say(str(command.get("text", "")))   # the call that can hang
            _send({"ev": "started", "id": command.get("id")})

    def configure(self, volume: float, voice: str) -> None:
        if self.speech is None:
            return
        self.speech.setVolume(min(1.0, max(0.0, volume)))
        if voice:
            for candidate in self.speech.availableVoices():
                if candidate.name() == voice:
                    self.speech.setVoice(candidate)
                    break
        _send({"ev": "config", "volume": round(self.speech.volume(), 3),
               "voice": self.speech.voice().name()})

    def stop(self) -> None:
        if self.speech is not None:
            self.speech.stop()


class TonePlayer(_Sounder):
    """The cue tones through QSoundEffect, kept on the current default output device."""

    def __init__(self) -> None:
        self.effects: dict = {}
        self.volume = 1.0
        self.device_id = None
        self.devices = None

    def begin(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        from itbgui import resources_rc  # noqa: F401  (registers :/sounds)

        self.devices = QMediaDevices()
        self.devices.audioOutputsChanged.connect(self._outputs_changed)
        if not QMediaDevices.audioOutputs():
            _send({"ev": "ready", "ok": False, "why": "no audio output device was found"})
            return
        self._open_default()
        _send({"ev": "ready", "ok": True, "why": ""})

    def _open_default(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        from itbgui.player.cues import SOUNDS

        device = QMediaDevices.defaultAudioOutput()
        self.device_id = bytes(device.id())
        for effect in self.effects.values():
            effect.stop()
            effect.deleteLater()
        self.effects = {}
        for name in SOUNDS:
            effect = QSoundEffect(device)
            effect.setSource(QUrl(f"qrc:/sounds/{name}.wav"))
            effect.setVolume(self.volume)
            self.effects[name] = effect

    def _outputs_changed(self) -> None:
        """Headphones out, speakers on; the last device gone: say so; one back: use it."""
        from PySide6.QtMultimedia import QMediaDevices

        if not QMediaDevices.audioOutputs():
            self.effects, lost = {}, self.effects
            for effect in lost.values():
                effect.stop()
                effect.deleteLater()
            self.device_id = None
            _send({"ev": "device_lost"})
            return
        default = QMediaDevices.defaultAudioOutput()
        if bytes(default.id()) != self.device_id:
            self._open_default()
            _send({"ev": "device", "name": default.description()})

    def play(self, command: dict) -> None:
        effect = self.effects.get(command.get("name"))
        if effect is not None:
            effect.play()
        _send({"ev": "started", "id": command.get("id")})

    def configure(self, volume: float, voice: str) -> None:
        self.volume = min(1.0, max(0.0, volume))
        for effect in self.effects.values():
            effect.setVolume(self.volume)
        _send({"ev": "config", "volume": round(self.volume, 3), "voice": ""})

    def stop(self) -> None:
        for effect in self.effects.values():
            effect.stop()
