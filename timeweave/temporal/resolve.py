"""Anchor a language's calendar specs against the document creation time (DCT).

One resolver for every language, so "sel nädalal" and "this week" always mean the same days.
Conventions (news):

* Granularity is kept: a week is ``2017-W41``, a month ``2017-10``, a quarter ``1998-Q3``.
* A winter is named after the year of its January: ``2010-WI`` is December 2009 to February
  2010 (as the Estonian and TE3 gold corpora write "the winter of 2002-2003" and "this winter"
  in December).
* A date without a year takes the year that places it nearest the DCT on the side the text,
  or failing that the clause's tense, says; with neither, the past is preferred (a future gap
  counts double), because news mostly reports what happened.
* A DCT coarser than the expression (a weekday under a month-only DCT) gives the interval the
  expression can mean for every day the DCT can be: ``earliest`` from the DCT's first day,
  ``latest`` from its last, and a value with the unknown fields as ``X`` (a weekday becomes
  ``XXXX-WXX-4``, TIMEX3's "some Thursday"), never an invented day.
* No DCT at all: relative expressions keep an underspecified value and null bounds.
* Vague durations (``PXM``) are given a span of three units for the bounds only ("several").
* Anaphoric expressions ("the following day", "a year earlier", "the previous Friday") count
  from the last date the
  text mentioned (:class:`Discourse`) when it is at least as fine as their unit, else from the
  DCT; a one-year shift in a text that has named a fiscal quarter or half is that period a year
  before (business news compares a quarter with "a year ago").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from timeweave.model import DocumentDate
from timeweave.temporal.base import (
    Absolute,
    Direction,
    Duration,
    Mention,
    Recurrence,
    Reference,
    Relative,
    Tense,
    TimeSpec,
    Weekday,
)

Interval = tuple[dt.date, dt.date]
_VAGUE_UNITS = 3
_TENSE_REACH = 300
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_DURATION = re.compile(
    r"^P(?:(?P<n>\d+(?:\.\d+)?|X)(?P<u>DE|CE|[YMWDQ]))?(?:T(?P<tn>\d+|X)(?P<tu>[HMS]))?"
)
_MIN_DATE, _MAX_DATE = dt.date(1, 1, 1), dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Resolved:
    """A spec's TIMEX3 value and the days it can mean (``None`` where unknown)."""

    value: str
    earliest: dt.date | None
    latest: dt.date | None


_CALENDAR_VALUE = re.compile(
    r"^\d{4}(?:-(?:\d\d(?:-\d\d(?:T(?:\d\d(?::\d\d)?|MO|MI|AF|EV|NI|DT))?)?|W\d\d|Q\d|H\d))?$")
_PERIOD_VALUE = re.compile(r"^\d{4}-[QH]\d$")
_CLOCK = re.compile(r"T(?P<h>\d\d)(?::(?P<m>\d\d))?$")
_UNIT_RANK = {"minute": 0, "hour": 0, "day": 1, "week": 2, "weekend": 2, "month": 3,
              "quarter": 4, "half": 4, "year": 5, "decade": 6, "century": 7}


@dataclass(frozen=True)
class Discourse:
    """What the text said before a mention that anaphoric expressions may count from."""

    last_date: Resolved | None = None
    last_period: str | None = None  # the last fiscal quarter or half named: "1989-Q3"

    def after(self, spec: TimeSpec, resolved: Resolved) -> Discourse:
        """The discourse once ``spec`` has been read as ``resolved``: only fully known dates
        move it, and a comparison ("a year ago") never replaces the period being reported."""
        if resolved.earliest is None or not _CALENDAR_VALUE.match(resolved.value):
            return self
        reported = _PERIOD_VALUE.match(resolved.value) and not (
            isinstance(spec, Relative) and spec.shift)
        return Discourse(resolved, resolved.value if reported else self.last_period)


def resolve(mention: Mention, dct: DocumentDate, tense: Tense | None = None,
            discourse: Discourse | None = None, day_in_view: bool = True) -> Resolved:
    """Turn one mention's spec into a value and bounds, given the DCT, the clause's tense and
    what the text said before it.

    ``day_in_view=False`` (no day named close before, see
    :attr:`~timeweave.temporal.base.TemporalLanguage.undated_times`) leaves a time of day alone
    undated unless its clause is in the past, which tells of one episode on one day.
    """
    if not day_in_view and tense != -1 and _is_time_of_day(mention.spec):
        spec = mention.spec
        return Resolved(_time_suffix(spec.hour, spec.minute, spec.part_of_day),  # type: ignore[union-attr]
                        None, None)
    try:
        if discourse is not None:
            counted = _from_discourse(mention.spec, discourse)
            if counted is not None:
                return counted
        return _resolve(mention.spec, dct, tense if uses_tense(mention.spec) else None)
    except (ValueError, OverflowError):
        # Arithmetic ran off the calendar (year 1 minus a week, a 30 February built from parts):
        # keep the mention, claim nothing about when.
        return Resolved(_unknown_value(mention.spec), None, None)


