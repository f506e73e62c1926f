"""Crash test: kill a saving process with SIGKILL at random moments; nothing acknowledged is lost.

A forked child opens the store and saves in a loop the way the player does (the same
session again after every set, a new session every 18 sets), writing "id:sets" to a pipe
each time ``save_session`` returns. The parent kills it after a random 5-150 ms, then opens
the data file: it must parse cleanly and hold every acknowledged save, equal by content.
Linux and macOS.

Each class of issue 13 is part of the run:
- the validator: sessions carry edge values the reader must keep (week 526 of a ten-year
  plan, a 500-character note with accents and emoji, a bare CR);
- time is not trusted: the child's wall clock jumps (back to 2000, ahead to 2199, ...) and
  it takes its daily copy every few saves; each acknowledged copy must still exist;
- the lock: while the child saves, the parent opens the folder too and must get it
  read-only (a writable second copy is a bypass);
- nothing overwritten: the data file is a link into a "synced" folder; the link must stay
  a link after every kill (with ``--plain-file`` it is a plain file instead, whose saves
  write over the previous version's file: storage.write_recycling);
- opening: every reopen after a kill must work, and leaves no temporary file behind.

    python benchmarks/crash_test.py [--kills 500] [--history 150] [--seed 1] [--plain-file] [--json]

Prints kills, saves acknowledged, sessions lost (target 0), files unreadable (target 0),
lock bypassed (0), links replaced (0), backups missing (0), temporary files left (0).
"""

from __future__ import annotations

import argparse
import contextlib
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

from itbgui.store.records import NOTE_MAX_CHARS, SessionRecord, SetRecord  # noqa: E402
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository  # noqa: E402

T0 = dt.datetime(2026, 1, 5, 18, 0, tzinfo=dt.timezone.utc)
SETS_PER_SESSION = 18
BACKUP_EVERY = 7  # saves between two calls of the daily copy
NOTE = ("Knee fine, ré-essai ✓ 🏃\r" * 40)[:NOTE_MAX_CHARS]


def session(session_id: str, n_sets: int, day: int) -> SessionRecord:
    start = T0 + dt.timedelta(days=day)
    sets = tuple(SetRecord("clamshell", ("left", "right")[i % 2], i // 2 + 1, 12, 12,
                           "Red band above the knees", step_index=1) for i in range(n_sets))
    return SessionRecord(session_id, start, start + dt.timedelta(minutes=20), n_sets == SETS_PER_SESSION,
                         "Maintenance", 526 + day % 3, 2, 1, NOTE if day % 2 else "", sets)


def jumping_clock(run: int):
    """A wall clock that jumps: sometimes right, sometimes back to 2000 or ahead to 2199."""
    rng = random.Random(run)
    choices = [dt.datetime(2026, 1, 5, 9), dt.datetime(2000, 1, 1, 0, 5), dt.datetime(2199, 12, 30),
               dt.datetime(2026, 1, 4, 23, 59), dt.datetime(2031, 6, 1)]

    def now() -> dt.datetime:
        return (rng.choice(choices) + dt.timedelta(days=rng.randint(0, 400))).astimezone()
    return now


def child_loop(data_dir: Path, ack_fd: int, run: int) -> None:
    repo = SessionRepository(data_dir, now=jumping_clock(run))
    n = 0
    while True:
        session_id = f"run{run}-{n // SETS_PER_SESSION}"
        n_sets = n % SETS_PER_SESSION + 1
        repo.save_session(session(session_id, n_sets, day=run))
        os.write(ack_fd, f"{session_id}:{n_sets}\n".encode())
        if n % BACKUP_EVERY == 0:
            repo._daily_done = None          # each call asks again (the clock jumped)
            taken = repo.daily_backup()
            if taken is not None:
                os.write(ack_fd, f"B:{taken.path.name}\n".encode())
        n += 1


def read_acks(fd: int) -> tuple[dict[str, int], list[str]]:
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    acked: dict[str, int] = {}
    backups: list[str] = []
    for line in b"".join(chunks).decode().splitlines():
        if line.startswith("B:") and line.endswith(".json"):
            backups.append(line[2:])
        elif ":" in line:  # a line cut by the kill was never acknowledged whole
            sid, count = line.rsplit(":", 1)
            if count.isdigit():
                acked[sid] = max(acked.get(sid, 0), int(count))
    return acked, backups


def day_of(session_id: str) -> int:
    return int(session_id.split("-")[0][3:]) if session_id.startswith("run") else 0


