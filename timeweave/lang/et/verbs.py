"""Estonian verb forms without a trained model: paradigms generated from principal parts.

An Estonian verb's hundred-odd forms follow from four or five principal parts (the dictionary
gives ``lugema, lugeda, loeb, luges, loetud``): the ``-ma`` stem carries the supine, the
quotative and the ``-mine`` noun; the present stem the personal endings (``-n, -b, -me, -te,
-vad``) and the conditional ``-ks``; the ``-da`` infinitive the gerund ``-des`` and the active
past participle ``-nud``; the passive participle the impersonal ``-ti``/``-takse``. So
``verbs.txt`` lists principal parts only, and every surface form maps back to its lemma and what
its ending says (tense, mood, finiteness). Verbs not in the list are still recognised by the
endings no noun has (``-eeris``, ``-takse``, ``-nud``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from timeweave.lang.et.vocab import words

Form = Literal[
    "pres",  # finite present: loeb, loen, loevad
    "past",  # finite past: luges, lugesid
    "cond",  # conditional: loeks, oleks
    "quot",  # quotative: lugevat
    "imp",  # imperative/jussive: olgu, tehku
    "neg",  # connegative, a verb only after "ei"/"ära": (ei) loe, (ei) tee
    "sup",  # supine: lugema, lugemas, lugemast, lugemata
    "inf",  # da-infinitive: lugeda
    "ger",  # gerund: lugedes
    "nud",  # active past participle: lugenud
    "tud",  # passive past participle: loetud
    "pass_pres",  # impersonal present: loetakse
    "pass_past",  # impersonal past: loeti
    "pass_neg",  # impersonal connegative: (ei) loeta
    "part_noun",  # a participle used as a noun: hukkunute, haavatuid
]
FINITE: frozenset[Form] = frozenset(
    {"pres", "past", "cond", "quot", "imp", "pass_pres", "pass_past"}
)
VOWELS = "aeiouõäöü"


@dataclass(frozen=True, slots=True)
class VerbReading:
    """One reading of a surface form: the verb's ``-ma`` infinitive and the form's grammar."""

    lemma: str
    form: Form


# "pole" is "ei ole" in one word: its own negation.
NEGATIVE_OLEMA: dict[str, Form] = {"pole": "pres", "polnud": "past", "poleks": "cond"}
# Words that look like verb forms but, in running text, are almost always something else:
# adverbs and adpositions from old verb forms (alates, hoolimata, lisaks, alati), the number
# "viies", pronoun forms (omas, omaks), adjectives (erinevad, võimas, viimast), the adverb
# "kaasas" (along).
NOT_VERBS = words(
    """alates alati lisaks hoolimata vaatamata rääkimata kahtlemata olenemata sõltumata
    viies päris omas omaks omast võimas viimast viimaks viimase erinev erinevad erinevat
    erinevaid teatavasti kohati paiguti tegelikult kaasas"""
)
CLITICS = ("gi", "ki")

_PERSON_PRESENT = ("n", "b", "me", "te", "vad")
_PERSON_PAST_S = ("sin", "sid", "sime", "site")
_PERSON_PAST_VOWEL = ("n", "d", "me", "te")
_SUPINE = ("ma", "mas", "mast", "maks", "mata")
_CONDITIONAL = ("ks", "ksin", "ksid", "ksime", "ksite")
_PARTICIPLE_CASES = ("t", "te", "id", "tel", "tele", "test", "tes", "teks", "na", "tena")
# Unknown verbs: only endings that no noun or adjective shares.
_UNKNOWN = re.compile(
    r"^(?P<stem>[a-zõäöüšž]{3,}eeri)(?P<end>ma|mas|mast|maks|mata|da|des|b|vad|n|me|te|s|sid|sin"
    r"|sime|nud|tud|takse|ti|ks|ksid|vat)$"
)
_LETTER = re.compile(r"[^\W\d_]")
_UNKNOWN_FORMS: dict[str, Form] = {
    "ma": "sup", "mas": "sup", "mast": "sup", "maks": "sup", "mata": "sup", "da": "inf",
    "des": "ger", "b": "pres", "vad": "pres", "n": "pres", "me": "pres", "te": "pres",
    "s": "past", "sid": "past", "sin": "past", "sime": "past", "nud": "nud", "tud": "tud",
    "takse": "pass_pres", "ti": "pass_past", "ks": "cond", "ksid": "cond", "vat": "quot",
}  # fmt: skip
_IMPERSONAL = re.compile(r"^[a-zõäöüšž]{4,}[td]akse$")
_PARTICIPLE = re.compile(r"^[a-zõäöüšž]{3,}[aeiuõ](?:nud|tud|dud)$")
# not "päevad", "laevad" (nouns), "tugevad" (-ev adjectives), "uuritavad" (passive participles)
_PRESENT_PLURAL = re.compile(r"^[a-zõäöüšž]{3,}(?<![td])[aiu]vad$")
_PRESENT = re.compile(r"^[a-zõäöüšž]{3,}[aeiuõ]b$")  # nouns do not end in a vowel and -b


def _default_da(stem: str) -> str:
    if stem[-1] not in VOWELS:
        raise ValueError(f"consonant-stem verb needs its da-infinitive: {stem}ma")
    return stem + "da"


def _default_tud(stem: str, da: str) -> str:
    if da.endswith(("lla", "nna", "rra")):
        return da[:-2] + "dud"  # tulla -> tuldud, panna -> pandud
    if stem[-1] not in VOWELS:
        return da[:-2] + "tud"  # anda -> antud, tõusta -> tõustud
    if da.endswith(("ata", "eta")):
        return da[:-1] + "ud"  # arvata -> arvatud
    return stem + "tud"  # teatada -> teatatud


def _default_nud(stem: str, da: str) -> str:
    if stem[-1] not in VOWELS:
        return stem + "nud"  # kandma -> kandnud
    if da.endswith(("lla", "nna", "rra")) or da.endswith(("da", "ta")):
        return da[:-2] + "nud"  # tulla -> tulnud, hakata -> hakanud
    return stem + "nud"


def _imperative_stem(stem: str, da: str) -> str:
    """The stem of the imperative "-ge/-gu/-gem" up to its g or k: "vaadak" (vaadake),
    "lugeg" (lugege), "andk" (andke), "tehk" (tehke)."""
    if stem[-1] not in VOWELS:
        return stem + "k"
    if da.endswith("ta") and not da.endswith(("lla", "nna", "rra")):
        return da[:-2] + "k"
    if da.endswith(("da", "lla", "nna", "rra")):
        return da[:-2] + "g"
    return da[:-1] + "k"  # teha -> tehke


def _extra_form(form: str, past: str) -> Form:
    """The grammar of an irregular form listed after "+", read from its ending."""
    for endings, tag in (
        (("nud",), "nud"),
        (("tud", "dud"), "tud"),
        (("akse",), "pass_pres"),
        (("ti", "di"), "pass_past"),
        (("ks", "ksid"), "cond"),
        (("vat",), "quot"),
        (("gu", "ku"), "imp"),
        (("es",), "ger"),
        (_PERSON_PAST_S, "past"),
    ):
        if form.endswith(endings):
            return tag  # type: ignore[return-value]
    return "past" if form.startswith(past) else "pres"


def _paradigm(fields: list[str], extras: list[str]) -> dict[str, Form]:
    """Every form of one verb with its grammar, from the principal parts of a ``verbs.txt`` line."""
    lemma = fields[0]
    stem = lemma[:-2]
    given = fields[1:] + ["."] * (5 - len(fields[1:]))
    da = given[0] if given[0] != "." else _default_da(stem)
    present = given[1] if given[1] != "." else stem
    past = given[2] if given[2] != "." else stem + ("s" if stem[-1] in VOWELS else "is")
    tud = given[3] if given[3] != "." else _default_tud(stem, da)
    nud = given[4] if given[4] != "." else _default_nud(stem, da)
    forms: dict[str, Form] = {}

    def add(tag: Form, *surfaces: str) -> None:
        for surface in surfaces:
            forms.setdefault(surface, tag)

    add("sup", *(stem + e for e in _SUPINE))
    add("quot", stem + "vat")
    add("inf", da)
    add("ger", da[:-1] + "es")
    add("nud", nud)
    add("tud", tud)
    add("pres", *(present + e for e in _PERSON_PRESENT))
    add("cond", *(present + e for e in _CONDITIONAL))
    add("cond", nud[:-1] + "ks")
    add("quot", nud[:-1] + "vat")
    add("neg", present)
    add("imp", *(_imperative_stem(stem, da) + e for e in ("e", "u", "em")))
    if past.endswith("s"):
        base = past[:-2] if past.endswith("is") and stem[-1] not in VOWELS else past[:-1]
        add("past", past, *(base + (e[1:] if base.endswith("s") else e) for e in _PERSON_PAST_S))
    else:
        add("past", past, past + "d", *(past + e for e in _PERSON_PAST_VOWEL))
    passive = tud[:-2]
    add("pass_past", passive + "i")
    add("pass_pres", passive + "akse")
    add("cond", passive + "aks")
    add("pass_neg", passive + "a")
    if not da.endswith(("da", "ta")):
        add("pass_pres", da + "kse")  # teha -> tehakse, tulla -> tullakse
    add("part_noun", *(nud[:-1] + e for e in _PARTICIPLE_CASES))
    add("part_noun", *(tud[:-1] + e for e in _PARTICIPLE_CASES))
    for extra in extras:
        forms[extra] = _extra_form(extra, past)
    return forms


@cache
def table() -> dict[str, tuple[VerbReading, ...]]:
    """Surface form (lower case) -> its verb readings, most likely first, built once from
    ``verbs.txt``."""
    text = resources.files("timeweave.lang.et").joinpath("verbs.txt").read_text("utf-8")
    out: dict[str, list[VerbReading]] = {}
    done: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts, _, extra = line.partition("+")
        fields = parts.split()
        if fields[0] in done and len(fields) == 1:
            continue  # named again in another group of the list
        done.add(fields[0])
        for surface, form in _paradigm(fields, extra.split()).items():
            readings = out.setdefault(surface, [])
            reading = VerbReading(fields[0], form)
            if reading not in readings:
                readings.append(reading)
    return {
        surface: tuple(sorted(readings, key=lambda r: _PREFERENCE[r.form]))
        for surface, readings in out.items()
    }


@cache
def lemmas() -> frozenset[str]:
    """Every verb the lexicon knows, as its ``-ma`` infinitive."""
    return frozenset(r.lemma for readings in table().values() for r in readings)


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[VerbReading, ...]:
    """The verb readings of ``word`` (any case); empty when it is no verb form we know.

    Lexicon forms first; then the endings only a verb has: the ``-eeri-`` loan verbs in any
    form, the impersonal ``-takse``/``-dakse`` and the participles ``-nud``/``-tud``.
    """
    low = word.lower()
    if low in NOT_VERBS:
        return ()
    if low in NEGATIVE_OLEMA:
        return (VerbReading("olema", NEGATIVE_OLEMA[low]),)
    known = table().get(low)
    if known:
        return known
    match = _UNKNOWN.match(low)
    if match:
        return (VerbReading(match["stem"] + "ma", _UNKNOWN_FORMS[match["end"]]),)
    if _IMPERSONAL.match(low):
        return (VerbReading(low[:-5] + "ma", "pass_pres"),)
    if _PARTICIPLE.match(low):
        return (VerbReading(low[:-3] + "ma", "nud" if low.endswith("nud") else "tud"),)
    if _PRESENT.match(low):
        return (VerbReading(low[:-1] + "ma", "pres"),)
    if _PRESENT_PLURAL.match(low):
        return (VerbReading(low[:-3] + "ma", "pres"),)
    if low.endswith(CLITICS) and len(low) >= 4:  # "ongi", "polegi", "tulebki"
        return analyse(low[:-2])
    return ()


NEGATORS = frozenset({"ei", "ära", "ärge", "ärgu", "ärgem"})
_NEGATION = VerbReading("ei", "pres")
_VIIMA_PARTICLES = words("läbi ellu välja ära kaasa tagasi edasi üle kokku sisse")
# -nud participles that are mostly adjectives, verbs only with "olema": "möödunud nädalal"
# (last week), "kogenud" (experienced), "väsinud" (tired).
_ADJECTIVAL_PARTICIPLES = words(
    "möödunud ülemöödunud eelnenud kogenud väsinud haigestunud vihastunud"
)
# Forms of "olema" that make a participle part of a compound verb: "on kandnud", "oli suletud".
_AUXILIARY = words(
    "on oli olid olin olime olite olnud oleks olevat ole olla oldud pole polnud poleks"
)
_BETWEEN_NEGATION = words("ka veel enam ju siiski kunagi üldse mitte")
_AUX_REACH = 7  # words between the auxiliary and its participle: "on viimastel kuudel kandnud"
_PREFERENCE: dict[Form, int] = {
    form: rank
    for rank, forms in enumerate(
        (("pres", "past", "pass_pres", "pass_past", "cond", "quot"), ("imp", "sup", "inf", "ger"),
         ("nud", "tud"), ("neg", "pass_neg"), ("part_noun",))
    )
    for form in forms
}  # fmt: skip


def _is_word(word: str) -> bool:
    return word.isalpha() or _LETTER.search(word) is not None


def _near_auxiliary(lows: list[str], i: int) -> bool:
    """Is there an "olema" form or a negation in the participle's clause, within reach?"""
    for j in range(i - 1, max(-1, i - 1 - _AUX_REACH), -1):
        if not _is_word(lows[j]):
            break
        if lows[j] in _AUXILIARY or lows[j] in NEGATORS:
            return True
    return i + 1 < len(lows) and lows[i + 1] in _AUXILIARY


