"""The only code that opens the data file.

``DATA_DIR/itb-coach.json`` is a TinyDB file with two tables: ``meta`` (one document
holding the schema version) and ``sessions`` (one document per session). Format:
docs/data-format.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from tinydb import Query, TinyDB

from .. import __version__
from .records import SessionRecord
from .storage import CachedJSONStorage

SCHEMA_VERSION = 1
DATA_FILE_NAME = "itb-coach.json"


class StoreError(Exception):
    """A problem with the data file, worded for the person using the app."""


class SessionRepository:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE_NAME
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._db = TinyDB(self.path, storage=CachedJSONStorage)
            self._check_schema()
        except json.JSONDecodeError as exc:
            raise StoreError(f"The data file {self.path} is damaged and cannot be read "
                             f"({exc.msg} at line {exc.lineno}).") from exc
        except OSError as exc:
            raise StoreError(f"The data folder {self.data_dir} cannot be used: "
                             f"{exc.strerror or exc}.") from exc

    def _check_schema(self) -> None:
        meta = self._db.table("meta")
        docs = meta.all()
        if not docs:
            meta.insert({"schema_version": SCHEMA_VERSION, "created_by": f"itb-coach {__version__}"})
            return
        version = docs[0].get("schema_version")
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise StoreError(f"The data file {self.path} was written by a newer ITB Coach "
                             f"(format {version}); this version reads format {SCHEMA_VERSION}.")

    @property
    def schema_version(self) -> int:
        return self._db.table("meta").all()[0]["schema_version"]

    def save_session(self, record: SessionRecord) -> None:
        """Insert or replace the session with this id (saved again after every set)."""
        try:
            self._db.table("sessions").upsert(record.to_doc(), Query().id == record.id)
        except OSError as exc:
            raise StoreError(f"Could not save the session to {self.path}: "
                             f"{exc.strerror or exc}.") from exc

    def sessions(self) -> list[SessionRecord]:
        """Every stored session, oldest first."""
        records = [SessionRecord.from_doc(doc) for doc in self._db.table("sessions").all()]
        return sorted(records, key=lambda r: r.started_at)

    def session(self, session_id: str) -> SessionRecord | None:
        doc = self._db.table("sessions").get(Query().id == session_id)
        return SessionRecord.from_doc(doc) if doc else None

    def close(self) -> None:
        self._db.close()
