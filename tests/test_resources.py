"""The compiled resource module must match resources.qrc and the files it lists."""

import importlib.util
import sys
from pathlib import Path

from PySide6.QtCore import QFile

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build_resources", ROOT / "tools" / "build_resources.py")
build_resources = importlib.util.module_from_spec(spec)
sys.modules["build_resources"] = build_resources
spec.loader.exec_module(build_resources)


def test_every_listed_asset_exists():
    missing = [p for p in build_resources.listed_files() if not p.is_file()]
    assert not missing


def test_compiled_resources_are_up_to_date():
    assert build_resources.recorded_digest() == build_resources.digest(), (
        "itbgui/resources_rc.py is stale: run `python tools/build_resources.py`")


def test_every_asset_is_reachable_through_qt():
    from itbgui import resources_rc  # noqa: F401

    from itbgui.player.cues import SOUNDS
    paths = [f":/sounds/{s}.wav" for s in SOUNDS] + [":/icons/itb-coach.svg"]
    assert [p for p in paths if not QFile.exists(p)] == []
