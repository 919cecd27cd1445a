"""The contract between per-language temporal rules and the language-independent resolver.

A language package (``timeweave.lang.<code>``) only *finds* time expressions and says
what they mean in calendar terms (:class:`Mention` with a :data:`TimeSpec`). The shared resolver
anchors every spec against the document's creation time (DCT) and produces TIMEX3 values with
``earliest``/``latest`` bounds. Keeping calendar arithmetic out of the language packages means
"sel nädalal" and "this week" are guaranteed to resolve the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from timeweave.model import TimexType

Direction = Literal[-1, 0, 1]
"""-1: the past side of the DCT, 0: the current period, +1: the future side."""

Unit = Literal[
    "minute", "hour", "day", "weekend", "week", "month", "quarter", "half", "year", "decade",
    "century",
]
PartOfDay = Literal["MO", "MI", "AF", "EV", "NI", "DT"]
Season = Literal["SP", "SU", "FA", "WI"]


@dataclass(frozen=True)
class Absolute:
    """A calendar point given by its fields; ``year=None`` means the text did not say the year.

    Examples: "22 October 2019" -> ``Absolute(2019, 10, 22)``; "22. oktoobril" ->
    ``Absolute(None, 10, 22)``; "2017-10" -> ``Absolute(2017, 10)``; "the 1990s" ->
    ``Absolute(decade=199)``; "summer 2015" -> ``Absolute(2015, season="SU")``;
    "3 p.m." -> ``Absolute(hour=15, minute=0)``; "Q3 2019" -> ``Absolute(2019, quarter=3)``.
    ``direction`` says which side of the DCT a year-less date lies on when the text says so
    ("last October" -> -1); ``None`` lets the resolver decide from news conventions and tense.
    ``year_offset`` gives the year relative to the DCT's when the text does: "June last year" ->
    ``Absolute(month=6, year_offset=-1)``, "jaanuaris tänavu" -> ``year_offset=0``.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: Season | None = None
    part_of_day: PartOfDay | None = None
    decade: int | None = None
    century: int | None = None
    direction: Direction | None = None
    year_offset: int | None = None


@dataclass(frozen=True)
class Relative:
    """An offset from the DCT in whole calendar units.

    "today" -> ``Relative("day", 0)``; "yesterday evening" -> ``Relative("day", -1, "EV")``;
    "this week"/"sel nädalal" -> ``Relative("week", 0)``; "last year"/"mullu" ->
    ``Relative("year", -1)``; "two days ago"/"kaks päeva tagasi" -> ``Relative("day", -2)``;
    "next month" -> ``Relative("month", 1)``.

    ``anaphoric``: counted from the last date the text mentioned rather than from the DCT
    ("the following day", "a year earlier", "järgmisel päeval"). ``shift``: "N units
    before/after" rather than naming a calendar period; a one-year shift in a text that has
    named a fiscal quarter means that quarter a year before ("net fell from $2 million a year
    ago" -> ``1988-Q3``). Both are optional and default to plain DCT arithmetic.
    """

    unit: Unit
    offset: int
    part_of_day: PartOfDay | None = None
    hour: int | None = None  # "yesterday at 3 p.m." (added last, optional)
    minute: int | None = None
    anaphoric: bool = False
    shift: bool = False


@dataclass(frozen=True)
class Weekday:
    """A named weekday (0 = Monday) placed relative to the DCT.

    "on Thursday"/"neljapäeval" -> ``Weekday(3)``; "last Friday" -> ``Weekday(4, -1)``;
    "next Monday" -> ``Weekday(0, 1)``; "Tuesday morning" -> ``Weekday(1, part_of_day="MO")``.
    ``anaphoric``: counted from the last day the text named rather than from the DCT ("the
    previous Friday" -> ``Weekday(4, -1, anaphoric=True)``).
    """

    weekday: int
    direction: Direction | None = None
    part_of_day: PartOfDay | None = None
    hour: int | None = None  # "10 p.m. Wednesday" (added last, optional)
    minute: int | None = None
    anaphoric: bool = False


@dataclass(frozen=True)
class Duration:
    """A length of time, TIMEX3 style: ``value`` like ``P2D``, ``PT3H``, ``P1Y``, ``PXM``.

    ``anchored`` ties the duration to the DCT when the text does: "in recent months"/"viimastel
    kuudel" -> ``Duration("PXM", anchored=-1)`` (a period that ends at the DCT); "over the next
    two weeks" -> ``Duration("P2W", anchored=1)``. ``None``: a free-floating length ("for three
    days"), which the timeline cannot place.
    """

    value: str
    anchored: Direction | None = None


@dataclass(frozen=True)
class Reference:
    """A vague pointer at the DCT: ``PRESENT_REF`` ("now", "praegu"), ``PAST_REF``
    ("recently", "hiljuti", "formerly"), ``FUTURE_REF`` ("soon", "varsti", "in the future").

    ``anaphoric``: "then" ("toona", "tollal") points at the time the story last named, and
    is only vague when the text has named none.
    """

    value: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]
    anaphoric: bool = False


@dataclass(frozen=True)
class Recurrence:
    """A set: "every week" -> ``Recurrence("P1W")``; "every Monday" -> ``Recurrence("XXXX-WXX-1")``;
    "daily"/"iga päev" -> ``Recurrence("P1D")``. The value is TIMEX3 and passes through as is.
    """

    value: str


TimeSpec = Absolute | Relative | Weekday | Duration | Reference | Recurrence


@dataclass(frozen=True)
class Mention:
    """A time expression a language's rules found: exact span, TIMEX3 type, and meaning.

    ``mod`` is the TIMEX3 modifier ("START" for "early October"/"oktoobri alguses", "END",
    "MID", "APPROX" for "about"/"umbes", "MORE_THAN", "LESS_THAN", "BEFORE", "AFTER").
    """

    start: int
    end: int
    type: TimexType
    spec: TimeSpec
    mod: str | None = None


Tense = Literal[-1, 0, 1]


@dataclass(frozen=True)
class TemporalLanguage:
    """What a language package registers: its finder, and a tense guesser for anchoring.

    ``find(text)`` returns non-overlapping mentions sorted by start offset.
    ``tense(text, start, end)`` says whether the clause around a mention speaks of the past
    (-1), present (0) or future (+1), or ``None`` when it cannot tell; the resolver uses it to
    place "on Thursday" or "in October" before or after the DCT.
    """

    code: str
    find: Callable[[str], list[Mention]]
    tense: Callable[[str, int, int], Tense | None]
    undated_times: bool = False
    """A time of day alone ("õhtul", "kell 20") with no day named in its sentence or the one
    before, in a clause not told in the past, keeps its bare value (``TEV``): such times are
    mostly habitual or generic ("öösel on liiklus väiksem"), and the language's gold leaves
    them undated."""
