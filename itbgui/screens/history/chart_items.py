"""The drawing parts the History charts share: series colours, date and integer ticks,
step lines, the painted title and legend, point labels and the lean plot.

Split from :mod:`.charts` (which draws the five charts from chart_data's tuples).
"""


from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsGridLayout, QSizePolicy

from itbgui.program.exercises import ChartStyle, find
from itbgui.ui.theme import Colours

#: The two colours of the charts that are not one exercise's (pain before and after, the
#: sessions met and short, the left and right leg). Okabe-Ito based; darker for light
#: backgrounds, lighter for dark ones. Each exercise's own colour is in its entry
#: (program/exercises.py), so a filter never recolours a line.
PAIR_LIGHT = ("#0063a0", "#b8430a")
PAIR_DARK = ("#6cc0f0", "#ff9d5c")
DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine,
          "dash_dot": Qt.PenStyle.DashDotLine, "dash_dot_dot": Qt.PenStyle.DashDotDotLine}
#: An exercise this version does not know (an older or newer file's) is drawn like this.
UNKNOWN_STYLE = ChartStyle("#4e5b68", "#b3bfca", "h", "solid")
DAY = 86400.0
#: Up to this many weeks the date axis labels each Monday (every other one past ten).
WEEK_TICKS_UP_TO = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryCharts", text)


def is_dark(c: Colours) -> bool:
    return QColor(c.base).lightness() < 128


def palette_for(c: Colours) -> tuple[str, str]:
    return PAIR_DARK if is_dark(c) else PAIR_LIGHT


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    symbol: str
    dash: Qt.PenStyle


def series_style(c: Colours, exercise_id: str) -> SeriesStyle:
    """The exercise's colour (for this background), symbol and line, from its entry."""
    ex = find(exercise_id)
    style = ex.chart if ex is not None else UNKNOWN_STYLE
    return SeriesStyle(style.dark if is_dark(c) else style.light, style.symbol,
                       DASHES.get(style.dash, Qt.PenStyle.SolidLine))


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


def legend_columns(available: float, name_widths: Sequence[float], most: int, sample: float) -> int:
    """Columns for a legend: as many as the chart asks for, fewer when a name would not fit
    whole beside its sample ("Single-leg deadlifts, ri..." hides which side); one at least,
    where a name longer than the whole width is the only one cut."""
    widest = max(name_widths, default=0.0)
    for columns in range(max(most, 1), 1, -1):
        if sample + widest <= available / columns:
            return columns
    return 1


