"""A private D-Bus session bus with an org.freedesktop.ScreenSaver that takes calls and
answers none (a desktop service that hangs). Run as a program, it is the service."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

SERVICE = """
import sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

app = QCoreApplication([])
bus = QDBusConnection.connectToBus(sys.argv[1], "fake")
held = []


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class Saver(QObject):
    @Slot(str, str, QDBusMessage, result=int)
    def Inhibit(self, app_name, reason, message):
        message.setDelayedReply(True)      # and never reply
        held.append(message)
        print("held Inhibit", flush=True)
        return 0


saver = Saver()
ok = bus.registerObject("/org/freedesktop/ScreenSaver", saver,
                        QDBusConnection.RegisterOption.ExportAllSlots)
ok = ok and bus.registerService("org.freedesktop.ScreenSaver")
print("ready" if ok else "failed", flush=True)
app.exec()
"""


def dbus_daemon_available() -> bool:
    return shutil.which("dbus-daemon") is not None


class HungScreenSaver:
    """Starts a private bus and the service on it; ``address`` is the bus to connect to."""

    def __init__(self) -> None:
        self.daemon = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = self.daemon.stdout.readline().strip()
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address}
        self.service = subprocess.Popen([sys.executable, "-c", SERVICE, self.address], env=env,
                                        stdout=subprocess.PIPE, text=True)
        if self.service.stdout.readline().strip() != "ready":
            self.close()
            raise RuntimeError("the fake screen saver could not register")

    def wait_for_call(self) -> str:
        return self.service.stdout.readline().strip()

    def close(self) -> None:
        for process in (self.service, self.daemon):
            process.kill()
            process.wait()
