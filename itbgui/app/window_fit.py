"""The main window's size and place on a screen the window manager frames.

A first start takes the screen's free area less a guessed frame (at most
FIRST_WINDOW_SIZE); a later start restores the saved geometry. Neither can know the frame
the window manager draws until it has drawn it, so once it has (the move that reparenting
brings, or the first paint), a first start's size is fitted again to the real frame and a
window placed across an edge of the free area is brought inside (X11 restores a saved
window a bottom border lower, into a panel when it filled the free height).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from itbgui.ui.widget_kit import FIRST_WINDOW_SIZE, first_size, frame_margins, kept_inside, screen_room
from itbgui.app.first_paint import after_first_paint


class WindowFit:
    def __init__(self, window, saved_geometry: bytes | None) -> None:
        """Size ``window`` (its central widget set, not yet shown) and watch for its frame."""
        self.window = window
        self.restored = saved_geometry is not None and window.restoreGeometry(QByteArray(saved_geometry))
        if not self.restored:
            rect = first_size(window)
            window.resize(*(rect[2:] if rect is not None else FIRST_WINDOW_SIZE))
        self._size: tuple[int, int] | None = window.size().toTuple()   # watched until framed
        after_first_paint(window.centralWidget(), self.frame_known)

    def frame_known(self) -> None:
        """Fit to the real frame, once; not after anything else sized the window (the
        person, a test) or made it full screen. Called on every move until then."""
        w = self.window
        if self._size is None:
            return
        if w.size().toTuple() != self._size or w.isMaximized() or w.isFullScreen():
            self._size = None
            return
        frame = frame_margins(w)
        room = screen_room(w)
        if not any(frame) or room is None:
            return   # not framed yet: the move that framing brings calls again
        self._size = None
        if self.restored:
            hint = w.minimumSizeHint().expandedTo(w.minimumSize())
            x, y, width, height = kept_inside(room.getRect(), frame, w.geometry().getRect(), hint.toTuple())
        else:
            x, y, width, height = first_size(w, frame)
        if (width, height) != w.size().toTuple() or not room.contains(w.frameGeometry()):
            w.setGeometry(x, y, width, height)
