"""Time ``timeweave extract`` on the seeds: cold (a new process) and warm (models loaded).

Cold is what an analyst waits for on the first run: interpreter start, imports, model loads.
Warm is every later extraction in the same session (the GUI's case).

    .venv/bin/python benchmarks/extract.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timeweave import nlp
from timeweave.pipeline import run
from timeweave.resources import seed_paths


def cold(paths: list[Path], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "timeweave", "extract", *map(str, paths)],
            check=True, capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return times


def warm(paths: list[Path], runs: int) -> list[float]:
    run(paths)  # load every model once
    times = []
    for _ in range(runs):
        nlp.clear_cache()  # time the parse, not a cache hit
        start = time.perf_counter()
        run(paths)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = seed_paths()
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"seeds: {len(paths)} documents, {words} words")
    for name, times in (("cold (new process)", cold(paths, args.runs)),
                        ("warm (in process)", warm(paths, args.runs))):
        print(f"{name:20s} median {statistics.median(times):7.3f} s   "
              f"min {min(times):7.3f} s   max {max(times):7.3f} s   runs {len(times)}")


if __name__ == "__main__":
    main()
