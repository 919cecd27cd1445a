"""Timeline speed with many events: layout build time, and frame time for pan and zoom.

Renders the real view offscreen into a QImage after each pan or zoom step, so a frame is the
whole cost the analyst waits for: marks for the visible range, then painting them. Each frame is
timed twice: the GUI thread's CPU time (the 16 ms goal; the machine's load does not count) and
the wall clock.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.timeline [events] [documents]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402 - the platform is chosen first
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.timeline import TimelineWidget  # noqa: E402
from gui.timeline.preview import immortal_none  # noqa: E402
from timeweave.layout import build_layout  # noqa: E402
from timeweave.layout.synthetic import synthetic_analyses  # noqa: E402
from timeweave.model import ExtractionResult  # noqa: E402
from timeweave.workspace import Workspace  # noqa: E402

FRAMES = 40


def _timed(action: Callable[[], object], clock: Callable[[], float] = time.perf_counter
           ) -> float:
    start = clock()
    action()
    return (clock() - start) * 1000


def _frames(widget: TimelineWidget, step: Callable[[int], None]
            ) -> tuple[list[float], list[float]]:
    """Milliseconds per frame, GUI-thread CPU and wall: apply ``step``, then paint the view."""
    viewport = widget.view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
    cpu, wall = [], []
    for index in range(FRAMES):
        start_cpu, start_wall = time.thread_time(), time.perf_counter()
        step(index)
        viewport.render(image)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
    return cpu, wall


def _report(name: str, frames: tuple[list[float], list[float]]) -> None:
    cpu, wall = (sorted(times) for times in frames)
    p95 = int(len(cpu) * 0.95) - 1
    print(f"{name:<34} CPU median {statistics.median(cpu):5.1f} ms  p95 {cpu[p95]:5.1f} ms  "
          f"max {cpu[-1]:5.1f} ms  | wall median {statistics.median(wall):6.1f} ms  "
          f"p95 {wall[p95]:6.1f} ms")


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    documents = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    immortal_none()
    app = QApplication.instance() or QApplication(sys.argv)
    start = time.perf_counter()
    analyses = synthetic_analyses(events, documents)
    print(f"{events} synthetic events in {documents} documents "
          f"(generated in {time.perf_counter() - start:.2f} s)")
    for mode in ("source", "entity"):
        build = min(_timed(lambda m=mode: build_layout(analyses, mode=m)) for _ in range(3))
        print(f"layout build, lanes by {mode:<7}      {build:8.0f} ms (best of 3)")

    workspace = Workspace()
    widget = TimelineWidget(workspace)
    widget.resize(1400, 820)
    widget.show()
    app.processEvents()
    view = widget.view
    gui_cpu = time.thread_time()
    shown = _timed(lambda: (workspace.set_result(ExtractionResult(analyses)),
                            app.processEvents(), view.wait_for_layout(), app.processEvents()))
    print(f"open in the widget (layout off the GUI thread + first paint) {shown:6.0f} ms, "
          f"GUI thread CPU {(time.thread_time() - gui_cpu) * 1000:6.0f} ms")
    layout = view.timeline_layout
    print(f"lanes {len(layout.lanes)}, dated items {len(layout.item_event)}, "
          f"undated {len(layout.undated)}, view {view.viewport().width()}x"
          f"{view.viewport().height()} px")

    widget.fit_all()
    _report("pan, all years in view", _frames(widget, lambda i: view.set_scale(
        view.scale.panned(25 if i % 20 < 10 else -25))))
    print(f"  marks on screen at fit-all: {len(view.marks())}")
    middle = view.scale.width / 2
    _report("zoom in/out around cursor, fit-all", _frames(widget, lambda i: view.zoom(
        1.25 if i % 20 < 10 else 0.8, middle)))
    view.zoom(40, middle)  # a few months across the screen
    _report("pan, months in view", _frames(widget, lambda i: view.set_scale(
        view.scale.panned(25 if i % 20 < 10 else -25))))
    print(f"  marks on screen at months zoom: {len(view.marks())}")
    _report("zoom in/out, from months to days", _frames(widget, lambda i: view.zoom(
        1.25 if i % 20 < 10 else 0.8, middle)))
    view.set_lane_mode("entity")
    widget.fit_all()
    _report("pan, lanes by entity, fit-all", _frames(widget, lambda i: view.set_scale(
        view.scale.panned(25 if i % 20 < 10 else -25))))


if __name__ == "__main__":
    main()
