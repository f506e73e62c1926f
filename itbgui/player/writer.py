"""What the player writes through: the model (the one write path), never the store.

The player hands the session to it after every set; the model saves it off the window's
thread, so a slow disk never stalls the count, and the outcome comes back to
:meth:`PlayerView.saved <itbgui.player.view.PlayerView.saved>` through the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from itbgui.store.records import SessionRecord


class SessionWriter(Protocol):
    def save_in_progress(self, record: SessionRecord) -> None: ...

    @property
    def saving_idle(self) -> bool: ...

    @property
    def data_file(self) -> Path: ...
