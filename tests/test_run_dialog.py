"""The run dialog, by keys: a run logged in a few keystrokes, a wrong answer said plainly
with nothing typed lost, and an imported run's pain answers."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from itbgui.screens.runs.run_dialog import RunDialog
from itbgui.screens.runs.run_form import KM, MINUTES, RunForm, check_form, form_of, parse_duration
from itbgui.store.run_records import RunRecord
from window_helpers import MONDAY, clock_on, open_window

WHEN = dt.datetime(2026, 11, 2, 18, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def window(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.runs   # noqa: B018
    return win


def type_in(qtbot, *entries) -> None:
    """Each entry typed into the field with the focus, then Tab to the next ("" just tabs)."""
    for text in entries:
        widget = QApplication.focusWidget()
        if text:
            qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def open_dialog(qtbot, window) -> RunDialog:
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.runs.dialog
    assert isinstance(dialog, RunDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.distance_edit)
    return dialog


def test_ctrl_r_logs_a_run_by_keys_alone(qtbot, window):
    dialog = open_dialog(qtbot, window)
    # distance, duration, terrain (Flat kept), pain during, where it began (km kept), pain after
    type_in(qtbot, "8.4", "46:30", "", "3", "6.5", "", "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [run] = window.store.runs()
    assert (run.distance_km, run.duration_s, run.terrain, run.source) == (8.4, 46 * 60 + 30, "flat", "manual")
    assert (run.pain_during, run.pain_onset_km, run.pain_after) == (3, 6.5, 1)
    assert run.started_at == clock_on(MONDAY).now().replace(second=0)


def test_a_wrong_answer_is_named_and_nothing_typed_is_lost(qtbot, window):
    dialog = open_dialog(qtbot, window)
    type_in(qtbot, "5", "30", "", "12", "7", "", "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and window.store.runs() == []
    text = dialog.errors_label.text()
    assert "Worst pain during is scored 0 to 10" in text
    assert "cannot begin at 7 km of a 5 km run" in text
    assert QApplication.focusWidget() is dialog.pain_during_edit        # the first to correct
    assert (dialog.distance_edit.text(), dialog.pain_after_edit.text()) == ("5", "2")
    dialog.pain_during_edit.selectAll()
    qtbot.keyClicks(dialog.pain_during_edit, "4")
    dialog.onset_edit.setText("25")
    dialog.onset_unit.setCurrentIndex(dialog.onset_unit.findData(MINUTES))
    qtbot.keyClick(dialog.pain_during_edit, Qt.Key.Key_Return)
    [run] = window.store.runs()
    assert (run.pain_during, run.pain_onset_min, run.pain_onset_km) == (4, 25.0, None)


def test_no_pain_asks_no_where(qtbot, window):
    dialog = open_dialog(qtbot, window)
    type_in(qtbot, "5", "", "", "0")
    assert not dialog.onset_edit.isEnabled() and dialog.onset_edit.placeholderText() == "no pain"
    assert QApplication.focusWidget() is dialog.pain_after_edit        # Tab goes past it
    type_in(qtbot, "0")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    [run] = window.store.runs()
    assert run.pain_free and run.duration_s is None


def test_an_imported_run_keeps_what_the_device_measured_and_takes_its_answers(qtbot, window):
    imported = RunRecord("gpx-1", WHEN, distance_km=10.123456, duration_s=3011, elevation_gain_m=88.5,
                         source="gpx")
    window.model.save_runs([imported])
    window.runs.answer_run(imported)
    dialog = window.runs.dialog
    assert dialog.distance_edit.isReadOnly() and "GPX" in dialog.source_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pain_during_edit)
    type_in(qtbot, "5", "9", "", "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    [run] = window.store.runs()
    assert run.id == "gpx-1" and run.distance_km == 10.123456 and run.duration_s == 3011
    assert run.elevation_gain_m == 88.5 and run.source == "gpx" and run.started_at == WHEN
    assert run.terrain is None            # the file does not say: no terrain nobody chose
    assert (run.pain_during, run.pain_onset_km, run.pain_after) == (5, 9.0, 2)


@pytest.mark.parametrize("text, seconds", [("32", 1920), ("32.5", 1950), ("32:10", 1930),
                                           ("1:05:00", 3900), ("", None)])
def test_a_duration_is_minutes_or_minutes_and_seconds(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["32:60", "1:60:00", "abc", "-5", "3:2:1:0"])
def test_a_duration_that_is_no_time_is_refused(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_a_run_reads_back_into_the_same_form():
    run = RunRecord("r", WHEN, distance_km=5.5, duration_s=1930, terrain="hilly", pain_during=3,
                    pain_onset_km=4.0, pain_after=1, note="new shoes")
    assert check_form(form_of(run), run).record == run
    assert form_of(run).onset_unit == KM


def test_an_empty_form_says_what_it_needs():
    errors = check_form(RunForm(WHEN)).errors
    assert set(errors) == {"distance", "pain_during", "pain_after"}


def test_today_asks_an_imported_runs_pain_answers_until_they_are_given(qtbot, window):
    banner = window.today_page.runs_banner
    assert not banner.isVisible()
    window.model.save_runs([RunRecord("gpx-2", WHEN, distance_km=6.0, duration_s=2000, source="fit")])
    assert banner.isVisible() and "Monday 2 November waits for its pain answers" in banner.label.text()
    qtbot.mouseClick(banner.answer_button, Qt.MouseButton.LeftButton)
    dialog = window.runs.dialog
    assert dialog.existing.id == "gpx-2" and "FIT" in dialog.source_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pain_during_edit)
    type_in(qtbot, "0", "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.store.runs()[0].answered and not banner.isVisible()


def test_a_run_corrected_keeps_its_start_and_time_zone_unless_the_start_is_changed(qtbot, window):
    far = dt.datetime(2026, 10, 20, 6, 45, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    window.model.save_runs([RunRecord("m1", far, distance_km=5.0, pain_during=2, pain_after=1)])
    window.runs.answer_run(window.store.runs()[0])
    dialog = window.runs.dialog
    assert not dialog.distance_edit.isReadOnly()          # typed in: all of it can be corrected
    dialog.pain_after_edit.setText("0")
    dialog.try_save()
    [run] = window.store.runs()
    assert run.started_at == far and run.started_at.utcoffset() == dt.timedelta(hours=5) and run.pain_after == 0


def test_the_waiting_runs_line_reads_as_a_sentence(qtbot, window):
    """'Your run on Monday ...', and with more than one, which run Answer… opens."""
    banner = window.today_page.runs_banner
    window.model.save_runs([RunRecord("gpx-1", WHEN, distance_km=6.0, source="gpx")])
    assert banner.label.text() == ("Your run on Monday 2 November waits for its pain answers: "
                                   "how did the knee feel?")
    window.model.save_runs([RunRecord("gpx-2", WHEN + dt.timedelta(days=1), distance_km=5.0, source="gpx")])
    assert banner.label.text() == ("2 runs wait for their pain answers; Answer… starts with the latest, "
                                   "on Tuesday 3 November.")


def test_a_run_that_hurt_asks_the_warning_signs_in_the_dialog_by_tab_and_space(qtbot, window):
    """Typed pain of 7/10 or more shows the five warning signs; Space ticks one; all five are
    stored as answered (yes or no) and a tick pauses the plan, as after a session."""
    dialog = open_dialog(qtbot, window)
    assert not dialog.signs_box.isVisibleTo(dialog)
    type_in(qtbot, "6", "40", "", "8", "", "", "4")                # pain during 8: asked
    assert dialog.signs_box.isVisibleTo(dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)      # from the note to the first sign
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.sign_checks["locking"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [run] = window.store.runs()
    assert dict(run.red_flags) == {"hot_swollen": False, "weight_bearing": False, "locking": True,
                                   "constant_night": False, "numbness": False}


def test_moderate_pain_asks_no_warning_signs_and_lowering_it_drops_them(qtbot, window):
    from itbgui.screens.runs.run_form import RunForm, check_form

    dialog = open_dialog(qtbot, window)
    type_in(qtbot, "6", "40", "", "5", "", "", "4")
    assert not dialog.signs_box.isVisibleTo(dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    [run] = window.store.runs()
    assert run.red_flags == ()
    hurt = check_form(RunForm(WHEN, distance="5", pain_during="8", pain_after="2",
                              warning_signs=frozenset({"numbness"})))
    assert dict(hurt.record.red_flags)["numbness"] is True
    corrected = check_form(RunForm(WHEN, distance="5", pain_during="3", pain_after="2"), hurt.record)
    assert corrected.record.red_flags == ()                          # a correction to 3/10: not asked
