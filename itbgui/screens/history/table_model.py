"""Qt models over the stored sessions: one row per session, and one row per set.

Views never fill rows themselves; they show these models. Each cell also answers
``SORT_ROLE`` with a plain value (a timestamp, a number), and the session model sorts
itself by those values (dates and numbers as values, not as text). Sorting in the model
computes one key per row; a QSortFilterProxyModel would ask for two values per
comparison, which over ten years of sessions costs a quarter of a second.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from itbgui.program.clinical_state import RED_FLAGS
from itbgui.program.exercises import catalogue, name_of
from itbgui.program.sessions import is_partial
from itbgui.store.records import SessionRecord, SetRecord

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's SessionRecord (session table) or SetRecord (sets table).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

_NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def exercise_name(exercise_id: str) -> str:
    return name_of(exercise_id)


def exercises_logged(record: SessionRecord) -> list[str]:
    """Exercise ids with at least one set, in session order."""
    seen: dict[str, None] = {}
    for s in record.sets:
        seen.setdefault(s.exercise_id, None)
    return list(seen)


class SessionColumn(IntEnum):
    DATE = 0
    WEEK = 1
    DURATION = 2
    EXERCISES = 3
    REPS = 4
    PAIN = 5
    DURING = 6
    NOTE = 7


_SESSION_COLUMNS = tuple(SessionColumn)
_HEADER_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


class SessionTableModel(QAbstractTableModel):
    """Every session; newest first until sorted otherwise (the order survives a reload)."""

    def __init__(self, sessions: list[SessionRecord] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRecord] = []
        self._headers: dict | None = None
        self.sort_column = SessionColumn.DATE
        self.sort_order = Qt.SortOrder.DescendingOrder
        if sessions:
            self.set_sessions(sessions)

    def set_sessions(self, sessions: list[SessionRecord]) -> None:
        self.beginResetModel()
        self._rows = list(sessions)
        self._rows = self._sorted(self.sort_column, self.sort_order)[0]
        self.endResetModel()

    def _sorted(self, column: int, order: Qt.SortOrder):
        column = SessionColumn(column)
        rows = self._rows
        descending = order == Qt.SortOrder.DescendingOrder
        # Ties keep date order (newest first), whichever way the column goes. By date
        # itself one stable sort does (the page opens so: one pass over ten years).
        dates = [r.started_at for r in rows]
        if column is SessionColumn.DATE:
            order_of = sorted(range(len(rows)), key=dates.__getitem__, reverse=descending)
        else:
            order_of = sorted(range(len(rows)), key=dates.__getitem__, reverse=True)
            keys = [self._sort_key(r, column) for r in rows]
            order_of.sort(key=keys.__getitem__, reverse=descending)
        return [rows[i] for i in order_of], order_of

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's SORT_ROLE values; selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        rows, order_of = self._sorted(column, order)
        new_row = {old: new for new, old in enumerate(order_of)}
        self._rows = rows
        self.sort_column, self.sort_order = SessionColumn(column), order
        before = self.persistentIndexList()
        self.changePersistentIndexList(
            before, [self.index(new_row[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def record(self, row: int) -> SessionRecord:
        return self._rows[row]

    def row_of(self, session_id: str) -> int | None:
        for row, record in enumerate(self._rows):
            if record.id == session_id:
                return row
        return None

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SessionColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role not in _HEADER_ROLES:
            return None   # the header asks for a dozen roles per section as it paints
        if self._headers is None:   # translated once: the header asks hundreds of times
            self._headers = {
                Qt.ItemDataRole.DisplayRole: (
                    self.tr("Date"), self.tr("Week"), self.tr("Duration"), self.tr("Exercises"),
                    self.tr("Reps"), self.tr("Pain"), self.tr("Worst during"), self.tr("Note")),
                Qt.ItemDataRole.ToolTipRole: (
                    self.tr("When the session started"),
                    self.tr("Week of the program"),
                    self.tr("From start to the last set"),
                    self.tr("How many different exercises were logged"),
                    self.tr("Every rep of every set, both sides"),
                    self.tr("Pain before → after the session, 0-10"),
                    self.tr("The worst pain during the session, 0-10 (– where not asked)"),
                    self.tr("Your note"))}
        return self._headers[role][section]

    #: The roles answered; a view asks for about eight per cell as it paints.
    _ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, RECORD_ROLE})

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in self._ROLES:   # font, colours, icon...: the view's defaults
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        record = self._rows[row]
        column = _SESSION_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self._sort_key(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                SessionColumn.WEEK, SessionColumn.DURATION, SessionColumn.EXERCISES,
                SessionColumn.REPS):
            return _NUMBER_ALIGN
        if role == RECORD_ROLE:
            return record
        return None

    def _display(self, record: SessionRecord, column: SessionColumn) -> str:
        if column is SessionColumn.DATE:
            return record.started_at.strftime("%Y-%m-%d %H:%M")
        if column is SessionColumn.WEEK:
            return str(record.week) if record.week is not None else "–"
        if column is SessionColumn.DURATION:
            if record.ended_at is None:
                return "–"
            return self.tr("%n min", "", round(record.duration_seconds / 60))
        if column is SessionColumn.EXERCISES:
            return str(len(exercises_logged(record)))
        if column is SessionColumn.REPS:
            if is_partial(record):   # reached its end with under half its reps (as Today says)
                return self.tr("%1 · partial").replace("%1", str(record.total_reps))
            return str(record.total_reps)
        if column is SessionColumn.DURING:
            flag = " ⚠" if any(yes for _, yes in record.red_flags) else ""
            return _pain(record.pain_during) + flag
        if column is SessionColumn.PAIN:
            return f"{_pain(record.pain_before)} → {_pain(record.pain_after)}"
        return record.note.splitlines()[0] if record.note else ""

    def _sort_key(self, record: SessionRecord, column: SessionColumn):
        if column is SessionColumn.DATE:
            return record.started_at.timestamp()
        if column is SessionColumn.WEEK:
            return record.week if record.week is not None else 0
        if column is SessionColumn.DURATION:
            return record.duration_seconds if record.ended_at is not None else -1.0
        if column is SessionColumn.EXERCISES:
            return len(exercises_logged(record))
        if column is SessionColumn.REPS:
            return record.total_reps
        if column is SessionColumn.DURING:
            return -1 if record.pain_during is None else record.pain_during
        if column is SessionColumn.PAIN:  # by pain before, then after; not asked sorts first
            before = -1 if record.pain_before is None else record.pain_before
            after = -1 if record.pain_after is None else record.pain_after
            return before * 100 + after
        return record.note.casefold()

    def _tooltip(self, record: SessionRecord, column: SessionColumn) -> str | None:
        if column is SessionColumn.DATE:
            end = record.ended_at.strftime("%H:%M") if record.ended_at else "?"
            status = self.tr("partial: under half the reps") if is_partial(record) else (
                self.tr("completed") if record.completed else self.tr("left early"))
            return f"{record.started_at.strftime('%A %d %B %Y, %H:%M')}–{end} · {status}"
        if column is SessionColumn.EXERCISES:
            logged = exercises_logged(record)
            lines = [exercise_name(e) for e in logged]
            missing = [ex.name for ex in catalogue() if ex.id not in logged]
            if missing:
                lines.append(self.tr("Not logged: %1").replace("%1", ", ".join(missing)))
            return "\n".join(lines)
        if column is SessionColumn.PAIN:
            text = self.tr("Pain before: %1/10, after: %2/10").replace(
                "%1", _pain(record.pain_before)).replace("%2", _pain(record.pain_after))
            if record.next_morning:
                morning = {"better": self.tr("better"), "same": self.tr("the same"),
                           "worse": self.tr("worse")}[record.next_morning]
                text += "\n" + self.tr("Next morning: %1").replace("%1", morning)
            return text
        if column is SessionColumn.DURING:
            said = [RED_FLAGS[k][1] for k, yes in record.red_flags if yes]
            text = self.tr("Worst pain during the session: %1/10").replace("%1", _pain(record.pain_during))
            if record.red_flags:
                text += "\n" + (self.tr("Warning signs answered yes: %1").replace("%1", "; ".join(said))
                                if said else self.tr("Warning signs asked: none"))
            return text
        if column is SessionColumn.NOTE:
            return record.note or None
        if column is SessionColumn.REPS:
            return self.tr("%n sets logged", "", len(record.sets))
        return None


def _pain(value: int | None) -> str:
    return "–" if value is None else str(value)


class SetColumn(IntEnum):
    EXERCISE = 0
    SIDE = 1
    SET = 2
    REPS = 3
    RESISTANCE = 4


_SET_COLUMNS = tuple(SetColumn)


class SessionSetsModel(QAbstractTableModel):
    """The sets of one session, in the order they were done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sets: tuple[SetRecord, ...] = ()

    def set_session(self, record: SessionRecord | None) -> None:
        self.beginResetModel()
        self._sets = record.sets if record is not None else ()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SetColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Exercise"), self.tr("Side"), self.tr("Set"),
                    self.tr("Reps done / target"), self.tr("Resistance"))[section]
        return None

    def side_label(self, side: str | None) -> str:
        return {"left": self.tr("left"), "right": self.tr("right"), None: self.tr("both")}[side]

    _ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, RECORD_ROLE})

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in self._ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._sets) or not index.isValid():
            return None
        s = self._sets[row]
        column = _SET_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column is SetColumn.EXERCISE:
                return exercise_name(s.exercise_id)
            if column is SetColumn.SIDE:
                return self.side_label(s.side)
            if column is SetColumn.SET:
                return str(s.set_number)
            if column is SetColumn.REPS:
                if s.hold_seconds:
                    return self.tr("%1 s hold").replace("%1", f"{s.hold_seconds:g}")
                return f"{s.done_reps} / {s.target_reps}"
            return s.resistance
        if role == Qt.ItemDataRole.ToolTipRole and column is SetColumn.REPS and not s.hold_seconds:
            if s.done_reps < s.target_reps:
                return self.tr("%1 short of the target").replace("%1", str(s.target_reps - s.done_reps))
            return self.tr("Target reached")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SetColumn.SET, SetColumn.REPS):
            return _NUMBER_ALIGN
        if role == RECORD_ROLE:
            return s
        return None
