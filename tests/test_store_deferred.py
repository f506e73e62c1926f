"""Opening without parsing (the window paints first) and the store's revision counter."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itbgui.store import repository as repo_module
from itbgui.store.backups import taken_at
from itbgui.store.repository import SessionRepository, StoreError
from store_helpers import StepClock, record


@pytest.fixture
def folder(tmp_path):
    with SessionRepository(tmp_path) as store:
        store.save_sessions([record("a"), record("b", day=2)])
    return tmp_path


def test_a_deferred_open_takes_the_lock_but_parses_nothing_until_asked(folder, monkeypatch):
    parsed = []
    real = repo_module.read_data_file
    monkeypatch.setattr(repo_module, "read_data_file", lambda raw: parsed.append(1) or real(raw))
    store = SessionRepository(folder, defer_load=True)
    assert parsed == [] and not store.loaded
    second = SessionRepository(folder, defer_load=True)
    assert second.report.locked_by and second.read_only   # a second copy is still refused
    second.close()
    store.load()
    store.load()
    assert parsed == [1] and store.loaded
    assert [s.id for s in store.sessions()] == ["a", "b"]
    store.close()


def test_reading_before_the_load_loads_the_file_first(folder):
    store = SessionRepository(folder, defer_load=True)
    assert store.session("b").id == "b" and store.loaded
    store.close()
    store = SessionRepository(folder, defer_load=True)
    assert store.plan_setup() is None and store.loaded
    store.close()


def test_closing_before_the_load_releases_the_lock_and_reads_nothing(folder):
    store = SessionRepository(folder, defer_load=True)
    store.close()
    assert not store.loaded
    with SessionRepository(folder) as again:
        assert not again.read_only and len(again.sessions()) == 2


def test_a_damaged_file_is_reported_and_set_aside_by_the_deferred_load(folder):
    (folder / "itb-coach.json").write_text('{"sessions": {"1": ', encoding="utf-8")
    store = SessionRepository(folder, defer_load=True)
    assert store.report.summary() is None          # nothing known before the load
    store.load()
    assert store.report.repaired and store.report.moved_aside.exists()
    store.close()


def test_a_load_that_cannot_prepare_the_file_raises_and_releases_the_lock(folder, monkeypatch):
    store = SessionRepository(folder, defer_load=True)
    monkeypatch.setattr(SessionRepository, "_open", lambda self, raw, loaded: (_ for _ in ()).throw(
        OSError(28, "No space left on device")))
    with pytest.raises(StoreError, match="could not be prepared: the disk is full"):
        store.load()
    monkeypatch.undo()
    with SessionRepository(folder) as again:
        assert not again.read_only


def test_the_revision_moves_with_every_change_to_the_data(folder):
    clock = StepClock()
    store = SessionRepository(folder, now=clock)
    seen = [store.revision]

    def changed():
        seen.append(store.revision)
        return seen[-1] != seen[-2]

    assert changed() is False
    store.save_session(record("c", day=4))
    assert changed()
    store.save_session(record("c", day=4, pain_after=5))   # an edit
    assert changed()
    store.delete_session("c")
    assert changed()
    store.save_plan_setup({"level": "beginner"})
    assert changed()
    store.save_decision({"id": "d1", "override": "hold"})
    assert changed()
    clock.advance(days=1)
    backup = store.backups.take(store.path, "daily", clock())
    store.save_session(record("e", day=6))
    assert changed()
    store.restore(backup)
    assert changed()
    store.close()


def test_a_write_the_disk_refuses_still_moves_the_revision(folder, monkeypatch):
    store = SessionRepository(folder)
    before = store.revision

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(StoreError):
        store.save_session(record("c", day=4))
    assert store.revision != before and store.session("c") is not None   # memory has it
    monkeypatch.undo()
    store.close()
    json.loads((folder / "itb-coach.json").read_text(encoding="utf-8"))


_DIGITS = st.sampled_from("0123456789" * 3 + "٠١٢²- ")


@given(st.text(_DIGITS, min_size=8, max_size=8), st.text(_DIGITS, min_size=6, max_size=6),
       st.sampled_from("-- _"))
def test_a_backup_names_time_is_read_as_strptime_reads_it(day, time, dash):
    stamp = f"{day}{dash}{time}"
    try:
        expected = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        expected = None
    try:
        got = taken_at(stamp)
    except ValueError:
        got = None
    assert got == expected


def test_backup_times_need_no_strptime():
    import subprocess
    import sys

    code = ("import sys, tempfile, pathlib; from itbgui.store.backups import BackupSet; "
            "d = pathlib.Path(tempfile.mkdtemp()); (d / 'backups').mkdir(); "
            "(d / 'backups' / 'itb-coach-20261201-093000-daily.json').write_text('{}'); "
            "assert BackupSet(d).has_daily_copy(__import__('datetime').date(2026, 12, 1)); "
            "print('_strptime' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_after_a_failed_load_nothing_reads_or_writes_as_if_the_folder_were_empty(folder, monkeypatch):
    before = (folder / "itb-coach.json").read_bytes()
    store = SessionRepository(folder, defer_load=True)
    monkeypatch.setattr(SessionRepository, "_open", lambda self, raw, loaded: (_ for _ in ()).throw(
        OSError(28, "No space left on device")))
    with pytest.raises(StoreError):
        store.load()
    monkeypatch.undo()
    with pytest.raises(StoreError):
        store.sessions()          # the same refusal, never an empty first start
    with pytest.raises(StoreError):
        store.load()
    assert store.read_only and (folder / "itb-coach.json").read_bytes() == before
    store.close()


def test_the_whole_file_is_read_even_when_it_is_longer_than_its_size_said(folder, monkeypatch):
    """The bytes are read in one go of the size fstat gave, then on to the end."""
    real = os.fstat

    def short(fd):
        info = real(fd)
        fields = list(info[:10])
        fields[6] = 10   # st_size: as if the file grew after the stat
        return os.stat_result(fields)

    monkeypatch.setattr(repo_module.os, "fstat", short)
    store = SessionRepository(folder, defer_load=True)
    monkeypatch.undo()
    assert store._raw == (folder / "itb-coach.json").read_bytes()
    store.load()
    assert len(store.sessions()) == 2
    store.close()
