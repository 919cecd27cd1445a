"""The languages with temporal rules, registered explicitly (no plugin discovery: PyInstaller)."""

from __future__ import annotations

from timeweave.temporal.base import TemporalLanguage
from timeweave.temporal.lang import et

LANGUAGES: dict[str, TemporalLanguage] = {"et": et.LANGUAGE}
