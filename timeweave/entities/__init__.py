"""Entities of one document with language-independent keys: "Süürias" and "Syria" -> "Syria".

The parse (:func:`timeweave.nlp.parse`) finds the mentions and their dictionary forms; this
module decides what each mention *is*: curated aliases and CLDR names for organisations and
places, a country-qualified key for ministries, and a transliterated full name for people
(a bare "Putin" takes the key of "Vladimir Putin" named earlier or later in the same text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeweave.entities import gazetteer, names
from timeweave.entities.overrides import EntityOverrides
from timeweave.model import Document, Entity

if TYPE_CHECKING:  # linking (compare) imports this module; it must not pay for spaCy
    from spacy.tokens import Doc, Span

__all__ = ["EntityOverrides", "find", "name_of"]

# Numbers and dates belong to the temporal tagger; everything else is a named thing.
_NOT_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def name_of(span: Span) -> str:
    """The dictionary form of a mention: lemmas where the parser set them, without "the"/"'s"."""
    words = []
    for token in span:
        words.append(token.lemma_ if token.doc.lang_ == "et" and token.lemma_ else token.text)
        words.append(token.whitespace_)
    text = "".join(words[:-1]).strip()
    for article in ("the ", "The "):
        text = text.removeprefix(article)
    for possessive in ("'s", "’s", "'", "’"):  # "Jobs's", "Apple Corps'"
        text = text.removesuffix(possessive).rstrip()
    return text


_MODEL = re.compile(r"^\d{1,3}[A-Z]{1,2}$")  # a model designation: "3G", "4S", "5C"


def _with_model(span: Span) -> Span:
    """A product or company name with the model code after it: "iPhone" + "3G"."""
    doc = span.doc
    if (
        span.label_ in ("ORG", "PRODUCT")
        and span.end < len(doc)
        and span[-1].whitespace_
        and _MODEL.match(doc[span.end].text)
    ):
        from spacy.tokens import Span  # at run time only here: linking never needs spaCy

        return Span(doc, span.start, span.end + 1, label=span.label_)
    return span


def _known(span: Span, name: str) -> gazetteer.Entry | None:
    """The curated or CLDR entry for a name, or for its head ("Russian Agency Sputnik")."""
    entry = gazetteer.lookup(name)
    if entry or span.label_ == "PERSON":
        return entry
    words = name.split()
    for start in range(1, len(words)):
        entry = gazetteer.lookup(" ".join(words[start:]))
        if entry and entry.label != "NORP":
            return entry
    return None


def find(parsed: Doc, document: Document) -> list[Entity]:
    """Every named mention of ``parsed`` as an :class:`Entity` with ids "e1", "e2", ..."""
    mentions = _repeated([
        _with_model(span) for span in parsed.ents if span.label_ not in _NOT_ENTITIES
    ])
    person_names = [
        name_of(s) for s in mentions
        if s.label_ == "PERSON" and not names.looks_like_organisation(name_of(s))
    ]
    people = _people(person_names)
    surnames = {n.split()[-1]: people[n] for n in person_names if len(n.split()) > 1}
    found = []
    for index, span in enumerate(mentions, start=1):
        name = name_of(span)
        label = span.label_
        entry = _known(span, name)
        if entry:
            key, label = entry.key, entry.label
        elif name in surnames:  # "Jobs" after "Steve Jobs", whatever the tagger called it
            key, label = surnames[name], "PERSON"
        elif label == "PERSON" and name in people:
            key = people[name]
        elif label == "PERSON" and not names.looks_like_organisation(name):
            key = names.person_key(name)
        else:
            label = "ORG" if label == "PERSON" else label
            key = (gazetteer.ministry_key(name) if label == "ORG" else None) or name
        found.append(Entity(f"e{index}", span.start_char, span.end_char, span.text, label, key))
    same = names.variants(e.key for e in found if e.label != "PERSON")
    return [
        Entity(e.id, e.start, e.end, e.text, e.label, same[e.key])
        if e.key in same and e.label != "PERSON" else e
        for e in found
    ]


def _repeated(spans: list[Span]) -> list[Span]:
    """The spans, plus every later or earlier place the same name is written the same way.

    A tagger finds "iPhone 4" once and misses it in the next sentences; a name keeps its
    meaning through a news article (one sense per discourse), so each exact repetition of a
    found name, at word boundaries and outside other names, is a mention of it too. Only names
    with a capital letter repeat: a lower-case word is too often an ordinary word.
    """
    if not spans:
        return spans
    doc = spans[0].doc
    known: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for span in spans:
        words = tuple(t.text for t in span)
        if any(c.isupper() for c in span.text) and len(span.text) > 2:
            known.setdefault(words[0], []).append((words, span.label_))
    taken = [False] * len(doc)
    for span in spans:
        taken[span.start : span.end] = [True] * len(span)
    found = list(spans)
    i = 0
    while i < len(doc):
        match = None
        for words, label in known.get(doc[i].text, ()):
            end = i + len(words)
            if (match is None or end > match[1]) and end <= len(doc) and not any(
                taken[i:end]
            ) and tuple(t.text for t in doc[i:end]) == words:
                match = (i, end, label)
        if match:
            from spacy.tokens import Span  # at run time only here: linking never needs spaCy

            found.append(Span(doc, match[0], match[1], label=match[2]))
            taken[match[0] : match[1]] = [True] * (match[1] - match[0])
            i = match[1]
        else:
            i += 1
    return sorted(found, key=lambda s: s.start)


def _people(mentions: list[str]) -> dict[str, str]:
    """Each person mention's key: the longest name of the text with the same surname."""
    full: dict[str, str] = {}
    for mention in sorted(set(mentions), key=lambda m: -len(m.split())):
        words = mention.split()
        surname = names.person_key(words[-1]) if words else ""
        longest = full.setdefault(surname, names.person_key(mention))
        full[mention] = longest
    return {m: full[m] for m in mentions if m in full}
