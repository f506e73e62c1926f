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

from ..fit_label import FitLabel
from ..store.records import NOTE_MAX_CHARS
from ..theme import Colours
from .pain_scale import PainScale
from .picture import ExercisePicture

CENTRE = Qt.AlignmentFlag.AlignHCenter
RIGHT = Qt.AlignmentFlag.AlignRight
#: How much the counter dims while paused (opacity of the digits and their words).
PAUSED_OPACITY = 0.28


def _fit(name: str, align=Qt.AlignmentFlag.AlignLeft, *, lines: int = 1, fill: bool = False,
         text: str = "") -> FitLabel:
    label = FitLabel(text, lines=lines, fill=fill, align=align)
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
        "Leave this session? What you have done so far is kept.   Enter: leave    Esc: carry on"))
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

    view.title_label = _fit("exerciseTitle")
    grid.addWidget(view.title_label, 0, 0)
    view.detail_label = _fit("detail")
    grid.addWidget(view.detail_label, 1, 0)
    view.side_label = _fit("sideBadge", CENTRE)
    view.set_label = _fit("setLabel", RIGHT)
    head = QHBoxLayout()
    head.setSpacing(16)
    head.addWidget(view.side_label, 2)
    head.addWidget(view.set_label, 3)
    grid.addLayout(head, 0, 1)

    # The picture's slot: whatever ExercisePicture draws, it gets this cell and no say
    # over the column widths (its size hint would otherwise push the counter about).
    view.picture = ExercisePicture()
    view.picture.setAccessibleName(view.tr("Exercise picture"))
    view.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    grid.addWidget(view.picture, 2, 0)
    view.cue_label = _fit("cue", lines=3)
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
    view.phase_label = _fit("phase", CENTRE, lines=2)
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
    view.time_left_label = _fit("timeLeft", RIGHT)
    foot.addWidget(view.progress, 4, Qt.AlignmentFlag.AlignVCenter)
    foot.addWidget(view.time_left_label, 1)
    grid.addLayout(foot, 5, 0, 1, 2)
    view.hint_label = _fit("hint", CENTRE)
    grid.addWidget(view.hint_label, 6, 0, 1, 2)
    grid.setRowStretch(2, 1)
    set_columns(view, 1.0)
    return page


def set_columns(view, scale: float) -> None:
    """Picture : counter widths; a larger text size gives the counter (and its digits) more room."""
    view._grid.setColumnStretch(0, 11)
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


def style(c: Colours, height: int, k: float) -> str:
    """The player's style sheet for a player ``height`` px high at text scale ``k``."""
    h = max(height, 360)

    def size(share: float, scaled: bool = True) -> str:
        return f"{max(12, int(h * share * (k if scaled else 1)))}px"

    return f"""
        QLabel {{ color: {c.text}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}
        #exerciseTitle {{ font-size: {size(0.058, False)}; font-weight: 700; }}
        #detail, #setLabel, #timeLeft {{ font-size: {size(0.032)}; color: {c.muted}; }}
        #setLabel {{ color: {c.text}; font-weight: 600; }}
        #sideBadge {{ font-size: {size(0.036, False)}; font-weight: 800; color: {c.accent}; }}
        #status {{ font-size: {size(0.045)}; font-weight: 700; color: {c.accent}; }}
        #big {{ font-size: {size(0.34)}; font-weight: 800; }}
        #sub {{ font-size: {size(0.034)}; color: {c.muted}; }}
        #phase {{ font-size: {size(0.042, False)}; font-weight: 700; }}
        #cue {{ font-size: {size(0.034)}; }}
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
    for label in (view.sub_label, view.phase_label):
        label.set_dimmed(level)
    view.big_label.set_dimmed(level, view.tr("PAUSED") if paused else "", QColor(c.warn))
