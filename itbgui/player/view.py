"""The follow-along player: a thin Qt face on :class:`SessionEngine`.

It reads the engine, draws it big enough for 2 m, plays the cues, saves after every set
and keeps the screen awake. All timing decisions live in the engine; this widget only
asks it when to look again.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from itbgui.core.clock import Clock
from itbgui.program.exercises import exercise
from itbgui.program.timeline import Phase, StepKind, Timeline
from itbgui.store.records import SessionRecord
from itbgui.ui.theme import colours
from itbgui.player.cues import cue_for, set_label, side_label
from itbgui.player import face
from itbgui.core.engine import EngineState, EventKind, SessionEngine
from itbgui.player.screensaver import NullInhibitor, ScreenSaverInhibitor, should_keep_awake
from itbgui.player.sound import CuePlayer
from itbgui.player.stall_watch import StallWatch
from itbgui.player.writer import SessionWriter
from itbgui.player.summary import summarise, verdict
from itbgui.player.summary_pain_page import PainPage
from itbgui.player.summary_questions import EndQuestions
from itbgui.player.summary_text import verdict_texts
from itbgui.player.words import (CLOSE_HINTS, KEY_HINTS, LEAVE_HINTS, PAUSED_HINTS, PHASE_WORDS, STATUS_WORDS, STEP_PAUSE,
                                 STEP_WORDS, counter_text, time_left_text, translate)

#: A cue more than this late (the loop was busy) is dropped rather than sounded out of step.
STALE_CUE_SECONDS = 0.35
#: A sound notice stays on the player this long (the person may be lying down, facing away).
SOUND_NOTICE_SECONDS = 15.0
#: The display never goes longer than this without a fresh look at the engine.
MAX_REFRESH_SECONDS = 0.25

class PlayerView(PainPage, QWidget):
    """One session, from the pain question to the summary."""

    closed = Signal()                 # the person is done with the summary
    #: the window's close was asked about and the person chose to close: the session is kept
    close_confirmed = Signal()
    sound_toggle_requested = Signal()
    fullscreen_toggle_requested = Signal()
    #: the I key: the engine is paused; show this exercise's card (the window returns here)
    library_requested = Signal(str)

    def __init__(self, timeline: Timeline, clock: Clock, writer: SessionWriter, cue_player: CuePlayer,
                 inhibitor: ScreenSaverInhibitor | None = None,
                 parent: QWidget | None = None, *,
                 resume: tuple[SessionRecord, int] | None = None) -> None:
        super().__init__(parent)
        self.engine = SessionEngine(timeline, clock)
        self.questions = EndQuestions(self.engine)   # during, after, then warning signs
        if resume is not None:   # a session left early today: the same record, carried on
            self.engine.continue_from(*resume)
        self.clock = clock
        self.writer = writer
        self.cue_player = cue_player
        self.inhibitor = inhibitor or NullInhibitor()
        self.save_error: str | None = None
        self.saved_once = False
        self._notice = ""
        self._sound_notice: tuple[str, float] | None = None   # (text, shown until, monotonic)
        self._confirming_leave = False
        self._closing = False      # the question on screen is the window's close, not Esc's
        self._resume_after_confirm = False
        self._pain_page_kind: StepKind | None = None  # which question the pain page shows
        self._text_scale = 1.0   # Settings' text size
        self._styled_height = 0
        self._styled_narrow = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._timer_fired)
        self.stall_watch = StallWatch(clock.monotonic)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Session player"))
        self._build()
        self._handle(self.engine.start())

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        face.build(self)
        self._esc_question = self._leave_label.text()
        self._apply_style()

    @property
    def text_scale(self) -> float:
        return self._text_scale

    def set_text_scale(self, scale: float) -> None:
        """Text size from Settings (1.0-1.5): the small print grows, and the counter's column and digits."""
        self._text_scale = scale
        self.pain_scale.set_text_scale(scale)
        self._apply_style()

    def _apply_style(self) -> None:
        self._styled_height = self.height()
        self._styled_narrow = self.width() < face.NARROW
        face.set_columns(self, self._text_scale, self.width())
        self.setStyleSheet(face.style(colours(), self.height(), self._text_scale))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if abs(self.height() - self._styled_height) > 2:   # type follows the window's height
            self._apply_style()
        elif (self.width() < face.NARROW) != self._styled_narrow:
            face.set_columns(self, self._text_scale, self.width())
            self._styled_narrow = self.width() < face.NARROW

    def refresh_theme(self) -> None:
        self._apply_style()
        self.picture.refresh_colours()
        self.pain_scale.update()

    def show_sound_notice(self, text: str) -> None:
        """A change in the sound (the voice given up on, a device gone), shown on the player
        itself for a while: in full screen the status bar is hidden."""
        self._sound_notice = (text, self.clock.monotonic() + SOUND_NOTICE_SECONDS)
        self.refresh()

    def _fresh_sound_notice(self) -> str:
        if self._sound_notice is None or self.clock.monotonic() > self._sound_notice[1]:
            return ""
        return self._sound_notice[0]

    # ------------------------------------------------------------------ driving
    def _timer_fired(self) -> None:
        self.stall_watch.woke()
        self.poll()

    def poll(self) -> None:
        """Look at the clock: what the timer does, and what a test calls after moving a fake clock."""
        with self.stall_watch.doing("updating the session"):
            self._handle(self.engine.update())

    def _handle(self, events) -> None:
        now = self.clock.monotonic()
        logged = finished = False
        for event in events:
            if event.kind is EventKind.SET_LOGGED:
                logged = True
            elif event.kind is EventKind.FINISHED:
                finished = True
            elif event.kind is EventKind.AUTO_PAUSED:
                self._notice = self.tr("The computer seemed to sleep or stall, so the session "
                                       "stopped here. Press Space to carry on.")
            cue = cue_for(event, self.engine.timeline)
            if cue and now - event.at <= STALE_CUE_SECONDS:
                with self.stall_watch.doing("handing a cue to the sound workers"):
                    self.cue_player.play(cue)
        if logged or finished:
            with self.stall_watch.doing("handing a set to the model"):
                self._save()
        self.refresh()
        self._keep_awake()
        self._schedule()

    def _schedule(self) -> None:
        e = self.engine
        if e.state is EngineState.RUNNING and e.step.is_timed:
            remaining = e.remaining()
            until_digit = remaining - math.floor(remaining) or 1.0
            wait = min(e.time_to_next_event() or MAX_REFRESH_SECONDS, until_digit, MAX_REFRESH_SECONDS)
            self._timer.start(max(1, math.ceil(wait * 1000)))
            self.stall_watch.expect(wait)
        elif e.state is EngineState.PAUSED:
            self._timer.start(1000)  # so a long pause lets the screen sleep
            self.stall_watch.expect(None)   # a paused session is allowed to wait
        else:
            self._timer.stop()
            self.stall_watch.expect(None)

    def _keep_awake(self) -> None:
        e = self.engine
        awake = should_keep_awake(e.state is EngineState.RUNNING, e.state is EngineState.PAUSED,
                                  e.paused_for())
        if awake and not self.inhibitor.active:
            self.inhibitor.inhibit("A hip-strengthening session is running")
        elif not awake and self.inhibitor.active:
            self.inhibitor.release()

    def _save(self) -> None:
        record, self.save_error = self.engine.checked_record()  # a clock at 1970: said, not saved
        if record is None:
            return
        answered = any(p is not None for p in (record.pain_before, record.pain_during, record.pain_after))
        if not record.sets and not record.completed and not (
                self.engine.state is EngineState.FINISHED and answered):
            return  # nothing done or answered yet, so nothing to keep
        self.writer.save_in_progress(record)   # stopped before any set: kept (not done) for its pain score

    def saved(self, record: SessionRecord, error: Exception | None) -> None:
        """A save handed to the model has finished (called on the GUI thread)."""
        if record.id != self.engine.session_id:
            return
        self.save_error = str(error) if error else None
        self.saved_once = self.saved_once or error is None
        if self.engine.state is EngineState.FINISHED:
            self._refresh_saved_line()
        else:
            self.refresh()

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        e = self.engine
        kind = e.step.kind
        if e.state is EngineState.FINISHED:
            self._show_summary()
        elif kind in (StepKind.PAIN_BEFORE, StepKind.PAIN_AFTER):
            self._show_pain(kind)
        else:
            self._show_exercise()

    def _show_exercise(self) -> None:
        self._pain_page_kind = None
        e = self.engine
        step = e.step
        ex = step.exercise
        self._pages.setCurrentWidget(self._exercise_page)
        self.title_label.setText(ex.name if ex else "")
        tempo = (self.tr("   ·   tempo %1 s").replace("%1", step.tempo.label())
                 if step.tempo and step.target_reps else "")
        self.detail_label.setText(f"{step.resistance}{tempo}")
        header, sets = self._header_step(), set_label(self._header_step())
        if header is not step and sets:
            sets = self.tr("%1 done").replace("%1", sets)
        side = side_label(ex, header.side)
        self.side_label.setText(side.upper())
        self.side_label.setVisible(bool(side))
        self.set_label.setText(sets)
        self.set_label.setAccessibleName(sets)

        elapsed = e.elapsed()
        remaining = e.remaining() or 0.0
        paused = e.state is EngineState.PAUSED
        steps = self._counts_steps()
        status = self.tr("Step") if steps and step.kind is StepKind.WORK else \
            translate(STATUS_WORDS.get(step.kind, ""))
        self.status_label.setText(status.upper())
        face.show_paused(self, paused, colours())
        position = step.rep_position(elapsed)
        if step.kind is StepKind.WORK and position:
            self.big_label.setText(str(position.rep))
            of = self.tr("of %1 steps") if steps else self.tr("of %1")
            self.sub_label.setText(of.replace("%1", str(step.target_reps)))
            if steps:
                word = STEP_PAUSE if position.phase is Phase.HOLD else STEP_WORDS.get(step.side, "")
            else:
                word = PHASE_WORDS[position.phase]
            self.phase_label.setText(translate(word))
            cue_index = position.rep - 1
        else:
            digits, unit = counter_text(remaining)
            self.big_label.setText(digits)
            self.sub_label.setText(unit)
            self.phase_label.setText(self._transition_text())
            cue_index = int(elapsed // 5)
        if ex:
            self.picture.follow(e)  # the figure moves with the tempo (player/picture.py)
            cues = ex.cues_for(step.step_index)
            self.cue_label.setText(cues[cue_index % len(cues)])
        self.big_label.setAccessibleName(f"{self.status_label.text()} {self.big_label.text()}")
        self.log_label.setText(self._notice or self._fresh_sound_notice() or self._log_text())
        hints = ((CLOSE_HINTS if self._closing else LEAVE_HINTS) if self._confirming_leave
                 else PAUSED_HINTS if paused else KEY_HINTS)
        self.hint_label.setText(translate(hints))
        self.progress.setValue(int(e.progress() * 1000))
        total = e.timeline.timed_seconds
        self.time_left_label.setText(
            time_left_text(max(0.0, total * (1 - e.progress()))) if total else "")

    def _header_step(self):
        """The step the header (side, set) describes: during a rest, the set just done, so
        the header never runs ahead of the person; "Next: ..." names the set to come."""
        e = self.engine
        if e.step.kind is StepKind.REST:
            for step in reversed(e.timeline.steps[:e.index]):
                if step.logs_a_set:
                    return step
        return e.step

    def _counts_steps(self) -> bool:
        """The band walk counts steps each way (PROGRAM.md), not reps."""
        ex = self.engine.step.exercise
        return bool(ex and ex.side_meaning == "direction")

    def _transition_text(self) -> str:
        e = self.engine
        step = e.step
        if step.kind in (StepKind.REST, StepKind.GET_READY, StepKind.SWITCH_SIDE):
            upcoming = e.timeline.next_exercise_step(e.index)
            if upcoming is None:
                return ""
            parts = [upcoming.exercise.name if upcoming.exercise_id != step.exercise_id or
                     step.kind is StepKind.GET_READY else "",
                     side_label(upcoming.exercise, upcoming.side), set_label(upcoming)]
            return self.tr("Next: %1").replace("%1", " · ".join(p for p in parts if p))
        return ""

    def _log_text(self) -> str:
        e = self.engine
        if self.save_error:
            return self.tr("Not saved yet: %1").replace("%1", self.save_error)
        steps = self._counts_steps()
        if e.step.kind is StepKind.WORK:
            correction = e.pending_reps - e.step.target_reps
            if correction:
                text = (self.tr("This set will log %1 steps (%2) · → now logs %3") if steps
                        else self.tr("This set will log %1 reps (%2) · → now logs %3"))
                return (text.replace("%1", str(e.pending_reps)).replace("%2", f"{correction:+d}")
                        .replace("%3", str(e.reps_if_cut_short())))
            text = (self.tr("This set will log %1 steps   (↑ ↓ to change · → logs the steps done so far)")
                    if steps else
                    self.tr("This set will log %1 reps   (↑ ↓ to change · → logs the reps done so far)"))
            return text.replace("%1", str(e.pending_reps))
        last = e.last_logged
        if last and not last.hold_seconds:
            where = side_label(exercise(last.exercise_id), last.side).lower()
            where = f", {where}" if where else ""
            walk = exercise(last.exercise_id).side_meaning == "direction"
            text = (self.tr("Logged %1%2, set %3: %4 of %5 steps   (↑ ↓ to correct)") if walk else
                    self.tr("Logged %1%2, set %3: %4 of %5 reps   (↑ ↓ to correct)"))
            return (text.replace("%1", exercise(last.exercise_id).name).replace("%2", where)
                    .replace("%3", str(last.set_number)).replace("%4", str(last.done_reps))
                    .replace("%5", str(last.target_reps)))
        return ""

    def _show_summary(self) -> None:
        if self._pages.currentWidget() is self._summary_page:
            self._refresh_saved_line()
            return
        self._pages.setCurrentWidget(self._summary_page)
        record, self.save_error = self.engine.checked_record()
        if record is None:
            return self._refresh_saved_line()
        face.fill_summary(self, summarise(record), verdict_texts(verdict(record)))
        self._refresh_saved_line()
        self.setFocus()

    def _refresh_saved_line(self) -> None:
        if self.save_error:
            self.summary_saved.setText(self.tr("⚠ Not saved: %1  Press S to try again.")
                                       .replace("%1", self.save_error))
        elif self.saved_once:
            self.summary_saved.setText(self.tr("Saved to %1").replace("%1", str(self.writer.data_file)))
        elif not self.writer.saving_idle:
            self.summary_saved.setText(self.tr("Saving…"))
        else:
            self.summary_saved.setText(self.tr("Nothing to save."))

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape,
                               Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_F, Qt.Key.Key_M) and self.engine.step.kind is not StepKind.PAIN_AFTER \
                and self.engine.state is not EngineState.FINISHED:
            # In every state, the leave question and a pause too (after the session, letters
            # belong to the note).
            (self.fullscreen_toggle_requested if key == Qt.Key.Key_F
             else self.sound_toggle_requested).emit()
            return
        if self._confirming_leave:
            self._answer_leave(key)
            return
        e = self.engine
        if e.state is EngineState.FINISHED:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Escape):
                self.close_player()
            elif key == Qt.Key.Key_S and self.save_error:
                self._save()
                self._refresh_saved_line()
            return
        if key == Qt.Key.Key_Escape and self._stopped_early_question():
            self._skip_pain_after()     # already left once: Esc skips the question, no new banner
        elif key == Qt.Key.Key_Escape:
            self._ask_leave()
        elif e.step.kind is StepKind.PAIN_AFTER and self._pain_key(event):
            pass  # letters here belong to the note, not to the F and M shortcuts
        elif key == Qt.Key.Key_I:
            self.open_card()
        elif e.step.kind is StepKind.PAIN_BEFORE:
            self._pain_key(event)
        elif key == Qt.Key.Key_Space:
            self._notice = ""
            self._handle(e.toggle_pause())
        elif key == Qt.Key.Key_Right:
            self._notice = ""
            self._handle(e.next())
        elif key == Qt.Key.Key_Left:
            self._notice = ""
            self._handle(e.previous())
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            if e.adjust_reps(+1 if key == Qt.Key.Key_Up else -1) is not None:
                if e.step.kind is not StepKind.WORK:
                    self._save()
                self.refresh()
        else:
            super().keyPressEvent(event)

    def card_exercise_id(self) -> str | None:
        """The exercise the I key opens: the current one, else the next (rest, get-ready), else the last."""
        steps = self.engine.timeline.steps
        i = self.engine.index
        for j in [i, *range(i + 1, len(steps)), *range(i - 1, -1, -1)]:
            if 0 <= j < len(steps) and steps[j].exercise_id:
                return steps[j].exercise_id
        return None

    def open_card(self) -> None:
        """Pause and ask the window for the exercise's card; Space resumes on the way back."""
        exercise_id = self.card_exercise_id()
        if exercise_id is None:
            return
        self.engine.pause()
        self._notice = ""
        self._handle([])
        self.library_requested.emit(exercise_id)

    def _stopped_early_question(self) -> bool:
        return self.engine.step.kind is StepKind.PAIN_AFTER and self.engine.ended_early

    def _skip_pain_after(self) -> None:
        """End the session at a pain question, keeping an after-score typed so far (and the
        note), then the summary."""
        if self.engine.step.kind is StepKind.PAIN_AFTER:
            self.questions.keep(self.pain_scale.value())
            self.engine.note = self.note_edit.text().strip()
        self.engine.abandon()
        self._handle([])
        self._save()
        self._refresh_saved_line()

    def leave_question_shown(self) -> bool:
        return self._confirming_leave

    def ask_before_close(self) -> bool:
        """The window is asked to close. True: the player may go now (the session is over,
        or the person asked to close while the question was up). Otherwise the question is
        shown, as for Esc, with Carry on the default, and the close waits for the answer."""
        if self.engine.state is EngineState.FINISHED or (self._confirming_leave and self._closing):
            return True
        self._ask_leave(closing=True)
        return False

    def _ask_leave(self, closing: bool = False) -> None:
        self._closing = closing
        self._leave_label.setText(self.tr(
            "Close ITB Coach? What you have done so far is kept, and you can resume it today."
            "   Enter or Esc: carry on    Y: close") if closing else self._esc_question)
        self._confirming_leave = True
        self._resume_after_confirm = self.engine.state is EngineState.RUNNING
        self.engine.pause()
        self._leave_bar.show()
        self.setFocus()
        self._handle([])

    def _answer_leave(self, key: int) -> None:
        if self._closing:
            self._answer_close(key)
        elif key == Qt.Key.Key_Y:
            self._confirming_leave = False
            self._leave_bar.hide()
            if self.engine.step.kind in (StepKind.PAIN_BEFORE, StepKind.PAIN_AFTER):
                self._skip_pain_after()
            else:   # mid-session: what was done is kept, then the pain question (Esc skips it)
                self._handle(self.engine.stop_early())
                self._save()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirming_leave = False
            self._leave_bar.hide()
            self._handle(self.engine.resume() if self._resume_after_confirm else [])

    def _answer_close(self, key: int) -> None:
        """Y closes, keeping the sets and the pain answers (a pain score picked on the page
        too); Enter, Esc or N carries on (the default); other keys leave the question up."""
        if key not in (Qt.Key.Key_Y, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_N):
            return
        self._confirming_leave = self._closing = False
        self._leave_bar.hide()
        if key != Qt.Key.Key_Y:
            self._handle(self.engine.resume() if self._resume_after_confirm else [])
            return
        if self.engine.step.kind in (StepKind.PAIN_BEFORE, StepKind.PAIN_AFTER) and \
                self.pain_scale.value() is not None:
            if self.engine.step.kind is StepKind.PAIN_BEFORE:
                self.engine.set_pain_before(self.pain_scale.value())
            else:
                self.questions.keep(self.pain_scale.value())
        if self.engine.step.kind is StepKind.PAIN_AFTER:
            self.engine.note = self.note_edit.text().strip()
        self.engine.abandon()
        self._save()
        self.close_confirmed.emit()

    def leave_now(self) -> None:
        """The window is closing: end the session where it stands and keep it."""
        if self.engine.state is not EngineState.FINISHED:
            self.engine.abandon()
            self._save()
        self.close_player()

    def close_player(self) -> None:
        self._timer.stop()
        self.inhibitor.release()
        self.cue_player.stop()
        self.closed.emit()

    def hideEvent(self, event) -> None:
        # Leaving the window (or the app closing) must never leave the screen saver blocked.
        if self.engine.state is EngineState.FINISHED:
            self.inhibitor.release()
        super().hideEvent(event)
