"""Follow the review's people through the plan, week by week, and write docs/personas.md.

Each person is a plan set-up and what their sessions are like (pain before and after, the
next-morning answer, days they skip). The app's own code decides everything: Today's
session each day (itbgui.program.progression.next_session), logged as the player logs it.
The table gives, per session, the dose and rung of each exercise, the rest between sets,
and the decision Today showed before it: for a physiotherapist to read.

    python tools/personas.py [docs/personas.md]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from itbgui.program.plan_setup import PlanSetup  # noqa: E402
from itbgui.program.simulation import Outcome, Played, simulate  # noqa: E402

DAYS = 9 * 7 + 7   # eight weeks and into week 9-10
SHORT = {"clamshell": "Clam", "side_leg_lift": "Lift", "single_leg_deadlift": "Deadlift",
         "glute_bridge": "Bridge", "lateral_band_walk": "Walk", "glute_stretch": "Stretch"}
MONDAY = dt.date(2026, 11, 2)


def week_of(setup: PlanSetup, day: dt.date) -> int:
    start_monday = setup.start_date - dt.timedelta(days=setup.start_date.weekday())
    return (day - start_monday).days // 7 + 1


def easy(_setup, _day, _n, _records):
    return Outcome(1, 1, "same")


def climbing(_setup, _day, n, _records):
    pains = [3, 4, 5, 6, 7]
    return Outcome(1, pains[n] if n < len(pains) else 2, "same")


def two_weeks_off(setup, day, _n, _records):
    return None if week_of(setup, day) in (3, 4) else Outcome(1, 1, "same")


def worse_each_week(setup, day, n, records):
    week = week_of(setup, day)
    first_of_week = not records or week_of(setup, records[-1].started_at.date()) != week
    return Outcome(min(week - 1, 6), min(week, 7), "worse" if first_of_week else "same")


PEOPLE = (
    ("Beginner, no pain", PlanSetup("beginner", frozenset({1, 3, 5}), MONDAY, "left",
                                    ("yellow", "red"), ()), easy),
    ("Pain after sessions climbing 3, 4, 5, 6, 7, then 2",
     PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "right", ("yellow", "red"), (2.0, 4.0)),
     climbing),
    ("Two weeks with nothing logged (weeks 3 and 4)",
     PlanSetup("intermediate", frozenset(), MONDAY, "left", ("yellow", "red"), (2.0,)), two_weeks_off),
    ("Runs every day", PlanSetup("intermediate", frozenset(range(7)), MONDAY, "both",
                                 ("yellow", "red"), (2.0, 4.0)), easy),
    ("No equipment", PlanSetup("advanced", frozenset({1, 3, 5}), MONDAY, "left"), easy),
    ("Next-morning pain worse each week",
     PlanSetup("intermediate", frozenset({5, 6}), MONDAY, "left", ("yellow",), ()), worse_each_week),
    ("Starts on a Sunday", PlanSetup("intermediate", frozenset({1, 3, 5}), dt.date(2026, 11, 8), "left",
                                     ("yellow", "red"), ()), easy),
    ("Starts on 31 December", PlanSetup("beginner", frozenset({0, 4}), dt.date(2026, 12, 31), "right",
                                        ("red",), (3.0,), True, True), easy),
    ("Reps first (the article's 3 x 10 to 3 x 20), no pain",
     PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "left", ("yellow",), (), path="reps"), easy),
    ("Starts on 29 February", PlanSetup("intermediate", frozenset({5, 6}), dt.date(2028, 2, 29), "both",
                                        ("yellow", "red", "green"), (2.0, 4.0), True, True), easy),
)


def row(setup: PlanSetup, played: Played) -> str:
    offered, record = played.offered, played.record
    doses, rests = [], []
    for item in offered.prescription.items:
        if item.exercise.kind.value == "hold":
            continue
        doses.append(f"{SHORT[item.exercise_id]} {item.sets}x{item.reps} {item.resistance} "
                     f"({item.tempo.label()})")
        rests.append(f"{item.rest_seconds:g}")
    decision = offered.decision
    said = "first session" if decision is None else decision.effective_action.replace("_", " ")
    if decision is not None and decision.see_clinician:
        said += " + see a clinician"
    pain = f"{record.pain_before}/{record.pain_after}, {record.next_morning or 'no answer'}"
    return (f"| {offered.date:%a %d %b %Y} | {offered.week_label} | {offered.planned.template} | "
            f"{'; '.join(doses)} | {'/'.join(rests)} s | {said} | {pain} |")


def render() -> str:
    lines = ["# The review's people, followed through the plan",
             "",
             "Written by `tools/personas.py` from the app's own code (Today's session each day,",
             "logged as the player logs it, the next-morning answer the day after). Per session:",
             "the dose of each exercise (sets x reps per side, rung, tempo up-hold-down), the rest",
             "between sets (after both sides), the decision Today showed before it (from the",
             "session before, or the break rule), and the pain then logged (before/after, morning).",
             "Rules: [progression.md](progression.md).", ""]
    for name, setup, person in PEOPLE:
        played = simulate(setup, person, DAYS)
        kit = ", ".join(setup.bands) or "no bands"
        kit += "; dumbbells " + (", ".join(f"{kg:g} kg" for kg in setup.dumbbells_kg) or "none")
        runs = ", ".join(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[d]
                         for d in sorted(setup.running_days)) or "none"
        lines += [f"## {name}", "",
                  f"{setup.level}, starts {setup.start_date:%A %d %B %Y}, runs {runs}, {kit}"
                  f"{', ankle weight' if setup.ankle_weights else ''}"
                  f"{', bench' if setup.bench else ''}.", "",
                  "| date | week | session | dose and rung | rest | decision shown | pain logged |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        lines += [row(setup, p) for p in played]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "personas.md"
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
