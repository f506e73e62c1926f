"""The note of bytes checked clean (store/checked.py), and the open that trusts it.

The checked read (loading.read_data_file) is the reference. The trusted read may only be
used for bytes that were noted, and must give exactly what the checked read gives; any
change to the bytes, the note or the rules sends the file the checked way again.
"""

import datetime as dt
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itbgui.store import checked, fast, loading
from itbgui.store.loading import read_checked_before, read_data_file
from itbgui.store.records import RecordError, SessionRecord, SetRecord, check_document
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from itbgui.store.saver import BackgroundSaver
from fuzz_mutations import MUTATIONS
from store_helpers import record
from test_store_fast import VALID_SET, assert_same, damaged_file, file_bytes, odd_set, session

pytest.importorskip("orjson")


@pytest.fixture(autouse=True)
def quick_parse_for_small_files(monkeypatch):
    """The quick parse (and so the trusted one) starts at 1 MB; these files are small."""
    monkeypatch.setattr(fast, "QUICK_PARSE_FROM_BYTES", 0)


def checks_counted(monkeypatch) -> list:
    """Count the checked bulk reads of sessions (the work a noted file skips)."""
    calls = []
    original = fast.session_records

    def counting(sessions):
        calls.append(len(sessions))
        return original(sessions)

    monkeypatch.setattr(fast, "session_records", counting)
    return calls


def hand_timed(doc: dict, how: str) -> dict:
    """A session whose start time was written by hand: no offset, or a fraction of a second."""
    start = dt.datetime.fromisoformat(doc["started_at"])
    if how == "naive":
        doc["started_at"] = start.replace(tzinfo=None).isoformat(timespec="seconds")
        doc["ended_at"] = None
    elif how == "fraction":
        doc["started_at"] = start.replace(microsecond=250_000).isoformat()
    return doc


# ---------------------------------------------------------------------- the rule
@given(st.lists(st.tuples(session(VALID_SET, valid=True),
                          st.sampled_from(["as written"] * 4 + ["naive", "fraction"])), max_size=6))
def test_bytes_read_clean_are_read_the_same_when_trusted(docs):
    raw = file_bytes([hand_timed(doc, how) for doc, how in docs])
    checked_read = read_data_file(raw)
    if not checked_read.quick_clean:   # e.g. two sessions drew one id: never noted
        assert checked_read.problems
        return
    trusted = read_checked_before(raw)
    assert trusted is not None
    assert_same(trusted, checked_read)   # the records compared whole: every set built


@given(st.one_of(damaged_file(), st.lists(session(odd_set(), valid=False), max_size=5).map(file_bytes)))
def test_only_bytes_the_check_finds_clean_may_be_noted_and_they_read_the_same(raw):
    checked_read = read_data_file(raw)
    if checked_read.quick_clean:
        assert not checked_read.problems and not checked_read.newer
        assert_same(read_checked_before(raw), checked_read)
    else:
        with fast.disabled():
            assert read_data_file(raw).problems == checked_read.problems


# ---------------------------------------------------------------------- the store
def written_store(folder, count=3) -> list[SessionRecord]:
    with SessionRepository(folder) as repo:
        repo.save_sessions([record(f"s{i}", day=i) for i in range(count)])
        return repo.sessions()


def test_a_file_noted_as_checked_opens_without_the_checks(tmp_path, monkeypatch):
    saved = written_store(tmp_path)
    raw = (tmp_path / DATA_FILE_NAME).read_bytes()
    assert checked.matches(tmp_path, raw)
    calls = checks_counted(monkeypatch)
    with SessionRepository(tmp_path) as repo:
        assert calls == []
        assert repo.sessions() == saved
        assert not repo.report.problems


@pytest.mark.parametrize("edit", ["impossible week", "repeated key", "half a pair", "cut"])
def test_bytes_changed_after_the_note_are_checked_again(tmp_path, edit):
    written_store(tmp_path)
    path = tmp_path / DATA_FILE_NAME
    raw = path.read_bytes()
    changed = {  # same length where it can be, so only the digest tells
        "impossible week": raw.replace(b'"week":1', b'"week":0', 1),
        "repeated key": raw.replace(b'"title":"Week 1"', b'"title":"Week 1","week":2', 1),
        "half a pair": raw.replace(b'"felt fine"', b'"felt\\ud800"', 1),
        "cut": raw[:-40],
    }[edit]
    assert changed != raw
    path.write_bytes(changed)
    with SessionRepository(tmp_path) as repo:
        assert repo.report.problems, edit
        assert repo.report.moved_aside is not None


@pytest.mark.parametrize("note", [
    "torn", "other rules", "other size", "not an object"])
def test_a_note_that_does_not_fit_is_ignored(tmp_path, monkeypatch, note):
    written_store(tmp_path)
    raw = (tmp_path / DATA_FILE_NAME).read_bytes()
    good = json.loads(checked.note_path(tmp_path).read_text())
    text = {"torn": json.dumps(good)[:-9],
            "other rules": json.dumps({**good, "rules": "schema 0"}),
            "other size": json.dumps({**good, "size": len(raw) + 1}),
            "not an object": "[1, 2]"}[note]
    checked.note_path(tmp_path).write_text(text)
    calls = checks_counted(monkeypatch)
    with SessionRepository(tmp_path) as repo:
        assert calls, "the file was trusted on a note that does not fit"
        assert len(repo.sessions()) == 3
    assert checked.matches(tmp_path, raw)   # the checked open noted it again


