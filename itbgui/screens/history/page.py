"""The History page: every session in a table, its sets, and the five progress charts.

The page reads the store once per change (``reload``) and computes the charts' numbers
once per range or filter change; edits and deletes go through an undo stack so Ctrl+Z
brings them back. The store, the clock, the plan and the sore side are passed in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSplitter, QStackedWidget, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from itbgui.core.clock import Clock
from itbgui.store.records import SessionRecord
from itbgui.store.repository import SessionRepository, StoreError
from itbgui.ui.theme import colours
from itbgui.ui.widget_kit import TextScaled
from itbgui.screens.history import chart_data as cd
from itbgui.screens.history.charts import (AdherenceChart, HistoryChart, PainChart, RepsChart, ResistanceChart,
                     SidesChart)
from itbgui.screens.history.editing import (DeleteSessionCommand, EditSessionCommand, SessionEditDialog, catalogue_label,
                      confirm_delete)
from itbgui.screens.history.history_data import HistoryData
from itbgui.screens.history.runs_view import RunsView, with_runs_toggle
from itbgui.screens.history.table_model import SessionColumn, SessionSetsModel, SessionTableModel


#: The chart tabs, in order.
CHART_TYPES = (RepsChart, ResistanceChart, PainChart, AdherenceChart, SidesChart)


class HistoryPage(TextScaled, QWidget):
    def __init__(self, store: SessionRepository, clock: Clock, *,
                 plan: cd.PlanTargets | None = None, sore_side: str | None = None,
                 coach_model=None, parent: QWidget | None = None) -> None:
        """``store`` is read; edits, deletes and their undo are written through ``coach_model``
        (the app's CoachModel: it tells every page, this one included, what changed).
        Without one the page writes to the store and redraws itself."""
        super().__init__(parent)
        self.setAccessibleName(self.tr("History"))
        self.store = store
        self.writer = coach_model if coach_model is not None else store
        self._reload_when_shown = False
        if coach_model is not None:
            coach_model.changed.connect(self._data_changed)
        self.clock = clock
        self.plan = plan
        self.sore_side = sore_side
        self.range_key = cd.DEFAULT_RANGE
        self.exercise_id: str | None = None
        self.data = HistoryData()
        self.charts_data: cd.HistoryCharts | None = None
        self._stale: set[int] = set()
        self.undo_stack = QUndoStack(self)
        self._build_actions()

        self.stack = QStackedWidget()
        self.empty = self._build_empty_state()
        self.content = self._build_content()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.content)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.runs_view = RunsView(store, coach_model)
        lay.addWidget(with_runs_toggle(self, self.stack, self.runs_view))
        self.apply_style()
        self.reload()

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_action = QAction(self.tr("&Edit session…"), self, triggered=self.edit_selected)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.delete_action = QAction(self.tr("&Delete session…"), self, triggered=self.delete_selected)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.export_csv_action = QAction(self.tr("Export history as &CSV…"), self,
                                         triggered=lambda: self.export_csv())
        self.save_png_action = QAction(self.tr("Save chart as &PNG…"), self,
                                       triggered=lambda: self.save_chart_png())
        for action in (self.undo_action, self.redo_action, self.edit_action, self.delete_action):
            action.setShortcutContext(context)
            self.addAction(action)

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(64, 64, 64, 64)
        lay.addStretch(1)
        title = QLabel(self.tr("No sessions yet"), objectName="emptyTitle")
        text = QLabel(self.tr(
            "After your first session this page fills in: every session in a table,\n"
            "and charts of your reps, resistance, pain and both legs, week by week.\n\n"
            "Press Start on the Today screen when you are on the mat."), objectName="emptyText")
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(label)
        lay.addStretch(2)
        return page

    def _build_content(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)

        # Left: sessions and the selected session's sets.
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(16, 12, 8, 12)
        row = QHBoxLayout()
        self.sessions_heading = QLabel(objectName="historyHeading")
        row.addWidget(self.sessions_heading)
        row.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Fix reps, resistance, pain or the note (Ctrl+E)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the selected session (Del); Ctrl+Z undoes"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Every set as one row, for a spreadsheet"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        for button in (self.edit_button, self.delete_button, self.export_button):
            row.addWidget(button)
        ll.addLayout(row)

        self.model = SessionTableModel(parent=self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SessionColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(36)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._show_sets)
        ll.addWidget(self.table, 3)

        self.sets_heading = QLabel(objectName="historySub")
        ll.addWidget(self.sets_heading)
        self.sets_model = SessionSetsModel(self)
        self.sets_view = QTableView()
        self.sets_view.setAccessibleName(self.tr("Sets of the selected session"))
        self.sets_view.setModel(self.sets_model)
        self.sets_view.verticalHeader().hide()
        self.sets_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sets_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sets_view.horizontalHeader().setStretchLastSection(True)

        ll.addWidget(self.sets_view, 2)
        splitter.addWidget(left)

        # Right: range, exercise filter and the charts.
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 12, 16, 12)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show:")))
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        for key, text in (("4w", self.tr("4 weeks")), ("8w", self.tr("8 weeks")),
                          ("all", self.tr("All"))):
            button = QPushButton(text, objectName="rangeButton", checkable=True)
            button.setChecked(key == self.range_key)
            button.clicked.connect(lambda _checked=False, k=key: self.set_range(k))
            self.range_group.addButton(button)
            self.range_buttons[key] = button
            controls.addWidget(button)
        controls.addStretch(1)
        # Two rows: at Extra large one row would ask the window for 900 px beside the table.
        filters = QHBoxLayout()
        exercise_label = QLabel(self.tr("&Exercise:"))
        self.exercise_box = QComboBox()
        exercise_label.setBuddy(self.exercise_box)
        self.exercise_box.addItem(self.tr("All exercises"), None)
        for ex in cd.charted_exercises():
            self.exercise_box.addItem(ex.name, ex.id)
        self.exercise_box.currentIndexChanged.connect(
            lambda _i: self.set_exercise(self.exercise_box.currentData()))
        filters.addWidget(exercise_label)
        filters.addWidget(self.exercise_box)
        filters.addStretch(1)
        self.png_button = QPushButton(self.tr("Save chart…"))
        self.png_button.setToolTip(self.tr("Save the chart shown as a PNG picture"))
        self.png_button.clicked.connect(lambda: self.save_chart_png())
        controls.addWidget(self.png_button)
        rl.addLayout(controls)
        rl.addLayout(filters)

        # Each chart is built the first time its tab is shown: opening the page builds one.
        self._charts: list[HistoryChart | None] = [None] * len(CHART_TYPES)
        self._holders: list[QWidget] = []
        self.tabs = QTabWidget()
        # No frame drawn round the charts (each has its own background): the styled pane
        # cost a millisecond on every repaint of the tab area, two or three a tab change.
        self.tabs.setDocumentMode(True)
        for label in (self.tr("Reps"), self.tr("Resistance"), self.tr("Pain"),
                      self.tr("Per week"), self.tr("Left vs right")):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders.append(holder)
            self.tabs.addTab(holder, label)
        self.tabs.currentChanged.connect(self._draw_tab)
        rl.addWidget(self.tabs, 1)
        self.note_label = QLabel(objectName="historySub")
        self.note_label.setWordWrap(True)
        rl.addWidget(self.note_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        self.splitter = splitter
        for view in (self.table, self.sets_view):   # columns follow the pane's width
            view.viewport().installEventFilter(self)
        return splitter

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size_columns()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched in (self.table.viewport(),
                                                               self.sets_view.viewport()):
            self._size_columns()
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._reload_when_shown:      # sessions changed while the page was hidden
            self._reload_when_shown = False
            self.reload()
        if not getattr(self, "_shared", False):
            self._shared = True
            self._share_panes()
        self._size_columns()
        self._draw_tab(self.tabs.currentIndex())   # if not drawn yet

    #: The widest text each column shows (a long-running session, a two-digit week...).
    COLUMN_SAMPLES = (("2026-11-25 18:10", "12", "120 min", "6", "888", "10 → 10", "10 ⚠"),
                      ("Side-lying leg lifts", "Right", "3", "15 / 15"))

    def _size_columns(self) -> None:
        """Columns as wide as their widest text at this text size (measured on samples,
        not on every row); the last (note, resistance) takes the rest and is cut with
        "…" (the whole text is in the tooltip): no sideways scroll bar."""
        for view, samples in zip((self.table, self.sets_view), self.COLUMN_SAMPLES):
            view.ensurePolished()
            fm = view.fontMetrics()
            header = view.horizontalHeader()
            head_fm = header.fontMetrics()
            model = view.model()
            sorted_column = header.sortIndicatorSection() if view.isSortingEnabled() else -1
            widths = []
            for column, sample in enumerate(samples):
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                arrow = 18 if column == sorted_column else 0
                widths.append(max(fm.horizontalAdvance(sample),
                                  head_fm.horizontalAdvance(title) + arrow) + 14)
            room = view.viewport().width() - fm.averageCharWidth() * 8   # the last column's least
            if view.isVisible() and sum(widths) > room > 0:   # a narrow pane: every column gives
                widths = [int(w * room / sum(widths)) for w in widths]
            widths.append(max(header.minimumSectionSize(), view.viewport().width() - sum(widths)))
            header.setStretchLastSection(False)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            if widths == [header.sectionSize(c) for c in range(len(widths))]:
                continue   # as they are (showing the page asks this a dozen times)
            for column, width in enumerate(widths):
                header.resizeSection(column, width)

    def chart_at(self, index: int) -> HistoryChart:
        """The chart on tab ``index``, built (and drawn, once there are numbers) if need be."""
        if self._charts[index] is None and index in self._stale:
            self._draw_tab(index)   # builds it through here
        chart = self._charts[index]
        if chart is None:
            chart = self._charts[index] = CHART_TYPES[index]()
            holder = self._holders[index]
            holder.layout().addWidget(chart)
            if holder.isVisible():   # its tab is showing: shown and sized now, so the tab
                chart.show()         # paints once with it, not empty first
                holder.layout().activate()
        return chart

    @property
    def reps_chart(self) -> RepsChart:
        return self.chart_at(0)

    @property
    def resistance_chart(self) -> ResistanceChart:
        return self.chart_at(1)

    @property
    def pain_chart(self) -> PainChart:
        return self.chart_at(2)

    @property
    def adherence_chart(self) -> AdherenceChart:
        return self.chart_at(3)

    @property
    def sides_chart(self) -> SidesChart:
        return self.chart_at(4)

    @property
    def charts(self) -> tuple[HistoryChart, ...]:
        """All five charts (building any not shown yet)."""
        return tuple(self.chart_at(i) for i in range(len(CHART_TYPES)))

    def apply_style(self) -> None:
        c = colours()
        px = self.px
        self.setStyleSheet(f"""
            QLabel {{ color: {c.text}; }}
            QLabel, QComboBox {{ font-size: {px(14)}; }}
            #historyHeading {{ font-size: {px(20)}; font-weight: 700; }}
            #historySub {{ font-size: {px(14)}; color: {c.muted}; }}
            #emptyTitle {{ font-size: {px(32)}; font-weight: 700; }}
            #emptyText {{ font-size: {px(18)}; color: {c.muted}; }}
            QTableView, QHeaderView {{ font-size: {px(14)}; }}
            QTableView {{ selection-background-color: {c.accent}; selection-color: {c.accent_text}; }}
            QPushButton {{ font-size: {px(14)}; padding: 5px 12px; }}
            #rangeButton:checked {{ background: {c.accent}; color: {c.accent_text};
                                    border: 1px solid {c.accent}; border-radius: 4px; }}
            QTabBar::tab {{ font-size: {px(14)}; padding: 6px 10px;
                            min-width: {110 if self._text_scale == 1 else 0}px; }}
        """)   # (min-width: the window's page tabs ask 110 px a tab, too wide for five at large text)
        self._share_panes()
        self._size_columns()
        for chart in self._charts:
            if chart is not None:  # the others take the theme when built
                chart.apply_theme(c)
        if hasattr(self, "runs_view"):
            self.runs_view.apply_theme(c)

    def _share_panes(self) -> None:
        """The table's share of the width grows with the text size (the charts keep the rest)."""
        # Before the first layout the sizes are shares: the page is laid out once at the
        # right split, not laid out and then split again when shown.
        total = sum(self.splitter.sizes()) or 10_000
        left = min(0.5, 0.43 * self._text_scale)   # five chart tabs still fit the rest
        self.splitter.setSizes([round(total * left), total - round(total * left)])

    # ------------------------------------------------------------------ data
    def reload(self, select_id: str | None = None) -> None:
        """Read the sessions from the store again and redraw everything."""
        selected = select_id or (self.selected_record().id if self.selected_record() else None)
        sessions = self.store.sessions()
        self.data.set_sessions(sessions)
        self.model.set_sessions(sessions)
        count = len(sessions)
        self.stack.setCurrentWidget(self.content if count else self.empty)
        self.sessions_heading.setText(self.tr("1 session") if count == 1 else
                                      self.tr("%1 sessions").replace("%1", f"{count:,}"))
        for widget in (self.export_button, self.export_csv_action, self.png_button,
                       self.save_png_action):
            widget.setEnabled(bool(count))
        self._select(selected)
        self.redraw_charts()

    def _select(self, session_id: str | None) -> None:
        row = self.model.row_of(session_id) if session_id else None
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            self._show_sets(QModelIndex())
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._show_sets(index)

    def today(self):
        return self.clock.now().date()

    def redraw_charts(self) -> None:
        """Compute the charts' numbers for the range and filter; draw the chart on show.

        Hidden tabs are drawn when first shown, so opening the page paints one chart.
        """
        charts = self.data.charts(self.range_key, self.today(), self.exercise_id, self.plan)
        self.charts_data = charts
        self._stale = set(range(self.tabs.count()))
        if self.isVisible():   # else on show (or when asked for): laid out once, at its size
            self._draw_tab(self.tabs.currentIndex())
        notes = []
        if charts.bucket_weeks == 1:
            notes.append(self.tr("Each point is one week's average."))
        elif charts.bucket_weeks:
            notes.append(self.tr("Each point is the average of %1 weeks.")
                         .replace("%1", str(charts.bucket_weeks)))
        if self.plan is None:
            notes.append(self.tr("No plan set up yet: the targets are those logged with each set, "
                                 "and two sessions a week count as on plan."))
        self.note_label.setText(" ".join(notes))

    def _draw_tab(self, index: int) -> None:
        charts = self.charts_data
        if charts is None or index not in self._stale:
            return
        self._stale.discard(index)
        chart = self.chart_at(index)
        if index == 0:
            chart.show_data(charts.reps, charts.x_range, charts.bucket_weeks, self.plan is not None)
        elif index == 1:
            chart.show_data(charts.resistance, charts.x_range, charts.bucket_weeks)
        elif index == 2:
            chart.show_data(charts.pain, charts.x_range, charts.bucket_weeks)
        elif index == 3:
            chart.show_data(charts.adherence, charts.x_range, self.today())
        else:
            chart.show_data(charts.sides, charts.x_range, charts.bucket_weeks, self.sore_side)

    def draw_all_charts(self) -> None:
        """Draw every chart now (for a picture of each, or a test)."""
        for index in range(self.tabs.count()):
            self._draw_tab(index)

    def set_range(self, range_key: str) -> None:
        if range_key not in cd.RANGE_WEEKS:
            raise ValueError(range_key)
        self.range_key = range_key
        self.range_buttons[range_key].setChecked(True)
        self.redraw_charts()

    def set_exercise(self, exercise_id: str | None) -> None:
        self.exercise_id = exercise_id
        index = self.exercise_box.findData(exercise_id)
        if index >= 0 and index != self.exercise_box.currentIndex():
            self.exercise_box.setCurrentIndex(index)  # calls back here once more
            return
        self.redraw_charts()

    def _rung_label(self):
        """Rungs in the person's words when the plan knows their kit ("Red band…")."""
        setup = getattr(self.plan, "setup", None)
        if setup is None:
            return catalogue_label
        from itbgui.program.plan import label_for

        return lambda exercise_id, rung: label_for(exercise_id, setup, rung)

    def set_context(self, plan: cd.PlanTargets | None, side: str | None) -> None:
        """The plan and the sore side after a change elsewhere, then one fresh read and redraw."""
        self.plan, self.sore_side = plan, side
        self.reload()

    # ------------------------------------------------------------------ selection
    def selected_record(self) -> SessionRecord | None:
        index = self.table.currentIndex() if hasattr(self, "table") else QModelIndex()
        if not index.isValid():
            return None
        return self.model.record(index.row())

    def _show_sets(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        record = self.model.record(current.row()) if current.isValid() else None
        self.sets_model.set_session(record)
        if record is None:
            self.sets_heading.setText(self.tr("Select a session to see its sets."))
        else:
            self.sets_heading.setText(self.tr("Sets of %1 (%2)")
                                      .replace("%1", record.started_at.strftime("%a %d %b %Y, %H:%M"))
                                      .replace("%2", str(len(record.sets))))
        for widget in (self.edit_button, self.delete_button, self.edit_action, self.delete_action):
            widget.setEnabled(record is not None and not self.store.read_only)

    # ------------------------------------------------------------------ editing
    def _changed(self, session_id: str) -> None:
        """An edit, delete or undo of this page went through: keep that session selected."""
        if self.writer is self.store:
            self.reload(select_id=session_id)
        else:
            self._select(session_id)   # the model's change, emitted during the write, reloaded us

    def _data_changed(self, kinds: frozenset) -> None:
        from itbgui.model.coach_model import DATA, SESSIONS

        if DATA in kinds:
            self.undo_stack.clear()       # its steps belong to the data that was replaced
        if kinds & {SESSIONS, DATA}:
            if self.isVisible():
                self.reload()
            else:                         # hidden (a session runs, another page is up):
                self._reload_when_shown = True   # one read when it is next shown

    def _store_error(self, exc: StoreError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), str(exc))

    def edit_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        dialog = SessionEditDialog(record, self, rung_label=self._rung_label())
        if dialog.exec() and dialog.result_record is not None and dialog.result_record != record:
            self.apply_edit(record, dialog.result_record)

    def apply_edit(self, before: SessionRecord, after: SessionRecord) -> None:
        """Save an edited session as one undoable step."""
        self.undo_stack.push(EditSessionCommand(self.writer, before, after, self._changed,
                                                self._store_error))

    def ask_delete(self, record: SessionRecord) -> bool:
        return confirm_delete(self, record)

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or not self.ask_delete(record):
            return
        self.undo_stack.push(DeleteSessionCommand(self.writer, record, self._changed,
                                                  self._store_error))

    # ------------------------------------------------------------------ export
    def export_csv(self, path: Path | None = None) -> int | None:
        """Write every set to a CSV file (asks where when no path is given)."""
        from itbgui.screens.history.csv_export import write_csv

        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export history as CSV"),
                str(Path.home() / f"itb-coach-history-{self.today().isoformat()}.csv"),
                self.tr("CSV files (*.csv)"))
            if not name:
                return None
            path = Path(name)
        try:
            return write_csv(self.store.sessions(), path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"),
                                self.tr("Could not write %1: %2").replace("%1", str(path))
                                .replace("%2", exc.strerror or str(exc)))
            return None

    def save_chart_png(self, path: Path | None = None) -> bool:
        """Save the chart on screen as a PNG picture, exactly as shown."""
        chart = self.chart_at(self.tabs.currentIndex())
        if path is None:
            slug = ("reps", "resistance", "pain", "sessions-per-week", "left-right")[self.tabs.currentIndex()]
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save chart as PNG"),
                str(Path.home() / f"itb-coach-{slug}-{self.today().isoformat()}.png"),
                self.tr("PNG pictures (*.png)"))
            if not name:
                return False
            path = Path(name)
        ok = chart.grab().save(str(path), "PNG")
        if not ok:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("Could not write %1.").replace("%1", str(path)))
        return ok
