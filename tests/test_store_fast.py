"""The quick read (orjson, sets checked in bulk) gives what the careful read gives.

The careful path (json, each session and set checked one by one) is the reference; the
quick path may only ever decline (and leave the file to the careful path) or agree.
"""

import copy
import datetime as dt
import json
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itbgui.store import fast, loading, storage
from itbgui.store.loading import read_data_file
from itbgui.store.migrations import SCHEMA_VERSION
from itbgui.store.records import NEXT_MORNING_ANSWERS
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from store_helpers import record

orjson = pytest.importorskip("orjson")


@pytest.fixture(autouse=True, scope="module")
def quick_parse_for_small_files():
    """The quick parse starts at 1 MB; these files are small."""
    before, fast.QUICK_PARSE_FROM_BYTES = fast.QUICK_PARSE_FROM_BYTES, 0
    yield
    fast.QUICK_PARSE_FROM_BYTES = before


def careful(raw: bytes):
    with fast.disabled():
        return read_data_file(raw)


def assert_same(quick, slow) -> None:
    # repr tells 1 from 1.0 from True, and NaN equals itself there
    assert repr(quick.data) == repr(slow.data)
    assert list(quick.records.items()) == list(slow.records.items())
    assert (quick.version, quick.problems, quick.unreadable, quick.dropped_documents) == \
        (slow.version, slow.problems, slow.unreadable, slow.dropped_documents)


def file_bytes(sessions: list[dict], *, ensure_ascii: bool = False) -> bytes:
    doc = {"meta": {"1": {"schema_version": SCHEMA_VERSION}},
           "sessions": {str(i + 1): s for i, s in enumerate(sessions)}}
    return json.dumps(doc, ensure_ascii=ensure_ascii).encode("utf-8")


# ---------------------------------------------------------------------- documents
ZONES = st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=1)),
                         dt.timezone(dt.timedelta(hours=-5, minutes=-30))])


def whole(low: int, high: int):
    """Whole numbers around a range, and the values that equal them in Python."""
    return st.one_of(st.integers(low - 1, high + 1),
                     st.sampled_from([True, False, 1.0, 0.0, float(high), -0.0, None, "1"]))


VALID_SET = st.fixed_dictionaries({
    "exercise": st.sampled_from(["clamshell", "glute_bridge", "side_plank", "x" * 60]),
    "side": st.sampled_from([None, "left", "right"]),
    "set": st.integers(1, 50),
    "target_reps": st.integers(0, 200),
    "done_reps": st.integers(0, 200),
    "resistance": st.sampled_from(["Bodyweight", "Red band above the knees", "", "é" * 200]),
    "step": st.one_of(st.none(), st.integers(0, 20)),
    "hold_seconds": st.sampled_from([0.0, 30.0, 45.5, 3600.0]),
})

ANY_SET = st.fixed_dictionaries({
    "exercise": st.sampled_from(["clamshell", "glute_bridge", "x" * 60, "x" * 61, "", None, 1]),
    "side": st.sampled_from([None, "left", "right", "both", 1, True]),
    "set": whole(1, 50),
    "target_reps": whole(0, 200),
    "done_reps": whole(0, 200),
    "resistance": st.sampled_from(["Bodyweight", "", "r" * 200, "r" * 201, None, 0]),
    "step": st.one_of(st.none(), whole(0, 20)),
    "hold_seconds": st.one_of(st.sampled_from([0.0, 30.0, 30, 3600, 3600.5, -0.0, -1.0, True, None]),
                              st.floats(0, 4000, allow_nan=False)),
})


@st.composite
def odd_set(draw):
    """Any set, now and then with a key missing, an extra key, or not an object at all."""
    doc = draw(ANY_SET)
    change = draw(st.sampled_from(["none"] * 6 + ["drop", "extra", "scalar"]))
    if change == "drop":
        del doc[draw(st.sampled_from(sorted(doc)))]
    elif change == "extra":
        doc["colour"] = "red"
    elif change == "scalar":
        return draw(st.sampled_from([5, "set", None, [1, 2]]))
    return doc


def iso(zones=ZONES, naive=False):
    base = st.datetimes(min_value=dt.datetime(1999, 12, 30), max_value=dt.datetime(2201, 1, 2),
                        timezones=st.none() if naive else zones)
    return base.map(lambda d: d.isoformat(timespec="seconds"))