def test_saves_are_noted_when_the_saver_runs_dry_and_at_close(tmp_path):
    written_store(tmp_path)
    repo = SessionRepository(tmp_path)
    saver = BackgroundSaver(repo, prepare_after=None)
    saver.save(record("new", day=9))
    assert saver.flush() is None
    saver.close()
    assert checked.matches(tmp_path, (tmp_path / DATA_FILE_NAME).read_bytes())
    repo.save_session(record("later", day=10))   # no saver: noted at close
    assert not checked.matches(tmp_path, (tmp_path / DATA_FILE_NAME).read_bytes())
    repo.close()
    assert checked.matches(tmp_path, (tmp_path / DATA_FILE_NAME).read_bytes())


def test_a_file_read_the_careful_way_is_never_noted_nor_its_rewrites(tmp_path):
    """An escaped emoji is valid JSON, but only the careful path reads escapes of UTF-16
    halves: memory then came from json, whose reading orjson need not share."""
    doc = record("s1").to_doc()
    doc["note"] = "\U0001F600"
    raw = file_bytes([doc], ensure_ascii=True)
    assert b"\\ud83d" in raw
    (tmp_path / DATA_FILE_NAME).write_bytes(raw)
    with SessionRepository(tmp_path) as repo:
        assert not repo.report.problems and repo.session("s1").note == "\U0001F600"
        repo.save_session(record("s2", day=1))
    assert not checked.note_path(tmp_path).exists()


def test_a_read_only_copy_never_writes_the_note(tmp_path):
    written_store(tmp_path)
    checked.note_path(tmp_path).unlink()
    with SessionRepository(tmp_path, read_only=True) as repo:
        assert len(repo.sessions()) == 3
    assert not checked.note_path(tmp_path).exists()


def test_a_note_that_cannot_be_written_costs_nothing_but_time(tmp_path):
    checked.note_path(tmp_path).mkdir()   # a folder in its place: the note cannot go there
    saved = written_store(tmp_path)
    with SessionRepository(tmp_path) as repo:
        assert repo.sessions() == saved and not repo.report.problems
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_plan_number_beyond_64_bits_is_refused_as_it_would_not_read_back_the_same():
    with pytest.raises(RecordError, match="too large"):
        check_document({"weeks": 2 ** 64})
    check_document({"weeks": 2 ** 64 - 1, "low": -2 ** 63})


# ---------------------------------------------------------------------- one constructor
@pytest.mark.parametrize("noted", [True, False], ids=["checked before", "checked in bulk"])
def test_the_quick_paths_build_every_record_through_its_constructor(tmp_path, monkeypatch, noted):
    """The records' own rules (__post_init__) run for every session and every distinct set,
    whichever way the file is read: the quick ways skip repeated checks, never the rules."""
    saved = written_store(tmp_path, count=4)
    if not noted:
        (tmp_path / checked.NOTE_NAME).unlink()
    monkeypatch.setattr(fast, "QUICK_PARSE_FROM_BYTES", 0)   # the bulk path, for a small file
    built = []
    for cls in (SessionRecord, SetRecord):
        real = cls.__post_init__
        monkeypatch.setattr(cls, "__post_init__", lambda self, real=real: (built.append(self), real(self))[1])
    with SessionRepository(tmp_path) as repo:
        assert repo.sessions() == saved
    sessions = [r for r in built if type(r) is SessionRecord]
    sets = {r for r in built if type(r) is SetRecord}
    assert {r.id for r in sessions} == {r.id for r in saved}
    assert sets == {s for r in saved for s in r.sets}


def test_equal_sets_of_a_trusted_file_share_one_record(tmp_path):
    written_store(tmp_path, count=5)
    with SessionRepository(tmp_path) as repo:
        firsts = {id(r.sets[0]) for r in repo.sessions()}
    assert len(firsts) == 1


def test_an_older_file_set_without_some_field_reads_as_the_check_reads_it():
    doc = record("s1").to_doc()
    for one in doc["sets"]:
        del one["step"]
    raw = file_bytes([doc])
    checked_read = read_data_file(raw)
    assert checked_read.quick_clean and not checked_read.problems
    assert_same(read_checked_before(raw), checked_read)
    assert checked_read.records["s1"].sets[0].step_index is None


@settings(max_examples=60)
@given(mutation=st.sampled_from(MUTATIONS), seed=st.integers(0, 2 ** 32))
def test_a_noted_file_damaged_afterwards_opens_as_if_there_were_no_note(tmp_path_factory,
                                                                        mutation, seed):
    noted, bare = tmp_path_factory.mktemp("noted"), tmp_path_factory.mktemp("bare")
    written_store(noted, count=6)
    assert checked.note_path(noted).exists()
    mutated = mutation((noted / DATA_FILE_NAME).read_bytes(), random.Random(seed))
    for folder in (noted, bare):
        (folder / DATA_FILE_NAME).write_bytes(mutated)
    opened = []
    for folder in (noted, bare):
        with SessionRepository(folder) as repo:
            opened.append((repo.report.problems, repo.read_only, repo.sessions(),
                           repo.plan_setup(), repo.decisions()))
    assert opened[0] == opened[1]
