"""The graded return to running: its walk-run stages, as data.

A stage is a run/walk interval repeated; the first is walk 2 / run 3 minutes, the last
continuous running on any ground (flat ground first, hills last). The rules for moving
between stages read the run log and live with this table (docs/progression.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itbgui.program.clinical_state import RED_FLAGS

#: "flat": flat ground only (a treadmill at 0-1 % counts); "any": hills allowed.
TERRAINS = ("flat", "any")


@dataclass(frozen=True)
class RunPrescription:
    """One run day's dose: ``repeats`` times (run ``run_s``, then walk ``walk_s``).

    The walk after the last run is the cool-down. A continuous run has ``walk_s == 0``
    and ``repeats == 1``.
    """

    stage: int
    run_s: int
    walk_s: int
    repeats: int
    terrain: str

    @property
    def running_s(self) -> int:
        return self.run_s * self.repeats

    @property
    def total_s(self) -> int:
        return (self.run_s + self.walk_s) * self.repeats

    @property
    def continuous(self) -> bool:
        return self.walk_s == 0

    def to_json(self) -> dict:
        """The shape of ``week --json``'s ``run`` field."""
        return {"stage": self.stage, "walk_s": self.walk_s, "run_s": self.run_s,
                "repeats": self.repeats, "terrain": self.terrain}


def _stage(stage: int, run_min: float, walk_min: float, repeats: int, terrain: str = "flat"):
    return RunPrescription(stage, int(run_min * 60), int(walk_min * 60), repeats, terrain)


#: Stage number -> its dose, easiest first. About 30 minutes each; the running share grows.
STAGES: tuple[RunPrescription, ...] = (
    _stage(1, 3, 2, 6),     # 18 min running
    _stage(2, 4, 2, 5),     # 20
    _stage(3, 5, 2, 5),     # 25
    _stage(4, 8, 2, 4),     # 32
    _stage(5, 10, 1, 3),    # 30, walk breaks shorter
    _stage(6, 15, 1, 2),    # 30
    _stage(7, 30, 0, 1),    # continuous, flat
    _stage(8, 30, 0, 1, "any"),  # continuous, hills allowed
)
FIRST_STAGE, LAST_STAGE = STAGES[0].stage, STAGES[-1].stage


def stage(number: int) -> RunPrescription:
    """The prescription of a stage, clamped to the table."""
    return STAGES[min(max(number, FIRST_STAGE), LAST_STAGE) - 1]


# ------------------------------------------------------------------ readiness

#: Brisk walking this long without pain before the first run stage (PROGRAM.md).
READY_WALK_MINUTES = 30
READY_PAIN = 0


def readiness_passed(check) -> bool:
    """Brisk walking for 30 minutes or more with no pain at all."""
    return check.walked_minutes >= READY_WALK_MINUTES and check.pain <= READY_PAIN


def passed_readiness(checks):
    """The first check that passed (runs count towards stages from its time on), or None."""
    return next((c for c in sorted(checks, key=lambda c: c.answered_at) if readiness_passed(c)), None)


# ------------------------------------------------------------------ the stage rule

#: Pain during a run up to this lets the stage go up (PROGRAM.md: "exceeds 3/10" stops it).
RUN_EASY_PAIN = 3
#: Pain during a run this high steps the stage back at once.
RUN_STEP_BACK_PAIN = 6
#: Pain this high on a run (during or after) pauses strength work and runs, as an 8/10
#: session does (clinical_state.PAUSE_PAIN, R6): severe pain needs a clinician, not a dose.
RUN_PAUSE_PAIN = 8
#: Bad runs in a row (pain during above 3, or a worse morning) that step the stage back.
BAD_RUNS_STEP_BACK = 2
#: A strength step back holds the run stage this many days (the strength plan's own week).
FLARE_HOLD_DAYS = 7
UP, HOLD, STEP_BACK = "up", "hold", "step_back"


