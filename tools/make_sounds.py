"""Synthesises the player's cue tones into assets/sounds/*.wav.

Made here rather than taken from elsewhere; run again after changing a tone, then
rebuild the resources (python tools/build_resources.py).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44100
OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"


def tone(freq: float, seconds: float, volume: float = 0.6, attack: float = 0.005,
         decay: float = 6.0, harmonics: tuple[float, ...] = (1.0, 0.25)) -> list[float]:
    """A soft bell-like note: fast attack, exponential decay, a touch of overtone."""
    samples = []
    for n in range(int(RATE * seconds)):
        t = n / RATE
        envelope = min(1.0, t / attack) * math.exp(-decay * t)
        fade_out = min(1.0, (seconds - t) / 0.01)  # no click at the end
        value = sum(a * math.sin(2 * math.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics))
        samples.append(volume * envelope * fade_out * value / sum(harmonics))
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


SOUNDS = {
    # a short dry click on every tempo phase
    "tick": lambda: tone(1800, 0.035, volume=0.5, decay=90, harmonics=(1.0,)),
    # rising pair: move now
    "go": lambda: tone(660, 0.12, decay=8) + tone(990, 0.3, decay=7),
    # falling pair: relax
    "rest": lambda: tone(784, 0.18, decay=6) + tone(523, 0.45, decay=5),
    # two equal knocks: turn over
    "switch": lambda: tone(700, 0.1, decay=14) + silence(0.06) + tone(700, 0.16, decay=12),
    # a plain pip for 3-2-1
    "countdown": lambda: tone(1000, 0.13, volume=0.55, decay=12),
    # a rising major chord: finished
    "end": lambda: tone(523, 0.16, decay=5) + tone(659, 0.16, decay=5) + tone(784, 0.6, decay=3.5),
}


def write(name: str, samples: list[float]) -> Path:
    path = OUT / f"{name}.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples))
    return path


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for sound_name, make in SOUNDS.items():
        print(write(sound_name, make()))
