"""Estonian names without a trained model: capitalisation, a case-suffix stripper and gazetteers.

No trained Estonian spaCy pipeline exists and estnltk (582 MB installed) would not fit the
installer. Names are what the comparison needs, and Estonian marks them well: proper names are
capitalised mid-sentence and only their last word inflects (Al-Nusra Rinne, Igor Konašenkovi,
Recep Tayyip Erdoğaniga). Stripping the case ending and checking the result against CLDR and the
curated aliases gives the dictionary form (Süürias -> Süüria, Iraagis -> Iraak, Venemaalt ->
Venemaa); for unknown foreign names the consonant-stem genitive -i is removed when another form of
the same name in the document confirms it (Rogatšjovi -> Rogatšjov).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from timeweave.entities import gazetteer

# Case endings added to the genitive stem, longest first ("lt" before "t").
_CASE_ENDINGS = (
    ("sse", "Ill"),
    ("st", "Ela"),
    ("lt", "Abl"),
    ("le", "All"),
    ("ks", "Tra"),
    ("ga", "Com"),
    ("ni", "Ter"),
    ("na", "Ess"),
    ("ta", "Abe"),
    ("s", "Ine"),
    ("l", "Ade"),
    ("t", "Par"),
    ("d", "Par"),
)
_VOWELS = "aeiouõäöüy"
_GRADATION = (("gg", "kk"), ("g", "k"), ("d", "t"), ("b", "p"), ("ng", "nk"))
_TITLES = frozenset(
    [
        "president",
        "asepresident",
        "peaminister",
        "asepeaminister",
        "minister",
        "välisminister",
        "kaitseminister",
        "siseminister",
        "aseminister",
        "asevälisminister",
        "kindral",
        "kindralmajor",
        "kindralleitnant",
        "kolonel",
        "admiral",
        "juhataja",
        "juht",
        "esimees",
        "aseesimees",
        "pressiesindaja",
        "esindaja",
        "suursaadik",
        "saadik",
        "kantsler",
        "direktor",
        "peasekretär",
        "spiiker",
        "härra",
        "proua",
        "kuningas",
        "prints",
        "paavst",
        "kapten",
        "ajakirjanik",
        "analüütik",
        "ekspert",
        "professor",
    ]
)
_QUOTES = frozenset("\"“”„«»'")
_MINISTRY = re.compile(r"ministeerium", re.IGNORECASE)


def _known(name: str) -> bool:
    return gazetteer.lookup(name) is not None


def _graded(stem: str) -> list[str]:
    """The stem and its strong-grade variants: "Iraag" -> ["Iraag", "Iraak"]."""
    out = [stem]
    for weak, strong in _GRADATION:
        index = stem.rfind(weak)
        if index > 0 and len(stem) - index <= len(weak) + 1:
            out.append(stem[:index] + strong + stem[index + len(weak) :])
    return out


def candidates(word: str) -> list[tuple[str, str | None]]:
    """Possible dictionary forms of an inflected name, most literal first, with the case."""
    if "-" in word:
        base, _, ending = word.rpartition("-")
        if base and ending.islower() and len(ending) <= 5:  # IS-i, IS-ist, ÜRO-s, NATO-t
            case = next((c for e, c in _CASE_ENDINGS if ending.endswith(e)), "Gen")
            return [(base, case), (word, None)]
    out: list[tuple[str, str | None]] = [(word, None)]
    stems: list[tuple[str, str | None]] = [(word, "Gen")]
    for ending, case in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.append((word[: -len(ending)], case))
    for stem, case in stems:
        forms = [stem] if stem != word else []
        if stem[-1] in _VOWELS and stem[-2] not in _VOWELS:
            forms.append(stem[:-1])
        for form in forms:
            out.extend((graded, case) for graded in _graded(form))
    return out


def name_lemma(word: str, seen: Iterable[str] = ()) -> tuple[str, str | None]:
    """The dictionary form of the last word of a name, and its case (``None``: nominative).

    A form is accepted when a gazetteer knows it or ``seen`` (other words of the document)
    contains it; otherwise only unambiguous long endings on a consonant-stem genitive are
    removed (Erdoğaniga -> Erdoğan), and a short "-s"/"-l"/"-t" is kept (Kallas stays Kallas).
    """
    seen_set = set(seen)
    options = candidates(word)
    if "-" in word and options[0][1] is not None:
        return options[0]
    for form, case in options:
        if _known(form) or (form != word and form in seen_set):
            return form, case
    for ending, case in _CASE_ENDINGS:
        stem = word[: -len(ending)]
        if len(ending) >= 2 and word.endswith(ending) and len(stem) >= 4:
            if stem.endswith("i") and stem[-2] not in _VOWELS:
                return stem[:-1], case
            return stem, case
    return word, None


def _is_name_word(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _starts_sentence(token: Token) -> bool:
    """Capitals there prove nothing: sentence starts, after a quote mark or a colon."""
    if token.i == 0 or token.is_sent_start:
        return True
    previous = token.doc[token.i - 1]
    return (
        previous.text in _QUOTES
        and (previous.i == 0 or previous.is_sent_start)
        or (previous.text == ":")
    )


def _groups(doc: Doc) -> list[list[Token]]:
    """Runs of capitalised words separated only by single spaces."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    for token in doc:
        if _is_name_word(token) and (
            not current or (current[-1].whitespace_ == " " and current[-1].i == token.i - 1)
        ):
            current.append(token)
            continue
        if current:
            groups.append(current)
        current = [token] if _is_name_word(token) else []
    if current:
        groups.append(current)
    return groups


