"""The main window's first size fits the screen's free area with the frame the window
manager draws round it (at 1366 x 768 under openbox, a 1280 x 720 window plus its title
bar and borders must not reach past the bottom, nor past a panel)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from itbgui.app import MainWindow
from itbgui.ui.settings import AppSettings
from itbgui.store.repository import SessionRepository
from itbgui.ui.widget_kit import FIRST_WINDOW_SIZE, first_geometry, frame_margins, kept_inside
from qt_helpers import RecordingInhibitor
from window_helpers import MONDAY, clock_on

OPENBOX = (1, 20, 1, 5)          # left, top, right, bottom: what openbox 3.6 draws


def frame_of(client, frame):
    x, y, w, h = client
    left, top, right, bottom = frame
    return x - left, y - top, w + left + right, h + top + bottom


def inside(rect, room) -> bool:
    x, y, w, h = rect
    rx, ry, rw, rh = room
    return rx <= x and ry <= y and x + w <= rx + rw and y + h <= ry + rh


def test_the_wanted_size_is_kept_where_it_fits_with_its_frame():
    client = first_geometry((0, 0, 1366, 768), OPENBOX, (1280, 720), (400, 300))
    assert client[2:] == (1280, 720)
    assert inside(frame_of(client, OPENBOX), (0, 0, 1366, 768))


def test_a_panel_takes_its_height_from_the_window_not_from_the_frame():
    room = (0, 0, 1366, 728)                                   # a 40 px panel at the bottom
    client = first_geometry(room, OPENBOX, (1280, 720), (400, 300))
    assert client[3] == 728 - 20 - 5
    assert frame_of(client, OPENBOX)[1] == 0 and inside(frame_of(client, OPENBOX), room)


def test_a_screen_smaller_than_the_window_gets_a_window_as_large_as_it_can_hold():
    room = (0, 0, 1024, 600)
    client = first_geometry(room, OPENBOX, (1280, 720), (400, 300))
    assert frame_of(client, OPENBOX) == room


def test_a_minimum_larger_than_the_room_keeps_the_title_bar_on_the_screen():
    room = (100, 50, 600, 400)                                 # a second screen, off the origin
    client = first_geometry(room, OPENBOX, (1280, 720), (700, 500))
    assert client[2:] == (700, 500)
    assert frame_of(client, OPENBOX)[:2] == (100, 50)


@given(st.tuples(st.integers(-2000, 2000), st.integers(-2000, 2000), st.integers(300, 4000),
                 st.integers(300, 3000)),
       st.tuples(*[st.integers(0, 40)] * 4),
       st.tuples(st.integers(100, 2000), st.integers(100, 1500)),
       st.tuples(st.integers(50, 600), st.integers(50, 400)))
def test_the_frame_lies_in_the_room_whenever_the_minimum_allows(room, frame, wanted, minimum):
    client = first_geometry(room, frame, wanted, minimum)
    w, h = client[2:]
    assert w >= min(wanted[0], minimum[0]) and h >= min(wanted[1], minimum[1])
    assert w <= max(wanted[0], minimum[0]) and h <= max(wanted[1], minimum[1])
    if minimum[0] + frame[0] + frame[2] <= room[2] and minimum[1] + frame[1] + frame[3] <= room[3]:
        assert inside(frame_of(client, frame), room)


def rect(r: QRect):
    return r.x(), r.y(), r.width(), r.height()


@pytest.mark.parametrize("text_size", ["normal", "extra_large"])
def test_the_first_window_lies_in_the_screens_free_area_with_its_frame(qtbot, tmp_path, text_size):
    settings = AppSettings(tmp_path)
    settings.text_size = text_size
    store = SessionRepository(tmp_path)
    win = MainWindow(store, settings, clock_on(MONDAY), inhibitor=RecordingInhibitor())
    qtbot.addWidget(win)
    room = rect(win.screen().availableGeometry())       # 800 x 800 offscreen: less than 1280 x 720
    assert room[2] < FIRST_WINDOW_SIZE[0]
    win.show()
    qtbot.waitExposed(win)
    frame = frame_margins(win)
    assert frame != (0, 0, 0, 0)                        # the offscreen platform draws 2 px round
    # the estimate made before the frame was known is put right once it is
    qtbot.waitUntil(lambda: rect(win.frameGeometry())[2] == room[2])
    assert inside(rect(win.frameGeometry()), room)
    assert win.height() == FIRST_WINDOW_SIZE[1]
    win.close()
    store.close()


def test_a_size_given_before_the_window_shows_is_kept(qtbot, tmp_path):
    store = SessionRepository(tmp_path)
    win = MainWindow(store, AppSettings(tmp_path), clock_on(MONDAY), inhibitor=RecordingInhibitor())
    qtbot.addWidget(win)
    win.resize(640, 480)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    assert frame_margins(win) != (0, 0, 0, 0)
    assert win.size().toTuple() == (640, 480)
    win.close()
    store.close()


def test_a_restored_window_across_an_edge_is_moved_in_and_keeps_its_size():
    room = (0, 0, 1366, 728)
    client = kept_inside(room, OPENBOX, (43, 25, 1280, 703), (400, 300))   # 5 px into a panel
    assert client == (43, 20, 1280, 703)
    assert inside(frame_of(client, OPENBOX), room)


def test_a_restored_window_inside_the_room_stays_where_it_was():
    assert kept_inside((0, 0, 1366, 768), OPENBOX, (200, 100, 900, 500), (400, 300)) == (200, 100, 900, 500)


def test_a_restored_window_larger_than_the_room_is_shrunk_into_it():
    room = (1366, 0, 1024, 600)                                  # a smaller second screen
    client = kept_inside(room, OPENBOX, (1300, -40, 1920, 1050), (400, 300))
    assert frame_of(client, OPENBOX) == room


@given(st.tuples(st.integers(-2000, 2000), st.integers(-2000, 2000), st.integers(300, 4000),
                 st.integers(300, 3000)),
       st.tuples(*[st.integers(0, 40)] * 4),
       st.tuples(st.integers(-3000, 3000), st.integers(-3000, 3000), st.integers(100, 3000),
                 st.integers(100, 2000)))
def test_a_restored_frame_lies_in_the_room(room, frame, client):
    kept = kept_inside(room, frame, client, (50, 50))
    assert inside(frame_of(kept, frame), room)
    if inside(frame_of(client, frame), room):
        assert kept == client
