"""The house's plan, checked: the layers in pyproject.toml hold, and no room grows too big."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
#: Above this a module holds more than one concern; split it before it grows further.
MAX_MODULE_LINES = 600
GENERATED = {"resources_rc.py"}


def test_the_import_contracts_in_pyproject_hold(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert result == 0, capsys.readouterr().out


def test_no_module_under_itbgui_is_over_600_lines():
    sizes = {path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in (ROOT / "itbgui").rglob("*.py") if path.name not in GENERATED}
    assert sizes, "no modules found"
    too_big = {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES}
    assert not too_big, f"split these by concern: {too_big}"


def test_the_main_window_only_wires():
    window = ROOT / "itbgui" / "app" / "window.py"
    assert len(window.read_text(encoding="utf-8").splitlines()) < 400
