"""The store's everyday behaviour: sessions, plan, decisions, the file's shape, the cache."""

import json

import pytest

from itbgui.store.records import RecordError, SessionRecord, SetRecord
from itbgui.store.repository import DATA_FILE_NAME, SCHEMA_VERSION, SessionRepository
from store_helpers import T0, record


def on_disk(folder):
    return json.loads((folder / DATA_FILE_NAME).read_text(encoding="utf-8"))


def test_a_session_round_trips_through_the_file(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    with SessionRepository(tmp_path) as again:
        assert again.sessions() == [record()]
        assert again.session("s1").duration_seconds == 21 * 60


def test_saving_again_replaces_the_same_session_on_disk_too(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record(done=4, completed=False, ended_at=None))
        repo.save_session(record("s2", day=2))
        repo.save_session(record(done=9))
        assert [s.sets[0].done_reps for s in repo.sessions()] == [9, 10]
    # The file, not only memory, holds the replacement (the write cache must not go stale).
    docs = on_disk(tmp_path)["sessions"].values()
    assert sorted(d["sets"][0]["done_reps"] for d in docs) == [9, 10]
    assert len(docs) == 2


def test_file_is_plain_json_with_a_schema_version(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    doc = on_disk(tmp_path)
    assert list(doc["meta"].values())[0]["schema_version"] == SCHEMA_VERSION == 4
    session = list(doc["sessions"].values())[0]
    assert session["started_at"] == "2026-11-02T18:30:00+01:00"
    assert session["next_morning"] is None
    assert session["sets"][0] == {"exercise": "clamshell", "side": "left", "set": 1,
                                  "target_reps": 10, "done_reps": 10, "step": 0,
                                  "resistance": "Bodyweight", "hold_seconds": 0.0}


def test_sessions_come_oldest_first_and_are_served_from_memory(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_sessions([record("late", day=5), record("early", day=1), record("mid", day=3)])
        assert [s.id for s in repo.sessions()] == ["early", "mid", "late"]
        (tmp_path / DATA_FILE_NAME).write_text("{}", encoding="utf-8")  # nobody re-reads the file
        first = repo.sessions()
        assert [s.id for s in first] == ["early", "mid", "late"]
        assert repo.sessions()[0] is first[0]      # the same objects, not a re-parse
        first.clear()                               # a caller's list is its own
        assert len(repo.sessions()) == 3


def test_save_sessions_inserts_and_replaces_in_one_call(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record("a"))
        repo.save_sessions([record("a", done=3), record("b", day=1)])
        assert [(s.id, s.sets[0].done_reps) for s in repo.sessions()] == [("a", 3), ("b", 10)]
    with SessionRepository(tmp_path) as again:
        assert [(s.id, s.sets[0].done_reps) for s in again.sessions()] == [("a", 3), ("b", 10)]


def test_deleting_returns_the_session_so_it_can_be_put_back(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_sessions([record("a"), record("b", day=1)])
        removed = repo.delete_session("a")
        assert removed == record("a")
        assert [s.id for s in repo.sessions()] == ["b"]
        assert repo.delete_session("nope") is None
        repo.save_session(removed)                  # undo
    with SessionRepository(tmp_path) as again:
        assert [s.id for s in again.sessions()] == ["a", "b"]


def test_plan_setup_and_decisions_are_kept(tmp_path):
    with SessionRepository(tmp_path) as repo:
        assert repo.plan_setup() is None and repo.decisions() == []
        repo.save_plan_setup({"level": "beginner", "running_days": [1, 3]})
        repo.save_plan_setup({"level": "advanced"})          # replaced whole, not merged
        repo.save_decision({"id": "d1", "action": "hold"})
        repo.save_decision({"id": "d2", "action": "progress"})
        repo.save_decision({"id": "d1", "action": "hold", "overridden_to": "progress"})
        with pytest.raises(ValueError):
            repo.save_decision({"action": "hold"})
    with SessionRepository(tmp_path) as again:
        assert again.plan_setup() == {"level": "advanced"}
        assert again.decisions() == [{"id": "d1", "action": "hold", "overridden_to": "progress"},
                                     {"id": "d2", "action": "progress"}]


@pytest.mark.parametrize("bad", [
    dict(pain_before=11), dict(pain_after=-1), dict(next_morning="awful"),
    dict(note="x" * 501), dict(ended_at=T0.replace(hour=17)),
])
def test_impossible_sessions_cannot_be_built(bad):
    with pytest.raises(RecordError):
        record(**bad)


@pytest.mark.parametrize("reps", [-1, 201])
def test_impossible_rep_counts_cannot_be_built(reps):
    with pytest.raises(RecordError):
        SetRecord("clamshell", "left", 1, 10, reps, "Bodyweight")


def test_a_record_built_from_a_document_checks_every_field():
    good = record().to_doc()
    assert SessionRecord.from_doc(good) == record()
    for key, value in [("pain_before", 14), ("pain_before", "high"), ("started_at", "3000-01-01T00:00:00+00:00"),
                       ("started_at", "yesterday"), ("completed", "yes"), ("sets", {}), ("week", 0)]:
        with pytest.raises(RecordError):
            SessionRecord.from_doc({**good, key: value})
    with pytest.raises(RecordError):
        SessionRecord.from_doc({**good, "sets": [{**good["sets"][0], "done_reps": -3}]})


def test_random_saves_deletes_plans_and_decisions_leave_the_file_equal_to_memory(tmp_path):
    """The per-document write cache must never write a stale copy of anything."""
    import random

    rng = random.Random(5)
    expected: dict[str, SessionRecord] = {}
    decisions: dict[str, dict] = {}
    plan = None
    repo = SessionRepository(tmp_path)
    for step in range(300):
        action = rng.choice(["new", "update", "update", "delete", "plan", "decision"])
        if action == "new" or (action in ("update", "delete") and not expected):
            rec = record(f"s{step}", day=step % 50, done=rng.randint(0, 12))
            repo.save_session(rec)
            expected[rec.id] = rec
        elif action == "update":
            sid = rng.choice(sorted(expected))
            rec = record(sid, day=expected[sid].started_at.day % 28, done=rng.randint(0, 12),
                         note=f"edit {step}")
            repo.save_session(rec)
            expected[sid] = rec
        elif action == "delete":
            sid = rng.choice(sorted(expected))
            repo.delete_session(sid)
            del expected[sid]
        elif action == "plan":
            plan = {"level": rng.choice(["beginner", "advanced"]), "n": step}
            repo.save_plan_setup(plan)
        else:
            doc = {"id": f"d{rng.randint(0, 5)}", "action": "hold", "n": step}
            repo.save_decision(doc)
            decisions[doc["id"]] = doc
    repo.close()
    with SessionRepository(tmp_path) as again:
        assert {s.id: s for s in again.sessions()} == expected
        assert again.plan_setup() == plan
        assert {d["id"]: d for d in again.decisions()} == decisions
