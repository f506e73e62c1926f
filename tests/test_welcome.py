"""The first-run welcome: says what the app is not, lists the red flags, and its buttons answer."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from accessibility import unnamed_focusable_widgets, unreachable_by_tab
from itbgui.screens.welcome import WelcomeDialog


@pytest.fixture
def welcome(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_set_up_my_plan_accepts(welcome, qtbot):
    QTimer.singleShot(0, lambda: qtbot.mouseClick(welcome.setup_button, Qt.MouseButton.LeftButton))
    assert welcome.exec() == QDialog.DialogCode.Accepted


def test_not_now_rejects(welcome, qtbot):
    QTimer.singleShot(0, lambda: qtbot.mouseClick(welcome.later_button, Qt.MouseButton.LeftButton))
    assert welcome.exec() == QDialog.DialogCode.Rejected


def test_enter_sets_up_the_plan(welcome, qtbot):
    QTimer.singleShot(0, lambda: qtbot.keyClick(welcome.focusWidget() or welcome, Qt.Key.Key_Return))
    assert welcome.exec() == QDialog.DialogCode.Accepted


def test_it_says_it_is_no_diagnosis_and_lists_the_red_flags(welcome):
    assert "does not diagnose" in welcome.does_not.text()
    lines = welcome.red_flag_lines()
    assert len(lines) == 7
    for words in ("swollen", "fever", "weight", "locks", "night", "numbness", "week 6"):
        assert any(words in line for line in lines), words
        assert words in welcome.red_flags.text()


def test_every_focusable_widget_has_an_accessible_name(welcome):
    assert unnamed_focusable_widgets(welcome) == []


def test_the_accessibility_check_finds_an_icon_only_button(qtbot):
    screen = QWidget()
    qtbot.addWidget(screen)
    QPushButton(screen)                                        # no text, no name
    named = QPushButton(screen)
    named.setAccessibleName("Pause")
    assert len(unnamed_focusable_widgets(screen)) == 1


def test_both_buttons_are_reachable_with_tab(welcome, qtbot):
    welcome.show()
    assert unreachable_by_tab(welcome, qtbot, presses=6) == []


def test_read_again_with_a_plan_it_offers_only_close(qtbot):
    from itbgui.screens.welcome import WelcomeDialog

    dialog = WelcomeDialog(offer_setup=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.later_button.isVisible() and dialog.setup_button.text() == "&Close"
    dialog.setup_button.click()
    assert dialog.result() == dialog.DialogCode.Rejected
