"""Small things every screen needs: emptying a layout, and type scaled for the mat."""

from __future__ import annotations


def clear_layout(layout) -> None:
    """Remove and delete every widget in ``layout`` (hidden at once, not at the next loop)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().hide()
            item.widget().deleteLater()


def set_by_name(obj, prop: str, key: str) -> None:
    """Set the enum property ``prop`` of a Qt object to the value named ``key``
    ("ScrollBarAlwaysOff"). What is built before the first paint is set this way: PySide
    makes all 93 enums of its ``Qt`` namespace (12 ms) the first time ``Qt`` is used."""
    meta = obj.metaObject()
    value, found = meta.property(meta.indexOfProperty(prop)).enumerator().keyToValue(key)
    if not found or not obj.setProperty(prop, value):
        raise ValueError(f"{type(obj).__name__}.{prop} has no value {key!r}")


def px(size: float, scale: float) -> str:
    """A style-sheet font size: ``size`` pixels at normal text, times the Settings text scale."""
    return f"{round(size * scale)}px"


class TextScaled:
    """Mixed into a page or dialog whose style sheet sizes its type by Settings > Text size.

    The class provides ``apply_style()``, writing font sizes as ``self.px(17)``.
    """

    _text_scale = 1.0

    def px(self, size: float) -> str:
        return px(size, self._text_scale)

    def set_text_scale(self, scale: float) -> None:
        if scale != self._text_scale:
            self._text_scale = scale
            self.apply_style()


def scrolling(widget, name: str = ""):
    """``widget`` in a frameless scroll area that scrolls up and down only: a dialog or
    page taller than a short screen scrolls instead of growing past it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea(objectName=name) if name else QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes to the controls inside
    area.setWidget(widget)
    widget.installEventFilter(_LAYOUT_KEEPER_FACTORY())
    return area


class _LayoutKeeper:
    """Re-lays out a scrolled widget whose layout kept an old size (seen at a large text
    size: a section shown in a stacked widget was 700 px high with its rows laid out in
    573, cutting every row). Made once, on first use (it needs a QObject)."""

    _filter = None

    def __call__(self):
        if self._filter is None:
            from PySide6.QtCore import QEvent, QObject

            class Filter(QObject):
                def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
                    if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
                        layout = watched.layout()
                        if layout is not None and layout.geometry().size() != watched.size():
                            layout.invalidate()
                            layout.activate()
                    return False

            _LayoutKeeper._filter = Filter()
        return self._filter


_LAYOUT_KEEPER_FACTORY = _LayoutKeeper()


def screen_room(window):
    """The free area (a QRect) of the screen ``window`` is on, or None without a screen."""
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or to its screen's free area (less a
    window frame) when that is smaller, so no dialog opens past the screen's edge."""
    room = screen_room(window)
    if room is not None:
        width = min(width, room.width() - 16)
        height = min(height, room.height() - 48)
    window.resize(width, height)


#: The main window's size on a first start, where the screen has room for it and its frame.
FIRST_WINDOW_SIZE = (1280, 720)
#: The frame a window manager draws round a window (left, top, right, bottom), guessed
#: until the real one is known: a title bar and thin borders.
FRAME_GUESS = (8, 32, 8, 8)


def first_geometry(room, frame, wanted, minimum) -> tuple[int, int, int, int]:
    """Where a window opens, centred in ``room`` (the screen's free area, x, y, w, h) with
    its ``frame`` (left, top, right, bottom) inside it: ``wanted`` (w, h) or less, never
    below ``minimum``. A window that cannot fit keeps its title bar on the screen.
    Returns the window's own rectangle (x, y, w, h), frame excluded."""
    rx, ry, rw, rh = room
    left, top, right, bottom = frame
    w = max(minimum[0], min(wanted[0], rw - left - right))
    h = max(minimum[1], min(wanted[1], rh - top - bottom))
    x = rx + max(0, (rw - w - left - right) // 2) + left
    y = ry + max(0, (rh - h - top - bottom) // 2) + top
    return x, y, w, h


def frame_margins(window) -> tuple[int, int, int, int]:
    """The frame the window manager draws round ``window`` (all 0 before it has drawn one)."""
    outer, inner = window.frameGeometry(), window.geometry()
    return (inner.left() - outer.left(), inner.top() - outer.top(),
            outer.right() - inner.right(), outer.bottom() - inner.bottom())


def first_size(window, frame=FRAME_GUESS) -> tuple[int, int, int, int] | None:
    """The window's first rectangle on its screen with ``frame`` round it (None without a
    screen): :func:`first_geometry` of the screen's free area and the window's minimum."""
    room = screen_room(window)
    if room is None:
        return None
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    return first_geometry((room.x(), room.y(), room.width(), room.height()), frame,
                          FIRST_WINDOW_SIZE, (hint.width(), hint.height()))


def kept_inside(room, frame, client, minimum) -> tuple[int, int, int, int]:
    """A window at ``client`` (x, y, w, h) with its ``frame``, moved the least that brings
    the frame inside ``room`` and shrunk only where it cannot fit (never below ``minimum``);
    unchanged when it lies inside already."""
    rx, ry, rw, rh = room
    left, top, right, bottom = frame
    x, y, w, h = client
    w = max(minimum[0], min(w, rw - left - right))
    h = max(minimum[1], min(h, rh - top - bottom))
    x = max(rx + left, min(x, rx + rw - right - w))
    y = max(ry + top, min(y, ry + rh - bottom - h))
    return x, y, w, h
