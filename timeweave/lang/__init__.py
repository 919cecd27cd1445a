"""Per-language packages, as in spaCy (``lang/en``, ``lang/et``): each holds that language's rules
(time expressions, event triggers).

Registered explicitly (no plugin discovery: PyInstaller)."""

from __future__ import annotations

from timeweave.events.base import TriggerFinder
from timeweave.lang import en, et
from timeweave.lang.en import events as en_events
from timeweave.lang.et import events as et_events
from timeweave.temporal.base import TemporalLanguage

LANGUAGES: dict[str, TemporalLanguage] = {"en": en.LANGUAGE, "et": et.LANGUAGE}
# Event trigger finders; a language without one has reporting events only.
EVENT_FINDERS: dict[str, TriggerFinder] = {
    "en": en_events.find_triggers,
    "et": et_events.find_triggers,
}
