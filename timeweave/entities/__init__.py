"""Entities of one document with language-independent keys: "Süürias" and "Syria" -> "Syria".

The parse (:func:`timeweave.nlp.parse`) finds the mentions and their dictionary forms; this
module decides what each mention *is*: curated aliases and CLDR names for organisations and
places, a country-qualified key for ministries, and a transliterated full name for people
(a bare "Putin" takes the key of "Vladimir Putin" named earlier or later in the same text).
"""

from __future__ import annotations

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
    return text.removesuffix("'s").removesuffix(" 's").removesuffix("’s").strip()


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
    mentions = [span for span in parsed.ents if span.label_ not in _NOT_ENTITIES]
    people = _people([name_of(s) for s in mentions if s.label_ == "PERSON"])
    found = []
    for index, span in enumerate(mentions, start=1):
        name = name_of(span)
        label = span.label_
        entry = _known(span, name)
        if entry:
            key, label = entry.key, entry.label
        elif label == "PERSON":
            key = people.get(name) or names.person_key(name)
        else:
            key = (gazetteer.ministry_key(name) if label == "ORG" else None) or name
        found.append(Entity(f"e{index}", span.start_char, span.end_char, span.text, label, key))
    return found


def _people(mentions: list[str]) -> dict[str, str]:
    """Each person mention's key: the longest name of the text with the same surname."""
    full: dict[str, str] = {}
    for mention in sorted(set(mentions), key=lambda m: -len(m.split())):
        words = mention.split()
        surname = names.person_key(words[-1]) if words else ""
        longest = full.setdefault(surname, names.person_key(mention))
        full[mention] = longest
    return {m: full[m] for m in mentions if m in full}
