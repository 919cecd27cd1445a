"""Reporting units: who said, warned or agreed what, where and when, anchored to the passage.

A *unit* is a sentence, or several when a quotation runs across sentence ends. A unit becomes an
event when a reporting cue stands outside its quotation marks ("said", "hoiatas", "according
to", "sõnul"); a headline or an "Other news" line without a cue is not an event, one that
reports ("Putin says ...") is. The speaker comes first among the actors: the cue's subject
(English parse) or the name next to the cue (Estonian word order), "he"/"ta" resolves to the
last speaker, and a role such as "the Russian Deputy Foreign Minister" / "Vene president" to
the person introduced with that role. Time comes from a time expression outside the quotation,
else from the last event of the same speaker or paragraph, else the document date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from timeweave.events.cues import cue_class, cue_text
from timeweave.model import Document, Entity, Event, EventTime, Timex

_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "”": "”"}
_PRONOUNS = frozenset({"he", "she", "they", "ta", "tema", "nad", "nemad"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "MISC"})  # MISC: an unknown Estonian name
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ROLE_WINDOW = 8
_CLAUSE_MARKS = frozenset({",", ";", ":", '"', "“", "”", "„", "«", "»"})


@dataclass
class _Unit:
    start: int
    end: int
    sentences: list[Span]
    quotes: list[tuple[int, int]]

    def quoted(self, start: int, end: int) -> bool:
        return any(q0 <= start and end <= q1 for q0, q1 in self.quotes)


def quotations(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each quotation, marks included; unpaired marks are ignored.

    Pairs never cross a paragraph break, so one stray mark cannot swallow the rest of a text.
    """
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        opened: tuple[int, str] | None = None
        for match in re.finditer(r'["“”„«»]', paragraph[0]):
            mark, at = match[0], paragraph.start() + match.start()
            if opened and mark == opened[1]:
                spans.append((opened[0], at + 1))
                opened = None
            elif not opened and mark in _QUOTE_PAIRS:
                opened = (at, _QUOTE_PAIRS[mark])
    return spans


def _units(doc: Doc) -> list[_Unit]:
    quotes = quotations(doc.text)
    units: list[_Unit] = []
    for sentence in doc.sents:
        if not sentence.text.strip():
            continue
        inside = [q for q in quotes if q[0] < sentence.end_char and sentence.start_char < q[1]]
        previous = units[-1] if units else None
        if previous and any(q[0] < previous.end <= q[1] for q in inside):
            previous.sentences.append(sentence)
            previous.end = sentence.end_char
            previous.quotes = sorted(set(previous.quotes) | set(inside))
            continue
        units.append(_Unit(sentence.start_char, sentence.end_char, [sentence], inside))
    return units


def entities_by_token(parsed: Doc, entities: list[Entity]) -> dict[int, Entity]:
    """Token index -> the entity written there."""
    by_token: dict[int, Entity] = {}
    for entity in entities:
        span = parsed.char_span(entity.start, entity.end, alignment_mode="expand")
        for token in span or ():
            by_token[token.i] = entity
    return by_token


