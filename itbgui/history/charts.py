"""The five History charts, drawn with pyqtgraph from chart_data's plain tuples.

Each chart is a title, a legend row and a plot with dates along the bottom. Series are
told apart by colour *and* by symbol and line style, so nothing depends on colour
alone; hovering a point shows its exact values. Colours come from the app theme and
are re-applied when it changes. No numbers are computed here beyond laying them out.
Title and legend are painted by one item and the plot is a bare view box with two axes
(no PlotItem, LabelItem or LegendItem): each chart opens several times faster so.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsGridLayout, QSizePolicy, QWidget

from ..program.exercises import CATALOGUE
from ..theme import Colours, colours
from . import chart_data as cd

#: One colour per exercise, fixed by catalogue order so a filter never recolours a line.
#: Okabe-Ito based; darker for light backgrounds, lighter for dark ones.
SERIES_LIGHT = ("#0063a0", "#b8430a", "#00775a", "#9c3d8c", "#7a5c00", "#4e5b68")
SERIES_DARK = ("#6cc0f0", "#ff9d5c", "#3fd6a5", "#f09ad8", "#f0c850", "#b3bfca")
SYMBOLS = ("o", "s", "t", "d", "star", "h")
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
          Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine, Qt.PenStyle.SolidLine)
_INDEX = {ex.id: i for i, ex in enumerate(CATALOGUE)}
DAY = 86400.0
#: Up to this many weeks the date axis labels each Monday (every other one past ten).
WEEK_TICKS_UP_TO = 20
#: Vertical spacing of the exercises' step lines within one rung, so none hides another.
LANE = 0.16


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryCharts", text)


def is_dark(c: Colours) -> bool:
    return QColor(c.base).lightness() < 128


def palette_for(c: Colours) -> tuple[str, ...]:
    return SERIES_DARK if is_dark(c) else SERIES_LIGHT


def blend(colour: str, background: str, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background``, as an opaque colour."""
    a, b = QColor(colour), QColor(background)
    return QColor.fromRgbF(*(amount * x + (1 - amount) * y for x, y in
                             zip(a.getRgbF()[:3], b.getRgbF()[:3])))


