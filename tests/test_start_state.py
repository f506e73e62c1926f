"""The start snapshot (program/start_state.py, store/start_file.py): Today told from it is
Today told by a full replay of the log, on random histories, and after an edit, a delete
and a set-up change the snapshot is not used until it is written again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from history_helpers import FAST, MONDAY, SETUP, clock_on, logged
from itbgui.core.coach import Coach
from itbgui.program import start_state
from itbgui.program.decisions import answer_doc
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.progression import decide, history_of, next_session
from itbgui.program.resume import resumable_session
from itbgui.program.sessions import session_day
from itbgui.program.timeline import Timing
from itbgui.store import start_file
from itbgui.store.opening import open_folder
from itbgui.store.repository import SessionRepository
from test_clinical_properties import _follow, in_maintenance, outcomes, scripted
from test_progression_rules import build_history, histories

PROGRAM = Path(start_state.__file__).parent


def _overrides(records, override_at) -> list[dict]:
    return [{"id": f"after-{records[k].id}", "based_on": records[k].id, "overridden_to": a,
             "made_on": "2026-11-02T08:00:00+00:00"} for k, a in override_at.items() if k < len(records)]


def _kept(setup, records, decisions, today, timing):
    """The snapshot of a full replay, through JSON as the file keeps it, read back for ``today``."""
    history = history_of(setup, records, decisions, timing)
    doc = start_state.snapshot(setup.to_doc(), setup, timing, history, records)
    return start_state.read(json.loads(json.dumps(doc)), today, timing)


@given(histories, st.integers(0, 20), st.sampled_from((Timing(), FAST)))
def test_today_from_the_snapshot_is_today_from_the_whole_log(case, days_on, timing):
    setup, rows, override_at = case
    records = build_history(setup, rows)
    decisions = _overrides(records, override_at)
    today = session_day(records[-1]) + dt.timedelta(days=days_on)
    state = _kept(setup, records, decisions, today, timing)
    assert state is not None
    assert state.history.latest_decision == decide(setup, records, decisions)
    got = start_state.today_session(state, today)
    if got is None:   # only a session to carry on today needs the log without it
        assert resumable_session(records, today) is not None
    else:
        assert got == next_session(setup, records, decisions, today, timing)


@settings(max_examples=20)
@given(st.sampled_from(("beginner", "intermediate")), st.lists(outcomes, max_size=8), st.integers(0, 16),
       st.lists(st.sampled_from(("cleared", "settled")), max_size=1))
def test_past_the_build_too_maintenance_a_rebuild_or_a_pause(level, script, days_on, answers):
    """Sessions in maintenance, a flare and its rebuild, a pause and the person's answer: the
    states the is_settled and weekly-ceiling rules read from older sessions."""
    setup, before = in_maintenance(level)
    played = _follow(setup, before, scripted(script), (before[-1].started_at.date() - setup.start_date).days + 1,
                     3 * 7)
    records = list(before) + [p.record for p in played]
    last = records[-1].started_at
    decisions = [answer_doc(a, last + dt.timedelta(hours=20)) for a in answers]
    today = session_day(records[-1]) + dt.timedelta(days=days_on)
    state = _kept(setup, records, decisions, today, Timing())
    got = start_state.today_session(state, today)
    if got is None:
        assert resumable_session(records, today) is not None
    else:
        assert got == next_session(setup, records, decisions, today)


@given(histories, st.integers(0, 10))
def test_a_snapshot_is_read_only_for_its_own_set_up_timing_and_weeks(case, days_on):
    setup, rows, _ = case
    records = build_history(setup, rows)
    today = session_day(records[-1]) + dt.timedelta(days=days_on)
    history = history_of(setup, records)
    doc = json.loads(json.dumps(start_state.snapshot(setup.to_doc(), setup, Timing(), history, records)))
    assert start_state.read(doc, today, FAST) is None
    other = dataclasses.replace(setup, sore_side="left" if setup.sore_side != "left" else "right")
    assert start_state.read({**doc, "setup_doc": other.to_doc()}, today, Timing()) is None
    assert start_state.read({**doc, "rules": "older rules"}, today, Timing()) is None
    before = session_day(records[-1]) - dt.timedelta(days=7)   # a clock put back a week
    assert start_state.read(doc, before, Timing()) is None


def test_no_set_up_stored_reads_the_snapshot_only_in_the_week_it_was_taken():
    """The starter plan starts on this week's Monday: a week on, it is another plan."""
    today = MONDAY + dt.timedelta(days=2)
    setup = PlanSetup.default(today)
    history = history_of(setup, [])
    doc = json.loads(json.dumps(start_state.snapshot(None, setup, Timing(), history, [])))
    assert start_state.read(doc, today, Timing()) is not None
    assert start_state.read(doc, today + dt.timedelta(days=7), Timing()) is None