def uses_tense(spec: TimeSpec) -> bool:
    """Whether the clause's tense can change this spec's value (guessing it costs a scan)."""
    if isinstance(spec, Weekday):
        return spec.direction is None
    # Fiscal quarters and halves are talked about once they are over ("expects to report
    # third-quarter net"), so the tense says nothing about which one is meant.
    return isinstance(spec, Absolute) and spec.year is None and spec.direction is None \
        and spec.year_offset is None \
        and spec.decade is None and spec.century is None and spec.quarter is None \
        and spec.half is None


def _from_discourse(spec: TimeSpec, discourse: Discourse) -> Resolved | None:
    """A shift or anaphor counted from the text's last date; ``None``: count from the DCT.

    A time of day alone ("at 10 p.m.", "kell 18", "õhtul") is on the day the story last
    named, when it named one.
    """
    reference = discourse.last_date
    if isinstance(spec, Reference):
        return reference if spec.anaphoric and reference is not None else None
    if _is_time_of_day(spec):
        if reference is None or reference.earliest is None or len(reference.value) < 10:
            return None
        day = reference.earliest.isoformat()
        return Resolved(day + _time_suffix(spec.hour, spec.minute, spec.part_of_day),  # type: ignore[union-attr]
                        reference.earliest, reference.earliest)
    if isinstance(spec, Weekday):
        if not spec.anaphoric or reference is None or reference.earliest is None \
                or len(reference.value) < 10:
            return None
        return _weekday(spec, reference.earliest, None)
    if not isinstance(spec, Relative):
        return None
    if spec.shift and spec.unit == "year" and discourse.last_period is not None:
        year, part = discourse.last_period.split("-")
        size = 3 if part[0] == "Q" else 6
        target = int(year) + spec.offset
        start, end = _month_interval(target, size * int(part[1]) - size + 1,
                                     size * int(part[1]))
        return Resolved(f"{target:04d}-{part}", start, end)
    if not spec.anaphoric or reference is None or reference.earliest is None:
        return None
    value = reference.value
    rank = 0 if "T" in value else 1 if len(value) == 10 else 2 if "W" in value \
        else 3 if len(value) == 7 and value[5].isdigit() else 4 if len(value) == 7 else 5
    if rank > _UNIT_RANK[spec.unit]:
        return None
    clock = _CLOCK.search(value)
    if clock is not None and spec.unit in {"minute", "hour"}:
        return _from_clock(spec, reference.earliest, clock)
    return _from_day(spec, reference.earliest, None, None)


def _from_clock(spec: Relative, day: dt.date, clock: re.Match[str]) -> Resolved:
    """Minutes or hours counted from a clock time: "Kell üks ... poolteist tundi hiljem" is
    14:30. Minutes are written when the reference or the shift has them."""
    minutes = spec.offset * (60 if spec.unit == "hour" else 1)
    moment = dt.datetime.combine(day, dt.time(int(clock["h"]), int(clock["m"] or 0))) \
        + dt.timedelta(minutes=minutes)
    shown = "%Y-%m-%dT%H:%M" if clock["m"] or minutes % 60 else "%Y-%m-%dT%H"
    return Resolved(moment.strftime(shown), moment.date(), moment.date())


def _resolve(spec: TimeSpec, dct: DocumentDate, tense: Tense | None) -> Resolved:
    if isinstance(spec, Absolute):
        return _absolute(spec, dct, tense)
    if isinstance(spec, Relative | Weekday):
        return _anchored(spec, dct, tense)
    if isinstance(spec, Duration):
        return _duration(spec, dct)
    if isinstance(spec, Reference):
        return _reference(spec, dct)
    if isinstance(spec, Recurrence):
        return Resolved(spec.value, None, None)
    raise TypeError(f"not a TimeSpec: {spec!r}")


# ---------------------------------------------------------------------------- calendar helpers


def _month_interval(year: int, first: int, last: int) -> Interval:
    """Months ``first``..``last`` of ``year``; ``last < first`` wraps into the next year."""
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])


