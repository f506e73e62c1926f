"""The person's plan as the command-line commands read it: set-up, sessions and overrides
from the data folder, read-only and without the lock, so they work while the app is open.

A set-up or an override that cannot be read does not stop a command: the default plan
stands in, and ``notes`` says what was skipped, for the command to print on stderr.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
from itbgui.program.plan_setup import PlanSetup, stored_setup
from itbgui.program.progression import stored_decisions


@dataclass(frozen=True)
class StoredPlan:
    setup: PlanSetup
    sessions: list
    decisions: list
    notes: list[str] = field(default_factory=list)
    runs: list = field(default_factory=list)
    #: the walking readiness answers (return to running)
    checks: list = field(default_factory=list)


def read_stored_plan(data_dir: Path, today: dt.date, *, doing: str = "using") -> StoredPlan:
    """Raises StoreError when the data file cannot be read at all; nothing is written.

    ``doing`` names what the command does with a default plan ("printing", "showing").
    """
    setup_doc, sessions, decision_docs, runs, checks = None, [], [], [], []
    if (data_dir / DATA_FILE_NAME).exists():
        repo = SessionRepository(data_dir, read_only=True)
        try:
            setup_doc, sessions, decision_docs = repo.plan_setup(), repo.sessions(), repo.decisions()
            runs, checks = repo.runs(), repo.readiness_checks()
        finally:
            repo.close()
    notes = []
    setup, problem = stored_setup(setup_doc, today)
    if problem:
        notes.append(f"{problem} in {data_dir}; {doing} the default plan "
                     "(beginner, no running days, starting this week).")
    decisions, problems = stored_decisions(decision_docs)
    notes += [f"skipped {p}." for p in problems]
    return StoredPlan(setup, sessions, decisions, notes, runs, checks)


def read_for_command(prog: str, data_dir: Path, today: dt.date, *, doing: str) -> StoredPlan | None:
    """:func:`read_stored_plan` at a command's edge: the store's error and each note go to
    stderr as ``prog: ...``; None when the data file cannot be read (the command exits 1)."""
    try:
        stored = read_stored_plan(data_dir, today, doing=doing)
    except StoreError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return None
    for note in stored.notes:
        print(f"{prog}: {note}", file=sys.stderr)
    return stored
