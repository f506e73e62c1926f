"""Opening the History tab on ten years of sessions, against a bare ``json.load``.

Measured, each in a fresh child process so no run warms the next:
  * baseline: ``json.load`` of the same data file;
  * open: a fresh SessionRepository on the file, the History page built, shown offscreen
    at 1366x768 and the visible chart painted ("first chart"), then every other chart
    tab shown and painted ("all five charts").
Qt, pyqtgraph and the app's modules are imported and the QApplication exists before the
clock starts: the tab opens inside a running app. Peak memory is the child's peak
resident set size (``resource.getrusage(RUSAGE_SELF).ru_maxrss``), whole process; one
extra run under ``tracemalloc`` gives the Python heap peak of the open alone.
Targets: open at most 3x the bare load; peak memory under 300 MB.

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


def child_open(data_dir: Path, range_key: str, trace: bool) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from itbgui.clock import FakeClock
    from itbgui.history.page import HistoryPage
    from itbgui.store.repository import SessionRepository
    from itbgui.theme import apply_theme

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
    rss_before = _peak_rss_mb()
    if trace:
        import tracemalloc

        tracemalloc.start()
    clock = FakeClock(dt.datetime(2026, 11, 25, 18, 0, tzinfo=dt.timezone.utc))
    t0 = time.perf_counter()
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
    result = {"store": t_store - t0, "page": t_page - t_store, "first": t_first - t0,
              "all": t_all - t0, "sessions": len(repo.sessions()),
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
            print(json.dumps(child_open(Path(rest[0]), rest[1], kind == "trace")))
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

    bare, opens = [], []
    for _ in range(runs):  # interleaved, so machine noise hits both alike
        bare.append(run_child("json", str(path)))
        opens.append(run_child("open", str(data_dir), range_key))
    traced = run_child("trace", str(data_dir), range_key)

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    base = med(bare, "seconds")
    print(f"bare json.load:                       {base * 1000:7.1f} ms (median)")
    print(f"  store open (SessionRepository):     {med(opens, 'store') * 1000:7.1f} ms "
          f"= {med(opens, 'store') / base:.2f}x")
    print(f"  History page built (data + charts): {med(opens, 'page') * 1000:7.1f} ms")
    print(f"open to first chart painted:          {med(opens, 'first') * 1000:7.1f} ms "
          f"= {med(opens, 'first') / base:.2f}x the bare load")
    own = statistics.median(r["first"] - r["store"] for r in opens)
    print(f"  of which the History tab itself:    {own * 1000:7.1f} ms = {own / base:.2f}x "
          "(page built, shown, first chart painted)")
    print(f"open to all five charts painted:      {med(opens, 'all') * 1000:7.1f} ms "
          f"= {med(opens, 'all') / base:.2f}x the bare load (target <= 3x)")
    print(f"peak RSS (ru_maxrss, whole process):  {max(r['peak_rss_mb'] for r in opens):7.1f} MB "
          f"(Qt + app loaded before the open: {med(opens, 'rss_before_mb'):.1f} MB; "
          f"bare json.load process: {max(r['peak_rss_mb'] for r in bare):.1f} MB; target < 300 MB)")
    print(f"Python heap peak during the open (tracemalloc): {traced['tracemalloc_peak_mb']:.1f} MB")


if __name__ == "__main__":
    main()
