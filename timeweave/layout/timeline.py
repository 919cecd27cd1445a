"""Lanes, rows, clusters and hit-testing for the timeline, computed with numpy and no Qt.

An *item* is one event placed in one lane (by entity, an event sits in the lane of each of its
actors). Items of a lane are packed into as many rows as overlapping times need, so every
event has a place of its own. A lane shows at most ``ROW_CAP`` rows until the analyst expands
it; its last shown row is then an *overflow* row that gathers the hidden rows' items as
"+N" chips. At a given zoom, items whose marks would touch in pixels merge into a cluster
chip with a count; clusters split as the analyst zooms in. Per frame the work is proportional
to the visible items, done in a few numpy passes, and the number of marks is bounded by the
visible width, never by the number of events.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np

from timeweave.humanize import basis_words, time_words
from timeweave.layout.scale import TimeScale
from timeweave.layout.stories import reporters, stories
from timeweave.model import Document, DocumentAnalysis, Event, Link, TimeBasis
from timeweave.workspace import EventRef

LaneMode = Literal["source", "entity"]

ROW_CAP = 12  # rows a lane shows before its "+N more" expander
FOCUS_SHARE = 0.9  # "Fit all" frames the middle 90 % of the events ...
FOCUS_GAIN = 1.5  # ... when the full span is at least this much wider
FOCUS_MIN_EVENTS = 10  # with fewer events, every one counts
FOCUS_REACH = 0.1  # of the stretch's width, either side
NO_ACTOR = "(no actor)"
BASES: tuple[str, ...] = get_args(TimeBasis)
POINT_RADIUS = 5.0
MIN_BAR_PX = 3.0
OPEN_START, OPEN_END = 1, 2  # flags of a time with only an upper or only a lower bound
OPEN_DAYS = 92.0  # how far a one-sided time is drawn (fading) beyond its bound
WIDE_PX = 24.0  # a bar at least this wide is always drawn as itself
SPAN_PX = 48.0  # a run of touching marks is cut into clusters at most about this wide
_CLIP_PX = 1e4  # extents beyond the screen are clipped before comparing them


@dataclass(frozen=True)
class Lane:
    """One horizontal band: a source, or an entity. ``source`` indexes ``documents`` for colour.

    ``rows`` is how many rows its items need; ``undated`` counts the source's events that are
    in the tray instead (source lanes only), so an empty lane can say why.
    """

    key: str
    label: str
    detail: str
    source: int | None
    rows: int
    count: int
    undated: int = 0


def shown_rows(lanes: Sequence[Lane], expanded: Collection[str] = frozenset()) -> np.ndarray:
    """Rows each lane shows: all when expanded or when they fit under ``ROW_CAP``."""
    return np.array([lane.rows if lane.key in expanded or lane.rows <= ROW_CAP else ROW_CAP
                     for lane in lanes], dtype=np.int64)


@dataclass(frozen=True)
class LaneGeometry:
    """Where each lane begins vertically, and which lane and row a y coordinate falls in.

    A lane is never shorter than ``min_height`` so its two-line label fits.
    """

    tops: np.ndarray  # len(lanes) + 1 boundaries
    row_height: float
    padding: float
    shown: np.ndarray  # rows shown per lane
    overflowing: np.ndarray  # per lane: its last shown row gathers hidden rows

    @classmethod
    def of(cls, lanes: Sequence[Lane], expanded: Collection[str] = frozenset(),
           row_height: float = 17.0, padding: float = 6.0, min_height: float = 40.0
           ) -> LaneGeometry:
        shown = shown_rows(lanes, expanded)
        heights = np.maximum(2 * padding + np.maximum(shown, 1) * row_height, min_height)
        overflowing = np.array([lane.rows for lane in lanes], dtype=np.int64) > shown
        return cls(np.concatenate(([0.0], np.cumsum(heights))), row_height, padding, shown,
                   overflowing)

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
        row = int((y - self.tops[lane] - self.padding) // self.row_height)
        return lane, min(max(row, 0), max(int(self.shown[lane]), 1) - 1)

    def lanes_between(self, y0: float, y1: float) -> range:
        first = max(int(np.searchsorted(self.tops, y0, side="right")) - 1, 0)
        last = min(int(np.searchsorted(self.tops, y1, side="left")), len(self.tops) - 1)
        return range(first, last)


@dataclass(frozen=True)
class Marks:
    """What to draw at one zoom: single items and clusters, with their members.

    ``x0``/``x1`` are the drawn extents in time-area pixels (used for hit-testing); the members
    of mark ``i`` are ``members[offsets[i]:offsets[i + 1]]`` (item indices). ``chip`` marks are
    drawn as a chip with their count: clusters, an event crowded inside a run of clusters, and
    every mark of an overflow row (``overflow``), whose members sit in rows not shown.
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
    chip: np.ndarray
    overflow: np.ndarray

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