def spaced_labels(texts: list, advance) -> list:
    """A horizontal axis's labels, ``(rect, flags, text)`` each centred on its tick, with no
    two touching ("16 Nov23 Nov" at Extra large): every label when they clear each other
    by two spaces, else every second, third... from the first, the smallest stride that
    clears. Tick marks and grid lines all stay."""
    gap = advance("  ")
    ordered = sorted(texts, key=lambda spec: spec[0].center().x())
    spans = [(spec[0].center().x() - advance(spec[2]) / 2, spec[0].center().x() + advance(spec[2]) / 2)
             for spec in ordered]
    for stride in range(1, len(ordered) + 1):
        chosen = spans[::stride]
        if all(right + gap <= left for (_l, right), (left, _r) in zip(chosen, chosen[1:])):
            return ordered[::stride]
    return ordered[:1]


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
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        """Settings > Text size: 14 pt title and 10.5 pt legend at normal."""
        self.title_font = QFont()
        self.title_font.setPointSizeF(14 * scale)
        self.title_font.setBold(True)
        self.legend_font = QFont()
        self.legend_font.setPointSizeF(10.5 * scale)
        self._title_height = QFontMetricsF(self.title_font).height()
        self._row_height = max(QFontMetricsF(self.legend_font).height(), 18.0) + 3
        self._fit(force=True)
        self.update()

    def names(self) -> list[str]:
        return [e.name for e in self.entries]

    def set_title(self, text: str) -> None:
        if text != self.title:
            self.title = text
            self._fit()
            self.update()

    def title_lines(self, width: float | None = None) -> list[str]:
        """The title as drawn: one line when it fits, else wrapped at a word (never elided)."""
        width = (self.size().width() if width is None else width) - 2 * self.LEFT
        metrics = QFontMetricsF(self.title_font)
        if width <= 0 or metrics.horizontalAdvance(self.title) <= width:
            return [self.title]
        lines, line = [], ""
        for word in self.title.split(" "):
            trial = f"{line} {word}".strip()
            if line and metrics.horizontalAdvance(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        return lines + [line]

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

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

    def columns_used(self, width: float | None = None) -> int:
        """The legend's columns at this width (see :func:`legend_columns`)."""
        width = self.size().width() if width is None else width
        if width <= 0:
            return self.columns
        metrics = QFontMetricsF(self.legend_font)
        return legend_columns(width - self.LEFT, [metrics.horizontalAdvance(e.name) for e in self.entries],
                              self.columns, self.SAMPLE + self.GAP + 8)

    def _rows(self) -> int:
        return -(-len(self.entries) // self.columns_used())

    def _fit(self, force: bool = False) -> None:
        lines = len(self.title_lines()) if self.size().width() > 0 else 1
        height = 8 + lines * self._title_height + 10 + self._rows() * self._row_height + 6
        if height == self.preferredHeight() and not force:
            return
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setPreferredHeight(height)

    def paint(self, p: QPainter, *args) -> None:
        width = self.size().width()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setPen(self.text_colour)
        p.setFont(self.title_font)
        lines = self.title_lines()
        for n, line in enumerate(lines):
            title_box = QRectF(self.LEFT, 8 + n * self._title_height, width - 2 * self.LEFT,
                               self._title_height)
            p.drawText(title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        if not self.entries:
            return
        p.setFont(self.legend_font)
        metrics = QFontMetricsF(self.legend_font)
        columns = self.columns_used(width)
        column_width = (width - self.LEFT) / columns
        top = 8 + len(lines) * self._title_height + 10
        for n, entry in enumerate(self.entries):
            x = self.LEFT + (n % columns) * column_width
            y = top + (n // columns) * self._row_height
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


class _LeanAxisParts:
    """Two costs of pyqtgraph's axis cut. It lays the title out as rich text again on every
    range, pen or font change (about twenty times while a chart is built): here only when
    the text changes, and not while the title is hidden. And its grid lines are
    see-through, which the raster painter draws on a slow path (a millisecond for six
    lines): here they are the same colour made opaque over ``backdrop`` (the chart's
    background), drawn behind the data."""

    backdrop: QColor | None = None

    def _updateLabel(self) -> None:  # noqa: N802 (pyqtgraph's name)
        html = self.labelString() if self.label.isVisible() else None   # hidden: it waits
        if html != getattr(self, "_label_html", None):
            self._label_html = html
            if html is not None:
                self.label.setHtml(html)
            self._adjustSize()       # the title's size changed, or it came or went
        self.picture = None
        self.update()

    def showLabel(self, show: bool = True) -> None:  # noqa: N802 (pyqtgraph's name)
        super().showLabel(show)
        if show and getattr(self, "_label_html", None) is None:
            self._updateLabel()

    def generateDrawSpecs(self, p: QPainter):  # noqa: N802 (pyqtgraph's name)
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        axis, ticks, texts = specs
        if self.orientation in ("bottom", "top"):
            font = self.style.get("tickFont") or p.font()
            texts = spaced_labels(texts, QFontMetricsF(font).horizontalAdvance)
        if self.backdrop is not None:
            ticks = [(self._opaque(pen), a, b) for pen, a, b in ticks]
        return axis, ticks, texts

    def _opaque(self, pen: QPen) -> QPen:
        colour = pen.color()
        if colour.alpha() == 255:
            return pen
        out = QPen(pen)
        out.setColor(blend(colour.name(), self.backdrop.name(), colour.alphaF()))
        return out


class LeanAxis(_LeanAxisParts, pg.AxisItem):
    """The value axis (and its grid)."""


class LeanDateAxis(_LeanAxisParts, pg.DateAxisItem):
    """The date axis."""


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
        self.axes = {"left": LeanAxis("left"), "bottom": date_axis}
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
        self.axes["left"].setZValue(self.vb.zValue() - 1)   # its opaque grid behind the data
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
