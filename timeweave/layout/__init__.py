"""Qt-free timeline geometry: time scale, axis ticks, lanes, clustering and hit-testing.

The Qt timeline only paints what this package computes and forwards input to it, so every
geometric decision is unit-tested without a display (Orange's dendrogram split).
"""

from __future__ import annotations

from timeweave.layout.scale import TimeScale, date_of, day_number
from timeweave.layout.stories import reporters, stories
from timeweave.layout.ticks import Axis, Tick, axis_ticks
from timeweave.layout.timeline import (
    Lane,
    LaneGeometry,
    LaneMode,
    Marks,
    TimelineLayout,
    build_layout,
    describe_time,
    undated_reason,
)

__all__ = [
    "Axis",
    "Lane",
    "LaneGeometry",
    "LaneMode",
    "Marks",
    "Tick",
    "TimeScale",
    "TimelineLayout",
    "axis_ticks",
    "build_layout",
    "date_of",
    "day_number",
    "describe_time",
    "reporters",
    "stories",
    "undated_reason",
]
