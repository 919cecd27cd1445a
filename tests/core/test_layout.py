"""The timeline's geometry without Qt: scale, ticks, lanes, packing, clusters, picking."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from timeweave.layout import (
    LaneGeometry,
    TimeScale,
    axis_ticks,
    build_layout,
    day_number,
    describe_time,
    undated_reason,
)
from timeweave.layout.scale import MAX_PX_PER_DAY, MIN_PX_PER_DAY
from timeweave.layout.synthetic import synthetic_analyses
from timeweave.layout.timeline import NO_ACTOR, OPEN_DAYS, OPEN_START, ROW_CAP, shown_rows
from timeweave.model import Document, DocumentAnalysis, Entity, Event, EventTime
from timeweave.workspace import EventRef

D = dt.date


def _analysis(doc_id: str, times: list[tuple[D | None, D | None]],
              actors: list[tuple[str, ...]] | None = None) -> DocumentAnalysis:
    """A document with one event per ``times`` entry; actors name entity keys."""
    actors = actors or [()] * len(times)
    keys = sorted({key for group in actors for key in group})
    entities = [Entity(f"n{i}", 0, 1, key.title(), "ORG", key) for i, key in enumerate(keys)]
    ident = {key: f"n{i}" for i, key in enumerate(keys)}
    events = [Event(f"e{i}", 0, 1, f"event {i} of {doc_id}", "said",
                    tuple(ident[k] for k in group),
                    EventTime(first, last, None, "timex" if first or last else "unknown"))
              for i, ((first, last), group) in enumerate(zip(times, actors, strict=True))]
    document = Document(doc_id, f"{doc_id}.txt", "x", title=f"Title {doc_id}")
    return DocumentAnalysis(document, [], entities, events)


def test_zoom_keeps_the_day_under_the_anchor() -> None:
    scale = TimeScale.fit(day_number(D(2015, 1, 1)), day_number(D(2016, 1, 1)), 800)
    before = scale.day(300)
    zoomed = scale.zoomed(3.0, 300)
    assert zoomed.px_per_day == pytest.approx(scale.px_per_day * 3)
    assert zoomed.day(300) == pytest.approx(before)


def test_zoom_is_clamped_from_centuries_to_hours() -> None:
    scale = TimeScale(700000.0, 1.0, 800)
    assert scale.zoomed(1e9, 0).px_per_day == MAX_PX_PER_DAY
    assert scale.zoomed(1e-9, 0).px_per_day == MIN_PX_PER_DAY


def test_pan_moves_content_with_the_drag() -> None:
    scale = TimeScale(700000.0, 10.0, 800)
    assert scale.panned(50).day(50) == pytest.approx(scale.day(0))


def test_showing_pans_only_when_needed() -> None:
    scale = TimeScale(700000.0, 10.0, 800)
    assert scale.showing(700010, 700011) is scale
    moved = scale.showing(701000, 701001)
    assert moved.start < 701000 < moved.end
    assert moved.px_per_day == scale.px_per_day
    wide = scale.showing(701000, 702000)
    assert wide.start <= 701000
    assert wide.end >= 702000


@pytest.mark.parametrize(("px_per_day", "unit"), [
    (0.002, "century"), (0.02, "decade"), (0.2, "year"), (0.5, "quarter"), (2, "month"),
    (10, "week"), (40, "day"), (300, "6 hours"), (1400, "hour"),
])
def test_tick_unit_follows_zoom(px_per_day: float, unit: str) -> None:
    scale = TimeScale(day_number(D(2015, 10, 1)), px_per_day, 1000)
    assert axis_ticks(scale).unit == unit


def test_weeks_are_iso_weeks_starting_on_monday() -> None:
    axis = axis_ticks(TimeScale(day_number(D(2015, 10, 1)), 10, 600))
    assert axis.unit == "week"
    for tick in axis.minor:
        day = D.fromordinal(int(tick.day))
        assert day.weekday() == 0
        assert tick.label == f"W{day.isocalendar().week:02d}"
    assert "W43" in [t.label for t in axis.minor]  # 2015-10-19
    assert {"Oct 2015", "Nov 2015"} <= {t.label for t in axis.major}


def test_hour_ticks_name_the_day_above() -> None:
    axis = axis_ticks(TimeScale(day_number(D(2015, 10, 22)), 1400, 1200))
    labels = {t.day: t.label for t in axis.minor}
    start = day_number(D(2015, 10, 22))
    assert [labels[start + h / 24] for h in range(3)] == ["00:00", "01:00", "02:00"]
    assert {t.day: t.label for t in axis.major}[start] == "Thu 22 Oct 2015"


def test_undated_events_go_to_the_tray_and_half_bounded_ones_fade() -> None:
    analysis = _analysis("a", [(D(2015, 10, 22), D(2015, 10, 22)), (None, None),
                               (None, D(2015, 10, 31))])
    layout = build_layout([analysis])
    assert [layout.refs[i] for i in layout.undated] == [EventRef("a", "e1")]
    open_index = layout.ref_index[EventRef("a", "e2")]
    assert layout.event_open[open_index] == OPEN_START
    assert layout.event_end[open_index] - layout.event_start[open_index] == OPEN_DAYS
    assert not layout.item_point[layout.items_of([open_index])].any()


def test_source_lanes_include_documents_without_dated_events() -> None:
    layout = build_layout([_analysis("a", [(D(2015, 1, 1), D(2015, 1, 1))]),
                           _analysis("b", [(None, None)])])
    assert [lane.key for lane in layout.lanes] == ["a", "b"]
    assert [lane.count for lane in layout.lanes] == [1, 0]
    assert layout.lanes[0].label == "Title a"


def test_entity_lanes_put_an_event_in_each_actors_lane() -> None:
    day = (D(2015, 1, 1), D(2015, 1, 1))
    layout = build_layout([_analysis("a", [day, day, day],
                                     [("russia", "syria"), ("russia",), ()])], mode="entity")
    assert [lane.key for lane in layout.lanes] == ["russia", "syria", NO_ACTOR]
    items = layout.items_of([layout.ref_index[EventRef("a", "e0")]])
    assert sorted(layout.item_lane[items].tolist()) == [0, 1]
    assert layout.lanes[0].label == "Russia"


def test_overlapping_bars_get_as_many_rows_as_they_need() -> None:
    month = (D(2015, 10, 1), D(2015, 10, 31))
    layout = build_layout([_analysis("a", [month] * 5 + [(D(2015, 11, 2), D(2015, 11, 2))])])
    assert layout.lanes[0].rows == 5
    assert np.bincount(layout.item_row).tolist() == [2, 1, 1, 1, 1]  # the day reuses row 0
    for row in range(5):
        rows = layout.item_row == row
        starts, ends = layout.item_start[rows], layout.item_end[rows]
        assert (starts[1:] >= ends[:-1]).all()  # no overlap inside a row
    scale = TimeScale.fit(day_number(D(2015, 9, 1)), day_number(D(2015, 12, 1)), 900)
    marks = layout.marks(scale, range(1))
    assert marks.count.tolist() == [1] * 6
    assert not marks.chip.any()


def test_a_lane_beyond_the_cap_gathers_hidden_rows_in_plus_chips_until_expanded() -> None:
    month = (D(2015, 10, 1), D(2015, 10, 31))
    layout = build_layout([_analysis("a", [month] * (ROW_CAP + 3))])
    lane = layout.lanes[0]
    assert lane.rows == ROW_CAP + 3
    assert shown_rows(layout.lanes).tolist() == [ROW_CAP]
    assert layout.items_below(0, ROW_CAP - 1) == 4
    scale = TimeScale.fit(day_number(D(2015, 9, 1)), day_number(D(2015, 12, 1)), 900)
    marks = layout.marks(scale, range(1))
    assert marks.overflow[np.argsort(marks.row)].tolist() == [False] * (ROW_CAP - 1) + [True]
    assert marks.count[marks.overflow].tolist() == [4]
    assert marks.row[marks.overflow].tolist() == [ROW_CAP - 1]
    geometry = LaneGeometry.of(layout.lanes, {lane.key})
    assert geometry.shown.tolist() == [ROW_CAP + 3]
    assert not geometry.overflowing.any()
    marks = layout.marks(scale, range(1), geometry.shown)
    assert marks.count.tolist() == [1] * (ROW_CAP + 3)
    assert not marks.overflow.any()


def test_clusters_form_when_zoomed_out_and_split_when_zoomed_in() -> None:
    days = [(D(2015, 10, d), D(2015, 10, d)) for d in (1, 3, 5, 7)]
    layout = build_layout([_analysis("a", days)])
    lanes = range(len(layout.lanes))
    far = TimeScale.fit(day_number(D(2010, 1, 1)), day_number(D(2020, 1, 1)), 800)
    marks = layout.marks(far, lanes)
    assert marks.count.tolist() == [4]
    assert sorted(marks.members_of(0).tolist()) == [0, 1, 2, 3]
    near = TimeScale.fit(day_number(D(2015, 10, 1)), day_number(D(2015, 10, 8)), 800)
    marks = layout.marks(near, lanes)
    assert marks.count.tolist() == [1, 1, 1, 1]
    assert not marks.chip.any()


def test_clusters_form_only_where_marks_touch_in_pixels() -> None:
    days = [(D(2015, 10, d), D(2015, 10, d)) for d in (1, 2, 20)]
    layout = build_layout([_analysis("a", days)])
    # 5 px per day: the first two points (12 px wide each) overlap, the third stands alone
    scale = TimeScale(day_number(D(2015, 9, 20)), 5.0, 800)
    marks = layout.marks(scale, range(1))
    assert sorted(marks.count.tolist()) == [1, 2]
    # 12 px per day: points exactly one marker apart do not touch
    marks = layout.marks(TimeScale(day_number(D(2015, 9, 20)), 12.0, 800), range(1))
    assert marks.count.tolist() == [1, 1, 1]


def test_a_dense_run_is_cut_into_chips_that_do_not_overlap() -> None:
    days = [(D(2015, 1, 1) + dt.timedelta(days=d),) * 2 for d in range(0, 300, 2)]
    layout = build_layout([_analysis("a", days)])
    scale = TimeScale(day_number(D(2014, 12, 1)), 2.0, 1000)
    marks = layout.marks(scale, range(1))
    assert len(marks) > 3
    assert marks.chip.all()
    order = np.argsort(marks.xc)
    assert (marks.x0[order][1:] >= marks.x1[order][:-1] - 1).all()
    assert marks.count.sum() == len(days)


def test_marks_are_bounded_by_width_not_by_event_count() -> None:
    layout = build_layout(synthetic_analyses(20000, 4, seed=3))
    span = layout.span()
    assert span
    scale = TimeScale.fit(span[0], span[1], 1000)
    marks = layout.marks(scale, range(len(layout.lanes)))
    rows = int(shown_rows(layout.lanes).sum())
    assert len(marks) <= rows * (1000 / 24 + 4) * 2
    dated_items = len(layout.item_event)
    assert marks.count.sum() == dated_items  # every item is in exactly one mark at fit-all


def test_hit_picks_the_mark_under_the_pointer() -> None:
    layout = build_layout([_analysis("a", [(D(2015, 10, 1), D(2015, 10, 1)),
                                           (D(2015, 10, 10), D(2015, 10, 20))])])
    scale = TimeScale.fit(day_number(D(2015, 9, 25)), day_number(D(2015, 10, 25)), 600)
    marks = layout.marks(scale, range(1))
    point = scale.x(day_number(D(2015, 10, 1)) + 0.5)
    inside_bar = scale.x(day_number(D(2015, 10, 15)))
    hit_point, hit_bar = marks.hit(0, 0, point + 2), marks.hit(0, 0, inside_bar)
    assert hit_point is not None
    assert hit_bar is not None
    assert layout.refs[layout.item_event[marks.item(hit_point)]] == EventRef("a", "e0")
    assert layout.refs[layout.item_event[marks.item(hit_bar)]] == EventRef("a", "e1")
    assert marks.hit(0, 0, point + 60) is None


def test_neighbour_walks_in_time_order_across_documents() -> None:
    layout = build_layout([_analysis("a", [(D(2015, 1, 3), D(2015, 1, 3)), (None, None)]),
                           _analysis("b", [(D(2015, 1, 1), D(2015, 1, 1)),
                                           (D(2015, 1, 5), D(2015, 1, 5))])])
    walk, current = [], None
    for _ in range(4):
        current = layout.neighbour([] if current is None else [current], 1)
        walk.append(layout.refs[current])
    assert walk == [EventRef("b", "e0"), EventRef("a", "e0"), EventRef("b", "e1"),
                    EventRef("b", "e1")]
    assert layout.refs[layout.neighbour([current], -1)] == EventRef("a", "e0")


def test_lane_geometry_locates_rows() -> None:
    layout = build_layout([_analysis("a", [(D(2015, 10, 1), D(2015, 10, 31))] * 2),
                           _analysis("b", [])])
    geometry = LaneGeometry.of(layout.lanes, row_height=20, padding=5, min_height=0)
    assert geometry.height == (5 * 2 + 2 * 20) + (5 * 2 + 20)
    assert geometry.locate(5 + 25) == (0, 1)
    assert geometry.locate(50 + 15) == (1, 0)
    assert geometry.locate(-1) is None
    assert list(geometry.lanes_between(55, 60)) == [1]


def test_time_descriptions_say_the_basis() -> None:
    event = Event("e", 0, 1, "x", "said",
                  time=EventTime(D(2015, 10, 1), D(2015, 10, 31), "2015-10", "timex"))
    assert describe_time(event) == "October 2015 · from a time expression · TIMEX3 2015-10"
    undated = Event("e", 0, 1, "x", "said", time=EventTime(None, None, "XXXX-10-22", "timex"))
    assert undated_reason(undated) == "22 October, year unknown"
    now = Event("e", 0, 1, "x", "said", time=EventTime(None, None, "PRESENT_REF", "timex"))
    assert undated_reason(now) == "now (at publication), not placed in time"
    assert undated_reason(Event("e", 0, 1, "x", "said")) == "no time found"
