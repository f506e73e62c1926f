"""What every format's reader shares: the limits, the plain-words problem, the sniffing
of a file's kind from its first bytes, and the one way a summed-up run becomes a record.

What a run's numbers mean, whatever the file:

- ``started_at``: the first recorded time, in the computer's time zone with its offset
  (files store UTC; a time without a zone is taken as UTC, as GPX and TCX specify).
- ``duration_s``: the **elapsed** time from the first to the last recorded time, pauses
  included, so a walk-run's walking breaks count (a FIT file's own ``total_elapsed_time``
  when it has one).
- ``distance_km``: the file's own total where the format keeps one (FIT session, TCX
  laps), else the sum over the track's points (gpxpy's 2-D length, as Strava shows it).
- ``elevation_gain_m``: the file's own total ascent (FIT session) or the climb over the
  points' elevations, smoothed as gpxpy smooths it; None when no point has an elevation.
- ``id``: ``run-`` and the start in UTC to the second, so importing the same file again
  gives the same id and replaces nothing twice.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Iterable

from gpxpy.geo import calculate_uphill_downhill

from itbgui.store.records import RecordError
from itbgui.store.run_records import RunRecord

#: A file larger than this is refused unread (a year of 1-second GPX points is smaller).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: More points than this is no run a person did (48 hours at one point a second is 172,800).
MAX_POINTS = 500_000
#: How much of a file's start tells its kind (room for an XML preamble and comments).
SNIFF_BYTES = 4096
#: The kinds read, by the extension a folder's files are picked by.
EXTENSIONS = {".gpx": "gpx", ".tcx": "tcx", ".fit": "fit"}


class ImportProblem(Exception):
    """Why a file gave no run, in one line of plain words (the file's name is added by
    whoever shows it)."""


#: First bytes of files people drop by mistake, and what to call them.
_OTHER_KINDS = (
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"\x89PNG\r\n\x1a\n", "a PNG picture"),
    (b"GIF8", "a GIF picture"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (unpack it and import the files inside)"),
    (b"\x1f\x8b", "a gzip-compressed file (unpack it first: e.g. a .gpx.gz from Strava)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an Office document"),
    (b"ID3", "an MP3 file"),
    (b"RIFF", "a RIFF file (sound or video)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)


def sniff(head: bytes) -> str:
    """``gpx``, ``tcx`` or ``fit`` from a file's first bytes (:data:`SNIFF_BYTES`), so a
    file named wrongly is still read; :class:`ImportProblem` naming what it is otherwise."""
    if len(head) >= 12 and head[8:12] == b".FIT":
        return "fit"
    for magic, what in _OTHER_KINDS:
        if head.startswith(magic):
            raise ImportProblem(f"it is {what}, not a GPX, TCX or FIT file")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        roots = {kind: text.find(tag) for kind, tag in (("gpx", b"<gpx"),
                                                        ("tcx", b"<TrainingCenterDatabase"))}
        found = sorted((at, kind) for kind, at in roots.items() if at >= 0)
        if found:   # the root comes first; the other's name may be in a namespace after it
            return found[0][1]
        raise ImportProblem("it is an XML file, but neither GPX nor TCX")
    if not head.strip():
        raise ImportProblem("it is empty")
    raise ImportProblem("it is not a GPX, TCX or FIT file")


def check_size(size: int) -> None:
    if size == 0:
        raise ImportProblem("it is empty")
    if size > MAX_FILE_BYTES:
        raise ImportProblem(f"it is {size / 1024 / 1024:.0f} MB, more than the "
                            f"{MAX_FILE_BYTES // 1024 // 1024} MB a run's file can be")


def check_points(count: int) -> None:
    if count > MAX_POINTS:
        raise ImportProblem(f"it holds {count:,} points, more than the {MAX_POINTS:,} of "
                            "any run (two days at one point a second)")


def utc(moment: dt.datetime) -> dt.datetime:
    """A file's time with its zone; one without is UTC, as GPX and TCX specify."""
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def climb(elevations: Iterable[float | None]) -> float | None:
    """Metres climbed over the points (gpxpy's smoothing); None when none has an elevation."""
    known = [e for e in elevations if e is not None and math.isfinite(e)]
    return calculate_uphill_downhill(known)[0] if known else None


def run_id(started_at: dt.datetime) -> str:
    return "run-" + started_at.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def make_run(source: str, start: dt.datetime | None, *, end: dt.datetime | None = None,
             elapsed_s: float | None = None, distance_m: float | None = None,
             gain_m: float | None = None) -> RunRecord:
    """The record of one run; ImportProblem when the numbers are no run's."""
    if start is None:
        raise ImportProblem("it holds no times, so the run's date is unknown")
    start = utc(start)
    if elapsed_s is None and end is not None:
        elapsed_s = (utc(end) - start).total_seconds()
    if elapsed_s is not None and elapsed_s < 0:
        raise ImportProblem("its times run backwards")
    try:
        return RunRecord(
            id=run_id(start),
            started_at=start.astimezone(),
            distance_km=None if distance_m is None else round(distance_m / 1000, 3),
            duration_s=None if elapsed_s is None else round(elapsed_s),
            elevation_gain_m=None if gain_m is None else round(gain_m, 1),
            source=source)
    except RecordError as exc:
        raise ImportProblem(f"its numbers are no run's ({exc})") from None
    except (OverflowError, ValueError) as exc:   # a date beyond what a computer keeps
        raise ImportProblem(f"its times cannot be right ({exc})") from None
