"""Lanes, rows, clusters and hit-testing for the timeline, computed with numpy and no Qt.

An *item* is one event placed in one lane (by entity, an event sits in the lane of each of its
actors). Items of a lane are packed into at most ``MAX_ROWS`` rows so that bars never overlap;
when a lane needs more, its last row becomes a *stacked* row whose items are always clustered.
At a given zoom, items narrower than a pixel bucket are grouped per bucket: one item is drawn
as itself, several as a cluster with a count, and the groups split as the analyst zooms in.
Per frame the work is proportional to the visible items, done in a few numpy passes, and the
number of marks is bounded by the visible width, never by the number of events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal, get_args

import numpy as np

from timeweave.layout.scale import TimeScale
from timeweave.model import Document, DocumentAnalysis, Event, TimeBasis
from timeweave.workspace import EventRef

LaneMode = Literal["source", "entity"]

MAX_ROWS = 4
NO_ACTOR = "(no actor)"
BASES: tuple[str, ...] = get_args(TimeBasis)
POINT_RADIUS = 5.0
MIN_BAR_PX = 3.0
OPEN_START, OPEN_END = 1, 2  # flags of a time with only an upper or only a lower bound
OPEN_DAYS = 92.0  # how far a one-sided time is drawn (fading) beyond its bound
BUCKET_PX = 24.0  # items closer than this at the current zoom cluster


@dataclass(frozen=True)
class Lane:
    """One horizontal band: a source, or an entity. ``source`` indexes ``documents`` for colour."""

    key: str
    label: str
    detail: str
    source: int | None
    rows: int
    count: int


@dataclass(frozen=True)
class LaneGeometry:
    """Where each lane begins vertically, and which lane and row a y coordinate falls in."""

    tops: np.ndarray  # len(lanes) + 1 boundaries
    row_height: float
    padding: float

    @classmethod
    def of(cls, lanes: Sequence[Lane], row_height: float = 18.0, padding: float = 8.0
           ) -> LaneGeometry:
        heights = [2 * padding + max(lane.rows, 1) * row_height for lane in lanes]
        return cls(np.concatenate(([0.0], np.cumsum(heights))), row_height, padding)

    @property
    def height(self) -> float:
        return float(self.tops[-1])

    def row_centre(self, lane: int, row: int) -> float:
        return float(self.tops[lane]) + self.padding + (row + 0.5) * self.row_height

    def locate(self, y: float) -> tuple[int, int] | None:
        """The (lane, row) under ``y``; rows extend into the lane padding for easy clicking."""
        if not 0 <= y < self.height:
            return None
        lane = int(np.searchsorted(self.tops, y, side="right")) - 1
        rows = max(int(round((self.tops[lane + 1] - self.tops[lane] - 2 * self.padding)
                             / self.row_height)), 1)
        row = int((y - self.tops[lane] - self.padding) // self.row_height)
        return lane, min(max(row, 0), rows - 1)

    def lanes_between(self, y0: float, y1: float) -> range:
        first = max(int(np.searchsorted(self.tops, y0, side="right")) - 1, 0)
        last = min(int(np.searchsorted(self.tops, y1, side="left")), len(self.tops) - 1)
        return range(first, last)


@dataclass(frozen=True)
class Marks:
    """What to draw at one zoom: single items and clusters, with their members.

    ``x0``/``x1`` are the drawn extents in time-area pixels (used for hit-testing); the members
    of mark ``i`` are ``members[offsets[i]:offsets[i + 1]]`` (item indices).
    """

    lane: np.ndarray
    row: np.ndarray
    xc: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    count: np.ndarray
    start: np.ndarray  # earliest day of the members
    end: np.ndarray  # end (exclusive) of the latest member
    members: np.ndarray
    offsets: np.ndarray

    def __len__(self) -> int:
        return len(self.count)

    def members_of(self, mark: int) -> np.ndarray:
        return self.members[self.offsets[mark]:self.offsets[mark + 1]]

    def item(self, mark: int) -> int:
        """The (first) item of a mark; the only one when ``count`` is 1."""
        return int(self.members[self.offsets[mark]])

    def selected_counts(self, selected_items: np.ndarray) -> np.ndarray:
        """How many members of each mark are in the boolean item mask ``selected_items``."""
        if not len(self):
            return np.zeros(0, dtype=np.int64)
        return np.add.reduceat(selected_items[self.members].astype(np.int64), self.offsets[:-1])

    def hit(self, lane: int, row: int, x: float, tolerance: float = 3.0) -> int | None:
        """The mark under ``x`` in (lane, row): inside a bar, or nearest a point or cluster."""
        candidates = np.flatnonzero((self.lane == lane) & (self.row == row)
                                    & (self.x0 - tolerance <= x) & (x <= self.x1 + tolerance))
        if not len(candidates):
            return None
        outside = np.maximum(np.maximum(self.x0[candidates] - x, x - self.x1[candidates]), 0)
        centre = np.abs(self.xc[candidates] - x)
        return int(candidates[np.lexsort((centre, outside))[0]])


def cluster_half_width(count: np.ndarray) -> np.ndarray:
    """Half the width of cluster chips, which grow with the digits of their counts."""
    digits = np.floor(np.log10(np.maximum(count, 1))) + 1
    return np.maximum(8.0, 3.2 * digits + 5.0)


class TimelineLayout:
    """Events of the open documents, arranged in lanes and indexed for drawing and picking.

    Built once per change of documents, filter or lane mode; queried every frame.
    """

    def __init__(self, pairs: Iterable[tuple[DocumentAnalysis, Event]],
                 documents: Sequence[Document], mode: LaneMode = "source") -> None:
        self.mode: LaneMode = mode
        self.documents = tuple(documents)
        source_of = {doc.id: index for index, doc in enumerate(self.documents)}
        self.events: list[tuple[DocumentAnalysis, Event]] = list(pairs)
        self.refs = [EventRef(a.document.id, e.id) for a, e in self.events]
        self.ref_index = {ref: index for index, ref in enumerate(self.refs)}
        count = len(self.events)
        self.event_source = np.array([source_of.get(a.document.id, -1) for a, _ in self.events],
                                     dtype=np.int64)
        self.event_basis = np.array([BASES.index(e.time.basis) for _, e in self.events],
                                    dtype=np.int8)
        self.event_start = np.full(count, np.nan)
        self.event_end = np.full(count, np.nan)
        self.event_open = np.zeros(count, dtype=np.int8)
        for index, (_, event) in enumerate(self.events):
            bounds = event_bounds(event)
            if bounds:
                self.event_start[index], self.event_end[index], self.event_open[index] = bounds
        dated = ~np.isnan(self.event_start)
        self.undated = np.flatnonzero(~dated)
        dated_index = np.flatnonzero(dated)
        self.order = dated_index[np.lexsort((self.event_end[dated_index],
                                             self.event_start[dated_index]))]
        lane_keys, lane_of_item_event = self._assign_lanes(dated_index)
        self._pack(lane_keys, lane_of_item_event)

    # -- building -------------------------------------------------------------------------

    def _assign_lanes(self, dated_index: np.ndarray
                      ) -> tuple[list[tuple[str, str, str, int | None]], list[tuple[int, int]]]:
        """Lane descriptions, and (lane, event) pairs: one per item."""
        if self.mode == "source":
            lanes = [(doc.id, _title(doc), _describe(doc), index)
                     for index, doc in enumerate(self.documents)]
            return lanes, [(int(self.event_source[i]), int(i)) for i in dated_index
                           if self.event_source[i] >= 0]
        names: dict[str, Counter[str]] = {}
        keyed: list[tuple[str, int]] = []
        entity_maps: dict[int, dict[str, tuple[str, str]]] = {}
        for i in dated_index:
            analysis, event = self.events[i]
            if id(analysis) not in entity_maps:
                entity_maps[id(analysis)] = {e.id: (e.key, e.text) for e in analysis.entities}
            entities = entity_maps[id(analysis)]
            keys = dict.fromkeys(entities[actor] for actor in event.actors if actor in entities)
            for key, text in keys or {(NO_ACTOR, NO_ACTOR): None}:
                names.setdefault(key, Counter())[text] += 1
                keyed.append((key, int(i)))
        totals = Counter(key for key, _ in keyed)
        ordered = sorted(totals, key=lambda k: (k == NO_ACTOR, -totals[k], k))
        position = {key: index for index, key in enumerate(ordered)}
        lanes = [(key, names[key].most_common(1)[0][0], f"{key} · {totals[key]} events", None)
                 for key in ordered]
        return lanes, [(position[key], i) for key, i in keyed]

    def _pack(self, lanes: list[tuple[str, str, str, int | None]],
              items: list[tuple[int, int]]) -> None:
        """Sort items per lane by time and give each the first row where it overlaps nothing."""
        lane = np.array([lane for lane, _ in items], dtype=np.int64)
        event = np.array([event for _, event in items], dtype=np.int64)
        start, end = self.event_start[event], self.event_end[event]
        order = np.lexsort((end, start, lane))
        lane, event, start, end = lane[order], event[order], start[order], end[order]
        row = np.zeros(len(event), dtype=np.int64)
        bounds = np.searchsorted(lane, np.arange(len(lanes) + 1))
        stacked = np.zeros(len(lanes) * MAX_ROWS, dtype=bool)
        rows_used = []
        for index in range(len(lanes)):
            a, b = int(bounds[index]), int(bounds[index + 1])
            row[a:b], used, overflow = _first_fit(start[a:b].tolist(), end[a:b].tolist())
            rows_used.append(used)
            stacked[index * MAX_ROWS + MAX_ROWS - 1] = overflow
        group = lane * MAX_ROWS + row
        order = np.lexsort((end, start, group))
        self.item_event, self.item_lane, self.item_row = event[order], lane[order], row[order]
        self.item_start, self.item_end, self.item_group = start[order], end[order], group[order]
        self.item_point = ((self.item_end - self.item_start) <= 1.0) & (
            self.event_open[self.item_event] == 0)
        groups = len(lanes) * MAX_ROWS
        self.group_offsets = np.searchsorted(self.item_group, np.arange(groups + 1))
        self.group_stacked = stacked
        lengths = self.item_end - self.item_start
        self.group_max_length = np.zeros(groups)
        np.maximum.at(self.group_max_length, self.item_group, lengths)
        by_event = np.argsort(self.item_event, kind="stable")
        self._items_by_event = by_event
        self._event_item_offsets = np.searchsorted(self.item_event[by_event],
                                                   np.arange(len(self.events) + 1))
        counts = np.bincount(self.item_lane, minlength=len(lanes))
        self.lanes = tuple(Lane(key, label, detail, source, rows, int(n))
                           for (key, label, detail, source), rows, n
                           in zip(lanes, rows_used, counts, strict=True))

    # -- queries ----------------------------------------------------------------------------

    def span(self) -> tuple[float, float] | None:
        """First and last (exclusive) day of the dated events, or ``None`` when there are none."""
        if not len(self.order):
            return None
        return float(np.nanmin(self.event_start)), float(np.nanmax(self.event_end))

    def items_of(self, events: Iterable[int]) -> np.ndarray:
        """Every item (lane placement) of the given event indices."""
        parts = [self._items_by_event[self._event_item_offsets[e]:self._event_item_offsets[e + 1]]
                 for e in events]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def neighbour(self, selected: Iterable[int], step: int) -> int | None:
        """The dated event after (``step`` > 0) or before the selection in time order."""
        if not len(self.order):
            return None
        rank = np.empty(len(self.events), dtype=np.int64)
        rank[self.order] = np.arange(len(self.order))
        ranks = [int(rank[e]) for e in selected if not np.isnan(self.event_start[e])]
        if not ranks:
            return int(self.order[0 if step > 0 else -1])
        target = max(ranks) + 1 if step > 0 else min(ranks) - 1
        return int(self.order[min(max(target, 0), len(self.order) - 1)])

    def density(self, bins: int, first: float, last: float) -> np.ndarray:
        """Number of dated events whose middle falls in each of ``bins`` equal stretches."""
        middle = (self.event_start[self.order] + self.event_end[self.order]) / 2
        return np.histogram(middle, bins=bins, range=(first, last))[0]

    def marks(self, scale: TimeScale, lanes: Iterable[int], bucket_px: float = BUCKET_PX) -> Marks:
        """The marks to draw for ``lanes`` in the days ``scale`` shows."""
        ppd = scale.px_per_day
        slack = bucket_px / ppd
        first, last = scale.start - slack, scale.end + slack
        chunks = []
        for lane in lanes:
            for group in range(lane * MAX_ROWS, lane * MAX_ROWS + self.lanes[lane].rows):
                a, b = int(self.group_offsets[group]), int(self.group_offsets[group + 1])
                starts = self.item_start[a:b]
                lo = np.searchsorted(starts, first - self.group_max_length[group], side="left")
                hi = np.searchsorted(starts, last, side="right")
                chunks.append(np.arange(a + lo, a + hi))
        index = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
        index = index[self.item_end[index] >= first]
        start, end = self.item_start[index], self.item_end[index]
        narrow = (self.item_point[index] | ((end - start) * ppd < bucket_px)
                  | self.group_stacked[self.item_group[index]])
        wide = index[~narrow]
        grouped = _buckets(index[narrow], (start[narrow] + end[narrow]) / 2 * ppd / bucket_px,
                           self.item_group)
        members = np.concatenate((grouped[0], wide))
        count = np.concatenate((grouped[1], np.ones(len(wide), dtype=np.int64)))
        offsets = np.concatenate(([0], np.cumsum(count)))
        heads = members[offsets[:-1]]
        mark_start = np.minimum.reduceat(self.item_start[members], offsets[:-1]) if len(
            members) else np.zeros(0)
        mark_end = np.maximum.reduceat(self.item_end[members], offsets[:-1]) if len(
            members) else np.zeros(0)
        middle = (self.item_start[members] + self.item_end[members]) / 2
        single = count == 1
        # A single item sits at its own time; a cluster at its bucket's centre, so that
        # neighbouring chips never overlap.
        centre = (np.floor((middle[offsets[:-1]] * ppd) / bucket_px) + 0.5) * bucket_px / ppd
        xc = scale.x(np.where(single, middle[offsets[:-1]], centre))
        bar = single & ~self.item_point[heads]
        half = np.where(single, POINT_RADIUS, cluster_half_width(count))
        x0 = np.where(bar, scale.x(mark_start), xc - half)
        x1 = np.where(bar, np.maximum(scale.x(mark_end), scale.x(mark_start) + MIN_BAR_PX),
                      xc + half)
        return Marks(self.item_lane[heads], self.item_row[heads], xc, x0, x1, count, mark_start,
                     mark_end, members, offsets)


def event_bounds(event: Event) -> tuple[float, float, int] | None:
    """First day, exclusive end day and open sides (``OPEN_START | OPEN_END``) of an event.

    With one bound missing ("in recent months" before the publication date) the drawn extent
    reaches ``OPEN_DAYS`` past the known bound, where the renderer fades it out to nothing;
    ``None`` when there is no bound at all (the undated tray).
    """
    earliest, latest = event.time.earliest, event.time.latest
    if earliest is None and latest is None:
        return None
    if earliest is None:
        end = float(latest.toordinal() + 1)
        return end - OPEN_DAYS, end, OPEN_START
    if latest is None:
        start = float(earliest.toordinal())
        return start, start + OPEN_DAYS, OPEN_END
    first, last = sorted((earliest, latest))
    return float(first.toordinal()), float(last.toordinal() + 1), 0


def describe_time(event: Event) -> str:
    """The days an event can mean, and on what basis, for tooltips and lists."""
    time = event.time
    earliest, latest = time.earliest, time.latest
    if earliest is None and latest is None:
        when = undated_reason(event)
    elif earliest is None:
        when = f"before {latest.isoformat()} (no earlier bound)"
    elif latest is None:
        when = f"after {earliest.isoformat()} (no later bound)"
    elif earliest == latest:
        when = earliest.isoformat()
    else:
        when = f"{earliest.isoformat()} – {latest.isoformat()}"
    basis = {"timex": "from a time expression", "document_date": "from the publication date only",
             "analyst": "set by the analyst", "unknown": "no time found"}[time.basis]
    value = f" · value {time.value}" if time.value else ""
    return f"{when}{value} · {basis}"


def undated_reason(event: Event) -> str:
    """Why an event is in the undated tray, in the analyst's words."""
    value = event.time.value
    if value and "X" in value.upper():
        return f"year unknown ({value})"
    if value:
        return f"not placed in time ({value})"
    return "no time found"


