"""English rules, one table per family of expressions (DCT Thursday 2019-11-21 unless said)."""

from __future__ import annotations

import pytest

from timeweave import temporal
from timeweave.model import DocumentDate

DCT = DocumentDate.parse("2019-11-21", "test")


def _tag(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in temporal.tag(text, "en", DCT)]


@pytest.mark.parametrize(("text", "expected"), [
    ("It opened on 22 October 2019.", ("22 October 2019", "DATE", "2019-10-22")),
    ("It opened on October 22, 2019.", ("October 22, 2019", "DATE", "2019-10-22")),
    ("It opened Oct. 22.", ("Oct. 22", "DATE", "2019-10-22")),
    ("Filed 2019-10-22 by the clerk.", ("2019-10-22", "DATE", "2019-10-22")),
    ("Filed 10/22/2019 by the clerk.", ("10/22/2019", "DATE", "2019-10-22")),
    ("It was founded in 1998.", ("1998", "DATE", "1998")),
    ("Prices rose in the 1990s.", ("the 1990s", "DATE", "199")),
    ("Prices rose in the mid-1990s.", ("the mid-1990s", "DATE", "199")),
    ("It happened in March 2017.", ("March 2017", "DATE", "2017-03")),
    ("It was built in the 19th century.", ("the 19th century", "DATE", "18")),
    ("It was nineteen ninety-six.", ("nineteen ninety-six", "DATE", "1996")),
    ("He left in June last year.", ("June last year", "DATE", "2018-06")),
    ("The vote is this February.", ("this February", "DATE", "2019-02")),
    ("He was shot last Nov. 30 at home.", ("last Nov. 30", "DATE", "2018-11-30")),
    ("January nineteen ninety-seven. Atlanta again.",
     ("January nineteen ninety-seven", "DATE", "1997-01")),
    ("Prices fell in the winter of nineteen ninety-four.",
     ("the winter of nineteen ninety-four", "DATE", "1994-WI")),
    ("By the year two thousand and one, it was over.",
     ("the year two thousand and one", "DATE", "2001")),
    ("Milton Roy disclosed in May that it was approached.", ("May", "DATE", "2019-05")),
    ("It sold itself under a June agreement.", ("June", "DATE", "2019-06")),
    ("The Times said in an editorial on Saturday, Nov. 16: Enough.",
     ("Saturday, Nov. 16", "DATE", "2019-11-16")),
])
def test_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert _tag(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("They met on Thursday.", ("Thursday", "DATE", "2019-11-21")),
    ("They met last Friday.", ("last Friday", "DATE", "2019-11-15")),
    ("They will meet on Monday.", ("Monday", "DATE", "2019-11-25")),
    ("Talks continue this week.", ("this week", "DATE", "2019-W47")),
    ("Sales fell last year.", ("last year", "DATE", "2018")),
    ("He left two days ago.", ("two days ago", "DATE", "2019-11-19")),
    ("Then, a week or so ago, he left.", ("a week or so ago", "DATE", "2019-W46")),
    ("INS has given them until 9 a.m. Tuesday.", ("9 a.m. Tuesday", "TIME", "2019-11-26T09:00")),
    ("Officials postponed until Tuesday any action.", ("Tuesday", "DATE", "2019-11-26")),
    ("Profit was lower a year earlier.", ("a year earlier", "DATE", "2018")),
    ("It is due the next month.", ("the next month", "DATE", "2019-12")),
    ("He arrived yesterday.", ("yesterday", "DATE", "2019-11-20")),
    ("He leaves tomorrow morning.", ("tomorrow morning", "TIME", "2019-11-22TMO")),
    ("It closed last night.", ("last night", "TIME", "2019-11-20TNI")),
    ("Sales rose in the third quarter.", ("the third quarter", "DATE", "2019-Q3")),
    ("It posted a third-quarter loss.", ("third-quarter", "DATE", "2019-Q3")),
    ("Revenue for fiscal 1998 rose.", ("fiscal 1998", "DATE", "1998")),
    ("It snowed last winter.", ("last winter", "DATE", "2019-WI")),  # Dec 2018 - Feb 2019
    ("Early next year, it opens.", ("Early next year", "DATE", "2020")),
    ("For the year, volume was flat.", ("the year", "DATE", "2019")),
    ("Sales for the full year rose.", ("the full year", "DATE", "2019")),
])
def test_relative(text: str, expected: tuple[str, str, str]) -> None:
    assert _tag(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Prices rose in recent months.", ("recent months", "DURATION", "PXM")),
    ("He has recently resigned.", ("recently", "DATE", "PAST_REF")),
    ("It is now over.", ("now", "DATE", "PRESENT_REF")),
    ("It is currently closed.", ("currently", "DATE", "PRESENT_REF")),
    ("Things were different in the past.", ("the past", "DATE", "PAST_REF")),
    ("It will change in the future.", ("the future", "DATE", "FUTURE_REF")),
])
def test_vague(text: str, expected: tuple[str, str, str]) -> None:
    assert _tag(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("He spoke at 3 p.m.", ("3 p.m.", "TIME", "2019-11-21T15:00")),
    ("They met at noon.", ("noon", "TIME", "2019-11-21T12:00")),
    ("It ends at 10 p.m. Wednesday.", ("10 p.m. Wednesday", "TIME", "2019-11-20T22:00")),
    ("It starts at 5 p.m. EST Nov. 9.", ("5 p.m. EST Nov. 9", "TIME", "2019-11-09T17:00")),
    ("It was quiet in the morning.", ("the morning", "TIME", "2019-11-21TMO")),
])
def test_times(text: str, expected: tuple[str, str, str]) -> None:
    assert _tag(text) == [expected]


