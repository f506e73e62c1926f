"""The Settings dialog: each change is written at once and announced; backups restore after asking."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from accessibility import unnamed_focusable_widgets, unreachable_by_tab
from itbgui.ui import settings as keys
from itbgui.program.preferences import apply_preferences, timing_for
from itbgui.program.prescription import starter_session
from itbgui.program.timeline import StepKind, build_timeline
from itbgui.ui.settings import AppSettings
from itbgui.screens.settings_dialog import SettingsDialog, VoiceProbe
from itbgui.store.repository import SessionRepository
from store_helpers import StepClock, record


@pytest.fixture
def folder(tmp_path):
    return tmp_path


@pytest.fixture
def store(folder):
    repo = SessionRepository(folder)
    yield repo
    repo.close()


@pytest.fixture
def dialog(qtbot, folder, store):
    widget = SettingsDialog(AppSettings(folder), store, probe_voices=False)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_changed_rest_is_saved_at_once_and_changes_the_next_timeline(dialog, qtbot, folder):
    emitted = []
    dialog.changed.connect(emitted.append)
    dialog.sections.setCurrentRow(1)
    assert not dialog.rest_box.isEnabled()                  # the plan's rest until asked
    qtbot.mouseClick(dialog.rest_check, Qt.MouseButton.LeftButton)
    assert dialog.rest_box.isEnabled()
    dialog.rest_box.setValue(90)
    assert emitted == [keys.CUSTOM_REST, keys.REST_SECONDS]
    dialog.settings.sync()

    restarted = AppSettings(folder)                          # as after a restart
    prefs = restarted.session_preferences()
    timeline = build_timeline(apply_preferences(starter_session(), prefs), timing_for(prefs))
    rests = [step.duration for step in timeline.steps if step.kind is StepKind.REST]
    assert rests == [90.0] * 5                               # five counted exercises, 2 sets each


def test_typing_a_rest_value_goes_through_the_same_path(dialog, qtbot):
    dialog.sections.setCurrentRow(1)
    dialog.rest_check.setChecked(True)
    dialog.rest_box.setFocus()
    dialog.rest_box.selectAll()
    qtbot.keyClicks(dialog.rest_box, "30")
    assert dialog.settings.rest_seconds == 30


def test_sound_voice_tempo_get_ready_and_appearance_write_through(dialog, qtbot, folder):
    emitted = []
    dialog.changed.connect(emitted.append)
    dialog.volume_slider.setValue(35)
    dialog.sound_check.setChecked(False)
    assert not dialog.volume_slider.isEnabled()              # nothing to set while sound is off
    dialog.tempo_check.setChecked(True)
    dialog.tempo_boxes["down"].setValue(3.5)
    dialog.get_ready_box.setValue(25)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData("large"))
    assert emitted == [keys.SOUND_VOLUME, keys.SOUND_ENABLED, keys.CUSTOM_TEMPO, keys.TEMPO_UP,
                       keys.GET_READY_SECONDS, keys.THEME, keys.TEXT_SIZE]
    dialog.settings.sync()
    again = AppSettings(folder)
    assert (again.sound_volume, again.sound_enabled) == (35, False)
    assert (again.tempo.up, again.tempo.hold, again.tempo.down) == (2.0, 1.0, 3.5)
    assert again.get_ready_seconds == 25
    assert (again.theme, again.text_size) == ("dark", "large")
    assert "font-size: 35px" in dialog.styleSheet()          # the preview's 28 px x 1.25


def test_the_dialog_opens_showing_what_is_stored(qtbot, folder, store):
    s = AppSettings(folder)
    s.sound_volume, s.custom_rest, s.rest_seconds, s.theme = 40, True, 60, "light"
    widget = SettingsDialog(s, store, probe_voices=False)
    qtbot.addWidget(widget)
    assert widget.volume_slider.value() == 40
    assert widget.rest_check.isChecked() and widget.rest_box.value() == 60
    assert widget.theme_combo.currentData() == "light"


def test_voices_found_can_be_chosen(dialog):
    dialog.show_voices(["Alba", "Ben"])
    assert dialog.voice_combo.isEnabled()
    assert [dialog.voice_combo.itemText(i) for i in range(3)][1:] == ["Alba", "Ben"]
    dialog.voice_combo.activated.emit(2)
    assert dialog.settings.voice_name == "Ben"


def test_no_voices_leaves_the_list_disabled_with_the_reason(dialog):
    dialog.show_voices(None, "The speech engine did not answer.")
    assert not dialog.voice_combo.isEnabled()
    assert dialog.voice_note.text() == "The speech engine did not answer."


def test_the_voice_probe_lists_voices_from_a_child_process(qtbot):
    probe = VoiceProbe(engine="mock")                        # Qt's test engine: Anne and Bob
    with qtbot.waitSignal(probe.finished, timeout=15000) as blocker:
        probe.start()
    assert blocker.args == [["Anne", "Bob"], ""]


def test_open_folder_asks_the_desktop_to_show_the_data_folder(dialog, qtbot, folder):
    opened = []
    dialog.open_url = lambda url: opened.append(url) or True
    dialog.sections.setCurrentRow(3)
    assert dialog.folder_label.text() == str(folder)
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder))]


def _store_with_a_backup(folder):
    clock = StepClock(dt.datetime(2026, 11, 2, 9, 0).astimezone())
    with SessionRepository(folder, now=clock) as repo:
        repo.save_session(record("old"))
    clock.advance(days=1)
    repo = SessionRepository(folder, now=clock)               # takes the daily copy of "old"
    repo.save_session(record("new", day=1))
    return repo


@pytest.mark.parametrize("answer, sessions", [(QMessageBox.StandardButton.Yes, ["old"]),
                                              (QMessageBox.StandardButton.Cancel, ["old", "new"])])
def test_restore_asks_first_and_tells_the_window(qtbot, tmp_path, monkeypatch, answer, sessions):
    repo = _store_with_a_backup(tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    through = []     # the restore goes through the write path the app hands in (its model)
    widget = SettingsDialog(AppSettings(tmp_path), repo, probe_voices=False,
                            restore_backup=lambda backup: through.append(backup) or repo.restore(backup))
    qtbot.addWidget(widget)
    emitted = []
    widget.changed.connect(emitted.append)
    widget.show_section("backups")
    assert widget.pages.currentIndex() == 4
    assert widget.backups_panel.tree.topLevelItemCount() == 1 and widget.backups_panel.restore_button.isEnabled()
    widget.backups_panel.restore_button.click()
    assert [s.id for s in repo.sessions()] == sessions
    restored = answer == QMessageBox.StandardButton.Yes
    assert widget.restored is restored
    assert len(through) == (1 if restored else 0)
    assert emitted == []            # a restore is data, not a setting
    if restored:   # the copy of what was there is listed, ready to undo the restore
        assert widget.backups_panel.tree.topLevelItemCount() == 2
    repo.close()


def test_every_focusable_widget_has_an_accessible_name(dialog):
    dialog.show_voices(["Alba"])
    assert unnamed_focusable_widgets(dialog) == []


@pytest.mark.parametrize("section", range(5))
def test_every_control_of_each_section_is_reachable_with_tab(dialog, qtbot, section):
    dialog.show_voices(["Alba"])
    dialog.rest_check.setChecked(True)
    dialog.tempo_check.setChecked(True)
    dialog.sections.setCurrentRow(section)
    assert unreachable_by_tab(dialog, qtbot) == []


def test_the_voice_probe_says_when_no_engine_is_installed(qtbot):
    probe = VoiceProbe(engine="no-such-engine")
    with qtbot.waitSignal(probe.finished, timeout=15000) as blocker:
        probe.start()
    assert blocker.args[0] is None and "No speech engine is installed" in blocker.args[1]


def test_a_voice_probe_that_hangs_is_killed_and_says_why(qtbot, monkeypatch):
    import sound_fakes
    from itbgui.player import sound

    monkeypatch.setattr(sound, "worker_command", lambda role, *extra: sound_fakes.command(sound_fakes.NEVER_READY))
    probe = VoiceProbe(timeout_seconds=0.5)
    with qtbot.waitSignal(probe.finished, timeout=10000) as blocker:
        probe.start()
    assert blocker.args[0] is None and "did not answer" in blocker.args[1]
