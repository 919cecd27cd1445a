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


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def clause_head(token: Token) -> Token:
    """The verb that heads the clause of ``token`` (a noun's governing verb)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        if current.dep_ in _CLAUSE_DEPS:
            break
        current = current.head
    return current


def clause_tokens(token: Token) -> list[Token]:
    """The tokens of the clause ``token`` belongs to, in text order."""
    doc = token.doc
    if not _parsed(doc):
        start, end = token.i, token.i
        sentence = token.sent
        while start > sentence.start and doc[start - 1].text not in _CLAUSE_MARKS:
            start -= 1
        while end + 1 < sentence.end and doc[end + 1].text not in _CLAUSE_MARKS:
            end += 1
        return list(doc[start : end + 1])
    head = clause_head(token)
    inside = {t.i for t in head.subtree}
    path = {t.i for t in (token, *token.ancestors)}
    for child in head.subtree:
        embedded = child.dep_ in _CLAUSE_DEPS and (
            child.pos_ in {"VERB", "AUX"} or child.dep_ != "conj"  # "A and B" is one clause
        )
        if embedded and child.i != head.i and child.i not in path:
            inside -= {t.i for t in child.subtree}
    return [doc[i] for i in sorted(inside)]


def passage(token: Token) -> tuple[int, int]:
    """``[start, end)`` characters of the clause, for the passage shown with an event."""
    tokens = [t for t in clause_tokens(token) if not t.is_space]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