def _week_interval(year: int, week: int) -> Interval:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def _time_suffix(hour: int | None, minute: int | None, part_of_day: str | None) -> str:
    """``T15:30``; ``T15`` when the text gave no minutes ("kell 15"); ``TEV`` for a part of day."""
    if hour is not None:
        return f"T{hour:02d}" if minute is None else f"T{hour:02d}:{minute:02d}"
    if part_of_day is not None:
        return f"T{part_of_day}"
    return ""


def _dct_interval(dct: DocumentDate) -> Interval | None:
    return dct.bounds()


# ---------------------------------------------------------------------------- absolute dates


def _absolute_interval(spec: Absolute, year: int) -> Interval:
    """The days an absolute spec covers once its year is known."""
    if spec.month is not None and spec.day is not None:
        day = dt.date(year, spec.month, spec.day)
        return day, day
    if spec.month is not None:
        return _month_interval(year, spec.month, spec.month)
    if spec.week is not None:
        return _week_interval(year, spec.week)
    if spec.quarter is not None:
        return _month_interval(year, 3 * spec.quarter - 2, 3 * spec.quarter)
    if spec.half is not None:
        return _month_interval(year, 6 * spec.half - 5, 6 * spec.half)
    if spec.season is not None:
        first, last = _SEASON_MONTHS[spec.season]
        return _month_interval(year - 1 if last < first else year, first, last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _absolute_value(spec: Absolute, year: str) -> str:
    """TIMEX3 value; ``year`` is four digits or ``XXXX``."""
    if spec.week is not None:
        return f"{year}-W{spec.week:02d}"
    if spec.quarter is not None:
        return f"{year}-Q{spec.quarter}"
    if spec.half is not None:
        return f"{year}-H{spec.half}"
    if spec.season is not None:
        return f"{year}-{spec.season}"
    if spec.month is None:
        return year
    if spec.day is None:
        return f"{year}-{spec.month:02d}"
    time = _time_suffix(spec.hour, spec.minute, spec.part_of_day)
    return f"{year}-{spec.month:02d}-{spec.day:02d}{time}"


def _absolute(spec: Absolute, dct: DocumentDate, tense: Tense | None) -> Resolved:
    if spec.century is not None:
        start = dt.date(max(spec.century * 100, 1), 1, 1)
        return Resolved(f"{spec.century:02d}", start, dt.date(spec.century * 100 + 99, 12, 31))
    if spec.decade is not None:
        start = dt.date(max(spec.decade * 10, 1), 1, 1)
        return Resolved(f"{spec.decade:03d}", start, dt.date(spec.decade * 10 + 9, 12, 31))
    if spec.year is not None:
        earliest, latest = _absolute_interval(spec, spec.year)
        return Resolved(_absolute_value(spec, f"{spec.year:04d}"), earliest, latest)
    if _is_time_of_day(spec):
        # A time of day alone ("3 p.m.", "in the morning"): the DCT's day, if it has one.
        return _anchored(Relative("day", 0, spec.part_of_day), dct, tense,
                         time=_time_suffix(spec.hour, spec.minute, spec.part_of_day))
    anchor = _dct_interval(dct)
    if anchor is None:
        return Resolved(_absolute_value(spec, "XXXX"), None, None)
    if (spec.direction == 0 or spec.year_offset is not None) \
            and anchor[0].year == anchor[1].year:  # "this September", "June last year"
        year = anchor[0].year + (spec.year_offset or 0)
        if spec.direction == 0 and spec.season == "WI" and anchor[0].month > 3:
            year += 1  # "this winter" after March is the coming one
        earliest, latest = _absolute_interval(spec, year)
        return Resolved(_absolute_value(spec, f"{year:04d}"), earliest, latest)
    strict = spec.direction is not None
    direction = spec.direction if strict else tense
    candidates: list[tuple[int, Interval]] = []
    for year in range(anchor[0].year - 1, anchor[1].year + 2):
        try:
            candidates.append((year, _absolute_interval(spec, year)))
        except ValueError:  # 29 February in a common year
            continue
    if not candidates:
        return Resolved(_absolute_value(spec, "XXXX"), None, None)
    year, (earliest, latest) = _choose(candidates, anchor, direction, strict)
    return Resolved(_absolute_value(spec, f"{year:04d}"), earliest, latest)


def _is_time_of_day(spec: TimeSpec) -> bool:
    return isinstance(spec, Absolute) and spec.year is None and spec.month is None \
        and spec.week is None and spec.quarter is None and spec.half is None \
        and spec.season is None and spec.decade is None and spec.century is None \
        and spec.year_offset is None


def _choose(candidates: list[tuple[int, Interval]], anchor: Interval, direction: Direction | None,
            strict: bool) -> tuple[int, Interval]:
    """Pick the candidate year: on the asked side of the DCT, else nearest with a past bias.

    A side said in words ("last October") always holds; a side guessed from the tense only
    when it lands within ``_TENSE_REACH`` days of the DCT, because the guess is rough.
    """
    reach = dt.timedelta(days=_TENSE_REACH)
    if direction == -1:
        past = [c for c in candidates if (c[1][1] < anchor[0] if strict else c[1][0] <= anchor[1])]
        if past and (strict or anchor[0] - past[-1][1][1] <= reach):
            return past[-1]
    elif direction == 1:
        future = [c for c in candidates
                  if (c[1][0] > anchor[1] if strict else c[1][1] >= anchor[0])]
        if future and (strict or future[0][1][0] - anchor[1] <= reach):
            return future[0]

    def distance(candidate: tuple[int, Interval]) -> int:
        start, end = candidate[1]
        if start > anchor[1]:
            return 2 * (start - anchor[1]).days
        if end < anchor[0]:
            return (anchor[0] - end).days
        return 0

    return min(candidates, key=distance)


# ---------------------------------------------------------------------------- relative to the DCT


def _anchored(spec: Relative | Weekday, dct: DocumentDate, tense: Tense | None,
              time: str | None = None) -> Resolved:
    """Resolve against the DCT's first and last day; if they disagree, mask the unknown fields."""
    anchor = _dct_interval(dct)
    if anchor is None or (isinstance(spec, Relative) and spec.unit in {"minute", "hour"}
                          and dct.granularity != "day"):
        return Resolved(_unknown_value(spec, time), None, None)
    first = _from_day(spec, anchor[0], tense, time)
    if dct.granularity == "day":
        return first
    last = _from_day(spec, anchor[1], tense, time)
    if first.value == last.value:
        return first
    value = _weekday_unknown(spec, time) if isinstance(spec, Weekday) else _mask(first.value,
                                                                                 last.value)
    return Resolved(value, first.earliest, last.latest)


def _mask(a: str, b: str) -> str:
    """Keep the fields two values share, ``X`` the rest: 2017-09-30 / 2017-10-30 -> 2017-XX-XX."""
    parts_a, parts_b = re.split(r"([-T:])", a), re.split(r"([-T:])", b)
    if len(parts_a) != len(parts_b):
        return re.sub(r"\d", "X", a)
    masked: list[str] = []
    agree = True
    for x, y in zip(parts_a, parts_b, strict=True):
        agree = agree and x == y
        masked.append(x if agree or x in "-T:" else re.sub(r"\d", "X", x))
    return "".join(masked)


def _weekday_unknown(spec: Weekday, time: str | None = None) -> str:
    suffix = _time_suffix(spec.hour, spec.minute, spec.part_of_day) + (time or "")
    return f"XXXX-WXX-{spec.weekday + 1}{suffix}"


def _unknown_value(spec: TimeSpec, time: str | None = None) -> str:
    """The value of a spec that cannot be placed: its shape with every field unknown."""
    if isinstance(spec, Weekday):
        return _weekday_unknown(spec, time)
    if isinstance(spec, Relative):
        shapes = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                  "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX", "decade": "XXX",
                  "century": "XX"}
        if spec.unit in shapes:
            return shapes[spec.unit]
        return "XXXX-XX-XX" + (time if time is not None
                               else _time_suffix(spec.hour, spec.minute, spec.part_of_day))
    if isinstance(spec, Absolute):
        return _absolute_value(spec, "XXXX")
    if isinstance(spec, Duration | Recurrence):
        return spec.value
    if isinstance(spec, Reference):
        return spec.value
    return "XXXX"


