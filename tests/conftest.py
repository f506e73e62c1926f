"""Shared fixtures. Qt runs offscreen here, so the tests need no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from itbgui.core.clock import FakeClock  # noqa: E402

# Property tests: "ci" (the default, also what .ci/run gets) keeps the suite within its
# time budget on a 2-core machine; "thorough" is for a long local run
# (HYPOTHESIS_PROFILE=thorough pytest tests/...). No deadline: a shared CI core stalls.
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _quiet_sound_workers(monkeypatch):
    """Windows in tests get stand-in sound workers (no Qt, no audio, ready at once); the
    tests of the real workers pass their own commands."""
    from itbgui.player import sound
    from sound_fakes import ECHO, command

    real = sound.worker_command
    monkeypatch.setattr(sound, "worker_command", lambda role, *extra: command(ECHO) if role in (
        "tones", "voice") else real(role, *extra))


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


@pytest.fixture(autouse=True)
def _normal_text_size():
    """A test that picks Extra large leaves the application font at 1.5 x: put it back."""
    yield
    from PySide6.QtWidgets import QApplication

    from itbgui.ui.text_size import apply_text_scale, text_scale

    if QApplication.instance() is not None and text_scale() != 1.0:
        apply_text_scale(1.0)


@pytest.fixture
def keep_palette():
    """Theme changes repaint the whole application: put the palette back for later tests."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    palette, colours = app.palette(), app.property("itb_colours")
    yield
    app.setPalette(palette)
    app.setProperty("itb_colours", colours)
