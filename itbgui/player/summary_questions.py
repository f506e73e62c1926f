"""The questions at the end of a session, in order: the worst pain during it, the pain now,
then the warning signs (yes/no) when either was high (docs/progression.md, R19).

Pain during the work is what the pain-monitoring rule reads first (PROGRAM.md: step back
above 5/10), so it is asked on its own and first; pain before the session is a different
number and is never called "during". The player shows one question at a time and hands
each answer to the engine, which keeps them in the session record.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from itbgui.program.clinical_state import RED_FLAG_PAIN, RED_FLAGS

DURING, AFTER = "during", "after"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlayerView", text)


class EndQuestions:
    """Which end-of-session question is up (``stage``: "during", "after" or a warning sign's
    key), over the engine that stores the answers."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.stage = DURING

    @property
    def flag(self) -> str | None:
        """The warning sign being asked, if one is."""
        return self.stage if self.stage in RED_FLAGS else None

    def scale_value(self) -> int | None:
        """The score already given for the question that is up (shown on the scale)."""
        return self.engine.pain_during if self.stage == DURING else self.engine.pain_after

    def answer(self, value: int) -> bool:
        """A pain score for the question that is up; True when nothing is left to ask."""
        if self.stage == DURING:
            self.engine.set_pain_during(value)
            self.stage = AFTER
            return False
        self.engine.set_pain_after(value)
        return self._next_flag()

    def answer_flag(self, yes: bool) -> bool:
        """Yes or no to the warning sign that is up; True when nothing is left to ask."""
        self.engine.red_flags = self.engine.red_flags + ((self.stage, yes),)
        return self._next_flag()

    def keep(self, value: int | None) -> None:
        """Leaving at a pain question: keep the score typed so far for it."""
        if value is None or self.flag:
            return
        if self.stage == DURING:
            self.engine.set_pain_during(value)
        else:
            self.engine.set_pain_after(value)

    def back(self) -> bool:
        """Left arrow: the question before, if there is one here (True), else the session's."""
        if self.stage == DURING:
            return False
        if self.flag:
            self.engine.red_flags = ()
        self.stage = DURING if self.stage == AFTER else AFTER
        return True

    def high(self) -> bool:
        scores = [p for p in (self.engine.pain_during, self.engine.pain_after) if p is not None]
        return bool(scores) and max(scores) >= RED_FLAG_PAIN

    def _next_flag(self) -> bool:
        asked = {key for key, _ in self.engine.red_flags}
        left = [key for key in RED_FLAGS if key not in asked] if self.high() else []
        if left:
            self.stage = left[0]
            return False
        return True

    def title(self, ended_early: bool) -> str:
        if self.flag:
            number = list(RED_FLAGS).index(self.flag) + 1
            return (_tr("Pain this high needs a check (%1 of %2). ").replace("%1", str(number))
                    .replace("%2", str(len(RED_FLAGS))) + _tr(RED_FLAGS[self.flag][0]))
        if self.stage == DURING:
            first = _tr("Stopped early.") if ended_early else _tr("Done!")
            return first + " " + _tr("What was the worst pain during the session?")
        return _tr("And how much does it hurt now?")

    def help(self) -> str:
        """The line under the title: what the score or the answer is about."""
        if self.flag:
            return _tr("Answer for now or the last few days. A yes pauses strength work and "
                       "asks you to see a clinician promptly.")
        if self.stage == DURING:
            return _tr("0 = no pain, 10 = the worst you can imagine. The worst moment of the "
                       "session, on the sore side.")
        return _tr("0 = no pain, 10 = the worst you can imagine. Score the sore side as it "
                   "feels right now.")

    def hint(self, has_value: bool) -> str:
        if self.flag:
            return _tr("Y: yes    N: no    ←: back")
        if not has_value:
            return _tr("Type a number 0-10 (or use ↑ ↓)")
        if self.stage == DURING:
            return _tr("Enter: next, the pain now    (type to add a note)")
        return _tr("Enter: finish and save    (type to add a note)")
