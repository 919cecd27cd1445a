"""The languages with temporal rules, registered explicitly (no plugin discovery: PyInstaller)."""

from __future__ import annotations

from timeweave.temporal.base import TemporalLanguage

LANGUAGES: dict[str, TemporalLanguage] = {}
