"""What the runner hears on the treadmill: "Run" or "Walk", with its tone, at every change.

Pure Python (no Qt), so the words and their order are tested without a sound card. A runner
with earphones and a treadmill's noise needs the word and how long, nothing more.
"""

from __future__ import annotations

from itbgui.core.run_timeline import RUN, RunEvent, RunEventKind, RunTimer
from itbgui.player.cues import Cue


def minutes_words(seconds: int) -> str:
    """'3 minutes', '1 minute', '90 seconds' (a spoken length, never '1:30')."""
    if seconds % 60 == 0:
        minutes = seconds // 60
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    return f"{seconds} seconds"


def run_cue_for(event: RunEvent, timer: RunTimer) -> Cue | None:
    if event.kind is RunEventKind.INTERVAL_STARTED:
        interval = timer.intervals[event.index]
        last = event.index == len(timer.intervals) - 1
        if interval.kind == RUN:
            return Cue(sound="go", speech=f"Run. {minutes_words(interval.seconds)}.")
        words = "Walk to cool down" if last else "Walk"
        return Cue(sound="rest", speech=f"{words}. {minutes_words(interval.seconds)}.")
    if event.kind is RunEventKind.FINISHED:
        return Cue(sound="end", speech="All done. How did it feel?")
    if event.kind is RunEventKind.AUTO_PAUSED:
        return Cue(speech="Paused. Press space to carry on.")
    return None
