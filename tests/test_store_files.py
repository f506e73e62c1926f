"""The data folder's files under stress (issue 13): the lock, links, special files,
set-aside names, full disks, leftovers of killed saves, newer and damaged files."""

import errno
import json
import os
import sys

import pytest

from itbgui.store import lock as lock_module
from itbgui.store.backups import BackupSet
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
from fuzz_mutations import make_special_file
from store_helpers import StepClock, record

posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX file types")


def refuse_open(monkeypatch, *, read_write=True, read_only=False):
    """The lock file cannot be opened read-write (left by a run with sudo), or not at all."""
    real_open = os.open

    def fake(path, flags, *args, **kwargs):
        if str(path).endswith("itb-coach.lock"):
            if read_write and flags & os.O_RDWR:
                raise PermissionError(errno.EACCES, "Permission denied")
            if read_only and not flags & (os.O_RDWR | os.O_WRONLY):
                raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(lock_module.os, "open", fake)


# ------------------------------------------------------------ the lock
def test_a_lock_file_only_readable_still_locks_the_folder(tmp_path, monkeypatch):
    (tmp_path / "itb-coach.lock").write_text("")          # left by a run with sudo
    with monkeypatch.context() as m:
        refuse_open(m)
        first = SessionRepository(tmp_path)
    assert not first.read_only
    second = SessionRepository(tmp_path)          # a normal second copy is kept out
    assert second.read_only and second.report.locked_by
    first.save_session(record())
    second.close()
    first.close()


def test_a_lock_that_cannot_be_taken_opens_read_only_and_says_why(tmp_path, monkeypatch):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    with monkeypatch.context() as m:
        refuse_open(m, read_only=True)
        repo = SessionRepository(tmp_path)
    with repo:
        assert repo.read_only and len(repo.sessions()) == 1
        assert "read-only" in repo.report.summary() and "itb-coach.lock" in repo.report.summary()
        with pytest.raises(StoreError):
            repo.save_session(record("b", day=1))


def test_a_full_disk_does_not_stop_the_start_nor_leak_the_lock(tmp_path, monkeypatch):
    real_write = os.write
    lock_path = tmp_path / "itb-coach.lock"

    def full(fd, data):
        if os.path.exists(lock_path) and os.fstat(fd).st_ino == os.stat(lock_path).st_ino:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)
    fds_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    with monkeypatch.context() as m:
        m.setattr(lock_module.os, "write", full)
        repo = SessionRepository(tmp_path)
    assert not repo.read_only
    assert SessionRepository(tmp_path).read_only      # the lock is held all the same
    repo.close()
    if fds_before is not None:
        import gc
        gc.collect()
        assert len(os.listdir("/proc/self/fd")) <= fds_before


def test_a_completely_full_disk_still_opens_yesterday_file(tmp_path, monkeypatch):
    """Lock pid, daily copy: every write fails, and the app still starts (and says so on
    the first save, which keeps the session in memory)."""
    import shutil

    clock = StepClock()
    with SessionRepository(tmp_path, now=clock) as repo:
        repo.save_session(record())
    clock.advance(days=1)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(lock_module.os, "write", full)
    monkeypatch.setattr(shutil, "copyfile", full)
    monkeypatch.setattr(os, "writev", full)
    with SessionRepository(tmp_path, now=clock) as repo:
        assert not repo.read_only and len(repo.sessions()) == 1
        with pytest.raises(StoreError, match="disk is full"):
            repo.save_session(record("b", day=1))
        assert repo.unsaved and len(repo.sessions()) == 2
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith((".part", ".tmp"))]


def test_nothing_is_written_after_close(tmp_path):
    repo = SessionRepository(tmp_path)
    repo.close()
    with pytest.raises(StoreError):
        repo.save_session(record())


# ------------------------------------------------------------ what the data file can be
@posix_only
@pytest.mark.parametrize("kind", ["fifo", "directory", "device", "socket", "dangling", "loop"])
def test_a_special_file_as_the_data_file_is_refused_at_once(tmp_path, kind):
    path = tmp_path / DATA_FILE_NAME
    server = make_special_file(path, kind)
    with pytest.raises(StoreError) as caught:   # at once: a FIFO used to hang here for ever
        SessionRepository(tmp_path)
    assert str(caught.value)
    assert os.path.lexists(path)                # nothing was replaced
    assert SessionRepository(tmp_path / "fresh").read_only is False  # and the lock was let go
    if server is not None:
        server.close()


def test_a_path_with_a_nul_byte_is_the_store_own_error(tmp_path):
    with pytest.raises(StoreError):
        SessionRepository(str(tmp_path) + "/a\0b")


