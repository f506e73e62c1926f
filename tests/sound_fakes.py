"""Stand-in sound workers: small Python programs that speak the worker's line protocol
(itbgui/player/sound_worker.py) and misbehave on purpose."""

from __future__ import annotations

import sys

_PROLOGUE = """
import json, sys, time
def send(**event):
    print(json.dumps(event), flush=True)
"""

#: Ready at once, acknowledges every line: what the suite's windows use (no sound, no Qt).
ECHO = _PROLOGUE + """
send(ev="ready", ok=True, why="")
for line in sys.stdin:
    message = json.loads(line)
    if message.get("op") in ("say", "tone"):
        send(ev="started", id=message["id"])
"""

#: Ready, then never answers again (a sound server that hangs).
HANGS_AFTER_READY = _PROLOGUE + """
send(ev="ready", ok=True, why="")
time.sleep(60)
"""

#: Never says it is ready (an engine that hangs while it connects).
NEVER_READY = "import time; time.sleep(60)"

#: Plays two tones, then the output device goes away; a third tone brings a new one.
DEVICE_GOES_AND_COMES = _PROLOGUE + """
send(ev="ready", ok=True, why="")
tones = 0
for line in sys.stdin:
    message = json.loads(line)
    if message.get("op") == "tone":
        tones += 1
        send(ev="started", id=message["id"])
        if tones == 2:
            send(ev="device_lost")
        if tones == 3:
            send(ev="device", name="USB speakers")
"""

#: Takes 3 s over its first prompt, then answers at once; writes what it was given to argv[1].
SLOW_FIRST_PROMPT = _PROLOGUE + """
send(ev="ready", ok=True, why="")
said = open(sys.argv[1], "a")
prompts = 0
for line in sys.stdin:
    message = json.loads(line)
    if message.get("op") == "say":
        prompts += 1
        said.write(message["text"] + "\\n"); said.flush()
        if prompts == 1:
            time.sleep(3)
        send(ev="started", id=message["id"])
"""


def command(script: str, *args: str) -> list[str]:
    return [sys.executable, "-c", script, *args]


def commands_for(tones: str = ECHO, voice: str = ECHO, *args: str):
    """A ``commands`` argument for :class:`CuePlayer`: each role gets its own fake."""
    return lambda role, _extra: command(tones if role == "tones" else voice, *args)
