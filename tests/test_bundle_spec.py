"""The download's spec and build script: what they promise without running PyInstaller
(tools/check_bundle.py builds and starts the real thing in CI)."""

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "itb-coach.spec"
sys.path.insert(0, str(ROOT / "tools"))


def spec_list(name: str) -> list[str]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not in {SPEC}")


def test_no_qt_module_the_app_imports_is_left_out_of_the_download():
    imported = set()
    for path in (ROOT / "itbgui").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
        imported |= {m for line in re.findall(r"from PySide6 import ([\w, ]+)", path.read_text(encoding="utf-8"))
                     for m in re.split(r"[,\s]+", line) if m.startswith("Qt")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtTextToSpeech"} <= imported
    assert not imported & set(spec_list("QT_UNUSED"))


def test_the_version_has_one_home():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "itbgui.__version__"}


def test_the_archive_is_named_after_the_version_and_the_platform():
    import build_bundle
    from itbgui import __version__

    tag = build_bundle.platform_tag()
    assert re.fullmatch(r"(linux|macos|windows)-[a-z0-9_]+", tag)
    if sys.platform.startswith("linux") and build_bundle.platform.machine() in ("x86_64", "AMD64"):
        assert tag == "linux-x86_64"
    assert __version__ in build_bundle.archive_name()
    assert build_bundle.archive_name() == f"itb-coach-{__version__}-{tag}.tar.gz"
