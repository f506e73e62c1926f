"""The player's words: what each step, phase and key is called, and how time is written.

Marked for translation here (QT_TRANSLATE_NOOP), translated where shown.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from itbgui.program.timeline import Phase, StepKind

STATUS_WORDS = {
    StepKind.GET_READY: QT_TRANSLATE_NOOP("PlayerView", "Get ready"),
    StepKind.WORK: QT_TRANSLATE_NOOP("PlayerView", "Rep"),
    StepKind.REST: QT_TRANSLATE_NOOP("PlayerView", "Rest"),
    StepKind.SWITCH_SIDE: QT_TRANSLATE_NOOP("PlayerView", "Switch sides"),
    StepKind.HOLD: QT_TRANSLATE_NOOP("PlayerView", "Hold"),
}
PHASE_WORDS = {Phase.UP: QT_TRANSLATE_NOOP("PlayerView", "▲  Up"),
               Phase.HOLD: QT_TRANSLATE_NOOP("PlayerView", "■  Hold"),
               Phase.DOWN: QT_TRANSLATE_NOOP("PlayerView", "▼  Down")}
#: The band walk counts steps each way: no up and down, a step towards the side walked.
STEP_WORDS = {"left": QT_TRANSLATE_NOOP("PlayerView", "◀  Step"),
              "right": QT_TRANSLATE_NOOP("PlayerView", "Step  ▶")}
STEP_PAUSE = QT_TRANSLATE_NOOP("PlayerView", "■  Pause")
KEY_HINTS = QT_TRANSLATE_NOOP("PlayerView", "Space pause   → skip   ← back   ↑↓ reps   I card   "
                                            "F full screen   M sound   Esc leave")
# PAUSED is written over the digits: the hints do not say it again.
PAUSED_HINTS = QT_TRANSLATE_NOOP("PlayerView", "Space: carry on   → skip   ← back   I card   "
                                               "F full screen   Esc: leave")
#: While the leave question shows, the hints are its keys. Carrying on is the default
#: (Enter), as for a close of the window: a key pressed by habit never ends a session.
LEAVE_HINTS = QT_TRANSLATE_NOOP("PlayerView", "Y: leave    Enter or Esc: carry on")
CLOSE_HINTS = QT_TRANSLATE_NOOP("PlayerView", "Y: close    Enter or Esc: carry on")
#: Below this many seconds the counter shows seconds ("60" over "seconds"), from it minutes
#: and seconds ("2:30", which needs no unit under it).
SECONDS_UP_TO = 100


def translate(text: str) -> str:
    return QCoreApplication.translate("PlayerView", text) if text else ""


def clock_text(seconds: float) -> str:
    seconds = int(math.ceil(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def counter_text(seconds: float) -> tuple[str, str]:
    """The counter's digits and the unit under them: the unit must match the digits."""
    whole = int(math.ceil(seconds))
    if whole < SECONDS_UP_TO:
        return str(whole), QCoreApplication.translate("PlayerView", "seconds")
    return clock_text(whole), ""


def time_left_text(seconds: float) -> str:
    """'21:38 left', and under a minute '29 s left' (a bare number has no unit)."""
    whole = int(math.ceil(seconds))
    if whole >= 60:
        return QCoreApplication.translate("PlayerView", "%1 left").replace("%1", clock_text(whole))
    return QCoreApplication.translate("PlayerView", "%1 s left").replace("%1", str(whole))