def when_label(x: float, bucket: int) -> str:
    """The date a point stands for, as a tooltip shows it (``bucket``: weeks per point)."""
    if bucket:
        start = dt.datetime.fromtimestamp(x - bucket * 3.5 * DAY + 12 * 3600).date()
        text = _tr("week of %1") if bucket == 1 else _tr("%2 weeks from %1").replace("%2", str(bucket))
        return text.replace("%1", start.strftime("%a %d %b %Y"))
    return dt.datetime.fromtimestamp(x).strftime("%a %d %b %Y, %H:%M")


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def integer_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Whole-number ticks from ``low`` to ``high``, at most about ten of them.

    One level only: pyqtgraph's automatic ticks add minor levels whose faint grid lines
    cluttered the chart and cost more to paint than the data.
    """
    span = high - low
    step = 1 if span <= 10 else 2 if span <= 20 else 5 if span <= 50 else 10
    first = math.ceil(low / step) * step
    return [(float(v), str(v)) for v in range(int(first), int(math.floor(high)) + 1, step)]


def step_line(x, y, end: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Points for a line that holds each value until the next one (and on to ``end``)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(x) == 0:
        return x, y
    sx = np.repeat(x, 2)[1:]
    sy = np.repeat(y, 2)
    last = x[-1] if end is None or end < x[-1] else end
    return np.append(sx, last), sy


@dataclass(frozen=True)
class LegendEntry:
    """One legend sample: a line (``pen``), a marker (``symbol``) and/or a filled box (``box``)."""

    name: str
    pen: QPen | None = None
    symbol: str | None = None
    symbol_pen: QPen | None = None
    symbol_brush: QBrush | None = None
    box: QBrush | None = None


class ChartHeader(pg.GraphicsWidget):
    """The chart's title and legend, painted by one item.

    pyqtgraph's LabelItem and LegendItem lay out an HTML text item per entry, which
    cost more than the whole plot; here a few drawText calls do the same job.
    """

    SAMPLE = 34     # width of a legend sample, px
    GAP = 10        # between a sample and its name
    LEFT = 6        # indent of title and legend

    def __init__(self, columns: int) -> None:
        super().__init__()
        self.columns = columns
        self.title = ""
        self.entries: tuple[LegendEntry, ...] = ()
        self.text_colour = QColor("black")
        self.title_font = QFont()
        self.title_font.setPointSizeF(14)
        self.title_font.setBold(True)
        self.legend_font = QFont()
        self.legend_font.setPointSizeF(10.5)
        self._title_height = QFontMetricsF(self.title_font).height()
        self._row_height = max(QFontMetricsF(self.legend_font).height(), 18.0) + 3
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def names(self) -> list[str]:
        return [e.name for e in self.entries]

    def set_title(self, text: str) -> None:
        if text != self.title:
            self.title = text
            self.update()

    def set_entries(self, entries: Sequence[LegendEntry]) -> None:
        entries = tuple(entries)
        rows_before = self._rows()
        self.entries = entries
        if self._rows() != rows_before:
            self._fit()
        self.update()

    def set_colour(self, colour: str) -> None:
        self.text_colour = QColor(colour)
        self.update()

    def _rows(self) -> int:
        return -(-len(self.entries) // self.columns)

    def _fit(self) -> None:
        height = 8 + self._title_height + 10 + self._rows() * self._row_height + 6
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setPreferredHeight(height)

    def paint(self, p: QPainter, *args) -> None:
        width = self.size().width()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setPen(self.text_colour)
        p.setFont(self.title_font)
        title_box = QRectF(self.LEFT, 8, width - 2 * self.LEFT, self._title_height)
        title = QFontMetricsF(self.title_font).elidedText(
            self.title, Qt.TextElideMode.ElideRight, title_box.width())
        p.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        if not self.entries:
            return
        p.setFont(self.legend_font)
        metrics = QFontMetricsF(self.legend_font)
        column_width = (width - self.LEFT) / self.columns
        top = 8 + self._title_height + 10
        for n, entry in enumerate(self.entries):
            x = self.LEFT + (n % self.columns) * column_width
            y = top + (n // self.columns) * self._row_height
            middle = y + self._row_height / 2
            self._sample(p, entry, x, middle)
            text_left = x + self.SAMPLE + self.GAP
            p.setPen(self.text_colour)
            text = metrics.elidedText(entry.name, Qt.TextElideMode.ElideRight,
                                      column_width - self.SAMPLE - self.GAP - 8)
            p.drawText(QRectF(text_left, y, column_width, self._row_height),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _sample(self, p: QPainter, entry: LegendEntry, x: float, middle: float) -> None:
        if entry.box is not None:
            p.setPen(entry.pen if entry.pen is not None else Qt.PenStyle.NoPen)
            p.setBrush(entry.box)
            p.drawRect(QRectF(x + self.SAMPLE / 2 - 8, middle - 8, 16, 16))
            return
        if entry.pen is not None:
            p.setPen(entry.pen)
            p.drawLine(QPointF(x + 2, middle), QPointF(x + self.SAMPLE - 2, middle))
        if entry.symbol is not None:
            p.save()
            p.translate(x + self.SAMPLE / 2, middle)
            drawSymbol(p, entry.symbol, 10, entry.symbol_pen, entry.symbol_brush)
            p.restore()


class PointLabels(pg.GraphicsObject):
    """Short texts pinned to data points, all painted by one item in screen pixels.

    One TextItem per label lays out a rich-text document each; a count over every bar
    or a name at every step costs far less as plain drawText calls.
    """

    PAD = 3  # px between the point and the text

    def __init__(self, labels: Sequence[tuple[float, float, str]], colours: Sequence[QColor],
                 font: QFont, anchor: tuple[float, float], halo: QColor | None = None) -> None:
        super().__init__()
        self.setZValue(1)  # over the markers
        self.labels = list(labels)
        self.colours = list(colours)
        self.font = font
        self.anchor = anchor
        self.halo = halo

    def texts(self) -> list[str]:
        return [text for _x, _y, text in self.labels]

    def viewTransformChanged(self) -> None:  # noqa: N802 (pyqtgraph's name)
        self.prepareGeometryChange()  # the bounds are the visible range

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        rect = self.viewRect()  # the view clips; the texts may sit anywhere in it
        return QRectF() if rect is None else rect

    def paint(self, p: QPainter, *args) -> None:
        to_screen = p.transform()
        p.resetTransform()
        p.setFont(self.font)
        metrics = QFontMetricsF(self.font)
        height = metrics.height()
        ax, ay = self.anchor
        for (x, y, text), colour in zip(self.labels, self.colours):
            point = to_screen.map(QPointF(x, y))
            width = metrics.horizontalAdvance(text)
            # (ax, ay) of the text's box sits on the point, nudged PAD px away from it.
            left = point.x() - ax * width + self.PAD * (1 - 2 * ax)
            top = point.y() - ay * height + self.PAD * (1 - 2 * ay)
            box = QRectF(left, top, width + 1, height)
            if self.halo is not None:
                p.fillRect(box.adjusted(-2, 0, 2, 0), self.halo)
            p.setPen(colour)
            p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


class LeanPlot(pg.GraphicsWidget):
    """A view box with a left axis and a date axis: the part of a PlotItem the charts use.

    A PlotItem also builds a context menu of Qt widgets, four axes, buttons and averaging
    machinery; none of it is used here, and it was the largest cost of opening a chart.
    """

    def __init__(self, date_axis: pg.DateAxisItem) -> None:
        super().__init__()
        self.vb = pg.ViewBox(enableMenu=False)
        self.vb.setMouseEnabled(x=False, y=False)
        self.vb.setDefaultPadding(0.02)
        self.vb.disableAutoRange()
        self.axes = {"left": pg.AxisItem("left"), "bottom": date_axis}
        layout = QGraphicsGridLayout()
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setHorizontalSpacing(0)
        layout.setVerticalSpacing(0)
        layout.addItem(self.axes["left"], 0, 0)
        layout.addItem(self.vb, 0, 1)
        layout.addItem(date_axis, 1, 1)
        layout.setRowStretchFactor(0, 100)
        layout.setColumnStretchFactor(1, 100)
        self.setLayout(layout)
        for axis in self.axes.values():
            axis.enableAutoSIPrefix(False)  # else every range change re-renders the label HTML
            axis.linkToView(self.vb)
            axis.setZValue(0.5)
        self.items: list = []

    def getAxis(self, name: str) -> pg.AxisItem:  # noqa: N802 (PlotItem's name)
        return self.axes[name]

    def getViewBox(self) -> pg.ViewBox:  # noqa: N802
        return self.vb

    def addItem(self, item) -> None:  # noqa: N802
        self.items.append(item)
        self.vb.addItem(item, ignoreBounds=True)  # ranges are always set by hand

    def clear(self) -> None:
        for item in self.items:
            self.vb.removeItem(item)
        self.items = []

    def setXRange(self, low: float, high: float, padding=None) -> None:  # noqa: N802
        self.vb.setXRange(low, high, padding=padding)

    def setYRange(self, low: float, high: float, padding=None) -> None:  # noqa: N802
        self.vb.setYRange(low, high, padding=padding)


class HistoryChart(pg.GraphicsLayoutWidget):
    """A titled plot with a date axis, a legend above it and hover tooltips."""

    legend_columns = 3

    def __init__(self, title: str, y_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 260)
        self.setAccessibleName(title)
        self.title_text = title
        self.y_label = y_label
        self.header = ChartHeader(self.legend_columns)
        self.header.set_title(title)
        self.addItem(self.header, row=0, col=0)
        self.date_axis = pg.DateAxisItem(orientation="bottom")
        # Labels may run this far past the axis ends (into the corner under the left
        # axis), so the first Monday's date is not cut off at the left edge.
        self.date_axis.setStyle(hideOverlappingLabels=40)
        self.plot = LeanPlot(self.date_axis)
        self.addItem(self.plot, row=1, col=0)
        self.ci.layout.setRowStretchFactor(1, 1)
        self.plot.getAxis("left").setGrid(int(0.25 * 255))
        font = QFont()
        font.setPointSizeF(10.5)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTickFont(font)
        self._entries: list[LegendEntry] = []
        self._markers: list[tuple] = []
        self.colours: Colours = colours()
        self.empty_text = _tr("No sessions in this range yet.")
        self.apply_theme(self.colours)

    def updateMatrix(self, propagate: bool = True) -> None:  # noqa: N802 (pyqtgraph's name)
        """Give the scene the view's rectangle as well: a scene without one works out the
        bounds of every item each time anything changes, calling into Python per item."""
        super().updateMatrix(propagate)
        scene = self.scene()
        if scene is not None:
            scene.setSceneRect(self.range)

    # ------------------------------------------------------------------ theme
    def apply_theme(self, c: Colours) -> None:
        self.colours = c
        self.setBackground(c.base)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(c.muted))
            axis.setTextPen(pg.mkPen(c.text))
        self.plot.getAxis("left").setLabel(self.y_label, color=c.text, **{"font-size": "11pt"})
        self.header.set_colour(c.text)
        self.redraw()

    def set_title(self, text: str) -> None:
        self.title_text = text
        self.setAccessibleName(text)
        self.header.set_title(text)

    # ------------------------------------------------------------------ helpers
    def redraw(self) -> None:
        """Draw the data last given (after a theme change, say)."""
        self.plot.clear()
        self._entries = []
        self._markers = []
        self.draw()
        self._add_markers()
        self.header.set_entries(self._entries)

    def draw(self) -> None:
        """Add the plot items and legend entries for the data last given."""

    def legend_names(self) -> list[str]:
        return self.header.names()

    def pen(self, colour: str, width: float = 2.5, style=Qt.PenStyle.SolidLine) -> QPen:
        pen = pg.mkPen(colour, width=width, style=style)
        pen.setCosmetic(True)
        return pen

    def add_points(self, x, y, tip: Callable[[int], str], colour: str, symbol: str,
                   size: float = 9, hollow: bool = False) -> None:
        """Markers that show ``tip(i)`` for point ``i`` when hovered (smaller when many).

        The text is made on hover, not up front: years of points need no strings until
        someone points at one. Every series' markers go into one scatter item at the end
        of the drawing (see _add_markers): one item per chart, not one per series.
        """
        if len(x) > 120:
            size = min(size, 5)
        self._markers.append((np.asarray(x, dtype=float), np.asarray(y, dtype=float), tip,
                              symbol, size, pg.mkPen(colour, width=1.5),
                              pg.mkBrush(self.colours.base if hollow else colour)))

    def _add_markers(self) -> None:
        markers = [m for m in self._markers if len(m[0])]
        if not markers:
            return
        counts = [len(m[0]) for m in markers]
        starts = np.cumsum([0] + counts[:-1]).tolist()
        tips = [m[2] for m in markers]

        def tip(x, y, data) -> str:
            n = bisect_right(starts, int(data)) - 1
            return tips[n](int(data) - starts[n])

        item = pg.ScatterPlotItem(
            x=np.concatenate([m[0] for m in markers]), y=np.concatenate([m[1] for m in markers]),
            data=np.arange(sum(counts)),
            symbol=[m[3] for m, n in zip(markers, counts) for _ in range(n)],
            size=np.repeat([m[4] for m in markers], counts),
            pen=[m[5] for m, n in zip(markers, counts) for _ in range(n)],
            brush=[m[6] for m, n in zip(markers, counts) for _ in range(n)],
            hoverable=True, hoverSize=13, hoverPen=pg.mkPen(self.colours.text, width=2),
            tip=tip, antialias=True)
        self.plot.addItem(item)

    def hover_texts(self) -> list[str]:
        """Every tooltip the chart would show, point by point (for tests and checks)."""
        texts = []
        for item in self.plot.items:
            if isinstance(item, pg.ScatterPlotItem) and item.opts.get("hoverable"):
                xs, ys = item.getData()
                for x, y, d in zip(xs, ys, item.data["data"]):
                    texts.append(item.opts["tip"](x=x, y=y, data=d))
        return texts

    def legend_entry(self, name: str, colour: str, symbol: str | None = None,
                     style=Qt.PenStyle.SolidLine, width: float = 2.5, hollow: bool = False) -> None:
        self._entries.append(LegendEntry(
            name, self.pen(colour, width, style) if style is not None else None, symbol,
            pg.mkPen(colour, width=1.5), pg.mkBrush(self.colours.base if hollow else colour)))

    def set_x_range(self, x_range: tuple[float, float] | None) -> None:
        """Show the range; up to WEEK_TICKS_UP_TO weeks, one labelled tick per Monday
        (the automatic date ticks crowd month names into day numbers at that scale)."""
        if x_range is None:
            self.date_axis.setTicks(None)
            return
        self.plot.setXRange(x_range[0], x_range[1], padding=0.035)
        first = dt.datetime.fromtimestamp(x_range[0]).date()
        last = dt.datetime.fromtimestamp(x_range[1]).date()
        weeks = (last - first).days // 7
        if weeks > WEEK_TICKS_UP_TO:
            self.date_axis.setTicks(None)
            return
        every = 1 if weeks <= 10 else 2
        monday = cd.monday_of(first + dt.timedelta(days=6))
        ticks = []
        while monday <= last:
            ticks.append((cd.day_timestamp(monday), f"{monday.day} {monday:%b}"))
            monday += dt.timedelta(weeks=every)
        self.date_axis.setTicks([ticks])

    def show_empty(self, x_range: tuple[float, float] | None, y_range: tuple[float, float]) -> None:
        """Say so in words rather than leave blank axes."""
        self.plot.getAxis("left").setTicks([integer_ticks(*y_range)])
        self.plot.setYRange(*y_range, padding=0)
        if x_range is None:
            x_range = (0.0, 1.0)
            self.plot.setXRange(*x_range)
        else:  # the range's dates, with the words in the middle of them
            self.set_x_range(x_range)
        text = pg.TextItem(self.empty_text, color=self.colours.muted, anchor=(0.5, 0.5))
        font = QFont()
        font.setPointSizeF(13)
        text.setFont(font)
        text.setPos((x_range[0] + x_range[1]) / 2, (y_range[0] + y_range[1]) / 2)
        self.plot.addItem(text)


class RepsChart(HistoryChart):
    """Chart 1: reps per set for each exercise, the target dose behind them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data: tuple[tuple[cd.RepsSeries, ...], tuple[float, float] | None, bool, bool] | None = None
        super().__init__(_tr("Reps per set"), _tr("Reps per set"), parent)

    def show_data(self, series: tuple[cd.RepsSeries, ...], x_range, bucket: int,
                  from_plan: bool) -> None:
        self._data = (series, x_range, bucket, from_plan)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        series, x_range, bucket, from_plan = self._data
        c = self.colours
        drawn = [s for s in series if s.x]
        if not drawn:
            self.show_empty(x_range, (0, 20))
            return
        target_colour = blend(c.muted, c.base, 0.35)  # opaque: overlapping targets look as one
        for s in drawn:  # targets first, so they sit behind
            tx, ty = step_line(s.x, s.target, None)
            band = pg.PlotCurveItem(tx, ty, pen=pg.mkPen(target_colour, width=9))
            band.setZValue(-10)
            self.plot.addItem(band)
        self._entries.append(LegendEntry(_tr("Target (plan)") if from_plan else _tr("Target"),
                                         pg.mkPen(target_colour, width=9)))
        for s in drawn:
            i = _INDEX.get(s.exercise_id, 0)
            colour = palette_for(c)[i]
            self.plot.addItem(pg.PlotCurveItem(np.asarray(s.x), np.asarray(s.reps_per_set),
                                               pen=self.pen(colour, 2.5, DASHES[i])))
            def tip(k: int, s=s) -> str:
                return (f"{s.name}\n{when_label(s.x[k], bucket)}\n"
                        + _tr("%1 reps per set (target %2)")
                        .replace("%1", _number(s.reps_per_set[k])).replace("%2", _number(s.target[k])))
            self.add_points(s.x, s.reps_per_set, tip, colour, SYMBOLS[i])
            self.legend_entry(s.name, colour, SYMBOLS[i], DASHES[i])
        top = max(max(max(s.reps_per_set), max(s.target)) for s in drawn)
        low = min(min(min(s.reps_per_set), min(s.target)) for s in drawn)
        self.plot.getAxis("left").setTicks([integer_ticks(max(0, low - 2), top + 2)])
        self.plot.setYRange(max(0, low - 2), top + 2, padding=0)
        self.set_x_range(x_range)


