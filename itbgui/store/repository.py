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
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from tinydb import TinyDB
from tinydb.table import Document

from itbgui import __version__
from itbgui.store import checked, private, start_file
from itbgui.store.backups import Backup, BackupSet
from itbgui.store.files import new_file, remove_leftovers
from itbgui.store.loading import (DECISIONS, META, PLAN, READINESS, RUNS, SESSIONS, LoadedFile,
                                  read_checked_before, read_data_file)
from itbgui.store.migrations import SCHEMA_VERSION
from itbgui.store.opening import DATA_FILE_NAME, FolderOpening, StoreError, open_folder
from itbgui.store.opening import plain_words as _plain_words
from itbgui.store.records import RecordError, SessionRecord, check_document
from itbgui.store.run_tables import RunTables
from itbgui.store.storage import AtomicJSONStorage, ReadOnlyStorageError, write_atomically

LOCK_HINT = "itb-coach.lock"
_log = logging.getLogger(__name__)

__all__ = ["DATA_FILE_NAME", "SCHEMA_VERSION", "OpenReport", "SessionRepository", "StoreError"]


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
    lock_problem: str | None = None      # the folder's lock could not be taken: read-only
    not_writable: Path | None = None     # this folder refuses writes (read-only, no permission)

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
        if self.not_writable is not None:
            text = (f"ITB Coach cannot write to its data folder {self.not_writable}: it is "
                    f"read-only, or you have no permission to write there ({self.lock_problem}). "
                    "Your data is open read-only: you can look at it, but nothing new will be "
                    "saved until the folder can be written.")
            return text if not self.problems else text + "\n\n" + self._problems_text()
        if self.lock_problem is not None:
            hint = ("" if self.lock_problem == "the folder is read-only" else
                    f" Check who owns {LOCK_HINT} in the data folder (a run with sudo can "
                    "leave it owned by the administrator).")
            lock = (f"ITB Coach could not take the lock on its data folder ({self.lock_problem}), "
                    "so it opened your data read-only: nothing new will be saved, as two "
                    f"copies saving at once could lose a session.{hint}")
            return lock if not self.problems else lock + "\n\n" + self._problems_text()
        if not self.problems:
            return None
        return self._problems_text()

    def _problems_text(self) -> str:
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


#: Filled by :meth:`SessionRepository.load`; reaching one before it loads the file.
_LOADED_STATE = frozenset({"_db", "_records", "_sorted", "_doc_ids", "_decision_ids", "_snapshot",
                           "_others"})


