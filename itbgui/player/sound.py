"""Tones and spoken prompts, so the person on the mat need not look at the screen.

The sound itself is made by two child processes (``sound_worker.py``): one plays the
tones, one speaks. The window's thread only writes a line to a pipe, which never blocks,
so a speech engine that stops answering or an audio device that hangs can cost the
session its sound, never its timer, its keys or its figure. Each child has a watchdog:
one that does not answer within :data:`SILENT_AFTER_SECONDS` is killed and that half of
the sound stays off until the next session, with one line in the status bar.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from itbgui.player.cues import Cue

log = logging.getLogger(__name__)

#: A child that has not said it is ready after this long is given up on (a speech engine
#: that hangs while it connects).
START_SECONDS = 5.0
#: A prompt or tone handed over and not started within this long: the engine has hung.
SILENT_AFTER_SECONDS = 5.0
#: A spoken prompt still waiting after this long is dropped: "Down" said two seconds late
#: would lead the person wrong.
PROMPT_STALE_SECONDS = 2.0
#: A tone is worth playing only close to its beat.
TONE_STALE_SECONDS = 1.0
WATCHDOG_MS = 250

VOICE_STOPPED = "The voice stopped answering; tones only."
TONES_STOPPED = "The sound device stopped answering; the tones are off for this session."
DEVICE_LOST = "Sound is off: the audio output device went away. The session carries on."
NO_DEVICE = "Sound is off: no audio output device was found."


def worker_command(role: str, *extra: str) -> list[str]:
    """The command line that starts a sound worker: this same program, in its worker mode."""
    if getattr(sys, "frozen", False):          # a bundle: the executable is the app
        return [sys.executable, "sound-worker", role, *extra]
    return [sys.executable, "-m", "itbgui", "sound-worker", role, *extra]


class SoundChannel(QObject):
    """One child process, the lines sent to it, and the watchdog over its answers.

    ``serial``: hand over the next line only once the previous one has started (speech:
    so prompts wait here, where they can be dropped when stale, not in the engine).
    """

    ready = Signal(bool, str)        # the child is up: ok, or why not
    gave_up = Signal(str)            # killed: it did not answer (start or a line)
    event = Signal(dict)             # anything else the child says

    def __init__(self, command: list[str], *, serial: bool, stale_after: float,
                 now: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.command = command
        self.serial = serial
        self.stale_after = stale_after
        self.now = now
        self.is_ready = False
        self.dead = False
        self.dropped = 0                 # stale lines never handed over
        self._pending: deque[tuple[dict, float]] = deque()
        self._in_flight: dict[int, float] = {}    # id -> when handed over
        self._next_id = 0
        self._buffer = b""
        self._started_at = 0.0
        self._process: QProcess | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(WATCHDOG_MS)
        self._watchdog.timeout.connect(self._check)

    @property
    def alive(self) -> bool:
        return self._process is not None and not self.dead

    def start(self) -> None:
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        package_root = str(Path(__file__).resolve().parents[2])   # so a checkout's code is found
        paths = [package_root, environment.value("PYTHONPATH")] if environment.contains("PYTHONPATH") \
            else [package_root]
        environment.insert("PYTHONPATH", os.pathsep.join(paths))
        process.setProcessEnvironment(environment)
        process.setProgram(self.command[0])
        process.setArguments(self.command[1:])
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._failed)
        self._process, self.dead, self.is_ready = process, False, False
        self._started_at = self.now()
        self._buffer = b""
        process.start()
        self._watchdog.start()

    def send(self, message: dict) -> None:
        """Queue a line; it goes to the child as soon as the child can take it."""
        if self.dead or self._process is None:
            return
        self._pending.append((message, self.now()))
        self._pump()

    def clear(self) -> None:
        """Forget what has not been handed over yet (the session ended)."""
        self._pending.clear()

    def shutdown(self) -> None:
        """At quit: end the child at once. Nothing waits on it for more than a moment."""
        self._watchdog.stop()
        process, self._process = self._process, None
        self.dead = True
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(300)

    def _pump(self) -> None:
        if not self.is_ready or self.dead:
            return
        now = self.now()
        fresh = [(m, t) for m, t in self._pending if now - t <= self.stale_after]
        if len(fresh) < len(self._pending):
            self.dropped += len(self._pending) - len(fresh)
            log.debug("sound: dropped %d stale line(s)", len(self._pending) - len(fresh))
            self._pending = deque(fresh)
        while self._pending and not (self.serial and self._in_flight):
            message, _queued_at = self._pending.popleft()
            if message.get("op") in ("say", "tone"):
                self._next_id += 1
                message = {**message, "id": self._next_id}
                self._in_flight[self._next_id] = now
            self._process.write((json.dumps(message) + "\n").encode())
        if self._pending or self._in_flight:
            self._watchdog.start()

    def _read(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            kind = message.get("ev")
            if kind == "ready":
                self.is_ready = bool(message.get("ok"))
                self.ready.emit(self.is_ready, str(message.get("why", "")))
                if not self.is_ready:
                    self._end_quietly()
                    return
            elif kind == "started":
                self._in_flight.pop(message.get("id"), None)
            else:
                self.event.emit(message)
        self._pump()

    def _check(self) -> None:
        """The watchdog: a child that does not start, or stops answering, is killed."""
        if self.dead or self._process is None:
            self._watchdog.stop()
            return
        now = self.now()
        if not self.is_ready:
            if now - self._started_at > START_SECONDS:
                why = f"it did not start within {START_SECONDS:g} s"
                if self._pending:            # cues were waiting for it: that is a loss to report
                    self._give_up(why)
                else:
                    log.warning("sound worker %s: %s; killed", " ".join(self.command[-2:]), why)
                    self._end_quietly()
                    self.ready.emit(False, why)
            return
        oldest = min(self._in_flight.values(), default=None)
        if oldest is not None and now - oldest > SILENT_AFTER_SECONDS:
            self._give_up(f"it did not answer for {now - oldest:.1f} s")
            return
        self._pump()                      # drops what went stale meanwhile
        if not self._pending and not self._in_flight:
            self._watchdog.stop()

    def _give_up(self, why: str) -> None:
        log.warning("sound worker %s: %s; killed", " ".join(self.command[-2:]), why)
        self._end_quietly()
        self.gave_up.emit(why)

    def _end_quietly(self) -> None:
        self._watchdog.stop()
        self.dead = True
        self._pending.clear()
        self._in_flight.clear()
        process = self._process
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()                 # reaped by QProcess when it ends; nobody waits here

    def _failed(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self.dead:
            self._end_quietly()
            self.ready.emit(False, "the sound helper could not be started")

    def _finished(self, code: int, _status) -> None:
        if self.dead:
            return
        self._watchdog.stop()
        self.dead = True
        log.warning("sound worker %s ended (exit code %s)", " ".join(self.command[-2:]), code)
        if self.is_ready:
            self.gave_up.emit(f"it ended (exit code {code})")
        else:
            err = bytes(self._process.readAllStandardError()).decode(errors="replace").strip()
            self.ready.emit(False, err.splitlines()[-1] if err else f"exit code {code}")


class CuePlayer(QObject):
    """Plays a :class:`Cue`: its tone and its words, each through its own worker process.

    ``unavailable`` says once that sound cannot work at all (no device when it loads);
    ``notice`` reports a change mid-session (the voice given up on, a device gone or back).
    """

    unavailable = Signal(str)
    notice = Signal(str)

    def __init__(self, parent: QObject | None = None, *, sound_on: bool = True,
                 voice_on: bool = True, volume: float = 0.8, voice_name: str = "",
                 voice_engine: str = "",
                 commands: Callable[[str, tuple[str, ...]], list[str]] | None = None) -> None:
        super().__init__(parent)
        self.sound_on = sound_on
        self.voice_on = voice_on
        self.volume = min(1.0, max(0.0, volume))
        self.voice_name = voice_name   # "" = the engine's default voice
        self.voice_engine = voice_engine   # "" = the first real engine
        self._commands = commands or (lambda role, extra: worker_command(role, *extra))
        self._tones: SoundChannel | None = None
        self._voice: SoundChannel | None = None
        self._loaded = False
        self.problem: str | None = None
        self.voice_problem: str | None = None
        self.engine_settings: dict[str, dict] = {}   # what each worker last confirmed
        self.played: deque[Cue] = deque(maxlen=200)  # the latest cues asked for (tests read it)

    @property
    def has_tones(self) -> bool:
        return self._tones is not None and self._tones.alive and self._tones.is_ready

    @property
    def has_voice(self) -> bool:
        return self._voice is not None and self._voice.alive and self._voice.is_ready

    def load(self) -> None:
        """Start the workers; safe to call again. Each call (every session start) gives a
        worker that ended or was given up on a fresh start: one bad moment, or a device
        plugged in late, does not silence every later session."""
        if not self._loaded or (self._tones is not None and self._tones.dead):
            self._tones = self._start_channel("tones", (), stale_after=TONE_STALE_SECONDS, serial=False)
        if not self._loaded or (self._voice is not None and self._voice.dead):
            self.voice_problem = None
            self._start_voice()
        self._loaded = True

    def _start_voice(self) -> None:
        extra = ("--engine", self.voice_engine) if self.voice_engine else ()
        self._voice = self._start_channel("voice", extra, stale_after=PROMPT_STALE_SECONDS, serial=True)

    def _start_channel(self, role: str, extra: tuple[str, ...], *, stale_after: float,
                       serial: bool) -> SoundChannel:
        channel = SoundChannel(self._commands(role, extra), serial=serial, stale_after=stale_after,
                               parent=self)
        channel.ready.connect(lambda ok, why: self._channel_ready(role, channel, ok, why))
        channel.gave_up.connect(lambda why: self._channel_gave_up(role, why))
        channel.event.connect(lambda message: self._channel_event(role, message))
        channel.start()
        return channel

    def _channel_ready(self, role: str, channel: SoundChannel, ok: bool, why: str) -> None:
        if ok:
            channel.send(self._config())
        elif role == "tones":
            self._report(NO_DEVICE if "device" in why else f"Sound is off: {why}.")
        else:   # no voice is normal on many machines: the tones carry the session
            log.info("spoken prompts are off: %s", why)

    def _channel_gave_up(self, role: str, why: str) -> None:
        if role == "voice":
            self.voice_problem = VOICE_STOPPED
            self.notice.emit(VOICE_STOPPED)
        else:
            self.notice.emit(TONES_STOPPED)

    def _channel_event(self, role: str, message: dict) -> None:
        kind = message.get("ev")
        if kind == "config":
            self.engine_settings[role] = message
        elif kind == "device_lost":
            self.notice.emit(DEVICE_LOST)
        elif kind == "device":
            self.notice.emit(f"Sound is on again: {message.get('name') or 'a new output device'}.")

    def _config(self) -> dict:
        return {"op": "config", "volume": self.volume, "voice": self.voice_name}

    def set_volume(self, fraction: float) -> None:
        """0.0-1.0, for tones and voice alike; applies to the next cue."""
        self.volume = min(1.0, max(0.0, fraction))
        self._send_config()

    def set_voice_name(self, name: str) -> None:
        """The voice the person picked in Settings; the engine keeps its default if it lacks it."""
        self.voice_name = name
        self._send_config()

    def _send_config(self) -> None:
        for channel in (self._tones, self._voice):
            if channel is not None and channel.is_ready:
                channel.send(self._config())

    def _report(self, message: str) -> None:
        log.warning(message)
        if self.problem is None:
            self.problem = message
            self.unavailable.emit(message)

    def play(self, cue: Cue) -> None:
        """Hand the cue over; returns at once whatever the workers are doing."""
        self.played.append(cue)
        if cue.sound and self.sound_on and self._tones is not None:
            self._tones.send({"op": "tone", "name": cue.sound})
        if cue.speech and self.voice_on and self.sound_on and self._voice is not None:
            self._voice.send({"op": "say", "text": cue.speech})

    def stop(self) -> None:
        """The session ended: silence now, and nothing queued is said later."""
        for channel in (self._tones, self._voice):
            if channel is not None:
                channel.clear()
                channel.send({"op": "stop"})

    def shutdown(self) -> None:
        """The app quits: end both workers."""
        for channel in (self._tones, self._voice):
            if channel is not None:
                channel.shutdown()
