"""Estonian event triggers on real parses: verbs, compound verbs, negation, modals, event nouns,
roles from case endings, embedding, and what the Estonian seed must yield."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeweave.temporal  # noqa: F401  (timeweave.lang loads through the temporal package)
from timeweave import nlp
from timeweave.events.base import Trigger
from timeweave.lang.et import verbs
from timeweave.lang.et.events import find_triggers
from timeweave.lang.et.tense import guess
from timeweave.loaders import load_document

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9f77b97cff9770ad.txt"


def _triggers(text: str) -> tuple[list[Trigger], list[str]]:
    doc = nlp.parse(text, "et")
    return find_triggers(doc), [t.text for t in doc]


def _words(trigger: Trigger, words: list[str]) -> str:
    return " ".join(words[i] for i in trigger.tokens)


def _by_words(text: str) -> dict[str, Trigger]:
    found, words = _triggers(text)
    return {_words(t, words): t for t in found}


def _role_words(trigger: Trigger, words: list[str]) -> set[tuple[str, str]]:
    return {(role, words[i]) for role, i in trigger.roles}


@pytest.mark.parametrize(
    ("word", "lemma", "form"),
    [
        ("hoiatas", "hoiatama", "past"),
        ("hukkus", "hukkuma", "past"),
        ("loetakse", "lugema", "pass_pres"),
        ("võtsid", "võtma", "past"),
        ("läinud", "minema", "nud"),
        ("öeldi", "ütlema", "pass_past"),
        ("oleks", "olema", "cond"),
        ("tegevat", "tegema", "quot"),
        ("kartes", "kartma", "ger"),
        ("organiseeritakse", "organiseerima", "pass_pres"),  # not listed: the -eeri- ending
        ("ongi", "olema", "pres"),  # clitic
    ],
)
def test_verb_forms_from_principal_parts(word: str, lemma: str, form: str) -> None:
    assert verbs.VerbReading(lemma, form) in verbs.analyse(word)  # type: ignore[arg-type]


def test_context_decides_bare_stems_and_participles() -> None:
    sentence = ["Ta", "ei", "tee", "seda", ",", "tee", "on", "suletud", ",", "suletud", "uks"]
    sentence += ["ja", "viis", "maja"]
    found = verbs.find_verbs(sentence)
    marked = [word for word, reading in zip(sentence, found, strict=True) if reading]
    # "tee" is a verb after "ei" only; "suletud" only with "on"; "viis" is the number
    assert marked == ["ei", "tee", "on", "suletud"]


def test_finite_verbs_tense_and_mood() -> None:
    found = _by_words(
        "Firma ehitas maja. Firma ehitaks maja. Firma ehitavat maja. Firma hakkab maja ehitama. "
        "Uksed olid suletud."
    )
    assert (found["ehitas"].tense, found["ehitas"].mood) == ("past", "indicative")
    assert found["ehitaks"].mood == "conditional"
    assert found["ehitavat"].mood == "quotative"
    assert found["ehitama"].tense == "future"  # "hakkab" + -ma
    assert found["olid suletud"].tense == "past"  # the auxiliary belongs to the event


def test_particle_verbs_are_one_trigger() -> None:
    found, words = _triggers(
        "Eile leppisid Moskva ja Ankara lõpuks kokku. Nad tahavad tagasi minna."
    )
    by = {_words(t, words): t for t in found}
    agreed = by["leppisid kokku"]
    assert agreed.lemma == "kokku leppima"
    assert agreed.category == "agreement_meeting"
    assert agreed.event_class == "I_ACTION"
    assert by["tagasi minna"].category == "movement"


def test_set_phrases_with_a_particle() -> None:
    found = _by_words(
        "Õnnetuses sai surma kaks inimest. Politsei viis läbi haarangu. Viis inimest jäi koju."
    )
    assert (found["sai surma"].lemma, found["sai surma"].category) == (
        "surma saama",
        "death_injury",
    )
    assert found["viis läbi"].lemma == "läbi viima"
    assert "Viis" not in found  # the number five


def test_negation_is_part_of_the_trigger() -> None:
    found = _by_words("Ta ei tulnud koju. Ma ei tea. Seda pole vaja. Ära tee seda!")
    assert found["ei tulnud"].negated
    assert found["ei tulnud"].tense == "past"
    assert found["ei tea"].negated
    assert found["ei tea"].event_class == "I_STATE"
    assert found["pole"].negated
    assert found["pole"].event_class == "STATE"
    assert found["Ära tee"].negated
    assert found["Ära tee"].mood == "imperative"


def test_modal_verbs_govern_their_infinitive() -> None:
    found, words = _triggers("Ta võib homme tulla. Seda tuleb teha kiiresti. Ta tuleb koju.")
    heads = [words[t.head] for t in found]
    assert heads == ["võib", "tulla", "tuleb", "teha", "tuleb"]
    assert found[0].event_class == "MODAL"
    assert found[1].embedded_by == 0
    assert found[2].event_class == "MODAL"  # "tuleb teha": must be done
    assert found[3].embedded_by == 2
    assert (found[4].event_class, found[4].category) == ("OCCURRENCE", "movement")  # comes home


def test_event_nouns_and_compounds() -> None:
    found = _by_words(
        "Rünnak toimus öösel. Läbirääkimised jätkuvad. Kodusõja lõpetamiseks sõlmiti leping."
    )
    assert found["Rünnak"].category == "conflict"
    assert found["Läbirääkimised"].category == "agreement_meeting"
    assert (found["Kodusõja"].lemma, found["Kodusõja"].category) == ("kodusõda", "conflict")
    assert found["lõpetamiseks"].event_class == "ASPECTUAL"
    assert found["leping"].category == "agreement_meeting"
    assert "öösel" not in found


def test_roles_from_case_endings_and_word_order() -> None:
    text = "Eile ründas Venemaa Ukrainat. Teisipäeval kohtus Vladimir Putin Ankaras Erdoğaniga."
    found, words = _triggers(text)
    by = {_words(t, words): t for t in found}
    assert _role_words(by["ründas"], words) == {("agent", "Venemaa"), ("patient", "Ukrainat")}
    assert _role_words(by["kohtus"], words) == {("agent", "Putin"), ("place", "Ankaras")}


def test_a_name_qualifying_a_noun_is_no_agent() -> None:
    found, words = _triggers("Eile märkis Vene president seda. Moskva ja Ankara leppisid kokku.")
    by = {_words(t, words): t for t in found}
    assert by["märkis"].roles == ()  # "Vene president": the president spoke, not Russia
    assert _role_words(by["leppisid kokku"], words) == {("agent", "Moskva"), ("agent", "Ankara")}


def test_reported_content_is_embedded() -> None:
    text = (
        "Vladimir Putin ütles, et Venemaa ründas Ukrainat. "
        "Ministri sõnul on kõnelused lõppenud. "
        '"Me alustame rünnakut," kinnitas kindral Ivan Petrov.'
    )
    found, words = _triggers(text)
    index = {words[t.head]: n for n, t in enumerate(found)}
    assert found[index["ründas"]].embedded_by == index["ütles"]
    assert found[index["lõppenud"]].embedded_by == index["sõnul"]
    assert found[index["alustame"]].embedded_by == index["kinnitas"]
    assert found[index["rünnakut"]].embedded_by in (index["alustame"], index["kinnitas"])
    assert found[index["ütles"]].embedded_by is None


def test_seed_happenings_and_reports() -> None:
    document = load_document(str(SEED), "d1")
    found, words = _triggers(document.text)
    by: dict[str, list[Trigger]] = {}
    for trigger in found:
        by.setdefault(_words(trigger, words), []).append(trigger)
    deaths = by["Hukkunute"][0]
    assert (deaths.category, deaths.tense) == ("death_injury", "past")
    assert words[found[deaths.embedded_by].head] == "lisati"  # "..., lisati avalduses"
    losses = by["on kandnud kaotusi"][0]
    assert (losses.category, losses.tense) == ("conflict", "past")
    assert {w for _, w in _role_words(losses, words)} >= {"Islamiriik", "Rinne"}
    assert by["lahkusid"][0].category == "movement"
    assert by["tagasi minema"][0].category == "movement"
    agreed = by["leppisid kokku"][0]
    assert agreed.category == "agreement_meeting"
    deepening = by["süvendamises"][0]  # what was agreed on
    assert deepening.embedded_by is not None
    assert found[deepening.embedded_by] == agreed
    talks = by["läbirääkimisi"][0]
    assert talks.category == "agreement_meeting"
    assert ("place", "Ankaras") in _role_words(talks, words)
    reporting = [
        _words(t, words) for t in found if t.event_class == "REPORTING" and t.tense != "none"
    ]
    for cue in ("lisati", "kinnitas", "hoiatas", "lisas", "teatas", "märkis", "rõhutas"):
        assert cue in reporting
    assert reporting.count("ütles") == 2
    assert by["sõnul"][0].event_class == "REPORTING"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ta kinkis maali neljapäeval.", -1),  # a listed verb's past in -s, not clause-initial
        ("Minister külastab linna neljapäeval.", 1),
        ("Linna hoiatati neljapäeval.", -1),
    ],
)
def test_verb_lexicon_gives_the_tense_of_a_time_expression(text: str, expected: int) -> None:
    start = text.index("neljapäeval")
    assert guess(text, start, start + len("neljapäeval")) == expected
