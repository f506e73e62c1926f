"""History's Runs view: every run in a table with its own columns, and the three run charts.

It reads the store's runs on each change the model reports (RUNS, or the whole file
replaced) and redraws; a delete goes through the model. Answering or correcting a run is
the run dialog's (screens/runs), which the window opens when ``edit_requested`` fires.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSplitter, QStackedWidget, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from itbgui.screens.history import run_chart_data as rd
from itbgui.screens.history.run_charts import OnsetChart, RunDistanceChart, StageChart
from itbgui.store.run_records import RunRecord

SOURCES = {"manual": "typed", "gpx": "GPX", "tcx": "TCX", "fit": "FIT"}


def _num(value: float | None, unit: str = "") -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".") + unit


def duration_text(seconds: int | None) -> str:
    if seconds is None:
        return ""
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def onset_text(run: RunRecord) -> str:
    if run.pain_during is None:
        return ""
    if run.pain_free:
        return "no pain"
    if run.pain_onset_km is not None:
        return _num(run.pain_onset_km, " km")
    if run.pain_onset_min is not None:
        return f"min {_num(run.pain_onset_min)}"
    return "?"


#: (header, the cell's text) for each column, in order.
COLUMNS = (
    ("Date", lambda r: r.started_at.strftime("%Y-%m-%d %H:%M")),
    ("km", lambda r: _num(r.distance_km)),
    ("Time", lambda r: duration_text(r.duration_s)),
    ("Terrain", lambda r: r.terrain or ""),
    ("Pain", lambda r: "?" if r.pain_during is None else str(r.pain_during)),
    ("Began", onset_text),
    ("After", lambda r: "" if r.pain_after is None else str(r.pain_after)),
    ("Stage", lambda r: "" if r.stage is None else str(r.stage)),
    ("From", lambda r: SOURCES.get(r.source, r.source)),
    ("Note", lambda r: r.note),
)
TIPS = {"Pain": "Worst pain during the run, 0-10 (empty: not answered yet)",
        "Began": "Where the pain began (km or minute), or no pain",
        "After": "Pain after the run, 0-10"}


class RunTableModel(QAbstractTableModel):
    """Every run, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RunRecord] = []

    def set_runs(self, runs: list[RunRecord]) -> None:
        self.beginResetModel()
        self._rows = sorted(runs, key=lambda r: r.started_at, reverse=True)
        self.endResetModel()

    def record(self, row: int) -> RunRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = COLUMNS[index.column()][1](run)
            if role == Qt.ItemDataRole.ToolTipRole and not run.answered:
                return self.tr("Its pain answers are still to give (Answer…)")
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            name = COLUMNS[section][0]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(TIPS.get(name, name))
        return None


