"""What Today needs from the log, kept beside it so that a start need not replay it all.

Every decision follows from the whole log (dose_state.replay), and ten years of it take
longer to replay than a window takes to open. So the app keeps, beside the data file, the
replay's end state: each exercise's place on its ladder and its owed steps, the clinical
state, the answers not yet read, and the sessions of the last session's week (at least
the last three) with their doses and decisions; and the stored plan set-up. Today is
worked out from that and those sessions alone (:func:`today_session`), exactly as from
the whole log: Today reads nothing older.

The snapshot is only a shortcut. It is used when it was written from exactly the bytes now
in the data file (the store's fingerprint), by these rules (:data:`RULES`), for the same
plan set-up and timing, and Today's week is not before its last week (a clock put back);
a session to carry on today, or any question about an older session, and the log is
replayed as it always was. The property tests compare the two on random histories.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itbgui import __version__
from itbgui.program.clinical_state import ClinicalState, Rebuilding
from itbgui.program.decisions import ProgressionDecision
from itbgui.program.dose_state import Change, ExerciseState, History, LoggedSession, PartialHistory
from itbgui.program.plan import generate_plan
from itbgui.program.plan_setup import PlanSetup, monday_of, stored_setup
from itbgui.program.progression import TodaySession, next_session
from itbgui.program.rules_version import PROGRAM_SOURCES
from itbgui.program.sessions import session_day
from itbgui.program.timeline import Timing
from itbgui.store.migrations import SCHEMA_VERSION
from itbgui.store.records import SessionRecord

#: Raise when the snapshot's own shape changes.
FORMAT = 1
RULES = f"format {FORMAT}, program {PROGRAM_SOURCES}, schema {SCHEMA_VERSION}, itb-coach {__version__}"
#: Sessions kept besides those of the last week: History.is_settled reads the last three.
KEEP_AT_LEAST = 3


@dataclass(frozen=True)
class StartState:
    """A snapshot read back: what :func:`today_session` works Today out from."""

    setup_doc: dict | None          # the stored plan set-up, as stored
    setup: PlanSetup                # the set-up the replay used
    timing: Timing
    history: History                # kept_from set: only the last week's sessions
    sessions: tuple[SessionRecord, ...]   # every session logged from ``history.kept_from`` on
    last: SessionRecord | None      # the latest session logged (counted or not)


def timing_key(timing: Timing) -> list[float]:
    return [timing.get_ready_seconds, timing.switch_side_seconds, timing.change_over_seconds]


def snapshot(setup_doc: dict | None, setup: PlanSetup, timing: Timing, history: History,
             sessions: list[SessionRecord]) -> dict:
    """The document to keep: ``history`` is the full replay of ``sessions`` (oldest first)
    with ``setup`` (from ``setup_doc`` as stored) and ``timing``."""
    if history.kept_from is not None:
        raise ValueError("a snapshot is taken from a full replay")
    logged = history.sessions
    kept_from = monday_of(history.last_day) if logged else None
    first = next((k for k, s in enumerate(logged) if session_day(s.session) >= kept_from), len(logged))
    kept = logged[min(first, max(0, len(logged) - KEEP_AT_LEAST)):]
    tail = [s for s in sessions if kept_from is None or session_day(s) >= kept_from]
    records = {s.id: s for s in tail}
    records.update((s.session.id, s.session) for s in kept)
    last = sessions[-1] if sessions else None
    if last is not None:
        records[last.id] = last
    return {
        "rules": RULES,
        "setup_doc": setup_doc,
        "setup": setup.to_doc(),
        "timing": timing_key(timing),
        "kept_from": kept_from.isoformat() if kept_from else None,
        "records": [r.to_doc() for r in records.values()],
        "tail": [s.id for s in tail],
        "last": last.id if last is not None else None,
        "logged": [{"session": s.session.id, "phase": s.phase, "decision": _decision_doc(s.decision),
                    "doses": {e: [c.index, list(c.dose), c.why, c.waits] for e, c in s.doses.items()}}
                   for s in kept],
        "states": {e: [s.index, _day(s.changed_on), s.owed_down, s.owed_up] for e, s in history.states.items()},
        "clinical": _clinical_doc(history.clinical),
        "answers": [[when.isoformat(), answer] for when, answer in history.answers],
    }


def read(doc, today: dt.date, timing: Timing) -> StartState | None:
    """The snapshot as a :class:`StartState`, or None when it is not for these rules, this
    timing, the set-up as it stands today, or a week before ``today``'s. The caller has
    already matched its fingerprint against the data file's."""
    try:
        if doc.get("rules") != RULES or doc.get("timing") != timing_key(timing):
            return None
        setup = stored_setup(doc["setup_doc"], today)[0]
        if setup.to_doc() != doc["setup"]:
            return None   # no set-up stored: the starter plan moves with the calendar
        kept_from = _date(doc["kept_from"])
        if kept_from is not None and monday_of(today) < kept_from:
            return None
        records = {r.id: r for r in map(SessionRecord.from_doc, doc["records"])}
        history = History(generate_plan(setup, timing), kept_from=kept_from)
        history.sessions = [LoggedSession(
            records[s["session"]],
            {e: Change(c[0], tuple(c[1]), c[2], c[3]) for e, c in s["doses"].items()},
            _decision(s["decision"]), s["phase"]) for s in doc["logged"]]
        history.states = {e: ExerciseState(s[0], _date(s[1]), s[2], s[3]) for e, s in doc["states"].items()}
        history.clinical = _clinical(doc["clinical"])
        history.answers = tuple((dt.datetime.fromisoformat(w), a) for w, a in doc["answers"])
        last = records[doc["last"]] if doc["last"] is not None else None
        return StartState(doc["setup_doc"], setup, timing, history,
                          tuple(records[i] for i in doc["tail"]), last)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None   # not what snapshot() writes: the log is replayed


