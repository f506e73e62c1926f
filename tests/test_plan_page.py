"""The plan set-up dialog and the Plan page, driven with clicks and typing; Save as PDF from the window."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, Qt

from itbgui import resources_rc  # noqa: F401
from itbgui.screens.plan.setup_dialog import PlanSetupDialog, parse_weights
from itbgui.program.plan_setup import PlanSetup
from itbgui.store.repository import SessionRepository
from window_helpers import MONDAY, clock_on, logged, open_window

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def saving_to(store):
    """The dialog's write path, straight to a store (the app passes its model's)."""
    return lambda setup: store.save_plan_setup(setup.to_doc())


@pytest.fixture
def store(tmp_path):
    repo = SessionRepository(tmp_path)
    yield repo
    repo.close()


def dialog_for(qtbot, store, today=MONDAY):
    dialog = PlanSetupDialog(saving_to(store), PlanSetup.default(today), today)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)


# ------------------------------------------------------------------ the set-up dialog


@pytest.mark.parametrize("typed, message", [
    ("2.5, heavy", "“heavy” is not a weight"),
    ("0", "0 kg is not a dumbbell weight"),
    ("60", "60 kg is not a dumbbell weight"),
    ("1 2 3 4 5 6 7 8 9 10 11", "At most 10 dumbbell weights"),
])
def test_setup_rejects_bad_weights_and_saves_nothing(qtbot, store, typed, message):
    dialog = dialog_for(qtbot, store)
    qtbot.keyClicks(dialog.weights_edit, typed)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error_label.isVisible() and message in dialog.error_label.text()
    assert store.plan_setup() is None


def test_setup_rejects_a_listed_colour_typed_as_another_band(qtbot, store):
    dialog = dialog_for(qtbot, store)
    qtbot.keyClicks(dialog.other_bands, "pink, Red")
    save(qtbot, dialog)
    assert "Red is in the colour list above" in dialog.error_label.text()
    assert store.plan_setup() is None


def test_start_date_cannot_leave_its_range(qtbot, store):
    dialog = dialog_for(qtbot, store)
    dialog.start_edit.setDate(QDate(2020, 1, 1))            # clamped by the widget's range
    assert dialog.start_edit.date() == QDate(2025, 11, 2)    # a year before Monday 2 November 2026
    dialog.start_edit.setDate(QDate(2030, 1, 1))
    assert dialog.start_edit.date() == QDate(2027, 5, 1)     # 180 days after


def test_a_plan_started_over_a_year_ago_keeps_its_start_when_the_kit_changes(qtbot, store):
    import dataclasses

    old = dataclasses.replace(PlanSetup.default(MONDAY), start_date=dt.date(2025, 3, 3))
    dialog = PlanSetupDialog(saving_to(store), old, MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.band_boxes["red"], LEFT)          # only the kit changes
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert store.plan_setup()["start_date"] == "2025-03-03"   # weeks not renumbered
    assert store.plan_setup()["bands"] == ["red"]


def test_setup_saves_good_input(qtbot, store):
    dialog = dialog_for(qtbot, store)
    qtbot.mouseClick(dialog.level_buttons["intermediate"], LEFT)
    qtbot.mouseClick(dialog.day_boxes[1], LEFT)               # Tuesday
    qtbot.mouseClick(dialog.day_boxes[5], LEFT)               # Saturday
    qtbot.mouseClick(dialog.side_buttons["right"], LEFT)
    qtbot.mouseClick(dialog.band_boxes["green"], LEFT)        # ticked out of order on purpose
    qtbot.mouseClick(dialog.band_boxes["red"], LEFT)
    qtbot.keyClicks(dialog.other_bands, "Pink")
    qtbot.keyClicks(dialog.weights_edit, "5 kg; 2,5")
    qtbot.mouseClick(dialog.bench_box, LEFT)                  # a sofa edge for the hip thrust
    assert dialog.path_buttons["load"].isChecked()            # double progression by default
    qtbot.mouseClick(dialog.path_buttons["reps"], LEFT)       # the article's 3 x 10 to 3 x 20
    dialog.start_edit.setDate(QDate(2026, 11, 4))
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert store.plan_setup() == {
        "level": "intermediate", "running_days": [1, 5], "start_date": "2026-11-04",
        "sore_side": "right", "bands": ["red", "green", "pink"], "dumbbells_kg": [2.5, 5.0],
        "ankle_weights": False, "bench": True, "path": "reps"}


def _keyboard_on(qtbot, dialog, widget):
    """The dialog active and ``widget`` holding the keyboard, as after a Tab to it."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _press(qtbot, dialog, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key to whatever has the focus, as the keyboard would send it."""
    qtbot.keyClick(dialog.focusWidget(), key, modifier)


