"""Shared fixtures. Qt runs offscreen here, so the tests need no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from itbgui.clock import FakeClock  # noqa: E402


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(tmp_path):
    """A data folder whose plan is set up (window_helpers.SETUP); a test file that needs a
    folder with no plan defines its own ``store``."""
    from itbgui.store.repository import SessionRepository
    from window_helpers import SETUP

    repo = SessionRepository(tmp_path)
    repo.save_plan_setup(SETUP.to_doc())
    yield repo
    repo.close()
