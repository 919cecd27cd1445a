"""Scaling figures: workers, memory per document, cold start, the cache, the Dask batch.

Corpora are variants of the 611 English and Estonian news articles of ``../shared/eval``
(:mod:`benchmarks._generate`). Every measurement runs in a fresh process (what a user starts),
with CPU time (user + sys of that process and every worker it waited for) next to wall time: on
a shared machine the wall figures are mostly the other jobs, so the load average is printed.

    .venv/bin/python -m benchmarks.scale                    # all but the 10,000-document batch
    .venv/bin/python -m benchmarks.scale --batch 10000      # adds the Dask batch
    .venv/bin/python -m benchmarks.scale --only workers     # one section: workers, memory,
                                                            # cold, cache, batch
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from benchmarks._generate import SEEDS, gold_templates, write_corpus

REPO = Path(__file__).resolve().parents[1]

# Runs in the child: analyse the listed files (no linking, no cache) with N workers.
_ANALYSE = """
import sys
from timeweave.pipeline import analyse_files
paths = open(sys.argv[1]).read().split("\\n")
analyses, errors = analyse_files(paths, jobs=int(sys.argv[2]))
assert not errors, errors
"""

# Runs in the child: stream the files to Parquet in one process (no linking): the baseline for
# the Dask batch, and the peak memory of a streaming run.
_STREAM = """
import resource, sys
from pathlib import Path
from timeweave.dataset import DatasetWriter
from timeweave.parallel import analyse_stream, in_order
paths = open(sys.argv[1]).read().split("\\n")
marks = {int(n) for n in sys.argv[3].split(",")}
with DatasetWriter(Path(sys.argv[2])) as writer:
    for outcome in in_order(analyse_stream(paths, jobs=1)):
        writer.add(outcome.analysis)
        if outcome.index + 1 in marks:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{outcome.index + 1} {rss:.0f}", flush=True)
"""

# Runs in the child: the Dask batch, with the client's peak memory at some document counts.
_BATCH = """
import resource, sys
from pathlib import Path
from timeweave.batch import run_batch
paths = open(sys.argv[1]).read().split("\\n")
marks = sorted(int(n) for n in sys.argv[4].split(","))
def progress(fraction, message):
    while marks and fraction * len(paths) / 0.95 >= marks[0]:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{marks.pop(0)} {rss:.0f}", flush=True)
summary = run_batch(paths, Path(sys.argv[2]), workers=int(sys.argv[3]), progress=progress)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"end {rss:.0f} {summary.documents} {summary.links} {summary.stories}", flush=True)
"""


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} {five:.1f} {fifteen:.1f}"


def measure(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(wall s, CPU s of the process and all its descendants, stdout) of one run.

    Worker processes started through a fork server are not waited for by the process that uses
    them, so rusage misses them: the whole process tree is sampled every 0.2 s instead (the
    last fraction of a second of each process is missed).
    """
    seen: dict[int, float] = {}
    started = time.perf_counter()
    with subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env or os.environ.copy(),
    ) as child:
        root = psutil.Process(child.pid)
        reader = threading.Thread(target=lambda: outputs.extend(child.communicate()))
        outputs: list[str] = []
        reader.start()
        while reader.is_alive():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                tree = []
            for process in tree:
                with contextlib.suppress(psutil.Error):
                    times = process.cpu_times()
                    seen[process.pid] = times.user + times.system
            reader.join(0.2)
    wall = time.perf_counter() - started
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{argv[:4]} failed: {outputs[1][-2000:]}")
    return wall, sum(seen.values()), outputs[0]


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def listing(folder: Path, paths: list[Path]) -> str:
    target = folder / f"list-{len(paths)}.txt"
    target.write_text("\n".join(map(str, paths)), encoding="utf-8")
    return str(target)


def workers_section(folder: Path, count: int) -> None:
    paths = write_corpus(folder / "corpus", count, gold_templates())
    files = listing(folder, paths)
    cores = len(os.sched_getaffinity(0))
    print(
        f"\n## Analysis throughput: {count} documents, 1, 2 and {max(cores, 2) * 2} workers "
        f"({cores} cores; {load()})"
    )
    print("| workers | wall s | CPU s | documents / wall s | documents / CPU s | speed-up (wall) |")
    print("|---:|---:|---:|---:|---:|---:|")
    first = None
    for jobs in (1, 2, max(cores, 2) * 2):
        wall, cpu, _ = measure(python(_ANALYSE, files, str(jobs)))
        first = first or wall
        print(
            f"| {jobs} | {wall:.1f} | {cpu:.1f} | {count / wall:.2f} | {count / cpu:.2f} "
            f"| {first / wall:.2f}x |"
        )
    print(f"({load()} after)")


