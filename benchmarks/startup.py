"""Time from launch to window shown, and to the timeline drawn with the seeds analysed.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py`` (or under xvfb-run).
Measured in a fresh process so imports count, as they do for the analyst.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import sys  # noqa: E402 - the clock starts before any import

from gui.app import make_app  # noqa: E402


def main() -> int:
    app = make_app(sys.argv[:1])
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    app.processEvents()
    shown = time.perf_counter() - START
    window.open_samples()
    while window.runner.busy:
        app.processEvents()
        time.sleep(0.01)
    timeline = window.timeline
    if timeline is not None:
        timeline.repaint()
    app.processEvents()
    drawn = time.perf_counter() - START
    events = sum(len(a.events) for a in window.workspace.analyses)
    print(f"window shown:   {shown:.2f} s")
    print(f"timeline drawn: {drawn:.2f} s ({len(window.workspace.analyses)} documents, "
          f"{events} events, errors: {window.messages or 'none'})")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
