"""History's three run charts, on the same lean pyqtgraph chart as the session charts.

The pain-onset distance run by run (pain-free runs at their full distance, hollow stars;
onsets filled circles; onsets estimated from the minute hollow circles), the weekly
distance against the worst pain of the week (bars hatched in a week over the limit, the
pain written on each bar), and the stage each run was done at, as steps. Series differ by
symbol and fill as well as colour.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from itbgui.program.return_to_run import LAST_STAGE
from itbgui.screens.history import run_chart_data as rd
from itbgui.screens.history.chart_items import (DAY, LegendEntry, PointLabels, _number, _tr, integer_ticks,
                                                palette_for, step_line)
from itbgui.screens.history.charts import HistoryChart
from itbgui.ui.text_size import points


def _when(x: float) -> str:
    return dt.datetime.fromtimestamp(x).strftime("%a %d %b %Y, %H:%M")


class OnsetChart(HistoryChart):
    """Where the pain began, run by run: the recovery is that point moving later, then gone."""

    legend_columns = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data: tuple[rd.OnsetChart, tuple[float, float] | None] | None = None
        super().__init__(_tr("Where the pain began"), _tr("Distance (km)"), parent)
        self.empty_text = _tr("No runs with a distance and a pain answer yet.")

    def show_data(self, chart: rd.OnsetChart, x_range) -> None:
        self._data = (chart, x_range)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        chart, x_range = self._data
        c = self.colours
        pts = chart.points
        if not pts:
            self.show_empty(x_range, (0, 10))
            return
        onset_colour, free_colour = palette_for(c)[1], palette_for(c)[0]
        x = np.asarray([p.x for p in pts])
        # Each run's whole distance as a faint bar from 0: the onset is read against it.
        self.plot.addItem(pg.PlotCurveItem(np.repeat(x, 2), np.ravel([[0, p.distance_km] for p in pts]),
                                           connect="pairs", pen=pg.mkPen(c.muted, width=1,
                                                                         style=Qt.PenStyle.DotLine)))
        painful = [p for p in pts if p.kind != "pain_free"]
        if len(painful) > 1:
            self.plot.addItem(pg.PlotCurveItem(np.asarray([p.x for p in painful]),
                                               np.asarray([p.km for p in painful]),
                                               pen=self.pen(onset_colour, 2)))
        for kind, colour, symbol, hollow, name in (
                ("onset", onset_colour, "o", False, _tr("Pain began here")),
                ("estimated", onset_colour, "o", True, _tr("Pain began (from the minute)")),
                ("pain_free", free_colour, "star", True, _tr("No pain: the whole run"))):
            these = [p for p in pts if p.kind == kind]
            if not these:
                continue

            def tip(k: int, these=these, kind=kind) -> str:
                p = these[k]
                if kind == "pain_free":
                    return f"{_when(p.x)}\n" + _tr("%1 km without pain").replace("%1", _number(p.distance_km))
                text = _tr("Pain began at %1 km of %2 km (worst %3/10)").replace("%1", _number(p.km)) \
                    .replace("%2", _number(p.distance_km)).replace("%3", str(p.pain_during))
                return f"{_when(p.x)}\n{text}" + ("\n" + _tr("(estimated from the minute)")
                                                    if kind == "estimated" else "")
            self.add_points([p.x for p in these], [p.km for p in these], tip, colour, symbol,
                            size=14 if kind == "pain_free" else 11, hollow=hollow)
            self.legend_entry(name, colour, symbol, style=None, hollow=hollow)
        top = max(p.distance_km for p in pts)
        self.plot.getAxis("left").setTicks([integer_ticks(0, top * 1.1 + 0.5)])
        self.plot.setYRange(0, top * 1.1 + 0.5, padding=0)
        self.set_x_range(x_range)


class RunDistanceChart(HistoryChart):
    """Kilometres run each week, against the worst pain during that week."""

    legend_columns = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data = None
        super().__init__(_tr("Running per week, and its pain"), _tr("km per week"), parent)
        self.empty_text = _tr("No runs logged yet.")

    def show_data(self, weeks: tuple[rd.WeekOfRuns, ...], x_range) -> None:
        self._data = (weeks, x_range)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        weeks, x_range = self._data
        c = self.colours
        if not weeks:
            self.show_empty(x_range, (0, 10))
            return
        ok_colour, warn_colour = palette_for(c)[0], palette_for(c)[1]
        x = np.asarray([w.x for w in weeks])
        km = np.asarray([w.km for w in weeks])
        over = np.asarray([w.worst_pain is not None and w.worst_pain > rd.PAIN_LIMIT for w in weeks])
        styles = {False: dict(brush=pg.mkBrush(ok_colour), pen=pg.mkPen(ok_colour)),
                  True: dict(brush=QBrush(QColor(warn_colour), Qt.BrushStyle.BDiagPattern),
                             pen=pg.mkPen(warn_colour, width=2))}
        for flag, style in styles.items():
            mask = over == flag
            if mask.any():
                self.plot.addItem(pg.BarGraphItem(x=x[mask], height=np.maximum(km[mask], 0.05), width=5 * DAY,
                                                  **style))

        def tip(k: int) -> str:
            w = weeks[k]
            pain = "–" if w.worst_pain is None else f"{w.worst_pain}/10"
            return (_tr("Week of %1").replace("%1", w.monday.strftime("%a %d %b %Y")) + "\n"
                    + _tr("%1 km in %2 runs · worst pain %3").replace("%1", _number(w.km))
                    .replace("%2", str(w.runs)).replace("%3", pain))
        self.add_points(x, km, tip, c.text, "o", size=5)
        font = QFont()
        font.setPointSizeF(points(10.5))
        labels = [(w.x, w.km, _tr("pain %1").replace("%1", str(w.worst_pain))) for w in weeks
                  if w.worst_pain is not None and w.runs]
        if labels and len(weeks) <= 16:
            self.plot.addItem(PointLabels(labels, [QColor(c.text)] * len(labels), font, (0.5, 1)))
        self._entries.append(LegendEntry(_tr("Pain during ≤ %1").replace("%1", str(rd.PAIN_LIMIT)),
                                         styles[False]["pen"], box=styles[False]["brush"]))
        self._entries.append(LegendEntry(_tr("Pain during above %1").replace("%1", str(rd.PAIN_LIMIT)),
                                         styles[True]["pen"], box=styles[True]["brush"]))
        top = float(km.max()) * 1.2 + 1
        self.plot.getAxis("left").setTicks([integer_ticks(0, top)])
        self.plot.setYRange(0, top, padding=0)
        self.set_x_range(x_range)


class StageChart(HistoryChart):
    """The return-to-run stage each run was done at, as steps (up is further along)."""

    legend_columns = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        self._data = None
        super().__init__(_tr("Return-to-run stage"), _tr("Stage"), parent)
        self.empty_text = _tr("No runs of the walk-run program yet.")

    def show_data(self, stages: tuple[rd.StagePoint, ...], x_range) -> None:
        self._data = (stages, x_range)
        self.redraw()

    def draw(self) -> None:
        if self._data is None:
            return
        stages, x_range = self._data
        c = self.colours
        axis = self.plot.getAxis("left")
        axis.setTicks([[(s, str(s)) for s in range(1, LAST_STAGE + 1)]])
        if not stages:
            self.show_empty(x_range, (0.5, LAST_STAGE + 0.5))
            axis.setTicks([[(s, str(s)) for s in range(1, LAST_STAGE + 1)]])
            return
        colour = c.accent
        end = x_range[1] if x_range else None
        sx, sy = step_line([s.x for s in stages], [s.stage for s in stages], end)
        self.plot.addItem(pg.PlotCurveItem(sx, sy, pen=self.pen(colour, 3)))
        self.add_points([s.x for s in stages], [s.stage for s in stages],
                        lambda k: f"{_when(stages[k].x)}\n" + _tr("Stage %1 of %2").replace(
                            "%1", str(stages[k].stage)).replace("%2", str(LAST_STAGE)), colour, "s", size=10)
        self.legend_entry(_tr("Stage of each run"), colour, "s")
        self.plot.setYRange(0.5, LAST_STAGE + 0.5, padding=0)
        self.set_x_range(x_range)
