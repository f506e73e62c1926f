"""The menus' actions, wired to the commands the window hands in; made after the first
paint (menus.py). They are kept in :class:`MenuActions` so the window can enable, check
and test them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QMenu, QWidget

from itbgui import APP_NAME
from itbgui.app.menus import PAGES, MenuTitles, tr
from itbgui.ui.settings import AppSettings
from itbgui.ui.theme import THEMES

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QAction

    from itbgui.app.printing import WeekPrinting


def _help():
    """The help boxes, imported when first asked for (the first paint needs none)."""
    from itbgui.app import help

    return help


class MenuCommands(NamedTuple):
    """What the menus' actions do: the window's answers, handed in (the menus never hold the window)."""

    start: Callable[[], None]
    setup: Callable[..., None]
    log_run: Callable[[], object]
    import_runs: Callable[[], object]
    import_folder: Callable[[], object]
    export_runs: Callable[[], object]
    printing: Callable[[], WeekPrinting]
    export_csv: Callable[[], object]
    save_chart: Callable[[], object]
    settings: Callable[..., object]          # (section: str | None = None)
    save_copy: Callable[[], object]
    quit: Callable[[], object]
    go_to_page: Callable[[str], None]
    fullscreen: Callable[[bool], None]
    theme: Callable[[str], None]
    sound: Callable[[bool], None]
    voice: Callable[[bool], None]
    welcome: Callable[[], object]
    data_file: Callable[[], Path]


class MenuActions(NamedTuple):   # (NamedTuples, not dataclasses: see theme.Colours)
    start_action: QAction
    log_run_action: QAction
    import_runs_action: QAction
    setup_action: QAction
    print_action: QAction
    preview_action: QAction
    pdf_action: QAction
    export_csv_action: QAction
    export_runs_action: QAction
    save_chart_action: QAction
    settings_action: QAction
    edit_menu: QMenu
    fullscreen_action: QAction
    sound_action: QAction
    voice_action: QAction
    welcome_action: QAction
    sources_action: QAction
    page_actions: list[QAction]
    theme_actions: dict[str, QAction]

    def set_navigation_enabled(self, on: bool) -> None:
        """Off while a session runs: the player is the one way on."""
        for action in (self.start_action, self.setup_action, self.log_run_action, self.import_runs_action,
                       *self.page_actions):
            action.setEnabled(on)


def _action(window, text: str, slot, shortcut=None, **kwargs) -> QAction:
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(text, window, triggered=slot, **kwargs)
    if shortcut is not None:
        # setShortcuts with a list, not setShortcut: its overloads make PySide build every
        # enum of the Qt namespace (12 ms) before the first paint (widget_kit.set_by_name)
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys = QKeySequence.keyBindings(shortcut)[:1]   # as QKeySequence(key): the first
        else:
            keys = [QKeySequence.fromString(shortcut, QKeySequence.SequenceFormat.NativeText)]
        action.setShortcuts(keys)
    return action


def build_menus(window: QWidget, titles: MenuTitles, settings: AppSettings, do: MenuCommands) -> MenuActions:
    """The actions of every menu (after the first paint: see the module's docstring).
    ``window`` owns the actions and keeps the page keys and F11 live without the menu bar."""
    from PySide6.QtGui import QAction, QActionGroup, QKeySequence

    file_menu = titles.file
    start = _action(window, tr("&Start session"), do.start, "Ctrl+Return")
    setup = _action(window, tr("Plan &set-up…"), do.setup)
    log_run = _action(window, tr("&Log a run…"), do.log_run, "Ctrl+R")
    import_runs = _action(window, tr("&Import runs…"), do.import_runs)
    import_folder = _action(window, tr("Import a &folder of runs…"), do.import_folder)
    print_ = _action(window, tr("&Print week…"), lambda: do.printing().print(), QKeySequence.StandardKey.Print)
    preview = _action(window, tr("Print pre&view…"), lambda: do.printing().preview())
    pdf = _action(window, tr("Save week as P&DF…"), lambda: do.printing().save_pdf())
    export_csv = _action(window, tr("Export history as &CSV…"), do.export_csv)
    save_chart = _action(window, tr("Save &chart as PNG…"), do.save_chart)
    export_runs = _action(window, tr("Export &runs as CSV…"), do.export_runs)
    settings_ = _action(window, tr("S&ettings…"), lambda: do.settings(), "Ctrl+,")
    settings_.setMenuRole(QAction.MenuRole.PreferencesRole)
    for item in (start, setup, None, log_run, import_runs, import_folder, None, print_, preview, pdf, None,
                 export_csv, export_runs, save_chart, None, settings_,
                 _action(window, tr("&Backups…"), lambda: do.settings("backups")),
                 _action(window, tr("Save a &copy of my data…"), lambda: do.save_copy()),
                 None, _action(window, tr("&Quit"), do.quit, QKeySequence.StandardKey.Quit)):
        file_menu.addSeparator() if item is None else file_menu.addAction(item)

    edit_menu = titles.edit
    view_menu = titles.view
    page_titles = {"today": tr("&Today"), "plan": tr("&Plan"), "history": tr("&History"), "library": tr("&Library")}
    page_actions = []
    for i, name in enumerate(PAGES):
        action = _action(window, page_titles[name], lambda _checked=False, n=name: do.go_to_page(n),
                         f"Ctrl+{i + 1}")
        view_menu.addAction(action)   # (a QAction's shortcut is a window shortcut by default)
        window.addAction(action)   # live even with the menu bar hidden (full screen)
        page_actions.append(action)
    view_menu.addSeparator()
    fullscreen = _action(window, tr("&Full screen"), do.fullscreen, "F11", checkable=True)
    view_menu.addAction(fullscreen)
    window.addAction(fullscreen)   # F11 leaves full screen, where the menu bar is hidden
    theme_menu = view_menu.addMenu(tr("T&heme"))
    group = QActionGroup(window)
    labels = {"system": tr("Follow the system"), "light": tr("Light"), "dark": tr("Dark")}
    theme_actions = {}
    for mode in THEMES:
        action = _action(window, labels[mode], lambda _checked=False, m=mode: do.theme(m),
                         checkable=True, checked=settings.theme == mode)
        group.addAction(action)
        theme_menu.addAction(action)
        theme_actions[mode] = action
    view_menu.addSeparator()
    sound = _action(window, tr("&Sounds"), do.sound, checkable=True, checked=settings.sound_enabled)
    voice = _action(window, tr("Spoken p&rompts"), do.voice, checkable=True, checked=settings.voice_enabled)
    view_menu.addAction(sound)
    view_menu.addAction(voice)

    help_menu = titles.help
    welcome = _action(window, tr("Welcome and safety"), do.welcome)
    sources = _action(window, tr("The program's &sources"), lambda: _help().show_sources(window))
    help_menu.addAction(welcome)
    help_menu.addAction(_action(window, tr("&Keyboard shortcuts"), lambda: _help().show_shortcuts(window), "F1"))
    help_menu.addAction(sources)
    help_menu.addSeparator()
    help_menu.addAction(_action(window, tr("&About %1").replace("%1", APP_NAME), lambda: _help().show_about(window, do.data_file())))
    return MenuActions(start, log_run, import_runs, setup, print_, preview, pdf, export_csv, export_runs, save_chart,
                       settings_, edit_menu,
                       fullscreen, sound, voice, welcome, sources, page_actions, theme_actions)
