"""The whole extraction, file to linked events, as plain functions with progress and cancel.

Stages: load -> tag time expressions -> parse (spaCy) -> entities -> events -> cross-source links.
Each document is processed independently (one bad file never stops the others); links come last
because they need every document.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeweave import compare, entities, events, nlp, temporal
from timeweave.errors import DocumentError
from timeweave.loaders import load_document
from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    ExtractionResult,
    LoadError,
)
from timeweave.progress import (
    Cancelled,
    CancelToken,
    ProgressCallback,
    no_progress,
    sub_progress,
)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Overrides:
    """What the analyst said about the files, overriding what the files say about themselves."""

    language: str | None = None
    date: DocumentDate | None = None
    dates: Mapping[str, DocumentDate] = field(default_factory=dict)  # by path as given

    def date_for(self, path: str) -> DocumentDate | None:
        return self.dates.get(path, self.date)


def analyse(document: Document) -> DocumentAnalysis:
    """Extract time expressions, entities and events from one loaded document."""
    timexes = temporal.tag(document.text, document.language, document.date)
    parsed = nlp.parse(document.text, document.language)
    found_entities = entities.find(parsed, document)
    found_events = events.find(parsed, document, timexes, found_entities)
    return DocumentAnalysis(document, timexes, found_entities, found_events)


def reanchor(analysis: DocumentAnalysis, date: DocumentDate) -> DocumentAnalysis:
    """Re-normalise a document against a new publication date (the analyst edited it).

    Time expressions keep their spans but get new values; events get their times again.
    """
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
) -> tuple[list[DocumentAnalysis], list[LoadError]]:
    """Load and analyse each file on its own; a file that fails becomes a :class:`LoadError`.

    Documents get ids ``d1``, ``d2``, ... skipping ``taken_ids`` (the documents already open).
    Raises ``Cancelled`` if cancelled.
    """
    overrides = overrides or Overrides()
    cancel = cancel or CancelToken()
    analyses: list[DocumentAnalysis] = []
    errors: list[LoadError] = []
    ids = (f"d{n}" for n in itertools.count(1) if f"d{n}" not in taken_ids)
    count = max(len(paths), 1)
    for index, path in enumerate(paths):
        cancel.check()
        name = str(path)
        step = sub_progress(progress, index / count, (index + 1) / count)
        step(0.0, f"Reading {Path(name).name}")
        try:
            document = load_document(
                name, next(ids), language=overrides.language, date=overrides.date_for(name)
            )
            if overrides.language:
                document.language_source = "cli"
            step(0.2, f"Analysing {Path(name).name}")
            analyses.append(analyse(document))
        except DocumentError as exc:
            errors.append(LoadError(name, exc.reason))
        except Cancelled:
            raise
        except Exception as exc:  # a bug or exhausted memory on one file spares the others
            _log.debug("analysing %s failed", name, exc_info=True)
            errors.append(LoadError(name, unexpected_error(exc)))
    return analyses, errors


def unexpected_error(exc: BaseException) -> str:
    """The message for a failure Timeweave did not foresee: what broke, and what to do."""
    detail = str(exc)
    detail = detail if len(detail) <= 300 else detail[:300] + "…"
    return (
        f"Timeweave failed on this file ({type(exc).__name__}: {detail}); the other files are "
        "not affected. Please report this with the file if you can share it (run with --debug "
        "for the details)"
    )


def run(
    paths: Sequence[str | Path],
    overrides: Overrides | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ExtractionResult:
    """Load and analyse every file, then link them. Raises ``Cancelled`` if cancelled."""
    cancel = cancel or CancelToken()
    analyses, errors = analyse_files(
        paths, overrides, sub_progress(progress, 0.0, 0.95), cancel
    )
    cancel.check()
    progress(0.95, "Comparing sources")
    links, stories = compare.link_stories(analyses)
    result = ExtractionResult(analyses, links, errors, stories)
    progress(1.0, "Done")
    return result
