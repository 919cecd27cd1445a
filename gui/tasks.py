"""The work the window hands to the background runner, as plain functions.

The pipeline (spaCy, dateparser, pandas) is imported inside each function, on the worker thread,
so the window appears before any language model is loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from timeweave.model import DocumentAnalysis, DocumentDate, ExtractionResult, Link, LoadError
from timeweave.progress import CancelToken, ProgressCallback, sub_progress

if TYPE_CHECKING:
    from timeweave.entities.overrides import EntityOverrides
    from timeweave.parallel import Outcome

Redone = tuple[DocumentAnalysis, list[Link]]
"""One document analysed again, and the links of the whole set redone with it."""


def extract(paths: Sequence[str], open_analyses: Sequence[DocumentAnalysis],
            overrides: EntityOverrides | None, *, deliver: Callable[[Outcome], None],
            progress: ProgressCallback, cancel: CancelToken) -> ExtractionResult:
    """Analyse new files next to the open ones: new ids follow the open ones, links are redone
    with the analyst's entity decisions.

    Each file's outcome goes to ``deliver`` as soon as it and all files before it are done (the
    window draws its lane at once, in input order, so lane colours never change); the links need
    every document, so they come with the result."""
    from timeweave import compare
    from timeweave.cache import AnalysisCache
    from timeweave.parallel import analyse_stream, in_order

    analyses: list[DocumentAnalysis] = []
    errors: list[LoadError] = []
    # Worker processes (one per core for many files, one for a few: never spaCy in the window's
    # process, whose GIL it would hold), and files analysed before come from the cache.
    outcomes = analyse_stream(
        list(paths), progress=sub_progress(progress, 0.0, 0.9), cancel=cancel,
        taken_ids={a.document.id for a in open_analyses}, jobs=None, cache=AnalysisCache(),
        in_this_process=False,
    )
    for outcome in in_order(outcomes):
        if outcome.analysis is not None:
            analyses.append(outcome.analysis)
        if outcome.error is not None:
            errors.append(outcome.error)
        deliver(outcome)
    cancel.check()
    progress(0.95, "Comparing sources")
    documents = [*open_analyses, *analyses]
    return ExtractionResult(documents, compare.link(documents, overrides), errors)


def reanchor(analyses: Sequence[DocumentAnalysis], document_id: str, date: DocumentDate,
             overrides: EntityOverrides | None, *, progress: ProgressCallback,
             cancel: CancelToken) -> Redone:
    """Re-normalise one document against a new publication date, and relink."""
    from timeweave import pipeline

    target = next(a for a in analyses if a.document.id == document_id)
    progress(0.1, f"Re-dating {Path(target.document.path).name}")
    changed = pipeline.reanchor(_copy(target), date)
    cancel.check()
    return changed, _relink(analyses, changed, overrides)


def reanalyse(analyses: Sequence[DocumentAnalysis], document_id: str, language: str,
              overrides: EntityOverrides | None, *, progress: ProgressCallback,
              cancel: CancelToken) -> Redone:
    """Analyse one document again in the language the analyst chose, and relink."""
    from timeweave import pipeline

    target = next(a for a in analyses if a.document.id == document_id)
    progress(0.1, f"Analysing {Path(target.document.path).name} as {language}")
    document = dataclasses.replace(target.document, language=language, language_source="user")
    changed = pipeline.analyse(document)
    cancel.check()
    return changed, _relink(analyses, changed, overrides)


def _copy(analysis: DocumentAnalysis) -> DocumentAnalysis:
    """A copy with its own Document, so a cancelled re-dating leaves the open one untouched."""
    return dataclasses.replace(analysis, document=dataclasses.replace(analysis.document))


def relink(analyses: Sequence[DocumentAnalysis], overrides: EntityOverrides, *,
           progress: ProgressCallback, cancel: CancelToken) -> list[Link]:
    """The links of the open documents after the analyst merged or split entities."""
    from timeweave import compare

    progress(0.1, "Relinking sources")
    return compare.link(list(analyses), overrides)


def _relink(analyses: Sequence[DocumentAnalysis], changed: DocumentAnalysis,
            overrides: EntityOverrides | None) -> list[Link]:
    from timeweave import compare

    documents = [changed if a.document.id == changed.document.id else a for a in analyses]
    return compare.link(documents, overrides)