def _set_lemmas(tokens: list[Token], seen: set[str]) -> str:
    """Lemmatise the inflected last word of a name; return the whole name's dictionary form."""
    lemma, case = name_lemma(tokens[-1].text, seen)
    for token in tokens[:-1]:
        token.lemma_ = token.text
    tokens[-1].lemma_ = lemma
    if case:
        tokens[-1].set_morph(f"Case={case}")
    return " ".join(t.lemma_ for t in tokens)


def _split_known(tokens: list[Token], seen: set[str]) -> list[tuple[list[Token], str]]:
    """Names in a run: "Putin Ankaras" is a person and a place, "Al-Nusra Rinne" one name.

    Only a name's last word inflects, so a known place or organisation inside an unknown run
    ends the name before it; known words stand alone, unknown neighbours stay together.
    """
    full = _set_lemmas(tokens, seen)
    if len(tokens) == 1 or gazetteer.lookup(full):
        return [(tokens, full)]
    out: list[tuple[list[Token], str]] = []
    run: list[Token] = []
    for token in tokens:
        if _known(name_lemma(token.text, seen)[0]):
            if run:
                out.append((run, _set_lemmas(run, seen)))
                run = []
            out.append(([token], _set_lemmas([token], seen)))
        else:
            run.append(token)
    if run:
        out.append((run, _set_lemmas(run, seen)))
    return out


def _label(doc: Doc, tokens: list[Token], lemma: str, people: set[str]) -> str | None:
    entry = gazetteer.lookup(lemma) or gazetteer.lookup(" ".join(t.text for t in tokens))
    if entry:
        return entry.label
    last = lemma.split()[-1]
    if len(tokens) > 1 or last in people:
        return "PERSON"
    start = tokens[0].i
    if start > 0 and doc[start - 1].lower_ in _TITLES:
        return "PERSON"
    return None


@Language.component("timeweave_estonian_names")
def estonian_names(doc: Doc) -> Doc:
    """Find names, set their lemmas and case (``Case=Ine`` for "Ankaras") and ``doc.ents``."""
    surface = {t.text for t in doc if _is_name_word(t)}
    groups = _groups(doc)
    # Full names ("Ilja Rogatšjov") make a later bare, sentence-initial "Rogatšjovi" a name too.
    people = {
        name_lemma(group[-1].text, surface)[0]
        for group in groups
        if len(group) - _starts_sentence(group[0]) >= 2
    }
    found: list[tuple[list[Token], str]] = []
    for group in groups:
        tokens = list(group)
        first = name_lemma(tokens[0].text, surface)[0]
        # "Terrorirühmitused Islamiriik": a capital at a sentence start proves nothing, but
        # "Ilja Rogatšjov" (no known name after the first word) is a name as a whole.
        rest_known = len(tokens) > 1 and _known(name_lemma(tokens[1].text, surface)[0])
        if (
            _starts_sentence(tokens[0])
            and not (_known(first) or first in people)
            and (len(tokens) == 1 or rest_known or tokens[0].lower_ in _TITLES)
        ):
            tokens = tokens[1:]
        if not tokens:
            continue
        found.extend(_split_known(tokens, surface))
    spans: list[Span] = []
    for tokens, lemma in found:
        label = _label(doc, tokens, lemma, people) or "MISC"
        spans.append(Span(doc, tokens[0].i, tokens[-1].i + 1, label=label))
    spans.extend(_ministries(doc))
    doc.ents = filter_spans(spans)
    return doc


def _ministries(doc: Doc) -> list[Span]:
    """Lowercase ministry nouns are organisations; a preceding country word belongs to them."""
    spans = []
    for token in doc:
        if _MINISTRY.search(token.text) and not token.text.endswith("-"):
            start = token.i
            if start > 0 and doc[start - 1].text[:1].isupper():
                entry = gazetteer.lookup(doc[start - 1].text)
                if entry and entry.label in {"GPE", "NORP"}:
                    start -= 1
            token.lemma_ = token.text[: _MINISTRY.search(token.text).end()].lower()
            spans.append(Span(doc, start, token.i + 1, label="ORG"))
    return spans
