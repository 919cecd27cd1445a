"""Reporting events in English and Estonian: cues, speakers, quotes, place and time."""

from __future__ import annotations

import datetime as dt

from timeweave import entities, events, nlp
from timeweave.model import Document, DocumentDate, Event, Timex


def _analyse(
    text: str, language: str, timexes: list[Timex] | None = None, date: str | None = None
) -> tuple[list[Event], dict[str, str]]:
    document = Document(
        "d1",
        "x.txt",
        text,
        language=language,
        date=DocumentDate.parse(date, "user") if date else DocumentDate(),
    )
    parsed = nlp.parse(text, language)
    found = entities.find(parsed, document)
    keys = {e.id: e.key for e in found}
    return events.find(parsed, document, timexes or [], found), keys


def _timex(text: str, phrase: str, day: dt.date) -> Timex:
    start = text.index(phrase)
    return Timex("t1", start, start + len(phrase), phrase, "DATE", day.isoformat(), day, day)


def _statements(found: list[Event]) -> list[Event]:
    return [e for e in found if e.event_class == "REPORTING"]


def _speakers(found: list[Event], keys: dict[str, str]) -> list[tuple[str, str | None]]:
    return [(e.cue, keys[e.actors[0]] if e.actors else None) for e in _statements(found)]


def test_english_quote_with_speaker_after_and_he_said() -> None:
    text = (
        "The Deputy Foreign Minister of Russia, Oleg Seromolotov, said that militants fled.\n\n"
        '"This is of great concern," Seromolotov told Sputnik.\n\n'
        '"We must prevent it," he said.\n\n'
        "The weather was cold."
    )
    found, keys = _analyse(text, "en")
    assert _speakers(found, keys) == [
        ("said", "Oleg Seromolotov"),
        ("told", "Oleg Seromolotov"),
        ("said", "Oleg Seromolotov"),
    ]
    said, quote, _ = _statements(found)
    assert text[quote.content[0] : quote.content[1]] == "This is of great concern,"
    assert [keys[a] for a in quote.actors] == ["Oleg Seromolotov", "Sputnik"]
    assert text[said.content[0] : said.content[1]] == "that militants fled"


def test_role_noun_resolves_to_the_person_introduced_with_it() -> None:
    text = (
        "Russia's Deputy Foreign Minister Oleg Seromolotov warned of attacks.\n\n"
        "Later the deputy minister announced a dialogue with Washington."
    )
    found, keys = _analyse(text, "en")
    assert _speakers(found, keys) == [
        ("warned", "Oleg Seromolotov"),
        ("announced", "Oleg Seromolotov"),
    ]


def test_estonian_cues_speakers_and_inflected_names() -> None:
    text = (
        '"Rühmitused on kandnud kaotusi," kinnitas kindralmajor Igor Konašenkov.\n\n'
        "Juhataja Ilja Rogatšjov hoiatas neljapäeval, et IS levib. "
        "Rogatšjovi sõnul on IS ohtlik. Rogatšjov lisas, et võitlejad lähevad tagasi.\n\n"
        "Moskva ja Ankara leppisid kokku koostöös.\n\n"
        "Venemaa president Vladimir Putin kohtus kolleegiga. "
        '"See on tähtis," ütles Putin Ankaras. Vene president märkis ka, et sõda lõpeb.'
    )
    thursday = _timex(text, "neljapäeval", dt.date(2017, 9, 28))
    found, keys = _analyse(text, "et", [thursday], date="2017-10")
    assert _speakers(found, keys) == [
        ("kinnitas", "Igor Konashenkov"),
        ("hoiatas", "Ilya Rogachyov"),
        ("sõnul", "Ilya Rogachyov"),
        ("lisas", "Ilya Rogachyov"),
        ("leppisid kokku", "Moscow"),
        ("ütles", "Vladimir Putin"),
        ("märkis", "Vladimir Putin"),
    ]
    statements = _statements(found)
    assert [keys[a] for a in statements[4].actors] == ["Moscow", "Ankara"]
    assert keys[statements[5].place] == "Ankara"  # type: ignore[index]
    # Time: the timex, inherited by the same speaker, else the document date.
    assert [e.time.basis for e in statements] == [
        "document_date",
        "timex",
        "timex",
        "timex",
        "document_date",
        "document_date",
        "document_date",
    ]
    assert statements[3].time.timex == "t1"
    assert statements[3].time.earliest == dt.date(2017, 9, 28)
    assert statements[0].time.earliest == dt.date(2017, 10, 1)


def test_quote_over_two_sentences_is_one_event_and_timex_inside_quote_is_ignored() -> None:
    text = '"Eile oli raske. Täna on parem," rõhutas Putin.'
    yesterday = _timex(text, "Eile", dt.date(2017, 10, 4))
    found, _ = _analyse(text, "et", [yesterday])
    (statement,) = _statements(found)
    assert (statement.start, statement.end) == (0, len(text))
    assert statement.time.basis == "unknown"


def test_headline_and_other_news_are_not_events() -> None:
    text = (
        "Russian Foreign Ministry: Turkish attack enabled ISIS to return\n\n"
        "Oleg Seromolotov said the attack was illegal.\n\nOther news"
    )
    found, keys = _analyse(text, "en")
    assert _speakers(found, keys) == [("said", "Oleg Seromolotov")]


def test_reanchoring_reuses_the_parse() -> None:
    text = "Oleg Seromolotov said on Monday that talks went well."
    first = nlp.parse(text, "en")
    assert nlp.parse(text, "en") is first
    monday = _timex(text, "Monday", dt.date(2019, 10, 21))
    found, _ = _analyse(text, "en", [monday])
    assert _statements(found)[0].time.value == "2019-10-21"


def test_time_is_inherited_by_a_later_mention_of_the_same_speaker() -> None:
    text = (
        "Venemaa president Vladimir Putin teatas sel nädalal, et koostöö jätkub.\n\n"
        "Moskva ja Ankara leppisid kokku.\n\n"
        '"Leppisime kokku," ütles Putin.'
    )
    week = _timex(text, "sel nädalal", dt.date(2017, 9, 25))
    found, _ = _analyse(text, "et", [week], date="2017-10")
    assert [e.time.basis for e in _statements(found)] == ["timex", "document_date", "timex"]