def cluster_half_width(count: np.ndarray, overflow: np.ndarray | bool = False) -> np.ndarray:
    """Half the width of chips, which grow with the digits of their counts ("+" included)."""
    digits = np.floor(np.log10(np.maximum(count, 1))) + 1 + np.asarray(overflow, dtype=float)
    return np.maximum(8.0, 3.2 * digits + 5.0)


class TimelineLayout:
    """Events of the open documents, arranged in lanes and indexed for drawing and picking.

    Built once per change of documents, filter or lane mode; queried every frame.
    """

    def __init__(self, pairs: Iterable[tuple[DocumentAnalysis, Event]],
                 documents: Sequence[Document], mode: LaneMode = "source",
                 links: Iterable[Link] = ()) -> None:
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
        self._group_stories(links)

    def _group_stories(self, links: Iterable[Link]) -> None:
        """Which events are one story: ``event_reporters`` counts the sources that tell each
        event's story, ``story_pairs`` joins each story's dated mentions in source order (the
        connectors drawn between lanes)."""
        self.stories = stories(self.refs, links)
        self.event_reporters = np.ones(len(self.events), dtype=np.int64)
        joins = []
        for story in self.stories:
            if len(story) < 2:
                break  # the stories told by several mentions come first
            members = sorted((self.ref_index[ref] for ref in story),
                             key=lambda e: int(self.event_source[e]))
            self.event_reporters[members] = reporters(story)
            dated = [e for e in members if not np.isnan(self.event_start[e])]
            joins += list(itertools.pairwise(dated))
        self.story_pairs = np.array(joins, dtype=np.int64).reshape(-1, 2)

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
        rows_used = []
        for index in range(len(lanes)):
            a, b = int(bounds[index]), int(bounds[index + 1])
            row[a:b], used = _first_fit(start[a:b].tolist(), end[a:b].tolist())
            rows_used.append(used)
        self.lane_group_start = np.concatenate(([0], np.cumsum(rows_used))).astype(np.int64)
        group = self.lane_group_start[lane] + row
        order = np.lexsort((end, start, group))
        self.item_event, self.item_lane, self.item_row = event[order], lane[order], row[order]
        self.item_start, self.item_end, self.item_group = start[order], end[order], group[order]
        self.item_point = ((self.item_end - self.item_start) <= 1.0) & (
            self.event_open[self.item_event] == 0)
        groups = int(self.lane_group_start[-1])
        self.group_offsets = np.searchsorted(self.item_group, np.arange(groups + 1))
        lengths = self.item_end - self.item_start
        self.group_max_length = np.zeros(groups)
        np.maximum.at(self.group_max_length, self.item_group, lengths)
        by_event = np.argsort(self.item_event, kind="stable")
        self._items_by_event = by_event
        self._event_item_offsets = np.searchsorted(self.item_event[by_event],
                                                   np.arange(len(self.events) + 1))
        counts = np.bincount(self.item_lane, minlength=len(lanes))
        sources = self.event_source[self.undated]
        undated = np.bincount(sources[sources >= 0], minlength=len(self.documents))
        self.lanes = tuple(Lane(key, label, detail, source, rows, int(n),
                                int(undated[source]) if source is not None else 0)
                           for (key, label, detail, source), rows, n
                           in zip(lanes, rows_used, counts, strict=True))
        self.lane_rows = np.array(rows_used, dtype=np.int64)

        # One sorted key over every item, (row group, start): the items a frame shows are found
        # for all rows at once with two searchsorted calls, not two per row in a Python loop.
        base = float(self.item_start.min()) if len(self.item_start) else 0.0
        self._key_width = float(self.item_start.max()) - base + 2.0 if len(self.item_start) else 2.0
        self._key_base = base
        self._group_key = self.item_group * self._key_width + (self.item_start - base)

    def _items_between(self, lanes: np.ndarray, shown: np.ndarray, first: float, last: float
                       ) -> tuple[np.ndarray, np.ndarray]:
        """Items of every row of ``lanes`` that may show between days ``first`` and ``last``
        (lane by lane, row by row, in time order) and the row each is drawn in: rows past a
        collapsed lane's last shown row are drawn in that (overflow) row."""
        counts = self.lane_rows[lanes]
        lane_start = self.lane_group_start[lanes]
        before = np.cumsum(counts) - counts
        groups = np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(lane_start - before,
                                                                          counts)
        group_lane = np.repeat(lanes, counts)
        limit = shown[group_lane]
        overflow_row = np.where(limit < self.lane_rows[group_lane], limit - 1, limit)
        display_row = np.minimum(groups - np.repeat(lane_start, counts), overflow_row)
        width, offset = self._key_width, groups * self._key_width
        low = np.clip(first - self.group_max_length[groups] - self._key_base, -1.0, width - 1.0)
        high = np.clip(last - self._key_base, -1.0, width - 1.0)
        lo = np.searchsorted(self._group_key, offset + low, side="left")
        hi = np.searchsorted(self._group_key, offset + high, side="right")
        lengths = hi - lo
        ends = np.cumsum(lengths)
        index = np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64) + np.repeat(
            lo - (ends - lengths), lengths)
        return index, np.repeat(display_row, lengths)

    # -- queries ----------------------------------------------------------------------------

    def span(self) -> tuple[float, float] | None:
        """First and last (exclusive) day of the dated events, or ``None`` when there are none."""
        if not len(self.order):
            return None
        return float(np.nanmin(self.event_start)), float(np.nanmax(self.event_end))

    def focus_span(self, share: float = FOCUS_SHARE) -> tuple[float, float] | None:
        """Where the events are: the shortest stretch of days holding the midpoints of
        ``share`` of the dated events, with the events just beside it, widened to their whole
        extents; the full :meth:`span` when that is not much wider. A few historical years
        mentioned in passing then do not squeeze everything else into a corner."""
        span = self.span()
        if span is None or len(self.order) < FOCUS_MIN_EVENTS:
            return span
        middle = np.sort((self.event_start[self.order] + self.event_end[self.order]) / 2)
        count = len(middle)
        keep = int(np.ceil(share * count))
        widths = middle[keep - 1:] - middle[:count - keep + 1]
        first_index = int(np.argmin(widths))
        low, high = middle[first_index], middle[first_index + keep - 1]
        reach = FOCUS_REACH * (high - low)  # the next events just beside the stretch count too
        low, high = low - reach, high + reach
        mids = (self.event_start[self.order] + self.event_end[self.order]) / 2
        inside = self.order[(mids >= low) & (mids <= high)]
        first = float(self.event_start[inside].min())
        last = float(self.event_end[inside].max())
        if (span[1] - span[0]) < FOCUS_GAIN * (last - first):
            return span
        return first, last

    def outside(self, first: float, last: float) -> tuple[int, int]:
        """How many dated events lie wholly before ``first`` and wholly after ``last``."""
        starts, ends = self.event_start[self.order], self.event_end[self.order]
        return int((ends <= first).sum()), int((starts >= last).sum())

    def lane_neighbour(self, event: int, step: int) -> int | None:
        """The dated event in the next lane down (``step`` > 0) or up that has any, nearest in
        time to ``event`` (Up/Down on the timeline); ``None`` at the first or last lane."""
        items = self.items_of([event])
        if not len(items) or np.isnan(self.event_start[event]):
            return None
        lane = int(self.item_lane[items[0]])
        middle = (self.event_start[event] + self.event_end[event]) / 2
        lanes = range(lane + step, len(self.lanes) if step > 0 else -1, 1 if step > 0 else -1)
        for other in lanes:
            candidates = np.flatnonzero(self.item_lane == other)
            if len(candidates):
                centres = (self.item_start[candidates] + self.item_end[candidates]) / 2
                return int(self.item_event[candidates[np.argmin(np.abs(centres - middle))]])
        return None

    def items_of(self, events: Iterable[int]) -> np.ndarray:
        """Every item (lane placement) of the given event indices."""
        parts = [self._items_by_event[self._event_item_offsets[e]:self._event_item_offsets[e + 1]]
                 for e in events]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def first_items(self, events: np.ndarray) -> np.ndarray:
        """The first item (lane placement) of each of ``events``, all of them dated."""
        return self._items_by_event[self._event_item_offsets[events]]

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

    def items_below(self, lane: int, row: int) -> int:
        """How many items of ``lane`` sit in ``row`` or further down (an overflow row's load)."""
        base = int(self.lane_group_start[lane])
        last = base + self.lanes[lane].rows
        return int(self.group_offsets[last] - self.group_offsets[min(base + row, last)])

    def marks(self, scale: TimeScale, lanes: Iterable[int],
              shown: np.ndarray | None = None) -> Marks:
        """The marks to draw for ``lanes`` in the days ``scale`` shows, each lane showing
        ``shown`` rows (default: collapsed to ``ROW_CAP``)."""
        if shown is None:
            shown = shown_rows(self.lanes)
        ppd = scale.px_per_day
        slack = SPAN_PX / ppd
        first, last = scale.start - slack, scale.end + slack
        index, row = self._items_between(np.fromiter(lanes, dtype=np.int64), shown, first, last)
        keep = self.item_end[index] >= first
        index, row = index[keep], row[keep]
        lane = self.item_lane[index]
        overflow = (row == shown[lane] - 1) & (shown[lane] < self.lane_rows[lane])
        start, end, point = self.item_start[index], self.item_end[index], self.item_point[index]
        middle = scale.x((start + end) / 2)
        x0 = np.where(point, middle - POINT_RADIUS - 1, scale.x(start))
        x1 = np.where(point, middle + POINT_RADIUS + 1,
                      np.maximum(scale.x(end), scale.x(start) + MIN_BAR_PX))
        wide = ~point & ~overflow & (x1 - x0 >= WIDE_PX)
        narrow = np.flatnonzero(~wide)
        display_group = self.lane_group_start[lane] + row
        runs = _runs(display_group[narrow], x0[narrow], x1[narrow], scale.width)
        order = narrow[runs.order]
        members = np.concatenate((index[order], index[wide]))
        count = np.concatenate((np.diff(runs.offsets), np.ones(int(wide.sum()), dtype=np.int64)))
        offsets = np.concatenate((runs.offsets, runs.offsets[-1] + np.cumsum(count[len(
            runs.crowded):]))).astype(np.int64)
        heads = offsets[:-1]
        by_mark = np.concatenate((order, np.flatnonzero(wide)))
        mark_overflow = overflow[by_mark[heads]] if len(members) else np.zeros(0, dtype=bool)
        chip = np.concatenate((runs.crowded, np.zeros(int(wide.sum()), dtype=bool)))
        chip |= (count > 1) | mark_overflow
        if len(members):
            mark_start = np.minimum.reduceat(self.item_start[members], heads)
            mark_end = np.maximum.reduceat(self.item_end[members], heads)
            left = np.minimum.reduceat(x0[by_mark], heads)
            right = np.maximum.reduceat(x1[by_mark], heads)
        else:
            mark_start = mark_end = left = right = np.zeros(0)
        own = middle[by_mark[heads]] if len(members) else np.zeros(0)
        centre = np.clip((left + right) / 2, -_CLIP_PX, scale.width + _CLIP_PX)
        xc = np.where(chip, centre, own)
        bar = ~chip & ~self.item_point[members[heads]] if len(members) else chip
        half = np.where(chip, cluster_half_width(count, mark_overflow), POINT_RADIUS)
        x0m = np.where(bar, left, xc - half)
        x1m = np.where(bar, right, xc + half)
        return Marks(self.item_lane[members[heads]] if len(members) else lane[:0],
                     row[by_mark[heads]] if len(members) else row[:0], xc, x0m, x1m, count,
                     mark_start, mark_end, members, offsets, chip, mark_overflow)


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
    """The days an event can mean in words, on what basis, and the TIMEX3 value for experts,
    for tooltips and lists."""
    time = event.time
    value = f" · TIMEX3 {time.value}" if time.value else ""
    return f"{time_words(time)} · {basis_words(time.basis)}{value}"


