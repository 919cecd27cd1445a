"""Story events across sources, the robust "Fit all" range and moving between lanes."""

from __future__ import annotations

import datetime as dt

from timeweave.layout import build_layout, stories
from timeweave.model import (
    Document,
    DocumentAnalysis,
    Event,
    EventTime,
    Link,
    LinkMember,
)
from timeweave.workspace import EventRef

D = dt.date


def _link(a: tuple[str, str], b: tuple[str, str], score: float) -> Link:
    return Link("event", f"{a}~{b}", (LinkMember(*a), LinkMember(*b)), score, "test")


def _analysis(doc: str, days: list[D | None]) -> DocumentAnalysis:
    events = [Event(f"e{i}", 0, 1, f"{doc} event {i}", "said", (),
                    EventTime(day, day, day.isoformat() if day else None,
                              "timex" if day else "unknown"))
              for i, day in enumerate(days)]
    return DocumentAnalysis(Document(doc, f"{doc}.txt", "x"), [], [], events)


def test_a_story_holds_one_event_per_source_and_overlapping_times() -> None:
    refs = [EventRef(d, e) for d in ("a", "b", "c") for e in ("e0", "e1")]
    day = {ref: (float(D(2020, 1, 1).toordinal()), float(D(2020, 1, 2).toordinal()))
           for ref in refs}
    day[EventRef("c", "e1")] = (day[refs[0]][0] + 300, day[refs[0]][1] + 300)
    links = [
        _link(("a", "e0"), ("b", "e0"), 0.9),
        _link(("b", "e0"), ("c", "e0"), 0.8),
        _link(("c", "e0"), ("a", "e1"), 0.7),  # would chain a second event of source a
        _link(("a", "e1"), ("c", "e1"), 0.6),  # a year apart: not one occasion
        _link(("b", "e1"), ("c", "e1"), 0.3),  # only "related"
    ]
    found = stories(refs, links, day)
    assert found[0] == (EventRef("a", "e0"), EventRef("b", "e0"), EventRef("c", "e0"))
    assert sorted(len(s) for s in found) == [1, 1, 1, 3]
    assert sum(len(s) for s in found) == len(refs)


def test_layout_counts_reporting_sources_and_joins_their_lanes() -> None:
    a = _analysis("a", [D(2020, 1, 5), D(2020, 3, 1)])
    b = _analysis("b", [D(2020, 1, 5), None])
    links = [_link(("a", "e0"), ("b", "e0"), 0.8), _link(("a", "e1"), ("b", "e1"), 0.3)]
    layout = build_layout([a, b], links=links)
    assert layout.event_reporters.tolist() == [2, 1, 2, 1]
    assert layout.story_pairs.tolist() == [[0, 2]]
    assert layout.link_pairs.tolist() == [[0, 2]]  # the undated partner has no mark


def test_fit_all_frames_where_the_events_are_and_counts_the_rest() -> None:
    days = [D(2010, 6, 1) + dt.timedelta(days=i) for i in range(30)]
    analysis = _analysis("a", [D(1979, 1, 1), *days, D(1985, 5, 5)])
    layout = build_layout([analysis])
    first, last = layout.focus_span() or (0.0, 0.0)
    assert days[0].toordinal() <= first < last <= days[-1].toordinal() + 1
    assert last - first >= 25  # the 1979 and 1985 mentions do not squeeze the 2010 month
    assert layout.span() == (D(1979, 1, 1).toordinal(), days[-1].toordinal() + 1)
    before, after = layout.outside(first, last)
    assert before >= 2
    assert before + after <= 5
    few = build_layout([_analysis("a", [D(1979, 1, 1), D(2010, 6, 1)])])
    assert few.focus_span() == few.span()  # with a handful of events every one counts


def test_lane_neighbour_is_nearest_in_time_in_the_next_lane_with_events() -> None:
    a = _analysis("a", [D(2020, 1, 1), D(2020, 6, 1)])
    empty = _analysis("b", [None])
    c = _analysis("c", [D(2020, 5, 20), D(2019, 1, 1)])
    layout = build_layout([a, empty, c])
    index = layout.ref_index
    assert layout.lane_neighbour(index[EventRef("a", "e1")], 1) == index[EventRef("c", "e0")]
    assert layout.lane_neighbour(index[EventRef("c", "e1")], -1) == index[EventRef("a", "e0")]
    assert layout.lane_neighbour(index[EventRef("c", "e1")], 1) is None
