"""The trigger gate must find exactly what a full scan of every rule finds, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeweave.lang.en import patterns
from timeweave.temporal.scan import DIGITS, Gate, word_trie

_TOKENS = [
    "the", "last", "next", "past", "two", "twenty-five", "a", "few", "more than", "about", "ago",
    "earlier", "later", "from now", "of", "in", "on", "at", "this", "coming", "early", "late",
    "fiscal", "year", "years", "year-ago", "quarter", "third", "month", "months", "week", "day",
    "days", "decade", "century", "20th", "Monday", "Fridays", "morning", "night", "tonight",
    "yesterday", "Oct.", "October", "May", "Sept", "1989", "1990s", "'80s", "10/22/89",
    "2019-10-22", "3", "22", "5:30", "p.m.", "EST", "noon", "now", "recently", "currently",
    "every", "daily", "a week", "per", "Christmas", "winter", "nineteen", "ninety-four", "Q3",
    "$", "%", "-", ",", ".", "İ", "ß", "\n",
]


def _full_scan(text: str) -> list[tuple[int, int, int]]:
    return sorted((index, *match.span()) for index, rule in enumerate(patterns.RULES)
                  for match in rule.pattern.finditer(text))


def _gated(text: str) -> list[tuple[int, int, int]]:
    return sorted((index, *match.span())
                  for index, match in patterns._GATE.matches(patterns._PATTERNS, text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40),
       st.lists(st.sampled_from([" ", "  ", "", ", "]), min_size=40, max_size=40))
def test_gate_finds_what_a_full_scan_finds(tokens: list[str], gaps: list[str]) -> None:
    text = "".join(token + gap for token, gap in zip(tokens, gaps, strict=False))
    assert _gated(text) == _full_scan(text)


def test_gate_on_a_news_paragraph() -> None:
    text = ("Net income fell to $1.2 million in the third quarter ended Sept. 30, 1989, from "
            "$2.1 million a year earlier. The company said on Monday, Oct. 23, that it expects "
            "a loss for the next two to three quarters and will report at 5 p.m. EST tomorrow. "
            "In the 1990s, every week, recently, the past several months: now.")
    assert _gated(text) == _full_scan(text)
    assert _gated(text)  # the paragraph is full of time expressions


def test_word_trie_matches_exactly_the_words() -> None:
    words = ["may", "march", "mar", "monday", "mon", "week", "weekend"]
    trie = re.compile(rf"(?:{word_trie(words)})\Z")
    assert all(trie.match(word) for word in words)
    assert not any(trie.match(word) for word in ["ma", "marc", "weeken", "mondays", "we"])


def test_offsets_survive_letters_whose_lower_case_is_longer() -> None:
    gate = Gate.build([["week"], [DIGITS]], [(0, 0), (0, 0)])
    text = "İİ week 42"
    spans = gate.hits(text)
    assert [text[start:end] for start, end in spans[0]] == ["week"]
    assert [text[start:end] for start, end in spans[1]] == ["42"]
