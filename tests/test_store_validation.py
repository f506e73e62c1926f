"""One set of rules for a session, in both directions (issue 13).

What reading would drop, saving refuses; what the app accepts, it saves and reopens
equal. Plus the files that used to crash the start: huge numbers, year-1 dates, newer
files without ids, duplicate keys and half a UTF-16 pair in a note.
"""

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, strategies as st

from itbgui.program.plan_setup import PlanSetup, stored_setup
from itbgui.store.loading import read_data_file
from itbgui.store.records import (NOTE_MAX_CHARS, WEEK_RANGE, RecordError, SessionRecord,
                                  SetRecord)
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
from store_helpers import T0, record


def write_file(folder, doc) -> bytes:
    raw = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    (folder / DATA_FILE_NAME).write_bytes(raw)
    return raw


def file_with(*sessions, version=2, **tables) -> dict:
    return {"meta": {"1": {"schema_version": version}},
            "sessions": {str(i + 1): s for i, s in enumerate(sessions)}, **tables}


# ------------------------------------------------------------ saving refuses what reading drops
@pytest.mark.parametrize("change", [
    dict(week=WEEK_RANGE[1] + 1),
    dict(week=0),
    dict(started_at=dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)),
    dict(started_at=dt.datetime(1999, 12, 31, 12, tzinfo=dt.timezone.utc)),
    dict(started_at=dt.datetime(2026, 11, 2, 18, 30)),                  # no UTC offset
    dict(title="x" * 201),
    dict(note="\ud800 lone half"),
    dict(id=""),
])
def test_the_record_refuses_what_reading_would_drop(change):
    with pytest.raises(RecordError):
        record(**change)


def test_a_session_in_week_526_is_possible_and_reopens(tmp_path):
    """A plan ten years old is in week 526: saved, and kept on the next start."""
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record("old-plan", week=526))
    with SessionRepository(tmp_path) as repo:
        assert not repo.report.problems
        assert repo.session("old-plan").week == 526


def test_a_set_refuses_what_reading_would_drop():
    with pytest.raises(RecordError):
        SetRecord("clamshell", "left", 0, 10, 10, "x")                  # set 0
    with pytest.raises(RecordError):
        SetRecord("", "left", 1, 10, 10, "x")
    with pytest.raises(RecordError):
        SetRecord("clamshell", "left", 1, 10, 10, "x", hold_seconds=float("nan"))
    with pytest.raises(RecordError):
        SetRecord("clamshell", "left", 1, 10, 10, "x", step_index=21)


def test_times_are_kept_to_the_second_so_a_saved_record_reopens_equal(tmp_path):
    start = T0.replace(microsecond=654321)
    rec = record("micro", started_at=start, ended_at=start + dt.timedelta(minutes=3, microseconds=5))
    with SessionRepository(tmp_path) as repo:
        repo.save_session(rec)
    with SessionRepository(tmp_path) as repo:
        assert repo.session("micro") == rec


# ------------------------------------------------------------ properties
texts = st.text(max_size=30)
zones = st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=-11)),
                         dt.timezone(dt.timedelta(hours=13, minutes=45))])
aware_times = st.datetimes(min_value=dt.datetime(2000, 1, 2), max_value=dt.datetime(2200, 12, 30),
                           timezones=zones)
anything = st.one_of(st.none(), st.booleans(), st.integers(-5, 12_000), st.floats(allow_nan=True),
                     texts, st.just("\ud800"), st.just("x" * 600), st.just([]),
                     st.sampled_from(["1970-01-01T00:00:00+00:00", "2201-06-01T00:00:00+00:00",
                                      "0001-01-01T00:00:00", "1999-12-31T23:00:00-02:00"]))

valid_sets = st.fixed_dictionaries({
    "exercise": st.one_of(st.sampled_from(["clamshell", "glute_bridge"]), st.text(min_size=1, max_size=60)),
    "side": st.sampled_from(["left", "right", None]),
    "set": st.integers(1, 50),
    "target_reps": st.integers(0, 200),
    "done_reps": st.integers(0, 200),
    "resistance": st.text(max_size=200),
    "step": st.one_of(st.none(), st.integers(0, 20)),
    "hold_seconds": st.one_of(st.floats(0, 3600), st.integers(0, 3600)),
})


