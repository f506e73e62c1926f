"""FIT (Garmin, Coros, Wahoo, Suunto and most watches), read by fitdecode.

Each session message is one run, with the watch's own totals where it wrote them; a
file cut short before its sessions (a watch that crashed) fails its checks and is called
damaged rather than read in part.
"""

from __future__ import annotations

import datetime as dt
import io

import fitdecode

from itbgui.importers.common import ImportProblem, check_points, climb, make_run
from itbgui.store.run_records import RunRecord

#: Sports a session may name that are no run, and what to call them.
NOT_RUNS = {"cycling": "a bike ride", "e_biking": "a bike ride", "swimming": "a swim",
            "rowing": "a row", "paddling": "a paddle", "driving": "a drive",
            "motorcycling": "a motorbike ride", "alpine_skiing": "a ski run",
            "snowboarding": "a snowboard run", "sailing": "a sail"}
#: File types that hold a plan, not something recorded.
NOT_RECORDED = {"course": "a course (a route to follow)", "workout": "a workout plan",
                "settings": "a watch's settings", "sport": "a watch's sport settings",
                "schedules": "a schedule", "totals": "a watch's totals"}


def read_fit(data: bytes) -> list[RunRecord]:
    sessions, records, kind = _read(data)
    if kind in NOT_RECORDED:
        raise ImportProblem(f"it is {NOT_RECORDED[kind]}, not a recorded activity")
    if not sessions:   # some apps write records alone: they make one run
        if not records:
            raise ImportProblem("it holds no recorded activity")
        sessions = [{}]
    runs = [s for s in sessions if s.get("sport") not in NOT_RUNS]
    if not runs:
        raise ImportProblem(f"it is {NOT_RUNS[sessions[0]['sport']]}, not a run")
    return [_run(session, records) for session in runs]


def _read(data: bytes) -> tuple[list[dict], list[dict], str | None]:
    sessions, records, kind = [], [], None
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                                 error_handling=fitdecode.ErrorHandling.RAISE) as reader:
            for frame in reader:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                if frame.name == "record":
                    records.append(_values(frame, ("timestamp", "distance", "altitude",
                                                   "enhanced_altitude")))
                    if len(records) % 10_000 == 0:
                        check_points(len(records))
                elif frame.name == "session":
                    sessions.append(_values(frame, (
                        "start_time", "timestamp", "sport", "total_elapsed_time",
                        "total_distance", "total_ascent")))
                elif frame.name == "file_id" and kind is None:
                    kind = _values(frame, ("type",)).get("type")
    except fitdecode.FitHeaderError:
        raise ImportProblem("it is damaged: its FIT header is wrong") from None
    except fitdecode.FitCRCError:
        raise ImportProblem("it is damaged: its checksum does not match its content") from None
    except fitdecode.FitEOFError:
        raise ImportProblem("it is damaged: it is cut short") from None
    except ImportProblem:
        raise
    except Exception:   # noqa: BLE001 - fitdecode meets a damaged file with any error (an
        # assert, struct.error, IndexError...): none is the person's to read
        raise ImportProblem("it is damaged: its content does not read as FIT") from None
    check_points(len(records))
    return sessions, records, kind


def _values(frame, names: tuple[str, ...]) -> dict:
    return {name: frame.get_value(name, fallback=None) for name in names}


def _when(value) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _run(session: dict, records: list[dict]) -> RunRecord:
    """A session's run; what the session does not say is taken from its records."""
    start = _when(session.get("start_time"))
    end = _when(session.get("timestamp"))
    mine = [r for r in records if _when(r["timestamp"]) is not None
            and (start is None or r["timestamp"] >= start) and (end is None or r["timestamp"] <= end)]
    if start is None and mine:
        start = mine[0]["timestamp"]
    if mine and (end is None or session.get("total_elapsed_time") is None):
        end = max(end or mine[-1]["timestamp"], mine[-1]["timestamp"])
    distance = _number(session.get("total_distance"))
    if distance is None:
        distance = max((_number(r["distance"]) or 0.0 for r in mine), default=None)
    gain = _number(session.get("total_ascent"))
    if gain is None:
        gain = climb(_number(r["enhanced_altitude"]) if r["enhanced_altitude"] is not None
                     else _number(r["altitude"]) for r in mine)
    return make_run("fit", start, end=end, elapsed_s=_number(session.get("total_elapsed_time")),
                    distance_m=distance, gain_m=gain)