@posix_only
def test_a_symlinked_data_file_is_written_at_its_target(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    (data / DATA_FILE_NAME).symlink_to(synced / "itb-coach.json")
    with SessionRepository(data) as repo:
        repo.save_session(record("a"))
        repo.save_session(record("b", day=1))
    assert (data / DATA_FILE_NAME).is_symlink()
    stored = json.loads((synced / "itb-coach.json").read_text())
    assert {d["id"] for d in stored["sessions"].values()} == {"a", "b"}
    assert not [p for p in synced.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------ nothing overwritten
def test_two_damaged_files_in_one_second_keep_both_originals(tmp_path):
    clock = StepClock()
    kept = []
    for n in range(3):
        raw = b'{"sessions": {"1": cut off number %d' % n
        (tmp_path / DATA_FILE_NAME).write_bytes(raw)
        with SessionRepository(tmp_path, now=clock) as repo:   # the clock does not move
            kept.append(repo.report.moved_aside)
        assert kept[-1].read_bytes() == raw
    assert len(set(kept)) == 3


def test_a_new_file_never_replaces_one_already_there(tmp_path):
    from itbgui.store.files import new_file

    clock = StepClock()
    mine = tmp_path / f"note-{clock():%Y%m%d-%H%M%S}.json"
    mine.write_bytes(b"the person's own")
    made = new_file(tmp_path, "note", clock(), b"new")
    assert made != mine and mine.read_bytes() == b"the person's own" and made.read_bytes() == b"new"


def test_a_damaged_newer_file_opens_read_only_and_is_never_rewritten(tmp_path):
    doc = {"meta": {"1": {"schema_version": 7}},
           "sessions": {"1": record("a").to_doc(), "2": record("b", day=1).to_doc()}}
    raw = json.dumps(doc).encode()
    at = raw.index(b'"sessions"') - 2
    raw = raw[:at] + b"\xff" + raw[at + 1:]          # one bad byte
    (tmp_path / DATA_FILE_NAME).write_bytes(raw)
    with SessionRepository(tmp_path) as repo:
        assert repo.read_only and repo.report.newer_version == 7
        assert {s.id for s in repo.sessions()} == {"a", "b"}
    assert (tmp_path / DATA_FILE_NAME).read_bytes() == raw
    assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name] == []


def test_a_backup_with_one_bad_session_is_not_restored_silently(tmp_path):
    clock = StepClock()
    with SessionRepository(tmp_path, now=clock) as repo:
        repo.save_sessions([record("a"), record("b", day=1)])
    clock.advance(days=1)
    with SessionRepository(tmp_path, now=clock) as repo:
        [daily] = repo.backups.list()
        doc = json.loads(daily.path.read_text())
        doc["sessions"]["2"]["pain_after"] = 99
        daily.path.write_text(json.dumps(doc))
        repo.save_session(record("c", day=2))
        with pytest.raises(StoreError, match="pain_after"):
            repo.restore(daily)
        assert {s.id for s in repo.sessions()} == {"a", "b", "c"}


# ------------------------------------------------------------ full disks and killed saves
def test_a_failed_backup_leaves_no_part_file(tmp_path, monkeypatch):
    import shutil

    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    real_copy = shutil.copyfileobj

    def half_then_full(src, dst, *args):
        dst.write(b"{half")
        dst.flush()
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(shutil, "copyfileobj", half_then_full)
    with pytest.raises(OSError):
        BackupSet(tmp_path).take(tmp_path / DATA_FILE_NAME, "daily", StepClock()())
    monkeypatch.setattr(shutil, "copyfileobj", real_copy)
    assert [p.name for p in (tmp_path / "backups").iterdir() if p.suffix == ".part"] == []


def test_temporary_files_of_killed_saves_are_removed_at_the_next_start(tmp_path):
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    leftovers = [tmp_path / ".itb-coach.json.4242.tmp", tmp_path / ".itb-coach.json.17.tmp",
                 tmp_path / "backups" / "itb-coach-20261101-090000-daily.part"]
    (tmp_path / "backups").mkdir(exist_ok=True)
    for path in leftovers:
        path.write_bytes(b"{half a save")
    theirs = tmp_path / "my-notes.tmp"
    theirs.write_text("not ours")
    with SessionRepository(tmp_path) as repo:
        assert len(repo.sessions()) == 1
    assert not any(p.exists() for p in leftovers)
    assert theirs.read_text() == "not ours"


def test_a_read_only_copy_leaves_the_other_copy_temporary_files_alone(tmp_path):
    holder = SessionRepository(tmp_path)
    pending = tmp_path / ".itb-coach.json.99999.tmp"
    pending.write_bytes(b"being written")
    with SessionRepository(tmp_path) as second:
        assert second.read_only
    assert pending.exists()
    holder.close()


# ------------------------------------------------------------ daily copies while open
def test_a_window_left_open_for_days_still_takes_a_copy_each_day(tmp_path):
    clock = StepClock()
    with SessionRepository(tmp_path, now=clock) as repo:
        repo.save_session(record())
        assert repo.daily_backup() is not None          # first day (opening had nothing)
        assert repo.daily_backup() is None              # once a day only
        for _day in range(3):
            clock.advance(days=1)
            repo.save_session(record(f"d{_day}", day=_day + 1))
            assert repo.daily_backup() is not None
        assert len([b for b in repo.backups.list() if b.reason == "daily"]) == 4
