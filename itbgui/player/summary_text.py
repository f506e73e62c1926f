"""The end-of-session headline in words (translatable), from :func:`.summary.verdict`.

One headline that fits what happened; after a flare, what the rule does next time and when
to see someone, instead of "Well done" (docs/progression.md R2, R3, R6).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from itbgui.player.summary import Verdict


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlayerView", text)


def verdict_texts(v: Verdict) -> tuple[str, str]:
    """(title, advice); advice is empty unless the session flared or was partial."""
    if v.kind == "flare":
        title = _tr("Session saved · pain reached %1/10").replace("%1", str(v.peak))
        if v.red_flag:
            return title, _tr(
                "You answered yes to a warning sign: strength work pauses. See a clinician "
                "promptly, the same day if you can; until then only the stretch and gentle "
                "movement of the hip.")
        step = (_tr("Next time the exercises of this session go one step easier.")
                if v.action == "step_back" else
                _tr("Next time this dose stays; nothing goes up until the pain settles."))
        return title, step + " " + _tr(
            "See a clinician the same day if the knee is hot, red or swollen or you have a "
            "fever; if you cannot bear weight or move the knee; if it locks; or if the pain "
            "is constant, wakes you at night or comes with numbness.")
    if v.kind == "nothing":
        return _tr("Stopped before any set: your pain score is kept"), ""
    if v.kind == "partial":
        return _tr("Session saved as partial: under half the reps were done"), _tr(
            "It does not count as a planned session, and the same dose comes round again.")
    if v.kind == "early":
        return _tr("Session ended early: what you did is kept"), ""
    return _tr("Well done: session complete"), ""
