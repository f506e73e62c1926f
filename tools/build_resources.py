"""Compiles resources.qrc into itbgui/resources_rc.py with pyside6-rcc.

The compiled module starts with a digest of resources.qrc and every file it lists, so
tests/test_resources.py can tell when someone changed an asset and forgot to rebuild.
Run from anywhere: ``python tools/build_resources.py``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QRC = ROOT / "resources.qrc"
OUT = ROOT / "itbgui" / "resources_rc.py"
DIGEST_PREFIX = "# resources-digest: "


def listed_files(qrc: Path = QRC) -> list[Path]:
    return [qrc.parent / node.text.strip() for node in ET.parse(qrc).getroot().iter("file")]


def digest(qrc: Path = QRC) -> str:
    """SHA-256 over the .qrc and each listed file's path and bytes."""
    h = hashlib.sha256(qrc.read_bytes())
    for path in listed_files(qrc):
        h.update(path.relative_to(qrc.parent).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def recorded_digest(module: Path = OUT) -> str | None:
    first = module.read_text(encoding="utf-8").splitlines()[0] if module.exists() else ""
    return first[len(DIGEST_PREFIX):] if first.startswith(DIGEST_PREFIX) else None


def rcc_command() -> list[str]:
    exe = shutil.which("pyside6-rcc") or str(Path(sys.executable).parent / "pyside6-rcc")
    return [exe, "-g", "python", "--compress-algo", "zlib", str(QRC)]


def build() -> None:
    missing = [p for p in listed_files() if not p.is_file()]
    if missing:
        sys.exit("resources.qrc lists missing files:\n  " + "\n  ".join(map(str, missing)))
    compiled = subprocess.run(rcc_command(), check=True, capture_output=True, text=True).stdout
    OUT.write_text(f"{DIGEST_PREFIX}{digest()}\n{compiled}", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    build()
