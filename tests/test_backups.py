"""Backups: a daily copy on open, the rotation rule, and restoring one."""

import datetime as dt
import json
from pathlib import Path

import pytest

from itbgui.store.backups import Backup, backups_to_keep
from itbgui.store.repository import DATA_FILE_NAME, SessionRepository, StoreError
from store_helpers import StepClock, record


def backup(day: dt.datetime, reason="daily") -> Backup:
    return Backup(Path(f"{day:%Y%m%d-%H%M%S}-{reason}"), day, reason)


def test_rotation_keeps_a_week_of_days_and_two_months_of_weeks():
    now = dt.datetime(2026, 11, 25, 9, 0)
    # One copy a day at 9:00 for 100 days, plus a second copy today at 8:00.
    daily = [backup(now - dt.timedelta(days=d)) for d in range(100)]
    extra_today = backup(now - dt.timedelta(hours=1))
    kept = backups_to_keep(daily + [extra_today], now)
    kept_days = sorted({(now - b.taken_at).days for b in daily if b.path in kept})
    # The 7 newest days (Wed 25 back to Thu 19 Nov), then the newest copy of each of the 9
    # newest ISO weeks: this week's is today (day 0) and last week's Sunday 22 Nov (day 3), both
    # kept already; the other seven are the Sundays 15 Nov (day 10) back to 27 Sep (day 52).
    assert kept_days == [0, 1, 2, 3, 4, 5, 6, 10, 17, 24, 31, 38, 45, 52]
    assert extra_today.path not in kept         # an older copy of a kept day goes


def test_safety_copies_stay_sixty_days_whatever_the_rotation_says():
    now = dt.datetime(2026, 11, 25, 9, 0)
    daily = [backup(now - dt.timedelta(days=d)) for d in range(30)]
    safety = [backup(now - dt.timedelta(days=d, hours=2), "before-migration") for d in (10, 59, 61)]
    kept = backups_to_keep(daily + safety, now)
    assert safety[0].path in kept and safety[1].path in kept
    assert safety[2].path not in kept


def test_opening_takes_one_copy_a_day_and_prunes_old_ones(tmp_path):
    clock = StepClock(dt.datetime(2026, 11, 2, 9, 0).astimezone())
    with SessionRepository(tmp_path, now=clock) as repo:      # first start: no file to copy
        repo.save_session(record())
        assert repo.backups.list() == []
    for day in range(40):
        clock.advance(days=1)
        for _ in range(2):                                     # opened twice a day
            with SessionRepository(tmp_path, now=clock) as repo:
                pass
    copies = repo.backups.list()
    assert copies[0].taken_at.date() == clock().date()
    assert len({b.taken_at.date() for b in copies}) == len(copies)   # one a day at most
    assert 7 <= len(copies) <= 7 + 9
    assert all(json.loads(b.path.read_text())["sessions"] for b in copies)


def test_restore_puts_a_backup_back_and_keeps_a_copy_of_what_was_there(tmp_path):
    clock = StepClock()
    with SessionRepository(tmp_path, now=clock) as repo:
        repo.save_session(record("old"))
    clock.advance(days=1)
    with SessionRepository(tmp_path, now=clock) as repo:
        [daily] = repo.backups.list()
        repo.save_session(record("after-the-backup", day=1))
        clock.advance(minutes=5)
        assert repo.restore(daily) == 1
        assert [s.id for s in repo.sessions()] == ["old"]
        reasons = [b.reason for b in repo.backups.list()]
        assert reasons == ["before-restore", "daily"]
        undo = repo.backups.list()[0]
        assert repo.restore(undo) == 2                           # and back again
    with SessionRepository(tmp_path, now=clock) as again:
        assert [s.id for s in again.sessions()] == ["old", "after-the-backup"]


def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path):
    clock = StepClock()
    with SessionRepository(tmp_path, now=clock) as repo:
        repo.save_session(record())
    clock.advance(days=1)
    with SessionRepository(tmp_path, now=clock) as repo:
        [daily] = repo.backups.list()
        daily.path.write_text("{cut off", encoding="utf-8")
        before = (tmp_path / DATA_FILE_NAME).read_bytes()
        with pytest.raises(StoreError, match="damaged"):
            repo.restore(daily)
        assert (tmp_path / DATA_FILE_NAME).read_bytes() == before
        assert len(repo.sessions()) == 1