def test_the_rules_version_follows_the_program():
    """Any change to itbgui/program/ may change a decision: snapshots taken by the old rules
    must not be read. Update PROGRAM_SOURCES in program/rules_version.py to the value below."""
    hasher = hashlib.sha256()
    for path in sorted(PROGRAM.glob("*.py")):
        lines = [line for line in path.read_bytes().splitlines() if not line.startswith(b"PROGRAM_SOURCES =")]
        hasher.update(path.name.encode() + b"\0" + b"\n".join(lines) + b"\0")
    assert start_state.PROGRAM_SOURCES == hasher.hexdigest()[:16], hasher.hexdigest()[:16]


# ------------------------------------------------------------------ through the store and the coach


def _coach_on(folder: Path, day: dt.date) -> tuple[Coach, list]:
    """A coach as the app makes it: the folder opened, the repository made only when asked."""
    opening = open_folder(folder)
    made = []

    def make():
        made.append(SessionRepository(folder, defer_load=True, opening=opening))
        return made[-1]

    return Coach(make, clock_on(day, 18), timing=FAST, opening=opening), made


def _full_view(folder: Path, day: dt.date):
    with SessionRepository(folder, read_only=True) as store:
        return Coach(store, clock_on(day, 18), timing=FAST).today_view()


def _close(coach: Coach, made: list) -> None:
    coach.keep_start_snapshot()
    if made:
        made[-1].close()
    else:
        coach._opening.close()


def _snapshot_kept(folder: Path, *also) -> dt.date:
    """The week logged (and ``also``), the app opened and closed on a day after it, which
    keeps the snapshot: the day."""
    _week(folder)
    with SessionRepository(folder) as store:
        for record in also:
            store.save_session(record)
    today = MONDAY + dt.timedelta(days=9)
    coach, made = _coach_on(folder, today)
    coach.today_view()
    _close(coach, made)
    return today


def _replayed_view(folder: Path, today: dt.date):
    """A start on ``today`` that may not use the snapshot: Today as the full replay tells it."""
    coach, made = _coach_on(folder, today)
    assert not coach.today_before_load()
    view = coach.today_view()
    assert view == _full_view(folder, today)
    _close(coach, made)
    return view


def _week(folder: Path) -> list:
    records = [logged(MONDAY + dt.timedelta(days=d), 2, p, m)
               for d, p, m in ((0, 2, "same"), (2, 1, "better"), (4, 3, None), (7, 2, "same"))]
    with SessionRepository(folder) as store:
        store.save_plan_setup(SETUP.to_doc())
        store.save_sessions(records)
    return records


EDITS = ("edit", "delete", "setup", "morning", "override")


