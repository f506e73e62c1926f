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
