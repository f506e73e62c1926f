"""Rotating copies of the data file in ``DATA_DIR/backups``.

A copy is taken once a day when the app opens the file, and always before a migration or
a restore. The keep rule is a pure function so it can be tested on dates alone: of the
daily copies, the newest of each of the last 7 days that have one and the newest of each
of the last 9 weeks (about two months); of the safety copies, every one younger than 60 days.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .storage import fsync_folder

BACKUP_FOLDER = "backups"
DAILY_KEEP = 7
WEEKLY_KEEP = 9
SAFETY_KEEP_DAYS = 60
#: Why a copy was taken; "daily" copies rotate, the others are safety copies.
REASONS = {
    "daily": "daily copy",
    "before-migration": "before updating the file format",
    "before-restore": "before restoring a backup",
}
_NAME = re.compile(r"^itb-coach-(\d{8}-\d{6})-([a-z-]+)\.json$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # local time, naive (it is in the file name)
    reason: str

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def backups_to_keep(backups: list[Backup], now: dt.datetime) -> set[Path]:
    """The copies the rotation keeps (see the module docstring)."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = set()
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for backup in newest_first:
        if backup.reason != "daily":
            if now - backup.taken_at <= dt.timedelta(days=SAFETY_KEEP_DAYS):
                keep.add(backup.path)
            continue
        day = backup.taken_at.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and len(days) < DAILY_KEEP:
            days.append(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < WEEKLY_KEEP:
            weeks.append(week)
            keep.add(backup.path)
    return keep


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
            taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(Backup(path, taken, match.group(2)))
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def newest(self) -> Backup | None:
        backups = self.list()
        return backups[0] if backups else None

    def has_daily_copy(self, day: dt.date) -> bool:
        return any(b.taken_at.date() == day and b.reason == "daily" for b in self.list())

    def take(self, source: Path, reason: str, now: dt.datetime) -> Backup:
        """Copy ``source`` durably; the rotation runs after each copy."""
        if reason not in REASONS:
            raise ValueError(reason)
        self.folder.mkdir(parents=True, exist_ok=True)
        now = now.replace(microsecond=0, tzinfo=None)
        target = self._path_for(now, reason)
        while target.exists():  # two copies in one second: never overwrite the first
            now += dt.timedelta(seconds=1)
            target = self._path_for(now, reason)
        tmp = target.with_suffix(".part")
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_folder(self.folder)
        self.prune(now)
        return Backup(target, now, reason)

    def _path_for(self, when: dt.datetime, reason: str) -> Path:
        return self.folder / f"itb-coach-{when:%Y%m%d-%H%M%S}-{reason}.json"

    def prune(self, now: dt.datetime) -> list[Path]:
        backups = self.list()
        keep = backups_to_keep(backups, now.replace(tzinfo=None))
        removed = []
        for backup in backups:
            if backup.path not in keep:
                try:
                    backup.path.unlink()
                    removed.append(backup.path)
                except OSError:
                    pass  # a copy we cannot remove is harmless
        return removed
