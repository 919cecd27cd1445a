"""People's names across scripts' transliterations: Konašenkov = Konashenkov, Rogatšjov = Rogachev.

Russian names reach Estonian and English through different transliteration rules (Estonian
š, ž, tš, j; English sh, zh, ch, y/e). A key written in English-style Latin letters makes most
pairs equal; a coarser "skeleton" (vowel-like letters merged) plus a similarity ratio catches
the rest (Rogachyov/Rogachev) without matching unrelated names.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

# Longest sequences first: "tš" must become "ch" before "š" becomes "sh".
_TRANSLIT = (
    ("tš", "ch"),
    ("š", "sh"),
    ("ž", "zh"),
    ("č", "ch"),
    ("ć", "ch"),
    ("ş", "sh"),
    ("ğ", "g"),
    ("ı", "i"),
    ("õ", "o"),
    ("ä", "a"),
    ("ö", "o"),
    ("ü", "u"),
)
_TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "minister",
        "general",
        "gen.",
        "kindral",
        "kindralmajor",
        "major",
        "colonel",
        "kolonel",
        "sir",
        "lord",
        "prime",
        "peaminister",
        "härra",
        "proua",
    ]
)


_TRANSLITERATED = re.compile(r"[šžčŠŽČ]")


def transliterate(name: str) -> str:
    """English-style Latin spelling: "Rogatšjov" -> "Rogachyov", "Erdoğan" -> "Erdogan".

    The Estonian j for the Russian "й/ь + vowel" becomes y only in a name that shows it was
    transliterated (š, ž, č): "Ilja Rogatšjov" -> "Ilya Rogachyov", but "Steve Jobs" stays.
    """
    text = name
    transliterated = bool(_TRANSLITERATED.search(name))
    for source, target in _TRANSLIT:
        text = text.replace(source, target).replace(source.capitalize(), target.capitalize())
    if transliterated:
        text = re.sub(r"(?<=[a-zA-Z])j(?=[aeiouy])", "y", text)
        text = re.sub(r"\bJ(?=[aeiou])", "Y", text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def person_key(name: str) -> str:
    """The key of a person: transliterated, title words dropped, spaces normalised."""
    words = [w for w in re.split(r"\s+", name.strip()) if w.casefold() not in _TITLE_WORDS]
    return transliterate(" ".join(words)).strip(" .,'\"")


@cache
def skeleton(name: str) -> str:
    """A coarse sound shape for comparing surnames: yo/ye/e merged, doubled letters single."""
    text = transliterate(name).casefold()
    text = re.sub(r"y[oe]|[yj]", "e", text)
    text = text.replace("kh", "h").replace("w", "v").replace("ck", "k")
    return re.sub(r"(.)\1+", r"\1", text)


def similarity(a: str, b: str) -> float:
    """How alike two person keys are (0..1), comparing surnames and first initials.

    "Igor Konashenkov" vs "Konashenkov" is 1.0 (surname alone is compatible); different
    first initials cap the score at 0.5 so two Ivanovs stay apart.
    """
    words_a, words_b = a.split(), b.split()
    if not words_a or not words_b:
        return 0.0
    surname = difflib.SequenceMatcher(None, skeleton(words_a[-1]), skeleton(words_b[-1])).ratio()
    both_named = len(words_a) > 1 and len(words_b) > 1
    if both_named and _initial(words_a[0]) != _initial(words_b[0]):
        return min(surname, 0.5)
    return surname


def _initial(word: str) -> str:
    """A first name's initial across transliterations: Jevgeni and Yevgeny both start "y"."""
    first = word[:1].casefold()
    return "y" if first == "j" else first


# The last word of an organisation's or product's name says what it is; a person's never does.
# English heads appear in Estonian texts too ("General Motors"), so both languages share the set.
_ORGANISATION_HEADS = frozenset(
    (
        "agency", "airlines", "airways", "army", "association", "bank", "board", "bureau",
        "center", "centre", "church", "co", "college", "command", "commission", "committee",
        "company", "corp", "corporation", "corps", "council", "court", "department", "district",
        "entertainment", "federation", "force", "forces", "foundation", "front", "fund",
        "group", "holdings", "inc", "institute", "international", "league", "limited", "ltd",
        "media", "ministry", "motors", "network", "networks", "news", "office", "organisation",
        "organization", "partners", "party", "police", "press", "records", "republic", "school",
        "service", "services", "society", "store", "studios", "systems", "technologies",
        "times", "tribune", "union", "university", "agentuur", "erakond", "fond", "firma",
        "instituut", "kohus", "komisjon", "komitee", "liit", "ministeerium", "nõukogu", "pank",
        "partei", "rinne", "selts", "ühing", "ülikool",
    )
)


def looks_like_organisation(name: str) -> bool:
    """Whether a name cannot be a person's: an organisation head word last ("General Motors",
    "iTunes Store"), a product-style word ("iPhone", "3G") or an all-capital abbreviation."""
    words = name.split()
    if not words:
        return False
    if words[-1].casefold().strip(".,") in _ORGANISATION_HEADS:
        return True
    return any(
        any(c.isdigit() for c in w)
        or (w[:1].islower() and any(c.isupper() for c in w[1:]))
        or (len(w) >= 2 and w.isalpha() and w.isupper())
        for w in words
    )


_NOT_INITIALS = frozenset({"of", "the", "and", "for", "de", "du", "la"})


def initials(name: str) -> str:
    """The abbreviation a name would have: "United States Air Force" -> "USAF"."""
    words = [w for w in name.replace("-", " ").split() if w.casefold() not in _NOT_INITIALS]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


_LEGAL_FORMS = re.compile(
    r",?\s+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|GmbH|AS|OÜ)\.?$"
)


def variants(keys: Iterable[str]) -> dict[str, str]:
    """Keys of organisations and things that name another key of the same set: an abbreviation
    ("GM" -> "General Motors"), a plural ("iPods" -> "iPod"), a legal form ("Apple Inc." ->
    "Apple")."""
    keys = set(keys)
    joined = acronyms(keys)
    for key in keys - joined.keys():
        bare = _LEGAL_FORMS.sub("", key)
        if bare != key and bare:
            joined[key] = bare
        elif key.endswith("s") and key[:-1] in keys:
            joined[key] = key[:-1]
    return joined


def acronyms(keys: Iterable[str]) -> dict[str, str]:
    """Each all-capital key ("GM", "U.S.A.F.") mapped to the one multi-word key it abbreviates
    ("General Motors"); an abbreviation that fits two names stays as it is."""
    keys = set(keys)
    expansions: dict[str, set[str]] = {}
    for key in keys:
        if len(key.split()) >= 2:
            expansions.setdefault(initials(key), set()).add(key)
    joined = {}
    for key in keys:
        letters = key.replace(".", "")
        if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
            found = expansions.get(letters, set())
            if len(found) == 1:
                joined[key] = next(iter(found))
    return joined
