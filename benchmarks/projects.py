"""Project files at and past the limits: CPU time and peak memory to open or to refuse each.

    .venv/bin/python -m benchmarks.projects

Each case runs ``project.load`` in a fresh process, so its peak RSS is its own. The real
pipeline's output on the seeds is repeated into the largest accepted projects: text-heavy
(full-size documents) and structure-heavy (many small documents, the most objects per byte);
then two refused files: a text field over the field limit in a file just under the size limit
(refused after reading) and a 1 GB file (refused before reading). Files go to a temporary
folder and are deleted.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from timeweave.jsonfields import MAX_STRING_CHARS
from timeweave.project import MAX_PROJECT_BYTES, Project, ProjectError, load, save
from timeweave.resources import seed_paths

_MB = 2**20


def open_once(path: Path) -> None:
    """The measured process: load one project, print the outcome, CPU time and peak RSS."""
    started = time.process_time()
    try:
        project = load(path)
        outcome = f"opened, {len(project.result.documents)} documents"
    except ProjectError as exc:
        outcome = f"refused: {str(exc)[:70]}"
    cpu = time.process_time() - started
    print(json.dumps({"outcome": outcome, "cpu": cpu, "peak_mb": _peak_mb()}))


def _peak_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` starts afresh at exec, unlike
    ``ru_maxrss``, which a child inherits from the parent that spawned it."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmHWM:")) / 1024


def repeated(seeds: dict[str, Any], target_bytes: int, full_size: bool) -> dict[str, Any]:
    """The seeds' documents again and again (fresh ids) until their JSON nears ``target_bytes``
    (the saved file is larger: it is indented deeper)."""
    documents: list[dict[str, Any]] = []
    size = 0
    while True:
        for source in seeds["documents"]:
            document = copy.deepcopy(source)
            document["id"] = f"d{len(documents) + 1}"
            if full_size:
                repeats = MAX_STRING_CHARS // (len(document["text"]) + 2)
                document["text"] = ((document["text"] + "\n\n") * repeats)[:MAX_STRING_CHARS]
            step = len(json.dumps(document, ensure_ascii=False, indent=1).encode())
            if size + step > target_bytes:
                return {"documents": documents, "links": [], "errors": []}
            documents.append(document)
            size += step


def one_long_text(seeds: dict[str, Any], path: Path, characters: int) -> None:
    """A valid project except that its first text has ``characters`` characters."""
    data = {"documents": copy.deepcopy(seeds["documents"][:1]), "links": [], "errors": []}
    data["documents"][0]["text"] = "@TEXT@"
    head, tail = json.dumps(data).split('"@TEXT@"')
    chunk = "x" * _MB
    with path.open("w", encoding="utf-8") as out:
        out.write(head + '"')
        for _ in range(characters // _MB):
            out.write(chunk)
        out.write('"' + tail)


def measure(label: str, path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks.projects", "--open", str(path)],
                          capture_output=True, text=True, check=True, timeout=900)
    result = json.loads(done.stdout.splitlines()[-1])
    size = path.stat().st_size / _MB
    print(f"{label:<34} {size:7.0f} MB file  {result['cpu']:6.1f} s CPU  "
          f"{result['peak_mb']:6.0f} MB peak ({result['peak_mb'] / size:4.1f}× the file)  "
          f"{result['outcome']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open:
        open_once(args.open)
        return 0
    from timeweave.pipeline import run  # spaCy: only the building process needs it

    seeds = json.loads(json.dumps(run(seed_paths()).to_json()))
    near_limit = MAX_PROJECT_BYTES - 5 * _MB
    with tempfile.TemporaryDirectory() as folder:
        cases = Path(folder)
        for label, full_size in (("largest accepted, text-heavy", True),
                                 ("largest accepted, structure-heavy", False)):
            path = cases / f"{label.split()[-1]}.timeweave"
            data = repeated(seeds, near_limit, full_size)
            save(Project.from_json(data), path)
            while path.stat().st_size > near_limit:  # trim to what the indentation leaves room for
                keep = int(len(data["documents"]) * near_limit / path.stat().st_size) - 1
                data["documents"] = data["documents"][:keep]
                save(Project.from_json(data), path)
            measure(label, path)
        too_long = cases / "too-long-text.timeweave"
        one_long_text(seeds, too_long, near_limit)
        measure("one text too long (refused)", too_long)
        huge = cases / "huge.timeweave"
        one_long_text(seeds, huge, 1024 * _MB)
        measure("1 GB file (refused)", huge)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
