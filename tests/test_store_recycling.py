"""Saves write over the previous version's file (storage.write_recycling), never over the
data file itself: a crash at any step leaves the old or the new file whole."""

import errno
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itbgui.store import storage
from itbgui.store.files import remove_leftovers
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from itbgui.store.storage import spare_path, write_recycling
from store_helpers import record


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_previous_version_file_is_written_over_by_the_next_save(tmp_path):
    path = tmp_path / "data.json"
    path.write_bytes(b"version 0")
    first_inode = path.stat().st_ino
    write_recycling(path, [b"version ", b"1, longer than before"])
    assert path.read_bytes() == b"version 1, longer than before"
    assert spare_path(path).stat().st_ino == first_inode      # the old file, kept
    write_recycling(path, [b"v2"])
    assert path.read_bytes() == b"v2"                          # shorter: truncated
    assert path.stat().st_ino == first_inode                   # its blocks re-used
    write_recycling(path, [b"version 3"])
    assert path.read_bytes() == b"version 3"
    assert leftovers(tmp_path) == []


def test_a_spare_linked_elsewhere_is_never_written_over(tmp_path):
    path = tmp_path / "data.json"
    path.write_bytes(b"old")
    write_recycling(path, [b"new"])
    elsewhere = tmp_path / "a backup tool's hard link"
    os.link(spare_path(path), elsewhere)
    write_recycling(path, [b"newer"])
    assert path.read_bytes() == b"newer"
    assert elsewhere.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_spare_that_cannot_be_written_goes_and_the_save_still_lands(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    path.write_bytes(b"old")
    write_recycling(path, [b"new"])
    real_ftruncate = os.ftruncate

    def full_disk(fd, size):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "ftruncate", full_disk)
    write_recycling(path, [b"newest"])   # the spare's room was freed, then the plain way
    monkeypatch.setattr(storage.os, "ftruncate", real_ftruncate)
    assert path.read_bytes() == b"newest"
    assert leftovers(tmp_path) == []


def test_without_hard_links_saves_go_the_plain_way(tmp_path, monkeypatch):
    def no_links(*_args, **_kw):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(storage.os, "link", no_links)
    path = tmp_path / "data.json"
    for n in range(3):
        write_recycling(path, [b"v%d" % n])
        assert path.read_bytes() == b"v%d" % n
    assert not spare_path(path).exists() and leftovers(tmp_path) == []


def test_a_data_file_reached_through_a_link_gets_no_second_copy(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / DATA_FILE_NAME).write_bytes(b"")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / DATA_FILE_NAME).symlink_to(synced / DATA_FILE_NAME)
    (synced / DATA_FILE_NAME).unlink()
    with SessionRepository(data_dir) as repo:
        for day in range(3):
            repo.save_session(record(f"s{day}", day=day))
    assert (data_dir / DATA_FILE_NAME).is_symlink()
    assert sorted(p.name for p in synced.iterdir()) == [DATA_FILE_NAME]


def test_the_store_recycles_and_reopens_equal(tmp_path):
    with SessionRepository(tmp_path) as repo:
        for day in range(4):
            repo.save_session(record(f"s{day}", day=day))
        saved = repo.sessions()
    assert spare_path(tmp_path / DATA_FILE_NAME).exists()
    with SessionRepository(tmp_path) as repo:
        assert repo.sessions() == saved


# ---------------------------------------------------------------------- a crash anywhere
class Killed(BaseException):
    """The process dies here: nothing after this call happens."""


STEPS = ("open", "writev", "write", "ftruncate", "fsync", "link", "replace", "unlink")


@settings(max_examples=120)
@given(sizes=st.lists(st.integers(0, 3000), min_size=1, max_size=5),
       kill_at=st.integers(0, 40), step=st.sampled_from(STEPS))
def test_a_kill_at_any_step_leaves_the_old_or_the_new_file_whole(tmp_path_factory, sizes,
                                                                kill_at, step):
    folder = tmp_path_factory.mktemp("kill")
    path = folder / DATA_FILE_NAME
    path.write_bytes(b"0" * 10)
    versions = [b"%d" % n * size for n, size in enumerate(sizes, start=1)]
    calls = 0
    real = getattr(os, step)

    def dies(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls > kill_at:
            raise Killed()
        return real(*args, **kwargs)

    acknowledged, under_way = path.read_bytes(), None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(storage.os, step, dies)
        for payload in versions:
            under_way = payload
            try:
                write_recycling(path, [payload[:7], payload[7:]])
            except Killed:
                break
            acknowledged, under_way = payload, None
    assert path.read_bytes() in (acknowledged, under_way)   # whole, never a mix
    remove_leftovers(folder)   # as the next start does; saving then works as ever
    assert leftovers(folder) == []
    write_recycling(path, [b"after"])
    assert path.read_bytes() == b"after"
