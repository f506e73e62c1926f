"""Preferences survive a restart, stay per data folder, and a hand-edited INI cannot break them."""

import pytest

from itbgui.program.exercises import Tempo
from itbgui.program.preferences import SessionPreferences
from itbgui.ui.settings import AppSettings


def test_every_setting_persists_across_a_new_settings_object(tmp_path):
    s = AppSettings(tmp_path)
    s.sound_enabled = False
    s.sound_volume = 35
    s.voice_enabled = False
    s.voice_name = "Alba"
    s.custom_tempo = True
    s.tempo = Tempo(3, 0.5, 3)
    s.custom_rest = True
    s.rest_seconds = 75
    s.get_ready_seconds = 20
    s.theme = "dark"
    s.text_size = "extra_large"
    s.window_geometry = b"\x01\xd9\xd0\xcb\x00geometry"
    s.first_run_done = True
    s.sync()

    again = AppSettings(tmp_path)
    assert again.sound_enabled is False
    assert again.sound_volume == 35
    assert again.voice_enabled is False
    assert again.voice_name == "Alba"
    assert again.tempo == Tempo(3, 0.5, 3)
    assert again.rest_seconds == 75
    assert again.get_ready_seconds == 20
    assert again.theme == "dark"
    assert again.text_size == "extra_large" and again.text_scale == 1.5
    assert again.window_geometry == b"\x01\xd9\xd0\xcb\x00geometry"
    assert again.first_run_done is True
    assert again.session_preferences() == SessionPreferences(Tempo(3, 0.5, 3), 75, 20)


def test_defaults_on_an_empty_folder(tmp_path):
    s = AppSettings(tmp_path)
    assert (s.sound_enabled, s.sound_volume, s.voice_enabled, s.voice_name) == (True, 80, True, "")
    assert (s.theme, s.text_size, s.window_geometry, s.first_run_done) == ("system", "normal", None, False)
    # Until the person picks their own, the plan's tempo and rests apply.
    assert s.session_preferences() == SessionPreferences(tempo=None, rest_seconds=None,
                                                         get_ready_seconds=15)


def test_the_plan_values_come_back_when_custom_is_switched_off(tmp_path):
    s = AppSettings(tmp_path)
    s.custom_rest = True
    s.rest_seconds = 100
    s.custom_rest = False
    assert s.session_preferences().rest_seconds is None
    assert s.rest_seconds == 100                      # kept for when it is switched on again


def test_two_data_folders_keep_their_settings_apart(tmp_path):
    a, b = AppSettings(tmp_path / "a"), AppSettings(tmp_path / "b")
    a.theme = "dark"
    a.sync()
    assert b.theme == "system"
    assert a.path == tmp_path / "a" / "settings.ini"


def test_bad_values_in_a_hand_edited_ini_fall_back_to_defaults(tmp_path):
    (tmp_path / "settings.ini").write_text(
        "[sound]\nenabled=perhaps\nvolume=250\nvoice=maybe\n"
        "[timing]\ncustom_tempo=true\ntempo_up=0.1\ntempo_hold=abc\ntempo_down=9\n"
        "custom_rest=1\nrest_seconds=5\nget_ready_seconds=-3\n"
        "[view]\ntheme=purple\ntext_size=huge\n"
        "[window]\ngeometry=not bytes\n"
        "[app]\nfirst_run_done=sometimes\n")
    s = AppSettings(tmp_path)
    assert s.sound_enabled is True and s.voice_enabled is True
    assert s.sound_volume == 80
    assert s.tempo == Tempo(2, 1, 2)
    assert s.rest_seconds == 45
    assert s.get_ready_seconds == 15
    assert s.theme == "system" and s.text_size == "normal"
    assert s.window_geometry is None
    assert s.first_run_done is False
    # the defaults are safe, so the preferences still build
    assert s.session_preferences() == SessionPreferences(Tempo(2, 1, 2), 45, 15)


def test_good_hand_edited_values_are_read(tmp_path):
    (tmp_path / "settings.ini").write_text("[sound]\nvolume=55\n[timing]\nrest_seconds=30\n")
    s = AppSettings(tmp_path)
    assert s.sound_volume == 55 and s.rest_seconds == 30


@pytest.mark.parametrize("name, value", [
    ("sound_volume", 101), ("rest_seconds", 10), ("get_ready_seconds", 61),
    ("theme", "purple"), ("text_size", "tiny"), ("tempo", Tempo(5, 1, 2)),
])
def test_setters_refuse_out_of_range_values(tmp_path, name, value):
    s = AppSettings(tmp_path)
    with pytest.raises(ValueError):
        setattr(s, name, value)


def test_reduce_motion_follows_the_system_until_chosen(tmp_path):
    s = AppSettings(tmp_path)
    assert s.reduce_motion is None
    s.reduce_motion = True
    assert AppSettings(tmp_path).reduce_motion is True
    s.reduce_motion = False
    assert AppSettings(tmp_path).reduce_motion is False
    s.reduce_motion = None
    assert AppSettings(tmp_path).reduce_motion is None
    s._qs.setValue("view/reduce_motion", "sometimes")           # a hand-edited nonsense value
    assert AppSettings(tmp_path).reduce_motion is None
