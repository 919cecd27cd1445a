"""The mapping between time and horizontal pixels of the timeline's time area.

Time is a float day number: ``date.toordinal()`` is the start of that day, fractions are hours.
Day ``d`` covers ``[d, d + 1)``, so a one-day event is drawn at ``d + 0.5``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TypeVar

import numpy as np

ArrayOrFloat = TypeVar("ArrayOrFloat", float, np.ndarray)

# From several centuries across a screen to about 60 px per hour.
MIN_PX_PER_DAY = 1e-3
MAX_PX_PER_DAY = 24 * 60.0


def day_number(value: dt.date) -> float:
    """The day number of the start of ``value``."""
    return float(value.toordinal())


def date_of(day: float) -> dt.datetime:
    """The moment a (fractional) day number stands for; clamped to the calendar's range."""
    day = min(max(day, 1.0), float(dt.date.max.toordinal()))
    whole = int(day)
    return dt.datetime.fromordinal(whole) + dt.timedelta(days=day - whole)


@dataclass(frozen=True)
class TimeScale:
    """Day ``start`` sits at x = 0 of a time area ``width`` pixels wide.

    Immutable, so a view keeps one current scale and caches whatever it computed for it.
    """

    start: float
    px_per_day: float
    width: float

    @classmethod
    def fit(cls, first: float, last: float, width: float, margin: float = 0.04) -> TimeScale:
        """A scale showing ``[first, last]`` with ``margin`` (a fraction of width) on each side."""
        span = max(last - first, 1.0)
        usable = max(width * (1 - 2 * margin), 1.0)
        ppd = _clamp(usable / span)
        centre = (first + last) / 2
        return cls(centre - width / 2 / ppd, ppd, width)

    @property
    def end(self) -> float:
        """The day at the right edge."""
        return self.day(self.width)

    def x(self, day: ArrayOrFloat) -> ArrayOrFloat:
        return (day - self.start) * self.px_per_day

    def day(self, x: float) -> float:
        return self.start + x / self.px_per_day

    def zoomed(self, factor: float, anchor_x: float) -> TimeScale:
        """Zoom by ``factor`` keeping the day under ``anchor_x`` where it is."""
        anchor = self.day(anchor_x)
        ppd = _clamp(self.px_per_day * factor)
        return replace(self, start=anchor - anchor_x / ppd, px_per_day=ppd)

    def panned(self, dx: float) -> TimeScale:
        """Move the content ``dx`` pixels to the right (a drag to the right shows earlier days)."""
        return replace(self, start=self.start - dx / self.px_per_day)

    def resized(self, width: float) -> TimeScale:
        """The same left edge and zoom on a wider or narrower area."""
        return replace(self, width=width)

    def centred_on(self, day: float) -> TimeScale:
        return replace(self, start=day - self.width / 2 / self.px_per_day)

    def showing(self, first: float, last: float, margin: float = 0.1) -> TimeScale:
        """This scale if ``[first, last]`` is in view; else centred on it, zoomed out (leaving
        ``margin`` each side) only when it is wider than the view."""
        if first >= self.start and last <= self.end:
            return self
        if (last - first) * self.px_per_day > self.width * (1 - 2 * margin):
            return TimeScale.fit(first, last, self.width, margin)
        return self.centred_on((first + last) / 2)


def _clamp(px_per_day: float) -> float:
    return min(max(px_per_day, MIN_PX_PER_DAY), MAX_PX_PER_DAY)
