"""One session save on a 10-year history, against writing the same bytes with write + fsync.

The store's save re-serialises only the session that changed (the rest of the file comes
from cached JSON text), writes the whole file over the previous version's file (the
spare; the first save, with no spare yet, writes a new temporary file), fsyncs it,
renames it over the data file and fsyncs the folder. The baseline writes the same number
of bytes to a file in the same folder with a plain write and fsync, in the same run,
interleaved so both see the same disk weather. Target (issue 11): at most 1.3x.

    python benchmarks/save_latency.py [--years 10] [--rounds 40]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_history import generate  # noqa: E402

from itbgui.store.repository import SessionRepository  # noqa: E402


def plain_write(path: Path, payload: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="itb-save-", dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        count = generate(folder, years=args.years)
        made = time.perf_counter() - t
        repo = SessionRepository(folder)
        sessions = repo.sessions()
        n_sets = sum(len(s.sets) for s in sessions)
        template = sessions[-1]
        payload = repo.path.read_bytes()
        baseline_path = folder / "baseline.bin"
        ours, plain, encode = [], [], []
        for i in range(args.rounds):
            # The player's pattern: the session under way, saved again with one more set.
            record = dataclasses.replace(template, id="bench-session",
                                         sets=template.sets[: 1 + i % len(template.sets)])
            t = time.perf_counter()
            repo.save_session(record)
            ours.append(time.perf_counter() - t)
            storage = repo._db.storage
            with storage.declare_changed("sessions", []):  # what a save pays to encode
                t = time.perf_counter()
                storage.chunks(storage.read())
                encode.append(time.perf_counter() - t)
            t = time.perf_counter()
            plain_write(baseline_path, payload)
            plain.append(time.perf_counter() - t)
        repo.close()
        ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
        print(f"history: {count} sessions, {n_sets} sets, file {len(payload) / 1e6:.1f} MB "
              f"(generated in {made:.1f} s)")
        print(f"one session save (atomic, fsync file + folder): median {ms(ours):.1f} ms, "
              f"max {max(ours) * 1000:.1f} ms; of which building the bytes {ms(encode):.1f} ms")
        print(f"plain write + fsync of the same bytes:          median {ms(plain):.1f} ms, "
              f"max {max(plain) * 1000:.1f} ms")
        print(f"ratio: {ms(ours) / ms(plain):.2f}x (target: at most 1.3x)")


if __name__ == "__main__":
    main()
