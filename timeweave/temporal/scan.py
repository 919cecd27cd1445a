"""Run many detailed patterns only where one cheap scan finds a time word: the tagger's speed.

Scanning a whole text once per rule costs one pass per rule, and news text is mostly free of
time words. A :class:`Gate` makes one pass for the closed trigger vocabulary (and digits), merges
the hits into small windows, and runs each rule only inside windows that hold one of *its*
triggers. The contract for a rule: every match it can produce contains one of its trigger words
(or a digit, :data:`DIGITS`), and reaches at most ``before``/``after`` characters beyond it.
Language packages share this helper; the patterns and results are exactly those of a full scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

DIGITS = "#"
"""Trigger key of a rule that can fire on any digit (years, clock times, numeric dates)."""

_WORD_TAIL = re.compile(r"\w*")


def word_trie(words: Iterable[str]) -> str:
    """Regex source matching any of ``words``, factored by common prefixes.

    Python's ``re`` tries alternatives one by one; a trie shares each prefix, which makes one
    big vocabulary scan several times faster than a flat ``a|b|c`` alternation.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


Reach = tuple[int, int]
"""How far a rule's matches can extend before and after a trigger, in characters."""


@dataclass(frozen=True)
class Gate:
    """The trigger scanner for a list of rules and, per trigger, the rules it wakes."""

    scanner: re.Pattern[str]
    rules_for: dict[str, tuple[int, ...]]
    reach: tuple[Reach, ...]

    @classmethod
    def build(cls, triggers: Sequence[Iterable[str]], reach: Sequence[Reach]) -> Gate:
        """``triggers[i]``: lower-case words (or :data:`DIGITS`) one of which every match of rule
        ``i`` contains; ``reach[i]``: a safe bound on how far those matches extend around it."""
        rules_for: dict[str, set[int]] = {}
        for index, words in enumerate(triggers):
            for word in words:
                rules_for.setdefault(word.lower(), set()).add(index)
        vocabulary = [word for word in rules_for if word != DIGITS]
        parts = [r"\d+"] if DIGITS in rules_for else []
        if vocabulary:
            # Scanned on lower-cased text: a first-letter look-ahead lets ``re`` skip most
            # positions cheaply. The loose edges ("[a-z]", not "\w") only ever add windows.
            initials = re.escape("".join(sorted({word[0] for word in vocabulary})))
            parts.append(rf"(?<![a-z])(?=[{initials}])(?:{word_trie(vocabulary)})(?![a-z])")
        scanner = re.compile("|".join(parts) or r"(?!)")
        return cls(scanner, {word: tuple(sorted(rules)) for word, rules in rules_for.items()},
                   tuple(reach))

    def hits(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Per rule, the spans of the triggers that wake it, in text order."""
        found: dict[int, list[tuple[int, int]]] = {}
        folded = text.lower()
        if len(folded) != len(text):  # a letter whose lower case is longer: keep offsets exact
            folded = "".join(char.lower()[0] for char in text)
        for hit in self.scanner.finditer(folded):
            word = hit.group()
            for index in self.rules_for.get(DIGITS if word[0].isdigit() else word, ()):
                found.setdefault(index, []).append(hit.span())
        return found

    def matches(self, patterns: Sequence[re.Pattern[str]],
                text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """``(rule index, match)`` for every match a full scan of each pattern would find."""
        for index, spans in self.hits(text).items():
            for start, end in _windows(text, spans, *self.reach[index]):
                for match in patterns[index].finditer(text, start, end):
                    yield index, match


def _windows(text: str, spans: list[tuple[int, int]], before: int,
             after: int) -> Iterator[tuple[int, int]]:
    """Merge ``before``/``after`` around each span; edges widened to whole words."""
    start = end = -1
    for hit_start, hit_end in spans:
        low = max(0, hit_start - before)
        while low > 0 and text[low - 1].isalnum():
            low -= 1  # start on a word boundary, as a full scan would
        high = _WORD_TAIL.match(text, min(len(text), hit_end + after)).end()
        if low <= end:
            end = max(end, high)
            continue
        if end >= 0:
            yield start, end
        start, end = low, high
    if end >= 0:
        yield start, end
