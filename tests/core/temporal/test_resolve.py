"""The shared resolver: DCT precision, year inference, bounds."""

from __future__ import annotations

import datetime as dt

import pytest

from timeweave.model import NO_DATE, DocumentDate
from timeweave.temporal.base import (
    Absolute,
    Duration,
    Mention,
    Recurrence,
    Reference,
    Relative,
    Weekday,
)
from timeweave.temporal.resolve import canonical_duration, duration_days, resolve

DAY = DocumentDate.parse("2017-10-12", "test")  # a Thursday, ISO week 41
MONTH = DocumentDate.parse("2017-10", "test")
YEAR = DocumentDate.parse("2017", "test")


def _resolve(spec: object, dct: DocumentDate, tense: int | None = None) -> tuple[str, object,
                                                                                   object]:
    result = resolve(Mention(0, 1, "DATE", spec), dct, tense)  # type: ignore[arg-type]
    return result.value, result.earliest, result.latest


def test_this_week_keeps_week_granularity() -> None:
    assert _resolve(Relative("week", 0), DAY) == ("2017-W41", dt.date(2017, 10, 9),
                                                   dt.date(2017, 10, 15))


def test_week_crossing_the_year_uses_iso_year() -> None:
    value, start, end = _resolve(Relative("week", 1), DocumentDate.parse("2020-12-30", "t"))
    assert (value, start, end) == ("2021-W01", dt.date(2021, 1, 4), dt.date(2021, 1, 10))


def test_weekday_past_by_default_and_future_with_tense() -> None:
    assert _resolve(Weekday(0), DAY)[0] == "2017-10-09"
    assert _resolve(Weekday(0), DAY, tense=1)[0] == "2017-10-16"
    assert _resolve(Weekday(3), DAY)[0] == "2017-10-12"  # the DCT's own day
    assert _resolve(Weekday(3, direction=-1), DAY)[0] == "2017-10-05"


def test_weekday_under_month_only_dct_is_an_interval() -> None:
    value, start, end = _resolve(Weekday(3), MONTH)
    assert value == "XXXX-WXX-4"
    assert start == dt.date(2017, 9, 28)  # the Thursday before 1 October
    assert end == dt.date(2017, 10, 26)  # the last Thursday on or before 31 October


def test_relative_day_under_month_only_dct_masks_the_day() -> None:
    value, start, end = _resolve(Relative("day", -1), MONTH)
    assert value == "2017-XX-XX"
    assert (start, end) == (dt.date(2017, 9, 30), dt.date(2017, 10, 30))


def test_month_under_month_dct_is_exact() -> None:
    assert _resolve(Relative("month", -1), MONTH)[0] == "2017-09"
    assert _resolve(Relative("year", 0), YEAR)[0] == "2017"


@pytest.mark.parametrize("spec", [Relative("day", -1), Relative("week", 0), Weekday(3),
                                  Absolute(None, 10, 22), Absolute(hour=15, minute=0)])
def test_no_dct_never_invents_a_date(spec: object) -> None:
    value, start, end = _resolve(spec, NO_DATE)
    assert "X" in value
    assert (start, end) == (None, None)


def test_year_inference_nearest_with_past_bias() -> None:
    dct = DocumentDate.parse("2019-11-20", "t")
    assert _resolve(Absolute(None, 10, 22), dct)[0] == "2019-10-22"
    assert _resolve(Absolute(None, 12, 1), dct)[0] == "2019-12-01"  # 11 days ahead
    assert _resolve(Absolute(None, 6, 1), dct)[0] == "2019-06-01"
    assert _resolve(Absolute(None, 10, direction=-1), DAY)[0] == "2016-10"
    assert _resolve(Absolute(None, 3), DocumentDate.parse("2019-01-10", "t"), tense=1)[0] \
        == "2019-03"


def test_year_inference_under_year_dct_stays_in_that_year() -> None:
    assert _resolve(Absolute(None, 12, 31), YEAR)[0] == "2017-12-31"


def test_quarter_season_decade_century() -> None:
    assert _resolve(Absolute(None, quarter=3), DocumentDate.parse("1989-10-26", "t"))[:2] == (
        "1989-Q3", dt.date(1989, 7, 1))
    value, start, end = _resolve(Absolute(2016, season="WI"), DAY)
    assert (value, start, end) == ("2016-WI", dt.date(2015, 12, 1), dt.date(2016, 2, 29))
    assert _resolve(Absolute(decade=199), DAY)[0] == "199"
    assert _resolve(Absolute(century=19), DAY)[1:] == (dt.date(1900, 1, 1),
                                                       dt.date(1999, 12, 31))


@pytest.mark.parametrize(("dct", "expected"), [
    ("2009-12-14", "2010-WI"), ("2009-11-02", "2010-WI"), ("2010-01-16", "2010-WI"),
    ("2010-03-20", "2010-WI"),
])
def test_this_winter_is_named_after_its_january(dct: str, expected: str) -> None:
    spec = Absolute(season="WI", direction=0)
    assert _resolve(spec, DocumentDate.parse(dct, "t"))[0] == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("P2DE", "P20Y"), ("P1CE", "P100Y"), ("P1.5CE", "P150Y"), ("PXDE", "PXDE"), ("P3Y", "P3Y"),
    ("PT2H", "PT2H"),
])
def test_counted_decades_and_centuries_are_years(value: str, expected: str) -> None:
    assert canonical_duration(value) == expected


def test_decade_durations_span_years() -> None:
    assert duration_days("P2DE") == duration_days("P20Y") == 7305
    value, start, _ = _resolve(Duration("P2DE", anchored=-1), DAY)
    assert value == "P20Y"
    assert start == dt.date(1997, 10, 12)


def test_anchored_duration_has_a_past_range() -> None:
    value, start, end = _resolve(Duration("PXM", anchored=-1), MONTH)
    assert value == "PXM"
    assert end == dt.date(2017, 10, 31)
    assert start is not None
    assert start < dt.date(2017, 10, 1)


def test_free_duration_and_set_have_no_bounds() -> None:
    assert _resolve(Duration("P2D"), DAY) == ("P2D", None, None)
    assert _resolve(Recurrence("P1W"), DAY) == ("P1W", None, None)


def test_references() -> None:
    assert _resolve(Reference("PRESENT_REF"), DAY) == ("PRESENT_REF", DAY.earliest, DAY.latest)
    assert _resolve(Reference("PAST_REF"), DAY) == ("PAST_REF", None, DAY.latest)
    assert _resolve(Reference("FUTURE_REF"), NO_DATE) == ("FUTURE_REF", None, None)


def test_arithmetic_off_the_calendar_is_not_a_crash() -> None:
    value, start, end = _resolve(Relative("year", -5000), DAY)
    assert (start, end) == (None, None)
    assert value


def test_clock_time_without_minutes_keeps_hour_granularity() -> None:
    dct = DocumentDate.parse("2007-11-12", "test")
    assert _resolve(Absolute(hour=19), dct)[0] == "2007-11-12T19"
    assert _resolve(Absolute(hour=19, minute=0), dct)[0] == "2007-11-12T19:00"
