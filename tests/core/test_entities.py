"""Entities: Estonian inflection, curated corrections, keys across languages, overrides."""

from __future__ import annotations

import pytest

from timeweave import entities, nlp
from timeweave.entities import EntityOverrides, gazetteer, names
from timeweave.model import Document, Entity
from timeweave.nlp.estonian import name_lemma


def _find(text: str, language: str) -> list[Entity]:
    document = Document("d1", "x.txt", text, language=language)
    return entities.find(nlp.parse(text, language), document)


def _keys(text: str, language: str) -> dict[str, str]:
    return {e.text: e.key for e in _find(text, language)}


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Süürias", "Süüria"),
        ("Süüriat", "Süüria"),
        ("Süüria", "Süüria"),
        ("Iraagis", "Iraak"),
        ("Venemaalt", "Venemaa"),
        ("Moskvasse", "Moskva"),
        ("IS-ist", "IS"),
        ("Erdoğaniga", "Erdoğan"),
        ("Kallas", "Kallas"),
    ],
)
def test_estonian_name_lemmas(word: str, lemma: str) -> None:
    assert name_lemma(word)[0] == lemma


def test_genitive_of_a_person_resolves_through_the_full_name() -> None:
    found = _find("Juhataja Ilja Rogatšjov rääkis. Rogatšjovi sõnul on olukord halb.", "et")
    people = [e for e in found if e.label == "PERSON"]
    assert [e.text for e in people] == ["Ilja Rogatšjov", "Rogatšjovi"]
    assert {e.key for e in people} == {"Ilya Rogachyov"}


def test_estonian_keys_match_english_keys() -> None:
    et = _keys("Venemaa ja Türgi arutasid Süürias olukorda. Islamiriik ründas Moskvas.", "et")
    en = _keys("Russia and Turkey discussed Syria. The Islamic State attacked Moscow.", "en")
    assert et == {
        "Venemaa": "Russia",
        "Türgi": "Turkey",
        "Süürias": "Syria",
        "Islamiriik": "Islamic State",
        "Moskvas": "Moscow",
    }
    assert set(en.values()) >= {"Russia", "Turkey", "Syria", "Islamic State", "Moscow"}


def test_sentence_initial_common_word_is_not_a_name() -> None:
    found = _find('"Terrorirühmitused Islamiriik ja Al-Nusra Rinne kaotasid," ütles ta.', "et")
    assert [(e.text, e.key) for e in found] == [
        ("Islamiriik", "Islamic State"),
        ("Al-Nusra Rinne", "Al-Nusra Front"),
    ]


def test_curated_layer_fixes_the_english_model() -> None:
    found = {
        e.text: e
        for e in _find(
            "Seromolotov told Sputnik that ISIS, also called Daesh, is weak. "
            "The Pentagon said the Islamic State regrouped.",
            "en",
        )
    }
    assert found["Sputnik"].label == "ORG"
    assert found["Islamic State"].key == found["ISIS"].key == found["Daesh"].key == "Islamic State"
    assert found["Pentagon"].label == "ORG"


def test_bare_surname_takes_the_full_name_key() -> None:
    found = _find("Deputy Minister Oleg Seromolotov spoke on Monday. Later Seromolotov left.", "en")
    assert [e.key for e in found if e.label == "PERSON"] == ["Oleg Seromolotov"] * 2


def test_ministries_are_keyed_with_their_country() -> None:
    assert gazetteer.ministry_key("Vene välisministeeriumi") == "Foreign Ministry (Russia)"
    assert gazetteer.ministry_key("Russian Foreign Ministry") == "Foreign Ministry (Russia)"
    assert gazetteer.ministry_key("välisministeerium") == "Foreign Ministry"
    assert gazetteer.ministry_key("Rahvusraamatukogu") is None


def test_cldr_and_curated_aliases() -> None:
    for name in ("Türgi", "Turkey", "Türkiye", "Turkish"):
        assert gazetteer.lookup(name).key == "Turkey"  # type: ignore[union-attr]
    assert gazetteer.lookup("Russian Federation").key == "Russia"  # type: ignore[union-attr]
    assert gazetteer.lookup("is") is None  # acronyms only in capitals


def test_transliteration_matches_people_across_languages() -> None:
    assert names.person_key("Konašenkov") == "Konashenkov"
    assert names.similarity(names.person_key("Ilja Rogatšjov"), "Ilya Rogachev") >= 0.85
    assert names.similarity("Sergei Ivanov", "Viktor Ivanov") <= 0.5
    assert names.similarity("Vladimir Putin", "Oleg Seromolotov") < 0.5


def test_overrides_merge_split_and_round_trip() -> None:
    ents = [Entity("e1", 0, 3, "NE", "GPE", "NE"), Entity("e2", 5, 10, "Syria", "GPE", "Syria")]
    overrides = EntityOverrides()
    overrides.merge(["NE"], into="Syria")
    overrides.split("d1", "e2", "Syria (the regime)")
    restored = EntityOverrides.from_json(overrides.to_json())
    assert [e.key for e in restored.apply(ents, "d1")] == ["Syria", "Syria (the regime)"]
    assert [e.key for e in restored.apply(ents, "d2")] == ["Syria", "Syria"]
    with pytest.raises(ValueError, match="merges"):
        EntityOverrides.from_json({"merges": ["x"]})


def test_other_languages_and_empty_text_do_not_crash() -> None:
    assert _find("", "et") == []
    assert _find("", "en") == []
    assert [e.key for e in _find("Le président a parlé de la Syria.", "fr")] == ["Syria"]
    assert nlp.parse("Tere", None) is nlp.parse("Tere", "xx")
