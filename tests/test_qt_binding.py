"""Guards against a broken Qt binding release, which no other test would pin down."""

import sys

import pytest
from PySide6.QtCore import QTimer


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_do_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 decrements None's count on each void call: the player calls
    # QTimer.start() thousands of times a session and the interpreter aborts.
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.start(50)
        timer.stop()
    assert abs(sys.getrefcount(None) - before) < 100
