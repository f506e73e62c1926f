"""The printable week: its content, the PDF's text (read back with QtPdf) and the plan-pdf command."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from itbgui.program.plan import generate_plan
from itbgui.program.plan_setup import PlanSetup
from itbgui.program.progression import decide
from itbgui.program.sessions import sets_at_target
from itbgui.program.timeline import build_timeline
from itbgui.store.records import SessionRecord

ROOT = Path(__file__).resolve().parents[1]
MONDAY = dt.date(2026, 11, 2)
SETUP = PlanSetup("intermediate", frozenset({1, 3, 5}), MONDAY, "right", ("yellow", "red"), (2.5, 5.0))


@pytest.fixture
def sheet_module(qapp):
    import itbgui.resources_rc  # noqa: F401
    from itbgui.screens.plan import sheet
    return sheet


def pdf_pages(path):
    """(page count, [page text], [page size in points]) read back with QtPdf."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    pages = doc.pageCount()
    texts = [doc.getAllText(i).text() for i in range(pages)]
    sizes = [doc.pagePointSize(i) for i in range(pages)]
    doc.close()
    return pages, texts, sizes


def flat(text):
    return " ".join(text.split())


def logged(prescription, day, before, after, morning="same"):
    start = dt.datetime(day.year, day.month, day.day, 18).astimezone()
    return SessionRecord(f"s-{day}", start, start + dt.timedelta(minutes=19), True,
                         prescription.title, prescription.week, before, after, "", sets_at_target(prescription), morning)


def history_through_week(weeks):
    """Every planned session of the first ``weeks`` weeks done at low pain, on its day."""
    plan = generate_plan(SETUP)
    return [logged(p.prescription, p.date, 1, 2)
            for w in range(weeks) for p in plan.sessions_in_week(MONDAY + dt.timedelta(weeks=w))]


def test_the_sheet_holds_the_weeks_days_sessions_and_rest_days(sheet_module):
    sheet = sheet_module.build_week_sheet(SETUP, [], [], MONDAY + dt.timedelta(days=3), MONDAY)
    assert sheet.monday == MONDAY and sheet.week == 1 and sheet.week_label == "Week 1 of 8"
    assert [d.date.weekday() for d in sheet.days] == list(range(7))
    assert [d.date.weekday() for d in sheet.days if d.session] == [0, 2, 4]
    assert [d.running for d in sheet.days] == [False, True, False, True, False, True, False]
    assert [s.prescription.first_side for s in sheet.sessions] == ["right"] * 3


def test_settings_tempo_and_rest_shape_the_printed_sessions(sheet_module):
    from itbgui.program.exercises import Tempo
    from itbgui.program.preferences import SessionPreferences

    plain = sheet_module.build_week_sheet(SETUP, [], [], MONDAY, MONDAY)
    slow = SessionPreferences(tempo=Tempo(3, 1, 3), rest_seconds=90)
    custom = sheet_module.build_week_sheet(SETUP, [], [], MONDAY, MONDAY, slow)
    for before, after in zip(plain.sessions, custom.sessions):
        counted = [i for i in after.prescription.items if i.exercise.kind.value == "reps"]
        assert counted and all(i.tempo == Tempo(3, 1, 3) for i in counted)
        expected = round(build_timeline(after.prescription).timed_seconds / 60)
        assert after.estimated_minutes == expected > before.estimated_minutes


