"""Analyse many documents on every core: worker processes, batches through ``nlp.pipe``.

spaCy is 80-95 % of the per-document work and holds the GIL, so threads do not help: documents go
to worker processes (``forkserver`` where the platform has it, else ``spawn``, so a GUI parent's
threads are never forked), each loading its pipelines once and parsing a batch with one
``nlp.pipe`` call. Results come back as each batch finishes, keyed by their input position:
document ids are given in input order before any work starts, so the output is the same whatever
the number of workers. The same per-batch function, :func:`analyse_batch`, runs in-process for
small inputs and on Dask workers in :mod:`timeweave.batch`.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Collection, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeweave.errors import DocumentError
from timeweave.model import Document, DocumentAnalysis, DocumentDate, LoadError
from timeweave.pipeline import Overrides
from timeweave.progress import CancelToken, ProgressCallback, no_progress

if TYPE_CHECKING:
    from timeweave.cache import AnalysisCache

BATCH_SIZE = 8
"""Documents per task: large enough for ``nlp.pipe`` to pay off (~15 % less CPU than one call per
document), small enough that results stream and the last task does not keep one core busy alone."""

MIN_DOCUMENTS_PER_WORKER = 48
"""A worker costs ~2-3 CPU-s to start (spaCy and its models), ~40 short articles' analysis: below
this many documents per worker the start-up costs more than the worker saves, so small inputs run
in this process."""

_POLL_SECONDS = 0.1  # how often a waiting parent looks at the cancel token

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """One document to analyse: where it is in the input, its file, its id, what the analyst set."""

    index: int
    path: str
    doc_id: str
    language: str | None = None
    date: DocumentDate | None = None
    cache_key: str | None = None


@dataclass(frozen=True)
class Outcome:
    """One document done: its analysis, or the error that stopped it (never both)."""

    index: int
    path: str
    analysis: DocumentAnalysis | None = None
    error: LoadError | None = None


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


def make_jobs(
    paths: Sequence[str | Path],
    overrides: Overrides | None = None,
    taken_ids: Collection[str] = (),
) -> list[Job]:
    """The jobs for ``paths`` in input order: ids ``d1``, ``d2``, ... skipping ``taken_ids``."""
    overrides = overrides or Overrides()
    ids = (f"d{n}" for n in itertools.count(1) if f"d{n}" not in taken_ids)
    return [
        Job(index, str(path), next(ids), overrides.language, overrides.date_for(str(path)))
        for index, path in enumerate(paths)
    ]


def analyse_batch(jobs: Sequence[Job], cache: AnalysisCache | None = None) -> list[Outcome]:
    """Load each job's file, parse the batch per language with one ``nlp.pipe``, analyse each.

    A file that cannot be loaded, or a bug hit by one document, becomes that document's error;
    the others go on. With a ``cache``, each analysis is stored under its job's key.
    """
    from timeweave import nlp, pipeline

    outcomes: dict[int, Outcome] = {}
    loaded: list[tuple[Job, Document]] = []
    for job in jobs:
        try:
            loaded.append((job, pipeline.load(job.path, job.doc_id, job.language, job.date)))
        except DocumentError as exc:
            error = LoadError(job.path, exc.reason)
            outcomes[job.index] = Outcome(job.index, job.path, error=error)
        except Exception as exc:  # a loader bug on one file must not lose the batch
            outcomes[job.index] = Outcome(job.index, job.path, error=_unexpected(job.path, exc))
    by_language: dict[str, list[tuple[Job, Document]]] = {}
    for job, document in loaded:
        by_language.setdefault(nlp.language_code(document.language), []).append((job, document))
    for group in by_language.values():
        documents = [document for _, document in group]
        try:
            parses = nlp.parse_many([d.text for d in documents], documents[0].language)
        except Exception:  # one text broke the batch parse: parse each on its own instead
            parses = [None] * len(documents)
        for (job, document), parsed in zip(group, parses, strict=True):
            try:
                analysis = pipeline.analyse(document, parsed)
            except Exception as exc:  # a bug in a stage must not lose the other documents
                outcomes[job.index] = Outcome(job.index, job.path, error=_unexpected(job.path, exc))
                continue
            if cache is not None and job.cache_key is not None:
                cache.put(job.cache_key, analysis)
            outcomes[job.index] = Outcome(job.index, job.path, analysis=analysis)
    return [outcomes[job.index] for job in jobs]


def _unexpected(path: str, exc: BaseException) -> LoadError:
    _log.debug("analysing %s failed", path, exc_info=exc)  # shown by ``timeweave --debug``
    detail = "".join(traceback.format_exception_only(exc)).strip()
    return LoadError(path, f"unexpected error while analysing: {detail}")


def analyse_stream(
    paths: Sequence[str | Path],
    overrides: Overrides | None = None,
    *,
    jobs: int | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    taken_ids: Collection[str] = (),
    cache: AnalysisCache | None = None,
    in_this_process: bool = True,
) -> Iterator[Outcome]:
    """Analyse ``paths``, yielding each document's :class:`Outcome` as soon as it is done.

    Outcomes come in completion order; ``Outcome.index`` is the input position (ids follow it).
    ``jobs`` worker processes (``None``: one per core; fewer when there are few documents; 1 runs
    here, unless ``in_this_process`` is False: a window's GUI thread would wait behind spaCy,
    which holds the GIL for 100-300 ms at a time). Documents found in ``cache`` come first,
    without starting any worker. Progress is one O(1) call per document. Raises ``Cancelled``
    within about a second of ``cancel``: pending
    batches are dropped and the workers terminated.
    """
    cancel = cancel or CancelToken()
    todo = make_jobs(paths, overrides, taken_ids)
    total = max(len(todo), 1)
    done = 0

    def finished(outcome: Outcome) -> Outcome:
        nonlocal done
        done += 1
        progress(done / total, f"Analysed {Path(outcome.path).name} ({done} of {len(todo)})")
        return outcome

    if cache is not None:
        misses = []
        for job in todo:
            cancel.check()
            key, hit = cache.lookup(job)
            if hit is None:
                misses.append(Job(job.index, job.path, job.doc_id, job.language, job.date, key))
            else:
                yield finished(Outcome(job.index, job.path, analysis=hit))
        todo = misses
    batches = [todo[i : i + BATCH_SIZE] for i in range(0, len(todo), BATCH_SIZE)]
    workers = min(jobs or default_jobs(), max(len(todo) // MIN_DOCUMENTS_PER_WORKER, 1))
    try:
        if workers <= 1 and in_this_process:
            for batch in batches:
                cancel.check()
                for outcome in analyse_batch(batch, cache):
                    yield finished(outcome)
                    cancel.check()
        else:
            with contextlib.closing(_in_processes(batches, workers, cancel, cache)) as stream:
                for outcome in stream:  # closing: workers stop at once if the consumer stops
                    yield finished(outcome)
    finally:
        if cache is not None and todo:
            cache.prune()


def in_order(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """Outcomes re-ordered by input position, each released as soon as all before it are.

    Holds only the outcomes that finished early: with bounded batches in flight, a few dozen.
    """
    held: dict[int, Outcome] = {}
    expected = 0
    for outcome in outcomes:
        held[outcome.index] = outcome
        while expected in held:
            yield held.pop(expected)
            expected += 1


def _in_processes(
    batches: list[list[Job]], workers: int, cancel: CancelToken, cache: AnalysisCache | None
) -> Iterator[Outcome]:
    """Run batches on ``workers`` processes, at most two batches each in flight (bounded memory)."""
    # forkserver: workers never inherit a GUI's threads; spawn elsewhere and in the frozen app,
    # whose executable restarts itself as a worker through multiprocessing.freeze_support().
    methods = multiprocessing.get_all_start_methods()
    frozen = getattr(sys, "frozen", False)
    method = "forkserver" if "forkserver" in methods and not frozen else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # The server imports spaCy once and every worker is forked from it (~1 CPU-s less per
        # worker); not the caller's __main__, which a window or a script should not run twice.
        context.set_forkserver_preload(["timeweave.parallel", "timeweave.nlp"])
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_watch_parent, initargs=(os.getpid(),)
    )
    pending = iter(batches)
    running: set[Future[list[Outcome]]] = set()
    finished_cleanly = False
    try:
        for batch in itertools.islice(pending, 2 * workers):
            running.add(executor.submit(analyse_batch, batch, cache))
        while running:
            cancel.check()
            done, running = wait(running, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in done:
                for batch in itertools.islice(pending, 1):
                    running.add(executor.submit(analyse_batch, batch, cache))
                for outcome in future.result():
                    yield outcome
                    cancel.check()
        finished_cleanly = True
    finally:
        if finished_cleanly:
            executor.shutdown(wait=True)
        else:
            _terminate(executor)


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the process that started it is gone (killed, not cancelled), so no
    worker outlives its window or command line. A daemon thread polls once a second."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # the pid was reused by another user's process
                os._exit(1)

    threading.Thread(target=watch, name="timeweave-parent-watch", daemon=True).start()


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop now: drop queued batches and kill the workers mid-parse (cancel, or the consumer left).

    ``ProcessPoolExecutor`` has no public way to stop a running task before Python 3.14's
    ``terminate_workers``; its ``_processes`` map is the documented-in-source way to reach them.
    """
    processes = list((executor._processes or {}).values())  # noqa: SLF001
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=1.0)
