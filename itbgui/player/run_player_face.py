"""The run player's widgets and style: read from a treadmill a metre or two away.

Three pages: the interval (RUN or WALK, a huge countdown, the time left overall), the
questions after it (pain during, where it began, pain now, the distance), and the end.
Every line is a FitLabel, so no text widens the window; type is a share of the player's
height times the Settings text scale, as in the hip player (face.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLineEdit, QProgressBar, QSizePolicy, QStackedLayout,
                               QVBoxLayout, QWidget)

from itbgui.player.pain_scale import PainScale
from itbgui.ui.fit_label import FitLabel
from itbgui.ui.theme import Colours

CENTRE = Qt.AlignmentFlag.AlignHCenter


def _fit(name: str, *, lines: int = 1, fill: bool = False, text: str = "") -> FitLabel:
    label = FitLabel(text, lines=lines, fill=fill, align=CENTRE)
    label.setObjectName(name)
    return label


def build(view) -> None:
    """Make the pages and put their parts on ``view`` under the names the view and tests use."""
    view._pages = QStackedLayout()
    view.interval_page = _interval_page(view)
    view.question_page = _question_page(view)
    view.done_page = _done_page(view)
    for page in (view.interval_page, view.question_page, view.done_page):
        view._pages.addWidget(page)
    view.leave_bar = QFrame(objectName="leaveBar")
    bar = QHBoxLayout(view.leave_bar)
    view.leave_label = _fit("leaveText", lines=2)
    bar.addWidget(view.leave_label)
    view.leave_bar.hide()
    outer = QVBoxLayout(view)
    outer.setContentsMargins(28, 18, 28, 14)
    outer.addLayout(view._pages, 1)
    outer.addWidget(view.leave_bar)


def _interval_page(view) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.setContentsMargins(0, 0, 0, 0)
    view.stage_label = _fit("runStage")
    view.kind_label = _fit("runKind")
    view.count_label = _fit("runCount", fill=True)
    view.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    view.next_label = _fit("runNext")
    view.progress = QProgressBar(textVisible=False)
    view.progress.setRange(0, 1000)
    view.left_label = _fit("runLeft")
    view.notice_label = _fit("runNotice", lines=2)
    view.hint_label = _fit("runHint")
    lay.addWidget(view.stage_label)
    lay.addWidget(view.kind_label)
    lay.addWidget(view.count_label, 1)
    lay.addWidget(view.next_label)
    lay.addWidget(view.progress)
    lay.addWidget(view.left_label)
    lay.addWidget(view.notice_label)
    lay.addWidget(view.hint_label)
    return page


def _question_page(view) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.addStretch(1)
    view.question_title = _fit("questionTitle", lines=2)
    view.question_help = _fit("questionHelp", lines=2)
    view.pain_scale = PainScale()
    view.answer_edit = QLineEdit(objectName="answerEdit")
    view.answer_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
    view.answer_edit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    view.answer_edit.setMaxLength(6)
    view.answer_edit.installEventFilter(view)
    view.question_error = _fit("questionError", lines=2)
    view.question_hint = _fit("questionHint")
    for widget in (view.question_title, view.question_help, view.pain_scale, view.answer_edit,
                   view.question_error, view.question_hint):
        lay.addWidget(widget)
    lay.addStretch(2)
    return page


def _done_page(view) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.addStretch(1)
    view.done_title = _fit("doneTitle", lines=2)
    view.done_stats = _fit("doneStats", lines=2)
    view.done_saved = _fit("doneSaved", lines=2)
    view.done_hint = _fit("questionHint")
    for widget in (view.done_title, view.done_stats, view.done_saved, view.done_hint):
        lay.addWidget(widget)
    lay.addStretch(2)
    return page


def style(c: Colours, height: int, k: float, running: bool) -> str:
    """The style sheet for a player ``height`` px high at text scale ``k``; the word and the
    digits take the run's colour (accent) or the walk's (muted text), never colour alone."""
    h = max(height, 360)

    def size(share: float, scaled: bool = True) -> str:
        return f"{max(12, int(h * share * (k if scaled else 1)))}px"

    kind_colour = c.accent if running else c.text
    return f"""
        QLabel {{ color: {c.text}; }}
        #runStage {{ font-size: {size(0.032)}; color: {c.muted}; }}
        #runKind {{ font-size: {size(0.11, False)}; font-weight: 800; color: {kind_colour}; }}
        #runCount {{ font-size: {size(0.42, False)}; font-weight: 800; }}
        #runNext, #runLeft {{ font-size: {size(0.04)}; }}
        #runLeft {{ font-weight: 700; }}
        #runNotice {{ font-size: {size(0.03)}; color: {c.warn}; }}
        #runHint, #questionHint {{ font-size: {size(0.026)}; color: {c.muted}; }}
        #questionTitle, #doneTitle {{ font-size: {size(0.055, False)}; font-weight: 700; }}
        #questionHelp, #doneStats, #doneSaved {{ font-size: {size(0.032)}; color: {c.muted}; }}
        #doneStats {{ color: {c.text}; }}
        #questionError {{ font-size: {size(0.03)}; color: {c.warn}; font-weight: 700; }}
        #answerEdit {{ font-size: {size(0.06)}; padding: 6px; border: 2px solid {c.muted};
                       border-radius: 8px; background: {c.base}; color: {c.text}; }}
        #answerEdit:focus {{ border-color: {c.accent}; }}
        #leaveBar {{ background: {c.warn}; border-radius: 10px; }}
        #leaveText {{ color: {c.base}; font-size: {size(0.032, False)}; font-weight: 700; }}
        QProgressBar {{ background: {c.base}; border: 1px solid {c.muted}; border-radius: 6px;
                        min-height: 14px; max-height: 14px; }}
        QProgressBar::chunk {{ background: {c.accent}; border-radius: 5px; }}
    """
