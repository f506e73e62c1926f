"""The status sink: how a window part says something on the status bar without the window."""

from __future__ import annotations

from typing import Protocol


class StatusSink(Protocol):
    def __call__(self, text: str, msecs: int = 0, /) -> None: ...