def run(kills: int, history: int, seed: int, data_dir: Path, linked: bool = True) -> dict:
    rng = random.Random(seed)
    synced = data_dir.parent / "synced"
    synced.mkdir(exist_ok=True)
    data_dir.mkdir(exist_ok=True)
    link = data_dir / DATA_FILE_NAME
    if linked:
        link.symlink_to(synced / DATA_FILE_NAME)
    with SessionRepository(data_dir) as repo:
        repo.save_sessions([session(f"history-{i}", SETS_PER_SESSION, day=0) for i in range(history)])
    totals = {"kills": 0, "saves_acknowledged": 0, "sessions_lost": 0, "files_unreadable": 0,
              "lock_checks": 0, "lock_bypassed": 0, "links_replaced": 0, "backups_acknowledged": 0,
              "backups_missing": 0, "temporary_files_left": 0, "seconds": 0.0}
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
        wait = rng.uniform(0.005, 0.150)
        deadline = time.perf_counter() + wait
        while time.perf_counter() < deadline and _lock_holder(data_dir) != pid:
            time.sleep(0.001)
        if _lock_holder(data_dir) == pid:       # the child holds the folder: try to take it
            with SessionRepository(data_dir) as second:
                totals["lock_checks"] += 1
                totals["lock_bypassed"] += not second.read_only
        time.sleep(max(0.0, deadline - time.perf_counter()))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acked, backups = read_acks(read_end)
        os.close(read_end)
        totals["kills"] += 1
        totals["saves_acknowledged"] += sum(acked.values()) - sum(
            acked_all.get(sid, 0) for sid in acked)  # each ack counts once
        totals["backups_acknowledged"] += len(backups)
        for sid, count in acked.items():
            acked_all[sid] = max(acked_all.get(sid, 0), count)
        totals["links_replaced"] += linked and not link.is_symlink()
        try:
            json.loads(link.read_bytes())  # strictly whole JSON (through the link, if any)
        except ValueError:
            totals["files_unreadable"] += 1
        with SessionRepository(data_dir) as repo:
            if repo.report.problems:
                totals["files_unreadable"] += 1
            stored = {s.id: s for s in repo.sessions()}
        if backups:  # the newest copy acknowledged is never deleted by a date
            totals["backups_missing"] += not (data_dir / "backups" / backups[-1]).exists()
        leftovers = [p for folder in (data_dir, synced, data_dir / "backups") if folder.is_dir()
                     for p in folder.iterdir() if p.name.endswith((".tmp", ".part"))]
        totals["temporary_files_left"] += len(leftovers)
        for sid, count in acked_all.items():
            got = stored.get(sid)
            if got is None or len(got.sets) < count:
                totals["sessions_lost"] += 1
            elif got != session(sid, len(got.sets), day_of(sid)):   # equal by content
                totals["sessions_lost"] += 1
    totals["seconds"] = round(time.perf_counter() - started, 1)
    totals["sessions_stored"] = len(stored)
    return totals


def _lock_holder(data_dir: Path) -> int | None:
    """The pid written in the lock file (by the process that took the lock), if any."""
    try:
        info = json.loads((data_dir / "itb-coach.lock").read_text() or "{}")
    except (OSError, ValueError):
        return None
    return info.get("pid") if isinstance(info, dict) else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--history", type=int, default=150, help="sessions in the file beforehand")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, help="default: a temporary folder")
    parser.add_argument("--plain-file", action="store_true",
                        help="the data file is a plain file, not a link into a synced folder")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    if not hasattr(os, "fork"):
        print("crash_test needs os.fork (Linux or macOS)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        totals = run(args.kills, args.history, args.seed, args.data_dir or Path(tmp) / "data",
                     linked=not args.plain_file)
    if args.json:
        print(json.dumps(totals))
    else:
        print(f"kills: {totals['kills']}   saves acknowledged: {totals['saves_acknowledged']}   "
              f"sessions lost: {totals['sessions_lost']} (target 0)   files unreadable: "
              f"{totals['files_unreadable']} (target 0)   [{totals['seconds']} s, "
              f"{totals['sessions_stored']} sessions in the file]")
        print(f"lock tried by a second copy: {totals['lock_checks']} times, bypassed: "
              f"{totals['lock_bypassed']}   links replaced: "
              f"{totals['links_replaced']}   backups acknowledged: {totals['backups_acknowledged']}"
              f"   newest backup missing: {totals['backups_missing']}   temporary files left: "
              f"{totals['temporary_files_left']}   (targets 0)")
    bad = ("sessions_lost", "files_unreadable", "lock_bypassed", "links_replaced",
           "backups_missing", "temporary_files_left")
    return 0 if not any(totals[key] for key in bad) else 1


if __name__ == "__main__":
    sys.exit(main())
