"""Clinical histories as data folders, read back as a person would through ``itb-coach
week``: the JSON and the text, with the test's clock as the command's."""

from __future__ import annotations

import json

from itbgui.cli import week as week_command
from itbgui.store.repository import SessionRepository


def write_folder(folder, setup, sessions=(), decisions=(), runs=(), checks=()) -> None:
    """A data folder holding ``setup`` and the given sessions, override documents, runs and
    walking checks, written through the store as the app writes them."""
    with SessionRepository(folder) as repo:
        repo.save_plan_setup(setup.to_doc())
        repo.save_sessions(list(sessions))
        repo.save_runs(list(runs))
        for doc in decisions:
            repo.save_decision(doc)
        for check in checks:
            repo.save_readiness_check(check)


def read_week(folder, capsys, clock, *extra) -> tuple[dict, str]:
    """The week as ``week --json`` and as its text, on ``clock``'s day."""
    out = []
    for args in (["--json"], []):
        capsys.readouterr()
        assert week_command.run([*args, *extra, "--data-dir", str(folder)], clock=clock) == 0
        out.append(capsys.readouterr().out)
    return json.loads(out[0]), out[1]
