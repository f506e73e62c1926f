"""The run player: a walk-run on a treadmill beside the laptop, by keys alone.

A thin Qt face on :class:`~itbgui.core.run_timeline.RunTimer`: a large countdown of the
interval, RUN or WALK, the time left overall; "Run" / "Walk" spoken and toned at each
change. Space pauses; Esc asks before leaving (Y leaves; Enter, Esc or N carry on). At
the end (or on leaving) it asks the pain answers by digits and Enter, then hands the run
to ``save_run`` (the window saves it through the model; this layer never writes).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from itbgui.core.clock import Clock
from itbgui.core.run_timeline import RUN, RunEventKind, RunState, RunTimer
from itbgui.player import run_player_face as face
from itbgui.player.run_cues import run_cue_for
from itbgui.player.screensaver import NullInhibitor, ScreenSaverInhibitor
from itbgui.player.sound import CuePlayer
from itbgui.player.words import clock_text, time_left_text
from itbgui.program.clinical_state import RED_FLAG_PAIN, RED_FLAGS
from itbgui.program.return_to_run import RunPrescription
from itbgui.store.records import RecordError
from itbgui.store.run_records import DISTANCE_MAX_KM, RunRecord

#: A cue more than this late (the loop was busy) is dropped rather than sounded out of step.
STALE_CUE_SECONDS = 0.35
MAX_REFRESH_SECONDS = 0.25

#: The questions after the run (RunPlayerView._order): a pain scale or a typed number; the
#: warning signs (clinical_state.RED_FLAGS, keyed by name) are yes/no.
PAIN_DURING, ONSET, PAIN_AFTER, DISTANCE = "pain_during", "onset", "pain_after", "distance"


class RunPlayerView(QWidget):
    """One walk-run, from its first interval to the run logged."""

    closed = Signal()
    sound_toggle_requested = Signal()
    fullscreen_toggle_requested = Signal()
    #: the run as logged (after ``save_run`` accepted it)
    run_logged = Signal(object)

    def __init__(self, prescription: RunPrescription, clock: Clock, cue_player: CuePlayer,
                 save_run: Callable[[RunRecord], str | None],
                 inhibitor: ScreenSaverInhibitor | None = None, parent: QWidget | None = None) -> None:
        """``save_run`` stores the run and returns None, or why it could not."""
        super().__init__(parent)
        self.timer = RunTimer(prescription, clock)
        self.clock = clock
        self.cue_player = cue_player
        self.save_run = save_run
        self.inhibitor = inhibitor or NullInhibitor()
        self.answers: dict[str, float | int | None] = {}
        self.question: str | None = None
        self.record: RunRecord | None = None
        self.save_error: str | None = None
        self._confirming_leave = False
        self._resume_after_confirm = False
        self._notice = ""
        self._text_scale = 1.0
        self._styled = (0, None)
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.timeout.connect(self.poll)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Run player"))
        face.build(self)
        self.leave_label.setText(self.tr(
            "Leave the run? What you did so far is logged after the pain questions."
            "   Y: leave    Enter or Esc: carry on"))
        self._apply_style()
        self._handle(self.timer.start())

    # ------------------------------------------------------------------ style
    def set_text_scale(self, scale: float) -> None:
        self._text_scale = scale
        self.pain_scale.set_text_scale(scale)
        self._apply_style(force=True)

    def _apply_style(self, force: bool = False) -> None:
        running = self.timer.state is not RunState.FINISHED and self.timer.interval.kind == RUN
        key = (self.height(), running)
        if force or key != self._styled:
            self._styled = key
            from itbgui.ui.theme import colours

            self.setStyleSheet(face.style(colours(), self.height(), self._text_scale, running))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if abs(self.height() - self._styled[0]) > 2:
            self._apply_style()

    # ------------------------------------------------------------------ driving
    def poll(self) -> None:
        """Look at the clock: what the timer does, and what a test calls after moving a fake clock."""
        self._handle(self.timer.update())

    def _handle(self, events) -> None:
        now = self.clock.monotonic()
        for event in events:
            if event.kind is RunEventKind.AUTO_PAUSED:
                self._notice = self.tr("The computer seemed to sleep or stall, so the run "
                                       "stopped here. Press Space to carry on.")
            cue = run_cue_for(event, self.timer)
            if cue and now - event.at <= STALE_CUE_SECONDS:
                self.cue_player.play(cue)
            if event.kind is RunEventKind.FINISHED:
                self._ask(PAIN_DURING)
        self._keep_awake()
        self.refresh()
        self._schedule()

    def _schedule(self) -> None:
        t = self.timer
        if t.state is RunState.RUNNING:
            remaining = t.remaining()
            until_digit = remaining - math.floor(remaining) or 1.0
            wait = min(remaining, until_digit, MAX_REFRESH_SECONDS)
            self._tick.start(max(1, math.ceil(wait * 1000)))
        else:
            self._tick.stop()

    def _keep_awake(self) -> None:
        moving = self.timer.state in (RunState.RUNNING, RunState.PAUSED)
        if moving and not self.inhibitor.active:
            self.inhibitor.inhibit("A walk-run is under way")
        elif not moving and self.inhibitor.active:
            self.inhibitor.release()

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        self._apply_style()
        if self.record is not None or self.save_error is not None:
            self._pages.setCurrentWidget(self.done_page)
        elif self.question is not None:
            self._pages.setCurrentWidget(self.question_page)
        else:
            self._pages.setCurrentWidget(self.interval_page)
            self._show_interval()

    def _show_interval(self) -> None:
        t = self.timer
        p = t.prescription
        interval = t.interval
        walk = self.tr("walk %1 min").replace("%1", f"{p.walk_s / 60:g}")
        dose = (self.tr("Stage %1 · continuous %2 min") if p.continuous else
                self.tr("Stage %1 · run %2 min, %3, × %4")).replace("%1", str(p.stage)) \
            .replace("%2", f"{p.run_s / 60:g}").replace("%3", walk).replace("%4", str(p.repeats))
        self.stage_label.setText(dose + (self.tr(" · flat ground") if p.terrain == "flat" else ""))
        paused = t.state is RunState.PAUSED
        word = self.tr("RUN") if interval.kind == RUN else self.tr("WALK")
        self.kind_label.setText(self.tr("PAUSED · %1").replace("%1", word) if paused else word)
        self.count_label.setText(clock_text(t.remaining()))
        self.count_label.setAccessibleName(f"{word} {self.count_label.text()}")
        upcoming = t.next_interval()
        where = self.tr("Interval %1 of %2").replace("%1", str(t.index + 1)).replace("%2", str(len(t.intervals)))
        if upcoming is not None:
            nxt = self.tr("then run %1") if upcoming.kind == RUN else self.tr("then walk %1")
            where += "   ·   " + nxt.replace("%1", clock_text(upcoming.seconds))
        else:
            where += "   ·   " + self.tr("the last one")
        self.next_label.setText(where)
        total = t.total_s
        self.progress.setValue(int(1000 * t.moving_s() / total) if total else 1000)
        self.left_label.setText(time_left_text(t.total_left()))
        self.notice_label.setText(self._notice)
        if self._confirming_leave:
            hints = self.tr("Y: leave    Enter or Esc: carry on")
        elif paused:
            hints = self.tr("Space: carry on    Esc: leave")
        else:
            hints = self.tr("Space pause    F full screen    M sound    Esc leave")
        self.hint_label.setText(hints)

    # ------------------------------------------------------------------ the questions
    def _order(self) -> list[str]:
        """The questions for this run: where the pain began only if there was pain; the
        warning signs (yes/no) only when the pain during or after reached RED_FLAG_PAIN."""
        a = self.answers
        order = [PAIN_DURING] + ([] if a.get(PAIN_DURING) == 0 else [ONSET]) + [PAIN_AFTER]
        high = max((a.get(q) for q in (PAIN_DURING, PAIN_AFTER) if a.get(q) is not None), default=0)
        return order + (list(RED_FLAGS) if high >= RED_FLAG_PAIN else []) + [DISTANCE]

    def _ask(self, question: str) -> None:
        self.question = question
        self.question_error.setText("")
        stopped = not self.timer.completed
        pain = question in (PAIN_DURING, PAIN_AFTER)
        flag = question in RED_FLAGS
        self.pain_scale.setVisible(pain)
        self.answer_edit.setVisible(not pain and not flag)
        self.answer_edit.clear()
        if flag:
            title = self.tr(RED_FLAGS[question][0])
            help_ = self.tr("With pain this high, a few questions about warning signs: a yes "
                            "means seeing a clinician before more running or strength work.")
            hint = self.tr("Y: yes · N: no")
        elif question == PAIN_DURING:
            title = (self.tr("Stopped early. Worst pain during the run?") if stopped
                     else self.tr("Done! Worst pain during the run?"))
            help_ = self.tr("0 = no pain, 10 = the worst you can imagine: the sore knee at its worst.")
            hint = self.tr("Type 0-10 (or ↑ ↓), then Enter")
        elif question == ONSET:
            title = self.tr("At what minute did the pain begin?")
            help_ = self.tr("The minute of the run it started. Leave it empty if you do not know.")
            hint = self.tr("Type the minute, then Enter")
        elif question == PAIN_AFTER:
            title = self.tr("How much does it hurt now?")
            help_ = self.tr("0 = no pain, 10 = the worst you can imagine.")
            hint = self.tr("Type 0-10 (or ↑ ↓), then Enter")
        else:
            title = self.tr("Distance on the treadmill, in km?")
            help_ = self.tr("As the treadmill shows it, e.g. 3.2. Leave it empty if it does not say.")
            hint = self.tr("Type the km, then Enter to log the run")
        if pain or flag:
            if pain:
                self.pain_scale.set_value(self.answers.get(question))
            self.setFocus()
        else:
            self.answer_edit.setFocus()
        self.question_title.setText(title)
        self.question_help.setText(help_)
        self.question_hint.setText(hint + "    " + self.tr("Esc: log it without the answers"))
        self.refresh()

    def _confirm(self) -> None:
        q = self.question
        if q in RED_FLAGS:
            if q not in self.answers:
                self.question_error.setText(self.tr("Press Y for yes or N for no"))
                return
        elif q in (PAIN_DURING, PAIN_AFTER):
            value = self.pain_scale.value()
            if value is None:
                self.question_error.setText(self.tr("Pick a number first: type 0-10 or use ↑ ↓"))
                return
            self.answers[q] = value
        else:
            value, error = self._typed_number(q)
            if error:
                self.question_error.setText(error)
                return
            self.answers[q] = value
        order = self._order()
        later = order[order.index(q) + 1:]
        if later:
            self._ask(later[0])
        else:
            self._log()

    def _typed_number(self, q: str) -> tuple[float | None, str | None]:
        text = self.answer_edit.text().strip().replace(",", ".")
        if not text:
            return None, None
        try:
            value = float(text)
        except ValueError:
            return None, self.tr("“%1” is not a number.").replace("%1", text)
        if q == ONSET:
            most = math.ceil(self.timer.moving_s() / 60) or 1
            if not 0 <= value <= most:
                return None, self.tr("The run lasted %1 min: type a minute from 0 to %1.").replace(
                    "%1", str(most))
        elif not 0 < value <= DISTANCE_MAX_KM or not math.isfinite(value):
            return None, self.tr("Type a distance from 0.1 to %1 km.").replace("%1", f"{DISTANCE_MAX_KM:g}")
        return value, None

    def _log(self) -> None:
        """Build the run from the answers and hand it to ``save_run``; the end page says how it went."""
        a = self.answers
        try:
            record = self.timer.to_record(
                pain_during=a.get(PAIN_DURING), pain_after=a.get(PAIN_AFTER),
                pain_onset_min=a.get(ONSET), distance_km=a.get(DISTANCE),
                red_flags=tuple((k, a[k]) for k in RED_FLAGS if k in a),
                run_id=self.record.id if self.record else None)
        except RecordError as exc:
            self.save_error = str(exc)
            self._show_done(None)
            return
        self.save_error = self.save_run(record)
        if self.save_error is None:
            self.record = record
            self.run_logged.emit(record)
        self._show_done(record)

    def _show_done(self, record: RunRecord | None) -> None:
        self.question = None
        t = self.timer
        self.done_title.setText(self.tr("Run logged") if self.save_error is None else self.tr("Not logged yet"))
        moving = int(t.moving_s())
        stats = self.tr("%1 on the move · stage %2").replace("%1", clock_text(moving)) \
            .replace("%2", str(t.prescription.stage))
        if record is not None and record.pain_during is not None:
            stats += "   ·   " + self.tr("pain during %1, now %2").replace("%1", str(record.pain_during)) \
                .replace("%2", "–" if record.pain_after is None else str(record.pain_after))
        self.done_stats.setText(stats)
        self.done_saved.setText(self.tr("⚠ Not saved: %1  Press S to try again.").replace("%1", self.save_error)
                                if self.save_error else self.tr("Saved with your runs (History > Runs)."))
        self.done_hint.setText(self.tr("Enter: close"))
        self.setFocus()
        self.refresh()

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.answer_edit and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        t = self.timer
        if self._confirming_leave:
            self._answer_leave(key)
        elif self._pages.currentWidget() is self.done_page:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Escape):
                self.close_player()
            elif key == Qt.Key.Key_S and self.save_error:
                self._log()
        elif self.question is not None:
            self._question_key(event)
        elif key == Qt.Key.Key_Escape:
            self._ask_leave()
        elif key == Qt.Key.Key_Space:
            self._notice = ""
            self._handle(t.toggle_pause())
        elif key in (Qt.Key.Key_M, Qt.Key.Key_F):
            (self.sound_toggle_requested if key == Qt.Key.Key_M else self.fullscreen_toggle_requested).emit()
        # Every other key stops here: Enter reaching the window would start a hip session.
        event.accept()

    def _question_key(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirm()
        elif key == Qt.Key.Key_Escape:
            self._log()
        elif self.question in RED_FLAGS:
            if key in (Qt.Key.Key_Y, Qt.Key.Key_N):
                self.answers[self.question] = key == Qt.Key.Key_Y
                self._confirm()
        elif self.question in (PAIN_DURING, PAIN_AFTER):
            if text.isdigit() and len(text) == 1:
                self.pain_scale.type_digit(text)
                self.question_error.setText("")
            elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.pain_scale.step(+1 if key == Qt.Key.Key_Up else -1)

    def leave_question_shown(self) -> bool:
        return self._confirming_leave

    def _ask_leave(self) -> None:
        self._confirming_leave = True
        self._resume_after_confirm = self.timer.state is RunState.RUNNING
        self.timer.pause()
        self.leave_bar.show()
        self._handle([])

    def _answer_leave(self, key: int) -> None:
        if key == Qt.Key.Key_Y:
            self._confirming_leave = False
            self.leave_bar.hide()
            self.timer.stop()
            self.cue_player.stop()
            self._keep_awake()
            self._ask(PAIN_DURING)
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirming_leave = False
            self.leave_bar.hide()
            self._handle(self.timer.resume() if self._resume_after_confirm else [])

    def leave_now(self) -> None:
        """The window is closing: stop where the run stands and log what was done, unanswered
        (Today asks its pain answers later)."""
        if self.record is None and self.timer.moving_s() >= 1:
            self.timer.stop()
            self._log()
        self.close_player()

    def close_player(self) -> None:
        self._tick.stop()
        self.inhibitor.release()
        self.cue_player.stop()
        self.closed.emit()
