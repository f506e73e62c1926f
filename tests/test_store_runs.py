"""The run log and walking checks in the store: same checks reading and saving, a
migration with a backup first, damaged documents named and left out."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, strategies as st

from itbgui.store.loading import read_data_file
from itbgui.store.records import RecordError
from itbgui.store.repository import SessionRepository
from itbgui.store.run_records import ReadinessCheck, RunRecord

T0 = dt.datetime(2026, 11, 2, 7, 30, tzinfo=dt.timezone.utc)


def _run(**fields) -> RunRecord:
    return RunRecord(**{"id": "r1", "started_at": T0, **fields})


def test_runs_and_checks_reopen_equal(tmp_path):
    runs = [_run(distance_km=5.25, duration_s=1810, elevation_gain_m=31.5, terrain="flat",
                 source="gpx", pain_during=3, pain_onset_km=3.9, pain_after=2,
                 next_morning="same", note="treadmill", stage=2),
            _run(id="r2", started_at=T0 + dt.timedelta(days=2), pain_during=0)]
    check = ReadinessCheck(id="w1", answered_at=T0, walked_minutes=35, pain=0)
    with SessionRepository(tmp_path) as repo:
        repo.save_runs(runs)
        repo.save_readiness_check(check)
    with SessionRepository(tmp_path) as repo:
        assert repo.runs() == runs
        assert repo.readiness_checks() == [check]


def test_a_run_saved_again_replaces_it_and_delete_gives_it_back(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_run(_run(distance_km=4.0))
        repo.save_run(_run(distance_km=4.0, pain_during=2, pain_after=1))
        assert [r.pain_during for r in repo.runs()] == [2]
        removed = repo.delete_run("r1")
        assert removed.pain_during == 2 and repo.runs() == []
        assert repo.delete_run("r1") is None
    with SessionRepository(tmp_path) as repo:
        assert repo.runs() == []


@pytest.mark.parametrize("fields, words", [
    ({"distance_km": -1.0}, "distance_km"),
    ({"distance_km": float("nan")}, "distance_km"),
    ({"duration_s": 1.5}, "duration_s"),
    ({"terrain": "mud"}, "terrain"),
    ({"source": "strava"}, "source"),
    ({"pain_during": 11}, "pain_during"),
    ({"pain_during": 0, "pain_onset_km": 1.0}, "without pain"),
    ({"distance_km": 3.0, "pain_onset_km": 4.0}, "further"),
    ({"next_morning": "fine"}, "next_morning"),
])
def test_an_impossible_run_is_refused_naming_the_field(fields, words):
    with pytest.raises(RecordError, match=words):
        _run(**fields)


def test_a_version_3_file_is_migrated_after_a_backup(tmp_path):
    session = {"id": "s1", "started_at": "2026-11-01T08:00:00+00:00", "ended_at": None,
               "completed": True, "title": "", "week": 1, "pain_before": 1, "pain_after": 2,
               "next_morning": None, "note": "", "sets": []}
    old = {"meta": {"1": {"schema_version": 3}}, "sessions": {"1": session}}
    (tmp_path / "itb-coach.json").write_text(json.dumps(old))
    with SessionRepository(tmp_path) as repo:
        assert repo.report.migrated_from == 3
        assert repo.sessions()[0].pain_during is None
        assert repo.runs() == [] and repo.readiness_checks() == []
        assert [b.reason for b in repo.backups.list()] == ["before-migration"]
    data = json.loads((tmp_path / "itb-coach.json").read_text())
    assert data["meta"]["1"]["schema_version"] == 4
    assert data["runs"] == {} and data["sessions"]["1"]["pain_during"] is None


def test_a_damaged_run_is_named_and_left_out_the_rest_kept():
    good = _run().to_doc()
    bad = {**_run(id="r2").to_doc(), "pain_after": 12}
    raw = json.dumps({"meta": {"1": {"schema_version": 4}},
                      "runs": {"1": good, "2": bad}}).encode()
    loaded = read_data_file(raw)
    assert list(loaded.runs) == ["r1"]
    assert any("A run has impossible values" in p and "pain_after" in p for p in loaded.problems)


def test_runs_survive_a_file_cut_short():
    doc = _run(distance_km=6.0).to_doc()
    raw = json.dumps({"meta": {"1": {"schema_version": 4}}, "runs": {"1": doc}}).encode()
    loaded = read_data_file(raw[:-2])   # the tables and the file left open
    assert loaded.unreadable and list(loaded.runs) == ["r1"]


_amount = st.one_of(st.none(), st.floats(0, 400, allow_nan=False))


@st.composite
def runs(draw):
    distance = draw(_amount)
    during = draw(st.one_of(st.none(), st.integers(0, 10)))
    onset = None
    if during:
        onset = draw(st.one_of(st.none(), st.floats(0, distance if distance is not None else 400)))
    return RunRecord(
        id=draw(st.text(min_size=1, max_size=64).filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s))),
        started_at=T0 + dt.timedelta(seconds=draw(st.integers(0, 10 ** 8))),
        distance_km=distance, duration_s=draw(st.one_of(st.none(), st.integers(0, 48 * 3600))),
        elevation_gain_m=draw(_amount), terrain=draw(st.sampled_from([None, "flat", "hilly"])),
        source=draw(st.sampled_from(["manual", "gpx", "tcx", "fit"])), pain_during=during,
        pain_onset_km=onset, pain_after=draw(st.one_of(st.none(), st.integers(0, 10))),
        next_morning=draw(st.sampled_from([None, "better", "same", "worse"])),
        note=draw(st.text(max_size=40).filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s))),
        stage=draw(st.one_of(st.none(), st.integers(0, 20))))


@given(st.lists(runs(), max_size=6, unique_by=lambda r: r.id))
def test_any_possible_run_reads_back_from_the_file_unchanged(records):
    raw = json.dumps({"meta": {"1": {"schema_version": 4}},
                      "runs": {str(i + 1): r.to_doc() for i, r in enumerate(records)}}).encode()
    loaded = read_data_file(raw)
    assert not loaded.problems
    assert sorted(loaded.runs.values(), key=lambda r: r.id) == sorted(records, key=lambda r: r.id)


def test_a_runs_warning_sign_answers_round_trip_and_unknown_ones_are_refused(tmp_path):
    import pytest as _pytest

    from itbgui.store.records import RecordError
    from itbgui.store.repository import SessionRepository
    from itbgui.store.run_records import RunRecord

    when = dt.datetime(2026, 11, 4, 7, 15, tzinfo=dt.timezone.utc)
    run = RunRecord("r1", when, pain_during=8, pain_after=7, red_flags={"locking": True, "hot_swollen": False})
    assert run.red_flags == (("hot_swollen", False), ("locking", True))      # asking order
    with SessionRepository(tmp_path) as repo:
        repo.save_runs([run])
    with SessionRepository(tmp_path) as repo:
        assert repo.runs() == [run]
    for bad in ({"knee_fell_off": True}, {"locking": "yes"}, 5):
        with _pytest.raises(RecordError):
            RunRecord("r2", when, red_flags=bad)
