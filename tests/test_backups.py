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
    # 68 days: older than 60 by its name, its file and from the 7th newest daily copy (day 6).
    safety = [backup(now - dt.timedelta(days=d, hours=2), "before-migration") for d in (10, 59, 68)]
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


# ------------------------------------------------------------ the wall clock is not trusted
def _history_of_copies(tmp_path, days=30):
    """A month of daily copies and a safety copy 19 days old, as files (mtime = name)."""
    import os

    from itbgui.store.backups import BackupSet

    backups = BackupSet(tmp_path)
    backups.folder.mkdir()
    now = dt.datetime(2026, 11, 25, 9, 0)
    for when, reason in [(now - dt.timedelta(days=d), "daily") for d in range(days)] + [
            (now - dt.timedelta(days=19, hours=2), "before-migration")]:
        path = backups.folder / f"itb-coach-{when:%Y%m%d-%H%M%S}-{reason}.json"
        path.write_text("{}")
        os.utime(path, (when.timestamp(), when.timestamp()))
    (tmp_path / DATA_FILE_NAME).write_text("{}")
    return backups, now


def test_one_start_with_the_clock_at_2099_deletes_no_safety_copy_and_no_recent_day(tmp_path):
    backups, now = _history_of_copies(tmp_path)
    backups.take(tmp_path / DATA_FILE_NAME, "daily", dt.datetime(2099, 1, 1, 9, 0))
    after = backups.list()
    assert any(b.reason == "before-migration" for b in after)      # the promise was 60 days
    kept_days = {b.taken_at.date() for b in after if b.taken_at.year == 2026}
    assert {(now - dt.timedelta(days=d)).date() for d in range(7)} <= kept_days
    # Back at the right time, the 2026 copies rotate as before; the 2099 one is kept aside.
    backups.prune(now)
    assert {(now - dt.timedelta(days=d)).date() for d in range(7)} <= {
        b.taken_at.date() for b in backups.list()}


def test_a_clock_set_back_to_2000_keeps_the_copy_it_just_took_and_deletes_nothing(tmp_path):
    backups, _now = _history_of_copies(tmp_path)
    before = {b.path for b in backups.list()}
    taken = backups.take(tmp_path / DATA_FILE_NAME, "daily", dt.datetime(2000, 1, 1, 9, 0))
    after = {b.path for b in backups.list()}
    assert taken.path in after
    assert before <= after


def test_a_safety_copy_is_deleted_only_when_its_file_is_old_too(tmp_path):
    now = dt.datetime(2026, 11, 25, 9, 0)
    daily = [Backup(Path(f"d{d}"), now - dt.timedelta(days=d), "daily",
                    modified_at=now - dt.timedelta(days=d)) for d in range(30)]
    old_name = now - dt.timedelta(days=90)
    young_file = Backup(Path("young-file"), old_name, "before-restore",
                        modified_at=now - dt.timedelta(days=3))
    old_file = Backup(Path("old-file"), old_name, "before-restore", modified_at=old_name)
    kept = backups_to_keep(daily + [young_file, old_file], now)
    assert young_file.path in kept and old_file.path not in kept


def test_two_copies_in_one_second_are_both_kept_under_their_own_names(tmp_path):
    from itbgui.store.backups import BackupSet

    (tmp_path / DATA_FILE_NAME).write_text('{"n": 1}')
    backups = BackupSet(tmp_path)
    when = dt.datetime(2026, 11, 25, 9, 0)
    first = backups.take(tmp_path / DATA_FILE_NAME, "before-restore", when)
    (tmp_path / DATA_FILE_NAME).write_text('{"n": 2}')
    second = backups.take(tmp_path / DATA_FILE_NAME, "before-restore", when)
    assert first.path != second.path
    assert {b.path.read_text() for b in backups.list()} == {'{"n": 1}', '{"n": 2}'}


def test_the_copies_written_last_are_kept_whatever_their_names_say():
    """A copy taken while the clock said 2000 is the newest data once the clock is right."""
    now = dt.datetime(2026, 11, 25, 9, 0)
    daily = [Backup(Path(f"d{d}"), now - dt.timedelta(days=d), "daily",
                    modified_at=now - dt.timedelta(days=d, hours=1)) for d in range(30)]
    wrong = Backup(Path("taken-at-2000"), dt.datetime(2000, 1, 1, 9), "daily", modified_at=now)
    assert wrong.path in backups_to_keep(daily + [wrong], now)
