"""Crash test: kill a saving process with SIGKILL at random moments; nothing acknowledged is lost.

A forked child opens the store and saves in a loop the way the player does (the same
session again after every set, a new session every 18 sets), writing "id:sets" to a pipe
each time ``save_session`` returns. The parent kills it after a random 5-150 ms, then opens
the data file: it must parse cleanly and hold every acknowledged save. Linux and macOS.

    python benchmarks/crash_test.py [--kills 500] [--history 150] [--seed 1] [--json]

Prints kills, saves acknowledged, sessions lost (target 0), files unreadable (target 0).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from itbgui.store.records import SessionRecord, SetRecord  # noqa: E402
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository  # noqa: E402

T0 = dt.datetime(2026, 1, 5, 18, 0, tzinfo=dt.timezone.utc)
SETS_PER_SESSION = 18


def session(session_id: str, n_sets: int, day: int) -> SessionRecord:
    start = T0 + dt.timedelta(days=day)
    sets = tuple(SetRecord("clamshell", ("left", "right")[i % 2], i // 2 + 1, 12, 12,
                           "Red band above the knees", step_index=1) for i in range(n_sets))
    return SessionRecord(session_id, start, start + dt.timedelta(minutes=20), n_sets == SETS_PER_SESSION,
                         "Week 3", 3, 2, 1, "", sets)


def child_loop(data_dir: Path, ack_fd: int, run: int) -> None:
    repo = SessionRepository(data_dir)
    n = 0
    while True:
        session_id = f"run{run}-{n // SETS_PER_SESSION}"
        n_sets = n % SETS_PER_SESSION + 1
        repo.save_session(session(session_id, n_sets, day=run))
        os.write(ack_fd, f"{session_id}:{n_sets}\n".encode())
        n += 1


def read_acks(fd: int) -> dict[str, int]:
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    acked: dict[str, int] = {}
    for line in b"".join(chunks).decode().splitlines():
        if ":" in line:  # a line cut by the kill was never acknowledged whole
            sid, count = line.rsplit(":", 1)
            if count.isdigit():
                acked[sid] = max(acked.get(sid, 0), int(count))
    return acked


def run(kills: int, history: int, seed: int, data_dir: Path) -> dict:
    rng = random.Random(seed)
    with SessionRepository(data_dir) as repo:
        repo.save_sessions([session(f"history-{i}", SETS_PER_SESSION, day=-i) for i in range(history)])
    totals = {"kills": 0, "saves_acknowledged": 0, "sessions_lost": 0, "files_unreadable": 0,
              "seconds": 0.0}
    acked_all: dict[str, int] = {}
    started = time.perf_counter()
    for run_no in range(kills):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save until killed
            os.close(read_end)
            try:
                child_loop(data_dir, write_end, run_no)
            finally:
                os._exit(1)
        os.close(write_end)
        time.sleep(rng.uniform(0.005, 0.150))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acked = read_acks(read_end)
        os.close(read_end)
        totals["kills"] += 1
        totals["saves_acknowledged"] += sum(acked.values()) - sum(
            acked_all.get(sid, 0) for sid in acked)  # each ack counts once
        for sid, count in acked.items():
            acked_all[sid] = max(acked_all.get(sid, 0), count)
        try:
            json.loads((data_dir / DATA_FILE_NAME).read_bytes())  # strictly whole JSON
        except ValueError:
            totals["files_unreadable"] += 1
        with SessionRepository(data_dir) as repo:
            if repo.report.problems:
                totals["files_unreadable"] += 1
            stored = {s.id: len(s.sets) for s in repo.sessions()}
        totals["sessions_lost"] += sum(1 for sid, count in acked_all.items()
                                       if stored.get(sid, 0) < count)
    totals["seconds"] = round(time.perf_counter() - started, 1)
    totals["sessions_stored"] = len(stored)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--history", type=int, default=150, help="sessions in the file beforehand")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, help="default: a temporary folder")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    if not hasattr(os, "fork"):
        print("crash_test needs os.fork (Linux or macOS)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        totals = run(args.kills, args.history, args.seed, args.data_dir or Path(tmp))
    if args.json:
        print(json.dumps(totals))
    else:
        print(f"kills: {totals['kills']}   saves acknowledged: {totals['saves_acknowledged']}   "
              f"sessions lost: {totals['sessions_lost']} (target 0)   files unreadable: "
              f"{totals['files_unreadable']} (target 0)   [{totals['seconds']} s, "
              f"{totals['sessions_stored']} sessions in the file]")
    return 0 if totals["sessions_lost"] == 0 and totals["files_unreadable"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
