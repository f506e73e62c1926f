"""The only code that opens the data file.

``DATA_DIR/itb-coach.json`` is a TinyDB file: ``meta`` (the schema version), ``sessions``
(one document per session), ``plan`` (the person's plan set-up) and ``decisions`` (every
progression decision with its reason). Format: docs/data-format.md.

Opening takes the folder's lock, reads and checks the whole file once (loading.py),
repairs or migrates it with a copy kept first, and from then on serves every read from
memory: parsed records are cached, so a screen asking for all sessions costs a list copy.
Writes are atomic and durable (storage.py) and may come from a worker thread (saver.py).
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from tinydb import TinyDB
from tinydb.table import Document

from .. import __version__
from .backups import Backup, BackupSet
from .loading import DECISIONS, META, PLAN, SESSIONS, LoadedFile, read_data_file
from .lock import DataFolderLock
from .migrations import SCHEMA_VERSION
from .records import SessionRecord
from .storage import AtomicJSONStorage, ReadOnlyStorageError, write_atomically

DATA_FILE_NAME = "itb-coach.json"
_log = logging.getLogger(__name__)

__all__ = ["DATA_FILE_NAME", "SCHEMA_VERSION", "OpenReport", "SessionRepository", "StoreError"]


class StoreError(Exception):
    """A problem with the data file, worded for the person using the app."""


@dataclass
class OpenReport:
    """What opening the file found, for the app to tell the person once."""

    problems: list[str] = field(default_factory=list)
    moved_aside: Path | None = None      # where the damaged original now is
    sessions_kept: int = 0
    documents_dropped: int = 0
    migrated_from: int | None = None
    newer_version: int | None = None     # the file is from a newer app: read-only
    locked_by: str | None = None         # another copy holds the folder: read-only

    @property
    def repaired(self) -> bool:
        return bool(self.problems)

    def summary(self) -> str | None:
        """What to tell the person about their file, in plain words; None when all is well."""
        if self.newer_version is not None:
            return (f"This data file was written by a newer version of ITB Coach (format "
                    f"{self.newer_version}; this version knows format {SCHEMA_VERSION}). "
                    "It is open read-only so it cannot be damaged: you can look at your "
                    "history, but nothing new will be saved. Update ITB Coach to carry on.")
        if not self.problems:
            return None
        found = "\n".join(f"• {p}" for p in self.problems[:6])
        more = f"\n• …and {len(self.problems) - 6} more" if len(self.problems) > 6 else ""
        kept = (f"{self.sessions_kept} session{'s' if self.sessions_kept != 1 else ''} "
                "could be read and are kept.")
        aside = (f"\n\nThe damaged file was not deleted: it is now {self.moved_aside}."
                 if self.moved_aside else "")
        return f"ITB Coach found a problem in your data file:\n{found}{more}\n\n{kept}{aside}"


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _replace_with(new_doc: dict) -> Callable[[dict], None]:
    """A TinyDB update that swaps a document's whole content (update() alone merges)."""
    def replace(doc: dict) -> None:
        doc.clear()
        doc.update(new_doc)
    return replace


def _plain_words(exc: OSError) -> str:
    reasons = {errno.ENOSPC: "the disk is full", errno.EROFS: "the folder is read-only",
               errno.EACCES: "permission was refused", errno.EPERM: "permission was refused",
               errno.EDQUOT: "the disk quota is used up"}
    return reasons.get(exc.errno, exc.strerror or str(exc))


