"""The events table and its exports."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd

from tests.gui.analyses import estonian
from timeweave import entities, events, nlp, table
from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    ExtractionResult,
    Participant,
)
from timeweave.review import Review


def _analyses() -> list[DocumentAnalysis]:
    text = '"Olukord on raske," ütles Putin Ankaras.\n\nVenemaa teatas, et koostöö jätkub.'
    document = Document(
        "d1",
        "putin.txt",
        text,
        title="Putin Ankaras",
        language="et",
        date=DocumentDate.parse("2017-09-28", "user"),
    )
    parsed = nlp.parse(text, "et")
    found = entities.find(parsed, document)
    statements = [  # the two statements; the table is the same for events of every kind
        e for e in events.find(parsed, document, [], found) if e.event_class == "REPORTING"
    ]
    return [DocumentAnalysis(document, [], found, statements)]


def test_frame_has_one_row_per_event_with_all_columns() -> None:
    analyses = _analyses()
    frame = table.events_frame(analyses)
    assert list(frame.columns) == table.COLUMNS
    assert list(frame["event"]) == [e.id for e in analyses[0].events]
    assert len(frame) == 2
    first = frame.iloc[0]
    assert (first["actors"], first["actor_keys"], first["place_key"]) == (
        "Putin",
        "Putin",
        "Ankara",
    )
    assert first["basis"] == "document_date"
    assert first["earliest"] == pd.Timestamp("2017-09-28")
    assert first["text"] == '"Olukord on raske," ütles Putin Ankaras.'


def test_empty_frame_keeps_columns() -> None:
    assert list(table.events_frame([]).columns) == table.COLUMNS


def test_exports_round_trip(tmp_path: Path) -> None:
    analyses = _analyses()
    table.export_csv(tmp_path / "e.csv", analyses)
    table.export_xlsx(tmp_path / "e.xlsx", analyses)
    table.export_json(tmp_path / "e.json", ExtractionResult(analyses))
    csv = pd.read_csv(tmp_path / "e.csv", encoding="utf-8-sig")
    xlsx = pd.read_excel(tmp_path / "e.xlsx")
    for frame in (csv, xlsx):
        assert list(frame.columns) == table.COLUMNS
        assert frame["cue"].tolist() == ["ütles", "teatas"]
    assert str(csv["earliest"][0]) == "2017-09-28"
    data = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert data == ExtractionResult(analyses).to_json()


def _reviewed() -> tuple[list[DocumentAnalysis], Review]:
    """The Estonian seed with a trigger, kind and participants, one event accepted and one
    rejected and shown."""
    analysis = estonian()
    e1, e2, e3 = analysis.events
    trigger = analysis.document.text.index("hoiatas")
    e2 = dataclasses.replace(e2, trigger=(trigger, trigger + len("hoiatas")),
                             event_class="REPORTING", category="statement",
                             participants=(Participant("agent", "n2"),))
    analysis = dataclasses.replace(analysis, events=[e1, e2, e3])
    review = (Review().changed(("d1", "e2"), status="accepted")
              .changed(("d1", "e3"), status="rejected"))
    return [analysis], review


def test_every_export_carries_review_status_and_event_kind(tmp_path: Path) -> None:
    analyses, review = _reviewed()
    table.export_csv(tmp_path / "e.csv", analyses, review)
    table.export_xlsx(tmp_path / "e.xlsx", analyses, review)
    table.export_json(tmp_path / "e.json", ExtractionResult(analyses), review)
    csv = pd.read_csv(tmp_path / "e.csv", encoding="utf-8-sig")
    xlsx = pd.read_excel(tmp_path / "e.xlsx")
    for frame in (csv, xlsx):
        assert frame["status"].tolist() == ["pending", "accepted", "rejected"]
        second = frame.iloc[1]
        assert (second["class"], second["category"], second["trigger"]) == (
            "REPORTING", "statement", "hoiatas")
        assert second["participants"] == "Ilja Rogatšjov (agent)"
        assert second["when"] == "October 2017"
    data = json.loads((tmp_path / "e.json").read_text("utf-8"))
    events = data["documents"][0]["events"]
    assert [e["review"] for e in events] == ["pending", "accepted", "rejected"]
    assert events[1]["class"] == "REPORTING"


def test_xlsx_is_readable_without_resizing(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    analyses, review = _reviewed()
    table.export_xlsx(tmp_path / "e.xlsx", analyses, review)
    sheet = load_workbook(tmp_path / "e.xlsx")["events"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    widths = {sheet.cell(1, c).value: sheet.column_dimensions[sheet.cell(1, c).column_letter].width
              for c in range(1, sheet.max_column + 1)}
    assert widths["text"] >= 80
    assert widths["status"] < widths["title"]
    assert min(widths.values()) >= 8