def test_the_current_week_uses_the_latest_decision(sheet_module):
    history = history_through_week(4)
    today = MONDAY + dt.timedelta(weeks=4)       # week 5, after two easy sessions: progress
    sheet = sheet_module.build_week_sheet(SETUP, history, [], today, today)
    assert sheet.decision.action == "progress"
    # The clamshell last changed on Wednesday of week 4 and has had one easy session at that
    # dose: it holds until a second (issue 20, finding 6), on Monday and Friday alike (the
    # sheet does not count sessions not yet done).
    for session in (sheet.sessions[0], sheet.sessions[2]):
        clam = session.prescription.items[0]
        assert (clam.exercise_id, clam.reps, clam.resistance) == ("clamshell", 12, "Yellow band above the knees")
    # A hold repeats week 4's dose on the printed sheet too.
    hold = decide(SETUP, history).with_override("hold")
    held = sheet_module.build_week_sheet(SETUP, history, [hold], today, today)
    for session in (held.sessions[0], held.sessions[2]):
        clam = session.prescription.items[0]
        assert (clam.reps, clam.resistance) == (12, "Yellow band above the knees")


@pytest.mark.parametrize("page_size, points", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_pdf_is_one_page_holding_every_planned_exercise_and_dose(sheet_module, tmp_path, page_size, points):
    history = history_through_week(4)
    today = MONDAY + dt.timedelta(weeks=4)
    sheet = sheet_module.build_week_sheet(SETUP, history, [], today, today)
    out = tmp_path / "week.pdf"
    sheet_module.write_week_pdf(out, sheet, page_size)
    pages, texts, sizes = pdf_pages(out)
    assert pages == 1
    assert (round(sizes[0].width()), round(sizes[0].height())) == points
    text = flat(texts[0])
    assert "Week 5 of 8" in text and "30 November – 6 December 2026" in text
    assert "This week: progress." in text
    for day in sheet.days:
        assert f"{day.date:%A} {day.date.day}" in text
    # before the walking check, each run day asks for it rather than prescribing a run
    assert text.count("Run day · first the walking check") == 3 and text.count("Rest day") == 1
    assert text.count("Pain before") == 3
    items = [i for s in sheet.sessions for i in s.prescription.items]
    assert len(items) == 12
    for item in items:
        for expected in (item.exercise.name, item.dose_label(), item.resistance):
            assert expected in text, expected
        if item.exercise.kind.value == "reps":
            assert f"tempo {item.tempo.label()} s" in text
    for session in sheet.sessions:
        assert f"about {session.estimated_minutes} min" in text


def test_maintenance_and_a_runner_every_day_still_fit_one_page(sheet_module, tmp_path):
    runner = PlanSetup("advanced", frozenset(range(7)), MONDAY, "both", ("green",), ())
    # Maintenance once the final dose is reached and settled (issue 20), not on a date.
    from itbgui.program.simulation import Outcome, simulate

    played = simulate(runner, lambda *_: Outcome(1, 1, "same"), 16 * 7)
    first = next(p.offered for p in played if p.offered.is_maintenance)
    settled = [p.record for p in played if p.offered.date < first.date]
    for week, sessions, history in ((3, 3, []), (first.week, 1, settled)):
        day = MONDAY + dt.timedelta(weeks=week - 1)
        sheet = sheet_module.build_week_sheet(runner, history, [], day, MONDAY)
        out = tmp_path / f"w{week}.pdf"
        sheet_module.write_week_pdf(out, sheet, "Letter")
        pages, texts, _ = pdf_pages(out)
        text = flat(texts[0])
        assert pages == 1
        assert text.count("after a light run") == sessions
        assert text.count("Pain before") == sessions
        for item in (i for s in sheet.sessions for i in s.prescription.items):
            assert item.exercise.name in text and item.dose_label() in text
    assert f"Maintenance · week {first.week}" in text
    # Without three settled sessions behind it, week 10 is still the build phase, said so.
    building = sheet_module.build_week_sheet(runner, [], [], MONDAY + dt.timedelta(weeks=9), MONDAY)
    assert building.week_label == "Week 10 · building on" and len(building.sessions) == 3


def test_the_same_painting_goes_to_a_printer(sheet_module, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sheet_module.configure_page(printer, "Letter")
    sheet = sheet_module.build_week_sheet(SETUP, [], [], MONDAY, MONDAY)
    sheet_module.render_week_sheet(printer, sheet)
    pages, texts, _ = pdf_pages(tmp_path / "printed.pdf")
    assert pages == 1 and "Clamshells" in texts[0]
    with pytest.raises(ValueError, match="page size"):
        sheet_module.configure_page(printer, "A5")


# ------------------------------------------------------------------ the command


def run_cli(args, **kw):
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)   # the command must choose offscreen by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=60,
                          env=env, cwd=ROOT, **kw)


