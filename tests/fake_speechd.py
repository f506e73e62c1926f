"""A stand-in for speech-dispatcher that accepts a client and then stops answering.

It speaks enough SSIP (the protocol libspeechd uses) for Qt's speechd engine to come up,
then goes silent at the first SPEAK, as a real speech-dispatcher does when it cannot
open audio. Tests point the engine at it with SPEECHD_ADDRESS=unix_socket:PATH.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

# Replies libspeechd accepts for the commands sent while a client sets itself up.
_LISTS = {
    b"LIST SYNTHESIS_VOICES": b"249-Fake\ten-US\tnone\r\n249 OK VOICE LIST SENT\r\n",
    b"LIST OUTPUT_MODULES": b"250-fake\r\n250 OK MODULE LIST SENT\r\n",
    b"LIST VOICES": b"249-MALE1\r\n249 OK VOICE LIST SENT\r\n",
}


class SilentSpeechd:
    """Listens on ``path``; ``commands`` keeps what clients sent, ``went_silent`` is set at SPEAK."""

    def __init__(self, path: Path, *, silent_at: bytes = b"SPEAK") -> None:
        self.path = path
        self.silent_at = silent_at
        self.commands: list[bytes] = []
        self.went_silent = threading.Event()
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(path))
        self._server.listen(8)
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"unix_socket:{self.path}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            self._open.append(conn)
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        buffer = b""
        while True:
            try:
                data = conn.recv(4096)
            except OSError:
                return
            if not data:
                return
            buffer += data
            while b"\r\n" in buffer:
                line, buffer = buffer.split(b"\r\n", 1)
                self.commands.append(line)
                if self.went_silent.is_set():
                    continue
                if line.upper().startswith(self.silent_at):
                    self.went_silent.set()       # hold the connection open, answer nothing
                    continue
                conn.sendall(self._reply(line))

    @staticmethod
    def _reply(line: bytes) -> bytes:
        upper = line.upper()
        for command, reply in _LISTS.items():
            if upper.startswith(command):
                return reply
        if upper.startswith(b"SET SELF CLIENT_NAME"):
            return b"208 OK CLIENT NAME SET\r\n"
        if upper.startswith(b"HISTORY GET CLIENT_ID"):
            return b"245-1\r\n245 OK CLIENT ID SENT\r\n"
        if upper.startswith(b"GET"):
            return b"251-fake\r\n251 OK GET RETURNED\r\n"
        return b"200 OK\r\n"

    def close(self) -> None:
        self._server.close()
        for conn in self._open:
            conn.close()
