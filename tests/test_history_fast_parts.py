"""The History tab's quicker parts draw and answer what the plain ones did.

A chart built when its tab is first shown equals one built up front; the value grid is
opaque (see-through lines are slow to paint) and behind the data; the reps chart's
targets are one item with each exercise's line on its own; the table's one-pass sort by
date and its quick answers give the rows and cells the plain two-pass sort gives.
"""

import dataclasses
import datetime as dt

import numpy as np
import pyqtgraph as pg
from hypothesis import given, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsTextItem

from itbgui.screens.history.chart_items import blend, step_line
from itbgui.screens.history.page import HistoryPage
from itbgui.screens.history.table_model import SessionColumn, SessionTableModel
from itbgui.ui.theme import colours
from test_history_chart_data import known_history
from test_history_page import TODAY, page, store  # noqa: F401 (fixtures)


def drawn(chart) -> list:
    """What a chart shows, item by item: kind, points, pen, and every tooltip."""
    out = []
    for item in chart.plot.items:
        if isinstance(item, (pg.PlotCurveItem, pg.ScatterPlotItem)):
            x, y = item.getData()
            out.append((type(item).__name__, list(x), list(y)))
        else:
            out.append((type(item).__name__,))
    return out + [chart.legend_names(), chart.title_text, chart.hover_texts()]


def test_each_chart_built_on_its_tab_equals_the_charts_built_up_front(qtbot, store):  # noqa: F811
    lazy, eager = HistoryPage(store, TODAY), HistoryPage(store, TODAY)
    for widget in (lazy, eager):
        qtbot.addWidget(widget)
        widget.resize(1366, 768)
    eager.draw_all_charts()
    lazy.show()
    for index in range(lazy.tabs.count()):
        lazy.tabs.setCurrentIndex(index)      # built here, on first show
        assert drawn(lazy.chart_at(index)) == drawn(eager.chart_at(index))


def test_a_chart_built_on_a_showing_tab_is_shown_at_its_size_at_once(page):  # noqa: F811
    page.show()
    page.tabs.setCurrentIndex(2)              # no event loop turn: one paint, not two
    chart, holder = page.chart_at(2), page._holders[2]
    assert chart.isVisible() and chart.size() == holder.size()


def test_the_value_grid_is_opaque_and_behind_the_data(page):  # noqa: F811
    """The colour each see-through grid line showed over the background, now opaque."""
    chart = page.reps_chart
    axis = chart.plot.getAxis("left")
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setFont(axis.style["tickFont"])
    _line, ticks, _texts = axis.generateDrawSpecs(painter)
    _line, plain, _texts = pg.AxisItem.generateDrawSpecs(axis, painter)   # pyqtgraph's own
    painter.end()
    faint = [(pen, mine) for (pen, _a, _b), (mine, _c, _d) in zip(plain, ticks)
             if pen.color().alpha() < 255]
    assert faint, "no see-through grid lines to stand in for"
    for pen, mine in faint:
        assert mine.color().alpha() == 255
        assert mine.color() == blend(pen.color().name(), colours().base, pen.color().alphaF())
    assert axis.zValue() < chart.plot.getViewBox().zValue()


def test_the_targets_are_one_item_each_exercise_on_its_own(page):  # noqa: F811
    page.set_range("all")
    chart = page.reps_chart
    bands = [i for i in chart.plot.items if isinstance(i, pg.PlotCurveItem) and i.zValue() < 0]
    assert len(bands) == 1
    x, y = bands[0].getData()
    links = bands[0].opts["connect"]
    pieces, start = [], 0
    for end in np.flatnonzero(~links):       # a gap after each exercise's last point
        pieces.append((list(x[start:end + 1]), list(y[start:end + 1])))
        start = end + 1
    expected = []
    for s in (s for s in page.charts_data.reps if s.x):
        sx, sy = step_line(s.x, s.target, None)
        if len(s.x) == 1:
            sx, sy = [s.x[0] - 1.5 * 86400, s.x[0] + 1.5 * 86400], [s.target[0]] * 2
        expected.append((list(sx), list(sy)))
    assert pieces == expected


@given(pain=st.lists(st.none() | st.integers(0, 10), min_size=4, max_size=4),
       week=st.lists(st.none() | st.integers(1, 3), min_size=4, max_size=4),
       same_start=st.booleans(), column=st.sampled_from(list(SessionColumn)),
       order=st.sampled_from([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]))
def test_the_table_sorts_as_the_two_pass_reference(qapp, pain, week, same_start, column, order):
    history = [dataclasses.replace(r, pain_before=p, week=w, note=f"n{w}")
               for r, p, w in zip(known_history(), pain, week)]
    if same_start:                            # a tie on the date itself
        history[2] = dataclasses.replace(history[2], started_at=history[1].started_at)
    model = SessionTableModel(history)
    model.sort(column, order)
    keys = {r.id: model._sort_key(r, column) for r in history}
    reference = sorted(history, key=lambda r: r.started_at, reverse=True)
    reference.sort(key=lambda r: keys[r.id], reverse=order == Qt.SortOrder.DescendingOrder)
    assert [model.record(n).id for n in range(4)] == [r.id for r in reference]
    row = reference.index(history[0])           # one row's cells, against a one-row model
    alone = SessionTableModel([history[0]])
    for c in SessionColumn:
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                     Qt.ItemDataRole.TextAlignmentRole):
            assert model.data(model.index(row, c), role) == alone.data(alone.index(0, c), role)
        assert model.data(model.index(row, c), Qt.ItemDataRole.FontRole) is None


def test_the_axis_title_is_laid_out_with_the_latest_theme(page, keep_palette):  # noqa: F811
    from PySide6.QtWidgets import QApplication

    from itbgui.ui.theme import apply_theme

    chart = page.pain_chart
    axis = chart.plot.getAxis("left")
    assert axis.label.isVisible() and axis.label.toPlainText().strip() == "Pain (0 = none, 10 = worst)"
    assert not chart.date_axis.label.isVisible()      # no title on the date axis
    before = axis.label.toHtml()
    apply_theme(QApplication.instance(), "dark")
    page.apply_style()
    assert colours().text.lower() in axis.labelString().lower()
    shown = QGraphicsTextItem()
    shown.setHtml(axis.labelString())
    assert axis.label.toHtml() == shown.toHtml() != before


def test_the_page_is_laid_out_once_at_its_split(page, qapp):  # noqa: F811
    """The table's share is given before the first layout: showing the page sizes the
    table and the chart once, not at an even split and then again at the share."""
    from PySide6.QtCore import QEvent, QObject

    class Resizes(QObject):
        sizes: list = []

        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Resize and page.isVisible():
                self.sizes.append((watched is page.table, event.size().width()))
            return False

    counter = Resizes()
    for widget in (page.table, page.reps_chart):
        widget.installEventFilter(counter)
    page.show()
    qapp.processEvents()
    left, right = page.splitter.sizes()
    assert left == round((left + right) * 0.43)
    table = [width for is_table, width in counter.sizes if is_table]
    chart = [width for is_table, width in counter.sizes if not is_table]
    assert table == [page.table.width()]
    assert chart[1:] == [page.reps_chart.width()]    # after the size it was made at