class SessionRepository(RunTables):
    """Opens with the folder's lock taken and the file's bytes read; ``defer_load`` leaves
    the parse and check (the costly part over years of sessions) to :meth:`load`, so the
    app can paint its window first. Anything that reads the data loads it first."""

    def __init__(self, data_dir: Path, *, read_only: bool = False,
                 now: Callable[[], dt.datetime] = _now, defer_load: bool = False,
                 opening: FolderOpening | None = None) -> None:
        """``opening``: the folder already taken by :func:`~itbgui.store.opening.open_folder`
        (the app takes it before its window shows); this repository then owns its lock."""
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        if opening is None:
            opening = open_folder(self.data_dir, read_only=read_only)  # StoreError: refused
        elif opening.data_dir != self.data_dir or (read_only and not opening.read_only):
            raise ValueError("the folder was opened for another repository")
        self.backups = BackupSet(self.data_dir)
        self.report = OpenReport(locked_by=opening.locked_by, lock_problem=opening.lock_problem,
                                 not_writable=opening.data_dir if opening.not_writable else None)
        self.unsaved = False  # memory holds changes the last write could not store
        self._daily_done: dt.date | None = None  # the day a daily copy is known to exist
        self._now = now
        self._lock = threading.RLock()
        self._folder_lock = opening.lock
        self.read_only = opening.read_only
        #: counts every change to what memory holds (loads, writes, restores): a cache of
        #: anything worked out from the data is good while this is unchanged
        self.revision = 0
        self._noted: list | None = None  # the last write noted as checked (its chunks)
        self.loaded = False
        self._loading = False   # load() under way: a read of its state then is a bug, not a reload
        self._load_failed: StoreError | None = None
        if self._folder_lock.held:
            self._folder_lock.say_who()
            self._remove_leftovers()
            private.tighten_folder(self.data_dir, self.backups.folder)
        self._raw = opening.raw
        self._opening = opening
        opening.repository = self
        #: the revision once loaded, and the fingerprint of the bytes memory then held
        #: exactly (None: repaired, migrated or from a newer app); see :meth:`fingerprint`
        self.loaded_revision: int | None = None
        self.loaded_fingerprint: str | None = None
        if not defer_load:
            self.load()

    def load(self) -> None:
        """Parse and check the bytes read at opening, repair or migrate (a copy kept first),
        take the daily copy. Once; a StoreError here releases the lock as at opening."""
        with self._lock:
            if self.loaded or self._loading:
                return
            if self._load_failed is not None:   # never again from no bytes: that would be a
                raise self._load_failed         # first start, written over the person's file
            self._loading = True
            raw = self._raw   # kept until opened: a retry must never start from no file
            try:
                self._open(raw, self._read(raw) if raw is not None else None)
            except OSError as exc:
                self._folder_lock.release()
                self.read_only = True
                self._load_failed = StoreError(f"The data file {self.path} could not be prepared: "
                                               f"{_plain_words(exc)}.")
                raise self._load_failed from exc
            finally:
                self._loading = False
            self.loaded, self._raw = True, None
            report = self.report
            clean = not (report.problems or report.migrated_from or report.newer_version is not None)
            self.loaded_revision = self.revision
            self.loaded_fingerprint = self._opening.fingerprint if clean else None

    def __getattr__(self, name: str):
        """Only for what :meth:`load` fills in: read before it, the file is loaded first."""
        if (name in _LOADED_STATE and not self.__dict__.get("loaded", True)
                and not self.__dict__.get("_loading")):
            self.load()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # ------------------------------------------------------------------ opening
    def _remove_leftovers(self) -> None:
        """Temporary files of killed saves; only the lock's holder may remove them."""
        remove_leftovers(self.data_dir)
        remove_leftovers(self.backups.folder)
        if os.path.islink(self.path):               # saves go where the link points
            target = Path(os.path.realpath(self.path))
            remove_leftovers(target.parent, only_dead_writers_of=target)

    def _read(self, raw: bytes) -> LoadedFile:
        """The file's records: the checks are skipped for bytes noted as checked clean
        before (checked.py), and the bytes are noted when a check finds them clean."""
        if checked.matches(self.data_dir, raw, self._opening.sha256):
            loaded = read_checked_before(raw)
            if loaded is not None:
                return loaded
        loaded = read_data_file(raw)
        if loaded.quick_clean and loaded.version == SCHEMA_VERSION and not self.read_only:
            checked.remember(self.data_dir, checked.digest([raw]), len(raw))
        return loaded

    def note_checked(self) -> None:
        """After writes, note the file's bytes as checked so the next start can skip the
        checks: the saver calls this when its queue runs dry, and :meth:`close` does.
        Only data that was itself read clean (or began empty) is noted; a note that cannot
        be written only costs the next start time."""
        with self._lock:
            if self.read_only or not self.loaded or not self._note_ok or self.unsaved:
                return
            written = self._db.storage.last_written   # exactly the bytes on disk
            if written is None or written is self._noted:
                return
            checked.remember(self.data_dir, checked.digest(written), sum(map(len, written)))
            self._noted = written

    def fingerprint(self) -> str | None:
        """The fingerprint (start_file.py) of the bytes on disk when memory holds exactly
        them; None when it may not (not loaded, a write refused, a repair not written)."""
        with self._lock:
            if not self.loaded or self.unsaved:
                return None
            written = self._db.storage.last_written   # exactly the bytes on disk
            if written is not None:
                return start_file.fingerprint(checked.digest(written), sum(map(len, written)))
            return self.loaded_fingerprint if self.revision == self.loaded_revision else None

    def _open(self, raw: bytes | None, loaded: LoadedFile | None) -> None:
        if loaded is None:  # a first start
            self._install(LoadedFile(data={}, records={}, version=SCHEMA_VERSION,
                                     quick_clean=True))
            if not self.read_only:
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
                # The original bytes, kept whatever comes next, under a name no file had.
                report.moved_aside = new_file(self.data_dir, "itb-coach.damaged", self._now(), raw)
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
            self.revision += 1
            self._db = TinyDB(self.path, storage=AtomicJSONStorage, initial=loaded.data,
                              read_only=self.read_only)
            self._records: dict[str, SessionRecord] = dict(loaded.records)
            #: memory holds only what orjson reads back as json does: its writes may be noted
            self._note_ok = loaded.quick_clean
            self._sorted: tuple[dict, list[SessionRecord]] | None = None
            # A newer app's file is not checked: a document may lack its id.
            self._doc_ids = _ids(loaded.data.get(SESSIONS, {}))
            self._decision_ids = _ids(loaded.data.get(DECISIONS, {}))
            #: the run and readiness tables: name -> (records by id, document number by id)
            self._others = {
                RUNS: (dict(loaded.runs), _ids(loaded.data.get(RUNS, {}))),
                READINESS: (dict(loaded.readiness), _ids(loaded.data.get(READINESS, {}))),
            }
            self._take_snapshot()

    def _ensure_meta(self) -> None:
        if not self._db.table(META).all():
            self._write(lambda: self._db.table(META).insert(
                {"schema_version": SCHEMA_VERSION, "created_by": f"itb-coach {__version__}"}))

    def daily_backup(self) -> Backup | None:
        """Once a day, a copy of the file (nothing to keep in an empty one). Called on
        opening and by a timer while the app stays open; a failure is logged, never raised."""
        if self.read_only or (not self._records and self.plan_setup() is None):
            return None
        with self._lock:
            today = self._now()
            if self._daily_done == today.date():  # a timer asks every minute: no folder scan
                return None
            try:
                if self.path.exists() and not self.backups.has_daily_copy(today.date()):
                    taken = self.backups.take(self.path, "daily", today)
                    self._daily_done = today.date()
                    return taken
                self._daily_done = today.date()
            except OSError as exc:  # a backup that fails must not stop the app
                _log.warning("daily backup failed: %s", exc)
        return None

    _daily_backup = daily_backup

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
        self.revision += 1   # after the swap: a reader seeing the new number sees the new data

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
        _check_document(doc, "the plan set-up")
        with self._lock:
            self._check_writable()
            self._upsert(PLAN, 1, dict(doc))

    def save_decision(self, doc: dict) -> None:
        """Insert or replace the decision with this ``doc["id"]``."""
        if not isinstance(doc.get("id"), str) or not doc["id"]:
            raise ValueError("a decision needs a text id")
        _check_document(doc, "a decision")
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
            # a copy to take elsewhere is made like any file the person saves
            write_atomically(Path(target), payload, private_file=False)
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
            if loaded.unreadable or loaded.newer or loaded.damaged:
                found = "; ".join(loaded.problems[:3])
                raise StoreError(f"The backup {backup.path.name} is damaged or from a newer "
                                 "version of ITB Coach, so restoring it would lose part of it; "
                                 f"nothing was changed.{' It has: ' + found if found else ''}")
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
        self.revision += 1  # memory changes whether or not the disk takes it
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
        """Release the lock; nothing is saved after this (it would be without the lock)."""
        with self._lock:
            opened = "_db" in self.__dict__   # closed before loading: nothing to load now
            if opened:
                self.note_checked()
                self._db.close()
            self._folder_lock.release()
            if not self.read_only:
                self.read_only = True
                if opened:
                    self._db.storage.read_only = True

    def __enter__(self) -> "SessionRepository":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _ids(table: dict) -> dict[str, int]:
    """Document id -> its number, for documents with a text id under a number."""
    ids = {}
    for key, doc in table.items():
        if isinstance(doc, dict) and isinstance(doc.get("id"), str) and str(key).isdigit():
            ids[doc["id"]] = int(key)
    return ids


def _check_document(doc: dict, what: str) -> None:
    """A plan or decision document must be storable as it is (no broken text)."""
    try:
        check_document(doc, what)
    except RecordError as exc:
        raise StoreError(f"Could not save {what}: {exc}.") from exc

