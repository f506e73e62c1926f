"""Command line: ``itb-coach [--data-dir DIR] [--version]``; ``python main.py`` is the same.

Commands that run with no window: ``itb-coach plan-pdf OUT.pdf``, ``itb-coach week``,
``itb-coach history-csv OUT.csv``, ``itb-coach runs`` and ``itb-coach runs-import FILE...``.
Each lives in its own module with a ``run(argv)``.

Exit codes. The app: 0 closed, 1 no display to show the window on, 2 the data folder cannot
be used, 3 already open on that folder. The commands: 0 done, 1 no ITB Coach data in the
folder (``data_dir.command_data_dir``) or their output could not be made, 2 a usage error,
and 141 when the reader of their output stops early (``itb-coach week | head -1``), as for
any tool ended by SIGPIPE (128 + 13), so ``set -o pipefail`` scripts see what they would
see from ``cat``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from itbgui import APP_ID, APP_NAME, __version__
from itbgui.cli.data_dir import default_data_dir, not_a_folder

_T0 = time.perf_counter()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    plain = plain_start(argv) if argv is not None else None
    return plain if plain is not None else _parser().parse_args(argv)


def plain_start(argv: list[str]) -> argparse.Namespace | None:
    """The usual starts (nothing, ``--data-dir DIR``, ``--exit-after-show``) read without
    building argparse's parser, which costs ~3 ms of a cold start (its messages looked up
    for translation, the terminal's width asked). None for anything else (help, version,
    abbreviations, mistakes): argparse reads that, as before."""
    data_dir, exit_after_show, rest = None, False, list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--exit-after-show" and not exit_after_show:
            exit_after_show = True
        elif arg == "--data-dir" and data_dir is None and rest and not rest[0].startswith("-"):
            data_dir = Path(rest.pop(0))
        elif arg.startswith("--data-dir=") and data_dir is None and arg != "--data-dir=":
            data_dir = Path(arg.partition("=")[2])
        else:
            return None
    return argparse.Namespace(data_dir=data_dir, exit_after_show=exit_after_show)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="itb-coach",
        description=f"{APP_NAME}: a follow-along hip-strengthening coach for IT band syndrome.",
        epilog="commands without a window: 'itb-coach plan-pdf OUT.pdf [--week YYYY-MM-DD]' "
               "prints the week's plan to PDF; 'itb-coach week [--week YYYY-MM-DD] [--json]' "
               "prints it as text or JSON; 'itb-coach history-csv OUT.csv' exports every "
               "logged set; 'itb-coach runs [--json | --csv OUT.csv]' lists the runs; "
               "'itb-coach runs-import FILE...' imports GPX, TCX or FIT runs. "
               "All take --data-dir DIR.")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="folder for your sessions and settings "
                             "(default: the platform's user data folder)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    # Absent unless given (SUPPRESS), so a plain start reads the same without the parser.
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument("--install-desktop-entry", action="store_true", default=argparse.SUPPRESS,
                       help="add ITB Coach to your applications menu (~/.local/share) and exit")
    entry.add_argument("--uninstall-desktop-entry", action="store_true", default=argparse.SUPPRESS,
                       help="take it out of the menu again and exit")
    # For the start-up smoke test and the cold-start benchmark: quit once the window is shown.
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    return parser


#: Windowless commands: name -> module with ``run(argv: list[str]) -> int``.
COMMANDS = {
    "plan-pdf": "itbgui.cli.plan_pdf",
    "history-csv": "itbgui.cli.history_csv",
    "week": "itbgui.cli.week",
    "runs": "itbgui.cli.runs",
    "runs-import": "itbgui.cli.runs_import",
    # not for people: the child process that plays the session's sound (player/sound.py)
    "sound-worker": "itbgui.player.sound_worker",
}


#: Where translations are looked for: compiled into the resources, then a folder beside the code.
TRANSLATION_PLACES = (":/i18n", str(Path(__file__).resolve().parent / "i18n"))


def install_translator(app) -> object | None:
    """Load ``itb-coach_<locale>.qm`` for the system locale, if one exists (none ships yet).

    Adding a language is then a file in ``itbgui/i18n/`` (or ``:/i18n``), no code change.
    """
    from PySide6.QtCore import QLocale, QTranslator

    translator = QTranslator(app)
    for place in TRANSLATION_PLACES:
        if translator.load(QLocale.system(), "itb-coach", "_", place):
            app.installTranslator(translator)
            return translator
    return None


def show_box(kind: str, parent, text: str) -> None:
    """A message box ("critical" or "information"), with the app's icon set first: the
    icon is set after the first paint otherwise (QIcon and the SVG wait until then)."""
    from PySide6.QtWidgets import QMessageBox

    set_app_icon()
    getattr(QMessageBox, kind)(parent, APP_NAME, text)


def set_app_icon() -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setWindowIcon(QIcon(":/icons/itb-coach.svg"))


#: Exit code when the reader of a command's output has gone: a shell's 128 + SIGPIPE.
BROKEN_PIPE = 141


def run_command(name: str, argv: list[str]) -> int:
    """Run a windowless command; a reader that stops early (``| head``) ends it quietly."""
    import importlib

    try:
        code = importlib.import_module(COMMANDS[name]).run(argv)
        if sys.stdout is not None:
            sys.stdout.flush()   # here, not at exit, where a closed pipe is a traceback
        return code
    except BrokenPipeError:
        # Python's own advice: point stdout at devnull, so the flush at exit finds no pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return BROKEN_PIPE


NO_DISPLAY = ("ITB Coach needs a display to show its window, and there is none here "
              "(DISPLAY and WAYLAND_DISPLAY are not set): start it from a desktop session. "
              "The commands week, plan-pdf, history-csv, runs and runs-import work without one "
              "(see --help), and "
              "QT_QPA_PLATFORM=offscreen runs the window with no screen at all.")


def no_display() -> bool:
    """True on Linux with no X or Wayland display and no Qt platform chosen, where Qt would
    abort with a hint about its xcb plugin. Asked of the environment alone: no Qt import."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:])
    args = parse_args(argv)
    if getattr(args, "install_desktop_entry", False) or getattr(args, "uninstall_desktop_entry", False):
        from itbgui.cli import desktop_entry

        return desktop_entry.run(remove=getattr(args, "uninstall_desktop_entry", False))
    if no_display():
        print(f"itb-coach: {NO_DISPLAY}", file=sys.stderr)
        return 1

    from PySide6.QtCore import QLoggingCategory, QTimer
    from PySide6.QtWidgets import QApplication

    from itbgui import resources_rc  # noqa: F401  (registers :/exercises, :/sounds, :/icons)
    from itbgui.app import MainWindow, show_main_window
    from itbgui.app.first_paint import after_first_paint
    from itbgui.core.clock import SystemClock
    from itbgui.ui.settings import AppSettings
    from itbgui.store.opening import StoreError, open_folder
    from itbgui.ui.reduce_motion import apply_motion_preference
    from itbgui.ui.theme import FUSION_SET, apply_theme

    # QtMultimedia lists every optional codec library it could not find; not the user's concern.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false")
    app = QApplication.instance()
    if app is None:   # Fusion from the start: see theme.use_fusion
        app = QApplication(sys.argv[:1] + ["-style", "Fusion"])
        app.setProperty(FUSION_SET, True)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)   # the icon: set_app_icon, after the first paint
    install_translator(app)
    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()

    clock = SystemClock()
    try:
        problem = not_a_folder(data_dir)   # mkdir would only say "File exists"
        if problem:
            raise StoreError(f"The data folder cannot be used: {problem}.")
        # The lock is taken and the bytes read now, by the store's opening alone; the
        # repository (TinyDB, the checks) is made and parses them after the first paint.
        opening = open_folder(data_dir)
    except StoreError as exc:
        print(f"itb-coach: {exc}", file=sys.stderr)
        if not args.exit_after_show:
            show_box("critical", None, f"{exc}\n\nNothing has been changed on disk.")
        return 2
    if opening.locked_by:
        from itbgui.app.single_instance import ask_running_copy

        elsewhere = opening.lock.held_elsewhere()   # a shared folder: nobody here to ask
        if not elsewhere and ask_running_copy(data_dir):   # the running window came forward
            opening.close()
            return 0
        message = (f"ITB Coach is already open on this data folder on another computer "
                   f"({opening.locked_by}). Close it there first: two copies saving to one "
                   "file could lose a session." if elsewhere else
                   f"ITB Coach is already open on this data folder ({opening.locked_by}). "
                   "Please use that window: two copies saving to one file could lose a session.")
        print(f"itb-coach: {message}", file=sys.stderr)
        if not args.exit_after_show:
            show_box("information", None, message)
        opening.close()
        return 3
    settings = AppSettings(data_dir)
    apply_theme(app, settings.theme, settings.system_scheme_seen)   # asked after the paint
    apply_motion_preference(app, settings.reduce_motion)
    window = MainWindow(opening, settings, clock)
    # --exit-after-show (smoke test, cold-start benchmark): no welcome, no set-up prompt.
    show_main_window(window, prompts=not args.exit_after_show)
    # Today filled before the window showed (its kept card, or the start snapshot, told it):
    # "ready" is then timed as "shown" is, and as the cold-start benchmark times a bare window.
    filled_first = window.today_filled

    def ready() -> None:
        print(f"ready after {time.perf_counter() - _T0:.3f} s", flush=True)

    def load() -> None:
        set_app_icon()   # the window takes it too
        from itbgui.app.crash_log import install_excepthook, log_path, start_logging

        if not args.exit_after_show:   # the smoke test and the benchmark see errors as they are
            install_excepthook(log_path(data_dir), show=lambda text: show_box("critical", window, text))
        try:
            window.load_data()
        except StoreError as exc:   # e.g. a repair that could not be written
            print(f"itb-coach: {exc}", file=sys.stderr)
            if not args.exit_after_show:
                show_box("critical", window, f"{exc}\n\nNothing has been changed on disk.")
            from PySide6.QtCore import Qt

            window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)   # exit(2) ends it, not
            window.close()                                                   # a quit of its own
            app.exit(2)
            return
        if opening.lock.held and not args.exit_after_show:   # before the notice's dialog waits
            from itbgui.app.single_instance import serve_window

            window.single_instance = serve_window(window, data_dir)
        notice = window.store.report.summary()
        if notice:
            print(f"itb-coach: {notice}", file=sys.stderr)
            if not args.exit_after_show:
                window.data_care.show_notice()
        if args.exit_after_show:
            if not filled_first:
                ready()
            window.close()
        else:   # the log file once Today is filled: it costs the first look nothing
            QTimer.singleShot(0, lambda: start_logging(data_dir))

    after_first_paint(window.today_page.heading, load)
    if args.exit_after_show:
        def shown() -> None:
            print(f"shown after {time.perf_counter() - _T0:.3f} s", flush=True)
            if filled_first:
                ready()

        QTimer.singleShot(0, shown)
    code = app.exec()
    window.close_store()
    return code
