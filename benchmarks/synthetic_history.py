"""A believable training history, written through the app's own store.

Three sessions a week (a few skipped, now and then a whole week missed), the app's
8-week plan and then double progression (reps 10 -> 12 -> 15, then one rung up and
back to 10), pain that
falls over the first weeks and then wanders with the odd flare-up, the sore (right)
side a few reps behind at first, sometimes an exercise skipped. Ten years make about
1,500 sessions and 45,000 sets, for the History and storage benchmarks.

    python benchmarks/synthetic_history.py DATA_DIR [--years 10] [--weeks N] [--seed 1]

As a module: ``generate(data_dir, years=10, seed=1)`` returns the number of sessions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from itbgui.program.exercises import CATALOGUE, Kind  # noqa: E402
from itbgui.program.plan import PLAN_WEEKS as PROGRAM_WEEKS, week_dose  # noqa: E402
from itbgui.store.records import SessionRecord, SetRecord  # noqa: E402

ZONE = dt.timezone(dt.timedelta(hours=1))
#: Monday, Wednesday, Friday evenings.
TRAINING_DAYS = (0, 2, 4)
REPS_LADDER = (10, 12, 15)
SORE_SIDE = "right"
NOTES = ("knee a bit stiff", "felt strong today", "short on time", "tight after a long run",
         "band snapped, used the spare", "easy", "outer knee quiet all day", "tired legs")


def _pain_baseline(week: int, rng: random.Random, flare: float) -> float:
    """Starts near 5, falls over about ten weeks, then hovers near 1 plus flare-ups."""
    return 1.0 + 4.0 * math.exp(-week / 4.5) + flare + rng.gauss(0, 0.6)


def history(weeks: int, seed: int = 1, end: dt.date = dt.date(2026, 11, 23)) -> list[SessionRecord]:
    """Sessions for ``weeks`` weeks ending in the week of ``end``, oldest first."""
    rng = random.Random(seed)
    first_monday = end - dt.timedelta(days=end.weekday()) - dt.timedelta(weeks=weeks - 1)
    exercises = [ex for ex in CATALOGUE]
    # Per exercise: reps per set and the rung on its ladder.
    reps = {ex.id: REPS_LADDER[0] for ex in exercises}
    rung = {ex.id: 0 for ex in exercises}
    flare_left = 0
    records: list[SessionRecord] = []
    for week in range(weeks):
        monday = first_monday + dt.timedelta(weeks=week)
        if week > 8 and rng.random() < 0.02:
            continue  # a missed week: holiday, a cold
        if flare_left == 0 and week > 12 and rng.random() < 0.02:
            flare_left = rng.randint(2, 4)
        flare = 2.5 if flare_left else 0.0
        flare_left = max(0, flare_left - 1)
        if week < PROGRAM_WEEKS:  # the app's own 8-week plan, as printed
            dose = week_dose(week + 1, "intermediate")
            for ex in exercises:
                if ex.kind is Kind.REPS:
                    reps[ex.id] = dose.reps
                    rung[ex.id] = min(dose.rung_steps, len(ex.steps) - 1)
        elif week >= PROGRAM_WEEKS + 2 and week % 2 == 0 and not flare:
            # two weeks at the final dose, then double progression, never during a flare
            for ex in exercises:
                if ex.kind is not Kind.REPS:
                    continue
                higher = [r for r in REPS_LADDER if r > reps[ex.id]]
                if higher:
                    reps[ex.id] = higher[0]
                elif rung[ex.id] < len(ex.steps) - 1 and rng.random() < 0.6:
                    rung[ex.id] += 1
                    reps[ex.id] = REPS_LADDER[0]
        # The sore side catches up over the first half year.
        sore_gap = max(0.0, 3.0 * (1 - week / 26))
        for weekday in TRAINING_DAYS:
            if rng.random() < 0.03:
                continue  # this session skipped
            day = monday + dt.timedelta(days=weekday)
            if day > end:
                break
            start = dt.datetime.combine(day, dt.time(17, 30), ZONE) + dt.timedelta(
                minutes=rng.randint(0, 150))
            before = round(min(10, max(0, _pain_baseline(week, rng, flare))))
            after = int(min(10, max(0, before + rng.choice((-1, -1, 0, 0, 0, 1)))))
            skip = rng.choice([ex.id for ex in exercises if ex.kind is Kind.REPS]) \
                if rng.random() < 0.05 else None
            sets: list[SetRecord] = []
            for ex in exercises:
                if ex.id == skip:
                    continue
                step = ex.default_step if ex.kind is Kind.HOLD else rung[ex.id]
                name = ex.steps[step].name
                if ex.kind is Kind.HOLD:
                    for side in ("left", "right"):
                        sets.append(SetRecord(ex.id, side, 1, 0, 0, name, 30.0, step))
                    continue
                target = reps[ex.id]
                sides = ("left", "right") if ex.is_per_side(step) else (None,)
                for n in range(1, 4):
                    for side in sides:
                        short = rng.random() < 0.08 * n  # later sets fall short more often
                        done = target - (rng.randint(1, 2) if short else 0)
                        if side == SORE_SIDE:
                            done -= round(sore_gap * rng.random())
                        sets.append(SetRecord(ex.id, side, n, target, max(0, done), name,
                                              0.0, step))
            completed = rng.random() > 0.02
            if not completed:
                sets = sets[: rng.randint(4, len(sets) - 4)]
            minutes = 18 + rng.random() * 6 if completed else 8 + rng.random() * 6
            records.append(SessionRecord(
                id=f"{rng.getrandbits(128):032x}", started_at=start,
                ended_at=start + dt.timedelta(minutes=minutes), completed=completed,
                title=f"Week {min(week + 1, 8)}" if week < 8 else "Maintenance",
                week=min(week + 1, 520), pain_before=before, pain_after=after,
                note=rng.choice(NOTES) if rng.random() < 0.15 else "", sets=tuple(sets),
                next_morning=rng.choice(("better", "same", "same", "worse")) if rng.random() < 0.5 else None))
    return records


def generate(data_dir: Path, years: float = 10, seed: int = 1, weeks: int | None = None,
             end: dt.date = dt.date(2026, 11, 23)) -> int:
    """Write a synthetic history into ``data_dir`` through the store; returns the count."""
    from itbgui.store.repository import SessionRepository

    records = history(weeks if weeks is not None else round(years * 52.18), seed, end)
    repo = SessionRepository(Path(data_dir))
    try:
        repo.save_sessions(records)
    finally:
        repo.close()
    return len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--weeks", type=int, help="instead of --years")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=dt.date.fromisoformat, default=dt.date(2026, 11, 23),
                        help="last day of the history (default 2026-11-23)")
    args = parser.parse_args()
    count = generate(args.data_dir, args.years, args.seed, args.weeks, args.end)
    print(f"{count} sessions written to {args.data_dir}")


if __name__ == "__main__":
    main()
