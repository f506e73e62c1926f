"""Opening the History tab on ten years of sessions, against a bare ``json.load``.

Every measured run is a fresh child process, so no run warms the next. Three kinds:
  * baseline: ``json.load`` of the same data file;
  * tab (the app running): the store is opened first, as the app does at start-up, and
    the clock then times the History tab's own work: the page built, shown offscreen at
    1366x768 and the visible chart painted, then every other chart tab shown and painted;
  * cold: the same, with a fresh SessionRepository opened on the file inside the clock;
    the app noted the file as checked when it wrote it (store/checked.py), as on any
    start after the app's own save;
  * unnoted: the cold run without that note (a file the app did not write, or edited by
    hand since), so every field is checked again.
Qt, pyqtgraph and the app's modules are imported and the QApplication exists before the
clock starts in both. Peak memory is the child's peak resident set size
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``), whole process; one extra cold run under
``tracemalloc`` gives the Python heap peak of the open alone.
Targets (issue 11): the tab with all five charts at most 1.3x the bare load in the running
app, and the store open plus the tab at most 2.5x; peak memory under 300 MB.

    python benchmarks/history_open.py [--runs 5] [--range 8w|4w|all] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024  # KiB on Linux


def child_json(path: Path) -> dict:
    t0 = time.perf_counter()
    with open(path, encoding="utf-8") as fh:
        json.load(fh)
    return {"seconds": time.perf_counter() - t0, "peak_rss_mb": _peak_rss_mb()}


def child_open(data_dir: Path, range_key: str, cold: bool, trace: bool,
               unnoted: bool = False) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if unnoted:
        from itbgui.store import checked

        checked.note_path(data_dir).unlink(missing_ok=True)  # the open notes it again
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from itbgui.core.clock import FakeClock
    from itbgui.screens.history.page import HistoryPage
    from itbgui.store.repository import SessionRepository
    from itbgui.ui.theme import apply_theme

    app = QApplication([])
    apply_theme(app, "light")

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted: set[int] = set()

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.painted.add(id(obj))
            return False

    def wait_painted(widget) -> None:
        target = widget.viewport()
        target.installEventFilter(counter)
        counter.painted.discard(id(target))
        target.update()
        while id(target) not in counter.painted:
            app.processEvents()

    counter = PaintCounter()
    clock = FakeClock(dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.timezone.utc))
    repo = None if cold else SessionRepository(data_dir)  # opened at the app's start-up
    rss_before = _peak_rss_mb()
    import gc

    collector = {"seconds": 0.0, "since": None}

    def timed(phase, _info) -> None:   # the garbage collector's own time inside the clock
        if phase == "start":
            collector["since"] = time.perf_counter()
        elif collector["since"] is not None:
            collector["seconds"] += time.perf_counter() - collector["since"]

    if trace:
        import tracemalloc

        tracemalloc.start()
    gc.callbacks.append(timed)
    t0 = time.perf_counter()
    if repo is None:
        repo = SessionRepository(data_dir)
    t_store = time.perf_counter()
    page = HistoryPage(repo, clock)
    if range_key != page.range_key:
        page.set_range(range_key)
    t_page = time.perf_counter()
    page.resize(1366, 768)
    page.show()
    wait_painted(page.chart_at(page.tabs.currentIndex()))
    t_first = time.perf_counter()
    for index in range(1, page.tabs.count()):
        page.tabs.setCurrentIndex(index)  # builds and draws that chart
        wait_painted(page.chart_at(index))
    t_all = time.perf_counter()
    gc.callbacks.remove(timed)
    result = {"store": t_store - t0, "page": t_page - t_store, "first": t_first - t_store,
              "tab": t_all - t_store, "total": t_all - t0, "gc": collector["seconds"],
              "sessions": len(repo.sessions()),
              "rss_before_mb": rss_before, "peak_rss_mb": _peak_rss_mb()}
    if trace:
        import tracemalloc

        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    repo.close()
    for index in range(page.tabs.count()):  # tidy up before Python tears Qt down
        page.chart_at(index).viewport().removeEventFilter(counter)
    page.close()
    page.deleteLater()
    app.processEvents()
    return result


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True,
                         capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--range", dest="range_key", default="8w", choices=("4w", "8w", "all"))
    parser.add_argument("--data-dir", type=Path, help="use this history instead of generating one")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "json":
            print(json.dumps(child_json(Path(rest[0]))))
        else:
            print(json.dumps(child_open(Path(rest[0]), rest[1], cold=kind != "tab",
                                        trace=kind == "trace", unnoted=kind == "unnoted")))
        return

    if args.data_dir is not None:
        measure(args.data_dir, args.runs, args.range_key)
        return
    import synthetic_history

    with tempfile.TemporaryDirectory(prefix="itb-history-bench-") as folder:
        t0 = time.perf_counter()
        count = synthetic_history.generate(Path(folder), years=10, seed=1)
        print(f"generated {count} sessions in {time.perf_counter() - t0:.2f} s")
        measure(Path(folder), args.runs, args.range_key)


def measure(data_dir: Path, runs: int, range_key: str) -> None:
    path = data_dir / "itb-coach.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    sets = sum(len(s.get("sets", [])) for s in doc.get("sessions", {}).values())
    print(f"data file: {path.stat().st_size / 2**20:.1f} MiB, {len(doc.get('sessions', {}))} "
          f"sessions, {sets} sets; range shown: {range_key}; {runs} runs each")
    del doc

    bare, tabs, colds, unnoted = [], [], [], []
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        bare.append(run_child("json", str(path)))
        tabs.append(run_child("tab", str(data_dir), range_key))
        colds.append(run_child("cold", str(data_dir), range_key))
        unnoted.append(run_child("unnoted", str(data_dir), range_key))
    traced = run_child("trace", str(data_dir), range_key)

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    base = med(bare, "seconds")
    print(f"bare json.load of the file:                 {base * 1000:7.1f} ms (median)")
    print()
    print("(a) History tab in the running app (store already open), all five charts painted:")
    print(f"    page built (table, all charts' numbers)  {med(tabs, 'page') * 1000:7.1f} ms")
    print(f"    page built, shown, first chart painted    {med(tabs, 'first') * 1000:7.1f} ms "
          f"= {med(tabs, 'first') / base:.2f}x")
    print(f"    ... and the other four charts painted     {med(tabs, 'tab') * 1000:7.1f} ms "
          f"= {med(tabs, 'tab') / base:.2f}x the bare load (target <= 1.3x)")
    print(f"    of which the garbage collector            {med(tabs, 'gc') * 1000:7.1f} ms "
          f"(objects the store's open left young)")
    print()
    print("(b) cold: store opened, then the History tab with all five charts painted:")
    print(f"    store open (SessionRepository)            {med(colds, 'store') * 1000:7.1f} ms "
          f"= {med(colds, 'store') / base:.2f}x")
    print(f"    History tab, all five charts painted      {med(colds, 'tab') * 1000:7.1f} ms "
          f"= {med(colds, 'tab') / base:.2f}x")
    print(f"    store open + tab                          {med(colds, 'total') * 1000:7.1f} ms "
          f"= {med(colds, 'total') / base:.2f}x the bare load (target <= 2.5x)")
    print(f"    of which the garbage collector            {med(colds, 'gc') * 1000:7.1f} ms")
    print()
    print("(c) the same, the file not noted as checked (every field checked again):")
    print(f"    store open (SessionRepository)            {med(unnoted, 'store') * 1000:7.1f} ms "
          f"= {med(unnoted, 'store') / base:.2f}x")
    print(f"    store open + tab                          {med(unnoted, 'total') * 1000:7.1f} ms "
          f"= {med(unnoted, 'total') / base:.2f}x the bare load")
    print()
    print(f"peak RSS (ru_maxrss, whole process, cold):  {max(r['peak_rss_mb'] for r in colds):7.1f} MB "
          f"(target < 300 MB; Qt + app loaded before the open: {med(colds, 'rss_before_mb'):.1f} MB; "
          f"bare json.load process: {max(r['peak_rss_mb'] for r in bare):.1f} MB)")
    print(f"Python heap peak during the cold open (tracemalloc): {traced['tracemalloc_peak_mb']:.1f} MB")
    print(f"times are medians of {runs} runs, each in a fresh process; memory is the worst run")

if __name__ == "__main__":
    main()
