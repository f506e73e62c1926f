"""Damaged, old and newer data files: the app opens, says what it found, and loses nothing."""

import json

import pytest

from itbgui.store.repository import DATA_FILE_NAME, SCHEMA_VERSION, SessionRepository, StoreError
from store_helpers import StepClock, record


def write_file(folder, text):
    path = folder / DATA_FILE_NAME
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def good_file(folder, n=3):
    with SessionRepository(folder) as repo:
        repo.save_sessions([record(f"s{i}", day=i) for i in range(n)])
    return (folder / DATA_FILE_NAME).read_bytes()


def aside_files(folder):
    return sorted(folder.glob("itb-coach.damaged-*.json"))


def test_a_truncated_file_keeps_every_whole_session_and_the_original_bytes(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_plan_setup({"level": "beginner"})
        repo.save_decision({"id": "d1", "action": "hold", "based_on": "s0"})
    raw = good_file(tmp_path, n=3)
    cut = raw[: raw.index(b'{"id":"s2"') + 40]        # a crash mid-write of the old storage
    write_file(tmp_path, cut)
    with SessionRepository(tmp_path) as repo:
        assert [s.id for s in repo.sessions()] == ["s0", "s1"]
        assert repo.plan_setup() == {"level": "beginner"}
        assert repo.decisions() == [{"id": "d1", "action": "hold", "based_on": "s0"}]
        assert "not valid JSON" in repo.report.summary()
        assert "2 sessions could be read" in repo.report.summary()
        [aside] = aside_files(tmp_path)
        assert repo.report.moved_aside == aside
        assert aside.read_bytes() == cut               # never deleted, byte for byte
    # The repaired file is whole again and opens cleanly next time.
    with SessionRepository(tmp_path) as again:
        assert again.report.summary() is None
        assert [s.id for s in again.sessions()] == ["s0", "s1"]


@pytest.mark.parametrize("text, phrase", [
    ("", "empty"),
    ("   \n", "empty"),
    ("{not json", "not valid JSON"),
    ("[1, 2, 3]", "not the shape"),
    ('{"sessions": [1, 2]}', "not a JSON object"),
    (b"\xff\xfe\x00garbage", "not text"),
])
def test_unreadable_files_open_empty_with_a_plain_message(tmp_path, text, phrase):
    write_file(tmp_path, text)
    with SessionRepository(tmp_path) as repo:
        assert repo.sessions() == []
        assert phrase in repo.report.summary()
        if repo.report.moved_aside:
            original = text.encode() if isinstance(text, str) else text
            assert repo.report.moved_aside.read_bytes() == original
        repo.save_session(record())                    # and it works from here on
    assert json.loads((tmp_path / DATA_FILE_NAME).read_text())["sessions"]


@pytest.mark.parametrize("field, value", [
    ("pain_before", 14), ("pain_after", "a lot"), ("started_at", "3000-01-01T10:00:00+00:00"),
    ("started_at", None), ("sets", "many"), ("id", 7),
])
def test_a_session_with_impossible_values_is_left_out_and_the_rest_kept(tmp_path, field, value):
    good_file(tmp_path, n=3)
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text())
    key = next(k for k, s in doc["sessions"].items() if s["id"] == "s1")
    doc["sessions"][key][field] = value
    original = json.dumps(doc)
    write_file(tmp_path, original)
    with SessionRepository(tmp_path) as repo:
        assert [s.id for s in repo.sessions()] == ["s0", "s2"]
        assert "impossible values" in repo.report.summary()
        assert repo.report.moved_aside.read_text() == original


def test_a_hand_edited_document_key_is_renumbered_not_dropped(tmp_path):
    good_file(tmp_path, n=2)
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text())
    doc["sessions"]["my favourite"] = doc["sessions"].pop("1")
    write_file(tmp_path, json.dumps(doc))
    with SessionRepository(tmp_path) as repo:
        assert [s.id for s in repo.sessions()] == ["s0", "s1"]
        repo.save_session(record("s2", day=2))
        repo.delete_session("s0")
    with SessionRepository(tmp_path) as again:
        assert [s.id for s in again.sessions()] == ["s1", "s2"]


def test_negative_reps_inside_a_set_are_caught(tmp_path):
    good_file(tmp_path, n=2)
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text())
    next(iter(doc["sessions"].values()))["sets"][0]["done_reps"] = -5
    write_file(tmp_path, json.dumps(doc))
    with SessionRepository(tmp_path) as repo:
        assert len(repo.sessions()) == 1
        assert "done_reps" in repo.report.summary()


