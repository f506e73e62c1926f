"""``itb-coach --install-desktop-entry`` / ``--uninstall-desktop-entry``: from the download,
the menu entry starts the download's own executable."""

import sys
from pathlib import Path

from itbgui import cli

ROOT = Path(__file__).resolve().parents[1]


def test_the_download_installs_an_entry_that_starts_its_own_executable(tmp_path, monkeypatch, capsys):
    bundle = tmp_path / "itb coach-0.1.0"
    bundle.mkdir()
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "itb-coach"))
    monkeypatch.setattr(sys, "_MEIPASS", str(ROOT), raising=False)   # its packaging/ is the checkout's

    assert cli.main(["--install-desktop-entry"]) == 0

    desktop = (home / "applications" / "itb-coach.desktop").read_text().splitlines()
    assert f'Exec="{bundle / "itb-coach"}"' in desktop
    assert (home / "metainfo" / "io.github.itbcoach.ItbCoach.metainfo.xml").is_file()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "itb-coach.svg").is_file()
    assert "installed" in capsys.readouterr().out

    assert cli.main(["--uninstall-desktop-entry"]) == 0
    left = {p.name for p in home.rglob("*") if p.is_file()}
    assert not left & {"itb-coach.desktop", "io.github.itbcoach.ItbCoach.metainfo.xml",
                       "itb-coach.svg", "itb-coach.png"}
