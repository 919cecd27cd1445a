"""Worker processes: the same output whatever the number of workers, streamed, cancellable."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks._generate import write_corpus
from timeweave import parallel
from timeweave.pipeline import analyse_files
from timeweave.progress import Cancelled, CancelToken

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers start for a few documents, so the tests run the real pool on a small corpus."""
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS_PER_WORKER", 8)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(folder, 20)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [*paths[:5], folder / "empty.txt", *paths[5:]]


def _as_json(paths: list[Path], jobs: int) -> tuple[list[dict[str, object]], list[str]]:
    analyses, errors = analyse_files(paths, jobs=jobs)
    return [a.to_json() for a in analyses], [e.path for e in errors]


@pytest.mark.slow
def test_two_workers_give_the_one_worker_output(corpus: list[Path]) -> None:
    one = _as_json(corpus, jobs=1)
    two = _as_json(corpus, jobs=2)
    assert json.dumps(one) == json.dumps(two)
    ids = [d["id"] for d in one[0]]
    assert ids[:6] == ["d1", "d2", "d3", "d4", "d5", "d7"], "ids follow input order, d6 failed"
    assert one[1] == [str(corpus[5])]


def test_batch_parse_equals_one_parse_per_text(seed_paths: list[Path]) -> None:
    from timeweave import nlp, pipeline

    jobs = parallel.make_jobs(seed_paths)
    batched = [o.analysis.to_json() for o in parallel.analyse_batch(jobs) if o.analysis]
    nlp.clear_cache()
    single = [pipeline.analyse(pipeline.load(job.path, job.doc_id)).to_json() for job in jobs]
    assert batched == single


def test_progress_is_one_call_per_document(seed_paths: list[Path]) -> None:
    reports: list[tuple[float, str]] = []
    outcomes = list(
        parallel.analyse_stream(seed_paths, progress=lambda f, m: reports.append((f, m)))
    )
    assert len(reports) == len(outcomes) == 2
    assert [f for f, _ in reports] == [0.5, 1.0]


@pytest.mark.slow
def test_cancel_stops_workers_within_a_second(corpus: list[Path]) -> None:
    token = CancelToken()
    stream = parallel.analyse_stream(corpus * 4, jobs=2, cancel=token)
    first = next(stream)
    assert first.analysis is not None or first.error is not None
    token.cancel()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        list(stream)
    assert time.monotonic() - started < 1.0


_KILLED_PARENT = """
import sys
from timeweave import parallel
parallel.MIN_DOCUMENTS_PER_WORKER = 8
for outcome in parallel.analyse_stream(sys.argv[1:], jobs=2):
    print(outcome.index, flush=True)
"""


@pytest.mark.slow
def test_workers_exit_when_their_parent_is_killed(corpus: list[Path]) -> None:
    import psutil

    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_PARENT, *map(str, corpus * 3)],
        stdout=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None
    process.stdout.readline()  # a first document is done: the workers are running
    workers = psutil.Process(process.pid).children(recursive=True)
    assert len(workers) >= 2
    process.kill()
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=5)
    assert alive == []
