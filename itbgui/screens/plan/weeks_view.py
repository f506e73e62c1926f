"""The 8 weeks at a glance: one tile per week with its dates, a status word and a symbol.

Status is never shown by colour alone: every tile says it in words ("done", "missed")
and with a symbol; the current week also gets a thick border. Clicking a tile (or
arrowing to it and pressing Space) picks the week the Plan page shows and prints.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from itbgui.program.progression import WeekStatus

#: A symbol for each status, so it reads without colour.
STATUS_SYMBOLS = {"done": "✔", "partly done": "◑", "missed": "✘", "this week": "▶", "to come": "○"}


def short_range(first: dt.date, last: dt.date) -> str:
    """'16–22 Nov', or '30 Nov – 6 Dec' across a month: short enough for eight tiles in a row."""
    if first.month == last.month:
        return f"{first.day}–{last.day} {last:%b}"
    return f"{first.day} {first:%b} – {last.day} {last:%b}"


class WeeksView(QWidget):
    #: the Monday of the week the person picked
    week_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("The 8 weeks at a glance"))
        self.tiles: list[QPushButton] = []
        self.statuses: tuple[WeekStatus, ...] = ()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(8)

    def status_words(self, status: str) -> str:
        return {"done": self.tr("Done"), "partly done": self.tr("Partly done"),
                "missed": self.tr("Missed"), "this week": self.tr("This week"),
                "to come": self.tr("To come")}[status]

    def tile_text(self, row: WeekStatus) -> str:
        sunday = row.monday + dt.timedelta(days=6)
        if row.status in ("to come",):
            count = self.tr("%1 planned").replace("%1", str(row.planned))
        else:
            count = self.tr("%1 of %2").replace("%1", str(row.done)).replace("%2", str(row.planned))
            if row.extra:   # beyond the plan: said, never counted as "3 of 2"
                count += self.tr(" · %1 extra").replace("%1", str(row.extra))
        return "\n".join((self.tr("Week %1").replace("%1", str(row.week)),
                          short_range(row.monday, sunday),
                          f"{STATUS_SYMBOLS[row.status]} {self.status_words(row.status)}",
                          count))

    def set_weeks(self, statuses: tuple[WeekStatus, ...], selected: dt.date | None) -> None:
        if len(statuses) != len(self.tiles):
            for tile in self.tiles:
                self.group.removeButton(tile)
                tile.deleteLater()
            self.tiles = []
            for i in range(len(statuses)):
                tile = QPushButton(objectName="weekTile", checkable=True)
                tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                tile.clicked.connect(lambda _=False, i=i: self.week_chosen.emit(self.statuses[i].monday))
                self.group.addButton(tile)
                self._row.addWidget(tile)
                self.tiles.append(tile)
        self.statuses = statuses
        for tile, row in zip(self.tiles, statuses):
            text = self.tile_text(row)
            tile.setText(text)
            tile.setAccessibleName(text.replace("\n", ", "))
            tile.setProperty("status", row.status.replace(" ", "_"))
            tile.setProperty("current", row.status == "this week")
            tile.setChecked(row.monday == selected)
            tile.style().unpolish(tile)
            tile.style().polish(tile)