def run_day(run) -> dt.date:
    """The day the runner saw on their clock when the run started (the stored offset)."""
    return run.started_at.date()


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def is_bad_run(run) -> bool:
    """Pain during above 3, or a worse next morning: a warning for the knee."""
    return (run.pain_during is not None and run.pain_during > RUN_EASY_PAIN) or run.next_morning == "worse"


def run_warning(runs) -> str | None:
    """Why the runs before the next strength decision hold it (the first bad run, named by
    its day), or None when none of them hurt or left the knee worse."""
    for run in sorted(runs, key=lambda r: r.started_at):
        if not is_bad_run(run):
            continue
        day = _when(run_day(run))
        if run.pain_during is not None and run.pain_during > RUN_EASY_PAIN:
            return (f"Your run on {day} hurt {run.pain_during}/10, above the 3 that is fine: "
                    "the strength dose holds this time.")
        return (f"The morning after your run on {day} the knee felt worse: the strength dose "
                "holds this time.")
    return None


def run_pause_reasons(runs) -> list[str]:
    """A reason to see a clinician for each run (before the next strength decision) whose
    pain reached RUN_PAUSE_PAIN, or after which a warning sign was answered yes, named by
    its day."""
    reasons = []
    for run in sorted(runs, key=lambda r: r.started_at):
        top = max((p for p in (run.pain_during, run.pain_after) if p is not None), default=None)
        if top is not None and top >= RUN_PAUSE_PAIN:
            reasons.append(f"Pain reached {top}/10 on your run on {_when(run_day(run))}.")
        said_yes = [RED_FLAGS[k][1] for k, yes in run.red_flags if yes and k in RED_FLAGS]
        if said_yes:
            reasons.append(f"After your run on {_when(run_day(run))} you said yes to a warning sign: "
                           f"{'; '.join(said_yes)}. See a clinician promptly (the same day if you can).")
    return reasons


@dataclass(frozen=True)
class StrengthSignal:
    """What the hip plan says on a day: a step back, or a pause of strength work."""

    day: dt.date
    step_back: bool = False
    paused: bool = False


@dataclass(frozen=True)
class RunStep:
    """One run as the stage rule read it: the stage it was at, the stage after, and why."""

    run: object
    stage_before: int
    stage_after: int
    action: str            # UP, HOLD or STEP_BACK
    reason: str


@dataclass(frozen=True)
class RunStage:
    """Where the return to running stands: the stage now and the walk over the run log."""

    stage: int | None               # None before the readiness check is passed
    reason: str
    steps: tuple[RunStep, ...] = ()
    paused: bool = False            # strength work paused: no runs until it resumes

    @property
    def readiness_needed(self) -> bool:
        return self.stage is None and not self.paused

    @property
    def prescription(self) -> RunPrescription | None:
        """The dose of a run day: none before readiness or while paused."""
        if self.stage is None or self.paused:
            return None
        return stage(self.stage)

    def stage_on(self, day: dt.date) -> int | None:
        """The stage a run on ``day`` was given (the stage after the runs before it)."""
        if self.stage is None:
            return None
        current = FIRST_STAGE
        for s in self.steps:
            if run_day(s.run) >= day:
                break
            current = s.stage_after
        return current