def _negated(lows: list[str], i: int) -> bool:
    """Does a negation word stand right before ``lows[i]`` ("ei tee", "ei ole veel teinud")?"""
    for j in range(i - 1, max(-1, i - 3), -1):
        low = lows[j]
        if low in NEGATORS:
            return True
        if low not in _AUXILIARY and low not in _BETWEEN_NEGATION:
            return False
    return False


def _connegative_follows(lows: list[str], i: int) -> bool:
    """ "ära" negates only a bare stem right after it ("ära tee"); else it is a particle."""
    return i + 1 < len(lows) and any(r.form in ("neg", "imp") for r in analyse(lows[i + 1]))


def find_verbs(words: list[str]) -> list[VerbReading | None]:
    """The verb reading of each word of a sentence in context, or ``None``.

    Context decides what the form alone cannot: a bare present stem ("tee", "või", "pea") is a
    verb only after "ei"/"ära"; a passive participle ("suletud") only beside a form of "olema"
    or a negation (else it is an adjective: "suletud tee"), an active one ("kandnud",
    "Leningradis sündinud") anywhere unless it is mostly an adjective ("möödunud nädalal"); a
    participle used as a noun ("hukkunute") is no verb at all. The negation words themselves
    are verbs (auxiliaries).
    """
    lows = [word.lower() for word in words]
    out: list[VerbReading | None] = []
    for i, low in enumerate(lows):
        if low in NEGATORS and (low != "ära" or _connegative_follows(lows, i)):
            out.append(_NEGATION)
            continue
        readings = analyse(low)
        # a capitalised word inside a sentence is a name ("Leida", "Saab"), not a verb;
        # "viis" is the number five unless a particle of "viima" follows ("viis läbi")
        if (
            not readings
            or (i > 0 and words[i][:1].isupper() and _is_word(lows[i - 1]))
            or (low == "viis" and not _VIIMA_PARTICLES.intersection(lows[i + 1 : i + 6]))
        ):
            out.append(None)
            continue
        negated = _negated(lows, i)
        chosen = None
        for reading in readings:  # most likely first
            if reading.form in ("neg", "pass_neg") and not negated:
                continue
            if (reading.form == "tud" or low in _ADJECTIVAL_PARTICIPLES) and not (
                negated or _near_auxiliary(lows, i)
            ):
                continue
            if reading.form == "part_noun":
                continue
            if (  # "ei" takes the connegative or a participle, not a personal form
                negated
                and reading.form in FINITE
                and low not in NEGATIVE_OLEMA
                and any(r.form in ("neg", "pass_neg", "nud", "tud") for r in readings)
            ):
                continue
            chosen = reading
            break
        out.append(chosen)
    return out
