"""The run importers on files the tests write: GPX, TCX and FIT read into runs, and the
files that must store nothing (damaged, empty, wrong kind, enormous) named with why."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from itbgui.importers import common
from itbgui.importers.batch import IMPORTED, PROBLEM, SKIPPED, import_files, read_runs
from itbgui.importers.common import ImportProblem
from itbgui.store.repository import SessionRepository
from itbgui.store.run_records import RunRecord
from run_files import M_PER_DEG, T0, fast_gpx_text, fit_bytes, gpx_text, tcx_text, write


def one(path: Path) -> RunRecord:
    [run] = read_runs(path)
    return run


def problem(path: Path) -> str:
    with pytest.raises(ImportProblem) as caught:
        read_runs(path)
    text = str(caught.value)
    assert "\n" not in text and text
    return text


# --- what each format gives ------------------------------------------------------------

def test_a_gpx_with_times_and_elevation_gives_start_elapsed_distance_and_climb(tmp_path):
    run = one(write(tmp_path / "a.gpx", gpx_text(50, step_s=5, step_deg=1e-4)))
    assert run.source == "gpx" and run.started_at == T0 and run.started_at.utcoffset() is not None
    assert run.duration_s == 49 * 5
    assert run.distance_km == pytest.approx(49 * 1e-4 * M_PER_DEG / 1000, abs=0.002)
    assert run.elevation_gain_m == pytest.approx(49, abs=0.1)   # 1 m a point, a steady climb
    assert run.id == "run-20261104T061500Z"
    assert run.pain_during is None and not run.answered   # Today asks for its answers


def test_a_gpx_without_elevation_leaves_the_climb_unknown(tmp_path):
    run = one(write(tmp_path / "a.gpx", gpx_text(20, elevation=False)))
    assert run.elevation_gain_m is None and run.distance_km > 0


def test_a_gpx_without_point_times_takes_its_own_date_and_no_duration(tmp_path):
    when = T0 + dt.timedelta(hours=2)
    run = one(write(tmp_path / "a.gpx", gpx_text(20, start=None, metadata_time=when)))
    assert run.started_at == when and run.duration_s is None and run.distance_km > 0


def test_a_gpx_with_no_time_at_all_is_refused_for_its_unknown_date(tmp_path):
    assert "date is unknown" in problem(write(tmp_path / "a.gpx", gpx_text(20, start=None)))


def test_each_track_of_a_gpx_is_a_run(tmp_path):
    runs = read_runs(write(tmp_path / "two.gpx", gpx_text(10, tracks=2)))
    assert [r.started_at for r in runs] == [T0, T0 + dt.timedelta(hours=3)]


def test_a_gpx_route_without_a_track_is_no_run(tmp_path):
    route = gpx_text(0).replace("<trk>", "<rte><rtept lat='1' lon='2'/></rte><trk>")
    assert "no recorded track" in problem(write(tmp_path / "route.gpx", route))


def test_a_tcx_gives_the_laps_distance_and_its_times(tmp_path):
    run = one(write(tmp_path / "a.tcx", tcx_text(30, step_s=4, lap_distance_m=1234.5)))
    assert (run.source, run.started_at, run.duration_s, run.distance_km) == ("tcx", T0, 29 * 4, 1.234)
    assert run.elevation_gain_m == pytest.approx(29, abs=0.1)


def test_a_treadmill_tcx_without_positions_is_still_a_run(tmp_path):
    run = one(write(tmp_path / "a.tcx", tcx_text(30, positions=False, lap_distance_m=None)))
    assert run.distance_km == pytest.approx(29 * 11.1 / 1000, abs=0.001) and run.duration_s == 29 * 5


def test_tcx_times_with_and_without_a_written_offset_are_one_clock(tmp_path):
    text = tcx_text(2, step_s=60).replace("T06:16:00Z", "T07:16:00+01:00")
    assert one(write(tmp_path / "a.tcx", text)).duration_s == 60


def test_a_bike_ride_is_not_a_run(tmp_path):
    assert "bike ride" in problem(write(tmp_path / "a.tcx", tcx_text(sport="Biking")))
    assert "bike ride" in problem(write(tmp_path / "a.fit", fit_bytes(sport="CYCLING")))


def test_a_fit_takes_the_watch_totals(tmp_path):
    run = one(write(tmp_path / "a.fit", fit_bytes(40, total_distance_m=2345.6, total_ascent=42,
                                                  elapsed_s=400)))
    assert (run.source, run.started_at, run.duration_s) == ("fit", T0, 400)
    assert (run.distance_km, run.elevation_gain_m) == (2.346, 42)


def test_a_fit_without_a_session_is_summed_from_its_records(tmp_path):
    run = one(write(tmp_path / "a.fit", fit_bytes(40, step_s=3, session=False)))
    assert run.started_at == T0 and run.duration_s == 39 * 3
    assert run.distance_km == pytest.approx(39 * 11.1 / 1000, abs=0.001)
    assert run.elevation_gain_m == pytest.approx(39, abs=0.1)


def test_a_local_time_keeps_its_offset(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    import time
    time.tzset()
    try:
        run = one(write(tmp_path / "a.gpx", gpx_text(5)))
        assert run.started_at.utcoffset() == dt.timedelta(hours=1) and run.started_at == T0
        assert run.started_at.hour == 7
    finally:
        monkeypatch.undo()
        time.tzset()


# --- what stores nothing ---------------------------------------------------------------

def test_an_empty_file_is_named_empty(tmp_path):
    assert problem(write(tmp_path / "a.gpx", b"")) == "it is empty"
    assert problem(write(tmp_path / "b.fit", b"\n  \n")) == "it is empty"


@pytest.mark.parametrize("name, content", [
    ("cut.gpx", gpx_text(30)[:900]),
    ("cut.tcx", tcx_text(30)[:900]),
    ("cut.fit", fit_bytes(30)[:300]),
    ("junk.gpx", "<gpx><trk><trkseg><trkpt lat='x' lon='1'/></trkseg></trk></gpx>"),
])
def test_a_damaged_file_is_called_damaged(tmp_path, name, content):
    assert "damaged" in problem(write(tmp_path / name, content))


def test_a_fit_with_a_changed_byte_fails_its_checksum(tmp_path):
    data = bytearray(fit_bytes(30))
    data[len(data) // 2] ^= 0x55
    assert "damaged" in problem(write(tmp_path / "a.fit", bytes(data)))


def test_a_picture_named_gpx_is_named_for_what_it_is(tmp_path):
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(500)
    assert "JPEG picture" in problem(write(tmp_path / "run.gpx", jpeg))
    assert "not a GPX, TCX or FIT" in problem(write(tmp_path / "run.fit", b"hello, runner"))


def test_a_file_under_the_wrong_extension_is_read_by_its_content(tmp_path):
    assert one(write(tmp_path / "really-gpx.fit", gpx_text(10))).source == "gpx"
    assert one(write(tmp_path / "really-fit.gpx", fit_bytes(10))).source == "fit"
    assert one(write(tmp_path / "really-tcx.txt", tcx_text(10))).source == "tcx"


def test_a_gpx_is_told_by_its_root_past_a_long_preamble_and_a_garmin_namespace(tmp_path):
    text = gpx_text(10).replace("<gpx", "<!-- " + "exported " * 300 + "-->\n<gpx", 1)
    assert one(write(tmp_path / "a.xml", text)).source == "gpx"
    garmin = gpx_text(10).replace(
        "<gpx", '<gpx xmlns:tcd="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"', 1)
    assert one(write(tmp_path / "b.xml", garmin)).source == "gpx"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pipe.gpx")
    assert problem(tmp_path / "pipe.gpx") == "it is not a plain file"


def test_an_enormous_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.gpx"
    with open(path, "wb") as out:   # sparse: no disk spent
        out.truncate(common.MAX_FILE_BYTES + 1)
    assert "more than the 50 MB" in problem(path)


def test_too_many_points_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "MAX_POINTS", 100)
    for name, content in (("a.gpx", gpx_text(101)), ("a.tcx", tcx_text(101)),
                          ("a.fit", fit_bytes(101))):
        assert "101 points" in problem(write(tmp_path / name, content))
    assert one(write(tmp_path / "b.gpx", gpx_text(100))).distance_km > 0


def test_a_100000_point_gpx_is_read_whole(tmp_path):
    run = one(write(tmp_path / "long.gpx", fast_gpx_text(100_000, step_s=1)))
    assert run.duration_s == 99_999
    assert run.distance_km == pytest.approx(99_999 * 1e-5 * M_PER_DEG / 1000, rel=1e-3)


def test_a_run_beyond_what_a_person_runs_is_refused(tmp_path):
    assert "no run's" in problem(write(tmp_path / "a.gpx", gpx_text(20, step_deg=0.5)))


# --- several files against the log -----------------------------------------------------

def test_a_folder_gives_its_run_files_and_not_its_subfolders(tmp_path):
    write(tmp_path / "runs" / "a.gpx", gpx_text(10))
    write(tmp_path / "runs" / "b.TCX", tcx_text(10, start=T0 + dt.timedelta(days=1)))
    write(tmp_path / "runs" / "c.fit", fit_bytes(10, start=T0 + dt.timedelta(days=2)))
    write(tmp_path / "runs" / "notes.txt", "not a run")
    write(tmp_path / "runs" / "old" / "d.gpx", gpx_text(10, start=T0 - dt.timedelta(days=9)))
    result = import_files([tmp_path / "runs"], [])
    assert [f.path.name for f in result.files] == ["a.gpx", "b.TCX", "c.fit"]
    assert [r.source for r in result.runs] == ["gpx", "tcx", "fit"]


def test_a_folder_without_run_files_is_a_problem(tmp_path):
    (tmp_path / "empty").mkdir()
    [outcome] = import_files([tmp_path / "empty"], []).files
    assert outcome.status == PROBLEM and "no .gpx, .tcx or .fit" in outcome.line


def test_a_run_within_a_minute_of_a_logged_one_is_skipped(tmp_path):
    logged = RunRecord(id="manual-1", started_at=T0 + dt.timedelta(seconds=59), source="manual")
    near = write(tmp_path / "near.gpx", gpx_text(10))
    far = write(tmp_path / "far.gpx", gpx_text(10, start=T0 + dt.timedelta(seconds=120)))
    result = import_files([near, far], [logged])
    assert [f.status for f in result.files] == [SKIPPED, IMPORTED]
    assert "in the log already" in result.files[0].line
    assert [r.started_at for r in result.runs] == [T0 + dt.timedelta(seconds=120)]


def test_the_same_run_from_a_watch_and_a_phone_is_taken_once(tmp_path):
    watch = write(tmp_path / "watch.fit", fit_bytes(10))
    phone = write(tmp_path / "phone.gpx", gpx_text(10, start=T0 + dt.timedelta(seconds=20)))
    result = import_files([watch, phone, watch], [])
    assert [f.status for f in result.files] == [IMPORTED, SKIPPED, SKIPPED]
    assert [r.source for r in result.runs] == ["fit"]
    assert result.files[1].line.endswith("is read from an earlier file of this import")


def test_a_file_with_runs_new_and_logged_says_which(tmp_path):
    both = write(tmp_path / "two.gpx", gpx_text(10, tracks=2))
    logged = RunRecord(id="manual-1", started_at=T0, source="manual")
    [outcome] = import_files([both], [logged]).files
    assert outcome.status == IMPORTED and outcome.line.endswith("(1 in the log already)")
    assert [r.started_at for r in outcome.runs] == [T0 + dt.timedelta(hours=3)]


def test_a_bad_file_among_good_ones_stores_nothing_of_itself(tmp_path):
    good = write(tmp_path / "good.gpx", gpx_text(10))
    bad = write(tmp_path / "bad.gpx", gpx_text(10, start=T0 + dt.timedelta(days=1))[:300])
    result = import_files([bad, good, tmp_path / "missing.tcx"], [])
    assert [f.status for f in result.files] == [PROBLEM, IMPORTED, PROBLEM]
    assert [r.started_at for r in result.runs] == [T0]
    assert [p.path.name for p in result.problems] == ["bad.gpx", "missing.tcx"]
    assert result.problems[1].line.endswith("not imported: there is no such file")
    assert result.summary() == "1 run imported, 2 files could not be read."
    again = import_files([good, good], result.runs)
    assert again.summary() == "0 runs imported, 2 files skipped (in the log already)."


# --- through the store -----------------------------------------------------------------

STARTS = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31),
                      timezones=st.just(dt.timezone.utc))
#: None, or how a file is damaged: cut at a fraction of its length, or a byte there changed.
DAMAGE = st.none() | st.tuples(st.sampled_from(["cut", "flip"]), st.floats(0, 1), st.integers(1, 255))
FILES = st.lists(st.tuples(
    st.sampled_from(["gpx", "tcx", "fit"]), STARTS, st.integers(2, 40), st.integers(1, 30),
    st.booleans(), DAMAGE), min_size=1, max_size=4)


def _write_file(folder: Path, index: int, kind: str, start, n: int, step: int, elevation: bool,
                damage) -> Path:
    content = {"gpx": lambda: gpx_text(n, start=start, step_s=step, elevation=elevation).encode(),
               "tcx": lambda: tcx_text(n, start=start, step_s=step).encode(),
               "fit": lambda: fit_bytes(n, start=start, step_s=step)}[kind]()
    if damage is not None:
        how, where, xor = damage
        at = min(int(where * len(content)), len(content) - 1)
        content = (content[:at] if how == "cut" else
                   content[:at] + bytes([content[at] ^ xor]) + content[at + 1:])
    return write(folder / f"{index}.{kind}", content)


@settings(max_examples=25)
@given(FILES)
def test_accepted_runs_round_trip_through_the_store_and_twice_is_once(files):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        paths = [_write_file(folder / "in", i, *f) for i, f in enumerate(files)]
        with SessionRepository(folder / "data") as repo:
            first = import_files(paths, repo.runs())
            repo.save_runs(first.runs)
        with SessionRepository(folder / "data") as repo:
            assert repo.runs() == list(first.runs)   # reopened equal, field for field
            again = import_files(paths + paths, repo.runs())
            assert again.runs == ()
            assert [f.status for f in again.files] == 2 * [
                PROBLEM if f.status == PROBLEM else SKIPPED for f in first.files]
            repo.save_runs(again.runs)
            assert len(repo.runs()) == len(first.runs)
        starts = sorted(r.started_at for r in first.runs)
        assert all(b - a > dt.timedelta(minutes=1) for a, b in zip(starts, starts[1:]))
        assert len({r.id for r in first.runs}) == len(first.runs)


def test_a_fault_in_a_reader_is_one_line_naming_the_file_not_a_traceback(tmp_path, monkeypatch):
    from itbgui.importers import batch

    def broken(data):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(batch.READERS, "gpx", broken)
    [outcome] = import_files([write(tmp_path / "a.gpx", gpx_text(5))], []).files
    assert outcome.status == PROBLEM
    assert outcome.line.endswith("a fault in ITB Coach: ZeroDivisionError; please report it)")
