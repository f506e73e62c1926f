"""Schema migrations: one small function per version step, applied in order.

Each function takes the whole TinyDB-shaped data of the version before it and changes it
in place into the next version. The repository takes a backup before running any of them
and records the new version in ``meta`` in the same atomic write (Vorta's shape, on JSON).
"""

from __future__ import annotations

from typing import Callable

SCHEMA_VERSION = 4


def _to_v2(data: dict) -> None:
    """v2: sessions get ``next_morning`` (asked the day after); sets get their ladder ``step``."""
    for doc in data.get("sessions", {}).values():
        if isinstance(doc, dict):
            doc.setdefault("next_morning", None)
            for set_doc in doc.get("sets", []) if isinstance(doc.get("sets"), list) else []:
                if isinstance(set_doc, dict):
                    set_doc.setdefault("step", None)


def _to_v3(data: dict) -> None:
    """v3: decisions follow from the sessions, so a decision document keeps only the
    person's override (``id``, ``based_on``, ``overridden_to``, ``made_on``); documents
    without an override carry nothing the sessions do not, and go."""
    decisions = data.get("decisions")
    if not isinstance(decisions, dict):
        return
    kept = {}
    for key, doc in decisions.items():
        if isinstance(doc, dict) and doc.get("overridden_to") is not None:
            kept[key] = {name: doc.get(name) for name in ("id", "based_on", "overridden_to", "made_on")}
    data["decisions"] = kept


def _to_v4(data: dict) -> None:
    """v4: sessions get ``pain_during`` (the worst pain during it, asked with the after
    score); the file gets a ``runs`` table and a ``readiness`` table (walking checks)."""
    for doc in data.get("sessions", {}).values():
        if isinstance(doc, dict):
            doc.setdefault("pain_during", None)
    for table in ("runs", "readiness"):
        if not isinstance(data.get(table), dict):
            data[table] = {}


#: target version -> the step that reaches it from the version before
MIGRATIONS: dict[int, Callable[[dict], None]] = {
    2: _to_v2,
    3: _to_v3,
    4: _to_v4,
}


def migrate(data: dict, from_version: int) -> list[int]:
    """Bring ``data`` up to SCHEMA_VERSION in place; returns the versions passed through."""
    passed = []
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](data)
        passed.append(version)
    return passed
