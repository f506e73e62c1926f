"""History's runs: their own table and three charts (where the pain began run by run, the
weekly distance against pain, the stage), redrawn when the model says runs changed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from itbgui.screens.history import run_chart_data as rd
from itbgui.store.run_records import RunRecord
from window_helpers import MONDAY, clock_on, open_window

TZ = dt.timezone.utc


def run(day: int, km=5.0, pain=2, onset_km=None, onset_min=None, after=1, stage=1, minutes=30, **kw):
    return RunRecord(f"r{day}", dt.datetime(2026, 10, day, 7, 0, tzinfo=TZ), distance_km=km,
                     duration_s=minutes * 60, pain_during=pain, pain_onset_km=onset_km,
                     pain_onset_min=onset_min, pain_after=after, stage=stage, **kw)


RUNS = [run(5, 4.0, 5, onset_km=2.0), run(8, 4.0, 4, onset_min=20), run(13, 5.0, 0, after=0, stage=2),
        run(15, 5.0, 3), run(27, 6.0, 0, after=0, stage=3)]


def test_the_onset_is_placed_run_by_run_and_a_pain_free_run_at_its_whole_distance():
    chart = rd.onset_chart(RUNS)
    assert [(p.km, p.kind) for p in chart.points] == [
        (2.0, "onset"), (pytest.approx(4.0 * 20 / 30), "estimated"), (5.0, "pain_free"), (6.0, "pain_free")]
    assert chart.unplaced == 1                     # pain 3 on the 15th, but no place given


def test_the_weekly_distance_counts_empty_weeks_and_keeps_the_worst_pain():
    weeks = rd.weekly_runs(RUNS)
    assert [(w.monday.day, w.km, w.runs, w.worst_pain) for w in weeks] == [
        (5, 8.0, 2, 5), (12, 10.0, 2, 3), (19, 0.0, 0, None), (26, 6.0, 1, 0)]
    assert [p.stage for p in rd.stage_points(RUNS)] == [1, 1, 2, 1, 3]


@pytest.fixture
def window(qtbot, store, tmp_path):
    win = open_window(qtbot, store, tmp_path, clock_on(MONDAY))
    win.runs   # noqa: B018
    return win


def test_the_runs_view_shows_the_runs_and_redraws_when_one_is_logged(qtbot, window):
    window.show_page("history")
    page = window.history_page
    qtbot.mouseClick(page.view_buttons["runs"], Qt.MouseButton.LeftButton)
    view = page.runs_view
    assert view.isVisible() and view.model.rowCount() == 0 and view.empty_label.isVisible()
    window.model.save_runs(RUNS)
    assert view.model.rowCount() == 5 and view.heading.text() == "5 runs"
    newest = [view.model.data(view.model.index(0, c)) for c in range(view.model.columnCount())]
    assert newest[:8] == ["2026-10-27 07:00", "6", "30:00", "", "0", "no pain", "0", "3"]
    tips = view.onset_chart.hover_texts()
    assert any("Pain began at 2 km of 4 km (worst 5/10)" in t for t in tips)
    assert any("6 km without pain" in t for t in tips)
    assert "No pain: the whole run" in view.onset_chart.legend_names()
    assert view.note_label.text().startswith("1 run with pain but no distance or place where it began is")
    assert any("10 km in 2 runs · worst pain 3/10" in t for t in view.distance_chart.hover_texts())
    assert any("Stage 3 of 8" in t for t in view.stage_chart.hover_texts())
    window.model.delete_run("r27")
    assert view.model.rowCount() == 4


def test_answer_opens_the_run_dialog_for_the_selected_run(qtbot, window):
    window.model.save_runs([RunRecord("gpx-1", dt.datetime(2026, 10, 30, 7, tzinfo=TZ), distance_km=8.0,
                                      duration_s=2400, source="gpx")])
    window.show_page("history")
    page = window.history_page
    qtbot.mouseClick(page.view_buttons["runs"], Qt.MouseButton.LeftButton)
    assert page.runs_view.model.data(page.runs_view.model.index(0, 8)) == "GPX"
    qtbot.mouseClick(page.runs_view.answer_button, Qt.MouseButton.LeftButton)
    assert window.runs.dialog is not None and window.runs.dialog.existing.id == "gpx-1"


def test_file_export_runs_writes_every_run_oldest_first(window, tmp_path):
    import csv

    window.model.save_runs(RUNS)
    out = tmp_path / "runs.csv"
    assert window.runs.export_csv(out) == len(RUNS)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["run_id"] for r in rows] == [r.id for r in sorted(RUNS, key=lambda r: r.started_at)]
    assert window.menus.export_runs_action.text() == "Export &runs as CSV…"