class RunsView(QWidget):
    #: Answer… or a double click: the run dialog for this run (the window opens it)
    edit_requested = Signal(object)

    def __init__(self, store, coach_model=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.writer = coach_model
        self._reload_when_shown = False
        if coach_model is not None:
            coach_model.changed.connect(self._data_changed)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(16, 12, 8, 12)
        row = QHBoxLayout()
        self.heading = QLabel(objectName="historyHeading")
        row.addWidget(self.heading)
        row.addStretch(1)
        self.answer_button = QPushButton(self.tr("Answer…"))
        self.answer_button.setToolTip(self.tr("Give or correct the run's pain answers"))
        self.answer_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.answer_button)
        row.addWidget(self.delete_button)
        ll.addLayout(row)
        self.model = RunTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Runs"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ll.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("No runs yet. Log one from Today (Ctrl+R), import your "
                                          "watch's files (File > Import runs…) or drop them on the window."),
                                  objectName="historySub")
        self.empty_label.setWordWrap(True)
        ll.addWidget(self.empty_label)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 12, 16, 12)
        self.onset_chart = self.distance_chart = self.stage_chart = None   # made when first shown
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName(self.tr("Run charts"))
        rl.addWidget(self.tabs, 1)
        self.note_label = QLabel(objectName="historySub")
        self.note_label.setWordWrap(True)
        rl.addWidget(self.note_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        # Shares, not the panes' wishes: a wide table at a large text size would take the
        # charts' room (their tabs ran off the bar at Extra large).
        splitter.setSizes([6000, 4000])   # the table's columns in full at Normal; the charts' tabs at Extra large
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(splitter)
        self._reload_when_shown = True   # the sessions show first: nothing read or drawn till then

    @property
    def charts(self):
        """The three charts (made on first use: the page opens on its sessions)."""
        if self.onset_chart is None:
            self.onset_chart, self.distance_chart, self.stage_chart = OnsetChart(), RunDistanceChart(), StageChart()
            for chart, label in ((self.onset_chart, self.tr("Pain began")),
                                 (self.distance_chart, self.tr("Per week")), (self.stage_chart, self.tr("Stage"))):
                self.tabs.addTab(chart, label)
        return (self.onset_chart, self.distance_chart, self.stage_chart)

    def apply_theme(self, c) -> None:
        if self.onset_chart is not None:
            for chart in self.charts:
                chart.apply_theme(c)

    def reload(self) -> None:
        """Read the runs again; redraw the table and the charts."""
        self.charts   # noqa: B018
        runs = self.store.runs()
        self.model.set_runs(runs)
        self.heading.setText(self.tr("1 run") if len(runs) == 1 else self.tr("%1 runs").replace("%1", str(len(runs))))
        self.empty_label.setVisible(not runs)
        x_range = rd.x_range(runs)
        onset = rd.onset_chart(runs)
        self.onset_chart.show_data(onset, x_range)
        self.distance_chart.show_data(rd.weekly_runs(runs), x_range)
        self.stage_chart.show_data(rd.stage_points(runs), x_range)
        if onset.unplaced == 1:
            note = self.tr("1 run with pain but no distance or place where it began is not on this chart.")
        elif onset.unplaced:
            note = self.tr("%1 runs with pain but no distance or place where it began are not on this "
                           "chart.").replace("%1", str(onset.unplaced))
        else:
            note = ""
        self.note_label.setText(note)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        selected = self.selected() is not None
        read_only = getattr(self.store, "read_only", False)
        self.answer_button.setEnabled(selected and not read_only)
        self.delete_button.setEnabled(selected and not read_only and self.writer is not None)

    def _data_changed(self, kinds: frozenset) -> None:
        from itbgui.model.coach_model import DATA, RUNS

        if kinds & {RUNS, DATA}:
            if self.isVisible():
                self.reload()
            else:
                self._reload_when_shown = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._reload_when_shown:
            self._reload_when_shown = False
            self.reload()

    def selected(self) -> RunRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def edit_selected(self) -> None:
        run = self.selected()
        if run is not None:
            self.edit_requested.emit(run)

    def delete_selected(self) -> None:
        run = self.selected()
        if run is None or self.writer is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete run"), self.tr(
            "Delete the run of %1? This cannot be undone.").replace("%1", run.started_at.strftime("%a %d %b %Y, %H:%M")))
        if answer == QMessageBox.StandardButton.Yes:
            self.writer.delete_run(run.id)


def with_runs_toggle(page, sessions: QWidget, runs: RunsView) -> QWidget:
    """The History page's two views, Sessions and Runs, behind two buttons (Alt+S, Alt+R)."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    row = QHBoxLayout()
    row.setContentsMargins(16, 8, 16, 0)
    stack = QStackedWidget()
    stack.addWidget(sessions)
    stack.addWidget(runs)
    group = QButtonGroup(box)
    page.view_buttons = {}
    for key, text, view in (("sessions", page.tr("&Sessions"), sessions), ("runs", page.tr("&Runs"), runs)):
        button = QPushButton(text, objectName="rangeButton", checkable=True)
        button.setChecked(key == "sessions")
        button.clicked.connect(lambda _checked=False, v=view: stack.setCurrentWidget(v))
        group.addButton(button)
        row.addWidget(button)
        page.view_buttons[key] = button
    row.addStretch(1)
    lay.addLayout(row)
    lay.addWidget(stack, 1)
    page.views = stack
    return box
