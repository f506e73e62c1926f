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
from bisect import bisect_right
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from itbgui.program.exercises import name_of
from itbgui.screens.history import chart_data as cd
from itbgui.screens.history.chart_items import (DAY, WEEK_TICKS_UP_TO, ChartHeader, LeanDateAxis, LeanPlot,
                                                LegendEntry, PointLabels, _number, _tr, blend,
                                                integer_ticks, palette_for, series_style, step_line,
                                                when_label)
from itbgui.ui.text_size import points
from itbgui.ui.theme import Colours, colours


class HistoryChart(pg.GraphicsView):
    """A titled plot with a date axis, a legend above it and hover tooltips.

    The header and the plot sit in the view's own grid layout (pyqtgraph's GraphicsLayout
    adds a border item, a signal and a layout pass per cell, none of them used here).
    """

    legend_columns = 3

    def __init__(self, title: str, y_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A few dozen items: a spatial index costs more to keep than it saves. The
        # background is one flat colour: filling it is cheaper than a cached copy of it
        # (a viewport-sized pixmap made and filled on the first paint, then copied).
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setMinimumSize(360, 260)
        self.setAccessibleName(title)
        self.title_text = title
        self.y_label = y_label
        self.header = ChartHeader(self.legend_columns)
        self.header.set_title(title)
        self.date_axis = LeanDateAxis(orientation="bottom")
        # Labels may run this far past the axis ends (into the corner under the left
        # axis), so the first Monday's date is not cut off at the left edge.
        self.date_axis.setStyle(hideOverlappingLabels=40)
        self.plot = LeanPlot(self.date_axis)
        self.ci = self.centralWidget        # the view's own (sized to it on every resize)
        grid = self.centralLayout
        grid.addItem(self.header, 0, 0)
        grid.addItem(self.plot, 1, 0)
        grid.setRowStretchFactor(1, 1)
        grid.activate()
        self.plot.getAxis("left").setGrid(int(0.25 * 255))
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
        self.plot.getAxis("left").backdrop = QColor(c.base)   # the grid made opaque over it
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(c.muted))
            axis.setTextPen(pg.mkPen(c.text))
        # Settings > Text size reaches the axes and the title (re-applied with the theme).
        font = QFont()
        font.setPointSizeF(points(10.5))
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTickFont(font)
        self.plot.getAxis("left").setLabel(self.y_label, color=c.text,
                                           **{"font-size": f"{points(11):.1f}pt"})
        self.header.set_scale(points(1.0))
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
        font.setPointSizeF(points(13))
        text.setFont(font)
        text.setPos((x_range[0] + x_range[1]) / 2, (y_range[0] + y_range[1]) / 2)
        self.plot.addItem(text)


