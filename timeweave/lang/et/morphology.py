"""Estonian noun paradigms, generated from principal parts instead of listed form by form.

Estonian builds eleven of its fourteen cases by gluing an ending onto the genitive stem
(``nädala`` -> ``nädalal``, ``nädalast``, ``nädalani``), and the plural ones onto the genitive
plural (``nädalate`` -> ``nädalatel``). So four principal parts - nominative, genitive and
partitive singular, genitive and partitive plural - give the whole paradigm, and a time word
in any case is recognised even if no corpus ever showed that form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Case = Literal[
    "nom", "gen", "part", "ill", "ine", "ela", "all", "ade", "abl", "tra", "ter", "ess", "abe",
    "com",
]
Number = Literal["sg", "pl"]

# The eleven endings added to a genitive stem, singular and plural alike.
STEM_ENDINGS: dict[Case, str] = {
    "ill": "sse", "ine": "s", "ela": "st", "all": "le", "ade": "l", "abl": "lt", "tra": "ks",
    "ter": "ni", "ess": "na", "abe": "ta", "com": "ga",
}
# The older "i-plural" (``päevil``, ``aastail``): only the local cases and translative survive.
I_PLURAL_ENDINGS: dict[Case, str] = {
    "ine": "s", "ela": "st", "ade": "l", "abl": "lt", "all": "le", "tra": "ks",
}


@dataclass(frozen=True)
class Stems:
    """Principal parts of one word; each field may list variants (``kaht``/``kahte``).

    ``i_plural`` is the stem of the i-plural (``päevi`` for ``päevil``), ``short_ill`` the
    short illative forms (``päeva`` as "into the day") when a word has them.
    """

    nom: tuple[str, ...]
    gen: tuple[str, ...]
    part: tuple[str, ...]
    gen_pl: tuple[str, ...] = ()
    part_pl: tuple[str, ...] = ()
    i_plural: tuple[str, ...] = ()
    short_ill: tuple[str, ...] = ()


def stems(
    nom: str, gen: str, part: str, gen_pl: str = "", part_pl: str = "", i_plural: str = "",
    short_ill: str = "",
) -> Stems:
    """Build :class:`Stems` from space-separated variants, the way a dictionary lists them."""
    return Stems(*(tuple(value.split()) for value in (
        nom, gen, part, gen_pl, part_pl, i_plural, short_ill,
    )))


Analysis = tuple[Case, Number]


def paradigm(word: Stems) -> dict[str, frozenset[Analysis]]:
    """Every surface form of ``word`` (lower case) with the case/number readings it can have."""
    forms: dict[str, set[Analysis]] = {}

    def add(surfaces: Iterable[str], case: Case, number: Number) -> None:
        for surface in surfaces:
            forms.setdefault(surface, set()).add((case, number))

    add(word.nom, "nom", "sg")
    add(word.gen, "gen", "sg")
    add(word.part, "part", "sg")
    add(word.short_ill, "ill", "sg")
    for case, ending in STEM_ENDINGS.items():
        add((stem + ending for stem in word.gen), case, "sg")
    if word.gen_pl:
        add((stem + "d" for stem in word.gen), "nom", "pl")
        add(word.gen_pl, "gen", "pl")
        add(word.part_pl, "part", "pl")
        for case, ending in STEM_ENDINGS.items():
            add((stem + ending for stem in word.gen_pl), case, "pl")
        for case, ending in I_PLURAL_ENDINGS.items():
            add((stem + ending for stem in word.i_plural), case, "pl")
    return {surface: frozenset(readings) for surface, readings in forms.items()}


def cases_of(forms: dict[str, frozenset[Analysis]], surface: str) -> frozenset[Case]:
    """The cases a surface form can be in (empty when it is not a form of the word)."""
    return frozenset(case for case, _ in forms.get(surface, ()))
