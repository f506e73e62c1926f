"""Keeping the screen awake never holds up the window: the D-Bus calls do not block."""

import threading

import pytest

from fake_screensaver import HungScreenSaver, dbus_daemon_available
from itbgui.player.screensaver import FreedesktopInhibitor


@pytest.mark.skipif(not dbus_daemon_available(), reason="needs dbus-daemon (.ci/run installs it)")
def test_a_screen_saver_service_that_never_answers_does_not_block_the_window(qapp, qtbot):
    from PySide6.QtDBus import QDBusConnection

    service = HungScreenSaver()
    try:
        bus = QDBusConnection.connectToBus(service.address, "itb-test")
        inhibitor = FreedesktopInhibitor("ITB Coach", bus=bus)
        seen = {}
        returned = threading.Event()

        def watch() -> None:   # when the service holds the call, had inhibit() returned yet?
            seen["line"] = service.wait_for_call()
            seen["returned first"] = returned.is_set()

        watcher = threading.Thread(target=watch)
        watcher.start()
        inhibitor.inhibit("A session is running")       # a blocking call would wait here 25 s
        returned.set()
        watcher.join(timeout=10)
        assert seen == {"line": "held Inhibit", "returned first": True}
        assert inhibitor.active
        inhibitor.release()                              # no cookie yet: nothing to wait for
        assert not inhibitor.active
    finally:
        service.close()
        QDBusConnection.disconnectFromBus("itb-test")


def test_a_release_before_the_cookie_arrives_gives_the_cookie_back(qapp):
    """The reply path, without a bus: a cookie that comes after the release is returned."""
    class ConnectedBus:
        def isConnected(self):
            return True

    inhibitor = FreedesktopInhibitor("x", bus=ConnectedBus())
    calls = []
    inhibitor._call = lambda method, args, on_reply: calls.append((method, args))   # the bus's half
    inhibitor.inhibit("why")
    inhibitor.release()
    inhibitor._inhibited([7])                            # the Inhibit reply, late
    assert calls == [("Inhibit", ["x", "why"]), ("UnInhibit", [7])]
    assert inhibitor._cookie is None
