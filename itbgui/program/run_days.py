"""The return to running inside the plan: the run stage read with the hip plan's replay,
and each running day's prescription for Today, the printed week and ``week --json``.

Runs go on the plan's running days; the hip sessions keep the others (plan.py picks them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itbgui.program.clinical_state import PAUSED
from itbgui.program.decisions import STEP_BACK, answers_from
from itbgui.program.dose_state import History
from itbgui.program.return_to_run import (RunPrescription, RunStage, StrengthSignal, passed_readiness,
                                          prescription_words, run_day, stage, stage_walk)
from itbgui.program.sessions import session_day


def strength_signals(history: History, decisions=()) -> list[StrengthSignal]:
    """The hip plan's step backs and pauses, day by day, and the answers that ended a pause."""
    signals = [StrengthSignal(session_day(s.session), s.decision.effective_action == STEP_BACK,
                              s.decision.phase == PAUSED) for s in history.sessions]
    signals += [StrengthSignal(when.date()) for when, _ in answers_from(decisions)]
    return sorted(signals, key=lambda s: s.day)


def run_stage(history: History, runs, checks, decisions, today: dt.date) -> RunStage:
    """Where the return to running stands today, the hip plan's flares and pauses read in."""
    return stage_walk(runs, checks, strength_signals(history, decisions),
                      paused_now=history.phase_on(today) == PAUSED)


@dataclass(frozen=True)
class RunDay:
    """A running day of the week: its prescription (None before the walking check is passed,
    or while strength work is paused), the words after "Run day · ", and the runs logged that day."""

    date: dt.date
    prescription: RunPrescription | None
    words: str
    runs_done: tuple = ()


def run_done_words(run) -> str:
    """A logged run in a few words: "5 km, 32 min, pain during 2/10"."""
    parts = [f"{run.distance_km:g} km" if run.distance_km is not None else None,
             f"{round(run.duration_s / 60)} min" if run.duration_s is not None else None,
             f"pain during {run.pain_during}/10" if run.pain_during is not None else "pain not answered yet"]
    return ", ".join(p for p in parts if p)


def run_day_for(walk: RunStage, checks, runs, day: dt.date, today: dt.date) -> RunDay:
    """The prescription of a running day: the stage then for a day past, the stage now for
    today and the days ahead."""
    done = tuple(r for r in runs if run_day(r) == day)
    ready = passed_readiness(checks)
    if day < today:
        if ready is None or ready.answered_at.date() > day:
            return RunDay(day, None, "before the walking check", done)
        rx = stage(walk.stage_on(day))
        return RunDay(day, rx, f"stage {rx.stage} · {prescription_words(rx)}", done)
    if walk.paused:
        return RunDay(day, None, "no runs while strength work is paused", done)
    if walk.prescription is None:
        return RunDay(day, None, "first the walking check: 30 minutes brisk, no pain", done)
    rx = walk.prescription
    return RunDay(day, rx, f"stage {rx.stage} · {prescription_words(rx)}", done)


def unanswered_runs(runs) -> tuple:
    """Runs still waiting for their pain answers (an imported run asks for them on Today)."""
    return tuple(r for r in runs if not r.answered)
