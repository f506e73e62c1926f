"""A progression decision, its thresholds, and the one thing about it that is stored: the
person's override.

Every decision follows from the plan set-up and the sessions (docs/progression.md, "Always
from the history"); only the person's own call (progress, hold or step back instead of the
app's) is theirs to keep, so that is all the ``decisions`` table holds from schema v3 on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from itbgui.program.actions import ACTIONS, HOLD, PROGRESS, STEP_BACK  # noqa: F401  (named here too)

#: The person's answers that end a pause, and the key their stored documents carry.
PAUSE_ANSWERS = ("cleared", "settled")
ANSWER_KEY = "pause-answer"
#: Lower is easier: an override may go down this order freely, never up past the rule.
RANK = {STEP_BACK: 0, HOLD: 1, PROGRESS: 2}
#: Pain during the work that is acceptable if it settles by the next morning.
ACCEPTABLE_PAIN = 5
#: Pain low enough to move on (two sessions in a row).
EASY_PAIN = 3
SEVERE_PAIN = 7
#: A change of 2 points on the 0-10 scale is a real change, not noise.
MEANINGFUL_CHANGE = 2
#: Clinician advice if pain is no lower than at the start by this plan week.
REVIEW_WEEK = 6
#: No exercise goes up within this many days of its last change ("one change a week").
CHANGE_EVERY_DAYS = 7
#: A break this long resumes at the last dose (never above it) ...
GAP_DAYS = 10
#: ... and one this long one step below it.
LONG_GAP_DAYS = 21
#: The next-morning question waits this long after a session ends: a night's sleep, so a
#: session that ran past midnight is not asked about minutes later (and cannot unlock progress).
MORNING_QUESTION_AFTER = dt.timedelta(hours=8)


def _check_action(value, what: str) -> None:
    if value not in ACTIONS:
        raise ValueError(f"{what} must be one of {', '.join(ACTIONS)}, not {value!r}")


@dataclass(frozen=True)
class ProgressionDecision:
    id: str
    action: str                  # "progress", "hold" or "step_back"
    reason: str                  # plain words for the Today screen
    see_clinician: bool
    made_on: dt.datetime
    based_on: str                # the session id the decision reads
    overridden_to: str | None = None   # the person's own choice, which wins (within the advice)
    clinician_reason: str = ""
    #: "session": a step back touches the exercises of that session; "all": every exercise.
    scope: str = "session"
    #: where the person stands after this decision (clinical_state.PHASES)
    phase: str = "build"
    #: why a clinician should see the person, one plain sentence each (empty when none)
    clinician_reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_action(self.action, "action")
        if self.overridden_to is not None:
            _check_action(self.overridden_to, "override")
        if not self.id or not self.based_on:
            raise ValueError("a decision needs an id and the session it is based on")

    @property
    def effective_action(self) -> str:
        """The person's call wins when it lowers the dose; it never raises it past the rule:
        "progress" counts only when the rule says progress (against a hold or a step back
        it is a hold), and while a clinician is advised the rule's action stands."""
        action = self.overridden_to or self.action
        if RANK[action] <= RANK[self.action]:
            return action
        if self.see_clinician:
            return self.action
        return HOLD

    @property
    def stated_reason(self) -> str:
        """The reason for :attr:`effective_action`, in words that match it (the rule's own
        reason when the rule's action stands)."""
        effective = self.effective_action
        if effective == self.action:
            return self.reason
        if effective == HOLD and self.action == STEP_BACK:
            return ("Your call instead of the app's step back: the same dose comes round again, "
                    "and nothing goes up until two easy sessions in a row.")
        if effective == HOLD:
            return "Your call: the same dose comes round again."
        return "Your call: next time the exercises of that session go one step easier."

    def with_override(self, action: str | None) -> "ProgressionDecision":
        """The person's choice (None clears it); choosing the app's own action clears it too."""
        if action is not None:
            _check_action(action, "override")
        return replace(self, overridden_to=None if action == self.action else action)

    def to_doc(self) -> dict:
        """What is stored: the person's override (the rest is worked out from the sessions)."""
        return {"id": self.id, "based_on": self.based_on, "overridden_to": self.overridden_to,
                "made_on": self.made_on.isoformat(timespec="seconds")}


@dataclass(frozen=True)
class Override:
    """The person's own call after one session, as stored; or their answer that ends a
    pause ("cleared" or "settled", ``answer``), stored in the same table with its time."""

    session_id: str
    action: str | None
    answer: str | None = None
    made_on: dt.datetime | None = None

    @classmethod
    def from_doc(cls, doc) -> "Override":
        """Reads v3 override documents and, leniently, older full decision documents."""
        if not isinstance(doc, dict):
            raise ValueError("a decision must be a JSON object")
        for key in ("id", "based_on"):
            if not isinstance(doc.get(key), str) or not doc.get(key):
                raise ValueError(f"{key} must be text")
        action = doc.get("overridden_to")
        if action is not None:
            _check_action(action, "override")
        if "action" in doc:   # an older, full decision document: check what it says
            _check_action(doc["action"], "action")
        answer = doc.get("answer")
        if answer is not None:
            if answer not in PAUSE_ANSWERS or action is not None:
                raise ValueError(f"answer must be one of {', '.join(PAUSE_ANSWERS)}, not {answer!r:.40}")
            try:
                made_on = dt.datetime.fromisoformat(doc.get("made_on"))
            except (TypeError, ValueError):
                raise ValueError("an answer needs the time it was given") from None
            if made_on.tzinfo is None:
                made_on = made_on.astimezone()
            return cls(doc["based_on"], None, answer, made_on)
        return cls(doc["based_on"], action)


def stored_decisions(docs) -> tuple[list[Override], list[str]]:
    """The stored overrides that can be read, and a line for each one that cannot."""
    found, problems = [], []
    for doc in docs:
        try:
            found.append(Override.from_doc(doc))
        except ValueError as exc:
            problems.append(f"a stored decision cannot be read ({exc})")
    return found, problems


def answer_doc(answer: str, when: dt.datetime) -> dict:
    """The stored form of the person's answer that ends a pause (clinical_state)."""
    if answer not in PAUSE_ANSWERS:
        raise ValueError(f"answer must be one of {', '.join(PAUSE_ANSWERS)}")
    stamp = when.isoformat(timespec="seconds")
    return {"id": f"answer-{stamp}", "based_on": ANSWER_KEY, "overridden_to": None,
            "made_on": stamp, "answer": answer}


def answers_from(decisions) -> list[tuple[dt.datetime, str]]:
    """(time, answer) for each stored answer that ends a pause, from overrides or documents."""
    found = []
    for item in decisions:
        if isinstance(item, dict):
            item = Override.from_doc(item)
        if isinstance(item, Override) and item.answer is not None:
            found.append((item.made_on, item.answer))
    return found


def overrides_from(decisions) -> dict[str, str]:
    """session id -> the person's action, from overrides, decisions or their documents."""
    result: dict[str, str] = {}
    for item in decisions:
        if isinstance(item, ProgressionDecision):
            session_id, action = item.based_on, item.overridden_to
        elif isinstance(item, Override):
            session_id, action = item.session_id, item.action
        else:
            parsed = Override.from_doc(item)
            session_id, action = parsed.session_id, parsed.action
        if session_id == ANSWER_KEY:
            continue
        if action is None:
            result.pop(session_id, None)
        else:
            result[session_id] = action
    return result


def decision_id(session_id: str) -> str:
    """One decision per session: re-deciding (after the next-morning answer) replaces it."""
    return f"after-{session_id}"
