"""The run log's tables (runs and walking readiness checks) of the repository.

Kept apart from the sessions' code so each reads on its own; the repository mixes this
in and supplies the lock, the write path and ``_others`` (name -> records by id, and
each id's document number), filled when the file is loaded.
"""

from __future__ import annotations

from typing import Iterable

from itbgui.store.loading import READINESS, RUNS
from itbgui.store.run_records import ReadinessCheck, RunRecord


class RunTables:
    """Reading and writing runs and readiness checks; every write is one atomic save."""

    def runs(self) -> list[RunRecord]:
        """Every stored run, oldest first."""
        return sorted(self._others[RUNS][0].values(), key=lambda r: r.started_at)

    def readiness_checks(self) -> list[ReadinessCheck]:
        """Every walking readiness answer, oldest first."""
        return sorted(self._others[READINESS][0].values(), key=lambda r: r.answered_at)

    def save_runs(self, records: Iterable[RunRecord]) -> None:
        """Insert or replace runs by id (an import saves many in one write)."""
        self._save_others(RUNS, list(records))

    def save_run(self, record: RunRecord) -> None:
        self._save_others(RUNS, [record])

    def delete_run(self, run_id: str) -> RunRecord | None:
        """Remove a run; returns it so the caller can undo by saving it again."""
        return self._delete_other(RUNS, run_id)

    def save_readiness_check(self, record: ReadinessCheck) -> None:
        self._save_others(READINESS, [record])

    def _save_others(self, table_name: str, records: list) -> None:
        """Insert or replace records of a table keyed by their id, in one write; memory
        holds them even when the disk refuses (as for sessions)."""
        with self._lock:
            self._check_writable()
            held, numbers = self._others[table_name]
            held = {**held, **{r.id: r for r in records}}
            new_numbers = dict(numbers)
            for record in records:
                if record.id not in new_numbers:
                    new_numbers[record.id] = max(new_numbers.values(), default=0) + 1
            self._others = {**self._others, table_name: (held, new_numbers)}
            docs = {new_numbers[r.id]: r.to_doc() for r in records}
            table = self._db.table(table_name)
            try:
                with self._db.storage.declare_changed(table_name):   # each a new object
                    self._write(lambda: _put_documents(table, docs))
            finally:
                table.clear_cache()

    def _delete_other(self, table_name: str, record_id: str):
        with self._lock:
            self._check_writable()
            held, numbers = self._others[table_name]
            record, number = held.get(record_id), numbers.get(record_id)
            if record is None or number is None:
                return None
            held = {k: v for k, v in held.items() if k != record_id}
            numbers = {k: v for k, v in numbers.items() if k != record_id}
            self._others = {**self._others, table_name: (held, numbers)}
            table = self._db.table(table_name)
            try:
                with self._db.storage.declare_changed(table_name):
                    self._write(lambda: table.remove(doc_ids=[number]))
            finally:
                table.clear_cache()
            return record


def _put_documents(table, docs: dict[int, dict]) -> None:
    """Replace or insert each document under its number, in one write of the table."""
    def put(tinydb_table: dict) -> None:
        for number, doc in docs.items():
            tinydb_table[number] = doc
    table._update_table(put)
