"""The player writes through the model, the one write path: each set goes to the model,
which saves it on its saver's thread and tells the player and the pages how it went."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from itbgui.program.timeline import StepKind
from qt_helpers import ENTER, press, run_until
from test_player import SHORT, start, window  # noqa: F401 (the player's window fixture)


def test_every_save_of_a_session_goes_through_the_model_and_off_the_window_thread(
        qtbot, window, clock, monkeypatch):  # noqa: F811
    store = window.store
    handed, written, heard = [], [], []
    to_model = window.model.save_in_progress
    monkeypatch.setattr(window.model, "save_in_progress", lambda record: (handed.append(record.id),
                                                                          to_model(record)))
    to_disk = store.save_session
    monkeypatch.setattr(store, "save_session", lambda record: (written.append(threading.current_thread()),
                                                               to_disk(record)))
    window.model.changed.connect(heard.append)

    player = start(qtbot, window, SHORT)
    run_until(player, clock, StepKind.SWITCH_SIDE)             # the first set is logged
    assert window.model.flush_saves() is None
    qtbot.waitUntil(lambda: player.saved_once)                 # the outcome came back to the player
    run_until(player, clock, StepKind.PAIN_AFTER)
    for worst_during_then_now in (Qt.Key.Key_2, Qt.Key.Key_1):
        press(qtbot, player, worst_during_then_now)
        qtbot.keyClick(player, ENTER)
    qtbot.waitUntil(lambda: "Saved to" in player.summary_saved.text())
    session_id = player.engine.session_id
    assert str(store.path) in player.summary_saved.text()

    qtbot.keyClick(player, ENTER)                              # back to Today
    assert window.player is None
    assert handed and set(handed) == {session_id}
    assert written and all(t is not threading.main_thread() for t in written)
    assert store.session(session_id).completed
    assert heard and all(kinds == frozenset({"sessions"}) for kinds in heard)
