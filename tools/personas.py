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


def maintenance_flare(setup, day, _n, records):
    """Easy until the second maintenance session, which flares to 6/10 after; easy again."""
    maintenance = [r for r in records if r.title.startswith("Maintenance")]
    if len(maintenance) == 1 and week_of(setup, day) > week_of(setup, maintenance[0].started_at.date()):
        return Outcome(1, 6, "same")
    return Outcome(1, 1, "same")


def stuck_at_three(_setup, _day, _n, _records):
    return Outcome(3, 3, "same")


def five_after_every_session(_setup, _day, _n, _records):
    return Outcome(2, 5, "same")


#: (name, set-up, person, days followed, what a physiotherapist reads in it)
CLINICAL = (
    ("A flare in maintenance (pain 6/10 after the second maintenance session)",
     PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "left", ("yellow", "red"), (2.0,)),
     maintenance_flare, 20 * 7,
     "Builds to the top rungs by week 10 (three sessions a week of 3 x 12), settles, and goes "
     "to maintenance (once a week, 2 x 10 at the rungs reached) only then, not by the "
     "calendar. The second maintenance session flares to 6/10: the rest of that week is the "
     "stretch only, and the next weeks are a rebuild: the build's three sessions, each "
     "exercise at its maintenance rung with 2 sets of 3-7 reps, so no exercise does more in a "
     "week than the 2 x 10 of the week before the flare. After two easy exposures of every "
     "exercise and three settled sessions, maintenance resumes at the same rungs. A "
     "physiotherapist would sign this off: the load after the flare is below what flared, "
     "the frequency keeps the tissue moving, and nothing climbs until it is settled."),
    ("Pain stuck at 3/10 (before and after every session)",
     PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "left", ("yellow", "red"), (2.0,)),
     stuck_at_three, 8 * 7,
     "3/10 is 'easy' by the rule, so the doses climb as planned through week 5. At the first "
     "session of week 6 the pain is no lower than at the start: strength work pauses, only "
     "the stretch is offered, the warning signs are named and the person is asked to see a "
     "clinician. It stays paused until they record that they were cleared or that the pain "
     "settled. That is the review a physiotherapist would want at week 6."),
    ("Pain 5/10 after every session",
     PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "left", ("yellow", "red"), (2.0,)),
     five_after_every_session, 4 * 7,
     "5/10 settles by the morning, so each session holds at the week-1 dose; after the third "
     "session at 5/10 (3 of the last 4) strength work pauses and a clinician is advised, "
     "instead of 'that is fine' at the week-1 dose for twelve weeks."),
)

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
    if not doses:
        doses, rests = ["stretch only"], ["-"]
    decision = offered.decision
    said = "first session" if decision is None else decision.effective_action.replace("_", " ")
    if decision is not None and decision.phase != "build":
        said += f" ({decision.phase})"
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
    people = [(name, setup, person, DAYS, "") for name, setup, person in PEOPLE] + list(CLINICAL)
    for name, setup, person, days, reading in people:
        played = simulate(setup, person, days)
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
        if reading:
            lines += ["Read week by week: " + reading, ""]
    return "\n".join(lines)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "personas.md"
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
