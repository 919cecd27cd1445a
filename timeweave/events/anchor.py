"""When an event happened: its own clause's time expression, else its tense, else its reporter.

The order is the order of evidence: "signed on 22 October" says when; "fled" in a report
published on 20 November says only that it was over by then (``tense``: no earlier bound, the
publication date as the later one; the present holds at publication; the future starts there);
"the withdrawal" with neither is placed by the statement that reports it (``reporting``: no later
than the report, or no earlier for what is planned). Nothing is ever invented: without any of
these the time is unknown.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from timeweave.events.base import Tense
from timeweave.events.clause import Clauses
from timeweave.model import DocumentDate, EventTime, Timex

_ANCHORING_TYPES = frozenset({"DATE", "TIME"})


def _anchors(timex: Timex) -> bool:
    """A date or time, or a duration placed in time ("in recent months", "viimastel kuudel":
    the months before publication); a bare length ("for three days") places nothing."""
    if timex.type == "DURATION":
        return timex.earliest is not None or timex.latest is not None
    return timex.type in _ANCHORING_TYPES


class Timexes:
    """The document's anchoring time expressions in text order, to find a clause's by bisection
    (a long document has thousands of events and of time expressions)."""

    def __init__(self, timexes: list[Timex]) -> None:
        self.timexes = sorted((t for t in timexes if _anchors(t)), key=lambda t: t.start)
        self.starts = [t.start for t in self.timexes]

    def between(self, start: int, end: int) -> list[Timex]:
        """Those that begin in ``[start, end)``."""
        return self.timexes[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def clause_time(head: Token, clauses: Clauses, timexes: Timexes) -> EventTime | None:
    """The time expression of the clause of ``head``, nearest first."""
    tokens = clauses.tokens(head)
    starts = {t.idx for t in tokens}
    ends = {t.idx + len(t) for t in tokens}
    inside = [
        t
        for t in timexes.between(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        if any(t.start <= s < t.end for s in starts) and any(t.start < e <= t.end for e in ends)
    ]
    if not inside:
        return None
    best = min(inside, key=lambda t: abs(t.start - head.idx))
    return EventTime(best.earliest, best.latest, best.value, "timex", best.id)


def tense_time(tense: Tense, date: DocumentDate) -> EventTime | None:
    """The days a past, present or future event can fall on, seen from the publication date."""
    bounds = date.bounds()
    if bounds is None or tense == "none":
        return None
    if tense == "past":
        return EventTime(None, bounds[1], None, "tense")
    if tense == "future":
        return EventTime(bounds[0], None, None, "tense")
    return EventTime(bounds[0], bounds[1], date.value, "tense")


def reporter_time(reporter: EventTime, prospective: bool) -> EventTime | None:
    """What is reported happened by the report; what is planned, future or possible (in the
    report's words: "will help", "could help") comes after it."""
    if reporter.earliest is None and reporter.latest is None:
        return None
    if prospective:
        return EventTime(reporter.earliest, None, None, "reporting")
    return EventTime(None, reporter.latest, None, "reporting")