def data_folder(path: Path) -> Path:
    """A data folder as the app leaves it after a first start: a data file, no plan yet."""
    from itbgui.store.repository import SessionRepository

    SessionRepository(path).close()
    return path


def test_plan_pdf_without_a_plan_uses_the_default_and_says_so(tmp_path, qapp):
    out = tmp_path / "default.pdf"
    data = data_folder(tmp_path / "empty")
    before = sorted((p.name, p.read_bytes()) for p in data.iterdir())
    result = run_cli(["-m", "itbgui", "plan-pdf", str(out), "--data-dir", str(data)])
    assert result.returncode == 0, result.stderr
    assert "no plan set up yet" in result.stderr and "default plan" in result.stderr
    assert sorted((p.name, p.read_bytes()) for p in data.iterdir()) == before   # printing writes nothing
    pages, texts, _ = pdf_pages(out)
    text = flat(texts[0])
    assert pages == 1 and "Week 1 of 8" in text and "2 x 10 reps per side" in text
    # A week before the plan starts says when it starts.
    early = run_cli(["-m", "itbgui", "plan-pdf", str(out), "--data-dir", str(data),
                     "--week", "2020-01-01"])
    assert early.returncode == 0, early.stderr
    assert "Your plan starts on Monday" in flat(pdf_pages(out)[1][0])


def run_in_week_three(args, out, data, capsys, days_later=0) -> int:
    """plan-pdf in this process on the Monday of week 3 (2026-11-16), or ``days_later``."""
    from itbgui.cli import plan_pdf
    from itbgui.core.clock import FakeClock

    clock = FakeClock(dt.datetime(2026, 11, 16, 9, 0).astimezone() + dt.timedelta(days=days_later))
    capsys.readouterr()
    return plan_pdf.run([str(out), *args, "--data-dir", str(data)], clock=clock)


def test_plan_pdf_prints_the_stored_plan_for_the_given_week(tmp_path, qapp, capsys):
    from itbgui.store.repository import SessionRepository

    data = tmp_path / "data"
    repo = SessionRepository(data)
    repo.save_plan_setup(SETUP.to_doc())
    repo.save_sessions(history_through_week(2))
    repo.close()
    out = tmp_path / "week3.pdf"
    assert run_in_week_three(["--week", "2026-11-18", "--page-size", "Letter"], out, data, capsys) == 0
    assert "Week 3 of 8" in capsys.readouterr().out
    pages, texts, sizes = pdf_pages(out)
    text = flat(texts[0])
    assert pages == 1 and round(sizes[0].height()) == 792
    assert "Yellow band above the knees" in text and "Marching bridge" in text
    assert "right side first" in text
    # Printed a week later, its days gone by without a session say so, with no dose.
    assert run_in_week_three(["--week", "2026-11-18"], out, data, capsys, days_later=7) == 0
    text = flat(pdf_pages(out)[1][0])
    assert text.count("Session missed: not done on the day") == 3 and "Marching bridge" not in text


def test_plan_pdf_prints_the_tempo_chosen_in_settings(tmp_path, qapp, capsys):
    from itbgui.ui.settings import AppSettings
    from itbgui.store.repository import SessionRepository

    data = tmp_path / "data"
    with SessionRepository(data) as repo:
        repo.save_plan_setup(SETUP.to_doc())
    settings = AppSettings(data)
    settings.custom_tempo = True
    from itbgui.program.exercises import Tempo
    settings.tempo = Tempo(3, 1, 3)
    settings.sync()
    out = tmp_path / "week.pdf"
    assert run_in_week_three(["--week", "2026-11-16"], out, data, capsys) == 0
    text = flat(pdf_pages(out)[1][0])
    assert "tempo 3-1-3 s" in text and "tempo 2-1-2 s" not in text