@st.composite
def session(draw, sets, valid: bool):
    if valid:
        start = draw(st.datetimes(min_value=dt.datetime(2001, 1, 1), max_value=dt.datetime(2199, 1, 1),
                                  timezones=ZONES))
        end = start + draw(st.sampled_from([dt.timedelta(0), dt.timedelta(minutes=21)]))
        doc = {"id": draw(st.text(min_size=1, max_size=64)),
               "started_at": start.isoformat(timespec="seconds"),
               "ended_at": draw(st.sampled_from([None, end.isoformat(timespec="seconds")])),
               "completed": draw(st.booleans()), "title": draw(st.sampled_from(["Week 1", ""])),
               "week": draw(st.one_of(st.none(), st.integers(1, 520))),
               "pain_before": draw(st.one_of(st.none(), st.integers(0, 10))),
               "pain_after": draw(st.one_of(st.none(), st.integers(0, 10))),
               "next_morning": draw(st.sampled_from((None, *NEXT_MORNING_ANSWERS))),
               "note": draw(st.sampled_from(["", "felt fine ✓", "n" * 500])),
               "sets": draw(st.lists(sets, max_size=5))}
        return doc
    doc = {"id": draw(st.sampled_from(["a", "b", "c", "x" * 64, "x" * 65, "", None, 7])),
           "started_at": draw(st.one_of(iso(), iso(naive=True), st.sampled_from(["nope", None, 5]))),
           "ended_at": draw(st.one_of(st.none(), iso(), st.sampled_from(["", 3]))),
           "completed": draw(st.sampled_from([True, False, 1, None])),
           "title": draw(st.sampled_from(["Week 1", "", "t" * 201, None])),
           "week": draw(st.one_of(st.none(), whole(1, 520))),
           "pain_before": draw(st.one_of(st.none(), whole(0, 10))),
           "pain_after": draw(st.one_of(st.none(), whole(0, 10))),
           "next_morning": draw(st.sampled_from((None, *NEXT_MORNING_ANSWERS, "meh", 1, ["same"]))),
           "note": draw(st.sampled_from(["", "fine", "n" * 500, "n" * 501, None])),
           "sets": draw(st.one_of(st.lists(sets, max_size=5), st.sampled_from([{}, "x", None])))}
    for key in draw(st.lists(st.sampled_from(sorted(doc)), max_size=2)):
        doc.pop(key, None)
    return doc


# ---------------------------------------------------------------------- properties
def read_both_ways(docs: list[dict]):
    """The bulk check's records, and the careful reading's (records, problems, dropped)."""
    sessions = {str(i + 1): d for i, d in enumerate(docs)}
    quick = fast.session_records(copy.deepcopy(sessions))
    problems: list[str] = []
    with fast.disabled():
        slow, _kept, dropped = loading._records(copy.deepcopy(sessions), problems)
    return quick, slow, problems, dropped


@given(st.lists(session(VALID_SET, valid=True), max_size=6))
def test_every_valid_document_takes_the_quick_path_and_gives_the_same_records(docs):
    quick, slow, problems, dropped = read_both_ways(docs)
    if len({d["id"] for d in docs}) < len(docs):  # a repeated id: the careful path says so
        assert quick is None
        return
    assert not problems
    assert quick is not None
    assert list(quick.items()) == list(slow.items())


@given(st.lists(session(odd_set(), valid=False), max_size=5))
def test_the_bulk_check_declines_or_agrees_on_any_document(docs):
    quick, slow, problems, dropped = read_both_ways(docs)
    if quick is not None:
        assert not problems and not dropped
        assert list(quick.items()) == list(slow.items())


TOKENS = ['1', '1.0', 'true', 'false', '-0', '-0.0', '1e400', '-1e400', '18446744073709551616',
          '-9223372036854775809', 'NaN', 'Infinity', '"\\ud800"', '"x\\udfff"', '"\\ud83d\\ude00"',
          '"ok"', 'null', '[]', '{}', '"\\u0000"', '"é"', '3600', '30']