def build_layout(analyses: Sequence[DocumentAnalysis],
                 pairs: Iterable[tuple[DocumentAnalysis, Event]] | None = None,
                 mode: LaneMode = "source") -> TimelineLayout:
    """Lay out ``pairs`` (default: every event of ``analyses``) in lanes of ``mode``."""
    if pairs is None:
        pairs = ((a, e) for a in analyses for e in a.events)
    return TimelineLayout(pairs, [a.document for a in analyses], mode)


def _first_fit(starts: list[float], ends: list[float]) -> tuple[list[int], int, bool]:
    """Rows for time-sorted intervals; beyond ``MAX_ROWS`` they share (stack in) the last row."""
    row_end = [-np.inf] * MAX_ROWS
    rows = []
    used, overflow = 1, False
    for start, end in zip(starts, ends, strict=True):
        for row in range(MAX_ROWS):
            if row_end[row] <= start:
                row_end[row] = end
                used = max(used, row + 1)
                rows.append(row)
                break
        else:
            rows.append(MAX_ROWS - 1)
            overflow = True
    return rows, used, overflow


def _buckets(items: np.ndarray, bucket: np.ndarray, group: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """Group narrow items sharing a row and a pixel bucket: (members in bucket order, counts)."""
    if not len(items):
        return items, np.zeros(0, dtype=np.int64)
    key = group[items] * (1 << 40) + np.floor(bucket).astype(np.int64)
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return items[np.argsort(inverse, kind="stable")], counts


def _title(document: Document) -> str:
    return document.title or PurePath(document.path).name or document.id


def _describe(document: Document) -> str:
    date = document.date
    published = (f"published {date.value} (from {date.source})" if date.value
                 else "no publication date")
    return f"{_title(document)}\n{document.path}\n{published}"