def test_a_file_from_a_newer_app_is_read_only_and_never_written(tmp_path):
    good_file(tmp_path, n=2)
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text())
    doc["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    doc["sessions"]["1"]["a_field_from_the_future"] = {"x": 1}
    original = json.dumps(doc)
    write_file(tmp_path, original)
    with SessionRepository(tmp_path) as repo:
        assert repo.read_only
        assert repo.report.newer_version == SCHEMA_VERSION + 1
        assert "newer version" in repo.report.summary()
        assert len(repo.sessions()) == 2                # history can still be looked at
        with pytest.raises(StoreError, match="read-only"):
            repo.save_session(record("new"))
    assert (tmp_path / DATA_FILE_NAME).read_text() == original
    assert not aside_files(tmp_path)


V1_FILE = {
    "meta": {"1": {"schema_version": 1, "created_by": "itb-coach 0.1.0"}},
    "sessions": {"1": {
        "id": "4f0c1d0e6c1a4b8f9a0f7b5e2d3c4a1b", "started_at": "2026-11-02T18:30:00+01:00",
        "ended_at": "2026-11-02T18:53:10+01:00", "completed": True,
        "title": "Week 1: learn the movements", "week": 1, "pain_before": 3, "pain_after": 2,
        "note": "right side felt tight",
        "sets": [{"exercise": "clamshell", "side": "left", "set": 1, "target_reps": 10,
                  "done_reps": 10, "resistance": "Bodyweight", "hold_seconds": 0.0}]}},
}


def test_a_version_1_file_is_migrated_after_a_backup(tmp_path):
    original = json.dumps(V1_FILE, indent=1)
    write_file(tmp_path, original)
    clock = StepClock()
    with SessionRepository(tmp_path, now=clock) as repo:
        assert repo.report.migrated_from == 1
        assert repo.report.summary() is None            # nothing wrong, nothing to tell
        [session] = repo.sessions()
        assert session.next_morning is None and session.sets[0].step_index is None
        [backup] = repo.backups.list()
        assert backup.reason == "before-migration"
        assert backup.path.read_text() == original
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text())
    assert doc["meta"]["1"]["schema_version"] == 4
    assert doc["meta"]["1"]["created_by"] == "itb-coach 0.1.0"
    assert doc["sessions"]["1"]["next_morning"] is None
    assert doc["sessions"]["1"]["sets"][0]["step"] is None


def test_a_version_2_files_decisions_become_overrides_after_a_backup(tmp_path):
    """v3: decisions follow from the sessions; only the person's overrides stay stored."""
    v2 = json.loads(json.dumps(V1_FILE))
    v2["meta"]["1"]["schema_version"] = 2
    sid = v2["sessions"]["1"]["id"]
    full = {"id": f"after-{sid}", "action": "hold", "reason": "r", "see_clinician": False,
            "clinician_reason": "", "made_on": "2026-11-03T08:10:00+01:00", "based_on": sid}
    v2["decisions"] = {"1": {**full, "overridden_to": None},
                       "2": {**full, "id": "after-x", "based_on": "x", "overridden_to": "step_back"}}
    original = json.dumps(v2, indent=1)
    write_file(tmp_path, original)
    with SessionRepository(tmp_path, now=StepClock()) as repo:
        assert repo.report.migrated_from == 2 and repo.report.summary() is None
        assert repo.decisions() == [{"id": "after-x", "based_on": "x", "overridden_to": "step_back",
                                     "made_on": "2026-11-03T08:10:00+01:00"}]
        [backup] = repo.backups.list()
        assert backup.reason == "before-migration" and backup.path.read_text() == original
    doc = json.loads((tmp_path / DATA_FILE_NAME).read_text())
    assert doc["meta"]["1"]["schema_version"] == 4


def test_a_damaged_file_is_only_read_while_another_copy_holds_the_folder(tmp_path):
    good_file(tmp_path, n=1)
    with SessionRepository(tmp_path) as first:
        write_file(tmp_path, "{broken")
        with SessionRepository(tmp_path) as second:
            assert second.read_only and second.report.locked_by
        assert (tmp_path / DATA_FILE_NAME).read_text() == "{broken"
        assert not aside_files(tmp_path)
        del first


def test_the_documented_example_file_opens_cleanly(tmp_path):
    """docs/data-format.md shows a whole file; it must stay a valid, current one."""
    from pathlib import Path

    from itbgui.program.plan_setup import PlanSetup
    from itbgui.program.decisions import Override

    doc_text = (Path(__file__).resolve().parents[1] / "docs" / "data-format.md").read_text()
    example = doc_text.split("```json\n", 1)[1].split("```", 1)[0]
    write_file(tmp_path, example)
    with SessionRepository(tmp_path) as repo:
        assert repo.report.summary() is None and repo.report.migrated_from is None
        [session] = repo.sessions()
        assert session.next_morning == "same" and session.sets[2].step_index == 1
        assert PlanSetup.from_doc(repo.plan_setup()).sore_side == "left"
        [decision] = repo.decisions()
        assert Override.from_doc(decision).action == "hold"
