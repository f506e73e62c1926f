"""One window per data folder, as desktop apps do: a second start brings it forward.

The copy that holds the folder's lock listens on a local socket named after the folder
(a hash of its resolved path) and the user, so two people or two folders never meet. A
second start on the same folder finds the lock taken, connects, asks for ``show`` and
leaves with code 0; the first un-minimises, raises and activates its window (a full-screen
session stays full screen). The first listens only after its first paint, so the second
keeps trying for a while before it falls back to saying the folder is in use.
A lock held on another computer (a shared folder) is never asked: nobody here listens.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

SHOW_REQUEST = b"show\n"
SHOWN_REPLY = b"shown\n"
#: How long a second start keeps trying to reach a first that has not listened yet.
PATIENCE_S = 2.5
#: How long it waits for the first to answer once connected (it may be reading its file).
ANSWER_WAIT_MS = 3000
#: Longer than any request: a connection sending more is not a second start.
MAX_REQUEST = 64


def server_name(data_dir: Path) -> str:
    """The local socket's name for this folder and this user."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    folder = str(Path(data_dir).expanduser().resolve())
    digest = hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f"itb-coach-{user}-{digest}"


def ask_running_copy(data_dir: Path, *, patience_s: float = PATIENCE_S) -> bool:
    """Ask the copy running on ``data_dir`` to show its window; True once it said it did.
    Blocking (the second start has no window to keep alive), and at most about
    ``patience_s`` plus the answer's wait."""
    name = server_name(data_dir)
    deadline = time.monotonic() + patience_s
    while True:
        sock = QLocalSocket()
        sock.connectToServer(name)
        if sock.waitForConnected(500):
            sock.write(SHOW_REQUEST)
            sock.waitForBytesWritten(1000)
            reply = b""
            while SHOWN_REPLY not in reply and sock.waitForReadyRead(ANSWER_WAIT_MS):
                reply += bytes(sock.readAll().data())
            sock.abort()
            return SHOWN_REPLY in reply
        sock.abort()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def bring_forward(window: QWidget) -> None:
    """Un-minimise, raise and activate; a full-screen window stays full screen. An open
    dialog of the window's comes forward with it (it has the keys)."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal is not window:
        modal.raise_()
        modal.activateWindow()


class WindowServer(QObject):
    """Listens for second starts on the folder and brings ``window`` forward for each."""

    #: a second start asked for the window, and it was brought forward
    show_requested = Signal()

    def __init__(self, window: QWidget, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def listen(self) -> bool:
        """Only with the folder's lock held: a name already there is then a crashed
        copy's (its socket file outlives it), so it is removed first."""
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        print(f"itb-coach: a second start will not find this window "
              f"({self.server.errorString()})", file=sys.stderr)
        return False

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)
            self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            if sock.bytesAvailable() > MAX_REQUEST:
                sock.abort()
            return
        line = bytes(sock.readLine(MAX_REQUEST).data())
        if line == SHOW_REQUEST:
            bring_forward(self.window)
            print("itb-coach: another start on this data folder brought this window forward",
                  file=sys.stderr, flush=True)
            sock.write(SHOWN_REPLY)
            sock.flush()
            self.show_requested.emit()
        sock.disconnectFromServer()


def serve_window(window: QWidget, data_dir: Path) -> WindowServer:
    """Start listening for second starts (after the first paint; the lock must be held)."""
    server = WindowServer(window, data_dir)
    server.listen()
    return server
