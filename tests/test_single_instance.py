"""One copy per data folder, as desktop apps do (issue 24): a second start on the same
folder brings the running window forward and leaves with code 0; only a copy on another
computer (a shared folder) gets a message."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from itbgui.app import single_instance
from itbgui.app.single_instance import ask_running_copy, server_name, serve_window
from itbgui.store.lock import DataFolderLock
from window_helpers import SETUP, open_window

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(sys.platform.startswith("win"), reason="a unix socket left behind")


def _env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _listening(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    up = probe.waitForConnected(200)
    probe.abort()
    return up


def test_the_name_is_the_folders_and_the_users_own(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = server_name(tmp_path / "a")
    assert a == server_name(tmp_path / "b" / ".." / "a")        # the folder, however it is written
    assert a != server_name(tmp_path / "b")
    assert str(tmp_path) not in a                                   # a hash, not the path


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX user ids")
def test_two_users_on_one_folder_never_meet(tmp_path, monkeypatch):
    mine, uid = server_name(tmp_path), os.getuid()
    monkeypatch.setattr(single_instance.os, "getuid", lambda: uid + 1)
    assert server_name(tmp_path) != mine


def test_a_second_start_brings_the_first_window_forward_and_exits_0(qtbot, tmp_path):
    """Two real processes on one folder: the second leaves with 0, the first is asked to show."""
    log = (tmp_path / "first.err").open("w")
    data = tmp_path / "data"
    first = subprocess.Popen([sys.executable, "-m", "itbgui", "--data-dir", str(data)],
                             stdout=subprocess.DEVNULL, stderr=log, env=_env(), cwd=ROOT)
    try:
        qtbot.waitUntil(lambda: _listening(server_name(data)), timeout=60_000)
        second = subprocess.run([sys.executable, "-m", "itbgui", "--data-dir", str(data)],
                                capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already open" not in second.stderr
        qtbot.waitUntil(lambda: "brought this window forward" in (tmp_path / "first.err").read_text(),
                        timeout=10_000)
        assert first.poll() is None                                   # the first carries on
    finally:
        first.terminate()
        first.wait(30)
        log.close()


def test_a_second_start_during_the_first_ones_start_still_reaches_it(qtbot, store, tmp_path):
    """The first listens only after its first paint: a second start that finds the lock
    taken but no one listening yet keeps trying for a while."""
    win = open_window(qtbot, store, tmp_path, _clock())
    asking = _ask(tmp_path, patience_s=10)
    qtbot.waitUntil((tmp_path / "asking").exists, timeout=60_000)   # it tries, nobody listens
    qtbot.wait(300)
    serve_window(win, tmp_path)
    qtbot.waitUntil(lambda: asking.poll() is not None, timeout=60_000)
    assert asking.stdout.read().strip() == "True"


def test_no_one_answering_falls_back_to_saying_so(qapp, tmp_path):
    assert ask_running_copy(tmp_path, patience_s=0.3) is False


def test_a_minimised_window_is_restored_raised_and_made_active(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, _clock())
    server = serve_window(win, tmp_path)
    win.showMinimized()
    qtbot.waitUntil(win.isMinimized)
    with qtbot.waitSignal(server.show_requested):
        _ask_in_process(qtbot, tmp_path)
    assert not win.isMinimized() and win.isVisible()
    qtbot.waitUntil(win.isActiveWindow)


def test_a_full_screen_session_stays_full_screen(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, _clock())
    server = serve_window(win, tmp_path)
    win.showFullScreen()
    qtbot.waitUntil(win.isFullScreen)
    win.setWindowState(win.windowState() | Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(win.isMinimized)
    with qtbot.waitSignal(server.show_requested):
        _ask_in_process(qtbot, tmp_path)
    assert win.isFullScreen() and not win.isMinimized()
    qtbot.waitUntil(win.isActiveWindow)


@posix_only
def test_a_name_left_by_a_crashed_copy_is_taken_over(qtbot, store, tmp_path):
    name = server_name(tmp_path)
    stale = os.path.join(QDir.tempPath(), name)
    if os.path.exists(stale):
        os.remove(stale)
    left = socket.socket(socket.AF_UNIX)          # bound and never closed tidily: a crash
    left.bind(stale)
    left.close()
    assert os.path.exists(stale) and not _listening(name)
    win = open_window(qtbot, store, tmp_path, _clock())
    server = serve_window(win, tmp_path)
    assert server.listening
    with qtbot.waitSignal(server.show_requested):
        _ask_in_process(qtbot, tmp_path)


def test_a_copy_on_another_computer_gets_a_message_and_nothing_is_asked(qtbot, tmp_path):
    """A shared folder: the lock names another host. The second start says so and leaves;
    no request goes to any window here (one listening under the folder's name would get it)."""
    lock = DataFolderLock(tmp_path)
    assert lock.acquire(say_who=False)
    os.write(lock._fd, json.dumps({"pid": 4242, "host": "the-laptop", "since": "2026-12-04T07:00:00+00:00"})
             .encode())
    listener = QLocalServer()
    QLocalServer.removeServer(server_name(tmp_path))
    assert listener.listen(server_name(tmp_path))
    try:
        second = subprocess.Popen([sys.executable, "-m", "itbgui", "--data-dir", str(tmp_path),
                                   "--exit-after-show"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=_env(), cwd=ROOT)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        err = second.stderr.read()
        assert second.returncode == 3
        assert "on another computer" in err and "the-laptop" in err
        qtbot.wait(50)
        assert not listener.hasPendingConnections()
    finally:
        listener.close()
        lock.release()


# ------------------------------------------------------------ helpers
def _clock():
    from window_helpers import MONDAY, clock_on

    return clock_on(MONDAY)


ASK = """
import sys
from pathlib import Path
from itbgui.app.single_instance import ask_running_copy
Path(sys.argv[1], "asking").touch()
print(ask_running_copy(Path(sys.argv[1]), patience_s=float(sys.argv[2])))
"""


def _ask(folder, patience_s: float = 10) -> subprocess.Popen:
    """The second start's half, in a process of its own: its waits block (as they do in
    a real second start), and this process runs the first copy's event loop meanwhile."""
    return subprocess.Popen([sys.executable, "-c", ASK, str(folder), str(patience_s)],
                            stdout=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)


def _ask_in_process(qtbot, folder) -> None:
    asking = _ask(folder)
    qtbot.waitUntil(lambda: asking.poll() is not None, timeout=60_000)
    assert asking.stdout.read().strip() == "True"