def today_session(state: StartState, today: dt.date) -> TodaySession | None:
    """Today's session as :func:`~itbgui.program.progression.next_session` gives it from
    the whole log, or None where the snapshot cannot say (the log is then replayed)."""
    if state.history.kept_from is not None and monday_of(today) < state.history.kept_from:
        return None
    try:
        return next_session(state.setup, list(state.sessions), (), today, state.timing, history=state.history)
    except PartialHistory:
        return None


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def _decision_doc(d: ProgressionDecision) -> dict:
    return {"id": d.id, "action": d.action, "reason": d.reason, "see_clinician": d.see_clinician,
            "made_on": d.made_on.isoformat(), "based_on": d.based_on, "overridden_to": d.overridden_to,
            "clinician_reason": d.clinician_reason, "scope": d.scope, "phase": d.phase,
            "clinician_reasons": list(d.clinician_reasons)}


def _decision(doc: dict) -> ProgressionDecision:
    return ProgressionDecision(**{**doc, "made_on": dt.datetime.fromisoformat(doc["made_on"]),
                                  "clinician_reasons": tuple(doc["clinician_reasons"])})


def _clinical_doc(c: ClinicalState) -> dict:
    return {"phase": c.phase, "since": _day(c.since), "reasons": list(c.reasons), "paused_from": c.paused_from,
            "resumed_on": c.resumed_on.isoformat() if c.resumed_on is not None else None,
            "answer": c.answer, "rebuilding": {e: [r.cap, r.level, r.easy] for e, r in c.rebuilding.items()}}


def _clinical(doc: dict) -> ClinicalState:
    resumed = doc["resumed_on"]
    return ClinicalState(doc["phase"], _date(doc["since"]), tuple(doc["reasons"]), doc["paused_from"],
                         dt.datetime.fromisoformat(resumed) if resumed is not None else None, doc["answer"],
                         {e: Rebuilding(*r) for e, r in doc["rebuilding"].items()})
