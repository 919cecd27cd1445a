"""Per-language packages, as in spaCy (``lang/en``, ``lang/et``): each holds that language's rules.

Registered explicitly (no plugin discovery: PyInstaller)."""

from __future__ import annotations

from timeweave.lang import en, et
from timeweave.temporal.base import TemporalLanguage

LANGUAGES: dict[str, TemporalLanguage] = {"en": en.LANGUAGE, "et": et.LANGUAGE}
