"""Times in words for people: TIMEX3 values and event time bounds as an analyst would say them.

The resolver keeps granularity and uncertainty in TIMEX3 values ("XXXX-WXX-4", "2017-WXX",
"PRESENT_REF", "PXM"); those are exact but unreadable. Every view, tooltip, dialog and report
says them in words ("a Thursday between 28 Sep and 26 Oct 2017", "22 October, year unknown")
and keeps the value itself only on an expert line. No Qt here: the CLI, exports and tests share it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from timeweave.model import DocumentDate, EventTime

BASIS_WORDS: dict[str, str] = {
    "timex": "from a time expression",
    "document_date": "from the publication date only",
    "tense": "from the tense against the publication date",
    "reporting": "from the event that reports it",
    "analyst": "set by the analyst",
    "unknown": "no time found",
}
"""Where an event's time comes from, as the tooltip and the report say it."""


def basis_words(basis: str) -> str:
    """A time basis in words; a basis this table does not know yet is shown as it is."""
    return BASIS_WORDS.get(basis, basis.replace("_", " "))

_MONTHS = tuple(calendar.month_name)[1:]
_MONTHS_SHORT = tuple(calendar.month_abbr)[1:]
_WEEKDAYS = tuple(calendar.day_name)
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                 "NI": "night", "DT": "daytime"}
_ORDINALS = ("first", "second", "third", "fourth")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
          "S": "second", "DE": "decade", "CE": "century", "Q": "quarter"}
_REFS = {"PRESENT_REF": "now (at publication)", "PAST_REF": "in the past",
         "FUTURE_REF": "in the future"}

_VALUE = re.compile(r"^(?P<year>\d{4}|X{4}|\d{3}|X{3}|\d{2})(?:-(?P<rest>[^T]+))?"
                    r"(?:T(?P<clock>.+))?$")
_DURATION = re.compile(r"^P(?P<time>T)?(?P<amount>[\dX.]+)(?P<unit>MIN|DE|CE|[YMWDHSQ])$")
_REST = re.compile(
    r"^(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?"
    r"|W(?P<week>\d{2}|XX)(?:-(?P<weekday>[1-7]|WE|WD))?"
    r"|(?P<period>[QH])(?P<number>\d|X)"
    r"|(?P<season>SP|SU|FA|WI))$"
)


def day_words(day: dt.date, year: bool = True) -> str:
    """``12 Oct 2017`` (or ``12 Oct`` when the year is said elsewhere)."""
    text = f"{day.day} {_MONTHS_SHORT[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def range_words(earliest: dt.date, latest: dt.date) -> str:
    """``28 Sep and 26 Oct 2017``: the year said once when both days share it."""
    return f"{day_words(earliest, earliest.year != latest.year)} and {day_words(latest)}"


def duration_words(value: str) -> str | None:
    """``P3M`` -> ``3 months``, ``PXM`` -> ``some months``; ``None`` if not a duration."""
    match = _DURATION.match(value)
    if not match:
        return None
    unit = match["unit"]
    if match["time"] and unit == "M":
        unit = "MIN"
    noun = _UNITS[unit]
    amount = match["amount"]
    if "X" in amount:
        return f"some {noun}s" if noun != "century" else "some centuries"
    number = float(amount)
    count = int(number) if number.is_integer() else number
    plural = noun if count == 1 else ("centuries" if noun == "century" else f"{noun}s")
    return f"{count} {plural}"


def value_words(value: str) -> str:
    """A TIMEX3 value in words on its own, without the bounds the resolver gave it.

    Unknown shapes come back unchanged rather than guessed at: the value is still correct.
    """
    if value in _REFS:
        return _REFS[value]
    duration = duration_words(value)
    if duration is not None:
        return duration
    match = _VALUE.match(value)
    if not match:
        return value
    words = _date_words(match["year"], match["rest"])
    if words is None:
        return value
    clock = match["clock"]
    if clock:
        part = _PARTS_OF_DAY.get(clock)
        if part and words == "a day":  # "XXXX-XX-XXTEV": an evening, day unknown
            return f"an {part}" if part[0] in "aeiou" else f"a {part}"
        words = f"{words}, {part}" if part else f"{words}, {clock}"
    return words


