"""The whole extraction, file to linked events, as plain functions with progress and cancel.

Stages: load -> tag time expressions -> parse (spaCy) -> entities -> events -> cross-source links.
Each document is processed independently (one bad file never stops the others), in worker
processes when there are many (:mod:`timeweave.parallel`); links come last because they need
every document. The stages are imported when first used, so a run answered from the analysis
cache never loads spaCy.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    ExtractionResult,
    LoadError,
)
from timeweave.progress import (
    CancelToken,
    ProgressCallback,
    no_progress,
    sub_progress,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from timeweave.cache import AnalysisCache


@dataclass(frozen=True)
class Overrides:
    """What the analyst said about the files, overriding what the files say about themselves."""

    language: str | None = None
    date: DocumentDate | None = None
    dates: Mapping[str, DocumentDate] = field(default_factory=dict)  # by path as given

    def date_for(self, path: str) -> DocumentDate | None:
        return self.dates.get(path, self.date)


def load(
    path: str | Path, doc_id: str, language: str | None = None, date: DocumentDate | None = None
) -> Document:
    """Load one file as document ``doc_id``; ``language``/``date`` are the analyst's overrides.

    Raises :class:`~timeweave.errors.DocumentError` with the reason in plain words.
    """
    from timeweave.loaders import load_document

    document = load_document(path, doc_id, language=language, date=date)
    if language:
        document.language_source = "cli"
    return document


def analyse(document: Document, parsed: Doc | None = None) -> DocumentAnalysis:
    """Extract time expressions, entities and events from one loaded document.

    ``parsed`` is the spaCy parse of its text when the caller parsed a batch at once.
    """
    from timeweave import entities, events, nlp, temporal

    timexes = temporal.tag(document.text, document.language, document.date)
    if parsed is None:
        parsed = nlp.parse(document.text, document.language)
    found_entities = entities.find(parsed, document)
    found_events = events.find(parsed, document, timexes, found_entities)
    return DocumentAnalysis(document, timexes, found_entities, found_events)


def reanchor(analysis: DocumentAnalysis, date: DocumentDate) -> DocumentAnalysis:
    """Re-normalise a document against a new publication date (the analyst edited it).

    Time expressions keep their spans but get new values; events get their times again.
    """
    from timeweave import events, nlp, temporal

    document = analysis.document
    document.date = date
    timexes = temporal.tag(document.text, document.language, date)
    parsed = nlp.parse(document.text, document.language)
    found_events = events.find(parsed, document, timexes, analysis.entities)
    return DocumentAnalysis(document, timexes, analysis.entities, found_events)


def analyse_files(
    paths: Sequence[str | Path],
    overrides: Overrides | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    *,
    taken_ids: Collection[str] = (),
    jobs: int | None = 1,
    cache: AnalysisCache | None = None,
) -> tuple[list[DocumentAnalysis], list[LoadError]]:
    """Load and analyse each file on its own; a file that fails becomes a :class:`LoadError`.

    Documents get ids ``d1``, ``d2``, ... in input order, skipping ``taken_ids`` (the documents
    already open), whatever the number of worker processes ``jobs`` (``None``: one per core).
    Raises ``Cancelled`` if cancelled.
    """
    from timeweave.parallel import analyse_stream

    outcomes = sorted(
        analyse_stream(
            paths,
            overrides,
            jobs=jobs,
            progress=progress,
            cancel=cancel,
            taken_ids=taken_ids,
            cache=cache,
        ),
        key=lambda outcome: outcome.index,
    )
    analyses = [o.analysis for o in outcomes if o.analysis is not None]
    errors = [o.error for o in outcomes if o.error is not None]
    return analyses, errors


def run(
    paths: Sequence[str | Path],
    overrides: Overrides | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    *,
    jobs: int | None = 1,
    cache: AnalysisCache | None = None,
) -> ExtractionResult:
    """Load and analyse every file, then link them. Raises ``Cancelled`` if cancelled."""
    from timeweave import compare

    cancel = cancel or CancelToken()
    analyses, errors = analyse_files(
        paths, overrides, sub_progress(progress, 0.0, 0.95), cancel, jobs=jobs, cache=cache
    )
    cancel.check()
    progress(0.95, "Comparing sources")
    links, stories = compare.link_stories(analyses)
    result = ExtractionResult(analyses, links, errors, stories)
    progress(1.0, "Done")
    return result
