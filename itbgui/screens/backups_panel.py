"""The list of backup copies, with restore after a confirmation (Settings > Backups)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QLabel, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from itbgui.store.backups import Backup
from itbgui.store.repository import SessionRepository, StoreError


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def confirm_restore(parent: QWidget, backup: Backup) -> bool:
    answer = QMessageBox.question(
        parent, parent.tr("Restore a backup"),
        parent.tr("Replace your data with the copy from {when}?\n\nSessions logged after that "
                  "copy will no longer show. A copy of your data as it is now is kept first, "
                  "so this can be undone by restoring that copy.").format(
            when=backup.taken_at.strftime("%A %d %B %Y, %H:%M")),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def restore_with_message(parent: QWidget, restore: Callable[[Backup], int], backup: Backup) -> bool:
    """Restore ``backup`` through ``restore`` (the app's one write path) and tell the person
    how it went; True when it worked."""
    try:
        count = restore(backup)
    except StoreError as exc:
        QMessageBox.warning(parent, parent.tr("Restore a backup"), str(exc))
        return False
    QMessageBox.information(parent, parent.tr("Restore a backup"),
                            parent.tr("Restored {n} sessions from {when}.").format(
                                n=count, when=backup.taken_at.strftime("%d %B %Y, %H:%M")))
    return True


class BackupsPanel(QWidget):
    """The list of copies with a Restore button: in Settings and in the Backups dialog."""

    restored = Signal()  # a backup became the data file: whoever shows data reloads

    def __init__(self, store: SessionRepository, restore: Callable[[Backup], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.restore = restore   # writes through the app's model, which says what changed
        self.backups: list[Backup] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Backup copies"))
        self.tree.itemSelectionChanged.connect(self._update_button)
        lay.addWidget(self.tree, 1)
        self.empty = QLabel(self.tr("No backups yet: the first is made the next time the app "
                                    "opens."), objectName="settingsMuted")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.restore_button = QPushButton(self.tr("&Restore the selected copy…"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected backup"))
        self.restore_button.clicked.connect(self.restore_selected)
        lay.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        self.backups = self.store.backups.list()
        for backup in self.backups:
            self.tree.addTopLevelItem(QTreeWidgetItem([
                backup.taken_at.strftime("%a %d %b %Y, %H:%M"), backup.reason_label,
                _size(backup.size)]))
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_button()

    def selected(self) -> Backup | None:
        item = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and not self.store.read_only)

    def restore_selected(self) -> None:
        """Asks first, restores, lists the copy taken of what was there, and says so."""
        backup = self.selected()
        if backup is None or not confirm_restore(self, backup):
            return
        if restore_with_message(self, self.restore, backup):
            self.reload()
            self.restored.emit()
