"""The printable week: one page for the fridge, painted with QPainter on any paged device.

The same :func:`render_week_sheet` draws into a QPdfWriter (Save as PDF, the
``plan-pdf`` command) and a QPrinter (print preview, the print dialog), so what is
previewed is what is printed. Black on white, big type, no widgets.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice,
                           QPainter, QPdfWriter, QPen)

from itbgui.figures.catalogue import motion
from itbgui.figures.paint import PRINT, paint_figure
from itbgui.program.exercises import Kind
from itbgui.program.plan import template_focus
from itbgui.program.plan_setup import WEEKDAY_NAMES
from itbgui.program.week import SheetDay, SheetSession, WeekSheet, build_week_sheet  # noqa: F401 (re-exported)

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 12.0
PDF_RESOLUTION = 600
INK = QColor("#000000")
GREY = QColor("#555555")
RULE = QColor("#9a9a9a")


#: Millimetres for each of a row's two pictures and the arrow between them.
PICTURE_W, ARROW_W = 24.0, 3.5


def tr(text: str) -> str:
    return QCoreApplication.translate("WeekSheet", text)


# ------------------------------------------------------------------ painting


def configure_page(device: QPagedPaintDevice, page_size: str = "A4") -> None:
    """Portrait A4 or Letter with the sheet's margins (call before painting)."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    device.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))


def write_week_pdf(path: Path | str, sheet: WeekSheet, page_size: str = "A4") -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"ITB Coach · {sheet.week_label}")
    writer.setCreator("ITB Coach")
    configure_page(writer, page_size)
    render_week_sheet(writer, sheet)


def render_week_sheet(device: QPagedPaintDevice, sheet: WeekSheet) -> list[tuple[str, str]]:
    """Paint the week on one page of ``device`` (its page layout is used as set); returns
    each line of text as asked and as drawn."""
    painter = QPainter(device)
    try:
        sheet_painter = _SheetPainter(painter, device)
        sheet_painter.paint(sheet)
    finally:
        painter.end()
    return sheet_painter.lines


