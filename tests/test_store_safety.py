"""Writes that fail, a second running copy, and saving from a worker thread."""

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from itbgui.store import storage
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
from itbgui.store.saver import BackgroundSaver
from store_helpers import record


def failing(monkeypatch, err, call="fsync"):
    def boom(*args, **kwargs):
        raise OSError(err, os.strerror(err))
    monkeypatch.setattr(storage.os, call, boom)


@pytest.mark.parametrize("err, words", [(errno.ENOSPC, "the disk is full"),
                                        (errno.EROFS, "the folder is read-only"),
                                        (errno.EACCES, "permission was refused")])
def test_a_failed_write_leaves_the_old_file_and_keeps_the_session_in_memory(
        tmp_path, monkeypatch, err, words):
    repo = SessionRepository(tmp_path)
    repo.save_session(record("kept"))
    before = (tmp_path / DATA_FILE_NAME).read_bytes()
    with monkeypatch.context() as m:
        failing(m, err)
        with pytest.raises(StoreError, match=words):
            repo.save_session(record("new", day=1))
    assert (tmp_path / DATA_FILE_NAME).read_bytes() == before       # old file intact
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert [s.id for s in repo.sessions()] == ["kept", "new"]       # nothing lost in memory
    assert repo.unsaved
    export = tmp_path / "elsewhere.json"
    repo.export_copy(export)                                         # can be got out
    assert {s["id"] for s in json.loads(export.read_text())["sessions"].values()} == {"kept", "new"}
    repo.retry_save()                                                # and written once space is back
    assert not repo.unsaved
    repo.close()
    with SessionRepository(tmp_path) as again:
        assert [s.id for s in again.sessions()] == ["kept", "new"]


def test_a_write_that_fails_halfway_never_touches_the_data_file(tmp_path, monkeypatch):
    repo = SessionRepository(tmp_path)
    repo.save_session(record("kept"))
    before = (tmp_path / DATA_FILE_NAME).read_bytes()
    real_write = os.write

    def half(fd, data):
        data = data[0] if isinstance(data, list) else data
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(storage.os, "write", half)
    monkeypatch.setattr(storage.os, "writev", half)
    with pytest.raises(StoreError):
        repo.save_session(record("new", day=1))
    monkeypatch.undo()
    assert (tmp_path / DATA_FILE_NAME).read_bytes() == before
    repo.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders; the errno tests above cover it")
def test_a_read_only_folder_opens_and_refuses_to_save_clearly(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    tmp_path.chmod(0o555)
    try:
        with SessionRepository(tmp_path) as repo:
            assert len(repo.sessions()) == 1
            with pytest.raises(StoreError, match="permission|read-only"):
                repo.save_session(record("b", day=1))
    finally:
        tmp_path.chmod(0o755)


def test_a_second_copy_is_told_who_holds_the_folder_and_cannot_write(tmp_path):
    first = SessionRepository(tmp_path)
    second = SessionRepository(tmp_path)
    assert not first.read_only and second.read_only
    assert f"process {os.getpid()}" in second.report.locked_by
    with pytest.raises(StoreError, match="Another copy of ITB Coach"):
        second.save_session(record())
    first.save_session(record())                  # the first copy is not disturbed
    second.close()
    first.close()
    with SessionRepository(tmp_path) as third:   # free again once the first has gone
        assert not third.read_only


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_start(tmp_path):
    code = textwrap.dedent(f"""
        import sys, time
        from itbgui.store.repository import SessionRepository
        repo = SessionRepository({str(tmp_path)!r})
        print("locked", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        with SessionRepository(tmp_path) as while_alive:
            assert while_alive.read_only
            assert f"process {child.pid}" in while_alive.report.locked_by
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
        child.wait()
    assert (tmp_path / "itb-coach.lock").exists()  # the file is stale, the lock is not
    with SessionRepository(tmp_path) as after_crash:
        assert not after_crash.read_only
        after_crash.save_session(record())


def test_the_saver_writes_in_the_background_newest_version_wins(tmp_path, monkeypatch):
    repo = SessionRepository(tmp_path)
    gate = threading.Event()
    written = []
    real = repo.save_session

    def slow_save(rec):
        gate.wait(5)
        written.append((rec.id, rec.sets[0].done_reps))
        real(rec)
    monkeypatch.setattr(repo, "save_session", slow_save)
    results = []
    saver = BackgroundSaver(repo, on_result=lambda rec, err: results.append((rec.id, err)))
    saver.save(record("a", done=1))   # taken by the worker, which waits at the gate
    saver.save(record("b", done=5, day=1))
    saver.save(record("b", done=6, day=1))   # replaces the queued b
    assert not saver.idle
    gate.set()
    assert saver.flush() is None
    assert written[-1] == ("b", 6) and ("b", 5) not in written
    assert [r[0] for r in results][-1] == "b"
    saver.close()
    repo.close()
    with SessionRepository(tmp_path) as again:
        assert [(s.id, s.sets[0].done_reps) for s in again.sessions()] == [("a", 1), ("b", 6)]


def test_the_saver_reports_a_failure_and_succeeds_on_the_next_try(tmp_path, monkeypatch):
    repo = SessionRepository(tmp_path)
    results = []
    saver = BackgroundSaver(repo, on_result=lambda rec, err: results.append(err))
    with monkeypatch.context() as m:
        failing(m, errno.ENOSPC)
        saver.save(record())
        error = saver.flush()
    assert isinstance(error, StoreError) and "disk is full" in str(error)
    saver.save(record())
    assert saver.flush() is None
    assert results[0] is not None and results[-1] is None
    saver.close()
    repo.close()


def test_an_idle_saver_prepares_the_write_cache_and_saves_stay_correct(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_sessions([record(f"s{i}", day=i) for i in range(5)])
    repo = SessionRepository(tmp_path)
    storage_ = repo._db.storage
    assert storage_._fragments == {}                   # a fresh open has nothing cached
    saver = BackgroundSaver(repo, prepare_after=0.01)
    assert saver.flush() is None
    deadline = time.monotonic() + 5
    while len(storage_._fragments.get("sessions", {})) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(storage_._fragments["sessions"]) == 5
    saver.save(record("s3", done=7, day=3))
    saver.close()
    repo.close()
    with SessionRepository(tmp_path) as again:
        assert [s.sets[0].done_reps for s in again.sessions()] == [10, 10, 10, 7, 10]
