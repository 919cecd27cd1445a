"""The timeline: lanes per source or entity on an adaptive time axis, linked to the workspace."""

from __future__ import annotations

from gui.timeline.widget import TimelineWidget

__all__ = ["TimelineWidget"]
