"""A data folder that cannot be written (issue 24): said in those words, and shown in the
window for as long as nothing is being saved.

The tests run as root here, and root writes through permission bits (chmod 0o555 changes
nothing for it; chattr is not available). So the refusal is injected where the app meets
it: ``os.open`` of the lock file raising EACCES or EROFS as it does for a normal user in a
folder they may not write, and ``os.access`` saying the folder is not writable.
"""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtWidgets import QLabel

from itbgui.store import lock as lock_module
from itbgui.store import opening as opening_module
from itbgui.store.repository import SessionRepository, StoreError
from store_helpers import record
from window_helpers import MONDAY, SETUP, clock_on, open_window


def folder_refuses_new_files(monkeypatch, code: int) -> None:
    """Creating the lock file fails as in a folder this user cannot write; with no lock file
    there yet, the read-only retry then finds none (ENOENT), which was the message shown."""
    real_open = os.open

    def fake(path, flags, *args, **kwargs):
        if str(path).endswith("itb-coach.lock") and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code)) if code == errno.EROFS else PermissionError(code, os.strerror(code))
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(lock_module.os, "open", fake)


def folder_not_writable(monkeypatch, folder) -> None:
    real_access = os.access

    def fake(path, mode, *args, **kwargs):
        if os.path.realpath(path) == os.path.realpath(folder) and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)
    monkeypatch.setattr(opening_module.os, "access", fake)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS], ids=["no permission", "read-only"])
def test_a_folder_that_cannot_be_written_is_said_in_those_words(tmp_path, monkeypatch, code):
    with monkeypatch.context() as m:
        folder_refuses_new_files(m, code)
        repo = SessionRepository(tmp_path)
    with repo:
        text = repo.report.summary()
        assert repo.read_only
        assert "No such file" not in text and "could not take the lock" not in text
        assert "cannot write to its data folder" in text and "nothing new will be saved" in text
        with pytest.raises(StoreError):
            repo.save_session(record())


def test_a_folder_not_writable_with_its_lock_file_still_there_opens_read_only(tmp_path, monkeypatch):
    """The lock can be taken (the file is left from before, and flock needs no write access),
    yet no save could replace the data file: read-only, and said so."""
    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    with monkeypatch.context() as m:
        folder_not_writable(m, tmp_path)
        repo = SessionRepository(tmp_path)
    with repo:
        assert repo.read_only and len(repo.sessions()) == 1
        assert "cannot write to its data folder" in repo.report.summary()


def _read_only_badges(win) -> list[QLabel]:
    return [w for w in win.statusBar().findChildren(QLabel)
            if w.isVisible() and "nothing is being saved" in w.text()]


def test_the_window_shows_that_nothing_is_being_saved_for_as_long_as_it_is_so(qtbot, tmp_path, monkeypatch):
    with SessionRepository(tmp_path) as repo:
        repo.save_plan_setup(SETUP.to_doc())
    with monkeypatch.context() as m:
        folder_not_writable(m, tmp_path)
        store = SessionRepository(tmp_path, defer_load=True)
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.load_data()
    [badge] = _read_only_badges(win)
    assert badge.text().startswith("Read-only")
    win.status("Saved a copy to /somewhere", 0)             # a passing message does not cover it
    assert _read_only_badges(win) == [badge]
    win.show_page("history")
    win.show_page("today")
    assert _read_only_badges(win) == [badge]
    store.close()


def test_a_writable_folder_shows_no_such_badge(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.load_data()
    assert _read_only_badges(win) == []


def test_a_read_only_file_system_still_keeps_the_folder_to_one_copy(tmp_path, monkeypatch):
    """On a read-only mount the lock file left from before is locked through a read-only
    descriptor, so a second start still finds this copy (and brings its window forward)."""
    from itbgui.store.lock import DataFolderLock

    with SessionRepository(tmp_path) as repo:
        repo.save_session(record())
    real_open = os.open

    def read_only_mount(path, flags, *args, **kwargs):
        if flags & (os.O_RDWR | os.O_WRONLY | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)
    with monkeypatch.context() as m:
        m.setattr(lock_module.os, "open", read_only_mount)
        folder_not_writable(m, tmp_path)
        repo = SessionRepository(tmp_path)
    with repo:
        assert repo.read_only and "cannot write to its data folder" in repo.report.summary()
        assert not DataFolderLock(tmp_path).acquire()
