"""The History page: empty state, table and sets, range and exercise filter, charts, export."""

import datetime as dt

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from itbgui.core.clock import FakeClock
from itbgui.screens.history.page import HistoryPage
from itbgui.screens.history.table_model import SessionColumn
from itbgui.store.repository import SessionRepository
from itbgui.ui.theme import DARK, LIGHT, apply_theme
from test_history_chart_data import known_history

TODAY = FakeClock(dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path / "data")
    repo.save_sessions(known_history())
    yield repo
    repo.close()


@pytest.fixture
def page(qtbot, store):
    widget = HistoryPage(store, TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    return widget


def scatter_tips(chart):
    return chart.hover_texts()


def test_an_empty_history_shows_a_friendly_page_not_blank_axes(qtbot, tmp_path):
    repo = SessionRepository(tmp_path)
    try:
        page = HistoryPage(repo, TODAY)
        qtbot.addWidget(page)
        assert page.stack.currentWidget() is page.empty
        texts = [label.text() for label in page.empty.findChildren(type(page.sessions_heading))]
        assert texts[0] == "No sessions yet"
        assert not page.export_csv_action.isEnabled() and not page.edit_action.isEnabled()
    finally:
        repo.close()


def test_the_table_lists_sessions_newest_first_and_shows_the_selected_sets(page):
    assert page.stack.currentWidget() is page.content
    assert page.sessions_heading.text() == "4 sessions"
    dates = [page.model.data(page.model.index(r, SessionColumn.DATE)) for r in range(4)]
    assert dates == ["2026-11-23 18:00", "2026-11-09 18:00", "2026-11-05 18:00", "2026-11-02 18:00"]
    assert page.sets_model.rowCount() == 4              # s4: clamshell L/R, bridge L/R
    page.table.selectRow(3)                              # s1
    assert page.selected_record().id == "s1"
    assert page.sets_model.rowCount() == 10
    assert page.sets_heading.text().startswith("Sets of Mon 02 Nov 2026, 18:00")


def test_clicking_a_header_sorts_by_value(page):
    page.table.sortByColumn(SessionColumn.REPS, pg.QtCore.Qt.SortOrder.AscendingOrder)
    reps = [page.model.data(page.model.index(r, SessionColumn.REPS)) for r in range(4)]
    assert reps == ["40", "46", "54", "78"]


def test_charts_default_to_eight_weeks_and_follow_range_and_exercise(qtbot, page):
    charts = page.charts_data
    assert (charts.range_key, charts.exercise_id, charts.session_count) == ("8w", None, 4)
    clam = next(r for r in charts.reps if r.exercise_id == "clamshell" and r.side == "right")
    assert clam.reps_per_set == (9.0, 10.0, 15.0)
    assert charts.adherence.done == (2, 1, 0, 1) and charts.adherence.streak_weeks == 0
    qtbot.mouseClick(page.range_buttons["4w"], pg.QtCore.Qt.MouseButton.LeftButton)
    assert page.charts_data.range_key == "4w" and page.charts_data.session_count == 4
    page.exercise_box.setCurrentIndex(page.exercise_box.findData("glute_bridge"))
    assert {r.exercise_id for r in page.charts_data.reps} == {"glute_bridge"}
    assert page.charts_data.sides.exercise_id == "glute_bridge"
    page.set_exercise(None)
    assert page.exercise_box.currentText() == "All exercises"
    assert len({r.exercise_id for r in page.charts_data.reps}) == 5


def test_every_chart_draws_a_legend_and_exact_hover_values(page):
    page.draw_all_charts()
    reps_names = page.reps_chart.legend_names()
    assert reps_names == ["Target", "Clamshells, left", "Clamshells, right", "Glute bridges, left",
                          "Glute bridges, right", "Lateral band walks"]
    assert any(tip.endswith("9 reps per set (target 10)") and tip.startswith("Clamshells, right")
               for tip in scatter_tips(page.reps_chart))
    assert "Step 3 of 5: Light band above the knees" in "\n".join(scatter_tips(page.resistance_chart))
    assert any(tip.endswith("Pain before: 4/10") for tip in scatter_tips(page.pain_chart))
    assert any(tip.endswith("2 of 2 planned sessions") for tip in scatter_tips(page.adherence_chart))
    assert "left minus right: +1.0" in "\n".join(scatter_tips(page.sides_chart))
    page.set_exercise("clamshell")                      # s3: right side not done
    page.tabs.setCurrentIndex(4)
    assert "other side not done" in "\n".join(scatter_tips(page.sides_chart))
    assert page.adherence_chart.title_text.startswith("Sessions per week · no streak yet")
    for chart in page.charts:
        assert isinstance(chart.date_axis, pg.DateAxisItem)


def test_a_range_without_sessions_says_so_in_each_chart(qtbot, store):
    later = FakeClock(dt.datetime(2027, 6, 1, 12, 0, tzinfo=dt.timezone.utc))
    page = HistoryPage(store, later)
    qtbot.addWidget(page)
    page.set_range("4w")
    page.draw_all_charts()
    for chart in (page.reps_chart, page.resistance_chart, page.pain_chart, page.sides_chart):
        texts = [item for item in chart.plot.items if isinstance(item, pg.TextItem)]
        assert [t.toPlainText() for t in texts] == ["No sessions in this range yet."], chart.title_text
        (left, right), (bottom, top) = chart.plot.getViewBox().viewRange()
        assert left < texts[0].pos().x() < right and bottom < texts[0].pos().y() < top


def test_only_the_visible_chart_is_built_on_open(page):
    assert page._charts == [None] * 5          # not shown yet: built at its size on show
    page.show()
    assert [chart is not None for chart in page._charts] == [True, False, False, False, False]
    page.tabs.setCurrentIndex(3)
    assert page._charts[3] is not None
    assert page.adherence_chart.title_text.startswith("Sessions per week")


def test_theme_change_recolours_the_charts(qapp, page):
    try:
        apply_theme(qapp, "dark")
        page.apply_style()
        assert page.pain_chart.backgroundBrush().color().name() == DARK.base
    finally:
        apply_theme(qapp, "light")
        page.apply_style()
    assert page.pain_chart.backgroundBrush().color().name() == LIGHT.base


def test_export_csv_and_save_chart_as_png(page, tmp_path):
    assert page.export_csv(tmp_path / "h.csv") == 22
    assert (tmp_path / "h.csv").read_text(encoding="utf-8").startswith("session_id,date,")
    page.show()
    page.tabs.setCurrentIndex(2)
    assert page.save_chart_png(tmp_path / "pain.png")
    image = QImage(str(tmp_path / "pain.png"))
    assert (image.width(), image.height()) == (page.pain_chart.width(), page.pain_chart.height())


def test_y_ticks_are_whole_numbers_at_one_level():
    from itbgui.screens.history.charts import integer_ticks

    assert integer_ticks(6.5, 14.2) == [(v, str(int(v))) for v in (7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0)]
    assert [t for _v, t in integer_ticks(0, 20)] == ["0", "2", "4", "6", "8", "10", "12", "14", "16", "18", "20"]
    assert [t for _v, t in integer_ticks(3, 25)] == ["5", "10", "15", "20", "25"]


def test_no_monday_label_is_cut_off_at_either_end_of_the_axis(qapp, page):
    """All of a history from Mon 2 Nov: every Monday to the end of this week is labelled,
    the first and the last included (they sit at the very ends of the axis)."""
    page.set_range("all")
    page.show()
    qapp.processEvents()
    image = QImage(page.reps_chart.viewport().size(), QImage.Format.Format_ARGB32)
    painter = pg.QtGui.QPainter(image)
    try:
        _axis, _ticks, texts = page.reps_chart.date_axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert [text for _rect, _flags, text in texts] == ["2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"]


def test_legends_name_every_series_in_order(page):
    page.draw_all_charts()
    assert page.pain_chart.legend_names() == ["Before the session", "After", "Trend (3-week average)"]
    assert page.adherence_chart.legend_names() == ["Plan met", "Short of plan", "This week so far",
                                                   "Planned"]
    assert page.sides_chart.legend_names() == ["Left leg", "Right leg"]


def test_bar_counts_and_step_names_are_labelled_on_the_chart(page):
    from itbgui.screens.history.charts import PointLabels

    page.draw_all_charts()

    def labels(chart):
        return [text for item in chart.plot.items if isinstance(item, PointLabels)
                for text in item.texts()]

    assert labels(page.adherence_chart) == ["2", "1", "0", "1"]   # weeks of 2, 9, 16, 23 Nov
    assert "Light band above the knees" in labels(page.resistance_chart)


def test_pointing_at_a_marker_shows_its_exact_values(qapp, page):
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    page.show()
    page.tabs.setCurrentIndex(2)
    qapp.processEvents()
    chart = page.pain_chart
    markers = next(i for i in chart.plot.items if isinstance(i, pg.ScatterPlotItem))
    xs, ys = markers.getData()
    k = next(k for k, tip in enumerate(chart.hover_texts()) if tip.endswith("Pain before: 4/10"))
    where = chart.mapFromScene(markers.mapToScene(QPointF(xs[k], ys[k])))
    for point in (where + pg.QtCore.QPoint(40, 40), where):  # enter the view, then hover
        QTest.qWait(40)  # pyqtgraph drops mouse moves that come too quickly
        QTest.mouseMove(chart.viewport(), point)
        qapp.processEvents()
    assert "Pain before: 4/10" in chart.plot.getViewBox().toolTip()
