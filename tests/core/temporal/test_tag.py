"""tag(): the entry point the pipeline calls - ids, spans, registry, fallback, robustness."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeweave import temporal
from timeweave.model import NO_DATE, DocumentDate

SEED_SENTENCE = "The talks were held on 22 October in Sochi."


def test_seed_22_october_without_dct_has_no_year() -> None:
    [timex] = temporal.tag(SEED_SENTENCE, "en", NO_DATE)
    assert (timex.text, timex.value, timex.earliest, timex.latest) == (
        "22 October", "XXXX-10-22", None, None)


def test_seed_22_october_with_dct() -> None:
    [timex] = temporal.tag(SEED_SENTENCE, "en", DocumentDate.parse("2019-11-20", "user"))
    assert timex.value == "2019-10-22"
    assert timex.earliest == timex.latest == dt.date(2019, 10, 22)


def test_ids_in_text_order_and_spans_point_at_text() -> None:
    text = "Yesterday he said that next week, not on 3 March 2020, is when it ends."
    timexes = temporal.tag(text, "en", DocumentDate.parse("2020-02-10", "user"))
    assert [t.id for t in timexes] == ["t1", "t2", "t3"]
    assert [t.text for t in timexes] == ["Yesterday", "next week", "3 March 2020"]
    assert all(text[t.start : t.end] == t.text for t in timexes)


def test_language_codes_are_normalised() -> None:
    assert temporal.language_for("EN-gb") is temporal.LANGUAGES["en"]
    assert temporal.language_for("et") is temporal.LANGUAGES["et"]
    assert temporal.language_for(None) is None


def test_no_language_finds_nothing_rather_than_guessing() -> None:
    assert temporal.tag("We met on 22 October.", None, NO_DATE) == []


def test_fallback_german_with_dct() -> None:
    text = "Das Treffen fand am 22. Oktober 2019 in Berlin statt."
    [timex] = temporal.tag(text, "de", NO_DATE)
    assert text[timex.start : timex.end] == timex.text
    assert "22. Oktober 2019" in timex.text
    assert timex.value == "2019-10-22"


def test_fallback_relative_phrase_without_dct_stays_unknown() -> None:
    timexes = temporal.tag("Er kam gestern nach Hause.", "de", NO_DATE)
    assert all(t.earliest is None and "X" in t.value for t in timexes)


def test_fallback_relative_phrase_with_dct() -> None:
    timexes = temporal.tag("Er kam gestern nach Hause.", "de",
                           DocumentDate.parse("2019-11-20", "user"))
    assert [(t.text, t.value) for t in timexes] == [("gestern", "2019-11-19")]


def test_fallback_unknown_language_does_not_crash() -> None:
    assert temporal.tag("22 October 2019", "xx", NO_DATE) == []
    assert temporal.tag("", "de", NO_DATE) == []


_PIECES = list("aeimnorstuy0123456789 .,-/:'\n") + [
    "May ", "October ", "Friday ", "last ", "two ", "days ", "ago ", "eelmisel ",
    "neljapäeval ", "1998 ", "p.m. ", "the ", "week ", "99999 ", "2882015 ", "kell ", "mid-"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_DCTS = st.sampled_from([NO_DATE, DocumentDate.parse("2017-10", "t"),
                         DocumentDate.parse("2019-11-20", "t"), DocumentDate.parse("1000", "t")])


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, language=st.sampled_from(["en", "et"]), dct=_DCTS)
def test_random_text_never_crashes_and_spans_match(text: str, language: str,
                                                   dct: DocumentDate) -> None:
    timexes = temporal.tag(text, language, dct)
    for index, timex in enumerate(timexes, start=1):
        assert timex.id == f"t{index}"
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)


@settings(max_examples=25, deadline=None)
@given(text=st.text(max_size=60))
def test_random_unicode_through_the_fallback(text: str) -> None:
    for timex in temporal.tag(text, "fr", DocumentDate.parse("2019-11-20", "t")):
        assert text[timex.start : timex.end] == timex.text
