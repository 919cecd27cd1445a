"""Pipeline components every language shares: paragraph breaks and the curated name layer.

Paragraph breaks end sentences (the English model otherwise glues the headline to the first
sentence, and a closing quote mark to the next paragraph). The curated layer overrides the
statistical NER where it is known to be wrong ("Sputnik" tagged PERSON, "Islamic" split from
"State") and adds later bare surnames of people named in full ("Seromolotov said").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from timeweave.entities import gazetteer


@Language.component("timeweave_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break; whitespace tokens never start one."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.factory("timeweave_known_names")
def known_names(nlp: Language, name: str) -> KnownNames:
    return KnownNames(nlp)


class KnownNames:
    """Curated aliases win over the model for spans of equal length; longer model spans stay."""

    def __init__(self, nlp: Language) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        names = gazetteer.known_names()
        acronyms = [n for n in names if gazetteer.normalise(n) == n and not n.islower()]
        words = [n for n in names if n not in acronyms]
        self.exact.add("KNOWN", [nlp.make_doc(n) for n in acronyms])
        self.folded.add("KNOWN", [nlp.make_doc(n) for n in words])

    def __call__(self, doc: Doc) -> Doc:
        curated = []
        for _, start, end in [*self.exact(doc), *self.folded(doc)]:
            span = doc[start:end]
            entry = gazetteer.lookup(span.text)
            if entry and not (entry.label == "NORP" and span.text.islower()):
                curated.append(Span(doc, start, end, label=entry.label))
        spans = filter_spans(curated + list(doc.ents))
        doc.ents = filter_spans(spans + _bare_surnames(doc, spans))
        return doc


def _bare_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Seromolotov" alone after "Oleg Seromolotov": the same person, which the model misses."""
    surnames = {
        (s[-1].lemma_ or s[-1].text) for s in spans if s.label_ == "PERSON" and len(s) > 1
    }
    covered = {i for s in spans for i in range(s.start, s.end)}
    return [
        Span(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.i not in covered and (t.lemma_ or t.text) in surnames and t.text[:1].isupper()
    ]