class _Finder:
    """Walks the units of one document in order, keeping what resolution needs."""

    def __init__(
        self, parsed: Doc, document: Document, timexes: list[Timex], entities: list[Entity]
    ) -> None:
        self.doc = parsed
        self.document = document
        self.language = parsed.lang_
        self.timexes = timexes
        self.entities = entities
        self.by_token = entities_by_token(parsed, entities)
        self.roles: dict[str, Entity] = {}
        self.events: list[Event] = []
        self.cues: list[Token] = []

    # --- what is around the cue -----------------------------------------------------------
    def _entity(self, token: Token) -> Entity | None:
        return self.by_token.get(token.i)

    def _remember_roles(self, unit: _Unit) -> None:
        """Words before a person's name in the same sentence are that person's role."""
        for sentence in unit.sentences:
            for token in sentence:
                entity = self._entity(token)
                if entity and entity.label == "PERSON" and token.idx == entity.start:
                    lo = max(sentence.start, token.i - _ROLE_WINDOW)
                    for word in self.doc[lo : token.i]:
                        if (
                            word.is_alpha
                            and not word.is_stop
                            and len(word) > 3
                            and not (self._entity(word))
                        ):
                            self.roles[_role_word(word)] = entity

    def _last_speaker(self) -> Entity | None:
        by_id = {e.id: e for e in self.entities}
        for event in reversed(self.events):
            if event.actors and by_id[event.actors[0]].label == "PERSON":
                return by_id[event.actors[0]]
        return None

    def _from_words(self, words: Iterable[Token]) -> Entity | None:
        """A speaker named by pronoun or role: "he said", "the Deputy Foreign Minister"."""
        for word in words:
            if word.lower_ in _PRONOUNS:
                return self._last_speaker()
            if _role_word(word) in self.roles:
                return self.roles[_role_word(word)]
        return None

    def _speakers(self, cue: Token, unit: _Unit) -> list[Entity]:
        if self.language == "en" and cue.lower_ != "according":
            return self._english_subject(cue)
        if cue.lower_ == "according":
            objects = [c for t in cue.children for c in t.children if c.dep_ == "pobj"]
            found = [self._entity(t) for o in objects for t in o.subtree]
            return _unique(e for e in found if e and e.label in _ACTOR_LABELS)[:1]
        return self._estonian_subject(cue, unit)

    def _english_subject(self, cue: Token) -> list[Entity]:
        subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}]
        subjects += [g for c in cue.children if c.dep_ == "agent" for g in c.children]
        for subject in subjects:
            head = self._entity(subject)
            if head:
                return [head]
            named = [self._entity(t) for t in subject.subtree]
            named_actors = _unique(e for e in named if e and e.label in _ACTOR_LABELS)
            if named_actors:
                return named_actors[:1]
            resolved = self._from_words([subject])
            if resolved:
                return [resolved]
        return []

    def _estonian_subject(self, cue: Token, unit: _Unit) -> list[Entity]:
        doc = self.doc
        if cue.lower_ == "sõnul":
            entity = self._entity(doc[cue.i - 1]) if cue.i else None
            return [entity] if entity else []
        after = doc[cue.i + 1 : min(cue.i + 4, cue.sent.end)]
        for token in after:
            if token.is_punct or unit.quoted(token.idx, token.idx + 1):
                break
            entity = self._entity(token)
            if entity and entity.label in _ACTOR_LABELS:
                return [entity]
        clause = []
        for token in reversed(doc[cue.sent.start : cue.i]):
            if token.text in {",", ";", ":"} or unit.quoted(token.idx, token.idx + 1):
                break
            clause.insert(0, token)
        named = _unique(e for t in clause if (e := self._entity(t)))
        people = [e for e in named if e.label in _ACTOR_LABELS]
        if people:
            return sorted(people, key=lambda e: (e.label != "PERSON", -e.start))[:1]
        resolved = self._from_words(reversed(clause))
        if resolved:
            return [resolved]
        return [e for e in named if e.label in _PLACE_LABELS]

    def _content(self, cue: Token, unit: _Unit) -> tuple[int, int] | None:
        """The claim reported: the quotation, else the "that"/"et" clause after the cue."""
        if unit.quotes:
            return unit.quotes[0][0] + 1, unit.quotes[-1][1] - 1
        sentence = cue.sent
        if self.language == "en":
            for child in cue.children:
                if child.dep_ == "ccomp":
                    tokens = list(child.subtree)
                    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            return None
        rest = self.doc[cue.i + 1 : sentence.end]
        if cue.lower_ == "sõnul":
            start = rest
        else:
            marker = next(
                (t for t in rest if t.lower_ == "et" and t.i > 0 and self.doc[t.i - 1].text == ","),
                None,
            )
            if marker is None:
                return None
            start = self.doc[marker.i + 1 : sentence.end]
        words = [t for t in start if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        return (words[0].idx, words[-1].idx + len(words[-1])) if words else None

    def _clause(self, cue: Token, unit: _Unit) -> tuple[int, int]:
        """Characters of the cue's own clause: its parse subtree, or (Estonian) the words
        between the punctuation marks around it."""
        if self.language == "en":
            head = next((c for c in cue.children if c.lower_ == "to"), cue)
            tokens = list(head.subtree)
            return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        start, end = cue.i, cue.i
        sentence = cue.sent
        while start > sentence.start and self.doc[start - 1].text not in _CLAUSE_MARKS:
            start -= 1
        while end + 1 < sentence.end and self.doc[end + 1].text not in _CLAUSE_MARKS:
            end += 1
        return self.doc[start].idx, self.doc[end].idx + len(self.doc[end])

    def _place(self, cue: Token, unit: _Unit, content: tuple[int, int] | None) -> Entity | None:
        """Where the act took place: "said in Ankara" (the cue's own preposition), "Ankaras"."""
        clause = self._clause(cue, unit)
        for entity in self.entities:
            if not (clause[0] <= entity.start and entity.end <= clause[1]):
                continue
            if entity.label not in _PLACE_LABELS or unit.quoted(entity.start, entity.end):
                continue
            if content and content[0] <= entity.start < content[1]:
                continue
            span = self.doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            last = span[-1]
            preposition = span.root.head
            if "Ine" in last.morph.get("Case") or (
                span.root.dep_ == "pobj"
                and preposition.lower_ in {"in", "at"}
                and preposition.head.i == cue.i
            ):
                return entity
        return None

    def _time(self, unit: _Unit, cue: Token, actors: tuple[str, ...]) -> EventTime:
        candidates = [
            t
            for t in self.timexes
            if unit.start <= t.start
            and t.end <= unit.end
            and not unit.quoted(t.start, t.end)
            and t.type in {"DATE", "TIME"}
        ]
        if candidates:
            best = min(candidates, key=lambda t: (t.earliest is None, abs(t.start - cue.idx)))
            return EventTime(best.earliest, best.latest, best.value, "timex", best.id)
        paragraph = self.document.text.rfind("\n", 0, unit.start)
        keys = {e.id: e.key for e in self.entities}
        for event in reversed(self.events):
            same_speaker = actors and event.actors and keys[event.actors[0]] == keys[actors[0]]
            if event.time.basis == "timex" and (same_speaker or event.start > paragraph):
                return event.time
        date = self.document.date
        bounds = date.bounds()
        if bounds:
            return EventTime(bounds[0], bounds[1], date.value, "document_date")
        return EventTime()

    # --- the walk ------------------------------------------------------------------------
    def run(self) -> list[Event]:
        for unit in _units(self.doc):
            self._remember_roles(unit)
            cues = [
                t
                for s in unit.sentences
                for t in s
                if not unit.quoted(t.idx, t.idx + len(t)) and cue_class(t, self.language)
            ]
            if not cues:
                continue
            cue = min(cues, key=lambda t: (_depth(t) if self.language == "en" else 0, t.i))
            self.events.append(self._event(unit, cue))
            self.cues.append(cue)
        return self.events

    def _event(self, unit: _Unit, cue: Token) -> Event:
        content = self._content(cue, unit)
        speakers = self._speakers(cue, unit)
        clause = self._clause(cue, unit)
        others = [
            e
            for e in self.entities
            if e.label in _ACTOR_LABELS
            and clause[0] <= e.start
            and e.end <= clause[1]
            and not unit.quoted(e.start, e.end)
            and not (content and content[0] <= e.start < content[1])
        ]
        speaker_keys = {s.key for s in speakers}
        extra = [e for e in _unique(others) if e.key not in speaker_keys]
        actors = tuple(e.id for e in speakers + _unique_keys(extra))
        place = self._place(cue, unit, content)
        text = self.document.text
        start, end = unit.start, unit.end
        while end > start and text[end - 1].isspace():
            end -= 1
        return Event(
            id=f"v{len(self.events) + 1}",
            start=start,
            end=end,
            text=text[start:end],
            cue=cue_text(cue),
            actors=actors,
            time=self._time(unit, cue, actors),
            place=place.id if place else None,
            content=content,
        )


def _role_word(token: Token) -> str:
    """Role words compared loosely: "presidendiga" and "president" share their first 8 letters."""
    return token.lower_[:8]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _unique(entities: Iterable[Entity | None]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for entity in entities:
        if entity is not None and entity.id not in seen:
            seen.add(entity.id)
            out.append(entity)
    return out


def _unique_keys(entities: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for entity in entities:
        if entity.key not in seen:
            seen.add(entity.key)
            out.append(entity)
    return out


def find(
    parsed: Doc, document: Document, timexes: list[Timex], entities: list[Entity]
) -> list[tuple[Event, Token]]:
    """The reporting units of a document in text order, each with its cue token."""
    finder = _Finder(parsed, document, timexes, entities)
    return list(zip(finder.run(), finder.cues, strict=True))
