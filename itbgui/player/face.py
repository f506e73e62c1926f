"""The player's widgets: one fixed grid for every step, type sized from the window.

Kept apart from :mod:`.view` (which reads the engine and handles keys) so the layout rules
live in one place:

* Every line is a :class:`FitLabel`: it never asks for more width than the window has,
  and shrinks its type when a long "Next: ..." line needs it. The window never grows.
* The grid is the same in get-ready, work, hold, switch, rest: only texts change, so
  nothing moves between steps. The picture keeps its own slot (column 0, row 2).
* Type is a share of the player's height, times the Settings text scale; the counter
  column widens with the text scale, so Extra large makes the digits bigger too.
* A pause dims the whole counter and writes PAUSED over the digits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QScrollArea,
                               QSizePolicy, QStackedLayout, QVBoxLayout, QWidget)

from itbgui.ui.fit_label import FitLabel
from itbgui.store.records import NOTE_MAX_CHARS
from itbgui.ui.theme import Colours
from itbgui.player.pain_scale import PainScale
from itbgui.player.picture import ExercisePicture

CENTRE = Qt.AlignmentFlag.AlignHCenter
RIGHT = Qt.AlignmentFlag.AlignRight
#: How much the counter dims while paused (opacity of the digits and their words).
PAUSED_OPACITY = 0.28


def _fit(name: str, align=Qt.AlignmentFlag.AlignLeft, *, lines: int = 1, fill: bool = False,
         text: str = "", room_lines: float | None = None, min_lines: float | None = None,
         min_scale: float | None = None) -> FitLabel:
    label = FitLabel(text, lines=lines, fill=fill, align=align, room_lines=room_lines,
                     min_lines=min_lines, min_scale=min_scale)
    label.setObjectName(name)
    return label


def _scrolling(page: QWidget) -> QScrollArea:
    """A page that scrolls when the window is too short for it, rather than growing it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(page)
    area.viewport().setAutoFillBackground(False)
    page.setAutoFillBackground(False)
    return area


def build(view) -> None:
    """Make the player's pages and set them on ``view`` (the names the view and tests use)."""
    view._pages = QStackedLayout()
    view._pain_page = _scrolling(_pain_page(view))
    view._exercise_page = _exercise_page(view)
    view._summary_page = _scrolling(_summary_page(view))
    for page in (view._pain_page, view._exercise_page, view._summary_page):
        view._pages.addWidget(page)

    view._leave_bar = QFrame(objectName="leaveBar")
    bar = QHBoxLayout(view._leave_bar)
    view._leave_label = _fit("leaveText", lines=2, text=view.tr(
        "Leave this session? What you have done so far is kept.   Y: leave    Enter or Esc: carry on"))
    bar.addWidget(view._leave_label)
    view._leave_bar.hide()

    outer = QVBoxLayout(view)
    outer.setContentsMargins(28, 18, 28, 14)
    outer.addLayout(view._pages, 1)
    outer.addWidget(view._leave_bar)


def _pain_page(view) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.addStretch(1)
    view._pain_title = _fit("painTitle", CENTRE, lines=2)
    lay.addWidget(view._pain_title)
    view._pain_help = _fit("painHelp", CENTRE, lines=2, text=view.tr(
        "0 = no pain, 10 = the worst you can imagine. Score the sore side as it feels right now."))
    lay.addWidget(view._pain_help)
    lay.addSpacing(18)
    view.pain_scale = PainScale()
    view.pain_scale.changed.connect(lambda _v: view._refresh_pain_hint())
    lay.addWidget(view.pain_scale)
    lay.addSpacing(18)
    view.note_edit = QLineEdit()
    view.note_edit.setObjectName("noteEdit")
    view.note_edit.setMaxLength(NOTE_MAX_CHARS)
    view.note_edit.setPlaceholderText(view.tr("Optional note: how it went, anything unusual"))
    view.note_edit.setAccessibleName(view.tr("Session note"))
    view.note_edit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    view.note_edit.installEventFilter(view)
    lay.addWidget(view.note_edit)
    lay.addSpacing(12)
    view._pain_hint = _fit("painHint", CENTRE)
    lay.addWidget(view._pain_hint)
    lay.addStretch(2)
    return page


