"""The player's pain page: the score before the session, and at the end the questions of
:mod:`.summary_questions` (worst pain during, pain now, warning signs), all by keys.

A mixin of :class:`~itbgui.player.view.PlayerView`: it reads the view's engine, scale, note
and title widgets, and hands answers back through ``_handle``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from itbgui.player.summary_questions import DURING
from itbgui.player.words import LEAVE_HINTS, translate
from itbgui.program.timeline import StepKind


class PainPage:
    """The pain page's drawing and keys (mixed into PlayerView)."""

    def _show_pain(self, kind: StepKind) -> None:
        if self._pain_page_kind is not kind:
            self._pain_page_kind = kind
            self._pages.setCurrentWidget(self._pain_page)
            self.questions.stage = DURING
            self._show_question()
        self._refresh_pain_hint()

    def _show_question(self) -> None:
        before = self.engine.step.kind is StepKind.PAIN_BEFORE
        flag = not before and self.questions.flag
        self.pain_scale.set_value(self.engine.pain_before if before else self.questions.scale_value())
        self.pain_scale.setVisible(not flag)
        self.note_edit.setVisible(not before and not flag)
        self._pain_title.setText(self.tr("Before you start: how much does it hurt right now?") if before
                                 else self.questions.title(self.engine.ended_early))
        self._pain_help.setText(self.tr("0 = no pain, 10 = the worst you can imagine. Score the sore "
                                        "side as it feels right now.") if before else self.questions.help())
        self.setFocus()
        self._refresh_pain_hint()

    def _refresh_pain_hint(self) -> None:
        before = self.engine.step.kind is StepKind.PAIN_BEFORE
        value = self.pain_scale.value()
        if value is None and (before or not self.questions.flag):
            text = self.tr("Type a number 0-10 (or use ↑ ↓)")
        elif self._confirming_leave:
            text = translate(LEAVE_HINTS)
        elif before:
            text = self.tr("Enter or Space: start the session    Esc: leave")
        else:
            text = self.questions.hint(True)
        self._pain_hint.setText(text)

    def _pain_key(self, event: QKeyEvent) -> bool:
        """Digits and arrows score pain; after the session, other typing starts the note."""
        key, text = event.key(), event.text()
        before = self.engine.step.kind is StepKind.PAIN_BEFORE
        if not before and self.questions.flag:   # a warning sign: Y or N, nothing else
            if key in (Qt.Key.Key_Y, Qt.Key.Key_N):
                self._answered(self.questions.answer_flag(key == Qt.Key.Key_Y))
            elif key == Qt.Key.Key_Left and self.questions.back():
                self._show_question()
            return True
        if text.isdigit() and len(text) == 1:
            self.pain_scale.type_digit(text)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.pain_scale.step(+1 if key == Qt.Key.Key_Up else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right) or (
                before and key == Qt.Key.Key_Space):
            self._confirm_pain()
        elif key == Qt.Key.Key_Left and not before:
            if self.questions.back():
                self._show_question()
            else:
                self._handle(self.engine.previous())
        elif not before and text.strip() and text.isprintable():
            self.note_edit.setFocus()
            self.note_edit.insert(text)
        else:
            return False
        return True

    def _confirm_pain(self) -> None:
        value = self.pain_scale.value()
        if value is None and self._stopped_early_question():
            self._skip_pain_after()     # Enter skips it too (README)
            return
        if value is None:
            self._pain_hint.setText("Pick a number first: type 0-10 or use ↑ ↓")
            return
        if self.engine.step.kind is StepKind.PAIN_BEFORE:
            self.engine.set_pain_before(value)
        else:
            self.engine.note = self.note_edit.text().strip()
            return self._answered(self.questions.answer(value))
        self.setFocus()
        self._handle(self.engine.next())

    def _answered(self, done: bool) -> None:
        """After an end-of-session answer: the next question, or the summary."""
        if not done:
            return self._show_question()
        self.setFocus()
        self._handle(self.engine.next())