def test_tab_leaves_the_date_field_for_the_next_control(qtbot, store):
    """Tab moves between fields, not between the date's day, month and year: the date
    is edited inside with the arrows or by typing."""
    dialog = dialog_for(qtbot, store)
    _keyboard_on(qtbot, dialog, dialog.start_edit)
    first = dialog.start_edit.date()
    _press(qtbot, dialog, Qt.Key.Key_Up)                      # the arrows still edit the date
    assert dialog.start_edit.date() != first
    _press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.side_group.checkedButton()       # the sore side
    _press(qtbot, dialog, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.start_edit
    _press(qtbot, dialog, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.day_boxes[-1]       # Sunday, the field before


@pytest.mark.parametrize("group", ["side_buttons", "level_buttons", "path_buttons"])
def test_the_arrow_keys_move_the_choice_in_a_radio_group(qtbot, store, group):
    """All four arrows, whichever way the buttons are laid out: Down and Right tick the
    next choice, Up and Left the one before, as radio groups do on desktops."""
    dialog = dialog_for(qtbot, store)
    buttons = list(getattr(dialog, group).values())
    buttons[0].setChecked(True)
    _keyboard_on(qtbot, dialog, buttons[0])
    for key, expected in ((Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, 0), (Qt.Key.Key_Right, 1),
                          (Qt.Key.Key_Left, 0)):
        _press(qtbot, dialog, key)
        assert [b.isChecked() for b in buttons] == [i == expected for i in range(len(buttons))]
        assert dialog.focusWidget() is buttons[expected]
    for _ in buttons:                                         # on to the last; it stays there
        _press(qtbot, dialog, Qt.Key.Key_Down)
    assert buttons[-1].isChecked() and dialog.focusWidget() is buttons[-1]


def test_tab_enters_the_sore_side_at_its_choice_and_the_arrows_tick_another(qtbot, store):
    """The person's way: Tab from the date to the sore side, arrows to change it, Save."""
    import dataclasses

    dialog = PlanSetupDialog(saving_to(store), dataclasses.replace(PlanSetup.default(MONDAY), sore_side="right"),
                             MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _keyboard_on(qtbot, dialog, dialog.start_edit)
    _press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.side_buttons["right"]   # where the choice is
    _press(qtbot, dialog, Qt.Key.Key_Down)
    assert dialog.side_buttons["both"].isChecked()
    _press(qtbot, dialog, Qt.Key.Key_Up)
    _press(qtbot, dialog, Qt.Key.Key_Left)
    assert dialog.side_buttons["left"].isChecked() and dialog.focusWidget() is dialog.side_buttons["left"]
    _press(qtbot, dialog, Qt.Key.Key_Tab)                        # and Tab leaves the group
    assert dialog.focusWidget() is dialog.band_boxes["yellow"]
    save(qtbot, dialog)
    assert store.plan_setup()["sore_side"] == "left"


def test_weights_parse_decimal_commas_and_units():
    assert parse_weights("") == ()
    assert parse_weights("2.5, 5kg 7,5 ; 5") == (2.5, 5.0, 7.5)


def test_setup_from_the_window_replaces_the_starter_plan(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    assert win.today_page.setup_banner.isVisible()
    win.edit_plan_setup(modal=False)
    dialog = win.setup_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.level_buttons["advanced"], LEFT)
    qtbot.mouseClick(dialog.side_buttons["left"], LEFT)
    save(qtbot, dialog)
    assert win.setup_dialog is None
    assert not win.today_page.setup_banner.isVisible()
    assert win.today_page.grid.itemAtPosition(0, 1).widget().text() == "3 x 10 reps per side"
    assert win.today_session.prescription.first_side == "left"


# ------------------------------------------------------------------ the Plan page

OCT_12 = dt.date(2026, 10, 12)
BEGINNER = PlanSetup("beginner", frozenset(), OCT_12, "left")   # Monday and Thursday


def test_the_eight_weeks_say_their_status_in_words_and_symbols(qtbot, store, tmp_path):
    store.save_plan_setup(BEGINNER.to_doc())
    store.save_sessions([
        logged(OCT_12, 1, 1, setup=BEGINNER, sid="w1a"),
        logged(OCT_12 + dt.timedelta(days=3), 1, 1, setup=BEGINNER, sid="w1b"),
        logged(OCT_12 + dt.timedelta(days=7), 1, 1, setup=BEGINNER, sid="w2a"),
    ])
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY + dt.timedelta(days=2)))  # week 4
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    page = win.plan_page
    tiles = [t.text().split("\n") for t in page.weeks.tiles]
    assert len(tiles) == 8
    assert tiles[0] == ["Week 1", "12–18 Oct", "✔ Done", "2 of 2"]
    assert tiles[1] == ["Week 2", "19–25 Oct", "◑ Partly done", "1 of 2"]
    assert tiles[2] == ["Week 3", "26 Oct – 1 Nov", "✘ Missed", "0 of 2"]
    assert tiles[3] == ["Week 4", "2–8 Nov", "▶ This week", "0 of 2"]
    assert tiles[4][2:] == ["○ To come", "2 planned"]
    assert page.weeks.tiles[3].isChecked() and page.weeks.tiles[3].property("current") is True
    assert page.week_heading.text() == "Week 4 of 8 · 2 November – 8 November (this week)"
    assert page.summary.text().startswith("Beginner, 2 sessions a week · no running days")

    qtbot.mouseClick(page.weeks.tiles[1], LEFT)                 # look at (and print) week 2
    assert page.week_heading.text() == "Week 2 of 8 · 19 October – 25 October"
    assert win.coach.week_sheet().monday == OCT_12 + dt.timedelta(days=7)
    assert page.weeks.tiles[1].isChecked() and not page.weeks.tiles[3].isChecked()


def test_save_as_pdf_writes_the_chosen_week_on_the_chosen_paper(qtbot, store, tmp_path):
    store.save_plan_setup(BEGINNER.to_doc())
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    win.plan_page.paper_combo.setCurrentText("Letter")
    out = win.printing.save_pdf(tmp_path / "fridge")                # ".pdf" is added
    assert out == tmp_path / "fridge.pdf"
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[0 0 612(\.0+)? 792(\.0+)?\]", data)     # US Letter in points
    assert "fridge.pdf" in win.statusBar().currentMessage()


def test_the_pdf_button_saves_where_the_file_dialog_says(qtbot, store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    store.save_plan_setup(BEGINNER.to_doc())
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    target = tmp_path / "week.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    assert win.plan_page.page_size in ("A4", "Letter")
    win.plan_page.paper_combo.setCurrentText("A4")
    qtbot.mouseClick(win.plan_page.pdf_button, LEFT)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)     # A4 in points


def test_a_new_plan_set_up_midweek_starts_today_with_nothing_missed(qtbot, store, tmp_path):
    wednesday = MONDAY + dt.timedelta(days=2)
    win = open_window(qtbot, store, tmp_path, clock_on(wednesday))
    win.edit_plan_setup(modal=False)
    dialog = win.setup_dialog
    assert dialog.start_edit.date() == QDate(wednesday.year, wednesday.month, wednesday.day)
    save(qtbot, dialog)
    assert store.plan_setup()["start_date"] == wednesday.isoformat()
    assert win.today_session.moved_from is None and win.today_session.date == wednesday


def test_a_clock_at_1970_cannot_pick_a_start_the_sessions_could_never_have(qtbot, store):
    """The date field is held to the plan window (2000-2200), so the dialog clamps at the
    edge instead of building a plan that would raise."""
    import datetime as dt

    from itbgui.program.plan_setup import FIRST_PLAN_DATE

    dialog = dialog_for(qtbot, store, today=dt.date(1970, 1, 5))
    low = dialog.start_edit.minimumDate()
    assert (low.year(), low.month(), low.day()) >= (FIRST_PLAN_DATE.year, 1, 1)
    dialog.start_edit.setDate(dialog.start_edit.minimumDate().addDays(-30))   # clamped
    save(qtbot, dialog)
    assert dt.date.fromisoformat(store.plan_setup()["start_date"]) >= FIRST_PLAN_DATE


def test_save_as_pdf_that_could_not_write_says_so_and_keeps_the_old_file(qtbot, store, tmp_path,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from itbgui.screens.plan import sheet

    store.save_plan_setup(BEGINNER.to_doc())
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    old = tmp_path / "fridge.pdf"
    old.write_bytes(b"%PDF last week's")
    monkeypatch.setattr(sheet, "write_week_pdf", lambda *a, **k: None)   # QPdfWriter failing quietly
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert win.printing.save_pdf(old) is None
    assert warnings and "Could not write" in warnings[0]
    assert old.read_bytes() == b"%PDF last week's"


def test_after_week_eight_the_plan_page_says_the_build_phase_goes_on_until_settled(qtbot, store, tmp_path):
    store.save_plan_setup(BEGINNER.to_doc())
    store.save_sessions([logged(OCT_12, 2, 6, setup=BEGINNER, sid="w1a")])     # pain after 6
    win = open_window(qtbot, store, tmp_path, clock_on(OCT_12 + dt.timedelta(weeks=9, days=1)))
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    page = win.plan_page
    assert page.maintenance_label.isVisible()
    assert "go on until pain after sessions has settled" in page.maintenance_label.text()
    assert page.week_heading.text().startswith("Week 10 · building on")
    assert win.today_session.week_label == "Week 10 · building on"


def test_the_weeks_day_cards_say_which_planned_days_are_done_and_which_were_missed(qtbot, store, tmp_path):
    """The Plan page reads each day's mark from the week sheet (the same counting Today
    uses): a session logged on the Monday ticks Monday off; a planned day gone by without
    one says so; a day still to come says neither."""
    store.save_session(logged(MONDAY, 0, 1))
    thursday = MONDAY + dt.timedelta(days=3)
    win = open_window(qtbot, store, tmp_path, clock_on(thursday))
    win.show_page("plan")
    page = win.plan_page
    cards = {}
    for i in range(page.days_row.count()):
        card = page.days_row.itemAt(i).widget()
        if card is not None and card.objectName() == "dayCard":
            texts = [w.text() for w in card.findChildren(type(page.rest_label))]
            cards[texts[0]] = texts
    monday = next(t for title, t in cards.items() if title.startswith("Monday"))
    assert "✔ Done" in monday and "✘ Not done on the day" not in monday
    for title, texts in cards.items():
        if title.startswith(("Friday", "Saturday", "Sunday")):
            assert "✔ Done" not in texts and "✘ Not done on the day" not in texts
    assert page.sheet.done_days == {MONDAY}


def test_a_session_beyond_the_planned_count_is_shown_not_counted_as_three_of_two(qtbot, store, tmp_path):
    """Three sessions in a two-session week: the tile reads "2 of 2 · 1 extra" and the week
    shows the third as an extra card with what was done on its day."""
    store.save_plan_setup(BEGINNER.to_doc())
    store.save_sessions([
        logged(OCT_12, 1, 1, setup=BEGINNER, sid="w1a"),
        logged(OCT_12 + dt.timedelta(days=3), 1, 1, setup=BEGINNER, sid="w1b"),
        logged(OCT_12 + dt.timedelta(days=4), 1, 1, setup=BEGINNER, sid="w1c"),
    ])
    win = open_window(qtbot, store, tmp_path, clock_on(OCT_12 + dt.timedelta(days=5)))
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    page = win.plan_page
    assert page.weeks.tiles[0].text().split("\n")[2:] == ["▶ This week", "2 of 2 · 1 extra"]
    cards = [page.days_row.itemAt(i).widget() for i in range(page.days_row.count())]
    extra = [c for c in cards if c is not None and c.objectName() == "dayCard"
             and any("Extra session" in w.text() for w in c.findChildren(type(page.rest_label)))]
    assert len(extra) == 1
    texts = [w.text() for w in extra[0].findChildren(type(page.rest_label))]
    assert texts[0].startswith("Friday 16 Oct") and any(re.match(r".+: \d+ x \d+ reps", t) for t in texts)
    assert not any(" x 0 reps" in t for t in texts)


def test_a_day_ticked_off_by_a_session_left_early_says_so(qtbot, store, tmp_path):
    """Today offers to resume it; the Plan must not call it done."""
    import dataclasses

    record = logged(MONDAY, 1, 1)
    store.save_session(dataclasses.replace(record, completed=False, sets=record.sets[:4], pain_after=None))
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY, 18))
    assert win.today_session.resume is not None
    win.show_page("plan")
    page = win.plan_page
    cards = [page.days_row.itemAt(i).widget() for i in range(page.days_row.count())]
    monday = next(c for c in cards if c is not None and c.objectName() == "dayCard")
    texts = [w.text() for w in monday.findChildren(type(page.rest_label))]
    assert "✔ Done" not in texts and any(t.startswith("◐ Ended early") for t in texts)
