"""Events of every kind in English: triggers, class, category, roles, polarity, modality, time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeweave import entities, events, nlp, pipeline
from timeweave.events import reporting
from timeweave.lang.en import events as english
from timeweave.loaders import load_document
from timeweave.model import Document, DocumentAnalysis, DocumentDate, Event, Timex


def _analyse(
    text: str, timexes: list[Timex] | None = None, date: str | None = None
) -> tuple[list[Event], dict[str, str]]:
    document = Document(
        "d1",
        "x.txt",
        text,
        language="en",
        date=DocumentDate.parse(date, "user") if date else DocumentDate(),
    )
    parsed = nlp.parse(text, "en")
    found = entities.find(parsed, document)
    keys = {e.id: e.key for e in found}
    return events.find(parsed, document, timexes or [], found), keys


def _by_trigger(found: list[Event], text: str) -> dict[str, Event]:
    return {text[e.trigger[0] : e.trigger[1]]: e for e in found if e.trigger}


def test_verbs_event_nouns_and_states_are_triggers_but_auxiliaries_are_not() -> None:
    text = "The army has launched an attack on the town, and the city is ready for talks."
    found = _by_trigger(_analyse(text)[0], text)
    assert set(found) == {"launched", "attack", "ready", "talks"}
    attack = found["attack"]
    assert attack.trigger == (text.index("attack"), text.index("attack") + len("attack"))
    assert (attack.event_class, attack.category) == ("OCCURRENCE", "conflict")
    assert found["launched"].event_class == "ASPECTUAL"
    assert (found["ready"].event_class, found["talks"].category) == ("I_STATE", "agreement_meeting")


def test_nominalisations_count_only_when_they_name_an_occasion() -> None:
    text = "The government criticised the withdrawal of the troops. Abortion clinics opened."
    found = _by_trigger(_analyse(text)[0], text)
    assert found["withdrawal"].category == "movement"
    assert "government" not in found  # a nominalisation that names a body, not an event
    assert "Abortion" not in found  # a modifier names no event


def test_roles_become_participants_actors_and_place() -> None:
    text = "Turkey attacked Syria in Aleppo. The Turkish offensive was condemned by Russia."
    found, keys = _analyse(text)
    by = _by_trigger(found, text)
    roles = {(p.role, keys[p.entity]) for p in by["attacked"].participants}
    assert roles == {("agent", "Turkey"), ("patient", "Syria"), ("place", "Aleppo")}
    assert [keys[a] for a in by["attacked"].actors] == ["Turkey"]
    assert keys[by["attacked"].place] == "Aleppo"  # type: ignore[index]
    assert [keys[a] for a in by["offensive"].actors] == ["Turkey"]
    assert {(p.role, keys[p.entity]) for p in by["condemned"].participants} == {("agent", "Russia")}


def test_negation_sets_polarity() -> None:
    text = "The troops did not withdraw. The troops withdrew. There was no attack."
    found = _analyse(text)[0]
    assert [(e.cue, e.polarity) for e in found] == [
        ("withdraw", "NEG"),
        ("withdrew", "POS"),
        ("attack", "NEG"),
    ]


def test_modality_asserted_reported_planned_conditional() -> None:
    text = (
        "Turkey attacked the town. Officials said that militants fled. Turkey will withdraw. "
        "Turkey wants to leave. Turkey might attack."
    )
    found = _analyse(text)[0]
    modality = {e.cue: e.modality for e in found}
    assert modality == {
        "attacked": "asserted",
        "said": "asserted",
        "fled": "reported",
        "withdraw": "planned",
        "wants": "asserted",
        "leave": "planned",
        "attack": "conditional",
    }
    said = next(e for e in found if e.cue == "said")
    fled = next(e for e in found if e.cue == "fled")
    assert fled.reported_by == said.id
    assert said.reports == (fled.id,)
    assert (said.event_class, said.category) == ("REPORTING", "statement")


def test_quoted_events_are_reported_by_the_speaker() -> None:
    text = '"The militants escaped from the camps," Seromolotov said.'
    found = _analyse(text)[0]
    escaped = next(e for e in found if e.cue == "escaped")
    said = next(e for e in found if e.cue == "said")
    assert (escaped.modality, escaped.reported_by) == ("reported", said.id)


def test_time_from_the_clause_then_tense_then_reporter_then_unknown() -> None:
    text = (
        "Officials said on Monday that the rebels attacked the town on 3 May. "
        "The army fled. The army will return. Officials said it was a withdrawal of forces."
    )

    def day(phrase: str, value: dt.date) -> Timex:
        start = text.index(phrase)
        return Timex(
            phrase, start, start + len(phrase), phrase, "DATE", value.isoformat(), value, value
        )

    timexes = [day("Monday", dt.date(2019, 11, 18)), day("3 May", dt.date(2019, 5, 3))]
    found = _analyse(text, timexes, date="2019-11-20")[0]
    time = {e.cue: e.time for e in found}
    assert (time["attacked"].basis, time["attacked"].earliest) == ("timex", dt.date(2019, 5, 3))
    assert time["attacked"].timex == "3 May"  # its own clause's, not the report's "Monday"
    assert (time["fled"].basis, time["fled"].earliest, time["fled"].latest) == (
        "tense",
        None,
        dt.date(2019, 11, 20),
    )
    assert (time["return"].basis, time["return"].earliest, time["return"].latest) == (
        "tense",
        dt.date(2019, 11, 20),
        None,
    )
    # No tense of its own: by the time of its reporter (which took Monday from its paragraph).
    assert (time["withdrawal"].basis, time["withdrawal"].earliest) == ("reporting", None)
    assert time["withdrawal"].latest == dt.date(2019, 11, 18)
    recent = "The rebels have suffered heavy losses in recent months."
    months = Timex(
        "t1",
        recent.index("recent"),
        recent.index("."),
        "recent months",
        "DURATION",
        "PXM",
        dt.date(2019, 8, 1),
        dt.date(2019, 11, 20),
    )
    suffered = _analyse(recent, [months], date="2019-11-20")[0][0]
    assert (suffered.cue, suffered.time.basis, suffered.time.earliest) == (
        "suffered",
        "timex",
        dt.date(2019, 8, 1),
    )  # a duration placed in time places the event
    later = "The army took advantage of the withdrawal. Officials said the army could attack."
    by_cue = {e.cue: e for e in _analyse(later, date="2019-11-20")[0]}
    # A noun takes the tense of the past happening it is an argument of.
    assert (by_cue["withdrawal"].time.basis, by_cue["withdrawal"].time.latest) == (
        "tense",
        dt.date(2019, 11, 20),
    )
    # What a statement says may happen comes after the statement, not before it.
    attack = by_cue["attack"].time
    assert (attack.basis, attack.earliest, attack.latest) == (
        "reporting",
        dt.date(2019, 11, 20),
        None,
    )
    undated = _analyse("The army fled.")[0]
    assert undated[0].time.basis == "unknown"


def test_every_lexicon_row_is_valid_and_nominalisations_find_their_verb() -> None:
    english._lexicon.cache_clear()
    assert english._lexicon()  # raises on an unknown class or category or a repeated row
    nlp.pipeline("en")
    assert english._base_verb("withdrawal") == "withdraw"
    assert english._base_verb("decision") == "decide"
    assert english._base_verb("bombing") == "bomb"
    assert english._base_verb("nation") is None


@pytest.fixture(scope="module")
def english_seed(seed_paths: list[Path]) -> DocumentAnalysis:
    path = next(p for p in seed_paths if load_document(str(p), "d2").language == "en")
    document = load_document(str(path), "d2")
    document.date = DocumentDate.parse("2019-11-20", "user")
    return pipeline.analyse(document)


def test_english_seed_happenings_are_events_with_category_and_time(
    english_seed: DocumentAnalysis,
) -> None:
    text = english_seed.document.text
    found = _by_trigger(english_seed.events, text)
    expected = {
        "attack": "conflict",
        "fled": "movement",
        "escaped": "movement",
        "withdrawal": "movement",
        "offensive": "conflict",
        "incursion": "conflict",
    }
    for word, category in expected.items():
        event = found[word]
        assert event.category == category, word
        assert event.time.latest == dt.date(2019, 11, 20), word  # over by publication
    signed = found["Signed"]
    assert (signed.time.basis, signed.time.value) == ("timex", "2019-10-22")
    assert signed.time.earliest == signed.time.latest == dt.date(2019, 10, 22)
    assert found["fled"].modality == "reported"


def test_signed_without_a_year_keeps_its_unknown_year(seed_paths: list[Path]) -> None:
    path = next(p for p in seed_paths if load_document(str(p), "d2").language == "en")
    analysis = pipeline.analyse(load_document(str(path), "d2"))
    signed = _by_trigger(analysis.events, analysis.document.text)["Signed"]
    assert (signed.time.value, signed.time.earliest, signed.time.basis) == (
        "XXXX-10-22",
        None,
        "timex",
    )


def test_the_21_reporting_events_of_the_seeds_are_all_still_there(
    seed_paths: list[Path],
) -> None:
    kept = []
    for index, path in enumerate(seed_paths, 1):
        document = load_document(str(path), f"d{index}")
        analysis = pipeline.analyse(document)
        parsed = nlp.parse(document.text, document.language)
        units = reporting.find(parsed, document, analysis.timexes, analysis.entities)
        final = {(e.start, e.end, e.cue): e for e in analysis.events}
        for unit, cue in units:
            event = final[unit.start, unit.end, unit.cue]
            assert event.event_class == "REPORTING"
            assert event.actors[: len(unit.actors)] == unit.actors  # the speaker stays first
            assert (event.content, event.time) == (unit.content, unit.time)
            assert event.trigger is not None
            assert event.trigger[0] == cue.idx
            kept.append(event.cue)
    assert len(kept) == 21


def test_estonian_statements_carry_trigger_class_category_and_speaker() -> None:
    text = "Moskva ja Ankara leppisid kokku koostöös. Vladimir Putin ütles, et IS levib."
    document = Document("d1", "x.txt", text, language="et")
    parsed = nlp.parse(text, "et")
    found = entities.find(parsed, document)
    keys = {e.id: e.key for e in found}
    statements = [
        e for e in events.find(parsed, document, [], found) if e.event_class == "REPORTING"
    ]
    assert [(e.trigger[0], e.category) for e in statements] == [  # type: ignore[index]
        (text.index("leppisid"), "agreement_meeting"),
        (text.index("ütles"), "statement"),
    ]
    speaker = statements[1].participants[0]
    assert (speaker.role, keys[speaker.entity]) == ("agent", "Vladimir Putin")


def test_estonian_seed_losses_are_within_the_last_months_and_reported(
    seed_paths: list[Path],
) -> None:
    path = next(p for p in seed_paths if load_document(str(p), "d1").language == "et")
    analysis = pipeline.analyse(load_document(str(path), "d1"))
    losses = next(e for e in analysis.events if "kandnud" in e.cue)
    confirmed = next(e for e in analysis.events if e.cue == "kinnitas")
    assert (losses.time.basis, losses.time.latest) == ("timex", dt.date(2017, 10, 31))
    assert losses.time.earliest is not None  # "viimastel kuudel": the months before October
    assert (losses.modality, losses.reported_by) == ("reported", confirmed.id)
    assert losses.id in confirmed.reports
