"""Cross-source comparison on the two seeds and on constructed pairs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeweave import compare, entities, events, nlp
from timeweave.entities import EntityOverrides
from timeweave.loaders import load_document
from timeweave.model import Document, DocumentAnalysis, DocumentDate, Timex


def _analysis(document: Document, timexes: list[Timex] | None = None) -> DocumentAnalysis:
    parsed = nlp.parse(document.text, document.language)
    found = entities.find(parsed, document)
    return DocumentAnalysis(
        document, timexes or [], found, events.find(parsed, document, timexes or [], found)
    )


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> list[DocumentAnalysis]:
    return [_analysis(load_document(str(p), f"d{i + 1}")) for i, p in enumerate(seed_paths)]


def test_seeds_share_entities_by_key(seeds: list[DocumentAnalysis]) -> None:
    links = compare.link(seeds)
    shared = {link.key for link in links if link.kind == "entity"}
    assert {"Russia", "Syria", "Islamic State", "Turkey", "Foreign Ministry (Russia)"} <= shared
    isis = next(link for link in links if link.key == "Islamic State")
    assert {m.document for m in isis.members} == {"d1", "d2"}
    assert "Islamiriik" in isis.reason
    assert "ISIS" in isis.reason


def test_seed_summary_lists_what_only_one_source_reports(seeds: list[DocumentAnalysis]) -> None:
    links = compare.link(seeds)
    (pair,) = compare.summary(seeds, links).pairs
    assert {s.key for s in pair.shared_entities} >= {"Russia", "Syria", "Islamic State"}
    linked_a = {p.a for p in pair.linked_events}
    assert set(pair.only_a) == {e.id for e in seeds[0].events} - linked_a
    assert pair.to_json()["document_a"] == "d1"


def _doc(doc_id: str, text: str, language: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", text, language=language, date=DocumentDate())


def _day(text: str, phrase: str, day: dt.date) -> Timex:
    start = text.index(phrase)
    return Timex("t1", start, start + len(phrase), phrase, "DATE", day.isoformat(), day, day)


def test_same_event_in_two_languages_with_different_dates_and_numbers() -> None:
    et_text = "Ilja Rogatšjov hoiatas neljapäeval, et Süürias hukkus 400 Islamiriigi võitlejat."
    en_text = (
        "Russian diplomat Ilya Rogachev warned on Friday that 300 Islamic State fighters died "
        "in Syria."
    )
    et = _analysis(_doc("a", et_text, "et"), [_day(et_text, "neljapäeval", dt.date(2017, 9, 28))])
    en = _analysis(_doc("b", en_text, "en"), [_day(en_text, "Friday", dt.date(2017, 9, 29))])
    links = compare.link([et, en])
    person = next(link for link in links if link.kind == "entity" and "Roga" in link.key)
    assert person.score < 1.0
    assert "transliteration" in person.reason
    (event_link,) = [link for link in links if link.kind == "event"]
    assert event_link.reason.startswith("same event")
    assert {m.document for m in event_link.members} == {"a", "b"}
    kinds = {d.kind for d in compare.summary([et, en], links).pairs[0].disagreements}
    assert kinds == {"date", "number"}


def test_analyst_merge_is_honoured() -> None:
    a = _analysis(_doc("a", "Seromolotov met officials in NE Syria.", "en"))
    b = _analysis(_doc("b", "Ametnikud kohtusid Kirde-Süürias.", "et"))
    before = {link.key for link in compare.link([a, b]) if link.kind == "entity"}
    overrides = EntityOverrides()
    unmatched = next(e.key for e in b.entities)
    overrides.merge([unmatched], into="NE")
    after = {link.key for link in compare.link([a, b], overrides) if link.kind == "entity"}
    assert "NE" not in before
    assert "NE" in after


def test_empty_input() -> None:
    assert compare.link([]) == []
    assert compare.summary([], []).pairs == ()


def test_repeated_reports_become_one_story_not_a_web_of_pairs() -> None:
    sentence = "Vladimir Putin said in Moscow that Russia and Turkey will help Syria."
    many = " ".join([sentence] * 6)
    a = _analysis(_doc("d1", many, "en"))
    b = _analysis(_doc("d2", many, "en"))
    said_a = [e for e in a.events if e.cue == "said"]
    said_b = [e for e in b.events if e.cue == "said"]
    assert len(said_a) == len(said_b) == 6
    links, found = compare.link_stories([a, b])
    story = next(s for s in found if any(c.event == said_a[0].id for c in s.claims))
    assert {(c.document, c.event) for c in story.claims} == {
        *(("d1", e.id) for e in said_a), *(("d2", e.id) for e in said_b)
    }
    assert story.documents == ("d1", "d2")
    assert len([x for x in links if x.kind == "event"]) == len(found)


def test_summary_skips_links_to_events_that_are_gone(seeds: list[DocumentAnalysis]) -> None:
    links = compare.link(seeds)
    reviewed = DocumentAnalysis(
        seeds[1].document, seeds[1].timexes, seeds[1].entities, seeds[1].events[:1]
    )
    (pair,) = compare.summary([seeds[0], reviewed], links).pairs
    assert {p.b for p in pair.linked_events} <= {reviewed.events[0].id}
