"""Timeweave's temporal tagger: find time expressions, give them TIMEX3 values and day bounds.

Languages with rules (``timeweave.lang``) find mentions; one shared resolver
(:mod:`timeweave.temporal.resolve`) anchors them against the document creation time. Other
languages go through dateparser (:mod:`timeweave.temporal.fallback`), which is weaker.
"""

from __future__ import annotations

import re

from timeweave.lang import LANGUAGES
from timeweave.model import DocumentDate, Timex
from timeweave.temporal import fallback
from timeweave.temporal.base import Mention, TemporalLanguage
from timeweave.temporal.resolve import Discourse, resolve, uses_tense

__all__ = ["LANGUAGES", "language_for", "tag"]

# A sentence ends at a full stop, "!" or "?" before a capital (not "6. mai"), or a line break.
# Written to open with one character class, so ``re`` skips in C every other character.
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[»”\"]?\s+(?=[\"«„“]?[A-ZÕÄÖÜŠŽ]))")


def language_for(language: str | None) -> TemporalLanguage | None:
    """The rule package for a language code (``en``, ``en-GB``, ``EN``), if there is one."""
    if not language:
        return None
    return LANGUAGES.get(language.strip().lower().replace("_", "-").split("-")[0])


def tag(text: str, language: str | None, dct: DocumentDate) -> list[Timex]:
    """Time expressions in ``text``, ids ``t1``, ``t2``, ... in text order.

    ``language`` picks the rules; a language without rules falls back to dateparser, and no
    language at all finds nothing rather than guessing (words that are dates in one language
    are common words in another: "We", "may", "mai").
    """
    rules = language_for(language)
    if rules is not None:
        return _from_mentions(text, rules, dct)
    if not language or not text.strip():
        return []
    code = language.strip().lower().replace("_", "-").split("-")[0]
    found = fallback.find(text, code, dct)
    return [
        Timex(f"t{index}", f.start, f.end, text[f.start : f.end], f.type, f.value, f.earliest,
              f.latest)
        for index, f in enumerate(found, start=1)
    ]


def _from_mentions(text: str, rules: TemporalLanguage, dct: DocumentDate) -> list[Timex]:
    mentions: list[Mention] = sorted(rules.find(text), key=lambda m: (m.start, m.end))
    timexes: list[Timex] = []
    discourse = Discourse()
    day_end: int | None = None  # where the last mention naming a day ended
    for mention in mentions:
        tense = rules.tense(text, mention.start, mention.end) if uses_tense(mention.spec) \
            else None
        in_view = not rules.undated_times or (
            day_end is not None and _few_sentence_ends(text, day_end, mention.start))
        resolved = resolve(mention, dct, tense, discourse, in_view)
        if resolved.earliest is not None and resolved.earliest == resolved.latest:
            day_end = mention.end
        discourse = discourse.after(mention.spec, resolved)
        timexes.append(
            Timex(f"t{len(timexes) + 1}", mention.start, mention.end,
                  text[mention.start : mention.end], mention.type, resolved.value,
                  resolved.earliest, resolved.latest, mention.mod)
        )
    return timexes


def _few_sentence_ends(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends at most one sentence; stops at the second end, since
    the stretch since the last named day can be most of a long text."""
    first = _SENTENCE_END.search(text, start, end)
    return first is None or _SENTENCE_END.search(text, first.end(), end) is None
