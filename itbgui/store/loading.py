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

from . import fast
from .migrations import SCHEMA_VERSION, migrate
from .records import RecordError, SessionRecord

#: Tables the app knows; anything else in a file is kept as it is.
SESSIONS, META, PLAN, DECISIONS = "sessions", "meta", "plan", "decisions"

_SESSION_START = re.compile(r'\{\s*"id"\s*:')
_VERSION = re.compile(r'"schema_version"\s*:\s*(\d+)')
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

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    @property
    def newer(self) -> bool:
        return self.version > SCHEMA_VERSION


def read_data_file(raw: bytes) -> LoadedFile:
    """Check ``raw`` (the file's bytes) and return every document worth keeping."""
    quick = fast.read(raw, _check)  # parsed by orjson; None: the careful way below
    if quick is not None:
        return quick
    if not raw.strip():
        return LoadedFile(data={}, records={}, version=SCHEMA_VERSION,
                          problems=["The data file is empty."], unreadable=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return _salvage(text, f"The data file has bytes that are not text (at byte {exc.start}).")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        return _salvage(text, f"The data file is cut off or damaged and is not valid JSON{where}.")
    if not isinstance(data, dict):
        return _salvage(text, "The data file holds JSON, but not the shape ITB Coach writes "
                              "(the top level is not an object).")
    return _check(data)


def _check(data: dict) -> LoadedFile:
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
        clean[name] = _numbered(docs)

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

    records, kept_keys, dropped = _records(clean.get(SESSIONS, {}), problems)
    clean[SESSIONS] = {k: v for k, v in clean.get(SESSIONS, {}).items() if k in kept_keys}
    if DECISIONS in clean:
        decisions = clean[DECISIONS]
        clean[DECISIONS] = {k: v for k, v in decisions.items() if isinstance(v.get("id"), str)}
        if len(clean[DECISIONS]) != len(decisions):
            n = len(decisions) - len(clean[DECISIONS])
            problems.append(f"{n} progression decision(s) without an id were left out.")
            dropped += n
    return LoadedFile(data=clean, records=records, version=version, problems=problems,
                      dropped_documents=dropped)


def _numbered(docs: dict) -> dict:
    """TinyDB needs whole-number keys; a hand-edited key gets the next free number."""
    if all(k.isdigit() and k.isascii() for k in docs):
        return docs
    numbers = [int(k) for k in docs if k.isdigit() and k.isascii()]
    next_free = max(numbers, default=0) + 1
    renumbered = {}
    for key, doc in docs.items():
        if not (key.isdigit() and key.isascii()):
            key, next_free = str(next_free), next_free + 1
        renumbered[key] = doc
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


def _records(sessions: dict, problems: list[str]) -> tuple[dict[str, SessionRecord], set[str], int]:
    """Every session that passes the checks, the document keys kept, and how many were not."""
    quick = fast.session_records(sessions)  # all clean, checked in bulk; or None
    if quick is not None:
        return quick, set(sessions), 0
    records: dict[str, SessionRecord] = {}
    keys: dict[str, str] = {}
    dropped = 0
    for key, doc in sessions.items():
        try:
            record = SessionRecord.from_doc(doc)
        except (RecordError, KeyError, TypeError) as exc:
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


def _salvage(text: str, reason: str) -> LoadedFile:
    """Pull every complete session object out of text that is not valid JSON."""
    decoder = json.JSONDecoder()
    sessions: dict[str, dict] = {}
    decisions: dict[str, dict] = {}
    for match in _SESSION_START.finditer(text):
        try:
            doc, _end = decoder.raw_decode(text, match.start())
        except (json.JSONDecodeError, RecursionError):
            continue
        if not isinstance(doc, dict):
            continue
        if "sets" in doc and "started_at" in doc:
            sessions[str(len(sessions) + 1)] = doc
        elif "action" in doc and "based_on" in doc:
            decisions[str(len(decisions) + 1)] = doc
    data: dict = {SESSIONS: sessions, DECISIONS: decisions}
    version_match = _VERSION.search(text)
    version = int(version_match.group(1)) if version_match else 1
    plan_match = _PLAN_START.search(text)
    if plan_match:
        try:
            plan_doc, _end = decoder.raw_decode(text, plan_match.end())
            if isinstance(plan_doc, dict):
                data[PLAN] = {"1": plan_doc}
        except (json.JSONDecodeError, RecursionError):
            pass
    if version > SCHEMA_VERSION:
        version = SCHEMA_VERSION  # a damaged file gives no trustworthy version; read as ours
    data[META] = {"1": {"schema_version": version}}
    loaded = _check(data)
    loaded.problems.insert(0, reason)
    loaded.unreadable = True
    return loaded