def _when(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _flare_before(signals, day: dt.date) -> StrengthSignal | None:
    """A pause of strength work in force on ``day``, or a strength step back in the 7 days up to it."""
    before = [s for s in signals if s.day <= day]
    if before and before[-1].paused:
        return before[-1]
    backs = [s for s in before if s.step_back and (day - s.day).days < FLARE_HOLD_DAYS]
    return backs[-1] if backs else None


def _judge(run, at: int, last_up: dt.date | None, bad_streak: int,
           flare: StrengthSignal | None) -> tuple[int, str, str]:
    """(stage after, action, reason) for one answered run done at stage ``at``."""
    day = _when(run_day(run))
    if run.pain_during >= RUN_STEP_BACK_PAIN:
        new = max(FIRST_STAGE, at - 1)
        return new, STEP_BACK, (f"Your run on {day} hurt {run.pain_during}/10: back to stage {new}.")
    if is_bad_run(run) and bad_streak + 1 >= BAD_RUNS_STEP_BACK:
        new = max(FIRST_STAGE, at - 1)
        return new, STEP_BACK, f"Two runs in a row hurt or left the knee worse: back to stage {new}."
    if run.pain_during > RUN_EASY_PAIN:
        return at, HOLD, (f"Your run on {day} hurt {run.pain_during}/10, above the 3 that lets "
                          f"the stage go up: stage {at} again.")
    if run.next_morning == "worse":
        return at, HOLD, f"The morning after your run on {day} the knee felt worse: stage {at} again."
    if run.pain_after is not None and run.pain_after > RUN_EASY_PAIN:
        return at, HOLD, f"Pain after your run on {day} was {run.pain_after}/10: stage {at} again."
    if run.pain_after is None:
        return at, HOLD, f"Stage {at} again until you have said how much your run on {day} hurt after it."
    if run.next_morning is None:
        return at, HOLD, (f"Stage {at} again until you have said how the knee felt the morning "
                          f"after your run on {day}.")
    if run.stage is not None and run.stage < at:
        return at, HOLD, f"Your run on {day} was an easier stage than yours: stage {at} again."
    if flare is not None:
        what = "paused" if flare.paused else "stepped back"
        return at, HOLD, (f"The hip plan {what} on {_when(flare.day)}, so the run stage holds "
                          f"at {at}.")
    if at >= LAST_STAGE:
        return at, HOLD, "You are at the last stage: continuous running, hills allowed."
    if last_up is not None and monday(last_up) == monday(run_day(run)):
        return at, HOLD, (f"An easy run on {day}, but the stage went up this week already: "
                          f"stage {at} again, never more than one stage a week.")
    return at + 1, UP, (f"An easy run on {day}: pain 3/10 or less and the knee no worse the "
                        f"next morning. On to stage {at + 1}.")


def stage_walk(runs, checks, signals=(), *, paused_now: bool = False) -> RunStage:
    """The run stage from the log: readiness first, then each run from that time on.

    ``runs``: the run log (any order); ``checks``: the walking readiness answers;
    ``signals``: the hip plan's step backs and pauses, oldest first; ``paused_now``:
    strength work is paused today (runs stop). Runs without pain answers move nothing."""
    ready = passed_readiness(checks)
    if ready is None:
        if paused_now:
            return RunStage(None, "Strength work is paused, so runs wait too.", paused=True)
        return RunStage(None, "First a walking check: can you walk briskly for 30 minutes "
                              "with no pain at all?")
    signals = sorted(signals, key=lambda s: s.day)
    at, last_up, bad_streak, steps = FIRST_STAGE, None, 0, []
    reason = (f"Walking check passed on {_when(ready.answered_at.date())}: start at stage "
              f"{FIRST_STAGE}, on flat ground.")
    for run in sorted(runs, key=lambda r: r.started_at):
        if run.started_at < ready.answered_at or run.pain_during is None:
            continue
        new, action, why = _judge(run, at, last_up, bad_streak, _flare_before(signals, run_day(run)))
        bad_streak = 0 if action == STEP_BACK or not is_bad_run(run) else bad_streak + 1
        if action == UP:
            last_up = run_day(run)
        steps.append(RunStep(run, at, new, action, why))
        at, reason = new, why
    if paused_now:
        return RunStage(at, "Strength work is paused until you have seen a clinician or the pain "
                            "has settled: no runs until then.", tuple(steps), paused=True)
    return RunStage(at, reason, tuple(steps))


# ------------------------------------------------------------------ words and JSON


def prescription_words(rx: RunPrescription) -> str:
    """"Run 3 min, walk 2 min, 6 times - flat ground", as Today and the sheet word it."""
    ground = "flat ground" if rx.terrain == "flat" else "hills allowed"
    if rx.continuous:
        return f"Run {rx.run_s // 60} min without a break - {ground}"
    return f"Run {_minutes(rx.run_s)} min, walk {_minutes(rx.walk_s)} min, {rx.repeats} times - {ground}"


def _minutes(seconds: int) -> str:
    return f"{seconds / 60:g}"

