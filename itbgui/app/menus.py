"""The menu bar: File, Edit, View and Help, as the first paint shows them.

The first paint shows the four titles; their actions (menu_actions.py) are made right
after it (none is visible until a menu opens), or at once if a menu opens or a key is
pressed before that (MadeOnUse.key_before_menus), so a shortcut pressed as the window
appears still works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

#: The navigation's pages, in tab order (Ctrl+1, Ctrl+2, ...).
PAGES = ("today", "plan", "history", "library")


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MenuTitles(NamedTuple):
    """The menu bar as the first paint shows it: four menus, empty until build_menus."""

    file: QMenu
    edit: QMenu
    view: QMenu
    help: QMenu


def build_menu_titles(bar: QMenuBar, history_page: Callable[[], object],
                      make_actions: Callable[[], object]) -> MenuTitles:
    """``history_page`` gives the History page if built; ``make_actions`` makes the actions
    (once) when a menu opens before they were made."""
    titles = MenuTitles(bar.addMenu(tr("&File")), bar.addMenu(tr("&Edit")), bar.addMenu(tr("&View")),
                        bar.addMenu(tr("&Help")))
    # History's undo, redo, edit and delete live on its page (built on first use), so the
    # Edit menu is filled each time it opens.
    titles.edit.aboutToShow.connect(lambda: fill_edit_menu(titles.edit, history_page()))
    for menu in (titles.file, titles.view, titles.help):   # opened before the actions were made
        menu.aboutToShow.connect(make_actions)
    return titles


def fill_edit_menu(menu: QMenu, history_page) -> None:
    menu.clear()
    if history_page is None:
        hint = menu.addAction(tr("Sessions are edited on the History page (Ctrl+3)"))
        hint.setEnabled(False)
        return
    for action in (history_page.undo_action, history_page.redo_action, None, history_page.edit_action,
                   history_page.delete_action):
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