def _exercise_page(view) -> QWidget:
    page = QWidget()
    grid = QGridLayout(page)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(24)
    grid.setVerticalSpacing(6)
    view._grid = grid

    # Titles and the detail line wrap to two smaller lines in half a screen, not a taller row.
    view.title_label = _fit("exerciseTitle", lines=2, room_lines=1, min_scale=0.4)
    grid.addWidget(view.title_label, 0, 0)
    view.detail_label = _fit("detail", lines=2, room_lines=1, min_scale=0.4)
    grid.addWidget(view.detail_label, 1, 0)
    # The side has the counter's whole width: "RIGHT HIP STRETCH" at 48 px needs it, and
    # wraps to two smaller lines when the window is half the screen.
    view.side_label = FitLabel(lines=2, room_lines=1, min_scale=0.4, align=CENTRE)
    view.side_label.setObjectName("sideBadge")
    grid.addWidget(view.side_label, 0, 1)

    # The picture's slot: whatever ExercisePicture draws, it gets this cell and no say
    # over the column widths (its size hint would otherwise push the counter about).
    view.picture = ExercisePicture()
    view.picture.setAccessibleName(view.tr("Exercise picture"))
    view.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    grid.addWidget(view.picture, 2, 0)
    view.cue_label = _fit("cue", lines=4, room_lines=2.5, min_lines=1.2, min_scale=0.45)
    grid.addWidget(view.cue_label, 3, 0)
    view.log_label = _fit("log", lines=2)
    grid.addWidget(view.log_label, 4, 0)

    # The counter takes the whole right column under the header: the digits get the
    # height, and a larger text size (wider column, larger type) makes them larger.
    view.counter = QWidget(objectName="counter")
    counter = QVBoxLayout(view.counter)
    counter.setContentsMargins(0, 0, 0, 0)
    counter.setSpacing(0)
    view.status_label = _fit("status", CENTRE)
    view.big_label = _fit("big", CENTRE, fill=True)
    view.sub_label = _fit("sub", CENTRE)
    # One big word (Up, Hold, Step left); the rarer "Next: ..." line wraps to two smaller lines.
    view.phase_label = FitLabel(lines=2, room_lines=1.2, min_scale=0.35, align=CENTRE)
    view.phase_label.setObjectName("phase")
    counter.addWidget(view.status_label)
    counter.addWidget(view.big_label, 1)
    counter.addWidget(view.sub_label)
    counter.addWidget(view.phase_label)
    view.counter.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    grid.addWidget(view.counter, 1, 1, 4, 1)

    foot = QHBoxLayout()
    foot.setSpacing(20)
    view.progress = QProgressBar()
    view.progress.setRange(0, 1000)
    view.progress.setTextVisible(False)
    view.progress.setAccessibleName(view.tr("Session progress"))
    view.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    view.set_label = _fit("setLabel", lines=2, room_lines=1, min_scale=0.4)
    view.time_left_label = _fit("timeLeft", RIGHT)
    foot.addWidget(view.set_label, 2)
    foot.addWidget(view.progress, 3, Qt.AlignmentFlag.AlignVCenter)
    foot.addWidget(view.time_left_label, 2)
    grid.addLayout(foot, 5, 0, 1, 2)
    view.hint_label = _fit("hint", CENTRE)
    grid.addWidget(view.hint_label, 6, 0, 1, 2)
    grid.setRowStretch(2, 1)
    set_columns(view, 1.0, 1366)
    return page


#: Below this player width the picture's column gives way to the counter's.
NARROW = 1000


def set_columns(view, scale: float, width: int) -> None:
    """Picture : counter widths; a larger text size, or a narrow window, gives the counter
    (and its digits) more room: the picture is the first to give way."""
    picture = 11 if width >= NARROW else 8
    view._grid.setColumnStretch(0, picture)
    view._grid.setColumnStretch(1, round(9 * scale))


def _summary_page(view) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.addStretch(1)
    view.summary_title = _fit("summaryTitle", CENTRE)
    view.summary_stats = _fit("summaryStats", CENTRE)
    view.summary_lines = QLabel(objectName="summaryLines")
    view.summary_lines.setAlignment(CENTRE | Qt.AlignmentFlag.AlignVCenter)
    view.summary_lines.setTextFormat(Qt.TextFormat.RichText)
    view.summary_saved = _fit("summarySaved", CENTRE, lines=2)
    # after a flare: what the rule will do next time, and the warning signs
    view.summary_advice = _fit("summaryStats", CENTRE, lines=4)
    for w in (view.summary_title, view.summary_advice, view.summary_stats, view.summary_lines,
              view.summary_saved):
        lay.addWidget(w)
        lay.addSpacing(14)
    lay.addWidget(_fit("hint", CENTRE, text=view.tr("Enter: back to the start screen")))
    lay.addStretch(1)
    return page


