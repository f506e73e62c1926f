"""The exercise figure on screen: still in a position, following a session, or looping.

The figure is painted from pose data on every frame (itbgui.figures), so moving it costs
a few shapes, not a picture file. A frame timer runs only while the figure actually
moves (a rep under way, or the Library's loop on screen) and never when "Reduce motion"
is on; during a hold or a rest nothing is repainted.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from itbgui.figures.motions import Motion
from itbgui.figures.paint import Palette, paint_figure
from itbgui.figures.timing import (END, START, Moment, ease, loop_moment, moment_for, motion_for_step,
                              pose_at, still)
from itbgui.program.exercises import Tempo
from itbgui.program.timeline import StepKind
from itbgui.ui.reduce_motion import reduce_motion
from itbgui.ui.theme import Colours, colours
from itbgui.core.engine import EngineState

#: Frame interval while the figure moves: 30 frames a second is smooth for a 2-second
#: phase and leaves the CPU alone.
FRAME_MS = 33
#: Poses closer than 1/400 of the whole movement look the same: no repaint for them (the
#: first instant of a rep, which would otherwise paint inside the step change).
FRAME_STEPS = 400


def _mix(a: str, b: str, share: float) -> str:
    ca, cb = QColor(a), QColor(b)
    return QColor(round(ca.red() + (cb.red() - ca.red()) * share),
                  round(ca.green() + (cb.green() - ca.green()) * share),
                  round(ca.blue() + (cb.blue() - ca.blue()) * share)).name()


def figure_palette(c: Colours, background: str) -> Palette:
    """The figure in the theme: body in the text colour, far limbs half-way to the
    background, the muscle in a warm orange that reads on both themes."""
    dark = QColor(background).lightness() < 128
    return Palette(ink=c.text, far=_mix(c.text, background, 0.5), background=background,
                   muscle="#ff8a4c" if dark else "#e0601f", band=c.accent,
                   prop=_mix(c.muted, background, 0.62), text=c.muted)


class ExercisePicture(QWidget):
    """One exercise figure. ``on_card``: it sits on a card (the Library), whose colour
    shows around it, rather than on the window."""

    def __init__(self, parent: QWidget | None = None, *, on_card: bool = False) -> None:
        super().__init__(parent)
        self._on_card = on_card
        self.motion: Motion | None = None
        self.moment: Moment = START
        self.mirror = False
        self.caption = ""
        self.frames_painted = 0
        self._engine = None                 # following a session
        self._loop_tempo: Tempo | None = None
        self._loop_clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._frame)
        self._palette: Palette | None = None
        self._drawn: tuple | None = None      # what the last update() asked to draw
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)

    # ------------------------------------------------------------------ what to show
    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    def show_still(self, motion: Motion | None, position: str = "start", side: str | None = None) -> None:
        """A key position, not moving (the Library's start and end pictures, the sheet)."""
        self._engine, self._loop_tempo = None, None
        self._timer.stop()
        self._set(motion, START if position == "start" else END, side)

    def follow(self, engine) -> None:
        """Track a session: the player calls this whenever it refreshes; between those
        calls the frame timer reads the engine's clock while a rep runs."""
        self._engine, self._loop_tempo = engine, None
        step = engine.step
        self._set(motion_for_step(step), self._session_moment(), step.side)
        self._run(self._session_moving())

    def loop(self, motion: Motion | None, tempo: Tempo) -> None:
        """Repeat a rep at ``tempo`` for as long as the picture is on screen."""
        self._engine, self._loop_tempo = None, tempo
        self._loop_clock.start()
        self._set(motion, START, None)
        self._run(True)

    # ------------------------------------------------------------------ frames
    def _session_moving(self) -> bool:
        e = self._engine
        return (e is not None and e.state is EngineState.RUNNING
                and e.step.kind is StepKind.WORK)

    def _session_moment(self) -> Moment:
        moment = moment_for(self._engine.step, self._engine.elapsed())
        return still(moment) if reduce_motion() else moment

    def _run(self, moving: bool) -> None:
        if moving and not reduce_motion() and self.isVisible() and self.motion is not None:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def _frame(self) -> None:
        if self._engine is not None:
            if not self._session_moving() or reduce_motion():
                self._timer.stop()
            moment = self._session_moment()
        elif self._loop_tempo is not None:
            if reduce_motion():
                self._timer.stop()
                moment = START
            else:
                moment = loop_moment(self._loop_tempo, self._loop_clock.elapsed() / 1000.0)
        else:
            self._timer.stop()
            return
        self._set(self.motion, moment, None, keep_side=True)

    def _set(self, motion: Motion | None, moment: Moment, side: str | None, *,
             keep_side: bool = False) -> None:
        if not keep_side:
            mirror = bool(motion and side in ("left", "right") and side != motion.drawn_side)
            caption = motion.caption_for(side) if motion else ""
        else:
            mirror, caption = self.mirror, self.caption
        frame = (id(motion), moment.stage, round(ease(moment.t) * FRAME_STEPS), mirror, caption)
        self.motion, self.moment, self.mirror, self.caption = motion, moment, mirror, caption
        if frame == self._drawn:
            return  # a hold, a rest, or a change too small to see: nothing to repaint
        self._drawn = frame
        self.update()

    def current_pose(self):
        return pose_at(self.motion, self.moment) if self.motion else None

    # ------------------------------------------------------------------ Qt
    def refresh_colours(self) -> None:
        """The theme or "Reduce motion" changed: new colours, and move or stop."""
        self._palette = None
        self._drawn = None
        self._resume()
        self.update()

    def _resume(self) -> None:
        if self._loop_tempo is not None:
            self._run(True)
            if not self.animating:
                self._set(self.motion, START, None, keep_side=True)
        elif self._engine is not None:
            self._set(self.motion, self._session_moment(), None, keep_side=True)
            self._run(self._session_moving())

    def figure_palette(self) -> Palette:
        if self._palette is None:
            c = colours()
            self._palette = figure_palette(c, c.card if self._on_card else c.window)
        return self._palette

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._resume()

    def hideEvent(self, event) -> None:
        self._timer.stop()  # nothing moves off screen
        super().hideEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def paintEvent(self, event) -> None:
        if self.motion is None:
            return
        painter = QPainter(self)
        paint_figure(painter, QRectF(self.rect()), self.motion, pose_at(self.motion, self.moment),
                     self.figure_palette(), mirror=self.mirror, caption=self.caption)
        painter.end()
        self.frames_painted += 1
