"""Time from launch to window shown, and to the timeline drawn with the documents analysed.

Each figure is a real launch: ``timeweave-gui --report-startup FILES`` in a fresh process (so
imports count, as they do for the analyst), timed from just before the process is spawned to
the moments the app reports (see ``gui/app.py``). Settings and recovery files go to a temporary
folder, so no recovery offer interrupts the run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.startup [--runs N]

Lines: the seeds, then 50 generated documents (Estonian and English, ``tests/gui/generated.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.gui.generated import write_documents
from timeweave.resources import seed_paths

GUI = Path(sys.executable).with_name("timeweave-gui")


def launch(files: list[Path], home: Path) -> dict[str, float]:
    """One launch; seconds from spawn to shown and to drawn, plus what was opened."""
    env = os.environ | {"XDG_CONFIG_HOME": str(home / "config"),
                        "XDG_DATA_HOME": str(home / "data")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    done = subprocess.run([str(GUI), "--report-startup", *map(str, files)], env=env,
                          capture_output=True, text=True, check=True, timeout=600)
    report = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))
    if report["errors"]:
        raise SystemExit(f"the app reported problems: {report['errors']}")
    return {"shown": report["shown"] - started, "drawn": report["drawn"] - started,
            "documents": report["documents"], "events": report["events"]}


def measure(label: str, files: list[Path], runs: int, home: Path) -> None:
    results = [launch(files, home) for _ in range(runs)]
    shown = statistics.median(r["shown"] for r in results)
    drawn = statistics.median(r["drawn"] for r in results)
    first = results[0]
    print(f"{label:<26} window shown {shown:5.2f} s   timeline drawn {drawn:6.2f} s   "
          f"({first['documents']} documents, {first['events']} events; median of {runs})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        measure("seeds (2 documents)", list(seed_paths()), args.runs, home)
        generated = write_documents(home / "generated", 50)
        measure("50 generated documents", generated, args.runs, home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
