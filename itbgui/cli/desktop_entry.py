"""Adds ITB Coach to the desktop's application menu for the current user (Linux).

Copies ``packaging/itb-coach.desktop`` (with Exec pointing at this install's ``itb-coach``),
the icons and the AppStream metainfo into ``$XDG_DATA_HOME`` (default ~/.local/share). Used
by ``tools/install_desktop_entry.py`` from a checkout and by ``itb-coach
--install-desktop-entry`` from the download, whose folder carries the same ``packaging/``.
No Qt: it runs before, and instead of, the window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DESKTOP_FILE = "itb-coach.desktop"
METAINFO_FILE = "io.github.itbcoach.ItbCoach.metainfo.xml"
ICON_NAME = "itb-coach"


def frozen() -> bool:
    """True in the download (PyInstaller), where the executable is the app itself."""
    return bool(getattr(sys, "frozen", False))


def packaging_dir() -> Path:
    """The download's copy of ``packaging/``, else the checkout's."""
    if frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "packaging"
    return Path(__file__).resolve().parents[2] / "packaging"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def find_launcher() -> str:
    """The download's executable; in a venv its itb-coach script, else whatever is on PATH."""
    if frozen():
        return str(Path(sys.executable).resolve())
    beside_python = Path(sys.executable).parent / "itb-coach"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("itb-coach") or "itb-coach"


def exec_value(launcher: str) -> str:
    """Quote the path as the desktop entry spec asks when it holds a space or a quote."""
    if any(c in launcher for c in ' \t"\'\\$`'):
        escaped = launcher.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")
        return f'"{escaped}"'
    return launcher


def icon_files(packaging: Path) -> list[Path]:
    return sorted(p for p in (packaging / "icons").rglob(f"{ICON_NAME}.*") if p.is_file())


def planned_targets(home: Path, packaging: Path) -> list[Path]:
    targets = [home / "applications" / DESKTOP_FILE, home / "metainfo" / METAINFO_FILE]
    targets += [home / "icons" / p.relative_to(packaging / "icons") for p in icon_files(packaging)]
    return targets


def install(home: Path, launcher: str, packaging: Path | None = None) -> list[Path]:
    packaging = packaging or packaging_dir()
    written = []
    desktop = (packaging / DESKTOP_FILE).read_text(encoding="utf-8")
    desktop = "\n".join(f"Exec={exec_value(launcher)}" if line.startswith("Exec=") else line
                        for line in desktop.splitlines()) + "\n"
    target = home / "applications" / DESKTOP_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(desktop, encoding="utf-8")
    written.append(target)
    for source in [packaging / METAINFO_FILE, *icon_files(packaging)]:
        if source.name == METAINFO_FILE:
            target = home / "metainfo" / METAINFO_FILE
        else:
            target = home / "icons" / source.relative_to(packaging / "icons")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(home: Path, packaging: Path | None = None) -> list[Path]:
    removed = []
    for target in planned_targets(home, packaging or packaging_dir()):
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed


def refresh_caches(home: Path) -> None:
    """Let the menu and icon theme notice at once; harmless when the tools are missing."""
    for command in (["update-desktop-database", str(home / "applications")],
                    ["gtk-update-icon-cache", "-f", "-t", str(home / "icons" / "hicolor")]):
        if shutil.which(command[0]):
            subprocess.run(command, check=False, capture_output=True)


def run(*, remove: bool, home: Path | None = None, launcher: str | None = None,
        refresh: bool = True) -> int:
    """Install (or with ``remove`` uninstall) and say what changed; 0, or 1 if it failed."""
    home = (home or data_home()).expanduser()
    try:
        if remove:
            changed = uninstall(home)
            print(f"removed {len(changed)} files from {home}")
        else:
            changed = install(home, launcher or find_launcher())
            print(f"installed {len(changed)} files into {home}")
    except OSError as exc:
        print(f"itb-coach: the desktop entry could not be {'removed' if remove else 'installed'}: "
              f"{exc}", file=sys.stderr)
        return 1
    if refresh:
        refresh_caches(home)
    return 0