class SessionRepository:
    def __init__(self, data_dir: Path, *, read_only: bool = False,
                 now: Callable[[], dt.datetime] = _now) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        self.backups = BackupSet(self.data_dir)
        self.report = OpenReport()
        self.unsaved = False  # memory holds changes the last write could not store
        self._now = now
        self._lock = threading.RLock()
        self._folder_lock = DataFolderLock(self.data_dir)
        self.read_only = read_only
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            if not read_only:
                self._take_folder_lock()
            raw = self._read_raw()
        except OSError as exc:
            self._folder_lock.release()
            raise StoreError(f"The data folder {self.data_dir} cannot be used: "
                             f"{_plain_words(exc)}.") from exc
        loaded = read_data_file(raw) if raw is not None else None
        try:
            self._open(raw, loaded)
        except OSError as exc:
            self._folder_lock.release()
            raise StoreError(f"The data file {self.path} could not be prepared: "
                             f"{_plain_words(exc)}.") from exc

    # ------------------------------------------------------------------ opening
    def _take_folder_lock(self) -> None:
        try:
            got = self._folder_lock.acquire()
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return  # a read-only folder: reading works, saving will say why it cannot
            raise
        if not got:
            self.read_only = True
            self.report.locked_by = self._folder_lock.describe_holder()

    def _read_raw(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def _open(self, raw: bytes | None, loaded: LoadedFile | None) -> None:
        if loaded is None:  # a first start
            self._install(LoadedFile(data={}, records={}, version=SCHEMA_VERSION))
            self._ensure_meta()
            return
        report = self.report
        report.sessions_kept = len(loaded.records)
        report.documents_dropped = loaded.dropped_documents
        if loaded.newer:
            report.newer_version = loaded.version
            self.read_only = True
        elif loaded.damaged:
            report.problems = list(loaded.problems)
            if not self.read_only:
                stamp = self._now().strftime("%Y%m%d-%H%M%S")
                aside = self.data_dir / f"itb-coach.damaged-{stamp}.json"
                write_atomically(aside, raw)  # the original bytes, kept whatever comes next
                report.moved_aside = aside
        elif loaded.version < SCHEMA_VERSION and not self.read_only:
            report.migrated_from = loaded.version
            self.backups.take(self.path, "before-migration", self._now())
        self._install(loaded)
        if self.read_only:
            return
        if report.moved_aside or report.migrated_from:
            self._write_all()
        else:
            self._ensure_meta()
            self._daily_backup()

    def _install(self, loaded: LoadedFile) -> None:
        with self._lock:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage, initial=loaded.data,
                              read_only=self.read_only)
            self._records: dict[str, SessionRecord] = dict(loaded.records)
            self._sorted: tuple[dict, list[SessionRecord]] | None = None
            self._doc_ids = {doc["id"]: int(key) for key, doc in
                             loaded.data.get(SESSIONS, {}).items() if str(key).isdigit()}
            self._decision_ids = {doc["id"]: int(key) for key, doc in
                                  loaded.data.get(DECISIONS, {}).items() if str(key).isdigit()}
            self._take_snapshot()

    def _ensure_meta(self) -> None:
        if not self._db.table(META).all():
            self._write(lambda: self._db.table(META).insert(
                {"schema_version": SCHEMA_VERSION, "created_by": f"itb-coach {__version__}"}))

    def _daily_backup(self) -> None:
        """Once a day, a copy of the file as it was opened (nothing to keep in an empty one)."""
        if not self._records and self.plan_setup() is None:
            return
        today = self._now()
        try:
            if self.path.exists() and not self.backups.has_daily_copy(today.date()):
                self.backups.take(self.path, "daily", today)
        except OSError as exc:  # a backup that fails must not stop the app opening
            _log.warning("daily backup failed: %s", exc)

    # ------------------------------------------------------------------ reading
    @property
    def schema_version(self) -> int:
        docs = self._db.table(META).all()
        return docs[0]["schema_version"] if docs else SCHEMA_VERSION

    def sessions(self) -> list[SessionRecord]:
        """Every stored session, oldest first (cached; safe to call from any thread)."""
        records = self._records
        cached = self._sorted
        if cached is None or cached[0] is not records:
            cached = (records, sorted(records.values(), key=lambda r: r.started_at))
            self._sorted = cached
        return list(cached[1])

    def session(self, session_id: str) -> SessionRecord | None:
        return self._records.get(session_id)

    def plan_setup(self) -> dict | None:
        plan = self._snapshot[0]
        return dict(plan) if plan is not None else None

    def decisions(self) -> list[dict]:
        """Every stored progression decision, oldest first (in the order saved)."""
        return [dict(doc) for doc in self._snapshot[1]]

    def _take_snapshot(self) -> None:
        """Copies of the plan and the decisions that readers on any thread can use while
        a write is under way (swapped in whole, like the session records)."""
        data = self._db.storage.read()
        plan = data.get(PLAN, {}).get("1")
        decisions = data.get(DECISIONS, {})
        self._snapshot = (dict(plan) if plan is not None else None,
                          tuple(dict(decisions[k]) for k in sorted(decisions, key=int)))

    def prepare_writes(self) -> None:
        """Serialise every document once, so the first save is as quick as the others.

        The saver's thread calls this when idle: on ten years of history it takes ~0.2 s.
        """
        with self._lock:
            storage = self._db.storage
            storage.chunks(storage.read())

    # ------------------------------------------------------------------ writing
    def save_session(self, record: SessionRecord) -> None:
        """Insert or replace the session with this id (saved again after every set)."""
        self.save_sessions([record])

    def save_sessions(self, records: Iterable[SessionRecord]) -> None:
        """Insert or replace many sessions in at most two writes (imports, generators)."""
        records = list(records)
        with self._lock:
            self._check_writable()
            new_docs = {r.id: r.to_doc() for r in records}
            table = self._db.table(SESSIONS)
            changed = [r.id for r in records if r.id in self._doc_ids]
            added = [r.id for r in records if r.id not in self._doc_ids]
            self._records = {**self._records, **{r.id: r for r in records}}
            try:
                if changed:
                    ids = [self._doc_ids[sid] for sid in changed]
                    with self._db.storage.declare_changed(SESSIONS, ids):
                        self._write(lambda: table.update(
                            lambda doc: _replace_with(new_docs[doc["id"]])(doc), doc_ids=ids))
                if added:
                    first = max(self._doc_ids.values(), default=0) + 1
                    docs = []
                    for offset, sid in enumerate(added):
                        self._doc_ids[sid] = first + offset
                        docs.append(Document(new_docs[sid], doc_id=first + offset))
                    with self._db.storage.declare_changed(SESSIONS):  # new documents only
                        self._write(lambda: table.insert_multiple(docs))
            finally:
                table.clear_cache()

    def delete_session(self, session_id: str) -> SessionRecord | None:
        """Remove a session; returns it so the caller can undo by saving it again."""
        with self._lock:
            self._check_writable()
            record = self._records.get(session_id)
            doc_id = self._doc_ids.get(session_id)
            if record is None or doc_id is None:
                return None
            records = dict(self._records)
            del records[session_id]
            self._records = records
            del self._doc_ids[session_id]
            with self._db.storage.declare_changed(SESSIONS):  # one document fewer, none changed
                self._write(lambda: self._db.table(SESSIONS).remove(doc_ids=[doc_id]))
            return record

    def save_plan_setup(self, doc: dict) -> None:
        with self._lock:
            self._check_writable()
            self._upsert(PLAN, 1, dict(doc))

    def save_decision(self, doc: dict) -> None:
        """Insert or replace the decision with this ``doc["id"]``."""
        if not isinstance(doc.get("id"), str) or not doc["id"]:
            raise ValueError("a decision needs a text id")
        with self._lock:
            self._check_writable()
            doc_id = self._decision_ids.get(doc["id"])
            if doc_id is None:
                doc_id = max(self._decision_ids.values(), default=0) + 1
                self._decision_ids[doc["id"]] = doc_id
            self._upsert(DECISIONS, doc_id, dict(doc))

    def _upsert(self, table_name: str, doc_id: int, doc: dict) -> None:
        table = self._db.table(table_name)
        try:
            if table.contains(doc_id=doc_id):
                with self._db.storage.declare_changed(table_name, [doc_id]):
                    self._write(lambda: table.update(_replace_with(doc), doc_ids=[doc_id]))
            else:
                with self._db.storage.declare_changed(table_name):
                    self._write(lambda: table.insert(Document(doc, doc_id=doc_id)))
        finally:
            self._take_snapshot()  # memory holds the change even when the disk refused it

    def retry_save(self) -> None:
        """Write what memory holds again (after a full disk was cleared, say)."""
        with self._lock:
            self._check_writable()
            self._write_all()

    def export_copy(self, target: Path) -> None:
        """Write everything memory holds, saved or not, to another file."""
        with self._lock:
            payload = self._db.storage.encode(self._db.storage.read())
        try:
            write_atomically(Path(target), payload)
        except OSError as exc:
            raise StoreError(f"Could not write {target}: {_plain_words(exc)}.") from exc

    def restore(self, backup: Backup) -> int:
        """Make a backup the data file (a copy of the current file is taken first).

        Returns the number of sessions restored. A damaged backup is refused whole.
        """
        with self._lock:
            self._check_writable()
            try:
                loaded = read_data_file(backup.path.read_bytes())
            except OSError as exc:
                raise StoreError(f"The backup {backup.path.name} cannot be read: "
                                 f"{_plain_words(exc)}.") from exc
            if loaded.unreadable or loaded.newer:
                raise StoreError(f"The backup {backup.path.name} is damaged or from a newer "
                                 "version of ITB Coach; nothing was changed.")
            try:
                if self.path.exists():
                    self.backups.take(self.path, "before-restore", self._now())
                self._install(loaded)
                self._write_all()
            except OSError as exc:
                raise StoreError(f"The backup could not be restored: {_plain_words(exc)}. "
                                 "The data file was not changed.") from exc
            return len(loaded.records)

    def _check_writable(self) -> None:
        if not self.read_only:
            return
        if self.report.locked_by:
            raise StoreError("Another copy of ITB Coach is using this data folder "
                             f"({self.report.locked_by}); this one cannot save.")
        raise StoreError(f"The data file {self.path} is open read-only; nothing can be saved.")

    def _write_all(self) -> None:
        storage = self._db.storage
        self._write(lambda: storage.write(storage.read()))

    def _write(self, operation: Callable[[], object]) -> None:
        """Run a TinyDB write; failures become a StoreError and memory keeps the change."""
        try:
            operation()
            self.unsaved = False
        except ReadOnlyStorageError as exc:
            raise StoreError(f"The data file {self.path} is open read-only; "
                             "nothing can be saved.") from exc
        except OSError as exc:
            self.unsaved = True
            raise StoreError(f"Could not save to {self.path}: {_plain_words(exc)}. "
                             "Nothing already saved was lost, and this change is kept "
                             "in memory until it can be written.") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._folder_lock.release()

    def __enter__(self) -> "SessionRepository":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
