"""Opening a damaged 10-year data file against opening it clean: salvage must stay linear.

Writes a synthetic 10-year history (benchmarks/synthetic_history.py), then times
``SessionRepository`` opening it (read-only, so nothing is rewritten between runs): clean,
and damaged in several ways (cut in half, one bad UTF-8 byte, the closing brace gone, every
session's note unquoted so each one fails to decode, a flipped byte, lone surrogates,
duplicate keys). Medians of ``--runs`` opens each; the target is <= 3x the clean open.

    python benchmarks/salvage.py [--years 10] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from itbgui.store.repository import DATA_FILE_NAME, SessionRepository  # noqa: E402
from synthetic_history import generate  # noqa: E402

TARGET = 3.0


def damaged_versions(raw: bytes) -> dict[str, bytes]:
    third = len(raw) // 3
    return {
        "cut in half": raw[: len(raw) // 2],
        "one bad UTF-8 byte": raw[:1000] + b"\xff" + raw[1001:],
        "closing brace gone": raw[:-1],
        "a flipped bracket": raw[:third] + b"]" + raw[third + 1:],
        "every note unquoted (each session fails)": raw.replace(b'"note":"', b'"note":'),
        "50 lone surrogates": raw.replace(b'"note":"', b'"note":"\\ud800', 50),
        "a duplicate document number": raw.replace(b'"sessions":{"1":', b'"sessions":{"2":', 1),
    }


def time_open(folder: Path, raw: bytes, runs: int) -> tuple[float, int, bool]:
    (folder / DATA_FILE_NAME).write_bytes(raw)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        with SessionRepository(folder, read_only=True) as repo:
            kept, damaged = len(repo.sessions()), bool(repo.report.problems)
        times.append(time.perf_counter() - started)
    return statistics.median(times), kept, damaged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        generate(source, years=args.years)
        raw = (source / DATA_FILE_NAME).read_bytes()
        folder = Path(tmp) / "open"
        folder.mkdir()
        clean, sessions, _ = time_open(folder, raw, args.runs)
        rows = []
        for name, damaged in damaged_versions(raw).items():
            seconds, kept, flagged = time_open(folder, damaged, args.runs)
            rows.append({"damage": name, "ms": round(seconds * 1000, 1),
                         "ratio": round(seconds / clean, 2), "sessions_kept": kept,
                         "reported": flagged})
    worst = max(r["ratio"] for r in rows)
    if args.json:
        print(json.dumps({"bytes": len(raw), "sessions": sessions, "clean_ms": round(clean * 1000, 1),
                          "rows": rows, "worst_ratio": worst}))
    else:
        print(f"10-year file: {len(raw):,} bytes, {sessions} sessions; clean open "
              f"{clean * 1000:.0f} ms (median of {args.runs})")
        for r in rows:
            print(f"  {r['damage']:<42} {r['ms']:>7.0f} ms  {r['ratio']:>5.2f}x  "
                  f"{r['sessions_kept']:>5} sessions kept")
        print(f"worst: {worst:.2f}x (target <= {TARGET:g}x)")
    return 0 if worst <= TARGET and all(r["reported"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
