"""Today's kept cards (app/today_cards.py): the card a start draws in its first frame is
the page Today worked out from the whole log would show at that moment, and a card made
for other data, settings, rules or days is never drawn."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
import tempfile
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from history_helpers import FAST, MONDAY, SETUP, local, logged
from itbgui.app import today_cards
from itbgui.app.today_cards import DAYS_AHEAD, FILE_NAME, keep_cards, read_card
from itbgui.core.clock import FakeClock
from itbgui.core.coach import Coach
from itbgui.program.decisions import answer_doc
from itbgui.screens.today_card import TodayCard
from itbgui.screens.today_words import today_card
from itbgui.store.repository import SessionRepository
from test_progression_rules import build_history, histories

KEY = today_cards.cards_key([None] * 7, "C")


def words(text: str) -> str:
    return text


def shown_at(store: SessionRepository, when: dt.datetime) -> TodayCard:
    """The page a start at ``when`` shows once the data is read, without the run day
    (which no card holds), from a coach that has kept nothing."""
    view = Coach(store, FakeClock(when), timing=FAST).today_view(with_run_day=False)
    return today_card(view.session, now=when.date(), last=view.last, plan_is_default=view.plan_is_default,
                      sore_side=view.setup.sore_side, tr=words, morning=view.morning_question)


def at_minute(day: dt.date, minute: int, tz) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tz)


@settings(max_examples=60)   # each example writes a data file and works out nine days
@given(histories, st.integers(0, 3 * 24 * 60), st.integers(0, DAYS_AHEAD - 1), st.integers(0, 24 * 60 - 1),
       st.booleans())
def test_a_kept_card_is_what_today_shows_at_that_moment(case, closed_after, ahead, minute, answered_pause):
    setup, rows, _overrides = case
    records = build_history(setup, rows)
    closed = records[-1].ended_at + dt.timedelta(minutes=closed_after)
    with tempfile.TemporaryDirectory() as folder, SessionRepository(Path(folder)) as store:
        store.save_plan_setup(setup.to_doc())
        store.save_sessions(records)
        if answered_pause:
            store.save_decision(answer_doc("settled", closed))
        keep_cards(Coach(store, FakeClock(closed), timing=FAST), store.path, KEY, words)
        when = max(closed, at_minute(closed.date() + dt.timedelta(days=ahead), minute, closed.tzinfo))
        card = read_card(store.path, KEY, when)
        if card is not None:
            assert card == shown_at(store, when)
        else:   # only before the moment that day's page changes (the morning question comes due)
            evening = at_minute(when.date(), 24 * 60 - 1, closed.tzinfo)
            assert shown_at(store, when) != shown_at(store, evening)
            assert read_card(store.path, KEY, evening) == shown_at(store, evening)


def _kept(folder: Path, now: dt.datetime, key: str = KEY) -> SessionRepository:
    store = SessionRepository(folder)
    store.save_plan_setup(SETUP.to_doc())
    store.save_sessions([logged(MONDAY, 2, 3, "same")])
    keep_cards(Coach(store, FakeClock(now), timing=FAST), store.path, key, words)
    return store


def test_every_day_ahead_has_its_card_and_no_later_one(tmp_path):
    now = local(MONDAY + dt.timedelta(days=1), 9)
    with _kept(tmp_path, now) as store:
        assert stat.S_IMODE(os.stat(tmp_path / FILE_NAME).st_mode) == 0o600   # the owner's alone
        for ahead in range(DAYS_AHEAD):
            evening = local(now.date() + dt.timedelta(days=ahead), 23, 30)
            assert read_card(store.path, KEY, evening) == shown_at(store, evening)
        assert read_card(store.path, KEY, local(now.date() + dt.timedelta(days=DAYS_AHEAD), 12)) is None
        assert read_card(store.path, KEY, now - dt.timedelta(days=1)) is None   # a clock put back


def test_the_morning_question_comes_into_the_card_when_it_comes_due(tmp_path):
    """A session ended at 21:19 is asked about the next day only once the night (eight hours)
    has passed: Tuesday's card holds from 05:19, and a start before that has none."""
    session = logged(MONDAY, 2, 3)   # no morning answer yet
    session = dataclasses.replace(session, started_at=local(MONDAY, 21), ended_at=local(MONDAY, 21, 19))
    with SessionRepository(tmp_path) as store:
        store.save_plan_setup(SETUP.to_doc())
        store.save_sessions([session])
        ended = session.ended_at
        keep_cards(Coach(store, FakeClock(ended + dt.timedelta(hours=1)), timing=FAST), store.path, KEY, words)
        doc = json.loads(json.loads((tmp_path / FILE_NAME).read_text())["state"])
        tuesday = doc["days"][(MONDAY + dt.timedelta(days=1)).isoformat()]
        assert tuesday["from"] == 5 * 60 + 19
        assert tuesday["card"]["morning"].startswith("Good morning")
        asked_from = at_minute(MONDAY + dt.timedelta(days=1), tuesday["from"], ended.tzinfo)
        assert read_card(store.path, KEY, asked_from) == shown_at(store, asked_from)
        before = asked_from - dt.timedelta(minutes=1)
        assert read_card(store.path, KEY, before) is None and not shown_at(store, before).morning