def _from_day(spec: Relative | Weekday, day: dt.date, tense: Tense | None,
              time: str | None) -> Resolved:
    if isinstance(spec, Weekday):
        return _weekday(spec, day, tense)
    unit, offset = spec.unit, spec.offset
    if unit in {"day", "minute", "hour"}:
        target = day + dt.timedelta(days=offset if unit == "day" else 0)
        suffix = time if time is not None else _time_suffix(spec.hour, spec.minute,
                                                            spec.part_of_day)
        return Resolved(target.isoformat() + suffix, target, target)
    if unit in {"week", "weekend"}:
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
        iso = monday.isocalendar()
        if unit == "weekend":
            saturday = monday + dt.timedelta(days=5)
            return Resolved(f"{iso.year:04d}-W{iso.week:02d}-WE", saturday,
                            saturday + dt.timedelta(days=1))
        return Resolved(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + dt.timedelta(days=6))
    if unit == "month":
        index = day.year * 12 + day.month - 1 + offset
        year, month = divmod(index, 12)
        start, end = _month_interval(year, month + 1, month + 1)
        return Resolved(f"{year:04d}-{month + 1:02d}", start, end)
    if unit in {"quarter", "half"}:
        size = 3 if unit == "quarter" else 6
        index = day.year * (12 // size) + (day.month - 1) // size + offset
        year, part = divmod(index, 12 // size)
        start, end = _month_interval(year, part * size + 1, part * size + size)
        return Resolved(f"{year:04d}-{'Q' if unit == 'quarter' else 'H'}{part + 1}", start, end)
    if unit == "year":
        year = day.year + offset
        return Resolved(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))
    if unit == "decade":
        decade = day.year // 10 + offset
        return Resolved(f"{decade:03d}", dt.date(max(decade * 10, 1), 1, 1),
                        dt.date(decade * 10 + 9, 12, 31))
    century = day.year // 100 + offset
    return Resolved(f"{century:02d}", dt.date(max(century * 100, 1), 1, 1),
                    dt.date(century * 100 + 99, 12, 31))


def _weekday(spec: Weekday, day: dt.date, tense: Tense | None) -> Resolved:
    """The named weekday nearest the DCT on the side the text or the tense gives (else past).

    "last Friday"/"next Monday" (explicit) skip the DCT's own day; a side taken from the tense or
    the news default includes it ("said Friday" in Friday's paper is that day). ``direction=0``
    ("this Friday") is the Friday of the DCT's week.
    """
    delta = spec.weekday - day.weekday()
    if spec.direction == 0:
        target = day + dt.timedelta(days=delta)
    else:
        side = spec.direction if spec.direction is not None else (tense or -1)
        strict = spec.direction is not None
        if side < 0:
            back = (-delta) % 7 or (7 if strict else 0)
            target = day - dt.timedelta(days=back)
        else:
            ahead = delta % 7 or (7 if strict else 0)
            target = day + dt.timedelta(days=ahead)
    suffix = _time_suffix(spec.hour, spec.minute, spec.part_of_day)
    return Resolved(target.isoformat() + suffix, target, target)


# ---------------------------------------------------------------------------- durations, refs


def duration_days(value: str) -> int | None:
    """Approximate length of a TIMEX3 duration in days (``X`` counts as several), for bounds."""
    match = _DURATION.match(value)
    if not match or not (match["n"] or match["tn"]):
        return None
    if not match["n"]:
        return 0  # hours or minutes: within a day
    amount = _VAGUE_UNITS if match["n"] == "X" else float(match["n"])
    per_unit = {"D": 1, "W": 7, "M": 30.44, "Q": 91.3, "Y": 365.25, "DE": 3652.5, "CE": 36525}
    return round(amount * per_unit[match["u"]])


_YEARS_PER = {"DE": 10, "CE": 100}


def canonical_duration(value: str) -> str:
    """A counted number of decades or centuries in years: ``P2DE`` -> ``P20Y``, ``P1CE`` ->
    ``P100Y`` (the form the gold corpora of both languages use); vague ones (``PXDE``) stay."""
    match = _DURATION.match(value)
    if match is None or match.end() != len(value) or match["u"] not in _YEARS_PER \
            or match["n"] in {None, "X"}:
        return value
    years = float(match["n"]) * _YEARS_PER[match["u"]]
    return f"P{int(years)}Y" if years == int(years) else value


def _duration(spec: Duration, dct: DocumentDate) -> Resolved:
    value = canonical_duration(spec.value)
    anchor = _dct_interval(dct)
    days = duration_days(value)
    if anchor is None or spec.anchored is None or days is None:
        return Resolved(value, None, None)
    length = dt.timedelta(days=days)
    if spec.anchored < 0:
        start = max(anchor[0] - length, _MIN_DATE) if anchor[0] - _MIN_DATE > length else _MIN_DATE
        return Resolved(value, start, anchor[1])
    end = anchor[1] + length if _MAX_DATE - anchor[1] > length else _MAX_DATE
    return Resolved(value, anchor[0], end)


def _reference(spec: Reference, dct: DocumentDate) -> Resolved:
    """PRESENT_REF covers the DCT; PAST_REF ends at it and FUTURE_REF starts at it."""
    anchor = _dct_interval(dct)
    if anchor is None:
        return Resolved(spec.value, None, None)
    if spec.value == "PRESENT_REF":
        return Resolved(spec.value, *anchor)
    if spec.value == "PAST_REF":
        return Resolved(spec.value, None, anchor[1])
    return Resolved(spec.value, anchor[0], None)
