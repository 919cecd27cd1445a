"""The Estonian rules never raise, whatever the text, and every span points at its text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeweave.model import NO_DATE, DocumentDate
from timeweave.temporal import tag
from timeweave.temporal.lang import et
from timeweave.temporal.lang.et import patterns

# Pieces that reach deep into the grammar: numbers, dots, dashes, clock words, inflected
# time words, modifiers and postpositions, glued together in any order.
_PIECES = [
    " ", ".", ",", "-", "–", ":", "/", "(", "«", "\n", "0", "1", "12", "24", "31", "1999",
    "2017", "20.", "99999", "2,5", "III", "XXI", "kell", "kella", "kl", "poole", "kuus",
    "kaks", "kahe", "kolmekümne", "paar", "mitu", "pool", "poolteist", "päeva", "aastat",
    "aasta", "aastal", "aastatel", "nädalal", "kuud", "tundi", "tagasi", "pärast", "hiljem",
    "varem", "jooksul", "eest", "eelmise", "eelmisel", "järgmisel", "samal", "sel", "see",
    "mullu", "mullusuvel", "tänavu", "täna", "eile", "homme", "on", "nagu", "õhtul", "öösel",
    "hommikuni", "hilissügisel", "neljapäeval", "esmaspäevadel", "reedeti", "oktoobris",
    "okt", "mai", "märtsini", "jaanuaris-aprillis", "iga", "igal", "kord", "korda", "aastas",
    "krooni", "umbes", "üle", "alates", "lõpus", "alguses", "paiku", "viimastel", "lähi",
    "lähiaastatel", "1990ndatel", "90-ndatel", "sajandil", "kvartalis", "aastane", "-gi",
    "Mai", "August", "İ", "ẞ", "ǅ", "١٢",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=50).map("".join)
_DCTS = st.sampled_from([NO_DATE, DocumentDate.parse("2017-10", "t"),
                         DocumentDate.parse("2017-10-19", "t"), DocumentDate.parse("1000", "t")])


def _check(text: str) -> None:
    previous_end = 0
    for mention in et.LANGUAGE.find(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end].strip() == text[mention.start:mention.end]
        previous_end = mention.end


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, dct=_DCTS)
def test_time_word_soup_never_crashes(text: str, dct: DocumentDate) -> None:
    _check(text)
    for timex in tag(text, "et", dct):
        assert text[timex.start:timex.end] == timex.text


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=80))
def test_random_unicode_never_crashes(text: str) -> None:
    _check(text)
    tag(text, "et", NO_DATE)


def test_edge_inputs() -> None:
    for text in ("", "-", " - ", "kell", "kella", "1" * 5000, "1" * 5000 + ". aastal",
                 "kell " + "9" * 5000, "9" * 5000 + "-aastane", "2017. aasta " * 5000,
                 "22.10." * 2000, "X" * 3000):
        _check(text)
        tag(text, "et", DocumentDate.parse("2017-10-19", "t"))


# Words that wake no rule, so a soup of them and time words breaks into separate windows.
_FILLER = ["ja", "maja", "ütles", "Tallinnas", "lumi", "ning", "väga", "suurt", "tööd"]
_SPACED = st.lists(st.sampled_from(_PIECES + _FILLER * 6), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_TEXT, _SPACED))
def test_windows_find_what_the_whole_text_finds(text: str) -> None:
    """Tokenizing only around trigger words changes nothing: same mentions as a full pass."""
    tokens = patterns.tokenize(text)
    whole = [(tokens[item.start].start, tokens[item.end - 1].end, item.type, item.spec, item.mod)
             for item in patterns.find_tokens(tokens)]
    windowed = [(m.start, m.end, m.type, m.spec, m.mod) for m in patterns.find(text)]
    assert windowed == whole


_EVERY_RULE = tuple(rule for rule, _ in patterns.RULES)
# Numbers and what can follow one, dense enough that every rule starting at a number is hit.
_AFTER_NUMBERS = ["22", "3", "1990", "2017", "2,5", "kolme", "kaks", "paar", ".", "-", ":", "/",
                  ",", "oktoobril", "okt", "aastal", "aasta", "aastat", "päeva", "tundi", "aja",
                  "tagasi", "pärast", "jooksul", "viimase", "esimese", "korda", "nädalas",
                  "ndatel", "aastane", "sajandil", "kvartalis", "kell", "õhtul"]
_NUMBER_SOUP = st.lists(st.tuples(st.sampled_from(_AFTER_NUMBERS), st.sampled_from([" ", ""])),
                        max_size=30).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(_TEXT, _SPACED, _NUMBER_SOUP))
def test_rule_dispatch_finds_what_every_rule_everywhere_finds(text: str) -> None:
    """Trying only the rules a token's class and the next token allow changes nothing."""
    tokens = patterns.tokenize(text)
    dispatched = patterns.find_tokens(tokens)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(patterns, "_rules_at", lambda _text: (_EVERY_RULE, False))
        assert patterns.find_tokens(tokens) == dispatched
