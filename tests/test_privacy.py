"""Health data is readable by its owner alone: the data folder is 0700 and every file the
app keeps in it 0600, from the moment each is made, and those left looser by an older
version are tightened when the app opens the folder."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys

import pytest

from itbgui.ui.settings import AppSettings
from itbgui.store import checked
from itbgui.store.lock import DataFolderLock
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository
from itbgui.store.storage import spare_path
from store_helpers import StepClock, record

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def everyday_umask():
    """The usual desktop umask (022): a file made without a mode of its own is 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def no_loose_file_ever_named(monkeypatch):
    """Fails the test when a file with group or other bits is given its final name: a file
    made loose and tightened after would have been readable for a moment."""
    loose = []
    real_replace, real_link = os.replace, os.link

    def check(src):
        try:
            if stat.S_IMODE(os.stat(src).st_mode) & 0o077:
                loose.append(os.fspath(src))
        except OSError:
            pass

    def replace(src, dst, *a, **kw):
        check(src)
        return real_replace(src, dst, *a, **kw)

    def link(src, dst, *a, **kw):
        check(src)
        return real_link(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "link", link)
    yield loose
    assert loose == []


def used_folder(data_dir, clock=None):
    """A folder in use: sessions saved twice (so the spare exists), a backup, the note."""
    repo = SessionRepository(data_dir, now=clock or StepClock())
    repo.save_session(record("a"))
    repo.save_session(record("b", day=1))
    repo.backups.take(repo.path, "before-restore", dt.datetime(2026, 11, 3, 9, 0))
    repo.note_checked()
    return repo


def test_a_new_data_folder_and_every_file_in_it_are_the_owners_alone(tmp_path, no_loose_file_ever_named):
    data = tmp_path / "data"
    repo = used_folder(data)
    backups = list((data / "backups").iterdir())
    assert backups
    assert mode(data) == 0o700
    assert mode(data / "backups") == 0o700
    for path in (data / DATA_FILE_NAME, spare_path(data / DATA_FILE_NAME), data / "itb-coach.lock",
                 checked.note_path(data), *backups):
        assert path.exists(), path
        assert mode(path) == 0o600, path
    repo.close()


def test_a_damaged_file_is_set_aside_for_its_owner_alone(tmp_path, no_loose_file_ever_named):
    (tmp_path / DATA_FILE_NAME).write_bytes(b'{"sessions": {"1": {"id": "x"')
    repo = SessionRepository(tmp_path, now=StepClock())
    aside = repo.report.moved_aside
    assert aside is not None and aside.exists()
    assert mode(aside) == 0o600
    assert mode(tmp_path / DATA_FILE_NAME) == 0o600
    repo.close()


def test_files_and_folders_from_before_are_tightened_when_the_folder_is_opened(tmp_path):
    data = tmp_path / "data"
    used_folder(data).close()
    (data / "itb-coach.damaged-20261101-080000.json").write_bytes(b"{")
    (data / "settings.ini").write_text("[view]\ntext_size=large\n")
    (data / "itb-coach.log").write_text("")
    (data / "itb-coach.log.1").write_text("")
    ours = [p for p in data.rglob("*") if p.is_file()] + [data / "backups"]
    theirs = data / "shopping-list.txt"
    theirs.write_text("milk")
    for path in [*ours, data, theirs]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    read_only = data / "backups" / "itb-coach-20261101-080000-daily.json"
    read_only.write_bytes(b"{}")
    os.chmod(read_only, 0o444)

    repo = SessionRepository(data, now=StepClock())

    assert mode(data) == 0o700
    assert mode(data / "backups") == 0o700
    assert len(ours) >= 10
    for path in ours:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    assert mode(read_only) == 0o400          # no one else may read it; the owner gains nothing
    assert mode(theirs) == 0o644             # not the app's file: left as it is
    repo.close()


def test_a_spare_left_loose_never_becomes_a_loose_data_file(tmp_path):
    repo = used_folder(tmp_path)
    os.chmod(spare_path(repo.path), 0o644)
    repo.save_session(record("c", day=2))    # written over the spare, which becomes the file
    assert mode(repo.path) == 0o600
    repo.close()


def test_a_data_file_reached_through_a_link_is_tightened_where_it_lives(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "itb.json"
    data = tmp_path / "data"
    data.mkdir()
    (data / DATA_FILE_NAME).symlink_to(target)
    repo = SessionRepository(data, now=StepClock())
    repo.save_session(record())
    assert mode(target) == 0o600
    repo.close()
    os.chmod(target, 0o644)
    SessionRepository(data, now=StepClock()).close()
    assert mode(target) == 0o600
    assert mode(synced) == 0o755             # the person's own folder is theirs to decide


def test_a_lock_file_from_before_is_tightened_when_taken(tmp_path):
    lock_path = tmp_path / "itb-coach.lock"
    lock_path.write_text("")
    os.chmod(lock_path, 0o644)
    lock = DataFolderLock(tmp_path)
    assert lock.acquire()
    assert mode(lock_path) == 0o600
    lock.release()


def test_a_new_lock_file_is_made_private(tmp_path):
    lock = DataFolderLock(tmp_path)
    assert lock.acquire()
    assert mode(lock.path) == 0o600
    lock.release()


def test_the_checked_note_is_written_private_even_over_a_loose_leftover(tmp_path, no_loose_file_ever_named):
    leftover = tmp_path / f".{checked.NOTE_NAME}.{os.getpid()}.tmp"
    leftover.write_text("")
    os.chmod(leftover, 0o644)
    checked.remember(tmp_path, "0" * 64, 1)
    assert mode(checked.note_path(tmp_path)) == 0o600


def test_settings_are_written_for_their_owner_alone(tmp_path):
    data = tmp_path / "new-folder"
    settings = AppSettings(data)
    settings.text_size = "large"
    settings.sync()
    assert mode(data / "settings.ini") == 0o600
    assert mode(data) == 0o700
    assert AppSettings(data).text_size == "large"


def test_settings_from_before_are_tightened_when_next_written(tmp_path):
    ini = tmp_path / "settings.ini"
    ini.write_text("[view]\ntheme=dark\n")
    os.chmod(ini, 0o644)
    settings = AppSettings(tmp_path)
    assert settings.theme == "dark"
    settings.reduce_motion = None     # a removal writes the file too
    settings.sync()
    assert mode(ini) == 0o600
    assert AppSettings(tmp_path).theme == "dark"


def test_reading_settings_writes_nothing(tmp_path):
    settings = AppSettings(tmp_path)
    assert settings.text_size == "normal"
    settings.sync()
    assert not (tmp_path / "settings.ini").exists()


def test_the_home_folder_named_as_the_data_folder_is_left_as_it_is(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    os.chmod(home, 0o755)
    monkeypatch.setenv("HOME", str(home))
    repo = SessionRepository(home, now=StepClock())
    repo.save_session(record())
    assert mode(home) == 0o755
    assert mode(home / DATA_FILE_NAME) == 0o600
    repo.close()