@st.composite
def damaged_file(draw):
    """A file the app could have written, with values swapped for awkward JSON tokens,
    keys repeated, a byte-order mark, cut short or with bytes changed."""
    docs = draw(st.lists(session(VALID_SET, valid=True), min_size=1, max_size=4))
    text = file_bytes(docs, ensure_ascii=draw(st.booleans())).decode("utf-8")
    for _ in range(draw(st.integers(0, 3))):
        spots = [i for i, ch in enumerate(text) if ch == ":"]
        at = draw(st.sampled_from(spots)) + 1
        end = at
        while end < len(text) and text[end] not in ",}]":
            end += 1
        if text[at] in "[{":
            continue  # keep it simple: swap scalars only
        text = text[:at] + draw(st.sampled_from(TOKENS)) + text[end:]
    raw = text.encode("utf-8", errors="surrogatepass")
    ending = draw(st.sampled_from(["keep"] * 5 + ["bom", "cut", "flip", "repeat", "spaces"]))
    if ending == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif ending == "cut":
        raw = raw[: draw(st.integers(0, len(raw) - 1))]
    elif ending == "flip":
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1:]
    elif ending == "repeat":  # the same key twice in one object: the last one counts
        raw = raw.replace(b'"completed":', b'"completed":false,"completed":', 1)
    elif ending == "spaces":
        raw = b" \n\t" + raw.replace(b",", b" ,\r\n ") + b"\n"
    return raw


@given(damaged_file())
def test_any_bytes_read_the_same_the_quick_way_and_the_careful_way(raw):
    assert_same(read_data_file(raw), careful(raw))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
              st.text()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=12)


@given(st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=4), st.booleans())
def test_the_quick_read_parses_as_json_does_or_declines(doc, ascii_only):
    raw = json.dumps(doc, ensure_ascii=ascii_only).encode("utf-8", errors="surrogatepass")
    quick = fast.read(raw, lambda data: SimpleNamespace(data=data, problems=[], records={}))
    if quick is not None:
        assert repr(quick.data) == repr(json.loads(raw))


def test_an_integer_beyond_64_bits_is_read_by_json():
    """orjson reads 2**64 as the float 1.8446744073709552e+19; json keeps it exact."""
    for number in (2 ** 64, -(2 ** 63) - 1, 10 ** 30):
        raw = b'{"meta": {"1": {"schema_version": 2, "n": %d}}}' % number
        assert fast.read(raw, lambda data: SimpleNamespace(data=data, problems=[], records={})) is None
        loaded = read_data_file(raw)
        assert loaded.data["meta"]["1"]["n"] == number
        assert_same(loaded, careful(raw))


# ---------------------------------------------------------------------- cases
def test_equal_sets_of_other_number_types_are_not_merged():
    """1 == 1.0 == True in Python: a set whose number is a float or a boolean must not pass
    as the valid set it equals (the careful path leaves its session out)."""
    good = {"exercise": "clamshell", "side": "left", "set": 1, "target_reps": 10,
            "done_reps": 10, "resistance": "Bodyweight", "step": 0, "hold_seconds": 0.0}
    for field, odd in (("set", 1.0), ("set", True), ("done_reps", 10.0), ("step", False)):
        docs = [{"id": "a", "started_at": "2026-11-02T18:30:00+01:00", "completed": True,
                 "sets": [dict(good)]},
                {"id": "b", "started_at": "2026-11-03T18:30:00+01:00", "completed": True,
                 "sets": [{**good, field: odd}]}]
        raw = file_bytes(docs)
        slow = careful(raw)
        assert list(slow.records) == ["a"] and slow.dropped_documents == 1, field
        assert fast.session_records({"1": docs[0], "2": docs[1]}) is None
        assert_same(read_data_file(raw), slow)