@settings(max_examples=25)
@given(st.sampled_from(EDITS), st.integers(0, 3), st.integers(8, 12))
def test_after_an_edit_a_delete_or_a_set_up_change_today_is_the_full_replays(tmp_path_factory, change, which,
                                                                               day_after):
    folder = tmp_path_factory.mktemp("folder")
    records = _week(folder)
    today = MONDAY + dt.timedelta(days=day_after)
    coach, made = _coach_on(folder, today)           # no snapshot yet: the log is replayed
    assert not coach.today_before_load()
    assert coach.today_view() == _full_view(folder, today)
    _close(coach, made)
    assert stat.S_IMODE(os.stat(folder / start_file.FILE_NAME).st_mode) == 0o600

    coach, made = _coach_on(folder, today)           # the snapshot tells Today, the file unread
    assert coach.today_before_load()
    # The first frame leaves the run day out (only the data file holds the runs); the rest
    # is the full replay's, and once the file is read the run day is too.
    first = coach.today_view()
    assert first.run_day is None and made == []
    assert first == dataclasses.replace(_full_view(folder, today), run_day=None)
    store = coach.store
    store.load()
    assert coach.today_view() == _full_view(folder, today)
    record = records[which]
    if change == "edit":
        store.save_session(dataclasses.replace(record, pain_after=7))
    elif change == "delete":
        store.delete_session(record.id)
    elif change == "setup":
        store.save_plan_setup(dataclasses.replace(SETUP, level="beginner").to_doc())
    elif change == "morning":
        coach.answer_morning(store.sessions()[-1], "worse")
    else:
        coach.set_override(coach.decision_after(store.sessions()[-1].id), "step_back")
    assert coach.today_view() == _full_view(folder, today)   # the snapshot no longer speaks
    _close(coach, made)

    coach, made = _coach_on(folder, today)           # written again at the close, for the new log
    assert coach.today_before_load()
    assert coach.today_view() == dataclasses.replace(_full_view(folder, today), run_day=None)
    assert made == []
    _close(coach, made)


def test_a_file_changed_behind_the_apps_back_is_replayed(tmp_path):
    today = _snapshot_kept(tmp_path)
    with SessionRepository(tmp_path) as store:       # another device's sync, say: no snapshot
        store.delete_session(store.sessions()[-1].id)
    _replayed_view(tmp_path, today)


def test_a_torn_snapshot_costs_time_never_a_decision(tmp_path):
    today = _snapshot_kept(tmp_path)
    path = tmp_path / start_file.FILE_NAME
    path.write_bytes(path.read_bytes()[:-40])
    _replayed_view(tmp_path, today)


def test_the_week_maintenance_begins_is_told_from_the_last_three_sessions_whatever_the_last_week_held():
    """Maintenance begins at a new week once the last three sessions were easy: a last week
    of one or two sessions still reads three."""
    setup, played = in_maintenance("beginner")
    first = next(k for k, r in enumerate(played) if "Maintenance" in r.title)
    for cut in range(first - 4, first + 1):
        records = list(played[:cut])
        for days_on in range(1, 9):
            today = session_day(records[-1]) + dt.timedelta(days=days_on)
            got = start_state.today_session(_kept(setup, records, [], today, Timing()), today)
            assert got == next_session(setup, records, [], today)


def test_a_session_left_early_today_is_carried_on_as_the_full_replay_says(tmp_path):
    """The snapshot cannot tell Today without that session: the log is replayed, and Today
    offers to carry it on, as it would have without a snapshot."""
    left = logged(MONDAY + dt.timedelta(days=9), 2, None, sid="left-early")
    left = dataclasses.replace(left, completed=False, pain_after=None, sets=left.sets[:3])
    today = _snapshot_kept(tmp_path, left)
    assert today == session_day(left)
    assert _replayed_view(tmp_path, today).session.resume is not None


def test_a_snapshot_changed_after_it_was_written_is_not_read_even_as_valid_json(tmp_path):
    today = _snapshot_kept(tmp_path)
    path = tmp_path / start_file.FILE_NAME
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text)
    state = json.loads(doc["state"])
    first = next(iter(state["states"]))
    state["states"][first][0] += 1                     # one exercise a step further on
    doc["state"] = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
    path.write_text(json.dumps(doc), encoding="utf-8")
    _replayed_view(tmp_path, today)
