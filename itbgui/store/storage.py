"""TinyDB storage that parses the data file once and writes it compactly.

TinyDB's own JSONStorage re-reads and re-parses the whole file on every query and
writes with Python's slow pretty-printer; with a year of sessions that stalls the
player for tens of milliseconds at every set. Here reads come from memory after the
first parse, and writes go through the C JSON encoder to a temporary file that then
replaces the old one, so a crash mid-write never leaves a half-written file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tinydb.storages import Storage


class CachedJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike, **_ignored) -> None:
        self.path = Path(path)
        self._data: dict | None = None

    def read(self) -> dict | None:
        if self._data is None:
            try:
                text = self.path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
            if not text.strip():
                return None
            data = json.loads(text)
            if not isinstance(data, dict):
                raise json.JSONDecodeError("the top level is not an object", text, 0)
            self._data = data
        return self._data

    def write(self, data: dict) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(payload, encoding="utf-8")
        os.replace(tmp, self.path)
        self._data = data

    def close(self) -> None:
        self._data = None
