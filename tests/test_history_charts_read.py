"""The History charts read as a person expects: a whole title, one height per resistance
step, a target line even for one session, no sideways scroll bar in the tables."""

import datetime as dt

import pyqtgraph as pg
from hypothesis import given
from hypothesis import strategies as st

from itbgui.screens.history import chart_data as cd
from itbgui.screens.history.chart_items import ChartHeader
from itbgui.screens.history.charts import ResistanceChart, RepsChart
from itbgui.screens.history.page import HistoryPage
from itbgui.store.repository import SessionRepository
from test_history_chart_data import known_history
from test_history_page import TODAY


def curves(chart):
    return [item for item in chart.plot.items if isinstance(item, pg.PlotCurveItem)]


def test_the_per_week_title_wraps_rather_than_being_cut(qapp):
    header = ChartHeader(4)
    header.set_title("Sessions per week · no streak yet: meet a week's plan to start one")
    lines = header.title_lines(width=300)
    assert len(lines) > 1
    assert " ".join(lines) == header.title                      # every word, none elided


@given(st.lists(st.sampled_from(["Sessions", "per", "week", "·", "streak:", "12", "weeks",
                                 "on", "plan", "in", "a", "row", "Resistance-and-more"]),
                min_size=1, max_size=14),
       st.integers(min_value=120, max_value=900))
def test_a_chart_title_keeps_every_word_at_any_width(qapp, words, width):
    header = ChartHeader(2)
    header.set_title(" ".join(words))
    assert " ".join(header.title_lines(width=width)) == header.title


def test_exercises_on_the_same_step_are_drawn_at_that_step(qtbot):
    """Two exercises on step 1 both draw at 0 (shown as "1"), not spread to 0.84 and 1.16."""
    chart = ResistanceChart()
    qtbot.addWidget(chart)
    x = (dt.datetime(2026, 11, 2, 18).timestamp(), dt.datetime(2026, 11, 9, 18).timestamp())
    series = (cd.ResistanceSeries("clamshell", "Clamshells", ("a", "b"), x, (0, 0)),
              cd.ResistanceSeries("glute_bridge", "Glute bridges", ("a", "b"), x, (0, 0)))
    chart.show_data(series, (x[0], x[1] + 86400), 0)
    heights = {float(y) for curve in curves(chart) for y in curve.getData()[1]}
    assert heights == {0.0}


def test_a_single_session_shows_its_target(qtbot):
    chart = RepsChart()
    qtbot.addWidget(chart)
    x = dt.datetime(2026, 11, 2, 18).timestamp()
    chart.show_data((cd.RepsSeries("clamshell", "Clamshells", (x,), (9.0,), (10.0,)),),
                    (x - 86400, x + 86400), 0, True)
    target = [c for c in curves(chart) if c.zValue() < 0]
    assert target, "no target line drawn"
    xs, ys = target[0].getData()
    assert xs.max() - xs.min() > 0 and set(ys) == {10.0}        # a visible bar at 10 reps


def test_the_sessions_table_needs_no_sideways_scroll_bar(qtbot, tmp_path):
    store = SessionRepository(tmp_path / "data")
    store.save_sessions(known_history())
    page = HistoryPage(store, TODAY)
    qtbot.addWidget(page)
    page.resize(1354, 696)
    page.show()
    qtbot.waitExposed(page)
    for scale in (1.0, 1.25, 1.5):
        page.set_text_scale(scale)
        qtbot.wait(1)
        for view in (page.table, page.sets_view):
            assert not view.horizontalScrollBar().isVisible()
            header = view.horizontalHeader()
            assert sum(header.sectionSize(i) for i in range(header.count())) <= view.viewport().width() + 1
    store.close()


SIDED = ["Target (plan)", "Clamshells, left", "Clamshells, right", "Side-lying leg lifts, left",
         "Side-lying leg lifts, right", "Single-leg deadlifts, left", "Single-leg deadlifts, right",
         "Glute bridges, left", "Glute bridges, right", "Lateral band walks"]


