"""What the first paint does without (PySide's Qt namespace, the desktop's colour scheme)
and that each still happens right after it (issue 11's empty cold start)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from history_helpers import FAST, MONDAY, clock_on
from itbgui.app import MainWindow
from itbgui.ui.settings import TEXT_SIZES, AppSettings
from itbgui.store.opening import open_folder
from itbgui.ui.text_size import apply_text_scale
from itbgui.ui.theme import DARK, LIGHT, apply_theme, colours, system_scheme
from itbgui.ui.widget_kit import set_by_name
from qt_helpers import RecordingInhibitor


def _window(qtbot, folder, settings: AppSettings) -> MainWindow:
    win = MainWindow(open_folder(folder), settings, clock_on(MONDAY + dt.timedelta(days=1)),
                     inhibitor=RecordingInhibitor(), timing=FAST)
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize("painted", ["dark", "light"])
def test_the_start_paints_the_scheme_last_seen_and_follows_the_desktop_right_after(qtbot, tmp_path,
                                                                                   keep_palette, painted):
    """The desktop said ``painted`` at the last start; what it says now wins after the paint."""
    app = QApplication.instance()
    settings = AppSettings(tmp_path)
    settings.system_scheme_seen = painted
    apply_theme(app, settings.theme, settings.system_scheme_seen)      # as cli.main does
    assert colours() is (DARK if painted == "dark" else LIGHT)
    win = _window(qtbot, tmp_path, settings)
    painted_sheet = win.today_page.styleSheet()
    now = system_scheme(app)
    win.load_data()                                                    # right after the first paint
    assert settings.system_scheme_seen == now
    assert colours() is (DARK if now == "dark" else LIGHT)
    assert (win.today_page.styleSheet() == painted_sheet) == (now == painted)   # restyled if it changed
    win.close()
    win.close_store()


def test_a_first_start_asks_the_desktop_before_it_paints(qtbot, tmp_path, keep_palette):
    app = QApplication.instance()
    settings = AppSettings(tmp_path)
    assert settings.system_scheme_seen is None
    apply_theme(app, "system", settings.system_scheme_seen)
    assert colours() is (DARK if system_scheme(app) == "dark" else LIGHT)


def test_a_chosen_theme_never_asks_the_desktop(qtbot, tmp_path, keep_palette, monkeypatch):
    settings = AppSettings(tmp_path)
    settings.theme = "dark"
    monkeypatch.setattr("itbgui.app.live_settings.system_scheme", lambda app: pytest.fail("asked"))
    apply_theme(QApplication.instance(), settings.theme, None)
    win = _window(qtbot, tmp_path, settings)
    win.load_data()
    assert colours() is DARK and settings.system_scheme_seen is None
    win.close()
    win.close_store()


def test_a_nonsense_remembered_scheme_counts_as_never_seen(tmp_path):
    (tmp_path / "settings.ini").write_text("[view]\nsystem_scheme=purple\n", encoding="utf-8")
    assert AppSettings(tmp_path).system_scheme_seen is None
    with pytest.raises(ValueError):
        AppSettings(tmp_path).system_scheme_seen = "purple"


def test_an_enum_property_is_set_by_its_names_as_by_the_enum(qapp):
    area, label = QScrollArea(), QLabel()
    set_by_name(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    set_by_name(label, "textFormat", "RichText")
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert label.textFormat() == Qt.TextFormat.RichText
    with pytest.raises(ValueError):
        set_by_name(label, "textFormat", "NoSuchFormat")


def test_the_menus_shortcuts_are_the_keys_they_name(qtbot, tmp_path):
    """Set as lists (see menu_actions._action): the same keys QKeySequence(...) gives."""
    win = _window(qtbot, tmp_path, AppSettings(tmp_path))
    menus = win.menus
    assert menus.start_action.shortcut() == QKeySequence("Ctrl+Return")
    assert menus.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert menus.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert menus.fullscreen_action.shortcut() == QKeySequence("F11")
    assert [a.shortcut() for a in menus.page_actions] == [QKeySequence(f"Ctrl+{i}") for i in range(1, 5)]
    assert all(a.shortcutContext() == Qt.ShortcutContext.WindowShortcut for a in menus.page_actions)
    win.close()
    win.close_store()


def _shown(qtbot, win: MainWindow) -> MainWindow:
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)   # window shortcuts go to the active window only
    return win


def _file_menu(win: MainWindow):
    return win.menuBar().actions()[0].menu()


def test_the_menus_actions_are_made_right_after_the_first_paint(qtbot, tmp_path):
    win = _window(qtbot, tmp_path, AppSettings(tmp_path))
    assert [a.menu().title() for a in win.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert _file_menu(win).actions() == []                 # the first paint shows the titles only
    _shown(qtbot, win)
    qtbot.waitUntil(lambda: len(_file_menu(win).actions()) > 0)
    assert win.menus.start_action in _file_menu(win).actions()
    win.close()
    win.close_store()


def test_a_shortcut_pressed_before_the_actions_exist_still_works(qtbot, tmp_path, monkeypatch):
    """The key comes before the paint's follow-up ran (here: it never runs)."""
    monkeypatch.setattr("itbgui.app.window.after_first_paint", lambda widget, callback: None)
    win = _shown(qtbot, _window(qtbot, tmp_path, AppSettings(tmp_path)))
    assert _file_menu(win).actions() == [] and win.current_page == "today"
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page == "plan"                      # View > Plan's Ctrl+2, made by the key
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page == "today"
    win.close()
    win.close_store()


