"""Adds ITB Coach to the desktop's application menu for the current user (Linux).

Copies packaging/itb-coach.desktop (with Exec pointing at this install's ``itb-coach``),
the icons and the AppStream metainfo into ``$XDG_DATA_HOME`` (default ~/.local/share):

    .venv/bin/python tools/install_desktop_entry.py            # install or update
    .venv/bin/python tools/install_desktop_entry.py --uninstall

The work is done by itbgui/desktop_entry.py, which the download's
``itb-coach --install-desktop-entry`` uses too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from itbgui.cli import desktop_entry  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uninstall", action="store_true", help="remove what an install added")
    parser.add_argument("--data-home", type=Path, help="instead of $XDG_DATA_HOME or ~/.local/share")
    parser.add_argument("--exec", dest="launcher", help="the itb-coach command to start "
                                                        "(default: this environment's)")
    parser.add_argument("--no-cache-refresh", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return desktop_entry.run(remove=args.uninstall, home=args.data_home, launcher=args.launcher,
                             refresh=not args.no_cache_refresh)


if __name__ == "__main__":
    sys.exit(main())
