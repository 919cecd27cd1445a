"""Known names and their language-independent keys: curated aliases plus CLDR places.

Statistical NER gets well-known organisations wrong ("Sputnik" as a person, "Islamic" split from
"State") and knows nothing of Estonian. A small curated table fixes the organisations; babel's CLDR
data gives every state (and the cities CLDR names) in Estonian and English, so "Venemaa",
"Russia" and "Russian Federation" all get the key "Russia" without a hand-written country list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babel import Locale
from babel.core import get_global

# English CLDR calls some states by their formal or newest name; analysts search by the common one.
_KEY_OVERRIDES = {"TR": "Turkey", "US": "United States", "GB": "United Kingdom", "RU": "Russia"}
_LANGUAGES = ("en", "et")
_MINISTRIES = {
    "foreign": ("välis", "foreign", "foreign affairs"),
    "defence": ("kaitse", "defence", "defense"),
    "interior": ("sise", "interior", "internal affairs", "home"),
    "finance": ("rahandus", "finance"),
    "justice": ("justiits", "justice"),
    "economy": ("majandus", "economy", "economic affairs"),
}
_ET_MINISTRY = re.compile(
    r"(?P<area>" + "|".join(a[0] for a in _MINISTRIES.values()) + r")?ministeerium", re.IGNORECASE
)
_EN_MINISTRY = re.compile(
    r"(?:(?P<area1>"
    + "|".join(n for names in _MINISTRIES.values() for n in names[1:])
    + r")\s+ministry|ministry\s+of\s+(?:the\s+)?(?P<area2>"
    + "|".join(n for names in _MINISTRIES.values() for n in names[1:])
    + r")|\bministry\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Entry:
    """What a known name means: its key and the entity label it should carry."""

    key: str
    label: str


def _is_acronym(name: str) -> bool:
    """Short all-capital names ("IS", "US", "EL") only match in capitals, never "is" or "us"."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 4


def normalise(name: str) -> str:
    """The lookup form: case folded for words, exact for acronyms, spacing and "the" removed."""
    name = re.sub(r"\s+", " ", name.strip().strip(".,;:\"'“”„«»()")).removesuffix("'s")
    name = re.sub(r"^(?:the|The)\s+", "", name).removesuffix(" 's").strip()
    return name if _is_acronym(name) else name.casefold()


@cache
def _table() -> dict[str, Entry]:
    """All known names by lookup form; curated names win over CLDR, CLDR over demonyms."""
    curated: dict[str, Entry] = {}
    demonyms: dict[str, Entry] = {}
    text = resources.files("timeweave.entities").joinpath("aliases.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, label, names = line.split("\t")
        target = demonyms if label == "NORP" else curated
        for name in names.split("|"):
            if name:
                target.setdefault(normalise(name), Entry(key, label))
    table = dict(demonyms)
    table.update(_cldr())
    table.update(curated)
    return table


def _cldr() -> dict[str, Entry]:
    """States (two-letter territories) and time-zone cities in every supported language."""
    english = Locale("en")
    table: dict[str, Entry] = {}
    for language in _LANGUAGES:
        locale = Locale(language)
        for code, name in locale.territories.items():
            if len(code) == 2 and code.isalpha():
                key = _KEY_OVERRIDES.get(code, english.territories.get(code, name))
                table.setdefault(normalise(name), Entry(key, "GPE"))
    for language in _LANGUAGES:
        zones = Locale(language).time_zones
        for zone in get_global("zone_territories"):
            if zone.startswith("Etc/") or "/" not in zone:
                continue
            key = zone.rsplit("/", 1)[1].replace("_", " ")
            data = zones.get(zone)
            name = (data.get("city") if data else None) or key
            table.setdefault(normalise(name), Entry(key, "GPE"))
            table.setdefault(normalise(key), Entry(key, "GPE"))
    return table


def lookup(name: str) -> Entry | None:
    """The entry for a name in any known language, or ``None``."""
    if not name.strip():
        return None
    return _table().get(normalise(name))


def known_names() -> list[str]:
    """Every curated alias as written, for phrase matching in running text."""
    text = resources.files("timeweave.entities").joinpath("aliases.tsv").read_text("utf-8")
    names = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            names.extend(n for n in line.split("\t")[2].split("|") if n)
    return names


def ministry_key(text: str) -> str | None:
    """"Foreign Ministry (Russia)" for "Vene välisministeeriumi" and "Russian Foreign Ministry".

    The country qualifier comes from any known state or demonym inside the name; a bare
    "ministry" gives the key "Ministry", which only links when both sources say no more.
    """
    match = _ET_MINISTRY.search(text) or _EN_MINISTRY.search(text)
    if not match:
        return None
    groups = {k: v for k, v in match.groupdict().items() if v}
    area_word = next(iter(groups.values()), "").casefold()
    area = next((a for a, names in _MINISTRIES.items() if area_word in names), None)
    key = f"{area.capitalize()} Ministry" if area else "Ministry"
    rest = (text[: match.start()] + " " + text[match.end() :]).split()
    for word in rest:
        entry = lookup(word)
        if entry and entry.label in {"GPE", "NORP"}:
            return f"{key} ({entry.key})"
    return key
