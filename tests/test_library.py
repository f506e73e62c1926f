"""The Library: search by name, muscle or cue; keyboard-only reading; a way back to the session."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from accessibility import focusable_widgets, unnamed_focusable_widgets, unreachable_by_tab
from itbgui.figures.catalogue import motion
from itbgui.figures.timing import END, START
from itbgui.screens.library.page import LibraryPage
from itbgui.screens.library.search import _fields, search
from itbgui.program.exercises import CATALOGUE, exercise


def ids(exercises):
    return [ex.id for ex in exercises]


# ---------------------------------------------------------------- matching (no Qt)
def test_empty_search_lists_the_whole_catalogue_in_session_order():
    assert ids(search("  ")) == [ex.id for ex in CATALOGUE]


def test_search_by_name_is_case_insensitive():
    assert ids(search("BRIDGE")) == ["glute_bridge"]


def test_search_by_muscle_finds_every_exercise_that_works_it():
    # Hamstrings: single-leg deadlift, glute bridge, lateral band walk (catalogue order)
    assert ids(search("hamstrings")) == ["single_leg_deadlift", "glute_bridge", "lateral_band_walk"]


def test_search_by_cue_text_and_all_words_must_match():
    assert ids(search("heels glued")) == ["clamshell"]
    assert search("heels zebra") == []


def test_a_word_in_some_names_lists_only_those():
    # "glute" names two exercises; it is also in every exercise's muscles (gluteus ...),
    # which would list all six and bury the two a person means.
    assert ids(search("glute")) == ["glute_bridge", "glute_stretch"]
    assert ids(search("gluteus")) == [ex.id for ex in CATALOGUE]


@given(st.lists(st.sampled_from(["glute", "band", "hip", "leg", "knee", "slow", "side", "heels",
                                 "hamstrings", "medius", "zebra", "lift", "core"]),
                min_size=1, max_size=3))
def test_search_lists_the_best_place_that_matches(words):
    """The rule: the results are exactly the exercises matching in the best of name,
    name + muscles, or all text that has any match, in catalogue order."""
    query = " ".join(words)
    found = search(query)
    for depth in (1, 2, 3):
        tier = [ex for ex in CATALOGUE
                if all(w in " ".join(_fields(ex)[:depth]) for w in words)]
        if tier:
            assert found == tier
            return
    assert found == []


# ---------------------------------------------------------------- the page
@pytest.fixture
def page(qtbot):
    widget = LibraryPage()
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_typing_a_name_in_the_search_field_finds_and_shows_that_exercise(page, qtbot):
    page.search_field.setFocus()
    qtbot.keyClicks(page.search_field, "deadlift")
    assert page.visible_exercise_ids() == ["single_leg_deadlift"]
    assert page.current_exercise_id == "single_leg_deadlift"
    assert page.card.title.text() == "Single-leg deadlifts"
    assert "Stand on one leg" in page.card.sections["cues"].text()


def test_arrows_in_the_search_field_choose_and_enter_opens_the_card(page, qtbot):
    qtbot.keyClicks(page.search_field, "gluteus medius")
    # clamshell, side-lying leg lift, lateral band walk all work the gluteus medius
    assert page.visible_exercise_ids() == ["clamshell", "side_leg_lift", "lateral_band_walk"]
    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    assert page.current_exercise_id == "lateral_band_walk"
    qtbot.keyClick(page.search_field, Qt.Key.Key_Up)
    assert page.current_exercise_id == "side_leg_lift"
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.scroll.hasFocus()


def test_a_search_opens_its_best_match_and_the_card_stays_put(page, qtbot):
    page.show_exercise("side_leg_lift")
    card_left = page.scroll.geometry().left()
    qtbot.keyClicks(page.search_field, "medius")
    assert page.visible_exercise_ids()[0] == "clamshell"
    assert page.current_exercise_id == "clamshell"          # not left on the side-lying lift
    page.search_field.clear()
    qtbot.keyClicks(page.search_field, "zebra")
    assert page.scroll.geometry().left() == card_left         # no jump when nothing matches


def test_no_match_says_so_in_words(page, qtbot):
    qtbot.keyClicks(page.search_field, "zebra")
    assert page.visible_exercise_ids() == []
    assert page.no_match.isVisible() and "zebra" in page.no_match.text()
    qtbot.keyClick(page.search_field, Qt.Key.Key_Escape)      # Esc clears the search
    assert len(page.visible_exercise_ids()) == len(CATALOGUE)


def test_card_shows_everything_about_the_exercise(page):
    page.show_exercise("glute_bridge")
    card = page.card
    assert card.muscles.text() == "Works: Gluteus maximus, Hamstrings"
    bridge = motion("glute_bridge", "Two-leg bridge")
    assert card.pictures["start"].motion is bridge and card.pictures["start"].moment == START
    assert card.pictures["end"].motion is bridge and card.pictures["end"].moment == END
    assert card.moving.motion is bridge
    # one picture per rung, each the rung's own, easiest first
    assert [p.motion for p in card.rung_pictures] == [
        motion("glute_bridge", s.name) for _, s in exercise("glute_bridge").ladder()]
    assert card.sections["why"].text().startswith("Switches on the gluteus maximus")
    assert card.sections["tip"].text().startswith("When two legs feel easy")
    # The ladder, easiest first, says in words where the plan starts and each rung's own cue.
    assert card.sections["ladder"].text().splitlines() == [
        "1.  Two-leg bridge  (the plan starts here): Both feet stay down the whole time.",
        "2.  Marching bridge  (harder): At the top, lift one foot, set it down, then the other.",
        "3.  Single-leg bridge  (harder): One foot down, the other knee drawn up; press through one heel.",
        "4.  Single-leg bridge, 2 s hold at the top  (harder): One foot down; hold 2 s at the top, hips level.",
        "5.  Single-leg hip thrust, shoulders on a bench  (harder): Shoulders on a bench or sofa edge, one foot down.",
    ]
    page.show_exercise("lateral_band_walk")                   # the start depends on owning a band
    lines = card.sections["ladder"].text().splitlines()
    assert "(the plan starts here without kit)" in lines[0] and "(the plan starts here with kit)" in lines[2]
    page.show_exercise("glute_stretch")                       # the plan's stretch is lying down
    assert card.sections["ladder"].text().splitlines()[:2] == [
        "1.  Seated figure-4  (easier): Sit tall on a chair; ankle over the opposite knee.",
        "2.  Lying figure-4  (the plan starts here): The buttock of the crossed leg is the side stretched."]
    page.show_exercise("side_leg_lift")                       # the plan starts with the knee bent
    assert card.sections["ladder"].text().splitlines()[:2] == [
        "1.  Top knee bent  (the plan starts here): Keep the top knee bent: a short, light lever.",
        "2.  Straight leg  (harder): The top leg stays long and straight, heel leading."]


@pytest.mark.parametrize("exercise_id", [ex.id for ex in CATALOGUE])
def test_the_text_ladder_and_the_picture_grid_number_the_same_rungs_alike(page, qtbot, exercise_id):
    """Rung 2 in the words is rung 2 under the pictures: both easiest first, from the
    exercise's ladder (the grid counted the steps in stored order, so the clamshell's
    "2." was the 2 s hold in the text and the light band under the pictures)."""
    page.search_field.setFocus()
    qtbot.keyClicks(page.search_field, exercise(exercise_id).name)
    assert page.current_exercise_id == exercise_id
    card = page.card
    ladder = exercise(exercise_id).ladder()
    text = card.sections["ladder"].text().splitlines()
    captions = [card.rungs.itemAtPosition(2 * (n // 2) + 1, n % 2).widget().text()
                for n in range(len(ladder))]
    assert len(text) == len(captions) == len(card.rung_pictures) == len(ladder)
    for n, (caption, line, picture) in enumerate(zip(captions, text, card.rung_pictures)):
        number, name = caption.split(".  ", 1)
        assert int(number) == n + 1 and line.startswith(f"{n + 1}.  {name}  (")
        assert picture.motion is motion(exercise_id, name)
        assert picture.accessibleName() == f"Rung {n + 1}: {name}"
    assert [caption.split(".  ", 1)[1] for caption in captions] == [step.name for _, step in ladder]


def test_show_exercise_clears_a_search_that_hides_it(page, qtbot):
    qtbot.keyClicks(page.search_field, "bridge")
    page.show_exercise("clamshell")
    assert page.search_field.text() == ""
    assert page.current_exercise_id == "clamshell"
    with pytest.raises(KeyError):
        page.show_exercise("handstand")


def test_back_button_appears_only_when_opened_from_a_session(page, qtbot):
    page.show_exercise("clamshell")
    assert not page.back_button.isVisible()
    page.show_exercise("clamshell", offer_back=True)
    assert page.back_button.isVisible()
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    page.scroll.setFocus()
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(page.scroll, Qt.Key.Key_Escape)


def test_text_scale_makes_the_type_larger(page):
    page.set_text_scale(1.5)
    assert "font-size: 48px" in page.styleSheet()            # the 32 px exercise name x 1.5
    assert page.list.width() == 495                           # the 330 px list x 1.5


def test_every_focusable_widget_has_an_accessible_name(page):
    page.show_exercise("clamshell", offer_back=True)
    assert len(focusable_widgets(page)) >= 4                 # search, list, card, back
    assert unnamed_focusable_widgets(page) == []


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_card_colours_pass_wcag_aa(theme_name):
    from itbgui.ui.theme import DARK, LIGHT
    from test_theme import contrast

    c = LIGHT if theme_name == "light" else DARK
    assert contrast(c.text, c.card) >= 7                     # cues, why, tip
    assert contrast(c.muted, c.card) >= 4.5                  # captions, "one side at a time"
    assert contrast(c.accent, c.card) >= 4.5                 # section headings
    assert contrast(c.accent_text, c.accent) >= 4.5          # the chosen exercise, Back button
    assert contrast(c.warn, c.card) >= 3                     # the red-flag box's border (non-text)


def test_every_control_is_reachable_with_tab(page, qtbot):
    page.show_exercise("clamshell", offer_back=True)
    assert unreachable_by_tab(page, qtbot) == []


def test_the_list_shows_all_six_without_scrolling_when_there_is_room(page, qtbot):
    qtbot.wait(1)
    assert page.list.count() == 6
    assert not page.list.verticalScrollBar().isVisible()
    bottom = page.list.visualItemRect(page.list.item(5)).bottom()
    assert bottom <= page.list.viewport().height()
