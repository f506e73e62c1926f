"""Run files the importer tests write themselves: GPX (gpxpy), TCX (its XML, written out)
and FIT (fit-tool, an encoder library). Points go north along a meridian, one every
``step_s`` seconds and ``step_deg`` degrees of latitude; elevations climb 1 m a point."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import gpxpy.gpx

T0 = dt.datetime(2026, 11, 4, 6, 15, tzinfo=dt.timezone.utc)
#: Metres per degree of latitude on gpxpy's sphere (its EARTH_RADIUS * pi / 180).
M_PER_DEG = 6378.137 * 1000 * 3.141592653589793 / 180


def gpx_text(n: int = 50, *, start: dt.datetime | None = T0, step_s: int = 5,
             step_deg: float = 1e-4, elevation: bool = True, metadata_time: dt.datetime | None = None,
             tracks: int = 1) -> str:
    gpx = gpxpy.gpx.GPX()
    gpx.time = metadata_time
    for t in range(tracks):
        track = gpxpy.gpx.GPXTrack()
        segment = gpxpy.gpx.GPXTrackSegment()
        track.segments.append(segment)
        gpx.tracks.append(track)
        begin = None if start is None else start + dt.timedelta(hours=3 * t)
        for i in range(n):
            segment.points.append(gpxpy.gpx.GPXTrackPoint(
                48.0 + i * step_deg, 11.0, elevation=500.0 + i if elevation else None,
                time=None if begin is None else begin + dt.timedelta(seconds=i * step_s)))
    return gpx.to_xml()


def fast_gpx_text(n: int, start: dt.datetime = T0, step_s: int = 1) -> str:
    """A long GPX as gpxpy would write it, put together quicker than gpxpy writes."""
    points = "".join(
        f'<trkpt lat="{48.0 + i * 1e-5:.6f}" lon="11.0"><ele>{500 + (i % 2000) / 100:.2f}</ele>'
        f'<time>{(start + dt.timedelta(seconds=i * step_s)):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>\n'
        for i in range(n))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" '
            'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>\n'
            f'{points}</trkseg></trk></gpx>\n')


def tcx_text(n: int = 50, *, start: dt.datetime = T0, step_s: int = 5, positions: bool = True,
             sport: str = "Running", lap_distance_m: float | None = 1234.5) -> str:
    points = []
    for i in range(n):
        where = (f"<Position><LatitudeDegrees>{48.0 + i * 1e-4:.6f}</LatitudeDegrees>"
                 f"<LongitudeDegrees>11.0</LongitudeDegrees></Position>" if positions else "")
        points.append(f"<Trackpoint><Time>{start + dt.timedelta(seconds=i * step_s):%Y-%m-%dT%H:%M:%SZ}"
                      f"</Time>{where}<AltitudeMeters>{500 + i}</AltitudeMeters>"
                      f"<DistanceMeters>{i * 11.1:.1f}</DistanceMeters></Trackpoint>")
    distance = "" if lap_distance_m is None else f"<DistanceMeters>{lap_distance_m}</DistanceMeters>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
            'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            f'<Activities><Activity Sport="{sport}"><Id>{start:%Y-%m-%dT%H:%M:%SZ}</Id>'
            f'<Lap StartTime="{start:%Y-%m-%dT%H:%M:%SZ}"><TotalTimeSeconds>{(n - 1) * step_s}'
            f'</TotalTimeSeconds>{distance}<Track>{"".join(points)}</Track></Lap>'
            '</Activity></Activities></TrainingCenterDatabase>\n')


def fit_bytes(n: int = 50, *, start: dt.datetime = T0, step_s: int = 5, session: bool = True,
              sport: str = "RUNNING", total_distance_m: float = 2345.6, total_ascent: int = 42,
              elapsed_s: float | None = None) -> bytes:
    """A FIT activity written by fit-tool: records, and a session with the watch's totals."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

    ms = round(start.timestamp()) * 1000
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 0
    file_id.time_created = ms
    file_id.serial_number = 1
    builder.add(file_id)
    for i in range(n):
        record = RecordMessage()
        record.timestamp = ms + i * step_s * 1000
        record.position_lat = 48.0 + i * 1e-4
        record.position_long = 11.0
        record.distance = i * 11.1
        record.altitude = 500.0 + i
        builder.add(record)
    if session:
        message = SessionMessage()
        message.timestamp = ms + (n - 1) * step_s * 1000
        message.start_time = ms
        message.total_elapsed_time = (n - 1) * step_s if elapsed_s is None else elapsed_s
        message.total_timer_time = (n - 1) * step_s
        message.total_distance = total_distance_m
        message.total_ascent = total_ascent
        message.sport = getattr(Sport, sport)
        builder.add(message)
    return builder.build().to_bytes()


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path
