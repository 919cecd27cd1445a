"""Story events and entity identity across sources, on constructed analyses and on the seeds.

The analyses are built by hand (entities, events with roles, times) so each test pins one rule
of identity; the seed tests run the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from timeweave import cli, compare, entities, nlp, pipeline
from timeweave.compare import stories
from timeweave.compare.timeline import entity_keys, timeline
from timeweave.entities import EntityOverrides, names
from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    Entity,
    Event,
    EventTime,
    Participant,
    Timex,
)

DAY = dt.date(2019, 10, 9)


def _entity(eid: str, key: str, label: str = "GPE") -> Entity:
    return Entity(eid, 0, len(key), key, label, key)


def _event(
    eid: str,
    word: str,
    agent: str,
    *,
    place: str | None = None,
    day: dt.date | None = DAY,
    category: str = "conflict",
    modality: str = "asserted",
    polarity: str = "POS",
    text: str = "",
) -> Event:
    time = EventTime(day, day, day.isoformat(), "timex") if day else EventTime()
    return Event(
        eid, 0, len(text), text, word, (agent,), time, place,
        trigger=None, category=category, modality=modality,  # type: ignore[arg-type]
        polarity=polarity,  # type: ignore[arg-type]
        participants=(Participant("agent", agent),),
    )


def _analysis(
    doc_id: str, language: str, ents: list[Entity], events: list[Event], text: str = ""
) -> DocumentAnalysis:
    return DocumentAnalysis(Document(doc_id, f"{doc_id}.txt", text, language=language), [],
                            ents, events)


TURKEY = [_entity("e1", "Turkey"), _entity("e2", "Syria")]


def test_one_event_in_three_sources_and_two_languages_is_one_story() -> None:
    a = _analysis("a", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2")])
    b = _analysis("b", "et", TURKEY, [_event("v1", "ründas", "e1", place="e2")])
    c = _analysis("c", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2",
                                             day=DAY + dt.timedelta(days=1))])
    links, found = compare.link_stories([a, b, c])
    (story,) = found
    assert story.documents == ("a", "b", "c")
    assert story.category == "conflict"
    assert [d.kind for d in story.disagreements] == ["date"]
    (event_link,) = [x for x in links if x.kind == "event"]
    assert {(m.document, m.id) for m in event_link.members} == {("a", "v1"), ("b", "v1"),
                                                                ("c", "v1")}
    assert "3 sources" in event_link.reason


def test_a_story_in_three_sources_shows_in_every_pair_of_the_summary() -> None:
    docs = [_analysis(d, "en", TURKEY, [_event("v1", "attacked", "e1", place="e2")])
            for d in "abc"]
    links = compare.link(docs)
    pairs = compare.summary(docs, links).pairs
    assert len(pairs) == 3
    assert all(p.linked_events and not p.only_a and not p.only_b for p in pairs)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"modality": "reported"}, "a claim that it happened is not the happening"),
        ({"polarity": "NEG"}, "it did not happen"),
        ({"modality": "planned"}, "it is only planned"),
        ({"category": "movement"}, "another kind of event"),
        ({"day": DAY + dt.timedelta(days=60)}, "two months apart"),
    ],
)
def test_mentions_that_cannot_be_one_event_stay_apart(change: dict, why: str) -> None:
    a = _analysis("a", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2")])
    b = _analysis("b", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2", **change)])
    assert compare.link_stories([a, b])[1] == [], why


def test_an_undated_mention_joins_only_on_strong_evidence() -> None:
    dated = _analysis("a", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2")])
    same_word = _analysis("b", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2",
                                                     day=None)])
    other_language = _analysis("c", "et", TURKEY, [_event("v1", "ründas", "e1", place="e2",
                                                          day=None)])
    assert len(compare.link_stories([dated, same_word])[1]) == 1
    assert compare.link_stories([dated, other_language])[1] == []


def test_a_source_repeating_an_event_joins_its_story_once_per_word() -> None:
    a = _analysis("a", "en", TURKEY, [
        _event("v1", "offensive", "e1", place="e2"),
        _event("v2", "offensive", "e1", place="e2"),
        _event("v3", "bombed", "e1", place="e2"),  # another event in the same source
    ])
    (story,) = compare.link_stories([a])[1]
    assert [c.event for c in story.claims] == ["v1", "v2"]
    assert story.disagreements == ()  # a source does not disagree with itself


def test_chains_do_not_merge_what_cannot_be_one_event() -> None:
    """A~B and B~C with A and C in one source under different words stay two stories."""
    a = _analysis("a", "en", TURKEY, [_event("v1", "attacked", "e1", place="e2"),
                                      _event("v2", "shelled", "e1", place="e2")])
    b = _analysis("b", "et", TURKEY, [_event("v1", "ründas", "e1", place="e2")])
    found = compare.link_stories([a, b])[1]
    assert all(len({c.event for c in s.claims if c.document == "a"}) == 1 for s in found)


def test_numbers_in_dates_are_not_disagreements() -> None:
    text_a = "On 9 October 300 fighters fled."
    text_b = "On 9 October 400 fighters fled."
    ents = [_entity("e1", "Islamic State", "ORG")]
    docs = []
    for doc_id, text in (("a", text_a), ("b", text_b)):
        event = Event("v1", 0, len(text), text, "fled", ("e1",),
                      EventTime(DAY, DAY, "2019-10-09", "timex"), category="movement",
                      participants=(Participant("agent", "e1"),))
        analysis = _analysis(doc_id, "en", ents, [event], text)
        analysis.timexes.append(Timex("t1", 3, 12, "9 October", "DATE", "2019-10-09", DAY, DAY))
        docs.append(analysis)
    (story,) = compare.link_stories(docs)[1]
    (number,) = story.disagreements
    assert number.kind == "number"
    assert dict(number.values) == {"a": "300", "b": "400"}


def test_linking_compares_only_within_blocks() -> None:
    """Two hundred sources with nothing in common make no pair to score."""
    docs = [
        _analysis(f"d{n}", "en", [_entity("e1", f"Place{n}")], [_event("v1", "attacked", "e1")])
        for n in range(200)
    ]
    assert list(stories.blocks(stories.mentions(docs, compare.keyed(docs)))) == []


# --- entity identity ---------------------------------------------------------------------


def _entities(text: str, language: str) -> list[Entity]:
    document = Document("d1", "x.txt", text, language=language)
    return entities.find(nlp.parse(text, language), document)


def test_a_surname_after_the_full_name_is_that_person() -> None:
    found = _entities("Apple chief Steve Jobs spoke on Monday. Later Jobs said it sold.", "en")
    assert {e.key for e in found if e.text in ("Steve Jobs", "Jobs")} == {"Steve Jobs"}
    assert all(e.label == "PERSON" for e in found if "Jobs" in e.text)


def test_transliteration_only_where_a_name_was_transliterated() -> None:
    assert names.person_key("Steve Jobs") == "Steve Jobs"
    assert names.person_key("Ilja Rogatšjov") == "Ilya Rogachyov"
    assert names.similarity(names.person_key("Jevgeni Prigožin"), "Yevgeny Prigozhin") >= 0.85


def test_abbreviations_take_the_name_they_abbreviate() -> None:
    found = _entities("General Motors (GM) signed on Monday. Later GM said so.", "en")
    assert {e.key for e in found if e.text == "GM"} == {"General Motors"}
    assert names.acronyms(["USAF", "United States Air Force", "U.S.", "United States"]) == {
        "USAF": "United States Air Force",
        "U.S.": "United States",
    }
    a = _analysis("a", "en", [_entity("e1", "General Motors", "ORG")], [])
    b = _analysis("b", "en", [_entity("e1", "GM", "ORG")], [])
    assert {e.key for ents in compare.keyed([a, b]).values() for e in ents} == {"General Motors"}


def test_an_abbreviation_that_fits_two_names_is_left_alone() -> None:
    assert names.acronyms(["GM", "General Motors", "Green Mountain"]) == {}


def test_plurals_and_legal_forms_name_the_same_thing() -> None:
    assert names.variants(["iPod", "iPods", "Apple", "Apple Inc.", "News", "Times"]) == {
        "iPods": "iPod",
        "Apple Inc.": "Apple",
    }
    found = _entities("Apple Inc. sold iPods. The iPod and the iPhone 4S sold well.", "en")
    assert {e.text: e.key for e in found}.get("iPods", "iPod") == "iPod"
    assert "Apple Inc." not in {e.key for e in found}


def test_no_person_keys_for_organisations_or_products() -> None:
    for text, language in (
        ("General Motors teatas kasumist. Ettevõte kasvas.", "et"),
        ("The iTunes Store sold more songs.", "en"),
    ):
        assert not [e for e in _entities(text, language) if e.label == "PERSON"], text


def test_people_of_two_sources_join_across_transliterations_but_not_across_initials() -> None:
    a = _analysis("a", "et", [_entity("e1", "Yevgeni Prigozhin", "PERSON"),
                              _entity("e2", "Sergei Ivanov", "PERSON")], [])
    b = _analysis("b", "en", [_entity("e1", "Yevgeny Prigozhin", "PERSON"),
                              _entity("e2", "Viktor Ivanov", "PERSON")], [])
    keys = {e.key for ents in compare.keyed([a, b]).values() for e in ents}
    assert len(keys) == 3
    assert {"Sergei Ivanov", "Viktor Ivanov"} <= keys


def test_the_analysts_split_stays_on_top_of_automatic_joins() -> None:
    a = _analysis("a", "en", [_entity("e1", "General Motors", "ORG")], [])
    b = _analysis("b", "en", [_entity("e1", "GM", "ORG")], [])
    overrides = EntityOverrides()
    overrides.merge(["GM"], into="Grupo Modelo")
    keys = {d: {e.key for e in ents} for d, ents in compare.keyed([a, b], overrides).items()}
    assert keys == {"a": {"General Motors"}, "b": {"Grupo Modelo"}}


# --- seeds, timeline per entity, command line -----------------------------------------------


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> dict[str, object]:
    english = next(str(p) for p in seed_paths if p.name.startswith("003"))
    undated = pipeline.run([str(p) for p in seed_paths])
    dated = pipeline.run(
        [str(p) for p in seed_paths],
        pipeline.Overrides(dates={english: DocumentDate.parse("2019-11-20", "cli")}),
    )
    return {"undated": undated, "dated": dated}


@pytest.mark.parametrize("which", ["undated", "dated"])
def test_the_2017_and_2019_reports_share_six_entities_and_no_event(
    seeds: dict[str, object], which: str
) -> None:
    result = seeds[which]
    shared = {x.key for x in result.links if x.kind == "entity"}  # type: ignore[attr-defined]
    assert len(shared) >= 6
    assert {"Russia", "Syria", "Islamic State", "Turkey", "Moscow"} <= shared
    for story in result.stories:  # type: ignore[attr-defined]
        assert len(story.documents) == 1, story


def test_timeline_of_an_entity_across_the_seeds(seeds: dict[str, object]) -> None:
    result = seeds["dated"]
    entities = compare.keyed(result.documents)  # type: ignore[attr-defined]
    keys = entity_keys(entities, "russia")
    assert keys == {"Russia"}
    entries = timeline(result.documents, result.stories, keys, entities)  # type: ignore[attr-defined]
    documents = {d for e in entries for d in e.documents}
    assert documents == {"d1", "d2"}
    days = [e.earliest or e.latest for e in entries if e.earliest or e.latest]
    assert days == sorted(days)
    assert entity_keys(entities, "no such name") == set()


def test_timeline_command_line(seed_paths: list[Path], capsys: pytest.CaptureFixture) -> None:
    files = [str(p) for p in seed_paths]
    assert cli.main(["timeline", "--entity", "Syria", "--format", "json", *files]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["keys"] == ["Syria"]
    assert data["timeline"]
    assert all(e["documents"] for e in data["timeline"])
    assert cli.main(["timeline", "--entity", "Syria", "--format", "csv", *files]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "date,event,category,sources,reported by,disagree on"
    assert cli.main(["timeline", "--entity", "Atlantis", *files]) == 1
    assert "no entity named 'Atlantis'" in capsys.readouterr().err


def test_scoring_blocks_in_other_processes_links_the_same() -> None:
    """The map a cluster passes (here a process pool) gives the stories of the local run."""
    docs = [
        _analysis(d, "en" if n % 2 else "et", TURKEY,
                  [_event("v1", "attacked", "e1", place="e2"),
                   _event("v2", "fled", "e2", category="movement")])
        for n, d in enumerate("abcdef")
    ]
    local = compare.link_stories(docs)
    with ProcessPoolExecutor(2) as pool:
        remote = compare.link_stories(docs, map_blocks=pool.map)
    assert remote == local
    assert len(local[1]) == 2
