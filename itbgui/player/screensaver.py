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
    """org.freedesktop.ScreenSaver on the session bus (GNOME, KDE, Xfce, ...)."""

    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"

    def __init__(self, app_name: str) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        self.app_name = app_name
        self.active = False
        self._cookie: int | None = None
        bus = QDBusConnection.sessionBus()
        self._iface = QDBusInterface(self.SERVICE, self.PATH, self.SERVICE, bus) if bus.isConnected() else None
        if self._iface is None or not self._iface.isValid():
            log.info("no %s on the session bus; the screen may dim during sessions", self.SERVICE)
            self._iface = None

    def inhibit(self, reason: str) -> None:
        if self.active:
            return
        self.active = True
        if self._iface is None:
            return
        reply = self._iface.call("Inhibit", self.app_name, reason)
        args = reply.arguments()
        if reply.errorMessage() or not args:
            log.warning("screen saver inhibit failed: %s", reply.errorMessage())
            return
        self._cookie = int(args[0])

    def release(self) -> None:
        if not self.active:
            return
        self.active = False
        if self._iface is not None and self._cookie is not None:
            reply = self._iface.call("UnInhibit", self._cookie)
            if reply.errorMessage():
                log.warning("screen saver release failed: %s", reply.errorMessage())
        self._cookie = None


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