class RepsChart(HistoryChart):
    """Chart 1: reps per set for each exercise, the target dose behind them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data: tuple[tuple[cd.RepsSeries, ...], tuple[float, float] | None, bool, bool] | None = None
        super().__init__(_tr("Reps per set"), _tr("Reps per set"), parent)

    @staticmethod
    def series_name(s: cd.RepsSeries) -> str:
        if s.side == "left":
            return _tr("%1, left").replace("%1", s.name)
        if s.side == "right":
            return _tr("%1, right").replace("%1", s.name)
        return s.name

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
        bands_x, bands_y, links = [], [], []
        for s in drawn:  # every target as one item (one colour), behind the series
            tx, ty = step_line(s.x, s.target, None)
            if len(s.x) == 1:   # one session: a short bar around its point, not nothing
                tx, ty = np.asarray([s.x[0] - 1.5 * DAY, s.x[0] + 1.5 * DAY]), np.repeat(ty[:1], 2)
            link = np.ones(len(tx), dtype=bool)
            link[-1] = False    # no stroke from one exercise's target to the next one's
            bands_x.append(tx)
            bands_y.append(ty)
            links.append(link)
        band = pg.PlotCurveItem(np.concatenate(bands_x), np.concatenate(bands_y),
                                connect=np.concatenate(links), pen=pg.mkPen(target_colour, width=9))
        band.setZValue(-10)
        self.plot.addItem(band)
        self._entries.append(LegendEntry(_tr("Target (plan)") if from_plan else _tr("Target"),
                                         pg.mkPen(target_colour, width=9)))
        for s in drawn:
            style = series_style(c, s.exercise_id)
            colour = style.colour
            # The two legs of one exercise: one colour; the right leg dotted, hollow markers.
            right = s.side == "right"
            dash = Qt.PenStyle.DotLine if right else style.dash
            name = self.series_name(s)
            self.plot.addItem(pg.PlotCurveItem(np.asarray(s.x), np.asarray(s.reps_per_set),
                                               pen=self.pen(colour, 2.5, dash)))

            def tip(k: int, s=s, name=name) -> str:
                return (f"{name}\n{when_label(s.x[k], bucket)}\n"
                        + _tr("%1 reps per set (target %2)")
                        .replace("%1", _number(s.reps_per_set[k])).replace("%2", _number(s.target[k])))
            self.add_points(s.x, s.reps_per_set, tip, colour, style.symbol, hollow=right)
            self.legend_entry(name, colour, style.symbol, dash, hollow=right)
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
        font = QFont()
        font.setPointSizeF(points(10))
        halo = QColor(c.base)
        halo.setAlpha(200)  # keeps a label readable where it crosses another line
        step_labels: list[tuple[float, float, str]] = []
        label_colours: list[QColor] = []
        for n, s in enumerate(drawn):
            style = series_style(c, s.exercise_id)
            colour = style.colour
            y = list(s.rung)   # the same step is the same height for every exercise
            sx, sy = step_line(s.x, y, end)
            self.plot.addItem(pg.PlotCurveItem(sx, sy, pen=self.pen(colour, 3, style.dash)))
            # Markers only where the rung changes: the steps themselves carry the line.
            keep = [k for k in range(len(s.x)) if k == 0 or s.rung[k] != s.rung[k - 1]]

            def tip(n: int, s=s, keep=keep) -> str:
                k = keep[n]
                return (f"{s.name}\n" + _tr("from %1").replace("%1", when_label(s.x[k], bucket))
                        + "\n" + _tr("Step %1 of %2: %3").replace("%1", str(s.rung[k] + 1))
                        .replace("%2", str(len(s.ladder))).replace("%3", s.ladder[s.rung[k]]))
            self.add_points([s.x[k] for k in keep], [y[k] for k in keep], tip, colour,
                            style.symbol, size=10)
            # Each step named where it starts (with one exercise, the first one too).
            for k in (keep if single else keep[1:]):
                step_labels.append((s.x[k] + 0.4 * DAY, y[k] + 0.02, s.ladder[s.rung[k]]))
                label_colours.append(QColor(colour))
            self.legend_entry(s.name, colour, style.symbol, style.dash)
        if step_labels:
            self.plot.addItem(PointLabels(step_labels, label_colours, font, (0, 1), halo))
        highest = max(max(s.rung) for s in drawn)  # one rung of headroom, not the whole ladder
        self.plot.setYRange(-0.5, min(rungs - 1, highest + 1) + 0.5, padding=0)
        self.set_x_range(x_range)


class PainChart(HistoryChart):
    """Chart 3: pain before, worst during and after each session, and the weekly trend."""

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
        if not pain.before and not pain.after and not pain.during:
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
        if pain.during:
            self.add_points(pain.during_x, pain.during, lambda k: (
                f"{when_label(pain.during_x[k], bucket)}\n"
                + _tr("Worst pain during: %1/10").replace("%1", _number(pain.during[k]))),
                after_colour, "d", size=10)
        self.legend_entry(_tr("Before the session"), before_colour, "t", style=None)
        if pain.during:
            self.legend_entry(_tr("Worst during"), after_colour, "d", style=None)
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
            font.setPointSizeF(points(11))
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
                else name_of(sides.exercise_id))
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
