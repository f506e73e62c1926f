"""The log file in the data folder, and an error that escapes the code."""

import logging
import stat
import sys
import threading

import pytest

from itbgui.app.crash_log import LOG_FILE_NAME, install_excepthook, start_logging


@pytest.fixture
def restore_hooks():
    # import-linter's lint_imports (tests/test_architecture.py) configures logging with
    # dictConfig, which disables every logger that exists by then in the same process.
    for logger in logging.root.manager.loggerDict.values():
        if isinstance(logger, logging.Logger) and logger.name.startswith("itbgui"):
            logger.disabled = False
    hooks = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = hooks
    root = logging.getLogger("itbgui")
    for handler in [h for h in root.handlers if getattr(h, "itb_coach_log", False)]:
        root.removeHandler(handler)
        handler.close()


def test_warnings_from_the_app_reach_a_private_log_file(tmp_path, restore_hooks):
    path = start_logging(tmp_path)
    assert path == tmp_path / LOG_FILE_NAME
    logging.getLogger("itbgui.player.stall_watch").warning("player stalled 1.8 s: test")
    logging.getLogger("itbgui.player.sound").info("spoken prompts are off: test")
    text = path.read_text(encoding="utf-8")
    assert "WARNING itbgui.player.stall_watch: player stalled 1.8 s: test" in text
    assert "spoken prompts are off" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600      # health data: its owner alone


def test_a_log_file_begun_by_a_rotation_is_private_too(tmp_path, restore_hooks):
    import os

    old = os.umask(0o022)
    try:
        path = start_logging(tmp_path)
        handler = next(h for h in logging.getLogger("itbgui").handlers if getattr(h, "itb_coach_log", False))
        handler.doRollover()
        logging.getLogger("itbgui.x").warning("after the rotation")
    finally:
        os.umask(old)
    assert "after the rotation" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / f"{LOG_FILE_NAME}.1").stat().st_mode) == 0o600


def test_starting_twice_keeps_one_handler(tmp_path, restore_hooks):
    start_logging(tmp_path)
    start_logging(tmp_path)
    logging.getLogger("itbgui.x").warning("once")
    assert (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8").count("once") == 1


def test_a_folder_that_cannot_take_a_log_is_said_and_not_raised(tmp_path, capsys, restore_hooks):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert start_logging(not_a_folder) is None
    assert "no log file" in capsys.readouterr().err


def test_an_error_that_escapes_is_logged_and_shown_once(tmp_path, restore_hooks):
    path = start_logging(tmp_path)
    shown = []
    install_excepthook(path, show=shown.append)
    for _ in range(2):
        try:
            raise ZeroDivisionError("in a slot")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "ZeroDivisionError: in a slot" in text and "Traceback" in text
    assert len(shown) == 1
    assert "Your sessions are saved" in shown[0] and str(path) in shown[0]


def test_an_error_in_a_worker_thread_is_logged_too(tmp_path, restore_hooks):
    path = start_logging(tmp_path)
    install_excepthook(path, show=None)
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    assert "ZeroDivisionError" in path.read_text(encoding="utf-8")
