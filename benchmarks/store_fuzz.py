"""The long fuzz run: many mutated data files, special files and odd paths.

The same checks as tests/test_store_fuzz.py (the quick one in the suite), with more files,
a bigger base history and any seed: every open ends with the data or the store's own
error, within a time limit (a hang is a failure), the bytes given survive in the folder,
no temporary file is left, and a repaired file opens clean and equal the next time.
Then special files (FIFO, device, folder, dangling, looping and folder links) and odd
paths (a NUL byte, a file as the folder, a very long name).

    python benchmarks/store_fuzz.py [--cases 20000] [--sessions 60] [--seed 1] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_mutations import MUTATIONS, OUTCOMES, WEIGHTS, check_case, special_files  # noqa: E402
from itbgui.store.records import SessionRecord, SetRecord  # noqa: E402
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError  # noqa: E402

TIME_LIMIT_S = 10  # an open that takes longer is a hang


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang()


def base_file(folder: Path, sessions: int, rng: random.Random) -> bytes:
    start = dt.datetime(2024, 1, 1, 18, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    records = []
    for n in range(sessions):
        when = start + dt.timedelta(days=2 * n)
        sets = tuple(SetRecord(rng.choice(["clamshell", "glute_bridge", "side_leg_lift"]),
                               rng.choice(["left", "right", None]), k + 1, 12, rng.randint(0, 15),
                               "Red band above the knees", step_index=rng.randint(0, 5))
                     for k in range(rng.randint(0, 8)))
        records.append(SessionRecord(f"{n:032x}", when, when + dt.timedelta(minutes=19), True,
                                     "Week 3", n // 3 + 1, rng.randint(0, 6), rng.randint(0, 6),
                                     rng.choice(["", "tight", "knee ✓ fine", "=1+1"]), sets))
    with SessionRepository(folder) as repo:
        repo.save_sessions(records)
        repo.save_plan_setup({"level": "beginner", "running_days": [1, 4],
                              "start_date": "2024-01-01", "sore_side": "left"})
        for n in range(0, sessions, 3):
            repo.save_decision({"id": f"after-{n}", "action": "hold", "reason": "pain 5",
                                "based_on": f"{n:032x}"})
    return (folder / DATA_FILE_NAME).read_bytes()


def odd_paths(tmp: Path) -> list[tuple[str, object]]:
    afile = tmp / "a-file"
    afile.write_text("not a folder")
    return [("NUL byte", str(tmp) + "/x\0y"), ("a file as the folder", afile),
            ("a very long name", tmp / ("n" * 300)), ("under a file", afile / "sub")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--sessions", type=int, default=60, help="sessions in the base file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    signal.signal(signal.SIGALRM, _alarm)
    outcomes = dict.fromkeys(OUTCOMES, 0)
    kinds = dict.fromkeys((m.__name__ for m in MUTATIONS), 0)
    failures: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = base_file(tmp / "base", args.sessions, rng)
        for case in range(args.cases):
            folder = tmp / f"case{case}"
            folder.mkdir()
            mutation = rng.choices(MUTATIONS, WEIGHTS)[0]
            kinds[mutation.__name__] += 1
            mutated = mutation(base, rng)
            (folder / DATA_FILE_NAME).write_bytes(mutated)
            signal.alarm(TIME_LIMIT_S)
            try:
                outcomes[check_case(folder, mutated, f"case {case} ({mutation.__name__})")] += 1
            except (AssertionError, Hang) as exc:
                failures.append(f"case {case} ({mutation.__name__}): {type(exc).__name__} {exc}"[:400])
            finally:
                signal.alarm(0)
            for path in sorted(folder.rglob("*"), reverse=True):   # keep the disk small
                path.rmdir() if path.is_dir() else path.unlink()
            folder.rmdir()
        special = {}
        for label, folder in special_files(tmp / "special"):
            signal.alarm(TIME_LIMIT_S)
            try:
                special[label] = check_case(folder, None, label)
            except (AssertionError, Hang) as exc:
                failures.append(f"{label}: {type(exc).__name__} {exc}")
            finally:
                signal.alarm(0)
        for label, path in odd_paths(tmp):
            try:
                SessionRepository(path).close()
                special[label] = "opened"
            except StoreError:
                special[label] = "refused"
            except Exception as exc:  # noqa: BLE001 (the point: nothing else may escape)
                failures.append(f"{label}: {type(exc).__name__} {exc}")
    seconds = round(time.perf_counter() - started, 1)
    result = {"files_fuzzed": args.cases, "outcomes": outcomes, "mutations": kinds,
              "special": special, "failures": len(failures), "seconds": seconds}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"files fuzzed: {args.cases}   " + "   ".join(f"{k}: {v}" for k, v in outcomes.items())
              + f"   failures: {len(failures)} (target 0)   [{seconds} s]")
        print("mutations: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
        print("special files and paths: " + ", ".join(f"{k} {v}" for k, v in special.items()))
        for line in failures[:10]:
            print("  FAILED " + line)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