@pytest.mark.parametrize("args, message", [
    (["--week", "2026-13-40"], "YYYY-MM-DD"),
    (["--page-size", "A5"], "invalid choice"),
])
def test_plan_pdf_refuses_bad_arguments(tmp_path, args, message):
    result = run_cli(["-m", "itbgui", "plan-pdf", str(tmp_path / "x.pdf"), *args])
    assert result.returncode == 2 and message in result.stderr


def test_plan_pdf_reports_a_missing_output_folder(tmp_path):
    result = run_cli(["-m", "itbgui", "plan-pdf", str(tmp_path / "no" / "x.pdf"),
                      "--data-dir", str(data_folder(tmp_path / "d"))])
    assert result.returncode == 1 and "the folder" in result.stderr and "does not exist" in result.stderr


def test_plan_pdf_week_9999_is_a_clear_error_not_a_traceback(tmp_path):
    result = run_cli(["-m", "itbgui", "plan-pdf", str(tmp_path / "x.pdf"), "--week", "9999-12-31",
                      "--data-dir", str(tmp_path / "d")])
    assert result.returncode == 2 and "outside the dates" in result.stderr
    assert "Traceback" not in result.stderr


def test_plan_pdf_that_could_not_write_says_so_and_leaves_the_old_file(tmp_path, tmp_path_factory, qapp,
                                                                      monkeypatch, capsys):
    """QPdfWriter fails without a word (a file it may not write, say): an older PDF at the
    same path must not pass for the new one."""
    from itbgui.cli import plan_pdf as pdf_command
    from itbgui.screens.plan import sheet

    out = tmp_path / "week.pdf"
    out.write_bytes(b"%PDF an older week")
    monkeypatch.setattr(sheet, "write_week_pdf", lambda *args, **kw: None)
    code = pdf_command.run([str(out), "--data-dir", str(data_folder(tmp_path_factory.mktemp("d")))])
    err = capsys.readouterr()
    assert code == 1 and "could not write" in err.err and "Saved" not in err.out
    assert out.read_bytes() == b"%PDF an older week"
    assert [p.name for p in tmp_path.iterdir()] == ["week.pdf"]     # no temporary file left


def test_a_day_already_done_shows_what_was_done(sheet_module):
    import dataclasses

    plan = generate_plan(SETUP)
    week1 = plan.sessions_in_week(MONDAY)
    first = logged(week1[0].prescription, week1[0].date, 1, 7)            # a flare: step back
    short = tuple(dataclasses.replace(s, done_reps=8) if s.exercise_id == "clamshell" else s
                  for s in first.sets)
    history = [dataclasses.replace(first, sets=short)]
    today = week1[0].date + dt.timedelta(days=1)
    sheet = sheet_module.build_week_sheet(SETUP, history, [], today, today)
    done_day = next(d for d in sheet.days if d.date == week1[0].date)
    clam = next(i for i in done_day.session.prescription.items if i.exercise_id == "clamshell")
    assert (clam.sets, clam.reps) == (3, 8)          # what was done, not today's decision
    # The days to come carry the step back.
    later = [d.session for d in sheet.days if d.session and d.date > week1[0].date]
    lift = next(i for s in later for i in s.prescription.items if i.exercise_id == "side_leg_lift")
    assert (lift.sets, lift.reps) == (2, 7)


