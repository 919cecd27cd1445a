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


def transliterate(name: str) -> str:
    """English-style Latin spelling: "Rogatšjov" -> "Rogachyov", "Erdoğan" -> "Erdogan"."""
    text = name
    for source, target in _TRANSLIT:
        text = text.replace(source, target).replace(source.capitalize(), target.capitalize())
    # Estonian writes the Russian "й/ь + vowel" as j: Ilja, Rogatšjov -> Ilya, Rogachyov.
    text = re.sub(r"(?<=[a-zA-Z])j(?=[aeiouy])", "y", text)
    text = re.sub(r"\bJ(?=[aeiou])", "Y", text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def person_key(name: str) -> str:
    """The key of a person: transliterated, title words dropped, spaces normalised."""
    words = [w for w in re.split(r"\s+", name.strip()) if w.casefold() not in _TITLE_WORDS]
    return transliterate(" ".join(words)).strip(" .,'\"")


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
    if both_named and words_a[0][0].casefold() != words_b[0][0].casefold():
        return min(surname, 0.5)
    return surname
