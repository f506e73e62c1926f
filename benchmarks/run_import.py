"""Importing runs against gpxpy's own parse of the same files, side by side in one run.

Two cases: one GPX of 10,000 points (a 2 h 47 min run at a point a second), and a folder
of 100 GPX runs of 1,800 points each (half an hour each). The import is
``import_files`` (read, check kind and size, gpxpy's parse, the totals, the check against
the log); the baseline reads each file and calls ``gpxpy.parse`` on it. Each is timed
alternately, several times, in this process's CPU time (both are single-threaded and
CPU-bound, and CPU time is what other programs on a shared machine disturb least); the
ratio of medians is printed, and of the fastest of each. Target: at most 1.3x.

    python benchmarks/run_import.py [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import gpxpy  # noqa: E402
import gpxpy.gpx  # noqa: E402

from itbgui.importers.batch import import_files  # noqa: E402

T0 = dt.datetime(2026, 11, 4, 6, 15, tzinfo=dt.timezone.utc)
TARGET = 1.3


def gpx_file(path: Path, points: int, start: dt.datetime) -> Path:
    """A run as a phone app writes it (gpxpy writes it): position, elevation, time."""
    gpx = gpxpy.gpx.GPX()
    gpx.creator = "benchmark"
    track = gpxpy.gpx.GPXTrack(name="Morning run")
    segment = gpxpy.gpx.GPXTrackSegment()
    track.segments.append(segment)
    gpx.tracks.append(track)
    for i in range(points):
        segment.points.append(gpxpy.gpx.GPXTrackPoint(
            48.137 + i * 2.5e-5, 11.575 + (i % 600) * 1e-6, elevation=519.0 + (i % 300) / 30,
            time=start + dt.timedelta(seconds=i)))
    path.write_text(gpx.to_xml(), encoding="utf-8")
    return path


def gpxpy_parse(paths: list[Path]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as file:
            gpxpy.parse(file)


def ours(paths: list[Path]) -> None:
    result = import_files(paths, [])
    assert not result.problems, result.lines


def measure(label: str, paths: list[Path], argument, runs: int) -> float:
    ours_s, theirs_s = [], []
    ours(argument)   # warm: imports, disk cache
    gpxpy_parse(paths)
    for _ in range(runs):
        t0 = time.process_time()
        ours(argument)
        ours_s.append(time.process_time() - t0)
        t0 = time.process_time()
        gpxpy_parse(paths)
        theirs_s.append(time.process_time() - t0)
    a, b = statistics.median(ours_s), statistics.median(theirs_s)
    best = min(ours_s) / min(theirs_s)   # the least disturbed of each: steadier on a busy machine
    print(f"{label}: import {a * 1000:.0f} ms, gpxpy.parse {b * 1000:.0f} ms CPU (medians of "
          f"{runs}): {a / b:.2f}x, best of each {best:.2f}x (target <= {TARGET}x)")
    return a / b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        long_run = gpx_file(tmp / "long.gpx", 10_000, T0)
        folder = tmp / "runs"
        folder.mkdir()
        runs = [gpx_file(folder / f"run-{i:03d}.gpx", 1_800, T0 + dt.timedelta(days=i))
                for i in range(100)]
        ratios = [measure("one GPX of 10,000 points", [long_run], [long_run], args.runs),
                  measure("a folder of 100 GPX runs (1,800 points each)", runs, [folder],
                          max(3, args.runs // 2))]
    ok = max(ratios) <= TARGET
    print("within target" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
