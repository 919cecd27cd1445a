"""Many documents in the real window: time to the first lane, to the whole timeline, and how
quickly the window answers meanwhile.

For each count, generated documents (``tests/gui/generated.py``) are opened through the window's
own open path with a cold analysis cache (``--warm``: a second opening of the same files). A
probe timer asks the event loop to run every 50 ms; how late each tick comes is how long the
window could not have answered a click then. Printed: seconds to the first lane drawn and to the
whole timeline (all documents, links, final layout), the probe's p95 and max lateness, and the
GUI thread's CPU time.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.window [COUNTS ...] [--warm]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SCRATCH = Path(tempfile.mkdtemp(prefix="timeweave-window-bench-"))
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # never the analyst's
    os.environ[_name] = str(_SCRATCH / _name.lower())

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402 - the platform is chosen first
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.main_window import MainWindow  # noqa: E402
from tests.gui.generated import write_documents  # noqa: E402

PROBE_MS = 50
TIMEOUT_S = 3600


class Probe:
    """Lateness of a 50 ms timer's ticks: the event loop's longest waits."""

    def __init__(self) -> None:
        self.late_ms: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        elapsed = self._clock.restart()
        self.late_ms.append(max(elapsed - PROBE_MS, 0))


def open_in_window(app: QApplication, paths: list[str]) -> dict[str, float]:
    """Open ``paths`` in a fresh window; the figures of one run."""
    window = MainWindow(recovery_dir=_SCRATCH / "recovery")
    window.show()
    app.processEvents()
    view = window.timeline.view
    marks: dict[str, float] = {}
    started = time.perf_counter()
    cpu = time.thread_time()

    def layout_changed() -> None:
        if view.timeline_layout.lanes and "first" not in marks:
            marks["first"] = time.perf_counter() - started

    view.layout_changed.connect(layout_changed)
    probe = Probe()
    probe.start()
    window.open_files(paths)
    # The analysis thread's result, then the final layout (built off this thread when large).
    while (window.runner.busy or getattr(view, "layout_pending", False)
           or len(window.workspace.analyses) < len(paths)):
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() - started > TIMEOUT_S:
            raise SystemExit(f"{len(paths)} documents: not done after {TIMEOUT_S} s")
    marks["whole"] = time.perf_counter() - started
    probe.stop()
    marks["gui_cpu"] = time.thread_time() - cpu
    late = sorted(probe.late_ms)
    marks["p95"] = late[int(len(late) * 0.95) - 1] if late else 0.0
    marks["max"] = late[-1] if late else 0.0
    marks["median"] = statistics.median(late) if late else 0.0
    marks["probes"] = len(late)
    marks["lanes"] = len(view.timeline_layout.lanes)
    window.undo_stack.setClean()  # no unsaved-work question on close
    window.close()
    window.deleteLater()
    app.processEvents()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[30, 300, 1000])
    parser.add_argument("--warm", action="store_true",
                        help="open each set twice and report the second (cached) opening")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    print(f"{'docs':>5} {'first lane s':>13} {'whole s':>9} {'lanes':>6} "
          f"{'late p95 ms':>12} {'late max ms':>12} {'probes':>7} {'GUI CPU s':>10}")
    for count in args.counts:
        paths = [str(p) for p in write_documents(_SCRATCH / f"docs{count}", count)]
        # A cache of its own: the first documents of every set are the same files.
        os.environ["XDG_CACHE_HOME"] = str(_SCRATCH / f"cache{count}")
        if args.warm:
            open_in_window(app, paths)
        m = open_in_window(app, paths)
        print(f"{count:>5} {m.get('first', float('nan')):>13.2f} {m['whole']:>9.2f} "
              f"{m['lanes']:>6.0f} {m['p95']:>12.0f} {m['max']:>12.0f} {m['probes']:>7.0f} "
              f"{m['gui_cpu']:>10.2f}", flush=True)


if __name__ == "__main__":
    main()
