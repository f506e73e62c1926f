"""GPX (most phone apps, Strava's export): each track is one run, read by gpxpy."""

from __future__ import annotations

import gpxpy
import gpxpy.gpx

from itbgui.importers.common import ImportProblem, check_points, climb, make_run
from itbgui.store.run_records import RunRecord


def read_gpx(data: bytes) -> list[RunRecord]:
    """The runs in a GPX file's bytes, one per track with points; a file holding only a
    route or waypoints (a plan, not a run) is an ImportProblem."""
    check_points(data.count(b"<trkpt"))   # before parsing: counting costs next to nothing
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem("it is damaged: it is not UTF-8 text, as GPX files are") from None
    try:
        gpx = gpxpy.parse(text)
    except gpxpy.gpx.GPXXMLSyntaxException:
        raise ImportProblem("it is damaged: its XML is broken or cut short") from None
    except gpxpy.gpx.GPXException as exc:
        raise ImportProblem(f"it is damaged: {str(exc)[:120]}") from None
    except Exception:   # noqa: BLE001 - gpxpy converts fields without checks (ValueError...)
        raise ImportProblem("it is damaged: its content does not read as GPX") from None
    tracks = [t for t in gpx.tracks if t.get_points_no()]
    if not tracks:
        raise ImportProblem("it holds no recorded track (a route or waypoints only)")
    return [_run(track, gpx) for track in tracks]


def _run(track: gpxpy.gpx.GPXTrack, gpx: gpxpy.gpx.GPX) -> RunRecord:
    start, end = track.get_time_bounds()
    points = [p for segment in track.segments for p in segment.points]
    return make_run(
        "gpx", start or gpx.time,   # a file with no point times may carry its own date
        end=end if start else None,
        distance_m=track.length_2d(),
        gain_m=climb(p.elevation for p in points))