#: The words read from the mat (px at Normal text): the step word, the phase and the side,
#: and the cue line. They keep these sizes down to a player FULL_SIZE_HEIGHT high; the
#: picture and the small print (shares of the height) give way first.
WORD_PX = 48
CUE_PX = 32
FULL_SIZE_HEIGHT = 520


def style(c: Colours, height: int, k: float) -> str:
    """The player's style sheet for a player ``height`` px high at text scale ``k``."""
    h = max(height, 360)
    held = min(1.0, h / FULL_SIZE_HEIGHT)

    def size(share: float, scaled: bool = True) -> str:
        return f"{max(12, int(h * share * (k if scaled else 1)))}px"

    def fixed(px: float, scaled: bool = True) -> str:
        return f"{max(12, int(px * held * (k if scaled else 1)))}px"

    return f"""
        QLabel {{ color: {c.text}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
        #exerciseTitle {{ font-size: {size(0.058, False)}; font-weight: 700; }}
        #detail, #setLabel, #timeLeft {{ font-size: {size(0.032)}; color: {c.muted}; }}
        #setLabel {{ color: {c.text}; font-weight: 600; }}
        #sideBadge {{ font-size: {fixed(WORD_PX, False)}; font-weight: 800; color: {c.accent}; }}
        #status {{ font-size: {fixed(WORD_PX, False)}; font-weight: 700; color: {c.accent}; }}
        #big {{ font-size: {size(0.6)}; font-weight: 800; }}
        #sub {{ font-size: {size(0.034)}; color: {c.muted}; }}
        #phase {{ font-size: {fixed(WORD_PX, False)}; font-weight: 700; }}
        #cue {{ font-size: {fixed(CUE_PX)}; }}
        #log {{ font-size: {size(0.026)}; color: {c.muted}; }}
        #hint {{ font-size: {size(0.022)}; color: {c.muted}; }}
        #painTitle, #summaryTitle {{ font-size: {size(0.055, False)}; font-weight: 700; }}
        #painHelp, #summaryStats, #painHint {{ font-size: {size(0.032)}; color: {c.muted}; }}
        #summaryLines {{ font-size: {size(0.032)}; }}
        #summarySaved {{ font-size: {size(0.028)}; }}
        #noteEdit {{ font-size: {size(0.03)}; padding: 8px; border: 2px solid {c.muted};
                     border-radius: 8px; background: {c.base}; color: {c.text}; }}
        #noteEdit:focus {{ border-color: {c.accent}; }}
        #leaveBar {{ background: {c.warn}; border-radius: 10px; }}
        #leaveText {{ color: {c.base}; font-size: {size(0.032, False)}; font-weight: 700; }}
        QProgressBar {{ background: {c.base}; border: 1px solid {c.muted}; border-radius: 6px;
                        min-height: 14px; max-height: 14px; }}
        QProgressBar::chunk {{ background: {c.accent}; border-radius: 5px; }}
    """


def show_paused(view, paused: bool, c: Colours) -> None:
    """Dim the whole counter, and write PAUSED large over the digits, while paused."""
    level = PAUSED_OPACITY if paused else 1.0
    for label in (view.status_label, view.sub_label, view.phase_label):
        label.set_dimmed(level)
    view.big_label.set_dimmed(level, view.tr("PAUSED") if paused else "", QColor(c.warn))


def fill_summary(view, s, texts: tuple[str, str]) -> None:
    """The summary page: the verdict, the numbers and one line per exercise."""
    title, advice = texts
    view.summary_title.setText(title)
    view.summary_advice.setText(advice)
    view.summary_advice.setVisible(bool(advice))
    pain = ""
    if s.pain_before is not None:
        after = "–" if s.pain_after is None else str(s.pain_after)
        pain = view.tr("   ·   pain %1 → %2").replace("%1", str(s.pain_before)).replace("%2", after)
    if s.pain_during is not None:
        pain += view.tr("   ·   worst during %1").replace("%1", str(s.pain_during))
    view.summary_stats.setText(
        view.tr("%1 min %2 s   ·   %3 sets   ·   %4 reps").replace("%1", str(s.minutes))
        .replace("%2", f"{s.seconds:02d}").replace("%3", str(s.sets_done))
        .replace("%4", str(s.reps_done)) + pain)
    short = " &nbsp;" + view.tr("(short of target)")
    rows = "".join(
        f"<tr><td style='padding:2px 24px 2px 0'><b>{line.name}</b></td>"
        f"<td>{line.detail}{short if line.short else ''}</td></tr>"
        for line in s.lines)
    view.summary_lines.setText(f"<table align='center'>{rows}</table>" if rows
                               else view.tr("No sets were done."))