class _SheetPainter:
    """Lays the week out in millimetres on the device's paintable area."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.p = painter
        self.lines: list[tuple[str, str]] = []   # (text, as drawn): tests check none was cut
        self.px_per_mm = device.logicalDpiY() / 25.4
        self.width = device.width() / self.px_per_mm
        self.height = device.height() / self.px_per_mm
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    # -- helpers in millimetres
    def mm(self, value: float) -> float:
        return value * self.px_per_mm

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setFamilies(["DejaVu Sans", "Arial", "Helvetica"])
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(self, x, y, w, h, text, points, bold=False, colour=INK,
             align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
        """One line in its box, never cut: a line too wide is set smaller (down to three
        quarters of its size, 7 pt at least), then shortened with "…". Right-aligned text
        used to lose its first letters ("eg lifts, ..."). Wrapped text is left to Qt."""
        wraps = bool(int(align) & int(Qt.TextFlag.TextWordWrap))
        drawn = text
        if not wraps:
            points = self.fitting_points(text, w, points, bold, floor=max(7.0, points * 0.75))
            metrics = QFontMetricsF(self.font(points, bold), self.p.device())
            if metrics.horizontalAdvance(text) > self.mm(w):
                drawn = metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.mm(w))
        self.lines.append((text, drawn))
        self.p.setFont(self.font(points, bold))
        self.p.setPen(colour)
        self.p.drawText(self.rect(x, y, w, h), int(align), drawn)

    def fitting_points(self, text: str, width_mm: float, points: float, bold=False, floor=7.0) -> float:
        """The largest size up to ``points`` at which ``text`` fits ``width_mm`` on one line."""
        while points > floor:
            if QFontMetricsF(self.font(points, bold), self.p.device()).horizontalAdvance(text) \
                    <= self.mm(width_mm):
                break
            points -= 0.5
        return points

    def line(self, x1, y1, x2, y2, colour=RULE, width_mm=0.3) -> None:
        self.p.setPen(QPen(colour, self.mm(width_mm)))
        self.p.drawLine(self.rect(x1, y1, 0, 0).topLeft(), self.rect(x2, y2, 0, 0).topLeft())

    def box(self, x, y, size) -> None:
        self.p.setPen(QPen(INK, self.mm(0.35)))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRoundedRect(self.rect(x, y, size, size), self.mm(0.6), self.mm(0.6))

    # -- the page
    def paint(self, sheet: WeekSheet) -> None:
        y = self.header(sheet)
        footer_h = 14.0
        body = self.height - y - footer_h
        rest_h, session_head, pain_h, gap = 7.5, 8.5, 9.0, 2.5
        rows = sum(len(d.session.prescription.items) for d in sheet.days if d.session and not d.missed)
        fixed = sum(rest_h if d.session is None or d.missed else session_head + pain_h + gap for d in sheet.days)
        row_h = min(19.0, max(10.0, (body - fixed) / rows)) if rows else 0
        if sheet.week < 1:
            start = sheet.setup.start_date
            starts = tr("Your plan starts on %1.").replace(
                "%1", f"{WEEKDAY_NAMES[start.weekday()]} {start.day} {start:%B %Y}")
            self.text(0, y, self.width, 10, starts, 14, bold=True)
            y += 12
        for day in sheet.days:
            if day.session is None or day.missed:
                y = self.rest_day(day, y, rest_h)
            else:
                y = self.session_day(day, y, row_h, session_head, pain_h) + gap
        self.notes(y + 4, self.height - footer_h - 2)
        self.footer(sheet, self.height - footer_h + 2)

    def notes(self, top: float, bottom: float) -> None:
        """Ruled lines for notes in whatever space a light week leaves."""
        if bottom - top < 25:
            return
        self.text(0, top, self.width, 7, tr("Notes"), 12, bold=True, colour=GREY)
        y = top + 16
        while y <= bottom:
            self.line(0, y, self.width, y)
            y += 9

    def header(self, sheet: WeekSheet) -> float:
        sunday = sheet.monday + dt.timedelta(days=6)
        self.text(0, 0, self.width, 11, sheet.week_label, 22, bold=True)
        span = f"{sheet.monday.day} {sheet.monday:%B} – {sunday.day} {sunday:%B %Y}" \
            if sheet.monday.month != sunday.month else f"{sheet.monday.day}–{sunday.day} {sunday:%B %Y}"
        self.text(0, 0, self.width, 11, span, 15, bold=True,
                  align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        setup = sheet.setup
        first = {"left": tr("left side first"), "right": tr("right side first"),
                 "both": tr("both sides, taking turns first")}[setup.sore_side]
        count = len(sheet.sessions)
        sessions = tr("1 session") if count == 1 else tr("%1 sessions").replace("%1", str(count))
        summary = f"ITB Coach · {sessions} · {first} · " + tr("slow, controlled reps") + " · " \
                  + tr("tick a box after each set")
        self.text(0, 11, self.width, 7, summary, self.fitting_points(summary, self.width, 11), colour=GREY)
        y = 18.5
        if sheet.decision is not None:
            action = {"progress": tr("progress"), "hold": tr("hold"),
                      "step_back": tr("step back")}[sheet.decision.effective_action]
            note = f"{tr('This week')}: {action}. {sheet.decision.stated_reason}"
            if sheet.decision.phase != "build":
                from itbgui.program.clinical_state import phase_words

                note = f"{tr(phase_words(sheet.decision.phase))}. {note}"
            if sheet.decision.see_clinician:
                note += " " + tr("Please see a physiotherapist or doctor.")
            # Up to two lines at a readable size; shrink only if even that is not enough.
            points = self.fitting_points(note, self.width * 1.9, 11)
            self.text(0, y + 0.5, self.width, 10, note, points,
                      align=int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                      | int(Qt.TextFlag.TextWordWrap))
            y += 10.5
        self.line(0, y + 1, self.width, y + 1, INK, 0.5)
        return y + 2.5

    def rest_day(self, day: SheetDay, y: float, h: float) -> float:
        self.text(0, y, 60, h, f"{WEEKDAY_NAMES[day.date.weekday()]} {day.date.day}", 12, bold=True,
                  colour=GREY)
        label = tr("Run day · no strength session") if day.running else tr("Rest day")
        if day.missed:
            label = tr("Session missed: not done on the day")
        if day.run is not None:
            label = tr("Run day") + " · " + tr(day.run.words)
            if day.run.runs_done:
                label += " · " + (tr("run logged") if len(day.run.runs_done) == 1
                                  else tr("%1 runs logged").replace("%1", str(len(day.run.runs_done))))
        self.text(60, y, self.width - 60, h, label, self.fitting_points(label, self.width - 60, 12),
                  colour=GREY)
        self.line(0, y + h, self.width, y + h)
        return y + h

    def session_day(self, day: SheetDay, y: float, row_h: float, head_h: float, pain_h: float) -> float:
        session = day.session
        title = f"{WEEKDAY_NAMES[day.date.weekday()]} {day.date.day}"
        self.text(0, y, 60, head_h, title, 14, bold=True)
        focus = template_focus(session.template)
        detail = f"{focus} · {tr('about %1 min').replace('%1', str(session.estimated_minutes))}"
        if session.after_light_run:
            detail += " · " + tr("after a light run")
        self.text(60, y, self.width - 60, head_h, detail, 11.5, colour=INK,
                  align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        y += head_h
        self.line(0, y, self.width, y, INK, 0.4)
        sides = session.prescription.side_order
        for item in session.prescription.items:
            self.exercise_row(item, y, row_h, sides)
            y += row_h
            self.line(0, y, self.width, y)
        self.pain_line(y, pain_h)
        y += pain_h
        self.line(0, y, self.width, y, INK, 0.5)
        return y

    def exercise_row(self, item, y: float, h: float, sides: tuple[str, str]) -> None:
        ex = item.exercise
        # The rung's start and end positions, the full height of the row, an arrow between.
        figure = motion(ex.id, ex.step(item.resolved_step_index).name)
        for x, pose in ((0.0, figure.start), (PICTURE_W + ARROW_W, figure.end)):
            paint_figure(self.p, self.rect(x, y + 0.4, PICTURE_W, h - 0.8), figure, pose, PRINT)
        self.text(PICTURE_W, y, ARROW_W, h, "→", 11, colour=GREY,
                  align=Qt.AlignmentFlag.AlignCenter)
        x_name = 2 * PICTURE_W + ARROW_W + 2.5
        w_name = self.width * 0.37 + 33.0 - x_name - 3   # a clear gap before the dose column
        name_pts = self.fitting_points(ex.name, w_name, 13, bold=True)
        self.text(x_name, y + 0.6, w_name, h / 2, ex.name, name_pts, bold=True,
                  align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        resistance = item.resistance
        self.text(x_name, y + h / 2 + 0.2, w_name, h / 2 - 0.8, resistance,
                  self.fitting_points(resistance, w_name, 10.5),
                  align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        x_dose = x_name + w_name + 5
        w_dose = self.width * 0.265
        dose = item.dose_label()
        self.text(x_dose, y + 0.6, w_dose, h / 2, dose, self.fitting_points(dose, w_dose, 12.5, bold=True),
                  bold=True, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        if ex.kind is Kind.HOLD:
            how = tr("hold, breathe slowly")
        else:
            how = f"{tr('tempo')} {item.tempo.label()} s"
        self.text(x_dose, y + h / 2 + 0.2, w_dose, h / 2 - 0.8, how, 10.5,
                  align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.tick_boxes(item, self.width - 5 - 3 * 6.8, y, h, sides)

    def tick_boxes(self, item, x: float, y: float, h: float, sides: tuple[str, str]) -> None:
        sets = 1 if item.exercise.kind is Kind.HOLD else item.sets
        lines = [s[0].upper() for s in sides] if item.per_side else [""]
        size = min(4.8, (h - 2) / len(lines) - 1.2)
        step = size + 2.0
        top = y + (h - len(lines) * (size + 1.2)) / 2
        for row, letter in enumerate(lines):
            ly = top + row * (size + 1.2)
            if letter:
                self.text(x, ly, 4, size, letter, 10, bold=True)
            for n in range(sets):
                self.box(x + 5 + n * step, ly, size)

    def pain_line(self, y: float, h: float) -> None:
        """The session's pain diary: before, the worst during (the rule's main trigger) and
        after, each out of 10, then the next morning; set smaller where the page is narrow."""
        scores = (tr("Pain before"), tr("worst during"), tr("after"))
        morning, answers = tr("Next morning"), (tr("better"), tr("same"), tr("worse"))
        blank, out_of, box = 10.0, 6.5, 4.0
        device = self.p.device()

        def width(text: str, points: float, bold: bool) -> float:
            return QFontMetricsF(self.font(points, bold), device).horizontalAdvance(text) / self.px_per_mm

        points = 11.0
        while points > 8.0:
            need = sum(width(s, points, True) + 1.5 + blank + out_of + 3 for s in scores) \
                + width(morning, points, True) + 2.5 + sum(box + 1.5 + width(a, points, False) + 3 for a in answers)
            if need <= self.width - 2:
                break
            points -= 0.5
        x = 2.0
        for label in scores:
            self.text(x, y, 40, h, label, points, bold=True)
            x += width(label, points, True) + 1.5
            self.line(x, y + h - 2.2, x + blank, y + h - 2.2, INK, 0.3)
            self.text(x + blank + 0.5, y, out_of, h, "/10", points)
            x += blank + out_of + 3
        self.text(x, y, 40, h, morning, points, bold=True)
        x += width(morning, points, True) + 2.5
        for word in answers:
            self.box(x, y + (h - box) / 2, box)
            self.text(x + box + 1.5, y, width(word, points, False) + 1, h, word, points)
            x += box + 1.5 + width(word, points, False) + 3

    def footer(self, sheet: WeekSheet, y: float) -> None:
        scale = tr("Pain 0-10: 0 none · 1-3 mild · 4-6 moderate · 7-10 severe. Up to 5 during a session "
                   "is fine if it has settled by the next morning.")
        flags = tr("See a clinician if the knee is hot, red or swollen, you cannot bear weight, it locks, "
                   "or pain is constant, wakes you at night or comes with numbness.")
        self.text(0, y, self.width, 5, scale, self.fitting_points(scale, self.width, 9), colour=GREY)
        self.text(0, y + 5, self.width, 5, flags, self.fitting_points(flags, self.width, 9), colour=GREY)


def save_pdf(out: Path, write) -> None:
    """Let ``write(path)`` make the PDF under a temporary name beside ``out``, check it,
    then put it in place; any failure is an OSError with the reason (QPdfWriter itself
    fails silently, and an older file at ``out`` must not pass for the new one)."""
    if os.path.islink(out):
        out = Path(os.path.realpath(out))
    if out.is_dir():
        raise IsADirectoryError(errno.EISDIR, "that is a folder")
    if out.exists() and not os.access(out, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    os.close(fd)
    try:
        write(Path(tmp))
        if os.path.getsize(tmp) == 0:
            raise OSError(errno.EIO, "the PDF came out empty")
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
