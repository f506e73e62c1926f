"""The quick way through a clean data file; anything else goes the careful way (loading.py).

loading.py is the reference: the json module parses the file (it also reads lone
surrogates, integers of any size and NaN) and every session and set is checked one by
one, naming what is wrong. On ten years of sessions (~46,000 sets) that careful walk costs
about twice a bare ``json.load``. Here orjson parses the bytes in about half json's time
(files from QUICK_PARSE_FROM_BYTES up), and the sets are checked in bulk, whichever
parser read them: a history holds only a few hundred *different* sets (same exercise,
side, reps, band), so each distinct set is checked and built once, by the same
``SetRecord.from_doc``, and the frozen record is shared by every set equal to it.

Every record is still built by its own constructor (``SessionRecord.from_doc`` with the
sets given, ``SetRecord.from_doc``), so the records' rules run as on the careful path.
That costs a little more than filling the instances directly would, and is paid after
Today is shown: the file is read after the first frame.

The quick path only ever answers "all of it is fine, here are the records" or None. On
any doubt (orjson refuses the bytes or reads a number json would read otherwise, a set of
another shape, a column mixing numbers of different types, any session or set that
fails its check, a repeated id) it returns None and the caller runs the careful path
from scratch, so what counts as valid, every message and every repair stay its own.
"""

from __future__ import annotations

import contextlib
import gc
from itertools import chain, islice
from operator import itemgetter
from typing import Callable, TypeVar

from itbgui.store.records import SessionRecord, SetRecord

#: Files smaller than this are parsed by json: importing orjson (~4 ms) would cost as
#: much as it saves (measured: even at a year of sessions, ~740 KB; ten years, 7.6 MB,
#: save ~35 ms). The bulk check of the sets runs whichever parser read the file.
_DEFAULT_QUICK_PARSE_FROM_BYTES = QUICK_PARSE_FROM_BYTES = 1024 * 1024

#: The keys of a set document as the app writes it (records.SetRecord.to_doc).
SET_FIELDS = ("exercise", "side", "set", "target_reps", "done_reps", "resistance", "step",
              "hold_seconds")
_ROW = itemgetter(*SET_FIELDS)
# 1 == 1.0 == True in Python: a column holding two of these types could merge a valid set
# with an invalid one, so such a file goes the careful way.
_NUMBER_TYPES = frozenset((bool, int, float))
T = TypeVar("T")

_enabled = True


@contextlib.contextmanager
def disabled():
    """Everything the careful way, for tests that compare the two."""
    global _enabled
    before, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = before


