"""All events as one pandas table: what views filter and sort, and what CSV/XLSX exports write.

One row per event with its source, review status, time (in words, as bounds, as the TIMEX3 value
and its basis), kind (TimeML class, category, modality, polarity), participants with roles, actors
(names and keys), place, cue and trigger, passage text and offsets, so a spreadsheet user can
filter by what the analyst decided and get back to the exact words in the source.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from timeweave.humanize import time_words
from timeweave.model import DocumentAnalysis, Entity, Event, ExtractionResult
from timeweave.review import Review

COLUMNS = [
    "document",
    "title",
    "language",
    "event",
    "status",
    "when",
    "earliest",
    "latest",
    "value",
    "basis",
    "timex",
    "class",
    "category",
    "modality",
    "polarity",
    "trigger",
    "participants",
    "actors",
    "actor_keys",
    "place",
    "place_key",
    "cue",
    "reported_by",
    "text",
    "start",
    "end",
    "content_start",
    "content_end",
    "trigger_start",
    "trigger_end",
]
_SEPARATOR = "; "
_OFFSETS = ("start", "end", "content_start", "content_end", "trigger_start", "trigger_end")
_XLSX_MIN_WIDTH, _XLSX_MAX_WIDTH = 8, 60
_XLSX_WIDE = {"text": 90, "title": 40, "when": 34}  # read, not scanned: wide from the start


def participants_text(event: Event, entities: dict[str, Entity]) -> str:
    """``Putin (agent); Ankara (place)``: who takes part, in what role, by name."""
    return _SEPARATOR.join(f"{entities[p.entity].text} ({p.role})"
                           for p in event.participants if p.entity in entities)


def trigger_text(event: Event, text: str) -> str:
    """The words that name the event; the cue when the finder gave no trigger span."""
    if event.trigger is None:
        return event.cue
    start, end = event.trigger
    return text[start:end]


def _row(analysis: DocumentAnalysis, event: Event, entities: dict[str, Entity],
         review: Review) -> dict[str, object]:
    document = analysis.document
    actors = [entities[a] for a in event.actors if a in entities]
    place = entities.get(event.place) if event.place else None
    content = event.content or (None, None)
    trigger = event.trigger or (None, None)
    return {
        "document": document.id,
        "title": document.label,
        "language": document.language,
        "event": event.id,
        "status": review.status((document.id, event.id)),
        "when": time_words(event.time),
        "earliest": event.time.earliest,
        "latest": event.time.latest,
        "value": event.time.value,
        "basis": event.time.basis,
        "timex": event.time.timex,
        "class": event.event_class,
        "category": event.category,
        "modality": event.modality,
        "polarity": event.polarity,
        "trigger": trigger_text(event, document.text),
        "participants": participants_text(event, entities),
        "actors": _SEPARATOR.join(a.text for a in actors),
        "actor_keys": _SEPARATOR.join(a.key for a in actors),
        "place": place.text if place else None,
        "place_key": place.key if place else None,
        "cue": event.cue,
        "reported_by": event.reported_by,
        "text": event.text,
        "start": event.start,
        "end": event.end,
        "content_start": content[0],
        "content_end": content[1],
        "trigger_start": trigger[0],
        "trigger_end": trigger[1],
    }


def events_frame(analyses: Sequence[DocumentAnalysis], review: Review | None = None
                 ) -> pd.DataFrame:
    """One row per event; dates are pandas timestamps (NaT when unknown), lists are "; "-joined.

    ``review`` gives each row its status (pending when there is none: nothing was reviewed).
    """
    review = review or Review()
    rows = []
    for analysis in analyses:
        entities = {e.id: e for e in analysis.entities}
        rows.extend(_row(analysis, event, entities, review) for event in analysis.events)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("earliest", "latest"):
        frame[column] = pd.to_datetime(frame[column])
    for column in _OFFSETS:
        frame[column] = frame[column].astype("Int64")
    return frame


def export_csv(path: str | Path, analyses: Sequence[DocumentAnalysis],
               review: Review | None = None) -> None:
    """UTF-8 with BOM so spreadsheet programs read Estonian letters right."""
    events_frame(analyses, review).to_csv(path, index=False, encoding="utf-8-sig",
                                          date_format="%Y-%m-%d")


def export_xlsx(path: str | Path, analyses: Sequence[DocumentAnalysis],
                review: Review | None = None) -> None:
    """One sheet with columns as wide as their content, a frozen header and filters, so it
    reads and sorts without resizing anything."""
    from openpyxl.utils import get_column_letter

    frame = events_frame(analyses, review)
    for column in ("earliest", "latest"):
        frame[column] = frame[column].dt.date
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="events")
        sheet = writer.sheets["events"]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for number, column in enumerate(frame.columns, start=1):
            longest = max([len(column), *(len(str(v)) for v in frame[column] if pd.notna(v))])
            width = _XLSX_WIDE.get(column, min(max(longest + 2, _XLSX_MIN_WIDTH),
                                               _XLSX_MAX_WIDTH))
            sheet.column_dimensions[get_column_letter(number)].width = width


def export_json(path: str | Path, result: ExtractionResult, review: Review | None = None
                ) -> None:
    """The CLI contract (:meth:`ExtractionResult.to_json`), UTF-8, letters not escaped; with a
    ``review`` each event also says what the analyst decided (``"review": "accepted"``)."""
    data = result.to_json()
    if review is not None:
        for document in data["documents"]:
            for event in document["events"]:
                event["review"] = review.status((document["id"], event["id"]))
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
