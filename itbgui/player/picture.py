"""The exercise drawing, recoloured to the theme's ink so it reads in light and dark."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QFile, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..theme import colours

SOURCE_INK = "#1d2733"  # the ink colour the drawings are made with (tools/draw_figures.py)


@lru_cache(maxsize=64)
def _svg_bytes(resource: str, ink: str) -> bytes:
    f = QFile(resource)
    if not f.open(QFile.OpenModeFlag.ReadOnly):
        return b""
    data = bytes(f.readAll())
    f.close()
    return data.replace(SOURCE_INK.encode(), ink.encode())


def svg_renderer(resource: str, ink: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_svg_bytes(resource, ink)))


class ExercisePicture(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resource = ""
        self._renderer: QSvgRenderer | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)

    @property
    def resource(self) -> str:
        return self._resource

    def show_resource(self, resource: str) -> None:
        if resource == self._resource:
            return
        self._resource = resource
        self._renderer = svg_renderer(resource, colours().ink) if resource else None
        self.update()

    def refresh_colours(self) -> None:
        resource, self._resource = self._resource, ""
        self.show_resource(resource)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def paintEvent(self, event) -> None:
        if not self._renderer or not self._renderer.isValid():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        view = self._renderer.viewBoxF()
        ratio = view.width() / view.height() if view.height() else 4 / 3
        w = min(self.width(), self.height() * ratio)
        h = w / ratio
        target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        self._renderer.render(painter, target)
        painter.end()
