"""The house's plan, checked: the layers in pyproject.toml hold, and no room grows too big."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
#: Above this a module holds more than one concern; split it before it grows further.
MAX_MODULE_LINES = 600
GENERATED = {"resources_rc.py"}


def test_the_import_contracts_in_pyproject_hold(capsys, monkeypatch):
    import logging

    monkeypatch.chdir(ROOT)
    enabled = [lg for lg in logging.root.manager.loggerDict.values()
               if isinstance(lg, logging.Logger) and not lg.disabled]
    try:
        result = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    finally:
        # lint_imports configures logging with dictConfig, which disables every logger that
        # exists by then: the app's own (stall_watch, sound...) would log nothing in the
        # tests that run after this one in the same process.
        for lg in enabled:
            lg.disabled = False
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


def test_every_module_lies_in_a_layer_of_the_contract():
    """A module outside every layer escapes the contract: the folders are the layers."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    roots = {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}
    outside = []
    for path in (ROOT / "itbgui").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if path.parent == ROOT / "itbgui" and path.name in ("__init__.py", "__main__.py", *GENERATED):
            continue   # the package itself, `python -m itbgui`, and the compiled resources
        if not any(module == r or module.startswith(r + ".") for r in roots):
            outside.append(module)
    assert not outside, f"put these in a layer's folder: {sorted(outside)}"


def test_the_core_is_in_the_no_qt_contract():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    no_qt = next(c for c in config["tool"]["importlinter"]["contracts"]
                 if c["type"] == "forbidden" and "PySide6" in c["forbidden_modules"]
                 and "itbgui.store" in c["source_modules"])
    assert {"itbgui.core", "itbgui.program", "itbgui.store"} <= set(no_qt["source_modules"])
    assert (ROOT / "itbgui" / "core" / "engine.py").exists() and (ROOT / "itbgui" / "core" / "coach.py").exists()


WRITES = {"save_session", "save_sessions", "delete_session", "save_plan_setup", "save_decision",
          "restore", "save_run", "save_runs", "delete_run", "save_readiness_check"}


def test_no_screen_or_window_part_writes_to_the_store_itself():
    """Every write goes through itbgui/model (CoachModel), which says what changed."""
    import ast

    found = []
    for folder in ("screens", "app", "player"):
        for path in (ROOT / "itbgui" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in WRITES):
                    target = ast.unparse(node.func.value)
                    if target == "store" or target.endswith(".store") or target.endswith("_store"):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {target}.{node.func.attr}")
    assert not found, found


def _import_graph():
    import grimp

    return grimp.build_graph("itbgui", cache_dir=None)   # TYPE_CHECKING imports count too


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle in ``graph`` (module -> the modules it imports), or None."""
    state: dict[str, int] = {}   # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt]
            if nxt not in state and (found := visit(nxt, path + [nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_the_cycle_finder_finds_a_circle_and_passes_a_tree():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_app_has_no_import_circle():
    """Window parts are handed what they need; none reaches back into the window."""
    graph = _import_graph()
    app = {m for m in graph.modules if m == "itbgui.app" or m.startswith("itbgui.app.")}
    edges = {m: {d for d in graph.find_modules_directly_imported_by(m) if d in app} for m in app}
    assert _cycle(edges) is None, " -> ".join(_cycle(edges))


def test_no_window_part_imports_the_window_or_takes_it():
    """Only the package's entry point (itbgui/app/__init__.py) imports the window; no
    part's function or constructor is annotated with it."""
    import ast

    graph = _import_graph()
    importers = graph.find_modules_that_directly_import("itbgui.app.window") - {"itbgui.app"}
    assert not importers, f"these import the window: {sorted(importers)}"
    taking = []
    for path in (ROOT / "itbgui" / "app").glob("*.py"):
        if path.name == "window.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.arg) and node.annotation is not None and "MainWindow" in ast.unparse(node.annotation):
                taking.append(f"{path.name}:{node.lineno} {node.arg}")
    assert not taking, taking


def test_the_player_never_touches_the_store_or_the_saver():
    """The player hands each record to the model (the one write path), which owns the saver:
    no player module imports the repository, the saver or the folder."""
    import inspect

    from itbgui.player.view import PlayerView

    graph = _import_graph()
    player = {m for m in graph.modules if m.startswith("itbgui.player")}
    reached = {(m, d) for m in player for d in graph.find_modules_directly_imported_by(m)
               if d.startswith("itbgui.store") and d not in ("itbgui.store.records", "itbgui.store.run_records")}
    assert not reached, sorted(reached)
    assert not {"store", "saver"} & set(inspect.signature(PlayerView).parameters)
