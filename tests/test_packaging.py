"""Desktop integration: the launcher and metainfo validate, the icons exist at their sizes."""

import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "itb-coach.desktop"
METAINFO = PACKAGING / "io.github.itbcoach.ItbCoach.metainfo.xml"
SIZES = (16, 32, 48, 64, 128, 256)


def _run(command):
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate missing (apt-get install desktop-file-utils)")
def test_desktop_file_validates():
    result = _run(["desktop-file-validate", str(DESKTOP)])
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli missing (apt-get install appstream)")
def test_metainfo_validates():
    result = _run(["appstreamcli", "validate", "--no-net", str(METAINFO)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_and_metainfo_agree():
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Exec"], section["Icon"], section["Type"]) == ("itb-coach", "itb-coach", "Application")
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == section["Exec"]
    assert component.findtext("name") == section["Name"] == "ITB Coach"


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_its_size(size):
    path = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "itb-coach.png"
    image = QImage(str(path))
    assert not image.isNull(), f"missing or unreadable: {path}"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()            # rounded corners stay see-through


def test_scalable_icon_is_the_app_icon():
    scalable = PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / "itb-coach.svg"
    assert scalable.read_bytes() == (ROOT / "assets" / "icons" / "itb-coach.svg").read_bytes()


def test_install_script_puts_the_launcher_icons_and_metainfo_in_the_user_folder(tmp_path):
    spec = importlib.util.spec_from_file_location("install_desktop_entry",
                                                  ROOT / "tools" / "install_desktop_entry.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    launcher = "/opt/my apps/itb-coach"
    assert tool.main(["--data-home", str(tmp_path), "--exec", launcher, "--no-cache-refresh"]) == 0
    desktop = (tmp_path / "applications" / "itb-coach.desktop").read_text()
    assert 'Exec="/opt/my apps/itb-coach"' in desktop.splitlines()
    assert (tmp_path / "metainfo" / METAINFO.name).exists()
    for size in SIZES:
        assert (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "itb-coach.png").exists()
    if shutil.which("desktop-file-validate"):
        assert _run(["desktop-file-validate", str(tmp_path / "applications" / "itb-coach.desktop")]).returncode == 0
    assert tool.main(["--data-home", str(tmp_path), "--uninstall", "--no-cache-refresh"]) == 0
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
