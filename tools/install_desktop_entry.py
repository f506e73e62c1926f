"""Adds ITB Coach to the desktop's application menu for the current user (Linux).

Copies packaging/itb-coach.desktop (with Exec pointing at this install's ``itb-coach``),
the icons and the AppStream metainfo into ``$XDG_DATA_HOME`` (default ~/.local/share):

    .venv/bin/python tools/install_desktop_entry.py            # install or update
    .venv/bin/python tools/install_desktop_entry.py --uninstall
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = "itb-coach.desktop"
METAINFO_FILE = "io.github.itbcoach.ItbCoach.metainfo.xml"
ICON_NAME = "itb-coach"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def find_launcher() -> str:
    """This environment's itb-coach script, else whatever is on PATH."""
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


def icon_files() -> list[Path]:
    return sorted(p for p in (PACKAGING / "icons").rglob(f"{ICON_NAME}.*") if p.is_file())


def planned_targets(home: Path) -> list[Path]:
    targets = [home / "applications" / DESKTOP_FILE, home / "metainfo" / METAINFO_FILE]
    targets += [home / "icons" / p.relative_to(PACKAGING / "icons") for p in icon_files()]
    return targets


def install(home: Path, launcher: str) -> list[Path]:
    written = []
    desktop = (PACKAGING / DESKTOP_FILE).read_text(encoding="utf-8")
    desktop = "\n".join(f"Exec={exec_value(launcher)}" if line.startswith("Exec=") else line
                        for line in desktop.splitlines()) + "\n"
    target = home / "applications" / DESKTOP_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(desktop, encoding="utf-8")
    written.append(target)
    for source in [PACKAGING / METAINFO_FILE, *icon_files()]:
        if source.name == METAINFO_FILE:
            target = home / "metainfo" / METAINFO_FILE
        else:
            target = home / "icons" / source.relative_to(PACKAGING / "icons")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(home: Path) -> list[Path]:
    removed = []
    for target in planned_targets(home):
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uninstall", action="store_true", help="remove what an install added")
    parser.add_argument("--data-home", type=Path, help="instead of $XDG_DATA_HOME or ~/.local/share")
    parser.add_argument("--exec", dest="launcher", help="the itb-coach command to start "
                                                        "(default: this environment's)")
    parser.add_argument("--no-cache-refresh", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    home = (args.data_home or data_home()).expanduser()
    if args.uninstall:
        changed = uninstall(home)
        print(f"removed {len(changed)} files from {home}")
    else:
        changed = install(home, args.launcher or find_launcher())
        print(f"installed {len(changed)} files into {home}")
    if not args.no_cache_refresh:
        refresh_caches(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
