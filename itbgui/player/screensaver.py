"""Keeps the screen awake during a session: one small interface, one class per platform.

Failing to reach the desktop (no D-Bus session bus, a sandbox, an odd platform) is
logged and otherwise ignored; it never reaches the person as an error.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from typing import Protocol

log = logging.getLogger(__name__)

#: A pause longer than this lets the screen sleep again.
LONG_PAUSE_SECONDS = 120.0


def should_keep_awake(running: bool, paused: bool, paused_for: float) -> bool:
    """Awake while the session runs, and through short pauses."""
    return running or (paused and paused_for < LONG_PAUSE_SECONDS)


class ScreenSaverInhibitor(Protocol):
    active: bool

    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


class NullInhibitor:
    """For platforms we cannot reach: does nothing, says so once in the log."""

    def __init__(self, why: str = "") -> None:
        self.active = False
        if why:
            log.info("screen saver inhibit unavailable: %s", why)

    def inhibit(self, reason: str) -> None:
        self.active = True

    def release(self) -> None:
        self.active = False


class FreedesktopInhibitor:
    """org.freedesktop.ScreenSaver on the session bus (GNOME, KDE, Xfce, ...).

    Every call is asynchronous: a desktop service that hangs must not hold the session's
    timer (a blocking D-Bus call waits up to 25 s). A release that comes before the cookie
    does is carried out when the cookie arrives.
    """

    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"
    CALL_TIMEOUT_MS = 5000

    def __init__(self, app_name: str, bus=None) -> None:
        from PySide6.QtDBus import QDBusConnection

        self.app_name = app_name
        self.active = False
        self._cookie: int | None = None
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._watchers: set = set()
        if not self._bus.isConnected():
            log.info("no session bus; the screen may dim during sessions")
            self._bus = None

    def inhibit(self, reason: str) -> None:
        if self.active:
            return
        self.active = True
        if self._bus is not None and self._cookie is None:
            self._call("Inhibit", [self.app_name, reason], self._inhibited)

    def release(self) -> None:
        if not self.active:
            return
        self.active = False
        self._uninhibit()

    def _uninhibit(self) -> None:
        if self._bus is not None and self._cookie is not None:
            self._call("UnInhibit", [self._cookie], None)
            self._cookie = None

    def _call(self, method: str, arguments: list, on_reply) -> None:
        from PySide6.QtDBus import QDBusMessage, QDBusPendingCallWatcher

        message = QDBusMessage.createMethodCall(self.SERVICE, self.PATH, self.SERVICE, method)
        message.setArguments(arguments)
        watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, self.CALL_TIMEOUT_MS))
        self._watchers.add(watcher)

        def finished(done) -> None:
            self._watchers.discard(done)
            reply = done.reply()
            if done.isError():
                log.warning("screen saver %s failed: %s", method, reply.errorMessage())
            elif on_reply is not None:
                on_reply(reply.arguments())
            done.deleteLater()

        watcher.finished.connect(finished)

    def _inhibited(self, arguments: list) -> None:
        try:
            self._cookie = int(arguments[0])
        except (IndexError, TypeError, ValueError):
            log.warning("screen saver inhibit: unexpected reply %r", arguments)
            return
        if not self.active:          # released while the call was on its way
            self._uninhibit()


class WindowsInhibitor:
    """SetThreadExecutionState: keeps the display on while set."""

    ES_CONTINUOUS, ES_SYSTEM_REQUIRED, ES_DISPLAY_REQUIRED = 0x80000000, 0x00000001, 0x00000002

    def __init__(self) -> None:
        import ctypes

        self._kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        self.active = False

    def inhibit(self, reason: str) -> None:
        self._kernel.SetThreadExecutionState(
            self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED | self.ES_DISPLAY_REQUIRED)
        self.active = True

    def release(self) -> None:
        self._kernel.SetThreadExecutionState(self.ES_CONTINUOUS)
        self.active = False


class MacInhibitor:
    """`caffeinate -d` for as long as we need it (ships with macOS)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self.active = False

    def inhibit(self, reason: str) -> None:
        if self._proc is None:
            try:
                self._proc = subprocess.Popen(["caffeinate", "-d", "-w", str(os.getpid())])
            except OSError as exc:
                log.info("caffeinate unavailable: %s", exc)
        self.active = True

    def release(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc = None
        self.active = False


def platform_inhibitor(app_name: str) -> ScreenSaverInhibitor:
    try:
        if sys.platform.startswith("win"):
            return WindowsInhibitor()
        if sys.platform == "darwin":
            return MacInhibitor()
        return FreedesktopInhibitor(app_name)
    except Exception as exc:  # never let keeping-awake break the player
        return NullInhibitor(str(exc))
