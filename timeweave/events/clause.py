"""The clause an event belongs to: the passage shown for it and where its own time is written.

With a dependency parse (English) the clause is the subtree of the nearest verb at or above the
trigger, minus the clauses embedded in it ("said on Monday [that they fled in May]": "Monday"
belongs to "said", "May" to "fled"). Without one (Estonian) it is the words between the
punctuation marks around the trigger, as a writer separates clauses with commas.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_CLAUSE_MARKS = frozenset({",", ";", ":", '"', "“", "”", "„", "«", "»"})
# Edges below which a new clause begins.
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "conj"}
)


def _head(token: Token) -> Token:
    """The verb that heads the clause of ``token`` (a noun's governing verb)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        if current.dep_ in _CLAUSE_DEPS:
            break
        current = current.head
    return current


def _embedded(token: Token) -> bool:
    """Whether ``token`` heads a clause of its own below its head ("A and B" is one clause)."""
    return token.dep_ in _CLAUSE_DEPS and (token.pos_ in {"VERB", "AUX"} or token.dep_ != "conj")


class Clauses:
    """The clauses of one parsed document, each computed once (triggers share clauses)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.parsed = doc.has_annotation("DEP")
        self._tokens: dict[int, list[Token]] = {}

    def tokens(self, token: Token) -> list[Token]:
        """The tokens of the clause ``token`` belongs to, in text order."""
        head = _head(token) if self.parsed else token
        if head.i not in self._tokens:
            self._tokens[head.i] = self._parsed(head) if self.parsed else self._marked(head)
        return self._tokens[head.i]

    def passage(self, token: Token) -> tuple[int, int]:
        """``[start, end)`` characters of the clause, for the passage shown with an event."""
        tokens = [t for t in self.tokens(token) if not t.is_space]
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens.pop()
        while len(tokens) > 1 and tokens[0].is_punct:
            tokens.pop(0)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])

    def _parsed(self, head: Token) -> list[Token]:
        """The head's subtree without the clauses embedded in it."""
        found, stack = [], [head]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(c for c in current.children if not _embedded(c))
        return sorted(found, key=lambda t: t.i)

    def _marked(self, token: Token) -> list[Token]:
        """The words between the punctuation marks around ``token``, within its sentence."""
        doc = self.doc
        start, end = token.i, token.i
        sentence = token.sent
        while start > sentence.start and doc[start - 1].text not in _CLAUSE_MARKS:
            start -= 1
        while end + 1 < sentence.end and doc[end + 1].text not in _CLAUSE_MARKS:
            end += 1
        return list(doc[start : end + 1])
