"""The events table and its exports."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from timeweave import entities, events, nlp, table
from timeweave.model import Document, DocumentAnalysis, DocumentDate, ExtractionResult


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
    return [DocumentAnalysis(document, [], found, events.find(parsed, document, [], found))]


def test_frame_has_one_row_per_event_with_all_columns() -> None:
    frame = table.events_frame(_analyses())
    assert list(frame.columns) == table.COLUMNS
    assert list(frame["event"]) == ["v1", "v2"]
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