def undated_reason(event: Event) -> str:
    """Why an event is in the undated tray, in the analyst's words."""
    value = event.time.value
    if value and value.startswith("XXXX"):
        return time_words(event.time)  # "22 October, year unknown"
    if value:
        return f"{time_words(event.time)}, not placed in time"
    return "no time found"


def build_layout(analyses: Sequence[DocumentAnalysis],
                 pairs: Iterable[tuple[DocumentAnalysis, Event]] | None = None,
                 mode: LaneMode = "source", links: Iterable[Link] = ()) -> TimelineLayout:
    """Lay out ``pairs`` (default: every event of ``analyses``) in lanes of ``mode``; event
    ``links`` make the stories several sources tell."""
    if pairs is None:
        pairs = ((a, e) for a in analyses for e in a.events)
    return TimelineLayout(pairs, [a.document for a in analyses], mode, links)


def _first_fit(starts: list[float], ends: list[float]) -> tuple[list[int], int]:
    """Rows for time-sorted intervals: each takes the lowest free row, as many as needed."""
    busy: list[tuple[float, int]] = []  # (end, row) of the rows in use
    free: list[int] = []
    rows = []
    used = 0
    for start, end in zip(starts, ends, strict=True):
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row, used = used, used + 1
        heapq.heappush(busy, (end, row))
        rows.append(row)
    return rows, max(used, 1)


