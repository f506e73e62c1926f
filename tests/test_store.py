import datetime as dt
import json

import pytest

from itbgui.store.records import SessionRecord, SetRecord
from itbgui.store.repository import DATA_FILE_NAME, SCHEMA_VERSION, SessionRepository, StoreError

T0 = dt.datetime(2026, 11, 2, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def record(session_id="s1", done=10, **kw):
    sets = (SetRecord("clamshell", "left", 1, 10, done, "Bodyweight"),
            SetRecord("glute_bridge", None, 1, 10, 10, "Two-leg bridge"),
            SetRecord("glute_stretch", "right", 1, 0, 0, "Lying figure-4", hold_seconds=30))
    base = dict(id=session_id, started_at=T0, ended_at=T0 + dt.timedelta(minutes=21),
                completed=True, title="Week 1", week=1, pain_before=3, pain_after=2,
                note="felt fine", sets=sets)
    base.update(kw)
    return SessionRecord(**base)


def test_a_session_round_trips_through_the_file(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_session(record())
    repo.close()
    again = SessionRepository(tmp_path)
    assert again.sessions() == [record()]
    assert again.session("s1").duration_seconds == 21 * 60


def test_saving_again_replaces_the_same_session(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.save_session(record(done=4, completed=False, ended_at=None))
    repo.save_session(record(done=9))
    assert [s.sets[0].done_reps for s in repo.sessions()] == [9]


def test_file_is_plain_json_with_a_schema_version(tmp_path):
    SessionRepository(tmp_path).save_session(record())
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text(encoding="utf-8"))
    assert list(doc["meta"].values())[0]["schema_version"] == SCHEMA_VERSION
    session = list(doc["sessions"].values())[0]
    assert session["started_at"] == "2026-11-02T18:30:00+01:00"
    assert session["sets"][0] == {"exercise": "clamshell", "side": "left", "set": 1,
                                  "target_reps": 10, "done_reps": 10,
                                  "resistance": "Bodyweight", "hold_seconds": 0.0}


def test_a_damaged_file_gives_a_clear_error_and_is_left_alone(tmp_path):
    path = tmp_path / DATA_FILE_NAME
    path.write_text('{"sessions": {"1": {"id": ', encoding="utf-8")
    with pytest.raises(StoreError, match="damaged"):
        SessionRepository(tmp_path)
    assert path.read_text(encoding="utf-8") == '{"sessions": {"1": {"id": '


def test_a_file_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / DATA_FILE_NAME
    path.write_text(json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}))
    with pytest.raises(StoreError, match="newer"):
        SessionRepository(tmp_path)
