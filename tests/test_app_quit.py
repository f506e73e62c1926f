"""Quitting never drops what the disk refused without the person choosing so."""

import errno
import json
import os

import pytest

from itbgui.store import storage
from itbgui.store.repository import SessionRepository
from store_helpers import record
from window_helpers import MONDAY, clock_on, open_window


def full_disk(monkeypatch, data_dir):
    """The data folder's disk is full; other folders (a USB stick, say) still take files."""
    for name in ("write_atomically", "write_recycling"):   # a new file, or over the spare
        def refuse_in_data_dir(path, payload, *args, real=getattr(storage, name), **kwargs):
            if path.parent == data_dir:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(path, payload, *args, **kwargs)
        monkeypatch.setattr(storage, name, refuse_in_data_dir)


def test_quitting_with_an_unsaved_session_asks_and_retry_saves_it(qtbot, store, tmp_path, monkeypatch):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    asked = []
    with monkeypatch.context() as m:
        full_disk(m, tmp_path)
        win.saver.save(record("on-a-full-disk"))
        assert "disk is full" in str(win.saver.flush())
        m.setattr(win.data_care, "ask_about_unsaved", lambda error: asked.append(str(error)) or "cancel")
        assert not win.close()                       # Cancel: the window stays open
        assert win.isVisible() and "disk is full" in asked[0]
    monkeypatch.setattr(win.data_care, "ask_about_unsaved", lambda error: "retry")   # room again
    assert win.close()
    store.close()
    with SessionRepository(tmp_path) as again:
        assert [s.id for s in again.sessions()] == ["on-a-full-disk"]


def test_save_a_copy_is_the_way_out_when_the_disk_stays_full(qtbot, store, tmp_path, monkeypatch):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    full_disk(monkeypatch, tmp_path)
    win.saver.save(record("kept-in-a-copy"))
    win.saver.flush()
    choices = iter(["retry", "copy"])                 # the retry fails again; then a copy elsewhere
    seen = []
    monkeypatch.setattr(win.data_care, "ask_about_unsaved", lambda error: seen.append(str(error)) or next(choices))
    copy = tmp_path / "elsewhere" / "copy.json"
    copy.parent.mkdir()
    monkeypatch.setattr(win.data_care, "export_copy", lambda path=None: type(win.data_care).export_copy(win.data_care, str(copy)))
    assert win.close()
    assert len(seen) == 2 and all("disk is full" in e for e in seen)
    assert {s["id"] for s in json.loads(copy.read_text())["sessions"].values()} == {"kept-in-a-copy"}


def test_quitting_after_clean_saves_asks_nothing(qtbot, store, tmp_path, monkeypatch):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.saver.save(record("fine"))
    monkeypatch.setattr(win.data_care, "ask_about_unsaved", lambda error: pytest.fail("asked for nothing"))
    assert win.close()
