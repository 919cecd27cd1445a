"""Story events across sources, the robust "Fit all" range and moving between lanes."""

from __future__ import annotations

import datetime as dt

from timeweave.layout import build_layout, reporters, stories
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


def _story(*members: tuple[str, str]) -> Link:
    return Link("event", "-".join(d + e for d, e in members),
                tuple(LinkMember(*m) for m in members), 0.8, "test")


def _analysis(doc: str, days: list[D | None]) -> DocumentAnalysis:
    events = [Event(f"e{i}", 0, 1, f"{doc} event {i}", "said", (),
                    EventTime(day, day, day.isoformat() if day else None,
                              "timex" if day else "unknown"))
              for i, day in enumerate(days)]
    return DocumentAnalysis(Document(doc, f"{doc}.txt", "x"), [], [], events)


def test_stories_group_the_shown_mentions_of_each_story_link() -> None:
    refs = [EventRef(d, e) for d in ("a", "b", "c") for e in ("e0", "e1")]
    links = [
        _story(("a", "e0"), ("b", "e0"), ("c", "e0")),
        _story(("a", "e1"), ("b", "e1"), ("b", "x9")),  # x9: rejected, not shown
        Link("entity", "apple", (LinkMember("a", "n1"), LinkMember("c", "n1")), 1.0),
    ]
    found = stories(refs, links)
    assert found[0] == (EventRef("a", "e0"), EventRef("b", "e0"), EventRef("c", "e0"))
    assert found[1] == (EventRef("a", "e1"), EventRef("b", "e1"))
    assert found[2:] == [(EventRef("c", "e1"),)]
    assert [reporters(s) for s in found] == [3, 2, 1]
    assert reporters((EventRef("a", "e0"), EventRef("a", "e1"))) == 1  # one source, twice


def test_layout_counts_reporting_sources_and_joins_their_lanes() -> None:
    a = _analysis("a", [D(2020, 1, 5), D(2020, 3, 1)])
    b = _analysis("b", [D(2020, 1, 5), None, D(2020, 1, 6)])
    links = [_story(("a", "e0"), ("b", "e0"), ("b", "e2")), _story(("a", "e1"), ("b", "e1"))]
    layout = build_layout([a, b], links=links)
    assert layout.event_reporters.tolist() == [2, 2, 2, 2, 2]
    assert layout.story_pairs.tolist() == [[0, 2], [2, 4]]  # the undated mention has no mark


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


def test_fit_all_leaves_out_a_few_spread_historical_years() -> None:
    """The 30 Apple articles: about 7 % of the events are mentions of 1980-2004, the rest fall
    in 2005-2011; fitting everything squeezed the 2005-2011 events into the right third."""
    recent = [D(2005, 1, 1) + dt.timedelta(days=25 * i) for i in range(100)]
    history = [D(1980 + 3 * i, 6, 1) for i in range(8)]
    layout = build_layout([_analysis("a", [*history, *recent])])
    first, last = layout.focus_span() or (0.0, 0.0)
    assert first >= D(2005, 1, 1).toordinal()
    assert last == recent[-1].toordinal() + 1
    assert layout.outside(first, last) == (8, 0)
