"""The app's log file and what happens when the code itself fails.

Warnings from anywhere in the app (a stall, a sound worker killed, a backup that could
not be written) go to ``itb-coach.log`` in the data folder, rotated at 1 MB, so a person
who reports a problem can send one file. An error that escapes the code is logged with its
traceback and shown once in a dialog that says the sessions are safe: every set is
written as it is done, so an error in the window loses none of them.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

LOG_FILE_NAME = "itb-coach.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("itbgui")


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FILE_NAME


def start_logging(data_dir: Path) -> Path | None:
    """Send the app's log to a rotating file in the data folder (readable by its owner
    alone); None when the folder cannot be written, and the log goes to stderr only."""
    import logging.handlers   # socket, pickle, queue...: 10 ms, so not before Today is filled

    path = log_path(data_dir)
    root = logging.getLogger("itbgui")
    for handler in list(root.handlers):
        if getattr(handler, "itb_coach_log", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.INFO)
    try:
        handler = _private_log_class()(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                       delay=False)
    except OSError as exc:
        print(f"itb-coach: no log file in {data_dir} ({exc.strerror or exc})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.itb_coach_log = True
    root.addHandler(handler)
    return path


def _private_log_class():
    """A rotating log whose every file, the one begun by a rotation too, is made 0600
    (a class made on use: logging.handlers is imported only once Today is filled)."""
    import logging.handlers

    from itbgui.store import private

    class PrivateLog(logging.handlers.RotatingFileHandler):
        def _open(self):
            fd = private.create(self.baseFilename, os.O_WRONLY | os.O_APPEND)
            return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    return PrivateLog


def install_excepthook(log_path: Path | None, show=None) -> None:
    """Log any error that escapes the code and tell the person once, with the log's path.

    ``show(text)`` puts the message on screen (a dialog in the app; tests pass their own).
    """
    shown = threading.Event()

    def report(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("an error escaped the code", exc_info=(exc_type, exc, tb))
        if show is not None and not shown.is_set():
            shown.set()
            where = f"The details are in {log_path}." if log_path else "The details are in the terminal's output."
            show("Something went wrong inside ITB Coach. Your sessions are saved: every set is "
                 f"written as it is done.\n\n{where} Please include that file if you report it.")

    sys.excepthook = report
    threading.excepthook = lambda args: report(args.exc_type, args.exc_value, args.exc_traceback)