def test_the_printed_week_shows_the_advice_and_never_progress_under_it(sheet_module, tmp_path):
    plan = generate_plan(SETUP)
    week1 = plan.sessions_in_week(MONDAY)
    history = [logged(p.prescription, p.date, 3, 8) for p in week1[:2]]     # 8/10 twice
    today = week1[1].date + dt.timedelta(days=1)
    sheet = sheet_module.build_week_sheet(SETUP, history, [{"id": "after-x", "based_on": history[-1].id,
                                                            "overridden_to": "progress"}], today, today)
    assert sheet.decision.see_clinician and sheet.decision.effective_action != "progress"
    out = tmp_path / "advice.pdf"
    sheet_module.write_week_pdf(out, sheet)
    text = flat(pdf_pages(out)[1][0])
    assert "Please see a physiotherapist or doctor." in text and "This week: progress" not in text


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_no_printed_line_loses_a_letter(sheet_module, tmp_path, page_size):
    """Each day's header ("leg lifts, deadlifts, band walks · about 17 min · after a light
    run") and every other line is printed whole: set smaller when long, never cut at the
    left edge as the right-aligned header was ("eg lifts, deadlifts...")."""
    from PySide6.QtGui import QPdfWriter

    runner = PlanSetup("advanced", frozenset(range(7)), MONDAY, "both", ("green",), ())
    for setup in (SETUP, runner):
        for week in range(1, 9):
            day = MONDAY + dt.timedelta(weeks=week - 1)
            sheet = sheet_module.build_week_sheet(setup, [], [], day, MONDAY)
            writer = QPdfWriter(str(tmp_path / "w.pdf"))
            sheet_module.configure_page(writer, page_size)
            lines = sheet_module.render_week_sheet(writer, sheet)
            assert lines, "nothing drawn"
            cut = [(text, drawn) for text, drawn in lines if drawn != text]
            assert cut == [], (setup.level, week)
            headers = [t for t, _ in lines if "about" in t and " min" in t]
            assert len(headers) == len(sheet.sessions)
    out = tmp_path / "runner.pdf"
    sheet_module.write_week_pdf(out, sheet_module.build_week_sheet(runner, [], [], MONDAY + dt.timedelta(days=3), MONDAY), page_size)
    text = flat(pdf_pages(out)[1][0])
    assert "leg lifts, deadlifts, band walks · about" in text


def test_a_paused_week_prints_the_pause_the_stretch_only_and_the_advice(sheet_module, tmp_path):
    plan = generate_plan(SETUP)
    first = plan.sessions_in_week(MONDAY)[0]
    history = [logged(first.prescription, first.date, 1, 9)]        # 9/10: strength work pauses
    sheet = sheet_module.build_week_sheet(SETUP, history, [], MONDAY, MONDAY + dt.timedelta(days=1))
    assert sheet.phase == "paused" and sheet.decision.phase == "paused"
    out = tmp_path / "paused.pdf"
    sheet_module.write_week_pdf(out, sheet, "A4")
    text = flat(pdf_pages(out)[1][0])
    assert "Strength work paused" in text and "see a physiotherapist or doctor" in text
    to_come = [d.session for d in sheet.days if d.session and d.done is None]
    assert to_come and all([i.exercise_id for i in s.prescription.items] == ["glute_stretch"] for s in to_come)


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_each_session_on_paper_asks_the_worst_pain_during_with_before_after_and_the_morning(sheet_module, tmp_path,
                                                                                            page_size):
    """The paper diary asks what the rule steps back on: the worst pain during the session."""
    today = MONDAY + dt.timedelta(weeks=4)
    sheet = sheet_module.build_week_sheet(SETUP, [], [], today, today)
    out = tmp_path / "week.pdf"
    sheet_module.write_week_pdf(out, sheet, page_size)
    text = flat(pdf_pages(out)[1][0])
    sessions = len([d for d in sheet.days if d.session and not d.missed])
    for words in ("Pain before", "worst during", "after", "Next morning", "better", "same", "worse"):
        assert text.count(words) >= sessions, words
    assert "…" not in text          # every word whole, on the narrower Letter page too