@pytest.mark.parametrize(("text", "expected", "mod"), [
    ("It lasted three years.", ("three years", "DURATION", "P3Y"), None),
    ("Markets fell over the past 24 hours.", ("the past 24 hours", "DURATION", "PT24H"), None),
    ("They stayed for several weeks.", ("several weeks", "DURATION", "PXW"), None),
    ("It took nearly forty years.", ("nearly forty years", "DURATION", "P40Y"), "APPROX"),
    ("a two-year contract", ("two-year", "DURATION", "P2Y"), None),
    ("It took 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M"), None),
    ("It took 1.5 hours.", ("1.5 hours", "DURATION", "PT1H30M"), None),
    ("Shipments resume within two to three weeks.", ("two to three weeks", "DURATION", "P2W"),
     None),
    ("Deals made during the next 12 to 18 months.", ("the next 12 to 18 months", "DURATION",
                                                    "P12M"), None),
])
def test_durations(text: str, expected: tuple[str, str, str], mod: str | None) -> None:
    [timex] = temporal.tag(text, "en", DCT)
    assert (timex.text, timex.type, timex.value) == expected
    assert timex.mod == mod


@pytest.mark.parametrize(("text", "expected"), [
    ("They meet every week.", ("every week", "SET", "P1W")),
    ("It is paid annually.", ("annually", "SET", "P1Y")),
    ("They meet every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("The shop closes on Mondays.", ("Mondays", "SET", "XXXX-WXX-1")),
])
def test_sets(text: str, expected: tuple[str, str, str]) -> None:
    assert _tag(text) == [expected]


def test_previous_weekday_counts_from_the_story() -> None:
    text = "Shares closed at 90 on Friday, down 4% from the previous Friday."
    assert _tag(text) == [("Friday", "DATE", "2019-11-15"),
                          ("the previous Friday", "DATE", "2019-11-08")]


def test_year_ended_is_a_length() -> None:
    assert _tag("Net rose in the year ended June 30.") == [
        ("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2019-06-30")]


def test_range_gives_two_mentions() -> None:
    assert [t[2] for t in _tag("He ruled from 1990 to 1995.")] == ["1990", "1995"]


@pytest.mark.parametrize("text", [
    "We went home.", "It may rain.", "They march on.", "In 99999 cases.", "Code 2882015 failed.",
    "He paid $1998 for it.", "It grew 1995%.", "Located at 59.4370, 24.7536.", "Room 12 of 40.",
    "We sat down.", "Prices fall as springs break.", "He is 55 years old.",
    "A quarterly dividend was paid.", "The Sun reported it.",
    "She was named player of the year.", "Nothing changed in the year that followed.",
    "It was a scene from High Noon.",
])
def test_not_dates(text: str) -> None:
    assert _tag(text) == []


def test_tense_guess() -> None:
    language = temporal.LANGUAGES["en"]
    text = "He said it was over. She will arrive on Friday. It is open."
    assert language.tense(text, 0, 2) == -1
    friday = text.index("Friday")
    assert language.tense(text, friday, friday + 6) == 1
    assert language.tense("Nothing here", 0, 7) is None


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Officials said the talks would resume on [Friday].", 1),  # reported future
    ("The ministers said [Friday] that the talks will resume.", -1),  # the report's day
    ("The talks, set to resume [Monday] in Belfast, were delayed.", 1),
    ("Trading is to resume in Paris [Tuesday], the exchange said.", 1),
    ("He is leaving for Cairo [Tuesday].", 1),
    ("Protesters planned a large rally on [Saturday].", 1),
    ("The offer had been scheduled to expire [Friday].", -1),
    ("The group could arrive as soon as [Tuesday], officials said.", 1),
    ("A ceremony would still be held on [April 24].", 1),  # passive after a modal
    ("The father would be traveling to the United States [Thursday].", 1),  # not "-ed"
    ("The office of the chairman was created, effective [Feb. 1].", 1),
    ("Relatives would look for ways around [Wednesday]'s ruling.", None),  # a noun's modifier
    ("Sales fell due to the strike in [March].", -1),
])
def test_tense_cues(sentence: str, expected: int | None) -> None:
    start = sentence.index("[")
    end = sentence.index("]") - 1
    text = sentence.replace("[", "").replace("]", "")
    assert temporal.LANGUAGES["en"].tense(text, start, end) == expected