@dataclass(frozen=True)
class _Runs:
    """Narrow marks grouped into clusters: ``order`` sorts the input by display row and x,
    ``offsets`` bound each cluster in that order; ``crowded`` flags clusters cut from a longer
    run of touching marks (drawn as chips even when they hold one event)."""

    order: np.ndarray
    offsets: np.ndarray
    crowded: np.ndarray


def _runs(group: np.ndarray, x0: np.ndarray, x1: np.ndarray, width: float) -> _Runs:
    """Cluster marks of the same display row whose drawn extents overlap in pixels.

    A run of overlapping marks is cut every ``SPAN_PX`` so that one chip never stands for a
    whole dense stretch; the pieces' chips then sit at least about a chip's width apart.
    """
    if not len(group):
        empty = np.zeros(0, dtype=np.int64)
        return _Runs(empty, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=bool))
    order = np.lexsort((x0, group))
    group = group[order]
    left = np.clip(x0[order], -_CLIP_PX, width + _CLIP_PX)
    right = np.clip(x1[order], -_CLIP_PX, width + _CLIP_PX)
    stride = width + 4 * _CLIP_PX
    rank = np.cumsum(np.concatenate(([0], group[1:] != group[:-1])))
    reach = np.maximum.accumulate(right + rank * stride) - rank * stride
    new_group = np.concatenate(([True], group[1:] != group[:-1]))
    new_run = new_group | np.concatenate(([True], left[1:] >= reach[:-1]))
    run = np.cumsum(new_run) - 1
    run_left = left[np.flatnonzero(new_run)][run]
    piece = np.floor((left - run_left) / SPAN_PX)
    new_mark = new_run | np.concatenate(([True], piece[1:] != piece[:-1]))
    heads = np.flatnonzero(new_mark)
    offsets = np.concatenate((heads, [len(order)])).astype(np.int64)
    pieces = np.bincount(run[new_mark])
    crowded = pieces[run[heads]] > 1
    return _Runs(order, offsets, crowded)


def _title(document: Document) -> str:
    return document.label


def _describe(document: Document) -> str:
    date = document.date
    published = (f"published {date.value} (from {date.source})" if date.value
                 else "no publication date")
    return f"{_title(document)}\n{document.path}\n{published}"

