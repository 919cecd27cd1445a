"""Hand-built analyses of the two seeds: the real loaded texts with spans found by search.

They let the GUI and project tests run on real documents with known events, independently of
how the extraction stages evolve; tests on the real pipeline live next to them.
"""

from __future__ import annotations

import datetime as dt

from timeweave.loaders import load_document
from timeweave.model import (
    Document,
    DocumentAnalysis,
    Entity,
    Event,
    EventTime,
    ExtractionResult,
    Link,
    LinkMember,
    Timex,
)
from timeweave.resources import seed_paths


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _timex(doc: Document, ident: str, needle: str, value: str,
           earliest: dt.date | None, latest: dt.date | None) -> Timex:
    start, end = _span(doc.text, needle)
    return Timex(ident, start, end, needle, "DATE", value, earliest, latest)


def _entity(doc: Document, ident: str, needle: str, label: str, key: str) -> Entity:
    start, end = _span(doc.text, needle)
    return Entity(ident, start, end, needle, label, key)


def _event(doc: Document, ident: str, sentence: str, cue: str, actors: tuple[str, ...],
           time: EventTime) -> Event:
    start, end = _span(doc.text, sentence)
    return Event(ident, start, end, sentence, cue, actors, time)


def estonian() -> DocumentAnalysis:
    doc = load_document(seed_paths()[0], "d1")
    week = (dt.date(2017, 10, 1), dt.date(2017, 10, 31))
    timexes = [
        _timex(doc, "t1", "viimastel kuudel", "PAST_REF", None, week[1]),
        _timex(doc, "t2", "neljapäeval", "2017-10-XX", *week),
        _timex(doc, "t3", "sel nädalal", "2017-10", *week),
    ]
    entities = [
        _entity(doc, "n1", "Igor Konašenkov", "PER", "igor konashenkov"),
        _entity(doc, "n2", "Ilja Rogatšjov", "PER", "ilya rogachev"),
        _entity(doc, "n3", "Vladimir Putin", "PER", "vladimir putin"),
        _entity(doc, "n4", "Islamiriik", "ORG", "islamic state"),
        _entity(doc, "n5", "Türgi", "LOC", "turkey"),
    ]
    events = [
        _event(doc, "e1", "kinnitas kindralmajor Igor Konašenkov", "kinnitas", ("n1",),
               EventTime(None, week[1], "PAST_REF", "timex", "t1")),
        _event(doc, "e2", "Ilja Rogatšjov hoiatas neljapäeval", "hoiatas", ("n2",),
               EventTime(*week, "2017-10", "timex", "t2")),
        _event(doc, "e3", "Vladimir Putin teatas sel nädalal", "teatas", ("n3",),
               EventTime(*week, "2017-10", "timex", "t3")),
    ]
    return DocumentAnalysis(doc, timexes, entities, events)


def english() -> DocumentAnalysis:
    doc = load_document(seed_paths()[1], "d2")
    timexes = [_timex(doc, "t1", "22 October", "XXXX-10-22", None, None)]
    entities = [
        _entity(doc, "n1", "Oleg Seromolotov", "PER", "oleg syromolotov"),
        _entity(doc, "n2", "ISIS", "ORG", "islamic state"),
        _entity(doc, "n3", "Turkish", "NORP", "turkey"),
    ]
    events = [
        _event(doc, "e1", "Oleg Seromolotov, said", "said", ("n1",), EventTime(basis="unknown")),
        _event(doc, "e2", "Signed on 22 October", "Signed", (),
               EventTime(None, None, "XXXX-10-22", "timex", "t1")),
    ]
    return DocumentAnalysis(doc, timexes, entities, events)


def two_sources() -> ExtractionResult:
    """Both seeds with one linked event and two linked entities."""
    links = [
        Link("event", "warning about IS fighters",
             (LinkMember("d1", "e2"), LinkMember("d2", "e1")), 0.71, "same actor role, same topic"),
        Link("entity", "islamic state", (LinkMember("d1", "n4"), LinkMember("d2", "n2")), 1.0),
        Link("entity", "turkey", (LinkMember("d1", "n5"), LinkMember("d2", "n3")), 1.0),
    ]
    return ExtractionResult([estonian(), english()], links)
