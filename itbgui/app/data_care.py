"""The person's data file, seen from the window: what opening it found, a copy saved
elsewhere, and never quitting over changes the disk refused without asking."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QStatusBar, QWidget

from itbgui import APP_NAME
from itbgui.store.opening import StoreError

if TYPE_CHECKING:
    from itbgui.store.repository import SessionRepository


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class DataCare:
    def __init__(self, parent: QWidget, store: SessionRepository, status: Callable[[str, int], None],
                 restore_backup: Callable, *, status_bar: QStatusBar | None = None) -> None:
        """``parent`` owns the dialogs; ``status_bar`` holds the read-only badge."""
        self.parent = parent
        self.status_bar = status_bar
        self.store = store
        self.status = status
        self.restore_backup = restore_backup   # the model's: it tells every page

    def show_notice(self) -> None:
        """Tell the person once what opening their file found, and offer the newest backup."""
        from itbgui.screens.backups_panel import confirm_restore, restore_with_message

        text = self.store.report.summary()
        if not text:
            return
        newest = self.store.backups.newest()
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, parent=self.parent)
        restore = None
        if self.store.report.repaired and newest is not None and not self.store.read_only:
            box.setInformativeText(tr("The newest backup is from {when}.").format(
                when=newest.taken_at.strftime("%A %d %B, %H:%M")))
            restore = box.addButton(tr("Restore that backup…"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(tr("Keep what was recovered"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if restore is not None and box.clickedButton() is restore and confirm_restore(self.parent, newest):
            restore_with_message(self.parent, self.restore_backup, newest)

    def show_read_only_badge(self) -> None:
        """While the store is read-only, a permanent status-bar note says so: the notice at
        the start is gone once OK is pressed, and a session logged then would be lost unseen."""
        if not self.store.read_only or self.status_bar is None:
            return
        if self.status_bar.findChild(QLabel, "readOnlyBadge") is not None:
            return
        badge = QLabel(tr("Read-only: nothing is being saved"), objectName="readOnlyBadge")
        badge.setStyleSheet("font-weight: 600; padding: 0 8px;")
        badge.setToolTip(self.store.report.summary() or tr("The data file is open read-only."))
        badge.setAccessibleName(badge.text())
        self.status_bar.addPermanentWidget(badge)

    def export_copy(self, path: str | None = None) -> bool:
        """Save everything in memory, saved or not, somewhere else (the full-disk way out)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.parent, tr("Save a copy of my data"),
                                                  "itb-coach-copy.json", tr("JSON files (*.json)"))
        if not path:
            return False
        try:
            self.store.export_copy(path)
        except StoreError as exc:
            QMessageBox.warning(self.parent, APP_NAME, str(exc))
            return False
        self.status(tr("Saved a copy to {path}").format(path=path), 5000)
        return True

    def ask_about_unsaved(self, error: Exception | None) -> str:
        """'retry', 'copy', 'quit' or 'cancel': what to do with changes the disk refused."""
        reason = str(error) if error else tr("The last save did not reach the disk.")
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, tr(
            "Some of your data is not saved yet.\n\n%1\n\nIt is still in memory: try saving "
            "again, save a copy somewhere else, or quit without it.").replace("%1", reason), parent=self.parent)
        retry = box.addButton(tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(tr("Save a copy…"), QMessageBox.ButtonRole.ActionRole)
        quit_ = box.addButton(tr("Quit without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(retry)
        box.exec()
        return {retry: "retry", copy: "copy", quit_: "quit"}.get(box.clickedButton(), "cancel")

    def may_quit_with(self, error: Exception | None) -> bool:
        """Nothing the disk refused is dropped without the person choosing so."""
        while error is not None or self.store.unsaved:
            choice = self.ask_about_unsaved(error)
            if choice == "cancel":
                return False
            if choice == "quit":
                return True
            if choice == "copy":
                if self.export_copy():
                    return True
                continue
            try:
                self.store.retry_save()
                return True
            except StoreError as exc:
                error = exc
        return True