@st.composite
def valid_session_docs(draw):
    start = draw(aware_times)
    ended = draw(st.one_of(st.none(), st.timedeltas(dt.timedelta(0), dt.timedelta(hours=30))))
    return {
        "id": draw(st.text(min_size=1, max_size=64)),
        "started_at": start.isoformat(),
        "ended_at": None if ended is None else (start + ended).isoformat(),
        "completed": draw(st.booleans()),
        "title": draw(st.text(max_size=200)),
        "week": draw(st.one_of(st.none(), st.integers(*WEEK_RANGE))),
        "pain_before": draw(st.one_of(st.none(), st.integers(0, 10))),
        "pain_after": draw(st.one_of(st.none(), st.integers(0, 10))),
        "next_morning": draw(st.sampled_from(["better", "same", "worse", None])),
        "note": draw(st.one_of(st.text(max_size=NOTE_MAX_CHARS), st.just("é" * NOTE_MAX_CHARS))),
        "sets": draw(st.lists(valid_sets, max_size=3)),
    }


@st.composite
def session_docs(draw):
    """A possible session with up to two fields (of it or of a set) made odd."""
    doc = draw(valid_session_docs())
    for key in draw(st.lists(st.sampled_from(sorted(doc)), max_size=2)):
        doc[key] = draw(anything)
    if isinstance(doc.get("sets"), list) and doc["sets"] and draw(st.booleans()):
        chosen = doc["sets"][0]
        chosen[draw(st.sampled_from(sorted(chosen)))] = draw(anything)
    return doc


def _fields(doc: dict) -> dict:
    """The document's values handed to the constructor as the app would (times parsed)."""
    def when(value):
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    try:
        started, ended = when(doc["started_at"]), when(doc["ended_at"])
    except ValueError:
        return {}
    sets = []
    if not isinstance(doc["sets"], list):
        return {}
    for s in doc["sets"]:
        sets.append(dict(exercise_id=s["exercise"], side=s["side"], set_number=s["set"],
                         target_reps=s["target_reps"], done_reps=s["done_reps"],
                         resistance=s["resistance"], hold_seconds=s["hold_seconds"],
                         step_index=s["step"]))
    return dict(id=doc["id"], started_at=started, ended_at=ended, completed=doc["completed"],
                title=doc["title"], week=doc["week"], pain_before=doc["pain_before"],
                pain_after=doc["pain_after"], next_morning=doc["next_morning"], note=doc["note"],
                sets=sets)


@given(session_docs())
def test_reading_and_building_agree_on_every_document(doc):
    """Reading keeps a document exactly when the app could have built that record, and
    what is kept is written back as it was read (same record after a round trip)."""
    try:
        read = SessionRecord.from_doc(doc)
    except RecordError:
        read = None
    fields = _fields(doc)
    try:
        sets = tuple(SetRecord(**s) for s in fields.get("sets", []))
        built = SessionRecord(**{**fields, "sets": sets}) if fields else None
    except RecordError:
        built = None
    except TypeError:      # a value of the wrong type for a set's dataclass: refused too
        built = None
    assert (read is None) == (built is None), (doc, read, built)
    if read is not None:
        assert built == read
        again = SessionRecord.from_doc(json.loads(json.dumps(read.to_doc(), ensure_ascii=False)))
        assert again == read


@given(st.lists(st.one_of(valid_session_docs(), session_docs()), min_size=1, max_size=4))
def test_what_the_store_accepts_it_saves_and_reopens_equal(tmp_path_factory, docs):
    """Whatever record the constructor accepts, the store writes and the next start reads
    back equal; anything else the store never sees (the constructor refused it)."""
    records = []
    for n, doc in enumerate(docs):
        try:
            records.append(dataclasses.replace(SessionRecord.from_doc(doc), id=f"r{n}"))
        except RecordError:
            continue
    folder = tmp_path_factory.mktemp("roundtrip")
    with SessionRepository(folder) as repo:
        repo.save_sessions(records)
    with SessionRepository(folder) as repo:
        assert not repo.report.problems
        assert {r.id: r for r in repo.sessions()} == {r.id: r for r in records}


# ------------------------------------------------------------ files that crashed the start
def test_a_number_of_5000_digits_is_a_message_not_a_traceback(tmp_path):
    doc = json.dumps(file_with(record("a").to_doc(), extra={"1": {"n": 7}}))
    raw = write_file(tmp_path, doc.replace('"n": 7', '"n": ' + "9" * 5000).encode())
    with SessionRepository(tmp_path) as repo:
        assert repo.report.problems and repo.report.moved_aside.read_bytes() == raw
        assert repo.session("a") is not None       # salvaged from the text


