"""Estonian verbs and events measured against UD Estonian-EDT (measure only: CC BY-NC-SA).

Run: ``.venv/bin/python benchmarks/et_verbs.py [--split dev|test|train-part2|all] [--errors N]``.

1. Verb finder (:func:`timeweave.lang.et.verbs.find_verbs` on the gold tokens): precision and
   recall against gold UPOS VERB/AUX.
2. Event triggers (:func:`timeweave.lang.et.events.find_triggers` on our own parse of each
   sentence's text) against an *approximation* of the Estonian TimeML event set, since no Estonian
   event gold is shared: every VERB, every AUX that is not a compound-tense or negation auxiliary
   (the copula "olema" is a STATE event, the modals are MODAL events; "ei" and the "on" of "on
   teinud" belong to their main verb's event), and the deverbal NOUNs (-mine, and -us where the
   treebank has the verb: kaotus, kaotama). Relaxed
   one-to-one matching on character overlap, as TempEval-3 scores events.
3. Cost: CPU per 1,000 words of today's Estonian extraction (parse, entities, reporting events, as
   ``benchmarks/extraction.py``) on its texts (the Estonian seed and the first 40 MThesis
   documents), and the share the trigger finder adds (budget: 1.3x).
Nothing from the treebank is stored or shipped; ``--errors`` prints missed/extra word types for
looking at classes of errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _corpora import CORPORA, read_corpus  # noqa: E402

import timeweave.temporal  # noqa: E402, F401  (first: timeweave.lang imports through it)
from timeweave import entities, nlp  # noqa: E402
from timeweave import events as event_layer  # noqa: E402
from timeweave.lang.et import events, verbs  # noqa: E402
from timeweave.loaders import load_document  # noqa: E402
from timeweave.model import Document  # noqa: E402

EDT = ROOT.parent / "shared" / "eval" / "ud-estonian-edt"
SPLITS = {"dev": ["dev"], "test": ["test"], "train-part2": ["train-part2"]}
SPLITS["all"] = [name for names in list(SPLITS.values()) for name in names]


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    deprel: str
    start: int
    end: int


@dataclass
class Sentence:
    text: str
    tokens: list[Token]


def read(split: str) -> list[Sentence]:
    """Sentences of one CoNLL-U file, tokens placed at their character offsets in the text."""
    sentences: list[Sentence] = []
    text, tokens, cursor = "", [], 0
    path = EDT / f"et_edt-{split}.conllu"
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# text = "):
            text, tokens, cursor = line[9:], [], 0
        elif not line.strip():
            if tokens:
                sentences.append(Sentence(text, tokens))
            tokens = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            at = text.find(cols[1], cursor)
            start = at if at >= 0 else cursor
            cursor = start + len(cols[1]) if at >= 0 else cursor
            tokens.append(Token(cols[1], cols[2], cols[3], cols[7], start, cursor))
    return sentences


def _gold_event(token: Token, verb_lemmas: set[str]) -> bool:
    """The approximation: verbs, non-auxiliary AUX, -mine nouns, and -us nouns whose stem is a
    verb of the same treebank split (kaotus: kaotama; not dementsus, põhjus)."""
    if token.upos == "VERB":
        return True
    if token.upos == "AUX":
        return token.deprel != "aux" or token.lemma not in {"olema", "ei", "ära"}
    if token.upos != "NOUN":
        return False
    lemma = token.lemma.replace("_", "").replace("=", "")
    if lemma.endswith("mine"):
        return True
    stem = lemma[:-2]
    return lemma.endswith("us") and any(stem + v + "ma" in verb_lemmas for v in "aieu")


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, 200 * p * r / (p + r) if p + r else 0.0


def verb_scores(sentences: list[Sentence], errors: int) -> None:
    tp = n_sys = n_gold = 0
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    started = time.process_time()
    for sentence in sentences:
        found = verbs.find_verbs([t.form for t in sentence.tokens])
        for token, reading in zip(sentence.tokens, found, strict=True):
            gold = token.upos in {"VERB", "AUX"}
            n_gold += gold
            n_sys += reading is not None
            tp += gold and reading is not None
            if gold and reading is None:
                missed[token.form.lower()] += 1
            elif reading is not None and not gold:
                extra[f"{token.form.lower()}/{token.upos}"] += 1
    cpu = time.process_time() - started
    p, r, f = _prf(tp, n_sys, n_gold)
    print(
        f"verbs (gold VERB/AUX {n_gold}): precision {p:.1f} recall {r:.1f} F1 {f:.1f}"
        f"  [{cpu:.2f} s CPU]"
    )
    if errors:
        print("  missed:", ", ".join(f"{w} {n}" for w, n in missed.most_common(errors)))
        print("  extra:", ", ".join(f"{w} {n}" for w, n in extra.most_common(errors)))


def event_scores(sentences: list[Sentence], errors: int) -> None:
    tp = n_sys = n_gold = 0
    classes: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    cpu = 0.0
    verb_lemmas = {
        t.lemma.replace("_", "").replace("=", "")
        for s in sentences
        for t in s.tokens
        if t.upos == "VERB"
    }
    for sentence in sentences:
        started = time.process_time()
        doc = nlp.parse(sentence.text, "et")
        triggers = events.find_triggers(doc)
        cpu += time.process_time() - started
        gold = [t for t in sentence.tokens if _gold_event(t, verb_lemmas)]
        spans = [[(doc[i].idx, doc[i].idx + len(doc[i])) for i in t.tokens] for t in triggers]
        used: set[int] = set()
        for trigger, pieces in zip(triggers, spans, strict=True):
            classes[trigger.event_class] += 1
            match = next(
                (k for k, g in enumerate(gold) if k not in used
                 and any(a < g.end and g.start < b for a, b in pieces)),
                None,
            )  # fmt: skip
            if match is None:
                extra[doc[trigger.head].lower_] += 1
            else:
                used.add(match)
        tp += len(used)
        n_sys += len(triggers)
        n_gold += len(gold)
        missed.update(g.form.lower() for k, g in enumerate(gold) if k not in used)
    nlp.clear_cache()
    p, r, f = _prf(tp, n_sys, n_gold)
    words = sum(len(s.tokens) for s in sentences)
    print(
        f"events vs the UD approximation (gold {n_gold}): precision {p:.1f} recall {r:.1f} "
        f"F1 {f:.1f}  [{cpu:.2f} s CPU for parse + triggers, "
        f"{cpu / words * 1000:.3f} s per 1,000 tokens]"
    )
    total = sum(classes.values()) or 1
    print("  classes:", ", ".join(f"{c} {100 * n / total:.1f}%" for c, n in classes.most_common()))
    if errors:
        print("  missed:", ", ".join(f"{w} {n}" for w, n in missed.most_common(errors)))
        print("  extra:", ", ".join(f"{w} {n}" for w, n in extra.most_common(errors)))


def cost(repeat: int = 3) -> None:
    """Today's Estonian extraction against the same plus :func:`events.find_triggers`."""
    seeds = sorted((ROOT / "seeds").iterdir())
    texts = [d.text for d in (load_document(str(p), "s") for p in seeds) if d.language == "et"]
    texts += [g.text for g in read_corpus(CORPORA["mthesis"], limit=40)]
    words = sum(len(t.split()) for t in texts)
    nlp.pipeline("et")
    events.find_triggers(nlp.parse("Ta tuli.", "et"))  # load the lexicons once
    base = triggers = float("inf")
    for _ in range(repeat):
        nlp.clear_cache()
        started = time.process_time()
        parses = []
        for text in texts:
            document = Document("b", "b.txt", text, language="et")
            parsed = nlp.parse(text, "et")
            event_layer.find(parsed, document, [], entities.find(parsed, document))
            parses.append(parsed)
        base = min(base, time.process_time() - started)
        verbs.analyse.cache_clear()  # word caches start cold, as in a new session
        events.noun.cache_clear()
        started = time.process_time()
        for parsed in parses:
            events.find_triggers(parsed)
        triggers = min(triggers, time.process_time() - started)
    per = 1000 / words
    print(
        f"cost on {len(texts)} Estonian texts, {words} words (best of {repeat}): extraction "
        f"{base * per:.3f} s CPU per 1,000 words, triggers +{triggers * per:.3f} s "
        f"= {(base + triggers) / base:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="most frequent errors to print")
    parser.add_argument("--verbs-only", action="store_true")
    parser.add_argument("--no-cost", action="store_true")
    args = parser.parse_args()
    if not args.no_cost:
        cost()
    for split in SPLITS[args.split]:
        sentences = read(split)
        print(f"UD Estonian-EDT {split}: {len(sentences)} sentences")
        verb_scores(sentences, args.errors)
        if not args.verbs_only:
            event_scores(sentences, args.errors)


if __name__ == "__main__":
    main()
