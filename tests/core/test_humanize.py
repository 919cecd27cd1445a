"""Times in words: TIMEX3 values and event bounds as an analyst reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from timeweave.humanize import (
    duration_words,
    editable_date,
    time_detail,
    time_words,
    value_words,
)
from timeweave.model import DocumentDate, EventTime

D = dt.date


@pytest.mark.parametrize(("value", "words"), [
    ("2017-W41", "the week of 9 Oct 2017"),
    ("2017-W41-3", "11 Oct 2017"),
    ("2017-W41-WE", "the weekend of 14 Oct 2017"),
    ("XXXX-WXX-4", "a Thursday"),
    ("XXXX-WXX-WE", "a weekend"),
    ("2017-WXX", "a week in 2017"),
    ("XXXX-10-22", "22 October, year unknown"),
    ("XXXX-10", "October, year unknown"),
    ("PRESENT_REF", "now (at publication)"),
    ("PAST_REF", "in the past"),
    ("2017-10", "October 2017"),
    ("2017-10-12", "12 Oct 2017"),
    ("2017", "2017"),
    ("1989-Q3", "the third quarter of 1989"),
    ("XXXX-QX", "a quarter"),
    ("2015-SU", "summer 2015"),
    ("199", "the 1990s"),
    ("2017-10-12T15:30", "12 Oct 2017, 15:30"),
    ("XXXX-XX-XXTEV", "an evening"),
    ("P3M", "3 months"),
    ("P1Y", "1 year"),
    ("PXM", "some months"),
    ("PT2H", "2 hours"),
])
def test_values_in_words(value: str, words: str) -> None:
    assert value_words(value) == words


def test_an_unknown_shape_is_kept_not_guessed() -> None:
    assert value_words("2017-XX-XX-odd") == "2017-XX-XX-odd"
    assert duration_words("2017-10") is None


@pytest.mark.parametrize(("time", "words"), [
    (EventTime(D(2017, 9, 28), D(2017, 10, 26), "XXXX-WXX-4", "timex"),
     "a Thursday between 28 Sep and 26 Oct 2017"),
    (EventTime(D(2017, 9, 25), D(2017, 11, 5), "2017-WXX", "timex"),
     "a week between 25 Sep and 5 Nov 2017"),
    (EventTime(D(2017, 7, 2), D(2017, 10, 31), "PXM", "timex"), "recent months up to Oct 2017"),
    (EventTime(None, None, "XXXX-10-22", "timex"), "22 October, year unknown"),
    (EventTime(None, None, "PRESENT_REF", "timex"), "now (at publication)"),
    (EventTime(D(2017, 10, 1), D(2017, 10, 31), "2017-10", "document_date"), "October 2017"),
    (EventTime(D(2019, 10, 22), D(2019, 10, 22), "XXXX-10-22", "timex"), "22 Oct 2019"),
    (EventTime(D(2016, 12, 28), D(2017, 1, 3), None, "timex"),
     "sometime between 28 Dec 2016 and 3 Jan 2017"),
    (EventTime(None, D(2017, 10, 31), "PAST_REF", "timex"), "before 31 Oct 2017"),
    (EventTime(), "no time found"),
])
def test_event_times_in_words(time: EventTime, words: str) -> None:
    assert time_words(time) == words


def test_detail_keeps_the_value_for_experts() -> None:
    detail = time_detail(EventTime(D(2017, 9, 28), D(2017, 10, 26), "XXXX-WXX-4", "timex"))
    assert detail.splitlines() == ["a Thursday between 28 Sep and 26 Oct 2017",
                                   "from a time expression", "TIMEX3 value: XXXX-WXX-4"]


@pytest.mark.parametrize(("time", "publication", "start"), [
    (EventTime(D(2017, 9, 25), D(2017, 11, 5), "2017-WXX", "timex"), "2017-10", "2017"),
    (EventTime(D(2017, 9, 28), D(2017, 10, 26), "XXXX-WXX-4", "timex"), "2017-10", "2017"),
    (EventTime(D(2017, 10, 1), D(2017, 10, 31), "2017-10", "document_date"), "2017-10",
     "2017-10"),
    (EventTime(D(2019, 10, 22), D(2019, 10, 22), "XXXX-10-22", "timex"), "2019-11", "2019-10-22"),
    (EventTime(D(2016, 12, 28), D(2017, 1, 3), None, "timex"), "2017-01", "2017-01"),
    (EventTime(None, None, "PRESENT_REF", "timex"), None, ""),
])
def test_set_time_starts_from_a_value_it_accepts(time: EventTime, publication: str | None,
                                                 start: str) -> None:
    date = DocumentDate.parse(publication, "header") if publication else DocumentDate()
    assert editable_date(time, date) == start
    if start:
        assert DocumentDate.parse(start, "user").value == start