def drawn_names(header, width):
    """What the legend shows of each name at ``width`` (its elided text)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    columns = header.columns_used(width)
    room = (width - header.LEFT) / columns - header.SAMPLE - header.GAP - 8
    metrics = QFontMetricsF(header.legend_font)
    return [metrics.elidedText(e.name, Qt.TextElideMode.ElideRight, room) for e in header.entries]


def test_the_legend_never_cuts_a_side_off_a_name_it_could_show_whole(qapp):
    """At the width History gave a chart at 1366 x 768, three columns cut "Single-leg
    deadlifts, right" to "Single-leg deadlifts, ri...": two columns show it whole."""
    from PySide6.QtGui import QFontMetricsF

    from itbgui.screens.history.chart_items import LegendEntry

    header = ChartHeader(3)
    header.set_entries([LegendEntry(name) for name in SIDED])
    widest = max(map(QFontMetricsF(header.legend_font).horizontalAdvance, SIDED))
    per_column = header.SAMPLE + header.GAP + 8 + widest
    width = header.LEFT + 3 * per_column - 12            # just too narrow for three
    header.resize(width, 120)
    assert header.columns_used(width) == 2
    assert drawn_names(header, width) == SIDED
    assert header.columns_used(header.LEFT + 3 * per_column + 1) == 3   # room enough: as asked


@given(st.lists(st.floats(0, 900), max_size=12), st.floats(40, 1400), st.integers(1, 4),
       st.floats(0, 60))
def test_legend_columns_are_the_most_that_show_every_name_whole(widths, available, most, sample):
    from itbgui.screens.history.chart_items import legend_columns

    columns = legend_columns(available, widths, most, sample)
    assert 1 <= columns <= most
    fits = lambda n: sample + max(widths, default=0) <= available / n   # noqa: E731
    assert columns == 1 or fits(columns)                         # never a cut name but in one column
    assert all(not fits(n) for n in range(columns + 1, most + 1))   # and no more would fit


def date_labels(chart):
    """The date axis's labels as drawn: (left, right, text), left to right."""
    from PySide6.QtGui import QFontMetricsF, QImage, QPainter

    axis = chart.plot.getAxis("bottom")
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    advance = QFontMetricsF(axis.style["tickFont"]).horizontalAdvance
    return [(r.center().x() - advance(t) / 2, r.center().x() + advance(t) / 2, t) for r, _f, t in texts]


def test_date_labels_never_run_together_at_extra_large_text(qtbot):
    """Eight weeks at Extra large on a narrow chart drew "16 Nov23 Nov": labels that would
    touch are left out (every other Monday), and all come back when there is room."""
    from PySide6.QtGui import QFontMetricsF, QFont

    chart = RepsChart()
    qtbot.addWidget(chart)
    font = QFont()
    font.setPointSizeF(10.5 * 1.5)
    chart.plot.getAxis("bottom").setTickFont(font)
    x = (dt.datetime(2026, 10, 5).timestamp(), dt.datetime(2026, 11, 30).timestamp())
    gap = QFontMetricsF(font).horizontalAdvance("  ")
    for width, all_shown in ((560, False), (1300, True)):
        chart.resize(width, 400)
        chart.show()
        chart.set_x_range(x)
        qtbot.wait(10)
        labels = date_labels(chart)
        assert all(b[0] - a[1] >= gap for a, b in zip(labels, labels[1:])), labels
        assert (len(labels) == 9) is all_shown


@given(st.lists(st.tuples(st.floats(0, 2000), st.sampled_from(["5 Oct", "12 Oct", "30 Nov", "1"])),
                max_size=15))
def test_spaced_labels_are_the_smallest_even_stride_that_clears(specs):
    from PySide6.QtCore import QRectF

    from itbgui.screens.history.chart_items import spaced_labels

    advance = lambda text: 9.0 * len(text)   # noqa: E731 (a fixed-width font)
    texts = [(QRectF(centre - 50, 0, 100, 20), 0, text) for centre, text in specs]
    ordered = sorted(texts, key=lambda spec: spec[0].center().x())

    def clear(chosen) -> bool:
        spans = [(r.center().x() - advance(t) / 2, r.center().x() + advance(t) / 2) for r, _f, t in chosen]
        return all(a[1] + advance("  ") <= b[0] for a, b in zip(spans, spans[1:]))

    kept = spaced_labels(texts, advance)
    assert clear(kept)
    assert not texts or kept[0] is ordered[0]                    # from the first
    stride = next((k for k in range(1, len(ordered) + 1) if kept == ordered[::k]), None)
    assert stride is not None or len(kept) <= 1                  # evenly spaced
    if stride is not None:
        assert not any(clear(ordered[::k]) for k in range(1, stride))   # no denser stride clears
