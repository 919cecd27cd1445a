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


def _values(text: str, dct: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in temporal.tag(text, "en", DocumentDate.parse(dct, "user"))]


def test_year_ago_compares_with_the_quarter_the_story_reports() -> None:
    text = ("Net income in the third quarter rose to $5 million from $4 million a year ago. "
            "A year earlier, sales were flat.")
    assert _values(text, "1989-10-26") == [("the third quarter", "1989-Q3"),
                                           ("a year ago", "1988-Q3"), ("A year earlier", "1988-Q3")]


def test_year_ago_without_a_quarter_counts_from_the_dct() -> None:
    assert _values("He left a year ago.", "1989-10-26") == [("a year ago", "1988")]


def test_anaphoric_days_count_from_the_last_date_mentioned() -> None:
    text = "He arrived on March 3, 1997. The next day he met the press; a week later he left."
    assert _values(text, "1998-02-24") == [("March 3, 1997", "1997-03-03"),
                                           ("The next day", "1997-03-04"),
                                           ("a week later", "1997-W11")]
    assert _values("The next day he left.", "1998-02-24") == [("The next day", "1998-02-25")]


def test_expected_quarter_report_is_the_quarter_just_ended() -> None:
    assert _values("It expects to report a third-quarter loss.", "1989-10-26") == [
        ("third-quarter", "1989-Q3")]


def test_time_of_day_alone_is_on_the_day_the_story_last_named() -> None:
    text = "The blast on Friday, Aug. 7, came at 10:35 a.m. and shook the city."
    assert _values(text, "1998-08-10") == [("Friday, Aug. 7", "1998-08-07"),
                                           ("10:35 a.m.", "1998-08-07T10:35")]
    assert _values("It ends at 10:35 a.m.", "1998-08-10") == [("10:35 a.m.", "1998-08-10T10:35")]
