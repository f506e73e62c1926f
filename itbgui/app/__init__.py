"""The application: the main window and the small parts it is built from.

``window`` wires the pages to the :class:`~itbgui.core.coach.Coach` and the model; each
other module holds one of the window's concerns and is handed what it needs, never the
window: this package's entry is the one importer of ``window`` (tests/test_architecture.py).
"""

from itbgui.app.menus import PAGES
from itbgui.app.window import SETUP_PROMPT_DELAY_MS, SOUND_LOAD_DELAY_MS, MainWindow, show_main_window

__all__ = ["MainWindow", "PAGES", "SETUP_PROMPT_DELAY_MS", "SHORTCUTS_HELP", "SOUND_LOAD_DELAY_MS",
           "default_page_size", "show_main_window"]


def __getattr__(name: str):
    """``SHORTCUTS_HELP`` and ``default_page_size``, imported only when asked (the first
    paint needs neither the help nor the printing)."""
    if name == "SHORTCUTS_HELP":
        from itbgui.app.help import SHORTCUTS_HELP

        return SHORTCUTS_HELP
    if name == "default_page_size":
        from itbgui.app.printing import default_page_size

        return default_page_size
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
