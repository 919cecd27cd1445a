"""The Estonian rules never raise, whatever the text, and every span points at its text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeweave.lang import et
from timeweave.lang.et import patterns
from timeweave.model import NO_DATE, DocumentDate
from timeweave.temporal import tag

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


# Numbers, and tokens that can follow one: every way one of each reads on.
_NUMBERS = ["22", "3", "1990", "2017", "2,5", "kolme", "kaks", "paar"]
_AFTER = [".", "-", ":", "/", ",", "oktoobril", "okt", "aastal", "aasta", "aastat", "päeva",
          "tundi", "aja", "tagasi", "pärast", "jooksul", "viimase", "esimese", "korda",
          "nädalas", "ndatel", "aastane", "sajandil", "kvartalis", "kell", "õhtul", "05"]


def _without_look_ahead(tokens: list[patterns.Token]) -> list[patterns.Found]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(patterns, "_after_number", lambda rules, _following: rules)
        return patterns.find_tokens(tokens)


@settings(max_examples=300, deadline=None)
@given(text=_SPACED)
def test_looking_past_a_number_changes_nothing_in_text(text: str) -> None:
    """Trying at a number only the rules the next token allows finds the same."""
    tokens = patterns.tokenize(text)
    assert patterns.find_tokens(tokens) == _without_look_ahead(tokens)


def test_looking_past_a_number_changes_nothing_after_any_number() -> None:
    """Every number, then any two following tokens, glued or spaced: the same matches."""
    texts = [f"{number}{gap}{first}{gap2}{second} x" for number in _NUMBERS for first in _AFTER
             for second in _AFTER for gap in ("", " ") for gap2 in ("", " ")]
    token_lists = [patterns.tokenize(text) for text in texts]
    with_look_ahead = [patterns.find_tokens(tokens) for tokens in token_lists]
    differing = [text for text, tokens, found in zip(texts, token_lists, with_look_ahead,
                                                     strict=True)
                 if found != _without_look_ahead(tokens)]
    assert differing == []
