"""The History page: empty state, table and sets, range and exercise filter, charts, export."""

import datetime as dt

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from itbgui.clock import FakeClock
from itbgui.history.page import HistoryPage
from itbgui.history.table_model import SessionColumn
from itbgui.store.repository import SessionRepository
from itbgui.theme import DARK, LIGHT, apply_theme
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
    clam = next(r for r in charts.reps if r.exercise_id == "clamshell")
    assert clam.reps_per_set == (9.5, 10.0, 12.0, 15.0)
    assert charts.adherence.done == (2, 1, 0, 1) and charts.adherence.streak_weeks == 0
    qtbot.mouseClick(page.range_buttons["4w"], pg.QtCore.Qt.MouseButton.LeftButton)
    assert page.charts_data.range_key == "4w" and page.charts_data.session_count == 4
    page.exercise_box.setCurrentIndex(page.exercise_box.findData("glute_bridge"))
    assert [r.exercise_id for r in page.charts_data.reps] == ["glute_bridge"]
    assert page.charts_data.sides.exercise_id == "glute_bridge"
    page.set_exercise(None)
    assert page.exercise_box.currentText() == "All exercises"
    assert len(page.charts_data.reps) == 5


def test_every_chart_draws_a_legend_and_exact_hover_values(page):
    page.draw_all_charts()
    reps_names = [label.text for _sample, label in page.reps_chart.legend.items]
    assert reps_names == ["Target", "Clamshells", "Glute bridges", "Lateral band walks"]
    assert any(tip.endswith("9.5 reps per set (target 10)") and tip.startswith("Clamshells")
               for tip in scatter_tips(page.reps_chart))
    assert "Step 2 of 4: Light band above the knees" in "\n".join(scatter_tips(page.resistance_chart))
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
        texts = [item.toPlainText() for item in chart.plot.items if isinstance(item, pg.TextItem)]
        assert texts == ["No sessions in this range yet."], chart.title_text


def test_only_the_visible_chart_is_built_on_open(page):
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
