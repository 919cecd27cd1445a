"""Offline language identification, restricted to the languages a news analyst meets most.

lingua is accurate on short texts; restricting it to a few languages keeps it at tens of MB of
memory and milliseconds per document (measured in ``../shared/notes/platform-facts.md``).
"""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = ("en", "et")
"""Languages with full support: temporal rules, events and entities."""

COMMON = ("de", "fr", "es", "it", "pt", "nl", "ru", "uk", "fi", "lv", "lt", "sv", "pl", "tr")
"""Languages we recognise so that we can say so, and fall back honestly."""

_SAMPLE_CHARS = 4000


@cache
def _detector() -> LanguageDetector:
    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        for code in SUPPORTED + COMMON
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when there is no text to judge."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None