def test_a_card_is_not_drawn_for_other_data_settings_or_a_damaged_file(tmp_path):
    now = local(MONDAY + dt.timedelta(days=1), 9)
    with _kept(tmp_path, now) as store:
        assert read_card(store.path, KEY, now) is not None
        timing_changed = today_cards.cards_key(["true", "2", None, None, None, None, None], "C")
        assert read_card(store.path, timing_changed, now) is None
        assert read_card(store.path, today_cards.cards_key([None] * 7, "de_DE"), now) is None
        path = tmp_path / FILE_NAME
        kept = path.read_bytes()
        doc = json.loads(kept)
        path.write_text(json.dumps({**doc, "state": doc["state"].replace("Today", "Tomorrow")}))
        assert read_card(store.path, KEY, now) is None            # edited: its CRC no longer fits
        path.write_bytes(kept[: len(kept) // 2])
        assert read_card(store.path, KEY, now) is None            # torn
        path.write_bytes(kept)
        store.save_sessions([logged(MONDAY + dt.timedelta(days=1), 1, 1)])
        assert read_card(store.path, KEY, now) is None            # the data file changed
        path.unlink()
        assert read_card(store.path, KEY, now) is None


def test_a_card_reads_back_as_written_and_junk_is_refused():
    with tempfile.TemporaryDirectory() as folder, _kept(Path(folder), local(MONDAY, 20)) as store:
        card = shown_at(store, local(MONDAY + dt.timedelta(days=2), 12))
    assert TodayCard.from_doc(json.loads(json.dumps(card.to_doc()))) == card
    doc = card.to_doc()
    for junk in (None, [], {**doc, "heading": 3}, {**doc, "rows": [["a", "b"]]}, {**doc, "calls": [{}]},
                 {**doc, "setup_banner": "yes"}, {k: v for k, v in doc.items() if k != "last"},
                 {**doc, "extra": 1}):
        try:
            TodayCard.from_doc(junk)
        except ValueError:
            continue
        raise AssertionError(f"read as a card: {junk!r}")


def test_cards_are_worked_out_again_only_when_the_data_or_the_day_moved_on(tmp_path):
    now = local(MONDAY + dt.timedelta(days=1), 9)
    with _kept(tmp_path, now) as store:
        path = tmp_path / FILE_NAME
        first = path.stat().st_mtime_ns
        keep_cards(Coach(store, FakeClock(now + dt.timedelta(hours=3)), timing=FAST), store.path, KEY, words)
        assert path.stat().st_mtime_ns == first          # the same data, the same days: kept as it was
        store.save_sessions([logged(MONDAY + dt.timedelta(days=1), 1, 1, "better")])
        later = now + dt.timedelta(hours=4)
        keep_cards(Coach(store, FakeClock(later), timing=FAST), store.path, KEY, words)
        assert read_card(store.path, KEY, later) == shown_at(store, later)   # for the data as it is now
        tomorrow = now + dt.timedelta(days=1)
        keep_cards(Coach(store, FakeClock(tomorrow), timing=FAST), store.path, KEY, words)
        last = local(tomorrow.date() + dt.timedelta(days=DAYS_AHEAD - 1), 12)
        assert read_card(store.path, KEY, last) == shown_at(store, last)     # a day further on


def test_a_card_that_differs_from_the_data_is_replaced_and_logged(qtbot, tmp_path, caplog, monkeypatch):
    """Should a card ever say other than the data (a bug, a file put back by hand with its
    old time), the page worked out right after the first paint replaces it, and the log says so."""
    from itbgui import cli
    from itbgui.app import MainWindow

    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 0   # keeps the cards
    path = tmp_path / FILE_NAME
    doc = json.loads(path.read_text())
    cards = json.loads(doc["state"])
    for day in cards["days"].values():
        day["card"]["heading"] = "A day that is not today"
    text = json.dumps(cards)
    path.write_text(json.dumps({**doc, "crc32": zlib.crc32(text.encode("utf-8")), "state": text}))
    headings = []
    real_load = MainWindow.load_data

    def load_data(window):
        headings.append(window.today_page.heading.text())   # what the first frame showed
        real_load(window)
        headings.append(window.today_page.heading.text())

    monkeypatch.setattr(MainWindow, "load_data", load_data)
    assert cli.main(["--data-dir", str(tmp_path), "--exit-after-show"]) == 0
    assert headings[0] == "A day that is not today" and headings[1].startswith(("Today", "Next session"))
    assert "kept card differed" in caplog.text


def test_a_fifo_or_a_folder_under_a_kept_file_s_name_neither_hangs_nor_stops_a_start(tmp_path):
    """The cards, the start snapshot and the checked note are read non-blocking and only as
    plain files: anything else there is no shortcut, and the start goes the long way."""
    import subprocess
    import sys

    from itbgui.store import checked, start_file

    with SessionRepository(tmp_path) as store:
        store.save_sessions([logged(MONDAY, 2, 3, "same")])
    os.mkfifo(tmp_path / FILE_NAME)
    os.mkfifo(tmp_path / start_file.FILE_NAME)
    (tmp_path / checked.NOTE_NAME).unlink(missing_ok=True)
    (tmp_path / checked.NOTE_NAME).mkdir()
    run = subprocess.run([sys.executable, "-m", "itbgui", "--data-dir", str(tmp_path), "--exit-after-show"],
                         capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert run.returncode == 0 and "ready after" in run.stdout, run.stderr
    assert read_card(tmp_path / "itb-coach.json", KEY, local(MONDAY, 20)) is None