def test_a_naive_year_1_date_is_a_message_not_a_traceback(tmp_path):
    bad = {**record("bad").to_doc(), "started_at": "0001-01-01T00:00:00"}
    write_file(tmp_path, file_with(bad, record("good").to_doc()))
    with SessionRepository(tmp_path) as repo:
        assert [s.id for s in repo.sessions()] == ["good"]
        assert "started_at" in repo.report.summary()


def test_a_newer_file_with_documents_without_ids_opens_read_only(tmp_path):
    no_id = {k: v for k, v in record("x").to_doc().items() if k != "id"}
    raw = write_file(tmp_path, file_with(no_id, record("kept").to_doc(), version=9,
                                         decisions={"1": {"action": "hold"}}))
    with SessionRepository(tmp_path) as repo:
        assert repo.read_only and repo.report.newer_version == 9
        assert [s.id for s in repo.sessions()] == ["kept"]
    assert (tmp_path / DATA_FILE_NAME).read_bytes() == raw


def test_a_plan_starting_in_9999_is_refused_with_a_reason():
    doc = {"level": "beginner", "running_days": [], "start_date": "9999-12-31", "sore_side": "left"}
    setup, problem = stored_setup(doc, dt.date(2026, 12, 1))
    assert problem and "start date" in problem
    assert setup == PlanSetup.default(dt.date(2026, 12, 1))


# ------------------------------------------------------------ duplicates and broken text
def test_duplicate_document_numbers_keep_both_documents_and_say_so(tmp_path):
    one, two = json.dumps(record("one").to_doc()), json.dumps(record("two", day=1).to_doc())
    raw = ('{"meta":{"1":{"schema_version":2}},"sessions":{"1":%s,"1":%s}}' % (one, two)).encode()
    write_file(tmp_path, raw)
    with SessionRepository(tmp_path) as repo:
        assert {s.id for s in repo.sessions()} == {"one", "two"}
        assert "twice" in repo.report.summary()
        assert repo.report.moved_aside.read_bytes() == raw


def test_a_repeated_field_is_reported(tmp_path):
    raw = json.dumps(file_with(record("a").to_doc())).replace('"note": "felt fine"',
                                                              '"note": "first", "note": "felt fine"')
    write_file(tmp_path, raw.encode())
    with SessionRepository(tmp_path) as repo:
        assert repo.session("a").note == "felt fine"
        assert "twice" in repo.report.summary()


def test_keys_7_and_07_are_two_documents_not_one(tmp_path):
    write_file(tmp_path, file_with(**{}) | {"sessions": {"7": record("seven").to_doc(),
                                                         "07": record("oh-seven", day=1).to_doc()}})
    with SessionRepository(tmp_path) as repo:
        assert {s.id for s in repo.sessions()} == {"seven", "oh-seven"}
        assert repo.report.problems          # said, not silently folded
    with SessionRepository(tmp_path) as repo:   # and after the rewrite, both still there
        assert {s.id for s in repo.sessions()} == {"seven", "oh-seven"}


def test_a_lone_surrogate_in_a_note_is_mended_on_reading_and_saving_works(tmp_path):
    raw = json.dumps(file_with(record("a").to_doc())).replace("felt fine", "felt \\ud800fine")
    write_file(tmp_path, raw.encode())
    with SessionRepository(tmp_path) as repo:
        assert repo.session("a").note == "felt \ufffdfine"
        assert "broken character" in repo.report.summary()
        repo.save_session(dataclasses.replace(repo.session("a"), pain_after=5))   # no crash
    with SessionRepository(tmp_path) as repo:
        assert not repo.report.problems and repo.session("a").pain_after == 5


def test_a_valid_surrogate_pair_and_an_escaped_backslash_are_left_alone():
    doc = file_with({**record("a").to_doc(), "note": "\U0001f600 \\ud800 is text"})
    loaded = read_data_file(json.dumps(doc).encode())
    assert not loaded.problems
    assert loaded.records["a"].note == "\U0001f600 \\ud800 is text"


def test_a_lone_surrogate_from_a_text_box_is_refused_by_the_store_and_cleaned_by_the_editor(tmp_path):
    from itbgui.screens.history.editing import edited_session

    with SessionRepository(tmp_path) as repo:
        with pytest.raises(StoreError):
            repo.save_decision({"id": "d", "reason": "\udc00"})
        repo.save_session(edited_session(record("a"), note="bad \ud83d half"))
        assert repo.session("a").note == "bad \ufffd half"