def memory_section(folder: Path, count: int) -> None:
    paths = write_corpus(folder / "corpus", count, gold_templates())
    files = listing(folder, paths)
    marks = sorted({max(count // 10, 1), count // 2, count})
    print(f"\n## Memory of a streaming run (one process, Parquet, no linking; {load()})")
    _, cpu, out = measure(python(_STREAM, files, str(folder / "stream"), ",".join(map(str, marks))))
    rows = [tuple(map(float, line.split())) for line in out.splitlines()]
    print("| documents done | peak RSS MB |")
    print("|---:|---:|")
    for done, rss in rows:
        print(f"| {done:.0f} | {rss:.0f} |")
    (n1, r1), (n2, r2) = rows[0], rows[-1]
    print(
        f"memory per document after the first {n1:.0f}: {(r2 - r1) * 1024 / (n2 - n1):.1f} KB "
        f"({cpu:.1f} CPU-s in all)"
    )


def cold_section(folder: Path) -> None:
    print(f"\n## Cold start: `timeweave extract --out FILE seeds/*` ({load()})")
    print("| cache | run | wall s | CPU s |")
    print("|---|---:|---:|---:|")
    env = os.environ | {"XDG_CACHE_HOME": str(folder / "cold-cache")}
    argv = [
        sys.executable,
        "-m",
        "timeweave",
        "extract",
        "--out",
        str(folder / "cold.json"),
        *map(str, SEEDS),
    ]
    for run in range(3):
        wall, cpu, _ = measure([*argv, "--no-cache"], env)
        print(f"| none (analysed) | {run + 1} | {wall:.2f} | {cpu:.2f} |")
    measure(argv, env)  # fills the cache
    for run in range(3):
        wall, cpu, _ = measure(argv, env)
        print(f"| warm (seen before) | {run + 1} | {wall:.2f} | {cpu:.2f} |")


def cache_section(folder: Path, count: int) -> None:
    paths = write_corpus(folder / "corpus", count, gold_templates())
    files = listing(folder, paths)
    env = os.environ | {"XDG_CACHE_HOME": str(folder / "cache-test")}
    argv = [
        sys.executable,
        "-m",
        "timeweave",
        "extract",
        "--files-from",
        files,
        "--format",
        "jsonl",
        "--out",
        str(folder / "cache.jsonl"),
    ]
    print(f"\n## The cache: the same {count} documents opened twice (extract, jsonl; {load()})")
    first = measure(argv, env)
    second = measure(argv, env)
    print("| opening | wall s | CPU s |")
    print("|---|---:|---:|")
    print(f"| first (analysed, cached) | {first[0]:.1f} | {first[1]:.1f} |")
    print(f"| second (from the cache) | {second[0]:.1f} | {second[1]:.1f} |")
    print(
        f"second / first: {second[0] / first[0]:.1%} of the wall time, "
        f"{second[1] / first[1]:.1%} of the CPU time (both include linking)"
    )
    size = sum(p.stat().st_size for p in (folder / "cache-test").rglob("*.z"))
    print(f"cache size: {size / 1e6:.1f} MB, {size / count / 1e3:.1f} KB a document")


def batch_section(folder: Path, count: int, workers: int) -> None:
    paths = write_corpus(folder / "corpus", count, gold_templates())
    files = listing(folder, paths)
    marks = ",".join(str(n) for n in sorted({count // 10, count // 4, count // 2, count}))
    print(
        f"\n## {count} documents: one process streaming to Parquet vs the Dask batch "
        f"({workers} workers) ({load()})"
    )
    single = measure(python(_STREAM, files, str(folder / "single"), marks))
    batch = measure(python(_BATCH, files, str(folder / "batch"), str(workers), marks))
    print("| run | wall s | CPU s | documents / wall s |")
    print("|---|---:|---:|---:|")
    print(
        f"| one process, analysis only | {single[0]:.0f} | {single[1]:.0f} "
        f"| {count / single[0]:.1f} |"
    )
    print(
        f"| Dask batch, analysis + blocked linking | {batch[0]:.0f} | {batch[1]:.0f} "
        f"| {count / batch[0]:.1f} |"
    )
    print(f"wall ratio (one process / Dask): {single[0] / batch[0]:.2f}x ({load()} after)")
    print("| documents done | one process peak RSS MB | Dask client peak RSS MB |")
    print("|---:|---:|---:|")
    single_rows = dict(line.split() for line in single[2].splitlines())
    batch_lines = batch[2].splitlines()
    batch_rows = dict(line.split()[:2] for line in batch_lines if not line.startswith("end"))
    for mark in marks.split(","):
        print(f"| {mark} | {single_rows.get(mark, '-')} | {batch_rows.get(mark, '-')} |")
    end = batch_lines[-1].split()
    print(
        f"Dask client at the end (after linking): {end[1]} MB; {end[2]} documents, "
        f"{end[3]} links from {end[4]} linking tasks"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=600, help="corpus for workers/cache")
    parser.add_argument("--memory", type=int, default=1000, help="corpus for the memory run")
    parser.add_argument("--batch", type=int, default=0, help="documents for the Dask batch")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers")
    parser.add_argument("--only", choices=("workers", "memory", "cold", "cache", "batch"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="timeweave-scale-") as scratch:
        folder = Path(scratch)
        sections = {
            "workers": lambda: workers_section(folder / "w", args.documents),
            "memory": lambda: memory_section(folder / "m", args.memory),
            "cold": lambda: cold_section(folder / "c"),
            "cache": lambda: cache_section(folder / "k", args.documents),
            "batch": lambda: batch_section(folder / "b", args.batch, args.workers),
        }
        for name, section in sections.items():
            if args.only in (None, name) and (name != "batch" or args.batch):
                section()


if __name__ == "__main__":
    main()
