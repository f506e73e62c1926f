"""TCX (Garmin Training Center, many older watches and exports), read by tcxreader."""

from __future__ import annotations

import contextlib
import io
import threading
import xml.etree.ElementTree as ET

from tcxreader.tcxreader import TCXReader

from itbgui.importers.common import ImportProblem, check_points, climb, make_run, utc
from itbgui.store.run_records import RunRecord

#: Sports a TCX file may name that are no run (its ``Sport`` is Running, Biking or Other).
NOT_RUNS = {"Biking": "a bike ride"}
#: One parse at a time: the silencing of tcxreader's prints swaps sys.stdout for the
#: process, and two imports overlapping (two drops at once) must restore it in order.
_QUIET = threading.Lock()


def read_tcx(data: bytes) -> list[RunRecord]:
    """The run in a TCX file's bytes: its laps together, points with or without a position
    (a treadmill records none)."""
    check_points(data.count(b"<Trackpoint"))
    exercise = _parse(data)
    if exercise.activity_type in NOT_RUNS:
        raise ImportProblem(f"it is {NOT_RUNS[exercise.activity_type]}, not a run")
    if not exercise.trackpoints:
        raise ImportProblem("it holds no recorded activity")
    # tcxreader gives a time written with "Z" without its zone, one with an offset with it
    times = [utc(p.time) for p in exercise.trackpoints if p.time is not None]
    start, end = min(times, default=None), max(times, default=None)
    distance = exercise.distance or max((p.distance or 0.0 for p in exercise.trackpoints),
                                        default=0.0)
    return [make_run("tcx", start, end=end, distance_m=distance,
                     gain_m=climb(p.elevation for p in exercise.trackpoints))]


def _parse(data: bytes):
    """tcxreader's reading of the bytes already read (and checked for size), so a file
    changed meanwhile is never read twice; what it prints about odd points is dropped."""
    try:
        with _QUIET, contextlib.redirect_stdout(io.StringIO()):
            return TCXReader().read(io.BytesIO(data), only_gps=False)
    except ET.ParseError:
        raise ImportProblem("it is damaged: its XML is broken or cut short") from None
    except Exception:   # noqa: BLE001 - tcxreader indexes and converts without checks: a
        # damaged file fails with whatever error (KeyError, TypeError, ValueError...)
        raise ImportProblem("it is damaged: its content does not read as TCX") from None
