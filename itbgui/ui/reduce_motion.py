"""The "Reduce motion" preference: still exercise pictures instead of moving ones.

Stored in Settings (None until the person chooses: then the system's preference counts)
and published on the application object, so every picture reads one value.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

PROPERTY = "itb_reduce_motion"


def system_prefers_reduced_motion() -> bool:
    """The desktop's "fewer animations" choice, where Qt reports it.

    Qt 6 has no reduced-motion hint; its UI-effects switch follows the system's animation
    setting on Windows only (elsewhere it is always off, which says nothing), so only
    Windows is asked."""
    if sys.platform != "win32":
        return False
    from PySide6.QtCore import Qt

    return not QApplication.isEffectEnabled(Qt.UIEffect.UI_General)


def effective(choice: bool | None) -> bool:
    return system_prefers_reduced_motion() if choice is None else bool(choice)


def apply_motion_preference(app: QApplication, choice: bool | None) -> bool:
    """Publish the effective value (``choice`` None: follow the system)."""
    value = effective(choice)
    app.setProperty(PROPERTY, value)
    return value


def reduce_motion() -> bool:
    app = QApplication.instance()
    return bool(app.property(PROPERTY)) if app else False
