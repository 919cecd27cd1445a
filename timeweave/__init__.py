"""Timeweave's Qt-free core: loading, temporal tagging, events, entities and comparison."""

__version__ = "0.1.0"