@contextlib.contextmanager
def gc_paused():
    """No cyclic garbage collection while a file's documents are read and checked.

    Reading ten years builds some 600,000 objects, none in a cycle; CPython would walk
    the growing heap every few thousand of them, about a fifth of the time spent.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read(raw: bytes, check: Callable[[dict], T]) -> T | None:
    """``check`` of the document orjson parsed from ``raw``, when it found nothing wrong.

    None sends the file the careful way: orjson refused it; ``check`` found a problem
    (its messages and repairs are the careful path's to make, from json's reading); or
    a number is so large it may be an integer beyond 64 bits, which orjson turns into a
    float where json keeps it exact.
    """
    with gc_paused():
        data = parse(raw)
        if data is None:
            return None
        try:
            loaded = check(data)
            bulk = type(loaded.records) is BulkRecords
            if loaded.problems or _holds_huge_number(data, bulk=bulk):
                return None
        except Exception:  # noqa: BLE001 - e.g. nested deeper than Python likes: the
            return None    # careful way reads it again, and raises what it raises
        return loaded


_HUGE = 2.0 ** 63


def _huge(value) -> bool:
    kind = type(value)
    if kind is float:
        return not -_HUGE < value < _HUGE
    if kind is dict:
        return any(map(_huge, value.values()))
    if kind is list:
        return any(map(_huge, value))
    return False


def _holds_huge_number(data: dict, *, bulk: bool) -> bool:
    """Any float of 2**63 or more, anywhere; the sets are skipped when the bulk check took
    them (it looked at every distinct value of their eight fields, the only ones)."""
    for name, table in data.items():
        if name != "sessions" or not bulk or type(table) is not dict:
            if _huge(table):
                return True
            continue
        for doc in table.values():
            if type(doc) is not dict:
                return _huge(table)
            for key, value in doc.items():
                if key != "sets" and _huge(value):
                    return True
    return False


def parse(raw: bytes) -> dict | None:
    """The file's top-level object parsed by orjson, or None to parse it the careful way.

    orjson refuses much that json reads differently or not at all (invalid UTF-8, lone
    surrogates, NaN, a BOM); an integer beyond 64 bits it reads as a float, which
    :func:`read` looks for.
    """
    if not _enabled or len(raw) < QUICK_PARSE_FROM_BYTES:
        return None
    try:
        import orjson  # here, not at the top: a new or small history never needs it
    except ImportError:  # a declared dependency; without it files go the careful way
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return data if type(data) is dict else None


class _BuiltSets(dict):
    """Set values (a tuple in SET_FIELDS order, perhaps followed by the types of some of
    them) -> its record, checked and built on first sight."""

    def __missing__(self, key: tuple) -> SetRecord:
        record = self[key] = SetRecord.from_doc(dict(zip(SET_FIELDS, key)))
        return record


def _set_records(sets: list) -> list[SetRecord] | None:
    """A record for each set document, or None when they are not all plainly well-formed."""
    if not sets:
        return []
    if set(map(type, sets)) != {dict} or set(map(len, sets)) != {len(SET_FIELDS)}:
        return None  # a missing, extra or odd entry: the careful path says which
    rows = list(map(_ROW, sets))  # KeyError: some other key
    built = _BuiltSets()
    records = list(map(built.__getitem__, rows))
    if any(map(_huge, chain.from_iterable(built))):
        return None  # maybe an integer orjson made a float: the careful way reads it
    # Each distinct row was checked; a row merged with an equal one of other types (1 and
    # 1.0 and true) was not. Only a column where some distinct row holds a number can
    # hide one, so only those columns are read again, for their types.
    mixed = [column for column in range(len(SET_FIELDS))
             if any(type(row[column]) in _NUMBER_TYPES for row in built)
             and len(set(map(type, map(itemgetter(column), rows))) & _NUMBER_TYPES) > 1]
    if not mixed:
        return records
    # A hand-edited file may hold 30 and 30.0: the types join the key, so each
    # (values, types) is checked on its own.
    kinds = zip(*(map(type, map(itemgetter(column), rows)) for column in mixed))
    return list(map(_BuiltSets().__getitem__, map(tuple.__add__, rows, kinds)))


class BulkRecords(dict):
    """Session id -> record, made by :func:`session_records` (every set field checked)."""


def session_records(sessions: dict) -> dict[str, SessionRecord] | None:
    """Every session's record by id when every document passes its check; else None."""
    if not _enabled:
        return None
    try:
        docs = list(sessions.values())
        set_lists = [doc.get("sets", []) for doc in docs]
        if any(type(sets) is not list for sets in set_lists):
            return None
        records = _set_records(list(chain.from_iterable(set_lists)))
        if records is None:
            return None
        flat = iter(records)
        out = BulkRecords()
        for doc, sets in zip(docs, set_lists):
            record = SessionRecord.from_doc(doc, sets=tuple(islice(flat, len(sets))))
            out[record.id] = record
    except Exception:  # noqa: BLE001 - any surprise is the careful path's to name
        return None
    return out if len(out) == len(docs) else None


def session_records_checked_before(sessions: dict) -> dict[str, SessionRecord] | None:
    """Every session's record by id, from documents checked clean before (checked.py).

    Each record is built by ``SessionRecord.from_doc`` as the careful path builds it; what
    is saved is the set-by-set check: the sets come from one table of the file's distinct
    sets, each built once. None for anything unexpected: the caller then reads the file
    the checked way.
    """
    known = _BuiltSets()
    out = BulkRecords()
    try:
        for doc in sessions.values():
            sets = doc["sets"] if "sets" in doc else []
            record = SessionRecord.from_doc(doc, sets=_sets_checked_before(known, sets))
            out[record.id] = record
    except Exception:  # noqa: BLE001 - not what a checked file holds: check it
        return None
    return out if len(out) == len(sessions) else None


def _sets_checked_before(known: _BuiltSets, docs: list) -> tuple[SetRecord, ...]:
    try:
        return tuple(map(known.__getitem__, map(_ROW, docs)))
    except KeyError:  # an older file's set without some field: as from_doc reads it
        return tuple(map(SetRecord.from_doc, docs))
