"""Today's page for the days to come, kept at close, so that a start paints Today in its
first frame without loading the rules.

Working Today out needs the program's modules, and importing them (some fifty frozen
dataclasses) costs a start more than the window itself. So as the app closes, with the
data as it is on disk, it puts into words (screens/today_words.py) what Today will show on
each of the next :data:`DAYS_AHEAD` days, from the moment of that day from which it holds
(the morning question comes due in the course of a day), and keeps them beside the data
file (``itb-coach.today``). A start that finds a card for this moment draws it; the data
file is then read and Today worked out as always, right after the first paint: the card
is a shortcut, never a source.

A card is used only for the data file as it was when the card was made (its size, time of
change and inode: hashing its bytes would cost ten years of sessions ~15 ms before the
first paint), these rules and this version of the app, the same timing settings, the same
language, and its own day. The cards are kept as the start snapshot is
(store/start_file.py), with a CRC-32 of their text: a torn or edited file is not read.
The file then read and worked out replaces the card within the next turns of the event
loop; a card that differed is logged. It leaves out what only the data file tells (the
run day, the imported runs waiting for answers): those come after the first paint, as
from the snapshot.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from itbgui import __version__
from itbgui.program.rules_version import PROGRAM_SOURCES
from itbgui.screens.today_card import TodayCard
from itbgui.store.start_file import CRC32, read_kept, write_kept

if TYPE_CHECKING:
    from itbgui.core.coach import Coach

FILE_NAME = "itb-coach.today"
#: Far more than the cards of the days ahead: anything bigger is not a cards file.
MAX_BYTES = 256 * 1024
#: Raise when a card's fields or words change shape.
FORMAT = 1
#: A week and a bit: the next session is at most a few days away.
DAYS_AHEAD = 9
MINUTES_IN_A_DAY = 24 * 60


def cards_key(timing_settings: list, language: str, timing=None) -> str:
    """What the cards were made under, besides the data: the rules, the app, the timing
    settings as stored (they change the minutes and the doses' words) and the language."""
    return (f"format {FORMAT}, program {PROGRAM_SOURCES}, itb-coach {__version__}, "
            f"timing {timing_settings!r} {timing!r}, language {language}")


def data_stamp(path: Path) -> str | None:
    """The data file as the cards are kept for it (None: no file)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return f"{found.st_size} bytes, changed {found.st_mtime_ns} ns, inode {found.st_ino}"


def read_card(data_file: Path, key: str, now: dt.datetime) -> TodayCard | None:
    """The card kept for ``now``, for the data file as it is, under ``key``; or None."""
    stamp = data_stamp(data_file)
    cards = read_kept(data_file.parent / FILE_NAME, stamp, MAX_BYTES, CRC32) if stamp is not None else None
    if cards is None or cards.get("key") != key:
        return None
    try:
        day = cards["days"].get(now.date().isoformat())
        if day is None or now.hour * 60 + now.minute < day["from"]:
            return None
        return TodayCard.from_doc(day["card"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def keep_cards(coach: Coach, data_file: Path, key: str, tr: Callable[[str], str]) -> None:
    """Keep the cards for the coach's data, which must be ``data_file`` as it is on disk,
    from now on (OSError: not kept)."""
    stamp = data_stamp(data_file)
    now = coach.clock.now()
    last_day = (now.date() + dt.timedelta(days=DAYS_AHEAD - 1)).isoformat()
    kept = read_kept(data_file.parent / FILE_NAME, stamp, MAX_BYTES, CRC32) if stamp is not None else None
    if stamp is None or (kept is not None and kept.get("key") == key and last_day in kept.get("days", ())):
        return   # no data file, or these very cards were kept today (nothing changed since)
    from itbgui.screens.today_words import today_card

    def card_at(when: dt.datetime) -> TodayCard:
        view = coach.today_view_at(when)
        return today_card(view.session, now=when.date(), last=view.last, plan_is_default=view.plan_is_default,
                          sore_side=view.setup.sore_side, tr=tr, morning=view.morning_question)

    days = {}
    for ahead in range(DAYS_AHEAD):
        day = now.date() + dt.timedelta(days=ahead)
        first = 0 if ahead else now.hour * 60 + now.minute

        def at(minute: int, day=day) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), now.tzinfo)

        last = card_at(at(MINUTES_IN_A_DAY - 1))
        if card_at(at(first)) != last:
            # Today changed in the course of the day (the morning question came due): the
            # card holds from the first minute it is the evening's, found by halving.
            before, first = first, MINUTES_IN_A_DAY - 1
            while first - before > 1:
                middle = (before + first) // 2
                before, first = (before, middle) if card_at(at(middle)) == last else (middle, first)
        days[day.isoformat()] = {"from": first, "card": last.to_doc()}
    write_kept(data_file.parent / FILE_NAME, stamp, {"key": key, "days": days}, CRC32)
