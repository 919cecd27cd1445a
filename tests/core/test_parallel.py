"""Worker processes: the same output whatever the number of workers, streamed, cancellable."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from benchmarks._generate import write_corpus
from timeweave import parallel
from timeweave.pipeline import analyse_files
from timeweave.progress import Cancelled, CancelToken


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(folder, 2 * parallel.MIN_DOCUMENTS_PER_WORKER)
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