def test_a_menu_opened_before_the_actions_exist_shows_them(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("itbgui.app.window.after_first_paint", lambda widget, callback: None)
    win = _window(qtbot, tmp_path, AppSettings(tmp_path))
    for i in (0, 2, 3):                                    # File, View, Help (Edit fills itself)
        menu = win.menuBar().actions()[i].menu()
        menu.aboutToShow.emit()
        assert [a for a in menu.actions() if not a.isSeparator()], menu.title()
    win.close()
    win.close_store()


def test_the_app_icon_is_set_right_after_the_first_paint(qtbot, tmp_path):
    from PySide6.QtGui import QIcon

    from itbgui import cli

    app = QApplication.instance()
    app.setWindowIcon(QIcon())
    for leftover in app.topLevelWidgets():   # a window another test left shown would keep this
        leftover.hide()                      # start's event loop from ending with its own window
    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 0
    assert not app.windowIcon().isNull()


def test_a_first_start_shows_today_filled_in_its_first_frame_without_reading_a_file(qtbot, tmp_path):
    """No data file: the log is empty, so Today (and its decision card) needs no file."""
    win = _shown(qtbot, _window(qtbot, tmp_path, AppSettings(tmp_path)))
    card = win.today_page.decision_card
    assert not win.data_loaded and card.isVisible() and win.today_page.decision_title.text()
    assert win.today_page.start_button.isEnabled()
    first = win.today_page.heading.text()
    win.load_data()
    assert card.isVisible() and win.today_page.heading.text() == first
    win.close()
    win.close_store()


def test_a_folder_whose_snapshot_does_not_fit_paints_opening_then_fills_today(qtbot, tmp_path):
    """A data file and no start snapshot for it: the first frame waits for the file."""
    from history_helpers import SETUP, logged
    from itbgui.store.repository import SessionRepository

    with SessionRepository(tmp_path) as store:
        store.save_plan_setup(SETUP.to_doc())
        store.save_sessions([logged(MONDAY, 2, 3, "same")])
    win = _shown(qtbot, _window(qtbot, tmp_path, AppSettings(tmp_path)))
    assert not win.data_loaded and not win.today_page.decision_card.isVisible()
    assert not win.today_page.start_button.isEnabled()
    win.load_data()
    assert win.today_page.decision_card.isVisible() and win.today_page.decision_title.text()
    win.close()
    win.close_store()


# Three sizes: 30 runs of up to six changes cover every pair of one size after another
# many times over; each change restyles every live widget of the test session (~50 ms).
@settings(max_examples=30)
@given(st.lists(st.sampled_from(sorted(TEXT_SIZES.values())), min_size=1, max_size=6))
def test_the_app_font_follows_every_text_size_change_even_when_nothing_changes(qapp, scales):
    """text_size.apply_text_scale leaves an equal font alone (start-up) but never a stale one."""
    base = qapp.property("itb_base_point_size") or qapp.font().pointSizeF()
    try:
        for scale in scales:
            apply_text_scale(scale, qapp)
            assert qapp.font().pointSizeF() == pytest.approx(base * scale)
    finally:
        apply_text_scale(1.0, qapp)


def test_the_app_is_fusion_whatever_style_it_started_with(qapp):
    """theme.use_fusion asks the style once; cli.main starts Qt with Fusion and says so."""
    from PySide6.QtWidgets import QStyleFactory

    from itbgui.ui.theme import FUSION_SET, use_fusion

    other = next(k for k in QStyleFactory.keys() if k.lower() != "fusion")
    try:
        qapp.setStyle(other)
        qapp.setProperty(FUSION_SET, False)
        use_fusion(qapp)
        assert qapp.style().name().lower() == "fusion" and qapp.property(FUSION_SET)
        use_fusion(qapp)                                     # known now: not asked again
        assert qapp.style().name().lower() == "fusion"
    finally:
        qapp.setStyle("Fusion")
        qapp.setProperty(FUSION_SET, True)
