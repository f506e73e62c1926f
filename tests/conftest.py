"""Shared fixtures. Qt runs offscreen here, so the tests need no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from itbgui.clock import FakeClock  # noqa: E402


@pytest.fixture
def clock():
    return FakeClock()
