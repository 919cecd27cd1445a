"""The languages with temporal rules, registered explicitly (no plugin discovery: PyInstaller)."""

from __future__ import annotations

from timeweave.temporal.base import TemporalLanguage
from timeweave.temporal.lang import en, et

LANGUAGES: dict[str, TemporalLanguage] = {"en": en.LANGUAGE, "et": et.LANGUAGE}