class ResistanceChart(HistoryChart):
    """Chart 2: the rung of each exercise's ladder over time, as steps with the rung names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data = None
        super().__init__(_tr("Resistance"), _tr("Step (1 = easiest)"), parent)

    def show_data(self, series: tuple[cd.ResistanceSeries, ...], x_range, bucket: int) -> None:
        self._data = (series, x_range, bucket)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        series, x_range, bucket = self._data
        c = self.colours
        drawn = [s for s in series if s.x]
        axis = self.plot.getAxis("left")
        if not drawn:
            self.show_empty(x_range, (-0.5, 3.5))
            axis.setTicks([[(i, str(i + 1)) for i in range(4)]])  # steps count from 1
            return
        single = len(series) == 1
        rungs = max(len(s.ladder) for s in drawn)
        axis.setTicks([[(i, str(i + 1)) for i in range(rungs)]])
        end = x_range[1] if x_range else None
        count = len(drawn)
        font = QFont()
        font.setPointSizeF(10)
        halo = QColor(c.base)
        halo.setAlpha(200)  # keeps a label readable where it crosses another line
        step_labels: list[tuple[float, float, str]] = []
        label_colours: list[QColor] = []
        for n, s in enumerate(drawn):
            i = _INDEX.get(s.exercise_id, 0)
            colour = palette_for(c)[i]
            offset = 0.0 if single else ((count - 1) / 2 - n) * LANE
            y = [r + offset for r in s.rung]
            sx, sy = step_line(s.x, y, end)
            self.plot.addItem(pg.PlotCurveItem(sx, sy, pen=self.pen(colour, 3, DASHES[i])))
            # Markers only where the rung changes: the steps themselves carry the line.
            keep = [k for k in range(len(s.x)) if k == 0 or s.rung[k] != s.rung[k - 1]]

            def tip(n: int, s=s, keep=keep) -> str:
                k = keep[n]
                return (f"{s.name}\n" + _tr("from %1").replace("%1", when_label(s.x[k], bucket))
                        + "\n" + _tr("Step %1 of %2: %3").replace("%1", str(s.rung[k] + 1))
                        .replace("%2", str(len(s.ladder))).replace("%3", s.ladder[s.rung[k]]))
            self.add_points([s.x[k] for k in keep], [y[k] for k in keep], tip, colour,
                            SYMBOLS[i], size=10)
            # Each step named where it starts (with one exercise, the first one too).
            for k in (keep if single else keep[1:]):
                step_labels.append((s.x[k] + 0.4 * DAY, y[k] + 0.02, s.ladder[s.rung[k]]))
                label_colours.append(QColor(colour))
            self.legend_entry(s.name, colour, SYMBOLS[i], DASHES[i])
        if step_labels:
            self.plot.addItem(PointLabels(step_labels, label_colours, font, (0, 1), halo))
        highest = max(max(s.rung) for s in drawn)  # one rung of headroom, not the whole ladder
        self.plot.setYRange(-0.5, min(rungs - 1, highest + 1) + 0.5, padding=0)
        self.set_x_range(x_range)


class PainChart(HistoryChart):
    """Chart 3: pain before and after each session and the weekly trend."""

    legend_columns = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data = None
        super().__init__(_tr("Pain"), _tr("Pain (0 = none, 10 = worst)"), parent)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])

    def show_data(self, pain: cd.PainChart, x_range, bucket: int) -> None:
        self._data = (pain, x_range, bucket)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        pain, x_range, bucket = self._data
        c = self.colours
        if not pain.before and not pain.after:
            self.show_empty(x_range, (-0.5, 10.5))
            return
        before_colour, after_colour = palette_for(c)[1], palette_for(c)[0]
        if not bucket:  # a thin stroke from before to after, session by session
            after_at = dict(zip(pain.after_x, pain.after))
            pairs_x, pairs_y = [], []
            for x, v in zip(pain.before_x, pain.before):
                if x in after_at:
                    pairs_x += [x, x]
                    pairs_y += [v, after_at[x]]
            if pairs_x:
                self.plot.addItem(pg.PlotCurveItem(np.asarray(pairs_x, float),
                                                   np.asarray(pairs_y, float), connect="pairs",
                                                   pen=pg.mkPen(c.muted, width=1)))
        if pain.trend:
            self.plot.addItem(pg.PlotCurveItem(np.asarray(pain.trend_x), np.asarray(pain.trend),
                                               pen=self.pen(c.text, 4)))
            trend_x = pain.trend_x
            self.add_points(trend_x, pain.trend, lambda k: _tr(
                "Trend, %1\n%2 average of the last %3 weeks")
                .replace("%1", when_label(trend_x[k], 1)).replace("%2", _number(pain.trend[k]))
                .replace("%3", str(cd.TREND_WEEKS)), c.text, "o", size=5)
        self.add_points(pain.before_x, pain.before, lambda k: (
            f"{when_label(pain.before_x[k], bucket)}\n"
            + _tr("Pain before: %1/10").replace("%1", _number(pain.before[k]))),
            before_colour, "t", size=11)
        self.add_points(pain.after_x, pain.after, lambda k: (
            f"{when_label(pain.after_x[k], bucket)}\n"
            + _tr("Pain after: %1/10").replace("%1", _number(pain.after[k]))),
            after_colour, "o", size=9, hollow=True)
        self.legend_entry(_tr("Before the session"), before_colour, "t", style=None)
        self.legend_entry(_tr("After"), after_colour, "o", style=None, hollow=True)
        self.legend_entry(_tr("Trend (%1-week average)").replace("%1", str(cd.TREND_WEEKS)),
                          c.text, None, width=4)
        self.plot.setYRange(-0.5, 10.5, padding=0)
        self.set_x_range(x_range)


class AdherenceChart(HistoryChart):
    """Chart 4: sessions done each week against the number planned, and the streak."""

    legend_columns = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data = None
        super().__init__(_tr("Sessions per week"), _tr("Sessions"), parent)

    def show_data(self, chart: cd.AdherenceChart, x_range, today: dt.date) -> None:
        self._data = (chart, x_range, today)
        self.redraw()

    def streak_text(self, weeks: int) -> str:
        if weeks == 0:
            return _tr("Sessions per week · no streak yet: meet a week's plan to start one")
        if weeks == 1:
            return _tr("Sessions per week · streak: 1 week on plan")
        return _tr("Sessions per week · streak: %1 weeks on plan in a row").replace("%1", str(weeks))

    def draw(self) -> None:
        if self._data is None:
            return
        chart, x_range, today = self._data
        c = self.colours
        self.set_title(self.streak_text(chart.streak_weeks))
        axis = self.plot.getAxis("left")
        if not chart.weeks:
            self.show_empty(x_range, (0, 3))
            return
        x = np.asarray(chart.x)
        done = np.asarray(chart.done, dtype=float)
        planned = np.asarray(chart.planned, dtype=float)
        this_week = cd.monday_of(today)
        under_way = np.asarray([m == this_week for m in chart.weeks])
        met = done >= planned
        short = ~met & ~under_way
        so_far = ~met & under_way
        width = 5 * DAY
        met_colour, short_colour = palette_for(c)[0], palette_for(c)[1]
        bars = {
            "met": (met, dict(brush=pg.mkBrush(met_colour), pen=pg.mkPen(met_colour))),
            "short": (short, dict(brush=QBrush(QColor(short_colour), Qt.BrushStyle.BDiagPattern),
                                  pen=pg.mkPen(short_colour, width=2))),
            "so_far": (so_far, dict(brush=pg.mkBrush(blend(met_colour, c.base, 0.25)),
                                    pen=pg.mkPen(met_colour, width=2, style=Qt.PenStyle.DotLine))),
        }
        for mask, style in bars.values():
            if mask.any():  # an empty week still gets a sliver, so it reads as "none"
                self.plot.addItem(pg.BarGraphItem(x=x[mask], height=np.maximum(done[mask], 0.06),
                                                  width=width, **style))
        # The plan as a step across the weeks, drawn over the bars.
        px, py = step_line(x - 3.5 * DAY, planned, x[-1] + 3.5 * DAY)
        self.plot.addItem(pg.PlotCurveItem(px, py, pen=self.pen(c.text, 2.5, Qt.PenStyle.DashLine)))
        def tip(k: int) -> str:
            text = _tr("Week of %1\n%2 of %3 planned sessions").replace(
                "%1", chart.weeks[k].strftime("%a %d %b %Y")).replace(
                "%2", str(chart.done[k])).replace("%3", str(chart.planned[k]))
            if under_way[k]:
                text += "\n" + _tr("(this week, still under way)")
            return text
        self.add_points(x, done, tip, c.text, "o", size=6)
        if len(chart.weeks) <= 12:  # the count over each bar, when the bars are wide enough
            font = QFont()
            font.setPointSizeF(11)
            self.plot.addItem(PointLabels(
                [(float(xv), d + 0.05, str(d)) for xv, d in zip(x, chart.done)],
                [QColor(c.text)] * len(x), font, (0.5, 1)))
        for key, name in (("met", _tr("Plan met")), ("short", _tr("Short of plan")),
                          ("so_far", _tr("This week so far"))):
            if key != "so_far" or so_far.any():
                self._entries.append(LegendEntry(name, bars[key][1]["pen"], box=bars[key][1]["brush"]))
        self.legend_entry(_tr("Planned"), c.text, None, Qt.PenStyle.DashLine)
        top = int(max(done.max(), planned.max())) + 1
        step = 1 if top <= 8 else 2
        axis.setTicks([[(v, str(v)) for v in range(0, top + 1, step)]])
        self.plot.setYRange(0, top + 0.3, padding=0)
        self.set_x_range(x_range)


class SidesChart(HistoryChart):
    """Chart 5: reps per set on the left and right leg, to watch the sore side catch up."""

    legend_columns = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data = None
        super().__init__(_tr("Left and right leg"), _tr("Reps per set"), parent)

    def show_data(self, sides: cd.SidesChart, x_range, bucket: int,
                  sore_side: str | None) -> None:
        self._data = (sides, x_range, bucket, sore_side)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        sides, x_range, bucket, sore_side = self._data
        c = self.colours
        what = (_tr("all one-leg exercises") if sides.exercise_id is None
                else next(ex.name for ex in CATALOGUE if ex.id == sides.exercise_id))
        self.set_title(_tr("Left and right leg · %1").replace("%1", what))
        if not sides.left and not sides.right:
            self.show_empty(x_range, (0, 20))
            return
        gap_at = dict(zip(sides.gap_x, sides.gap))
        names = {"left": _tr("Left leg"), "right": _tr("Right leg")}
        if sore_side in names:
            names[sore_side] = (_tr("Left leg (sore side)") if sore_side == "left"
                                else _tr("Right leg (sore side)"))
        styles = {"left": (palette_for(c)[0], "o", Qt.PenStyle.SolidLine),
                  "right": (palette_for(c)[1], "s", Qt.PenStyle.DashLine)}
        values = []
        for side, xs, ys in (("left", sides.left_x, sides.left), ("right", sides.right_x, sides.right)):
            colour, symbol, style = styles[side]
            if xs:
                self.plot.addItem(pg.PlotCurveItem(np.asarray(xs), np.asarray(ys),
                                                   pen=self.pen(colour, 2.5, style)))
                def tip(k: int, side=side, xs=xs, ys=ys) -> str:
                    x = xs[k]
                    text = f"{names[side]}\n{when_label(x, bucket)}\n" + _tr(
                        "%1 reps per set").replace("%1", _number(ys[k]))
                    if x in gap_at:
                        return text + "\n" + _tr("left minus right: %1").replace(
                            "%1", f"{gap_at[x]:+.1f}")
                    return text + "\n" + _tr("other side not done")
                self.add_points(xs, ys, tip, colour, symbol)
                values += list(ys)
            self.legend_entry(names[side], colour, symbol, style)
        low, high = max(0, min(values) - 2), max(values) + 2
        self.plot.getAxis("left").setTicks([integer_ticks(low, high)])
        self.plot.setYRange(low, high, padding=0)
        self.set_x_range(x_range)
