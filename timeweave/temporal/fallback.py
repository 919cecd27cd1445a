"""Fallback for languages without Timeweave rules: dateparser's ``search_dates``. Weaker.

What makes it weaker than the rule packages: dateparser finds dates only (no durations, sets
or vague references), its spans are whatever substring it chose, and it knows most languages
only in dictionary forms (inflected words are missed). What this module adds so the results are
still honest: character offsets found in the text left to right; junk (bare numbers, one- or
two-letter "weekdays") dropped; granularity taken from dateparser's ``period``; and no
invented dates - a phrase whose reading depends on the base date ("yesterday", "22 October")
is parsed against the DCT, and with no DCT it keeps an underspecified value and null bounds.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeweave.model import DocumentDate, TimexType

MAX_CHARS = 100_000
"""dateparser reads at most this much of a document: its search costs about 0.15 ms a character
on date-dense text, and a long page in a language without rules must not take minutes."""
MAX_DATES = 1_000
"""Dates taken from that part at most: checking each found phrase costs about 3 ms."""

_PROBE_BASES = (dt.datetime(2001, 3, 14, 12, 0), dt.datetime(2013, 9, 27, 12, 0))
_NOT_A_DATE = re.compile(r"^[\W\d_]*\d[\W\d_]*$")  # digits and punctuation only, e.g. "2882015"
_ISO_PARTS = re.compile(r"^\d{4}(-\d{2}){0,2}$")


@dataclass(frozen=True)
class FoundDate:
    """One date dateparser found: span in the text, type, TIMEX3 value and bounds."""

    start: int
    end: int
    type: TimexType
    value: str
    earliest: dt.date | None
    latest: dt.date | None


def find(text: str, language: str, dct: DocumentDate) -> list[FoundDate]:
    """Dates dateparser finds in ``text`` for ``language``; ``[]`` if dateparser lacks it.

    Only the first :data:`MAX_CHARS` characters (cut at a line break) and the first
    :data:`MAX_DATES` dates are read, so the time per document stays bounded.
    """
    from dateparser.search import search_dates

    if len(text) > MAX_CHARS:
        text = text[: max(text.rfind("\n", 0, MAX_CHARS), MAX_CHARS // 2)]

    base = dt.datetime.combine(dct.earliest, dt.time(12)) if dct.earliest else _PROBE_BASES[0]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=[language],
                                 settings={"RELATIVE_BASE": base}) or []
    except (ValueError, KeyError, TypeError):  # language unknown to dateparser, or its own bugs
        return []
    result: list[FoundDate] = []
    cursor = 0
    for substring, _ in found[:MAX_DATES]:
        start = text.find(substring, cursor)
        if start < 0:
            continue
        cursor = start + len(substring)
        core = _minimal(language, substring)
        if core is None:
            continue
        date = _normalise(language, core[2], dct)
        if date is not None:
            result.append(FoundDate(start + core[0], start + core[1], *date))
    return result


def _minimal(language: str, substring: str) -> tuple[int, int, str] | None:
    """The longest run of words inside dateparser's substring that still parses on its own.

    ``search_dates`` returns non-minimal spans ("am 22. Oktober 2019 in"); the span reported
    to the analyst should be the date itself.
    """
    words = list(re.finditer(r"\S+", substring))[:8]
    for length in range(len(words), 0, -1):
        for first in range(len(words) - length + 1):
            begin, end = words[first].start(), words[first + length - 1].end()
            phrase = substring[begin:end].strip(".,;:()\"'")
            if _plausible(phrase) and _parse(language, phrase, _PROBE_BASES[0]) is not None:
                offset = substring.find(phrase, begin)
                return offset, offset + len(phrase), phrase
    return None


def _plausible(substring: str) -> bool:
    """Reject what dateparser is known to misread: bare numbers and one- or two-letter words."""
    stripped = substring.strip()
    if len(stripped) < 3 or not any(ch.isalnum() for ch in stripped):
        return False
    return not (_NOT_A_DATE.match(stripped) and not _ISO_PARTS.match(stripped)
                and not re.search(r"\d[./-]\d", stripped))


@lru_cache(maxsize=64)
def _parser(language: str, base: dt.datetime) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings={"RELATIVE_BASE": base})


def _parse(language: str, phrase: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _parser(language, base).get_date_data(phrase)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _normalise(language: str, phrase: str, dct: DocumentDate
               ) -> tuple[TimexType, str, dt.date | None, dt.date | None] | None:
    """Value at dateparser's granularity; relative phrases need a DCT or stay underspecified."""
    try:
        probes = [_parse(language, phrase, base) for base in _PROBE_BASES]
    except (ValueError, OverflowError, TypeError):
        return None
    if probes[0] is None or probes[1] is None:
        return None
    relative = probes[0][0] != probes[1][0]
    period = probes[0][1]
    if relative:
        if dct.earliest is None:
            return ("TIME" if period == "time" else "DATE", _unknown(period), None, None)
        parsed = _parse(language, phrase, dt.datetime.combine(dct.earliest, dt.time(12)))
        if parsed is None:
            return None
        when, period = parsed
    else:
        when = probes[0][0]
    return _value(when, period)


def _unknown(period: str) -> str:
    return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}.get(period, "XXXX-XX-XX")


def _value(when: dt.datetime, period: str) -> tuple[TimexType, str, dt.date, dt.date]:
    day = when.date()
    if period == "year":
        return "DATE", f"{day.year:04d}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if period == "month":
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return "DATE", start.strftime("%Y-%m"), start, end
    if period == "week":
        iso = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        return "DATE", f"{iso.year:04d}-W{iso.week:02d}", monday, monday + dt.timedelta(days=6)
    if period == "time":
        return "TIME", when.strftime("%Y-%m-%dT%H:%M"), day, day
    return "DATE", day.isoformat(), day, day
