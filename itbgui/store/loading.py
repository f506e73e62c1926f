"""Reading a data file: parse it, check every document, and save what can be saved.

The result says in plain words what was wrong, so the app can tell the person, and
carries only documents that passed the checks. A file that is not JSON at all (cut off
by a crash, flipped bytes) is scanned for session objects that still parse on their own.
Nothing here writes: deciding what to do with a damaged file is the repository's job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from itbgui.store import fast
from itbgui.store.migrations import SCHEMA_VERSION, migrate
from itbgui.store.records import RecordError, SessionRecord
from itbgui.store.run_records import ReadinessCheck, RunRecord

#: Tables the app knows; anything else in a file is kept as it is.
SESSIONS, META, PLAN, DECISIONS = "sessions", "meta", "plan", "decisions"
RUNS, READINESS = "runs", "readiness"
#: The other tables of records, each checked by its record's own rules: name -> (record, what).
_RECORD_TABLES = {RUNS: (RunRecord, "A run"), READINESS: (ReadinessCheck, "A walking check")}

_SESSION_START = re.compile(r'\{\s*"id"\s*:')
_VERSION = re.compile(r'"schema_version"\s*:\s*(\d{1,9})(?![\d.eE])')
# An escaped backslash, a valid surrogate pair, or a lone half (high or low).
_SURROGATE_ESCAPE = re.compile(r'\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}'
                               r'|\\u[dD][89a-fA-F][0-9a-fA-F]{2}')
_KEY_END = re.compile(r'"\s*:')
_SPACED_KEY_END = re.compile(r'"[ \t\r\n]+:')
_MAYBE_SURROGATE = re.compile(r'\\u[dD][89a-fA-F]')
#: Everything a damaged or odd file can make the JSON reader raise (a number of more
#: than 4,300 digits is a ValueError, deep nesting a RecursionError).
_PARSE_ERRORS = (ValueError, RecursionError)
_PLAN_START = re.compile(r'"plan"\s*:\s*\{\s*"1"\s*:\s*')


@dataclass
class LoadedFile:
    """What a data file held, checked."""

    data: dict                           # TinyDB-shaped: table -> doc id -> document
    records: dict[str, SessionRecord]    # session id -> record, for the sessions kept
    version: int                         # the version the file was written in
    problems: list[str] = field(default_factory=list)  # plain words, empty when clean
    unreadable: bool = False             # the file as a whole was not a valid data file
    dropped_documents: int = 0
    #: read by orjson and found clean, so orjson reads bytes written from this data as
    #: json would: checked.py may note them as checked (see read_checked_before)
    quick_clean: bool = False
    runs: dict[str, RunRecord] = field(default_factory=dict)           # run id -> record
    readiness: dict[str, ReadinessCheck] = field(default_factory=dict)  # check id -> record

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    @property
    def newer(self) -> bool:
        return self.version > SCHEMA_VERSION


def read_data_file(raw: bytes) -> LoadedFile:
    """Check ``raw`` (the file's bytes) and return every document worth keeping.

    Never raises for any bytes: whatever cannot be read becomes a problem in plain words.
    A clean file is parsed by orjson (``fast``); anything it or the checks below would
    have to mend or report goes the careful way, from json's reading.
    """
    seen: dict = {}   # what the quick read saw in the text: the careful one need not look again
    quick = fast.read(raw, lambda data: _check_as_read(raw, data, seen))
    if quick is not None:
        quick.quick_clean = True
        return quick
    if not raw.strip():
        return LoadedFile(data={}, records={}, version=SCHEMA_VERSION,
                          problems=["The data file is empty."], unreadable=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text, notes = repair_lone_surrogates(raw.decode("utf-8", errors="replace"))
        return _salvage(text, f"The data file has bytes that are not text (at byte {exc.start}).",
                        notes)
    text, notes = repair_lone_surrogates(text)
    duplicates = None
    try:
        if seen.get("repeated keys"):
            data, duplicates = parse_keeping_duplicates(text)
        else:
            data = json.loads(text)
    except _PARSE_ERRORS as exc:
        where = f" at line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        return _salvage(text, f"The data file is cut off or damaged and is not valid JSON{where}.",
                        notes)
    if not isinstance(data, dict):
        return _salvage(text, "The data file holds JSON, but not the shape ITB Coach writes "
                              "(the top level is not an object).", notes)
    if duplicates is None and may_hold_duplicate_keys(text, data):
        data, duplicates = parse_keeping_duplicates(text)
    notes += duplicates or []
    loaded = _check(data)
    loaded.problems[:0] = notes
    return loaded


def read_checked_before(raw: bytes) -> LoadedFile | None:
    """What :func:`read_data_file` returns for ``raw``, for bytes that were checked clean
    before (checked.matches said so): parsed by orjson and built without checking every
    field again, each session's sets on first use. None when the quick parser is not
    there or not for a file this small, or anything is not as a clean file holds it; the
    caller then reads the file the checked way."""
    with fast.gc_paused():
        data = fast.parse(raw)
        if data is None:
            return None
        try:
            loaded = _check(data, checked_before=True)
        except Exception:  # noqa: BLE001 - the checked way names whatever it is
            return None
    if loaded.problems or loaded.version != SCHEMA_VERSION or loaded.dropped_documents:
        return None
    loaded.quick_clean = True
    return loaded


def _check_as_read(raw: bytes, data, seen: dict) -> LoadedFile:
    """``_check`` for the quick read, after what only the text shows: a half UTF-16 pair or
    a key written twice sends the file the careful way (which reports and mends them),
    before the documents are checked for nothing."""
    if isinstance(data, dict):
        text = raw.decode("utf-8")
        seen["repeated keys"] = may_hold_duplicate_keys(text, data)
        if seen["repeated keys"] or _MAYBE_SURROGATE.search(text) is not None:
            return LoadedFile(data={}, records={}, version=SCHEMA_VERSION,
                              problems=["to be read the careful way"])
    return _check(data)


def repair_lone_surrogates(text: str) -> tuple[str, list[str]]:
    """Replace each ``\\uD800``-style escape that is half a UTF-16 pair by U+FFFD.

    Such a half is valid JSON but no UTF-8 file can hold it, so every later save would
    fail; it is mended here, on the text, so it does not matter which parser runs next.
    """
    if _MAYBE_SURROGATE.search(text) is None:
        return text, []
    count = 0

    def mend(match: re.Match) -> str:
        nonlocal count
        token = match.group(0)
        if len(token) != 6:  # an escaped backslash or a whole pair: as it was
            return token
        count += 1
        return "\\ufffd"

    mended = _SURROGATE_ESCAPE.sub(mend, text)
    if not count:
        return text, []
    return mended, [f"{count} broken character{'s' if count != 1 else ''} (half of a UTF-16 "
                    "pair) in the text of the file became \ufffd, so the file can be saved again."]


def may_hold_duplicate_keys(text: str, data: dict) -> bool:
    """False only when no key can be in the text twice (a JSON reader keeps only the last).

    Every key is a string followed by a colon, so the text has at least as many ``":``
    as the file has keys (colons inside strings only add to it). When the parsed data
    holds that many keys, none was folded; the count is a few milliseconds where a
    parse that watches every key would double the open.
    """
    if _SPACED_KEY_END.search(text) is not None:
        seen = len(_KEY_END.findall(text))   # hand-formatted: spaces before a colon
    else:
        seen = text.count('":')
    return seen != _count_keys(data)


def _count_keys(value) -> int:
    """Keys in parsed JSON; a shortcut for sets may undercount, which only costs time."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            total += len(item)
            for key, child in item.items():
                if key == "sets" and type(child) is list and all(type(s) is dict for s in child):
                    total += sum(map(len, child))   # a set's values are plain: no walk
                elif type(child) in (dict, list):
                    stack.append(child)
        elif type(item) is list:
            stack.extend(child for child in item if type(child) in (dict, list))
    return total


def parse_keeping_duplicates(text: str) -> tuple[dict, list[str]]:
    """Parse again, keeping every copy of a repeated key: an object under a repeated key
    (a whole document, say) is kept under a new name, so it is renumbered rather than lost;
    a plain value keeps its last copy, as readers do. Says what it found."""
    found: list[str] = []

    def pairs(items: list) -> dict:
        out = dict(items)
        if len(out) == len(items):   # the common case, at C speed: no key repeated here
            return out
        out = {}
        for key, value in items:
            if key in out:
                earlier = out.pop(key)
                found.append(key)
                if isinstance(earlier, dict) and isinstance(value, dict):
                    n = 1
                    while f"{key} (copy {n})" in out:
                        n += 1
                    out[f"{key} (copy {n})"] = earlier
            out[key] = value
        return out

    data = json.loads(text, object_pairs_hook=pairs)
    if not found:  # colons inside strings made the count differ
        return data, []
    names = ", ".join(f"'{k[:20]}'" for k in dict.fromkeys(found))
    return data, [f"{len(found)} key{'s' if len(found) != 1 else ''} appeared twice in the file "
                  f"({names[:120]}); a document under a repeated number was kept under a new "
                  "number, a repeated field kept its last value."]


def _check(data: dict, *, checked_before: bool = False) -> LoadedFile:
    problems: list[str] = []
    clean: dict = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            problems.append(f"The table '{name}' is not a JSON object and was left out.")
            continue
        docs = {str(k): v for k, v in table.items() if isinstance(v, dict)}
        bad = len(table) - len(docs)
        if bad:
            problems.append(f"{bad} entr{'y' if bad == 1 else 'ies'} in '{name}' "
                            "were not JSON objects and were left out.")
        clean[name] = _numbered(docs, name, problems)

    version = _version(clean.get(META, {}))
    if version is None:
        if clean.get(SESSIONS):
            problems.append("The data file does not say which format it is in; "
                            "it was read as format 1.")
        version = 1
    if version > SCHEMA_VERSION:
        # A newer app's file: read what we understand, change nothing.
        records, _keys, _dropped = _records(clean.get(SESSIONS, {}), [])
        return LoadedFile(data=clean, records=records, version=version)
    if version < SCHEMA_VERSION:
        migrate(clean, version)
    clean[META] = {"1": {**_meta_doc(clean.get(META, {})), "schema_version": SCHEMA_VERSION}}

    records, kept_keys, dropped = _records(clean.get(SESSIONS, {}), problems, checked_before)
    clean[SESSIONS] = {k: v for k, v in clean.get(SESSIONS, {}).items() if k in kept_keys}
    if DECISIONS in clean:
        decisions = clean[DECISIONS]
        clean[DECISIONS] = {k: v for k, v in decisions.items() if isinstance(v.get("id"), str)}
        if len(clean[DECISIONS]) != len(decisions):
            n = len(decisions) - len(clean[DECISIONS])
            problems.append(f"{n} progression decision(s) without an id were left out.")
            dropped += n
    others = {}
    for name, (kind, what) in _RECORD_TABLES.items():
        others[name], clean[name], n = _other_records(clean.get(name, {}), kind, what, problems)
        dropped += n
    return LoadedFile(data=clean, records=records, version=version, problems=problems,
                      dropped_documents=dropped, runs=others[RUNS], readiness=others[READINESS])


def _other_records(docs: dict, kind, what: str, problems: list[str]) -> tuple[dict, dict, int]:
    """Records by id of a table other than sessions, the documents kept, and how many
    were not: a document its record's rules refuse is left out and named, as a session is;
    of two with one id the later is kept."""
    records, kept, dropped = {}, {}, 0
    for key, doc in docs.items():
        try:
            record = kind.from_doc(doc)
        except (RecordError, KeyError, TypeError, ValueError, OverflowError) as exc:
            dropped += 1
            problems.append(f"{what} has impossible values and was left out: {exc}.")
            continue
        if record.id in records:
            dropped += 1
            problems.append(f"{what} ({record.id[:8]}) was stored twice; the later copy was kept.")
            kept = {k: v for k, v in kept.items() if v.get("id") != record.id}
        records[record.id] = record
        kept[key] = doc
    return records, kept, dropped


def _plain_number(key: str) -> bool:
    """A key TinyDB reads back as itself: '7', never '07', '٧' or 5,000 digits."""
    return (0 < len(key) <= 9 and key.isascii() and key.isdigit()
            and (key[0] != "0" or key == "0"))


def _numbered(docs: dict, name: str, problems: list[str]) -> dict:
    """TinyDB needs whole-number keys, and reads '07' as 7, folding it into '7' on the
    next save; every other key gets the next free number, and the person is told."""
    if all(_plain_number(k) for k in docs):
        return docs
    numbers = [int(k) for k in docs if _plain_number(k)]
    next_free = max(numbers, default=0) + 1
    renumbered = {}
    odd = 0
    for key, doc in docs.items():
        if not _plain_number(key):
            key, next_free, odd = str(next_free), next_free + 1, odd + 1
        renumbered[key] = doc
    problems.append(f"{odd} document{'s' if odd != 1 else ''} in '{name[:40]}' had a number "
                    "that is not a plain whole number and got a new one, so none is "
                    "merged with another.")
    return renumbered


def _version(meta: dict) -> int | None:
    for doc in meta.values():
        value = doc.get("schema_version")
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
    return None


def _meta_doc(meta: dict) -> dict:
    for doc in meta.values():
        return dict(doc)
    return {}


def _records(sessions: dict, problems: list[str], checked_before: bool = False
             ) -> tuple[dict[str, SessionRecord], set[str], int]:
    """Every session that passes the checks, the document keys kept, and how many were not."""
    quick = None
    if checked_before:
        quick = fast.session_records_checked_before(sessions)
    if quick is None:
        quick = fast.session_records(sessions)  # all clean, checked in bulk; or None
    if quick is not None:
        return quick, set(sessions), 0
    records: dict[str, SessionRecord] = {}
    keys: dict[str, str] = {}
    dropped = 0
    for key, doc in sessions.items():
        try:
            record = SessionRecord.from_doc(doc)
        except (RecordError, KeyError, TypeError, ValueError, OverflowError) as exc:
            dropped += 1
            when = doc.get("started_at") if isinstance(doc.get("started_at"), str) else "unknown date"
            problems.append(f"A session ({when[:16]}) has impossible values and was left out: {exc}.")
            continue
        previous = records.get(record.id)
        if previous is not None:
            dropped += 1
            problems.append(f"Session {record.id[:8]} was stored twice; the fuller copy was kept.")
            if len(previous.sets) >= len(record.sets):
                continue
        records[record.id] = record
        keys[record.id] = key
    return records, set(keys.values()), dropped


def _salvage(text: str, reason: str, notes: list[str] | None = None) -> LoadedFile:
    """Pull every complete session object out of text that is not valid JSON.

    One pass, each decode bounded by the next session's opening, so the time grows with
    the file, not with its square. A file that names a newer format stays a newer file: it is
    opened read-only and never rewritten as this version's format.
    """
    decoder = json.JSONDecoder()
    sessions: dict[str, dict] = {}
    decisions: dict[str, dict] = {}
    runs: dict[str, dict] = {}
    readiness: dict[str, dict] = {}
    # A session cannot hold the text '{"id":' (a quote inside a string is escaped), so
    # each one lies between its own opening and the next: decoding only that slice keeps
    # a failed decode (whose error message counts lines back to the start) from costing
    # the whole file each time.
    starts = [m.start() for m in _SESSION_START.finditer(text)] + [len(text)]
    for start, stop in zip(starts, starts[1:]):
        try:
            doc, _end = decoder.raw_decode(text[start:stop])
        except _PARSE_ERRORS:
            continue
        if not isinstance(doc, dict):
            continue
        if "sets" in doc and "started_at" in doc:
            sessions[str(len(sessions) + 1)] = doc
        elif "action" in doc and "based_on" in doc:
            decisions[str(len(decisions) + 1)] = doc
        elif "distance_km" in doc and "source" in doc:
            runs[str(len(runs) + 1)] = doc
        elif "walked_minutes" in doc and "answered_at" in doc:
            readiness[str(len(readiness) + 1)] = doc
    data: dict = {SESSIONS: sessions, DECISIONS: decisions, RUNS: runs, READINESS: readiness}
    versions = [int(v) for v in _VERSION.findall(text)]
    version = max(versions, default=1)
    plan_match = _PLAN_START.search(text)
    if plan_match:
        try:
            plan_doc, _end = decoder.raw_decode(text, plan_match.end())
            if isinstance(plan_doc, dict):
                data[PLAN] = {"1": plan_doc}
        except _PARSE_ERRORS:
            pass
    problems = [reason, *(notes or [])]
    if version > SCHEMA_VERSION:
        # Perhaps a newer app's file with one bad byte: read what we can, write nothing.
        records, _keys, _dropped = _records(sessions, [])
        return LoadedFile(data=data, records=records, version=version, problems=problems,
                          unreadable=True)
    data[META] = {"1": {"schema_version": version}}
    loaded = _check(data)
    loaded.problems[:0] = problems
    loaded.unreadable = True
    return loaded
