"""Settings from the main window: Ctrl+, opens them, each change applies at once, and they last."""

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from itbgui import resources_rc  # noqa: F401
from itbgui.app import MainWindow
from itbgui.program.exercises import Kind
from itbgui.program.timeline import StepKind, build_timeline
from itbgui.ui.settings import AppSettings
from itbgui.screens.settings_dialog import SECTIONS
from itbgui.store.repository import SessionRepository
from qt_helpers import ENTER, RecordingInhibitor
from window_helpers import FAST, MONDAY, SETUP, clock_on, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def open_settings(qtbot, win, section: str):
    win.live_settings.probe_voices = False                      # no speech-engine child process in tests
    qtbot.keyClick(win, Qt.Key.Key_Comma, CTRL)
    dialog = win.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.sections.setCurrentRow(SECTIONS.index(section))
    return dialog


def rest_durations(prescription, timing=FAST):
    """(REST step length, whether its exercise is counted in reps) for each rest of the session."""
    return [(s.duration, prescription.items[s.item_index].exercise.kind is Kind.REPS)
            for s in build_timeline(prescription, timing).steps if s.kind is StepKind.REST]


def test_a_changed_rest_changes_todays_estimate_and_the_next_sessions_timeline(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    before_seconds = win.today_session.estimated_seconds
    before_rests = rest_durations(win.prescription)
    assert any(counted for _d, counted in before_rests)

    dialog = open_settings(qtbot, win, "timing")
    dialog.rest_check.setFocus()
    qtbot.keyClick(dialog.rest_check, Qt.Key.Key_Space)
    dialog.rest_box.setFocus()
    dialog.rest_box.selectAll()
    qtbot.keyClicks(dialog.rest_box, "90")

    # Every rest between sets of a counted exercise is now 90 s; the stretch keeps its own.
    expected = before_seconds + sum(90 - d for d, counted in before_rests if counted)
    assert win.today_session.estimated_seconds == pytest.approx(expected)
    assert f"about {round(expected / 60)} minutes" in win.today_page.subheading.text()
    assert [d if counted else None for d, counted in rest_durations(win.prescription)] == [
        90.0 if counted else None for _d, counted in before_rests]

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert win.settings_dialog is None
    qtbot.keyClick(win, ENTER)                                 # the next session plays it
    played = [(s.duration, s.item_index) for s in win.player.engine.timeline.steps
              if s.kind is StepKind.REST]
    assert [d for d, i in played if win.prescription.items[i].exercise.kind is Kind.REPS] == [
        90.0] * sum(counted for _d, counted in before_rests)
    win.player.leave_now()


def test_a_changed_get_ready_length_reaches_the_next_session(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    dialog = open_settings(qtbot, win, "timing")
    dialog.get_ready_box.setValue(25)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.keyClick(win, ENTER)
    [get_ready, *_] = [s for s in win.player.engine.timeline.steps if s.kind is StepKind.GET_READY]
    assert get_ready.duration == 25.0
    win.player.leave_now()


def test_volume_voice_and_sound_reach_the_cue_player_and_the_view_menu(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    cues = win.audio.cue_player
    dialog = open_settings(qtbot, win, "sound")
    dialog.volume_slider.setFocus()
    qtbot.keyClick(dialog.volume_slider, Qt.Key.Key_Home)      # all the way down
    assert cues.volume == 0.0
    qtbot.keyClick(dialog.volume_slider, Qt.Key.Key_PageUp)    # one page step: 10 %
    qtbot.keyClick(dialog.volume_slider, Qt.Key.Key_PageUp)
    assert cues.volume == pytest.approx(0.2)

    dialog.sound_check.setFocus()
    qtbot.keyClick(dialog.sound_check, Qt.Key.Key_Space)
    assert not cues.sound_on and not win.menus.sound_action.isChecked()
    qtbot.keyClick(dialog.sound_check, Qt.Key.Key_Space)      # back on: the voice can be changed
    assert cues.sound_on and win.menus.sound_action.isChecked()
    dialog.voice_check.setFocus()
    qtbot.keyClick(dialog.voice_check, Qt.Key.Key_Space)
    assert not cues.voice_on and not win.menus.voice_action.isChecked()

    dialog.show_voices(["Alba", "Kit"])
    dialog.voice_combo.setCurrentIndex(2)
    dialog.voice_combo.activated.emit(2)                       # what a pick from the list sends
    assert cues.voice_name == "Kit"


def test_settings_last_across_a_restart(qtbot, tmp_path):
    store = SessionRepository(tmp_path)
    store.save_plan_setup(SETUP.to_doc())
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    dialog = open_settings(qtbot, win, "timing")
    dialog.rest_check.setChecked(True)
    dialog.rest_box.setValue(60)
    dialog.sections.setCurrentRow(SECTIONS.index("sound"))
    dialog.volume_slider.setValue(35)
    dialog.reject()
    win.close()
    store.close()

    store = SessionRepository(tmp_path)
    again = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert again.settings.sound_volume == 35 and again.audio.cue_player.volume == pytest.approx(0.35)
    counted = [d for d, is_counted in rest_durations(again.prescription) if is_counted]
    assert counted and set(counted) == {60.0}
    again.close()
    store.close()


def test_window_size_and_position_are_remembered(qtbot, tmp_path):
    store = SessionRepository(tmp_path)
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    # (the offscreen screen is 800 x 600: restoreGeometry keeps a window inside it)
    win.setGeometry(QRect(30, 40, 720, 520))
    qtbot.waitUntil(lambda: win.geometry().size().width() == 720)
    win.close()
    store.close()
    assert AppSettings(tmp_path).window_geometry is not None

    store = SessionRepository(tmp_path)
    again = MainWindow(store, AppSettings(tmp_path), clock_on(MONDAY), inhibitor=RecordingInhibitor())
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.geometry() == QRect(30, 40, 720, 520)
    again.close()
    store.close()


def test_theme_from_settings_restyles_every_page_and_the_view_menu(qtbot, store, tmp_path, keep_palette):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)                    # the Library exists now
    dialog = open_settings(qtbot, win, "appearance")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert win.menus.theme_actions["dark"].isChecked()
    assert QApplication.palette().window().color().lightness() < 100
    dark_card = QApplication.instance().property("itb_colours").card
    assert dark_card in win.library_page.styleSheet() and dark_card in win.today_page.styleSheet()


def test_text_size_from_settings_scales_every_page_and_the_player(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    dialog = open_settings(qtbot, win, "appearance")
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData("extra_large"))
    assert "font-size: 30px" in win.tabs.styleSheet()          # 20 px x 1.5
    assert "font-size: 51px" in win.library_page.styleSheet()  # the heading: 34 px x 1.5
    assert "font-size: 57px" in win.today_page.styleSheet()    # the heading: 38 px x 1.5
    assert "font-size: 45px" in win.plan_page.styleSheet()     # the heading: 30 px x 1.5
    dialog.reject()
    qtbot.keyClick(win, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(win, ENTER)
    assert win.player.text_scale == 1.5
    win.player.leave_now()


def test_text_size_reaches_menus_tables_charts_and_message_boxes(qtbot, store, tmp_path):
    """Not only the pages' own style sheets: the application font (menus, the History
    table, dialogs, Help) and the charts' axes follow Settings > Text size too."""
    from PySide6.QtWidgets import QMessageBox

    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)
    normal_menu = win.menuBar().font().pointSizeF()
    normal_box = QMessageBox(win).font().pointSizeF()
    axis = win.history_page.reps_chart.plot.getAxis("left")
    normal_axis = axis.style["tickFont"].pointSizeF()
    dialog = open_settings(qtbot, win, "appearance")
    dialog.text_size_combo.setCurrentIndex(dialog.text_size_combo.findData("extra_large"))
    dialog.reject()
    assert win.menuBar().font().pointSizeF() == pytest.approx(1.5 * normal_menu)
    assert QMessageBox(win).font().pointSizeF() == pytest.approx(1.5 * normal_box)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(1.5 * normal_axis)
    assert "font-size: 21px" in win.history_page.styleSheet()   # the table: 14 px x 1.5
    win.settings.text_size = "normal"
    win.apply_text_scale()
    assert win.menuBar().font().pointSizeF() == pytest.approx(normal_menu)


def test_settings_without_an_audio_device_show_sound_and_voice_as_unavailable(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert win.settings.sound_enabled and win.settings.voice_enabled
    win.audio.cue_player.problem = "Sound is off: no audio output device was found."
    dialog = open_settings(qtbot, win, "sound")
    assert not dialog.sound_check.isChecked() and not dialog.sound_check.isEnabled()
    assert not dialog.voice_check.isChecked() and not dialog.voice_check.isEnabled()
    assert dialog.sound_problem.isVisible() and "no audio output device" in dialog.sound_problem.text()
    assert win.settings.sound_enabled and win.settings.voice_enabled   # kept for a device later
    dialog.reject()


def test_settings_open_when_the_missing_device_is_found_say_so_too(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    dialog = open_settings(qtbot, win, "sound")
    assert dialog.sound_check.isEnabled()
    win.audio.cue_player.unavailable.emit("Sound is off: no audio output device was found.")
    assert not dialog.sound_check.isChecked() and not dialog.sound_check.isEnabled()
    dialog.reject()


def test_file_backups_opens_settings_at_backups_and_a_restore_reloads(qtbot, store, tmp_path, monkeypatch):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.live_settings.probe_voices = False
    win.open_settings("backups")          # File > Backups…
    dialog = win.settings_dialog
    assert dialog.sections.currentRow() == SECTIONS.index("backups")
    from PySide6.QtWidgets import QMessageBox

    history = win.ensure_history_page()
    history.undo_stack.push(QUndoCommand("an edit of the data before the restore"))
    import datetime as dt

    from store_helpers import record

    store.backups.take(store.path, "daily", dt.datetime(2026, 11, 1, 9, 0).astimezone())
    store.save_session(record("later"))                 # logged after that copy was taken
    reloaded = []
    monkeypatch.setattr(win, "refresh_today", lambda: reloaded.append(True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dialog.backups_panel.reload()
    dialog.backups_panel.restore_button.click()
    assert reloaded == [True]                       # the model told the window, which redrew Today
    assert store.session("later") is None           # the copy from before it is the data now
    assert history.undo_stack.count() == 0     # nothing to undo into the restored data


def test_reduce_motion_from_settings_stills_the_library_and_the_player(qtbot, store, tmp_path):
    from itbgui.figures.timing import START
    from itbgui.ui.reduce_motion import PROPERTY

    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert not QApplication.instance().property(PROPERTY)     # never chosen: the system's (moving)
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    moving = win.library_page.card.moving
    assert moving.animating                                   # the card's figure loops at the tempo
    dialog = open_settings(qtbot, win, "appearance")
    dialog.reduce_motion_check.setChecked(True)
    assert QApplication.instance().property(PROPERTY) is True
    assert not moving.animating and moving.moment == START
    assert AppSettings(tmp_path).reduce_motion is True
    dialog.reduce_motion_check.setChecked(False)
    assert moving.animating
    dialog.reject()


@pytest.mark.parametrize("page", ["plan", "history", "library"])
def test_a_page_built_on_first_use_takes_the_chosen_text_size(qtbot, store, tmp_path, page):
    """Plan, History and Library are made when first opened, after the text size was
    applied: each is drawn at Extra large from the start, its tables and buttons too."""
    settings = AppSettings(tmp_path)
    settings.text_size = "extra_large"
    win = MainWindow(store, settings, clock_on(MONDAY), inhibitor=RecordingInhibitor(), timing=FAST)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_page(page)
    built = getattr(win, f"{page}_page")
    assert built._text_scale == 1.5
    if page == "history":
        assert "font-size: 21px" in built.styleSheet()   # the tables: 14 px x 1.5
