"""Rotating copies of the data file in ``DATA_DIR/backups``.

A copy is taken once a day (when the app opens the file, and while it stays open), and
always before a migration or a restore. The keep rule is a pure function so it can be
tested on dates alone: of the daily copies, the newest of each of the last 7 days that
have one and the newest of each of the last 9 weeks (about two months); of the safety
copies, every one younger than 60 days.

The wall clock is not trusted to delete anything: the copy just taken and the three
written last (by the files' own times) are always kept (a clock set back to 2000 would
otherwise make the newest copy the oldest), a copy dated after "now"
is kept (the clock or the copy is wrong, and we cannot tell which), and a safety copy
goes only when its name, its file and the 7th newest day with a daily copy all say it
is older than 60 days (one start with the clock at 2099 is not enough).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from itbgui.store import private
from itbgui.store.files import claim
from itbgui.store.storage import fsync_folder

BACKUP_FOLDER = "backups"
DAILY_KEEP = 7
WEEKLY_KEEP = 9
SAFETY_KEEP_DAYS = 60
#: The copies written last (by the file system's own times) are kept whatever their names say.
NEWEST_KEEP = 3
#: Why a copy was taken; "daily" copies rotate, the others are safety copies.
REASONS = {
    "daily": "daily copy",
    "before-migration": "before updating the file format",
    "before-restore": "before restoring a backup",
}
_NAME = re.compile(r"^itb-coach-(\d{8}-\d{6})-([a-z-]+?)(?:-\d+)?\.json$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # local time, naive (it is in the file name)
    reason: str
    modified_at: dt.datetime | None = None  # the file's own time, local and naive

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def backups_to_keep(backups: list[Backup], now: dt.datetime,
                    just_taken: Path | None = None) -> set[Path]:
    """The copies the rotation keeps (see the module docstring)."""
    slack = dt.timedelta(days=1)   # names are local time: a time-zone change is no error
    keep: set[Path] = {just_taken} if just_taken is not None else set()
    ranked = []
    for backup in backups:
        if backup.taken_at > now + slack:
            keep.add(backup.path)                     # dated ahead of the clock
        elif backup.path != just_taken:
            ranked.append(backup)
    written = [b for b in backups if b.modified_at is not None]
    for backup in sorted(written, key=lambda b: b.modified_at, reverse=True)[:NEWEST_KEEP]:
        keep.add(backup.path)   # taken last: maybe under a wrong clock, still the newest data
    newest_first = sorted(ranked, key=lambda b: b.taken_at, reverse=True)
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for backup in newest_first:
        if backup.reason != "daily":
            continue
        day = backup.taken_at.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and len(days) < DAILY_KEEP:
            days.append(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < WEEKLY_KEEP:
            weeks.append(week)
            keep.add(backup.path)
    # A safety copy's age is judged three ways, and it goes only when all agree: by its
    # name, by its file, and from the 7th newest day with a daily copy (so one start, or
    # a few, with the clock far ahead cannot age it; with fewer such days it stays).
    promise = dt.timedelta(days=SAFETY_KEEP_DAYS)
    daily_days = sorted({b.taken_at.date() for b in backups if b.reason == "daily"}, reverse=True)
    settled = (dt.datetime.combine(daily_days[DAILY_KEEP - 1], dt.time.max)
               if len(daily_days) >= DAILY_KEEP else None)
    for backup in backups:
        if backup.reason == "daily":
            continue
        file_age = now - backup.modified_at if backup.modified_at is not None else promise * 2
        if (now - backup.taken_at <= promise or file_age <= promise or settled is None
                or min(settled, now) - backup.taken_at <= promise):
            keep.add(backup.path)
    return keep


def taken_at(stamp: str) -> dt.datetime:
    """``YYYYMMDD-HHMMSS`` (as in a backup's name) as a time; ValueError when not a real one.

    What ``strptime(stamp, "%Y%m%d-%H%M%S")`` gives for these fixed-width names, without
    importing ``_strptime`` and its locale machinery on every open.
    """
    if (len(stamp) != 15 or stamp[8] != "-" or not stamp.isascii()
            or not (stamp[:8] + stamp[9:]).isdecimal()):
        raise ValueError(stamp)
    return dt.datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]),
                       int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))


class BackupSet:
    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / BACKUP_FOLDER

    def list(self) -> list[Backup]:
        """Every backup, newest first."""
        found = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if not match:
                continue
            try:
                taken = taken_at(match.group(1))
                modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
            except (ValueError, OSError, OverflowError):
                continue
            found.append(Backup(path, taken, match.group(2), modified))
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def newest(self) -> Backup | None:
        backups = self.list()
        return backups[0] if backups else None

    def has_daily_copy(self, day: dt.date) -> bool:
        return any(b.taken_at.date() == day and b.reason == "daily" for b in self.list())

    def take(self, source: Path, reason: str, now: dt.datetime) -> Backup:
        """Copy ``source`` durably under a name no file had; the rotation runs after."""
        if reason not in REASONS:
            raise ValueError(reason)
        private.make_folder(self.folder)
        now = now.replace(microsecond=0, tzinfo=None)
        tmp = self.folder / f"itb-coach-{now:%Y%m%d-%H%M%S}-{reason}.part"
        try:
            with open(source, "rb") as original, \
                    open(private.create(tmp, os.O_WRONLY | os.O_TRUNC), "wb") as copy:
                shutil.copyfileobj(original, copy, 1 << 20)
                copy.flush()
                os.fsync(copy.fileno())
            target, n = self._path_for(now, reason), 1
            while not claim(tmp, target):  # two copies in one second: never overwrite
                n += 1
                target = target.with_name(f"{self._path_for(now, reason).stem}-{n}.json")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)          # a full disk must not leave the .part eating space
        fsync_folder(self.folder)
        self.prune(now, just_taken=target)
        return Backup(target, now, reason)

    def _path_for(self, when: dt.datetime, reason: str) -> Path:
        return self.folder / f"itb-coach-{when:%Y%m%d-%H%M%S}-{reason}.json"

    def prune(self, now: dt.datetime, just_taken: Path | None = None) -> list[Path]:
        backups = self.list()
        keep = backups_to_keep(backups, now.replace(tzinfo=None), just_taken)
        removed = []
        for backup in backups:
            if backup.path not in keep:
                try:
                    backup.path.unlink()
                    removed.append(backup.path)
                except OSError:
                    pass  # a copy we cannot remove is harmless
        return removed