def _date_words(year_text: str, rest: str | None) -> str | None:
    """The date part of a value: a year, month, day, week, quarter, half or season."""
    year = int(year_text) if year_text.isdigit() else None
    if len(year_text) == 3:
        return f"the {year_text}0s" if year is not None else "a decade"
    if len(year_text) == 2:
        return f"the {year_text}00s"
    if rest is None:
        return str(year) if year is not None else "a year"
    match = _REST.match(rest)
    if not match:
        return None
    in_year = f" {year}" if year is not None else ""
    unknown = ", year unknown" if year is None else ""
    if match["season"]:
        return f"{_SEASONS[match['season']]}{in_year}{unknown}"
    if match["period"]:
        name = "quarter" if match["period"] == "Q" else "half"
        number = match["number"]
        which = f"the {_ORDINALS[int(number) - 1]}" if number.isdigit() else "a"
        return f"{which} {name} of {year}" if year is not None else f"{which} {name}"
    if match["week"] is not None:
        return _week_words(year, match["week"], match["weekday"])
    month, day = match["month"], match["day"]
    if month == "XX":
        return f"a day in {year}" if day and year is not None else (
            "a day" if day else (f"a month in {year}" if year is not None else "a month"))
    name = _MONTHS[int(month) - 1]
    if day is None:
        return f"{name}{in_year}{unknown}"
    if day == "XX":
        return f"a day in {name}{in_year}{unknown}"
    if year is None:
        return f"{int(day)} {name}{unknown}"
    return day_words(dt.date(year, int(month), int(day)))


def _week_words(year: int | None, week: str, weekday: str | None) -> str:
    """``2017-W41`` -> the week of its Monday; ``XXXX-WXX-4`` -> a Thursday."""
    day_name = None
    if weekday == "WE":
        day_name = "weekend"
    elif weekday == "WD":
        day_name = "weekday"
    elif weekday:
        day_name = _WEEKDAYS[int(weekday) - 1]
    if year is None or week == "XX":
        where = f" in {year}" if year is not None else ""
        return f"a {day_name}{where}" if day_name else f"a week{where}"
    monday = dt.date.fromisocalendar(year, int(week), 1)
    if weekday and weekday.isdigit():
        return day_words(monday + dt.timedelta(days=int(weekday) - 1))
    if weekday == "WE":
        return f"the weekend of {day_words(monday + dt.timedelta(days=5))}"
    return f"the week of {day_words(monday)}"


def _is_exact(value: str) -> bool:
    """True when the value alone names its days (nothing unknown, not relative)."""
    return "X" not in value and not value.startswith("P") and value not in _REFS


def _kind_words(value: str) -> str:
    """What kind of time a vague value is ("a Thursday", "a week"), its days said elsewhere."""
    words = value_words(re.sub(r"^\d{4}", "XXXX", value))
    return words.removesuffix(", year unknown")


def _month_or_day(day: dt.date) -> str:
    """A bound that is a month's last day reads as the month ("Oct 2017")."""
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return f"{_MONTHS_SHORT[day.month - 1]} {day.year}"
    return day_words(day)


def time_words(time: EventTime) -> str:
    """When an event happened, in words: the value and the days it can mean, together."""
    earliest, latest, value = time.earliest, time.latest, time.value
    if earliest is None and latest is None:
        return value_words(value) if value else "no time found"
    if value and (duration := duration_words(value)) is not None:
        amount = duration.replace("some ", "recent ", 1)
        if latest is not None:
            return f"{amount} up to {_month_or_day(latest)}"
        return f"{amount} from {day_words(earliest)}" if earliest else amount
    if earliest is None or latest is None:
        return f"before {day_words(latest)}" if latest else f"after {day_words(earliest)}"
    if value and _is_exact(value):
        return value_words(value)
    if earliest == latest:
        return day_words(earliest)
    if value in _REFS:
        return f"{value_words(value)}, between {range_words(earliest, latest)}"
    what = _kind_words(value) if value else value
    if not what or what == value:  # no value, or a shape with no words: the days say it
        what = "sometime"
    return f"{what} between {range_words(earliest, latest)}"


def time_detail(time: EventTime) -> str:
    """The words, where they come from, and the TIMEX3 value for experts (a tooltip block)."""
    lines = [time_words(time), basis_words(time.basis)]
    if time.value:
        lines.append(f"TIMEX3 value: {time.value}")
    return "\n".join(lines)


def editable_date(time: EventTime, publication: DocumentDate) -> str:
    """What the Set time dialog starts from: a year, month or day it accepts, the narrowest the
    event's bounds allow ("2017-WXX" over 25 Sep - 5 Nov gives "2017"), else the publication
    date, else nothing."""
    if time.value:
        try:
            return DocumentDate.parse(time.value, "user").value or ""
        except ValueError:
            pass
    earliest, latest = time.earliest, time.latest
    if earliest and latest:
        if earliest == latest:
            return earliest.isoformat()
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return earliest.strftime("%Y-%m")
        if earliest.year == latest.year:
            return str(earliest.year)
    return publication.value or ""
