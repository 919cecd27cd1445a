"""Axis ticks that adapt to the zoom: centuries, decades, years, quarters, months, ISO weeks,
days and hours.

Two rows: ``minor`` ticks carry the finest unit that still has room for its label, ``major``
ticks name the context (the year above the months, the month above the days, the date above
the hours), so a reader never sees "14" without knowing which month it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from timeweave.layout.scale import TimeScale, date_of

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FIRST_YEAR, _LAST_YEAR = 1, 9998


@dataclass(frozen=True)
class Tick:
    day: float
    label: str


@dataclass(frozen=True)
class Axis:
    """The ticks for one scale; ``unit`` names the minor unit (``"month"``, ``"week"`` ...)."""

    unit: str
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]


@dataclass(frozen=True)
class _Unit:
    name: str
    days: float  # typical length, to decide whether labels fit
    chars: int  # typical label length
    ticks: Callable[[dt.datetime, dt.datetime], Iterator[Tick]]
    context: str | None  # the unit named on the major row


def _years(step: int, suffix: str = "") -> Callable[[dt.datetime, dt.datetime], Iterator[Tick]]:
    def ticks(lo: dt.datetime, hi: dt.datetime) -> Iterator[Tick]:
        first = max(lo.year // step * step, _FIRST_YEAR)
        for year in range(first, min(hi.year, _LAST_YEAR) + 1, step):
            yield Tick(float(dt.date(year, 1, 1).toordinal()), f"{year}{suffix}")

    return ticks


def _months(step: int, label: Callable[[int, int], str]) -> Callable[..., Iterator[Tick]]:
    def ticks(lo: dt.datetime, hi: dt.datetime) -> Iterator[Tick]:
        index = lo.year * 12 + (lo.month - 1) // step * step
        while index <= hi.year * 12 + hi.month - 1:
            year, month = divmod(index, 12)
            if _FIRST_YEAR <= year <= _LAST_YEAR:
                yield Tick(float(dt.date(year, month + 1, 1).toordinal()), label(year, month + 1))
            index += step

    return ticks


def _weeks(lo: dt.datetime, hi: dt.datetime) -> Iterator[Tick]:
    day = lo.date() - dt.timedelta(days=lo.weekday())
    while day <= hi.date():
        yield Tick(float(day.toordinal()), f"W{day.isocalendar().week:02d}")
        day += dt.timedelta(days=7)


def _days(lo: dt.datetime, hi: dt.datetime, with_weekday: bool) -> Iterator[Tick]:
    day = lo.date()
    while day <= hi.date():
        label = f"{_WEEKDAYS[day.weekday()]} {day.day}" if with_weekday else str(day.day)
        yield Tick(float(day.toordinal()), label)
        day += dt.timedelta(days=1)


def _hours(step: int) -> Callable[[dt.datetime, dt.datetime], Iterator[Tick]]:
    def ticks(lo: dt.datetime, hi: dt.datetime) -> Iterator[Tick]:
        moment = lo.replace(hour=lo.hour // step * step, minute=0, second=0, microsecond=0)
        while moment <= hi:
            yield Tick(moment.toordinal() + moment.hour / 24, f"{moment.hour:02d}:00")
            moment += dt.timedelta(hours=step)

    return ticks


def _dates(lo: dt.datetime, hi: dt.datetime) -> Iterator[Tick]:
    for tick in _days(lo, hi, with_weekday=False):
        day = dt.date.fromordinal(int(tick.day))
        label = f"{_WEEKDAYS[day.weekday()]} {day.day} {_month_year(day.year, day.month)}"
        yield Tick(tick.day, label)


def _month_year(year: int, month: int) -> str:
    return f"{_MONTHS[month - 1]} {year}"


# Coarsest first; the finest unit whose labels fit wins.
_UNITS = (
    _Unit("century", 36524.25, 4, _years(100), None),
    _Unit("50 years", 18262.0, 4, _years(50), None),
    _Unit("decade", 3652.4, 4, _years(10), "century"),
    _Unit("5 years", 1826.2, 4, _years(5), "century"),
    _Unit("2 years", 730.5, 4, _years(2), "decade"),
    _Unit("year", 365.25, 4, _years(1), "decade"),
    _Unit("quarter", 91.3, 2, _months(3, lambda _y, m: f"Q{(m + 2) // 3}"), "year"),
    _Unit("month", 30.4, 3, _months(1, lambda _y, m: _MONTHS[m - 1]), "year"),
    _Unit("week", 7.0, 3, _weeks, "month"),
    _Unit("day", 1.0, 2, lambda lo, hi: _days(lo, hi, with_weekday=False), "month"),
    _Unit("day+weekday", 1.0, 6, lambda lo, hi: _days(lo, hi, with_weekday=True), "month"),
    _Unit("6 hours", 0.25, 5, _hours(6), "date"),
    _Unit("hour", 1 / 24, 5, _hours(1), "date"),
)

_CONTEXT: dict[str, Callable[[dt.datetime, dt.datetime], Iterator[Tick]]] = {
    "century": _years(100, "s"),
    "decade": _years(10, "s"),
    "year": _years(1),
    "month": _months(1, _month_year),
    "date": _dates,
}


def axis_ticks(scale: TimeScale, char_px: float = 7.0, padding_px: float = 14.0) -> Axis:
    """Ticks for ``scale``: the finest unit whose labels (``char_px`` per character) fit."""
    unit = _UNITS[0]
    for candidate in _UNITS:
        if candidate.days * scale.px_per_day >= candidate.chars * char_px + padding_px:
            unit = candidate
    # One tick of margin so labels of a unit starting off-screen still show.
    lo, hi = date_of(scale.start - unit.days), date_of(scale.end)
    name = unit.name.split("+")[0]
    minor = tuple(unit.ticks(lo, hi))
    major = tuple(_CONTEXT[unit.context](lo, hi)) if unit.context else ()
    return Axis(name, minor, major)
