"""A corpus past one machine: the per-document analysis on Dask, results streamed to Parquet.

:func:`run_batch` sends batches of documents to a ``dask.distributed`` cluster (a local one by
default, or an existing scheduler) running the same :func:`timeweave.parallel.analyse_batch`
as the desktop and ``timeweave extract``, with document ids given in input order before
anything runs, so the result is the one ``extract`` gives. Only a bounded number of batches is
in flight, and each finished batch goes straight into the Parquet writer
(:class:`timeweave.dataset.DatasetWriter`), so memory does not grow with the texts.

The analyses (no parses) are kept until the documents are done; then
:func:`timeweave.compare.link_stories` links them with the desktop's blocking, its pair scoring
run as Dask tasks (one per chunk of blocks) and the joining into stories in the client, so every
link is the one ``extract`` gives.

Needs the ``cluster`` extra: ``pip install 'timeweave[cluster]'``.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from distributed import Client, LocalCluster, as_completed

from timeweave import compare
from timeweave.compare.stories import BlockMap, Mention, Pairs
from timeweave.dataset import DatasetWriter
from timeweave.model import DocumentAnalysis
from timeweave.parallel import BATCH_SIZE, Job, analyse_batch, default_jobs, make_jobs
from timeweave.pipeline import Overrides
from timeweave.progress import CancelToken, ProgressCallback, no_progress


@dataclass(frozen=True)
class BatchSummary:
    documents: int
    errors: int
    links: int
    stories: int


def run_batch(
    paths: Sequence[str | Path],
    out: Path,
    overrides: Overrides | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> BatchSummary:
    """Analyse ``paths`` on a Dask cluster and write the Parquet datasets under ``out``.

    ``scheduler``: the address of a running scheduler; otherwise a local cluster of
    ``workers`` processes (default one per core), one thread each (spaCy holds the GIL).
    Raises ``Cancelled`` if cancelled; the parts written so far stay.
    """
    cancel = cancel or CancelToken()
    jobs = make_jobs(paths, overrides)
    batches = [jobs[i : i + BATCH_SIZE] for i in range(0, len(jobs), BATCH_SIZE)]
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers or default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,  # a worker slow to exit at the end is killed; not news
        )
        client = Client(cluster)
    try:
        with DatasetWriter(out) as writer:
            kept, errors = _analyse(client, batches, writer, len(jobs), progress, cancel)
            progress(0.95, "Linking sources")
            cancel.check()
            links, stories = compare.link_stories(kept, map_blocks=_on_cluster(client))
            writer.add_links(links)
        progress(1.0, "Done")
        return BatchSummary(len(kept), errors, len(links), len(stories))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _analyse(
    client: Client,
    batches: list[list[Job]],
    writer: DatasetWriter,
    total: int,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> tuple[list[DocumentAnalysis], int]:
    """Run the batches, at most two per worker thread in flight; write each as it finishes."""
    threads = max(sum(client.nthreads().values()), 1)
    pending = iter(batches)
    first = itertools.islice(pending, 2 * threads)
    running = as_completed([client.submit(analyse_batch, b, pure=False) for b in first])
    kept: list[DocumentAnalysis] = []
    errors = 0
    for done, future in enumerate(running, start=1):
        if cancel.cancelled:
            for other in running.futures:
                other.cancel()
            cancel.check()
        for batch in itertools.islice(pending, 1):
            running.add(client.submit(analyse_batch, batch, pure=False))
        for outcome in future.result():  # in input order within the batch
            if outcome.analysis is not None:
                writer.add(outcome.analysis)
                kept.append(outcome.analysis)
            elif outcome.error is not None:
                writer.add_error(outcome.error)
                errors += 1
        future.release()
        share = min(done * BATCH_SIZE, total) / max(total, 1)
        progress(0.95 * share, f"Analysed {done} of {len(batches)} batches")
    return sorted(kept, key=lambda a: _number(a.document.id)), errors


def _number(doc_id: str) -> int:
    return int(doc_id.lstrip("d"))


def _on_cluster(client: Client) -> BlockMap:
    """Score the chunks of linking blocks as Dask tasks (the joining stays in the client)."""

    def map_blocks(
        score_blocks: Callable[[list[list[Mention]]], Pairs], groups: list[list[list[Mention]]]
    ) -> Iterable[Pairs]:
        return client.gather(client.map(score_blocks, groups, pure=False))

    return map_blocks
