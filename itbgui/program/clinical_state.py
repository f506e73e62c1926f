"""Where the person stands: build, maintenance, rebuild or paused (docs/progression.md, R17).

The rule (:mod:`.rule`) decides one session at a time; this is the picture a
physiotherapist keeps between sessions. It is a pure function of the log: the replay
(:mod:`.dose_state`) walks the sessions oldest first and hands each event to
:meth:`ClinicalState.after_session`, each new calendar week to :meth:`ClinicalState.new_week`
and each of the person's recorded answers to :meth:`ClinicalState.answered`.

Transitions (the table in docs/progression.md):

    build        -> maintenance  at a new week, once every exercise is at its final dose and settled
    maintenance  -> rebuild      a flare in a maintenance session (a step back)
    rebuild      -> maintenance  at a new week, once every exercise had two easy exposures and settled
    any          -> paused       persistent or severe pain (:func:`pause_reasons`)
    paused       -> build/rebuild  only on the person's answer ("cleared" or "settled"), one step below
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from itbgui.program.decisions import ACCEPTABLE_PAIN, STEP_BACK

if TYPE_CHECKING:
    from itbgui.store.records import SessionRecord

BUILD, MAINTENANCE, REBUILD, PAUSED = "build", "maintenance", "rebuild", "paused"
PHASES = (BUILD, MAINTENANCE, REBUILD, PAUSED)
#: The person's answers that end a pause.
ANSWERS = {"cleared": "You said a clinician has seen you and cleared you to go on.",
           "settled": "You said the pain has settled."}
#: Pain this high in one session is a clinician's matter, whatever came before.
PAUSE_PAIN = 8
#: Pain after of this or more in 3 of the last 4 sessions: persistent, not a flare.
PERSISTENT_PAIN = ACCEPTABLE_PAIN
#: "The morning worse twice" counts within this many sessions (about a month).
MORNING_WINDOW = 12
#: Reps per set in a rebuild at the flare's rung: two steps down, one down, the flare dose.
REBUILD_REPS = {-2: 5, -1: 7, 0: 10}
REBUILD_SETS = 2
#: The fewest reps a set of a rebuild gives (the ladder's floor, 2 x 5; R8): a smaller dose
#: is no exercise, so the weekly ceiling drops a session's exposure instead.
REBUILD_FLOOR_REPS = min(REBUILD_REPS.values())
#: Easy exposures of an exercise, after the flare, before its weekly volume may grow again.
EASY_EXPOSURES = 2
#: Pain this high (during or after a session) asks the warning-sign questions (NHS MSK red flags).
RED_FLAG_PAIN = 7
#: The warning signs, asked yes/no when pain is high: key (store.records.RED_FLAG_KEYS) ->
#: (the question, what a yes is called in the pause's reasons).
RED_FLAGS = {
    "hot_swollen": ("Is the knee hot, red or swollen, or do you have a fever?",
                    "a hot, red or swollen knee, or a fever"),
    "weight_bearing": ("Can you not put weight on the leg, or not move the knee?",
                       "not being able to bear weight or move the knee"),
    "locking": ("Does the knee lock or catch so that it will not move?", "the knee locking"),
    "constant_night": ("Is the pain constant, or does it wake you at night?",
                       "constant pain or pain that wakes you at night"),
    "numbness": ("Is there numbness or tingling in the leg or foot?", "numbness or tingling"),
}
WARNING_SIGNS = ("a hot, red or swollen knee, or a fever; not being able to bear weight or "
                 "move the knee; the knee locking; constant pain or pain that wakes you at "
                 "night; numbness")


def pause_reasons(window: list[SessionRecord], peak) -> list[str]:
    """The persistent or severe pain patterns that pause strength work, as plain sentences
    (the rule's own clinician reasons pause it too, rule.clinician_reasons).

    ``window``: the sessions since the last pause ended (oldest first); ``peak``: a
    session's worst pain."""
    reasons = []
    last = window[-1]
    said_yes = [RED_FLAGS[k][1] for k, yes in getattr(last, "red_flags", ()) if yes and k in RED_FLAGS]
    if said_yes:
        reasons.append(f"You said yes to a warning sign: {'; '.join(said_yes)}. See a clinician "
                       "promptly (the same day if you can).")
    top = peak(last)
    if top is not None and top >= PAUSE_PAIN:
        reasons.append(f"Pain reached {top}/10 in one session.")
    recent = window[-4:]
    high_after = sum(1 for s in recent if s.pain_after is not None and s.pain_after >= PERSISTENT_PAIN)
    if high_after >= 3:
        reasons.append(f"Pain after the session was {PERSISTENT_PAIN}/10 or more in {high_after} "
                       f"of your last {len(recent)} sessions.")
    worse = sum(1 for s in window[-MORNING_WINDOW:] if s.next_morning == "worse")
    if worse >= 2:
        reasons.append(f"Your side felt worse the next morning after {worse} sessions.")
    return reasons


def exercise_volume(record: SessionRecord, exercise_id: str) -> int:
    """Sets x reps per side the session asked of an exercise (its targets, the busier side)."""
    by_side: dict[str | None, int] = {}
    for s in record.sets:
        if s.exercise_id == exercise_id:
            by_side[s.side] = by_side.get(s.side, 0) + s.target_reps
    return max(by_side.values(), default=0)


@dataclass
class Rebuilding:
    """One exercise after a flare in maintenance."""

    cap: int                 # its weekly volume in the week before the flare
    level: int = -1          # key of REBUILD_REPS
    easy: int = 0            # easy exposures since the flare or its last step back

    @property
    def rebuilt(self) -> bool:
        return self.easy >= EASY_EXPOSURES


@dataclass
class ClinicalState:
    phase: str = BUILD
    since: dt.date | None = None
    #: why strength work is paused (empty unless paused)
    reasons: tuple[str, ...] = ()
    #: the phase a pause returns to, and when the pause ended (None: never paused)
    paused_from: str = BUILD
    resumed_on: dt.datetime | None = None
    answer: str | None = None
    rebuilding: dict[str, Rebuilding] = field(default_factory=dict)

    def copy(self) -> "ClinicalState":
        return ClinicalState(self.phase, self.since, self.reasons, self.paused_from, self.resumed_on,
                             self.answer, {k: Rebuilding(v.cap, v.level, v.easy)
                                           for k, v in self.rebuilding.items()})

    def new_week(self, monday: dt.date, past_plan: bool, at_final_dose: bool, settled: bool) -> None:
        """The week boundary: build and rebuild end here, never mid-week."""
        if self.phase == BUILD and past_plan and at_final_dose and settled:
            self._enter(MAINTENANCE, monday)
        elif self.phase == REBUILD and settled and all(r.rebuilt for r in self.rebuilding.values()):
            self.rebuilding = {}
            self._enter(MAINTENANCE, monday)

    def after_session(self, record: SessionRecord, day: dt.date, action: str, scope_all: bool,
                      done: set[str], easy: bool, caps, pause: list[str]) -> None:
        """One session's decision (``action``, effective) moves the state on. ``caps()``:
        each exercise's volume in the week before this session (asked only when needed)."""
        if pause or self.phase == PAUSED:
            if self.phase != PAUSED:
                self.paused_from = REBUILD if self.phase in (MAINTENANCE, REBUILD) else BUILD
                self._enter(PAUSED, day)
            self.reasons = tuple(dict.fromkeys(self.reasons + tuple(pause)))
            if self.paused_from == REBUILD and not self.rebuilding:
                self.rebuilding = {k: Rebuilding(v) for k, v in caps().items()}
            return
        if self.phase == MAINTENANCE and action == STEP_BACK:
            self.rebuilding = {k: Rebuilding(v) for k, v in caps().items()}
            self._enter(REBUILD, day)
            return
        if self.phase == REBUILD:
            for exercise_id, r in self.rebuilding.items():
                if action == STEP_BACK and (scope_all or exercise_id in done):
                    r.level, r.easy = max(min(REBUILD_REPS), r.level - 1), 0
                elif easy and exercise_id in done:
                    r.easy += 1
                    if r.rebuilt:
                        r.level = max(REBUILD_REPS)

    def answered(self, answer: str, when: dt.datetime, day: dt.date) -> bool:
        """The person's answer; True when it ends a pause (the doses then go one step below)."""
        if self.phase != PAUSED or answer not in ANSWERS:
            return False
        self.reasons, self.answer, self.resumed_on = (), answer, when
        for r in self.rebuilding.values():
            r.level, r.easy = -1, 0
        self._enter(self.paused_from, day)
        return True

    def _enter(self, phase: str, day: dt.date) -> None:
        self.phase, self.since = phase, day


def rebuild_dose(r: Rebuilding, rung_reps: int, exposures: int) -> tuple[int, int]:
    """(sets, reps) for one exposure in a rebuild: the flare's rung at 2 sets of fewer reps,
    and never more in a week (``exposures`` of it planned) than the week before the flare."""
    reps = min(REBUILD_REPS[r.level], rung_reps)
    budget = max(1, r.cap // max(1, exposures))
    if REBUILD_SETS * reps <= budget:
        return REBUILD_SETS, reps
    # Never below the ladder's floor (2 x 5): when the week's ceiling cannot share out that
    # much to every session, the exercise comes round fewer times (rebuild_prescription).
    return REBUILD_SETS, min(reps, max(REBUILD_FLOOR_REPS, budget // REBUILD_SETS))


def phase_words(phase: str) -> str:
    """The short line Today and the printed week show."""
    return {BUILD: "Building up", MAINTENANCE: "Maintenance: once a week at the dose you reached",
            REBUILD: "Rebuilding after a flare: more often, less at a time",
            PAUSED: "Strength work paused: stretch only until you have seen a clinician"}[phase]