def test_a_file_the_app_wrote_takes_the_quick_path_and_shares_equal_sets(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_sessions([record(f"s{i}", day=i) for i in range(4)])
    raw = (tmp_path / DATA_FILE_NAME).read_bytes()
    quick = read_data_file(raw)
    assert_same(quick, careful(raw))
    first, second = quick.records["s0"], quick.records["s1"]
    assert first.sets == second.sets
    # One record per distinct set (ten years hold ~46,000 sets but a few hundred distinct)
    assert all(a is b for a, b in zip(first.sets, second.sets))
    with SessionRepository(tmp_path) as repo:
        assert repo.sessions() == sorted(quick.records.values(), key=lambda r: r.started_at)


@pytest.mark.parametrize("raw", [
    b'{"sessions": {"1": {"id": "a", "note": "\\ud800"}}}',       # lone surrogate
    b'{"meta": {"1": {"x": NaN}}}',                               # not JSON, json reads it
    b'\xef\xbb\xbf{"meta": {}}',                                  # byte-order mark
    b'{"meta": {}} trailing',
    b'{"sessions": {"1": {"id": "a", "note": "\xff"}}}',          # not UTF-8
    b'[1, 2]', b'', b'   ',
])
def test_what_orjson_refuses_goes_the_careful_way(raw):
    assert fast.parse(raw) is None
    assert_same(read_data_file(raw), careful(raw))


def test_a_small_file_is_parsed_by_json(monkeypatch):
    """Importing orjson costs ~4 ms: a first start or a short history never pays it."""
    threshold = fast._DEFAULT_QUICK_PARSE_FROM_BYTES
    monkeypatch.setattr(fast, "QUICK_PARSE_FROM_BYTES", threshold)
    raw = file_bytes([{"id": "a", "started_at": "2026-11-02T18:30:00+01:00", "sets": []}])
    assert fast.parse(raw) is None
    assert fast.parse(raw + b" " * threshold) == json.loads(raw)


# ---------------------------------------------------------------------- writing
@given(st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=4))
def test_each_document_is_written_as_json_would_read_it(doc):
    json_bytes = f',"7":{storage._encode(doc)}'.encode("utf-8", errors="surrogatepass")
    try:
        quick = storage.encode_fragment("7", doc)
    except UnicodeEncodeError:  # a lone surrogate: json could not write it either
        with pytest.raises(UnicodeEncodeError):
            f',"7":{storage._encode(doc)}'.encode("utf-8")
        return
    written = json.loads(b"{" + quick[1:] + b"}")
    expected = json.loads(b"{" + json_bytes[1:] + b"}")
    # orjson writes a non-finite float as null (json wrote a bare NaN, not JSON at all)
    assert repr(written) == repr(expected) or "nan" in repr(expected) or "inf" in repr(expected)


def test_what_orjson_cannot_write_goes_through_json():
    assert storage.encode_fragment("1", {"n": 2 ** 70}) == b',"1":{"n":%d}' % 2 ** 70
    assert storage.encode_fragment("1", {1: "a"}) == b',"1":{"1":"a"}'
    with pytest.raises(TypeError):
        storage.encode_fragment("1", {"when": dt.datetime(2026, 1, 1)})  # as json refuses it


def test_the_bulk_check_declines_a_huge_float_whatever_the_rules(monkeypatch):
    """orjson reads an integer beyond 64 bits as a float of 2**63 or more; json keeps it
    exact. Even if a set's rules allowed such a number, the bulk check must leave it to
    the careful way (it does not rely on the rules to rule it out)."""
    monkeypatch.setattr(fast.SetRecord, "from_doc", classmethod(lambda cls, doc: doc["set"]))
    row = {"exercise": "clamshell", "side": None, "set": 1, "target_reps": 10,
           "done_reps": 10, "resistance": "", "step": None, "hold_seconds": 0.0}
    assert fast._set_records([dict(row)]) == [1]
    assert fast._set_records([dict(row), {**row, "hold_seconds": 2.0 ** 64}]) is None


def test_a_check_that_raises_on_orjson_data_leaves_the_file_to_the_careful_way():
    def check(data):
        raise RuntimeError("what json would have read differently")
    assert fast.read(b'{"meta": {}}', check) is None


@pytest.mark.parametrize("trouble", ["repeated number", "half a pair"])
def test_what_only_the_text_shows_is_reported_the_quick_way_too(trouble):
    """orjson keeps the last of two equal keys without a word, as json does: the text is
    looked at for a key written twice (and a half UTF-16 pair) before the quick result is
    trusted, so the careful path reports and repairs them."""
    one, two = json.dumps(record("one").to_doc()), json.dumps(record("two", day=1).to_doc())
    if trouble == "repeated number":
        raw = ('{"meta":{"1":{"schema_version":%d}},"sessions":{"1":%s,"1":%s}}'
               % (SCHEMA_VERSION, one, two)).encode()
    else:
        raw = file_bytes([record("one").to_doc() | {"note": "x"}]).replace(b'"note": "x"', b'"note": "\\ud800"')
    quick = read_data_file(raw)
    assert quick.problems
    assert_same(quick, careful(raw))
