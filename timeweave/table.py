"""All events as one pandas table: what views filter and sort, and what CSV/XLSX exports write.

One row per event with its source, time bounds and basis, actors (names and keys), place, cue,
passage text and offsets, so a spreadsheet user can get back to the exact words in the source.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from timeweave.model import DocumentAnalysis, ExtractionResult

COLUMNS = [
    "document",
    "title",
    "language",
    "event",
    "earliest",
    "latest",
    "value",
    "basis",
    "timex",
    "actors",
    "actor_keys",
    "place",
    "place_key",
    "cue",
    "text",
    "start",
    "end",
    "content_start",
    "content_end",
]
_SEPARATOR = "; "


def events_frame(analyses: Sequence[DocumentAnalysis]) -> pd.DataFrame:
    """One row per event; dates are pandas timestamps (NaT when unknown), lists are "; "-joined."""
    rows = []
    for analysis in analyses:
        document = analysis.document
        entities = {e.id: e for e in analysis.entities}
        for event in analysis.events:
            actors = [entities[a] for a in event.actors if a in entities]
            place = entities.get(event.place) if event.place else None
            rows.append(
                {
                    "document": document.id,
                    "title": document.label,
                    "language": document.language,
                    "event": event.id,
                    "earliest": event.time.earliest,
                    "latest": event.time.latest,
                    "value": event.time.value,
                    "basis": event.time.basis,
                    "timex": event.time.timex,
                    "actors": _SEPARATOR.join(a.text for a in actors),
                    "actor_keys": _SEPARATOR.join(a.key for a in actors),
                    "place": place.text if place else None,
                    "place_key": place.key if place else None,
                    "cue": event.cue,
                    "text": event.text,
                    "start": event.start,
                    "end": event.end,
                    "content_start": event.content[0] if event.content else None,
                    "content_end": event.content[1] if event.content else None,
                }
            )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("earliest", "latest"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("start", "end", "content_start", "content_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def export_csv(path: str | Path, analyses: Sequence[DocumentAnalysis]) -> None:
    """UTF-8 with BOM so spreadsheet programs read Estonian letters right."""
    events_frame(analyses).to_csv(path, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")


def export_xlsx(path: str | Path, analyses: Sequence[DocumentAnalysis]) -> None:
    frame = events_frame(analyses)
    for column in ("earliest", "latest"):
        frame[column] = frame[column].dt.date
    frame.to_excel(path, index=False, sheet_name="events", engine="openpyxl")


def export_json(path: str | Path, result: ExtractionResult) -> None:
    """The CLI contract: :meth:`ExtractionResult.to_json`, UTF-8, letters not escaped."""
    Path(path).write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2), "utf-8")
