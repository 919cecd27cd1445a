"""The grammar of Estonian time expressions, as rules over tokens with lexicon readings.

Each rule looks at the tokens from a position and either returns what it found (token span,
TIMEX3 type, spec, modifier) or ``None``. :func:`find` keeps, at each position, the longest
match, so "eelmise aasta detsembris" wins over "eelmise aasta". Spans follow the Estonian
TimeML gold convention: words that make or modify the expression are inside the span -
postpositions ("kaks päeva tagasi", "kolme aasta jooksul"), prepositions ("alates 7. aprillist",
"pärast 2008. aastat"), "kell", degree words ("umbes", "üle") and positions ("aasta lõpus").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from timeweave.lang.et.morphology import Case
from timeweave.lang.et.vocab import (
    APPROX_AFTER,
    DECADE_SUFFIX,
    DECADE_WORDS,
    DURATION_CODES,
    DURATION_POSTPOSITIONS,
    LEXICON,
    MONTH_ABBREVIATIONS,
    NAMED_HOURS,
    PERIOD_POSITIONS,
    POINT_ONLY_MODIFIERS,
    PRE_MODIFIER_PAIRS,
    PRE_MODIFIERS,
    SEASON_PREFIXES,
    SHIFT_POSTPOSITIONS,
    THEN_WORDS,
    YEAR_DEICTICS,
    Kind,
    Reading,
    roman,
)
from timeweave.model import TimexType
from timeweave.temporal.base import (
    Absolute,
    Direction,
    Duration,
    Mention,
    PartOfDay,
    Recurrence,
    Reference,
    Relative,
    TimeSpec,
    Unit,
    Weekday,
)
from timeweave.temporal.scan import word_trie

_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")
_MIN_YEAR, _MAX_YEAR = 1000, 2099
_DASHES = ("-", "–", "—")
_ENCLITICS = ("gi", "ki")  # "tänavugi", "praegugi": the focus particle glued to any word


class Token(NamedTuple):
    """A word, number or punctuation mark with its character span.

    A named tuple, not a dataclass: a text has one per word, and building them is a good
    part of the tagger's time.
    """

    text: str
    low: str
    start: int
    end: int
    is_int: bool = False


# The tuple constructor itself: a named tuple's own ``__new__`` is a Python function, and one
# call of it per word was a tenth of the tagger's time.
_new_token = tuple.__new__


def _token(text: str, start: int = 0, end: int = 0) -> Token:
    return Token(text, text.lower(), start, end, _is_int(text))


def _is_int(text: str) -> bool:
    """ASCII digits, short enough to be a count or a year (``int()`` refuses 4,300 digits)."""
    return text.isdigit() and text.isascii() and len(text) <= _MAX_DIGITS


_MAX_DIGITS = 12


@dataclass(frozen=True)
class Found:
    """What a rule recognised: tokens ``[start, end)`` and their meaning."""

    start: int
    end: int
    type: TimexType
    spec: TimeSpec
    mod: str | None = None


Rule = Callable[[list[Token], int], Found | None]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into words, digit runs and single punctuation marks, keeping
    offsets in ``text`` (a slice that begins and ends at whitespace tokenizes as in the whole).

    A hyphenated word stays whole ("üle-eelmisel", "Ida-Virumaa") unless it is two time words
    joined as a range or a pair: "jaanuaris-aprillis", "laupäeviti-pühapäeviti".
    """
    stop = len(text) if end is None else end
    # One comprehension, the tuple built directly: this runs once per word of the text.
    tokens = [
        _new_token(Token, (word, word.lower(), match.start(), match.end(),
                           word.isdigit() and word.isascii() and len(word) <= _MAX_DIGITS))
        for match in _TOKEN_RE.finditer(text, start, stop) for word in (match.group(),)
    ]
    if text.find("-", start, stop) < 0:
        return tokens
    pairs = {token.start: pieces for token in tokens
             if len(token.text) > 1 and "-" in token.text
             and (pieces := _split_pair(token.text, token.start))}
    if not pairs:
        return tokens
    result: list[Token] = []
    for token in tokens:
        result.extend(pairs.get(token.start, (token,)))
    return result


def _split_pair(word: str, start: int) -> list[Token]:
    """A hyphenated word's parts, when they are time words and the whole is not; else []."""
    if _lookup(word):
        return []
    parts = word.split("-")
    if not all(_lookup(part) for part in parts):
        return []
    pieces: list[Token] = []
    for number, part in enumerate(parts):
        if number:
            pieces.append(Token("-", "-", start - 1, start))
        pieces.append(_token(part, start, start + len(part)))
        start += len(part) + 1
    return pieces


# Every lexicon form's readings, as a tuple and by kind, built once at import: looking a word
# up is one dict access, and most words (no form of the lexicon) are one miss.
_FORMS: dict[str, tuple[Reading, ...]] = {form: tuple(readings)
                                          for form, readings in LEXICON.items()}
_FORM_KINDS: dict[str, dict[Kind, tuple[Reading, ...]]] = {
    form: {kind: tuple(r for r in readings if r.kind == kind)
           for kind in dict.fromkeys(r.kind for r in readings)}
    for form, readings in _FORMS.items()
}


def _form_of(text: str, low: str) -> str | None:
    """The lexicon form a word is; a lower-case word may carry "-gi"/"-ki" ("Maigi" is a
    name)."""
    if low in _FORMS:
        return low
    if low.endswith(_ENCLITICS) and len(low) > 4 and text.islower() and low[:-2] in _FORMS:
        return low[:-2]
    return None


def _lookup(text: str) -> tuple[Reading, ...]:
    """Readings of a word."""
    form = _form_of(text, text.lower())
    return () if form is None else _FORMS[form]


def _readings(token: Token | None, kind: Kind,
              cases: tuple[Case, ...] | frozenset[Case] | None = None,
              number: str | None = None) -> tuple[Reading, ...]:
    """The lexicon readings of ``token`` of one kind, optionally limited to cases/number."""
    if token is None:
        return ()
    kinds = _FORM_KINDS.get(token.low)
    if kinds is None:
        if not token.low.endswith(_ENCLITICS):  # most words: no form, not even with "-gi"
            return ()
        form = _form_of(token.text, token.low)
        if form is None:
            return ()
        kinds = _FORM_KINDS[form]
    readings = kinds.get(kind, ())
    if not readings or (cases is None and number is None):
        return readings
    return tuple(reading for reading in readings if (cases is None or reading.case in cases)
                 and (number is None or reading.number == number))


def _bare(word: str) -> Token:
    """A token for a piece of a word (the head of a compound), to look it up."""
    return _token(word)


def _name_like(tokens: list[Token], index: int) -> bool:
    """A capitalised word inside a sentence: "August Kitzberg", "Ilmar Talve" are names."""
    token, previous, following = (_at(tokens, index + offset) for offset in (0, -1, 1))
    if token is None or not token.text[:1].isupper():
        return False
    if previous is not None and previous.text[:1].isalnum():
        return True
    # A first name opening a sentence: "August Kitzberg", "Mai Kask" (nominative + name).
    return (following is not None and following.text[:1].isupper() and following.text.isalpha()
            and any(reading.case == "nom" for reading in _lookup(token.text)))


def _at(tokens: list[Token], index: int) -> Token | None:
    return tokens[index] if 0 <= index < len(tokens) else None


def _glued(tokens: list[Token], index: int) -> bool:
    """Whether token ``index`` follows token ``index - 1`` with no space between."""
    return 0 < index < len(tokens) and tokens[index - 1].end == tokens[index].start


def _dot_after(tokens: list[Token], index: int) -> bool:
    """Whether token ``index`` is directly followed by a full stop ("22." as an ordinal)."""
    following = _at(tokens, index + 1)
    return following is not None and following.text == "." and _glued(tokens, index + 1)


def _word(tokens: list[Token], index: int, words: Iterable[str]) -> bool:
    token = _at(tokens, index)
    return token is not None and token.low in words


def _sign(offset: int) -> Direction:
    return -1 if offset < 0 else (1 if offset > 0 else 0)


def _unit_of(unit: str) -> Unit | None:
    """Units the resolver can shift by (seconds and millennia it cannot)."""
    return None if unit in ("second", "millennium") else unit  # type: ignore[return-value]


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Amount:
    """A number phrase: its value (``None`` = unknown, "mitu"), cases, and where it ends."""

    value: float | None
    end: int
    cases: frozenset[Case]
    approx: bool = False


_ANY_CASE: frozenset[Case] = frozenset(("nom", "gen", "part", "ill", "ine", "ela", "all", "ade",
                                        "abl", "tra", "ter", "ess", "abe", "com"))


def _amount(tokens: list[Token], index: int) -> Amount | None:
    """Read a number: digits ("3", "2,5"), words ("kahekümne viie"), "paar", "mitu", "pool"."""
    token = _at(tokens, index)
    if token is None:
        return None
    if token.is_int and not _dot_after(tokens, index):
        value = float(int(token.text))
        end = index + 1
        comma, decimals = _at(tokens, index + 1), _at(tokens, index + 2)
        if (comma is not None and comma.text == "," and decimals is not None and decimals.is_int
                and _glued(tokens, index + 1) and _glued(tokens, index + 2)):
            value = float(f"{token.text}.{decimals.text}")
            end = index + 3
        return Amount(value, end, _ANY_CASE)
    quantity = _readings(token, "quant")
    if quantity:
        value = float(quantity[0].value)
        return Amount(None if value < 0 else value, index + 1,
                      frozenset(reading.case for reading in quantity), quantity[0].lemma == "paar")
    total = 0.0
    cases: frozenset[Case] | None = None
    position = index
    while True:
        numerals = _readings(_at(tokens, position), "num")
        if cases is not None:
            numerals = [reading for reading in numerals if reading.case in cases]
        if not numerals:
            break
        value = float(numerals[0].value)
        if total and value >= total:  # "kaks sada" reads as 200, "sada kaks" as 102
            total *= value
        elif total and value >= 10 and total % 10:  # "viis kümme" is not 15: stop
            break
        else:
            total += value
        cases = frozenset(reading.case for reading in numerals)
        position += 1
    if cases is None:
        return None
    return Amount(total, position, cases)


def _year(token: Token | None) -> int | None:
    if token is None or not token.is_int or len(token.text) != 4:
        return None
    value = int(token.text)
    return value if _MIN_YEAR <= value <= _MAX_YEAR else None


def _duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value: ``P3Y``, ``PT2H``, ``PXM``; "poolteist tundi" is ``PT1H30M``."""
    code, is_time = DURATION_CODES[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{code}"
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{code}"
    if unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        rest = round((amount - whole) * factor, 6)
        if rest.is_integer():  # "2,5 tundi" is PT2H30M; "1,8 aastat" stays P1.8Y, not P1Y10M
            small_code, small_time = DURATION_CODES[smaller]
            head = f"{whole}{code}" if whole else ""
            if is_time or not small_time:
                return f"{prefix}{head}{int(rest)}{small_code}"
            return f"P{head}T{int(rest)}{small_code}"
    return f"{prefix}{amount:g}{code}"


# The next smaller unit and how many of it make one: "pool aastat" is six months.
_SMALLER: dict[str, tuple[str, int]] = {
    "year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
    "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10),
    "century": ("year", 100), "millennium": ("year", 1000), "half": ("month", 6),
    "quarter": ("month", 3),
}


def _ordinal(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """An ordinal and where it ends: "esimese", "3.", "III"."""
    token = _at(tokens, index)
    if token is None:
        return None
    words = _readings(token, "ord")
    if words:
        return int(words[0].value), index + 1
    if token.is_int and _dot_after(tokens, index):
        return int(token.text), index + 2
    value = roman(token.text) if token.text.isupper() else None
    return (value, index + 1) if value else None


# --------------------------------------------------------------------------- clock times


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int | None
    end: int
    approx: bool = False
    spoken: bool = False  # the hour in words ("kell seitse"): the 12-hour clock of speech


def _clock(tokens: list[Token], index: int) -> Clock | None:
    """"kell 14", "kell 14.30", "kella 18ni", "kella kuuest", "kella poole nelja", "kl 9"."""
    if not _word(tokens, index, ("kell", "kella", "kl")):
        return None
    position = index + 1 + (1 if _dot_after(tokens, index) else 0)
    token = _at(tokens, position)
    if token is None:
        return None
    minute: int | None = None
    spoken = not token.is_int
    if token.is_int:
        hour = int(token.text)
        position += 1
        separator, minutes = _at(tokens, position), _at(tokens, position + 1)
        # After "kell" a colon is a clock even when spaced ("kell 05 : 54", as in tokenised
        # text); a spaced dot may end the sentence.
        if (separator is not None and minutes is not None and minutes.is_int
                and len(minutes.text) == 2 and (separator.text == ":" or (
                    separator.text == "." and _glued(tokens, position)
                    and _glued(tokens, position + 1)))):
            minute = int(minutes.text)
            position += 2
        suffix = _at(tokens, position)
        after_dash = _at(tokens, position + 1)
        if (suffix is not None and _glued(tokens, position) and suffix.text in _DASHES
                and after_dash is not None and after_dash.text.isalpha()):
            position += 1  # "kell 20.00-ni", but not the range "kella 10-12"
            suffix = after_dash
        if suffix is not None and _glued(tokens, position) and suffix.low in (
                "ni", "ks", "st", "t", "le", "l", "ni", "ndaks", "ks"):
            position += 1
    else:
        fraction = {"poole": 30, "veerand": 15, "kolmveerand": 45}.get(token.low)
        if fraction is not None:
            position += 1
        numbers = _readings(_at(tokens, position), "num")
        if not numbers or not 1 <= float(numbers[0].value) <= 12:
            return None
        hour = int(numbers[0].value)
        position += 1
        if fraction is not None:  # "poole nelja" is half past three
            hour, minute = hour - 1, fraction
    if not 0 <= hour <= 24 or (minute is not None and not 0 <= minute <= 59):
        return None
    approx = False
    if _word(tokens, position, ("ajal",)):
        position += 1
    elif _word(tokens, position, APPROX_AFTER):
        position += 1
        approx = True
    return Clock(hour, minute, position, approx, spoken)


def _afternoon_hour(tokens: list[Token], clock: Clock, start: int) -> int:
    """The 24-hour value of an hour said in words with no part of day after it.

    Digits are the 24-hour clock, but an hour in words is the 12-hour clock of speech, and
    in news one to eight o'clock is then the afternoon or evening ("Täna kell seitse avatakse
    festival", "pärast kella kaheksat") unless the clause speaks of the morning or night.
    """
    if not clock.spoken or not 1 <= clock.hour <= 8:
        return clock.hour
    for position in range(start - 1, max(-1, start - _CLAUSE_REACH), -1):
        if tokens[position].text in _CLAUSE_ENDS:
            break
        if _is_early(tokens[position]):
            return clock.hour
    for position in range(clock.end, min(len(tokens), clock.end + _CLAUSE_REACH)):
        if tokens[position].text in _CLAUSE_ENDS:
            break
        if _is_early(tokens[position]):
            return clock.hour
    return clock.hour + 12


_CLAUSE_REACH = 8  # tokens each side of a clock that may say "hommikul"
_CLAUSE_ENDS = frozenset(".!?;")


def _is_early(token: Token) -> bool:
    """Whether a word names the morning or the night ("hommikul", "varahommikust", "öösel")."""
    return token.low in ("öösel", "ööseks") or any(
        reading.value in ("MO", "NI") for reading in _readings(token, "pod"))


def _with_part_of_day(hour: int, part: PartOfDay | None) -> int:
    """"kell 7 õhtul" is 19:00, "kell kaks päeval" 14:00, "kell üks öösel" 01:00."""
    if part in ("AF", "EV") and hour < 12:
        return hour + 12
    if part in ("MI", "DT") and hour < 7:
        return hour + 12
    if part == "NI" and 7 <= hour < 12:
        return hour + 12
    return hour


def _part_of_day(tokens: list[Token], index: int) -> tuple[PartOfDay, int, str | None] | None:
    """"õhtul", "öösel", "hilisõhtul", "varahommikul": a part of day and where it ends."""
    token = _at(tokens, index)
    if token is None:
        return None
    mod = None
    parts = _readings(token, "pod", cases=("ade", "ine", "tra", "ter", "ela", "all", "nom",
                                           "gen"))
    if not parts:
        for prefix, position_mod in SEASON_PREFIXES.items():
            if token.low.startswith(prefix):
                parts = _readings(_bare(token.low[len(prefix):]), "pod",
                                  cases=("ade", "ine", "tra", "ter"))
                mod = position_mod
                break
    if not parts:
        if token.low in ("öösel", "ööseks"):
            return "NI", index + 1, None
        return None
    return parts[0].value, index + 1, mod  # type: ignore[return-value]


# --------------------------------------------------------------------------- points in time


def _anchor(tokens: list[Token], index: int) -> tuple[TimeSpec, int, str | None] | None:
    """A day or coarser point that a part of day or clock time can attach to."""
    deictic = _readings(_at(tokens, index), "day_deictic")
    if deictic:
        end = index + 1
        if deictic[0].case != "nom" and any(
                reading.value == "day" for reading in _readings(_at(tokens, end), "unit",
                                                                number="sg")):
            end += 1  # "tänasel päeval"; after an adverb it is the daytime: "täna päeval"
        return Relative("day", int(deictic[0].value)), end, None
    weekday = _weekday(tokens, index)
    if weekday is not None:
        spec, end = weekday
        comma = _at(tokens, end)
        skip = 1 if comma is not None and comma.text == "," else 0
        date = _date(tokens, end + skip)
        if date is not None:  # "neljapäeval, 20. aprillil": the date says more
            return date[0], date[1], date[2]
        return spec, end, None
    date = _date(tokens, index)
    if date is not None:
        return date
    modifier = _readings(_at(tokens, index), "rel", number="sg")
    if modifier:
        day = [r for r in _readings(_at(tokens, index + 1), "unit", number="sg")
               if r.value == "day" and r.lemma == "päev"]
        if day:
            return _story_day(modifier[0]), index + 2, None
    return None


def _story_day(modifier: Reading) -> Relative:
    """"järgmisel päeval", "samal õhtul", "eelmisel ööl": a day next to the story's own.

    A day counted from the DCT has its own words ("homme", "eile", "täna"), so a modified
    "päev" or part of day counts from the last date the text named.
    """
    return Relative("day", int(modifier.value), anaphoric=True)


def _weekday(tokens: list[Token], index: int) -> tuple[Weekday, int] | None:
    """"neljapäeval", "eelmisel reedel", "järgmise nädala esmaspäeval", "reedesel"."""
    direction: Direction | None = None
    position = index
    modifier = _readings(_at(tokens, position), "rel")
    if modifier:
        direction = _sign(int(modifier[0].value))
        position += 1
        if any(r.value == "week" for r in _readings(_at(tokens, position), "unit", ("gen",))):
            position += 1  # "järgmise nädala neljapäeval"
    days = _readings(_at(tokens, position), "weekday", number="sg")
    if not days:
        return None
    return Weekday(int(days[0].value), direction), position + 1


def _point(tokens: list[Token], index: int) -> Found | None:
    """A day with an optional part of day and clock time, or a clock time alone.

    "eile", "eile õhtul", "laupäeval kell 14", "täna öösel kell 01.00", "kell 14.30",
    "hommikul kella kuuest", "19. aprillil kell 18.30", "samal õhtul", "eelmisel õhtul".
    """
    night = _night_before(tokens, index)
    if night is not None:
        return night
    anchor = _anchor(tokens, index)
    spec: TimeSpec | None = anchor[0] if anchor else None
    mod = anchor[2] if anchor else None
    position = anchor[1] if anchor else index
    part: PartOfDay | None = None
    part_found = _part_of_day(tokens, position)
    if part_found is None and anchor is None:
        modifier = _readings(_at(tokens, index), "rel", number="sg")
        found_after = _part_of_day(tokens, index + 1) if modifier else None
        if modifier and found_after is not None:  # "samal õhtul", "eelmisel õhtul"
            spec = _story_day(modifier[0])
            part_found = found_after
    if part_found is not None:
        part, position, part_mod = part_found
        mod = mod or part_mod
    comparison = None
    if _word(tokens, position, ("enne", "pärast")):
        comparison = "BEFORE" if tokens[position].low == "enne" else "AFTER"
    clock = _clock(tokens, position + (1 if comparison else 0))
    if clock is not None:
        position = clock.end
        mod = mod or comparison or ("APPROX" if clock.approx else None)
        if part is None:
            late = _part_of_day(tokens, position)
            if late is not None:
                part, position, _ = late
    if clock is None and part is None:
        if spec is None:
            return None
        if position == index + 1 and tokens[index].low == "täna" and _nowadays(tokens, index):
            spec = Reference("PRESENT_REF")
        return Found(index, position, "DATE", spec, mod)
    hour = None
    if clock is not None:
        hour = _with_part_of_day(clock.hour, part) if part is not None \
            else _afternoon_hour(tokens, clock, index)
        before = comparison == "BEFORE" or (anchor is None and part is None
                                             and _word(tokens, index - 1, ("enne",)))
        if before and clock.minute is None and hour > 0:
            hour -= 1  # "enne kella kuut": some time in the hour before six
    minute = None if clock is None else clock.minute
    time_part = part if clock is None else None
    named = _named_hour(tokens, position - 1) if clock is None and part is not None else None
    if named is not None:  # "keskpäeval": T12:00
        hour, minute, time_part = named, 0, None
    if spec is None:
        spec = Absolute(hour=hour, minute=minute, part_of_day=time_part)
    else:
        spec = dataclasses.replace(spec, hour=hour, minute=minute,  # type: ignore[type-var]
                                   part_of_day=time_part)
    return Found(index, position, "TIME", spec, mod)


def _named_hour(tokens: list[Token], index: int) -> int | None:
    """The clock hour a part-of-day word names exactly: noon, midnight."""
    for reading in _readings(_at(tokens, index), "pod"):
        if reading.lemma in NAMED_HOURS:
            return NAMED_HOURS[reading.lemma]
    return None


def _night_before(tokens: list[Token], index: int) -> Found | None:
    """"ööl vastu esmaspäeva", "ööl vastu 14. septembrit": the night that ends on a day.

    One expression, dated (as the gold does) on the day it leads into, at night.
    """
    if not (_word(tokens, index, ("ööl", "öö")) and _word(tokens, index + 1, ("vastu",))):
        return None
    anchor = _anchor(tokens, index + 2)
    if anchor is None:
        return None
    spec, end, mod = anchor
    if isinstance(spec, Absolute) and spec.day is None:
        return None
    return Found(index, end, "TIME",
                 dataclasses.replace(spec, part_of_day="NI"),  # type: ignore[type-var]
                 mod)


def _nowadays(tokens: list[Token], index: int) -> bool:
    """"Täna on teed lahti", "nagu täna", "täna enam": "täna" as "nowadays", not the day.

    A state in the copula ("täna on", "täna pole"), a contrast with other times ("enam",
    "veel", "edaspidi") or a comparison ("nagu ... täna") speaks of the present in general.
    """
    following = _at(tokens, index + 1)
    if following is not None and following.low in _NOWADAYS_AFTER:
        return True
    for position in range(index - 1, max(-1, index - 7), -1):
        if not tokens[position].text[:1].isalnum():
            return False
        if tokens[position].low == "nagu":
            return True
    return False


_NOWADAYS_AFTER = frozenset(("on", "pole", "enam", "veel"))


def _date(tokens: list[Token], index: int) -> tuple[Absolute, int, str | None] | None:
    """"22. oktoobril", "22. okt.", "22.10.2017", "18. märtsil 1946. aastal", "3. augusti"."""
    numeric = _numeric_date(tokens, index)
    if numeric is not None:
        return numeric
    token = _at(tokens, index)
    if token is None or not token.is_int or len(token.text) > 2:
        return None
    day = int(token.text)
    position = index + 2 if _dot_after(tokens, index) else index + 1
    if not 1 <= day <= 31:
        return None
    months = _readings(_at(tokens, position), "month", number="sg")
    if months:
        month = int(months[0].value)
        position += 1
    else:
        abbreviation = _at(tokens, position)
        if (abbreviation is None or abbreviation.low not in MONTH_ABBREVIATIONS
                or position == index + 1):
            return None
        month = MONTH_ABBREVIATIONS[abbreviation.low]
        position += 2 if _dot_after(tokens, position) else 1
    year = _year(_at(tokens, position))
    if year is not None:
        position += 1
        if _dot_after(tokens, position - 1) and _aasta(_at(tokens, position + 1)):
            position += 2
    return Absolute(year, month, day), position, None


def _aasta(token: Token | None) -> bool:
    """Whether ``token`` is a singular form of "aasta" (or its abbreviation "a")."""
    if token is None:
        return False
    return token.low == "a" or any(r.lemma == "aasta" for r in _readings(token, "unit",
                                                                         number="sg"))


def _numeric_date(tokens: list[Token], index: int) -> tuple[Absolute, int, str | None] | None:
    """"22.10.2017", "2017-10-22", "04.04." (year-less, with the closing dot)."""
    token = _at(tokens, index)
    if token is None or not token.is_int or (_glued(tokens, index) and tokens[index - 1].text in
                                             "/.,:"):
        return None  # inside a path, a URL or a longer number
    parts = [token]
    position = index + 1
    while len(parts) < 3:
        separator, number = _at(tokens, position), _at(tokens, position + 1)
        if (separator is None or number is None or separator.text not in "./-"
                or not _glued(tokens, position) or not _glued(tokens, position + 1)
                or not number.is_int or (parts and separator.text != tokens[index + 1].text)):
            break
        parts.append(number)
        position += 2
    if len(parts) == 2 and tokens[index + 1].text == "." and _dot_after(tokens, position - 1):
        day, month = (int(part.text) for part in parts)
        nxt = _at(tokens, position + 1)
        if (len(parts[1].text) == 2 and 1 <= month <= 12 and 1 <= day <= 31
                and (nxt is None or not nxt.is_int)):
            return Absolute(None, month, day), position + 1, None
        return None
    if len(parts) != 3:
        return None
    first, second, third = (int(part.text) for part in parts)
    if len(parts[0].text) == 4:
        year, month, day = first, second, third
    elif len(parts[2].text) == 4:
        day, month, year = first, second, third
    else:
        return None
    if not (_MIN_YEAR <= year <= _MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Absolute(year, month, day), position, None


def _bare_year(tokens: list[Token], index: int) -> Found | None:
    """A year on its own: "1898 võttis keiser", "RT I 2001, 59". Not a count: "2000 krooni".

    A four-digit number followed by a lower-case word is usually a quantity with its noun,
    unless it opens a sentence ("1893 toimus ...").
    """
    year = _year(_at(tokens, index))
    if year is None or year < _MIN_BARE_YEAR:
        return None  # most numbers: checked before the range look-behind below
    previous, following = _at(tokens, index - 1), _at(tokens, index + 1)
    first = _year(_at(tokens, index - 2))
    closes_range = previous is not None and previous.text in _DASHES and first is not None \
        and 0 < year - first <= _RANGE_YEARS  # "aastatel 1997-2003 oli"
    if _glued(tokens, index) and previous is not None \
            and previous.text not in _OPENING_BRACKETS and not closes_range:
        return None  # glued to a word or number; "(1899-1902)" is a year
    if previous is not None and previous.is_int:
        return None  # "1 500 000"
    if following is not None and _glued(tokens, index + 1) and following.text in ".,":
        after = _at(tokens, index + 2)
        if after is not None and after.is_int and _glued(tokens, index + 2):
            return None  # "2000,5", "1999.12"
    if following is not None and following.text[:1].isalpha() and following.text.islower() \
            and previous is not None and previous.text not in _SENTENCE_OPENERS \
            and not closes_range:
        return None
    return Found(index, index + 1, "DATE", Absolute(year))


_MIN_BARE_YEAR = 1500
_OPENING_BRACKETS = frozenset("([«\"“„")
_RANGE_YEARS = 50  # "1997-2003" is a span of years; "1500-2000 krooni" is a span of prices


def _age(tokens: list[Token], index: int) -> Found | None:
    """"Roger Daltrey ( 62 )": a person's age in brackets after the name, as Estonian news
    write it (the gold reads it as a length of life, ``P62Y``). Below 16 such a number is as
    often a seeding or a count ("Graf (7)"), so those are left alone."""
    token, opening, closing = _at(tokens, index), _at(tokens, index - 1), _at(tokens, index + 1)
    name = _at(tokens, index - 2)
    if token is None or not token.is_int or opening is None or opening.text != "(" \
            or closing is None or closing.text != ")" or name is None \
            or not name.text[:1].isupper() or not name.text[-1:].isalpha():
        return None
    age = int(token.text)
    return Found(index, index + 1, "DURATION", Duration(f"P{age}Y")) \
        if _MIN_AGE <= age <= _MAX_AGE else None


_MIN_AGE, _MAX_AGE = 16, 115
_SENTENCE_OPENERS = frozenset(".!?«»\"“”„(")


def _clock_digits(tokens: list[Token], index: int) -> Found | None:
    """"08:15", "22:57 13.12": a colon time, with the day and month after it if written."""
    hours, colon, minutes = (_at(tokens, index + offset) for offset in range(3))
    if (hours is None or colon is None or minutes is None or not hours.is_int
            or colon.text != ":" or not minutes.is_int or len(minutes.text) != 2
            or not _glued(tokens, index + 1) or not _glued(tokens, index + 2)
            or int(hours.text) > 23 or int(minutes.text) > 59 or _glued(tokens, index)):
        return None
    hour, minute = int(hours.text), int(minutes.text)
    day, dot, month = (_at(tokens, index + offset) for offset in range(3, 6))
    if (day is not None and dot is not None and month is not None and day.is_int
            and dot.text == "." and month.is_int and _glued(tokens, index + 4)
            and _glued(tokens, index + 5) and 1 <= int(day.text) <= 31
            and 1 <= int(month.text) <= 12):
        return Found(index, index + 6, "TIME",
                     Absolute(None, int(month.text), int(day.text), hour, minute))
    return Found(index, index + 3, "TIME", Absolute(hour=hour, minute=minute))


def _numeric_datetime(tokens: list[Token], index: int) -> Found | None:
    """"11.01.2010 10:14": a numeric date with a clock time right after it."""
    date = _numeric_date(tokens, index)
    if date is None:
        return None
    spec, position, _ = date
    hours, separator, minutes = (_at(tokens, position + offset) for offset in range(3))
    if (hours is not None and separator is not None and minutes is not None and hours.is_int
            and separator.text == ":" and minutes.is_int and _glued(tokens, position + 1)
            and _glued(tokens, position + 2) and int(hours.text) < 24 and int(minutes.text) < 60):
        spec = dataclasses.replace(spec, hour=int(hours.text), minute=int(minutes.text))
        return Found(index, position + 3, "TIME", spec)
    return Found(index, position, "DATE", spec)


def _range_first_day(tokens: list[Token], index: int) -> Found | None:
    """"1.-3. märtsini": the first day of a range takes its month from the second."""
    token = _at(tokens, index)
    if token is None or not token.is_int or len(token.text) > 2 or not _dot_after(tokens, index):
        return None
    dash = _at(tokens, index + 2)
    if dash is None or dash.text not in _DASHES:
        return None
    second = _date(tokens, index + 3)
    if second is None or not 1 <= int(token.text) <= 31:
        return None
    spec = second[0]
    return Found(index, index + 2, "DATE", Absolute(spec.year, spec.month, int(token.text)))


# --------------------------------------------------------------------------- calendar periods


def _year_phrase(tokens: list[Token], index: int) -> Found | None:
    """"2017. aastal", "2017. a", "aastal 2015", "2017. aasta oktoobris/sügisel/alguses"."""
    if any(r.lemma == "aasta" for r in _readings(_at(tokens, index), "unit", number="pl")):
        year = _year(_at(tokens, index + 1))  # "aastatel 1997-2001": the range's first year
        return None if year is None else Found(index, index + 2, "DATE", Absolute(year))
    if _aasta(_at(tokens, index)) and tokens[index].low != "a":
        year = _year(_at(tokens, index + 1))
        if year is None or _dot_after(tokens, index + 1) and _at(tokens, index + 3) and \
                _aasta(_at(tokens, index + 3)):
            return None
        return Found(index, index + 2, "DATE", Absolute(year))
    year = _year(_at(tokens, index))
    if year is None:
        return None
    word = index + 2
    if not _dot_after(tokens, index):
        if not _year_without_dot(tokens, index):
            return None
        word = index + 1
    months = _readings(_at(tokens, word), "month", number="sg")
    if months:  # "1998. märtsini"
        return Found(index, word + 1, "DATE", Absolute(year, int(months[0].value)))
    if not _aasta(_at(tokens, word)):
        return None
    position = word + 1
    if tokens[word].low == "a" and _dot_after(tokens, word):
        position += 1
    if tokens[word].low in ("aasta", "a"):  # genitive: a part of the year may follow
        part = _part_of_year(tokens, position, year)
        if part is not None:
            return dataclasses.replace(part, start=index)
    return Found(index, position, "DATE", Absolute(year))


def _year_without_dot(tokens: list[Token], index: int) -> bool:
    """"2004 aasta sügisel": a year whose ordinal dot was left out. A count of years would be
    "2004 aastat" (a nominative number takes the partitive), so the genitive means the year."""
    following = _at(tokens, index + 1)
    return _year(_at(tokens, index)) is not None and following is not None \
        and following.low == "aasta"


def _part_of_year(tokens: list[Token], index: int, year: int | None) -> Found | None:
    """What follows a genitive year: a month, a date, a season, a quarter or a half."""
    months = _readings(_at(tokens, index), "month", number="sg")
    if months:
        return Found(index, index + 1, "DATE", Absolute(year, int(months[0].value)))
    date = _date(tokens, index)
    if date is not None:
        return Found(index, date[1], "DATE", dataclasses.replace(date[0], year=year))
    season = _season(tokens, index)
    if season is not None:
        spec, end, mod = season
        return Found(index, end, "DATE", dataclasses.replace(spec, year=year), mod)
    quarter = _quarter(tokens, index)
    if quarter is not None:
        return Found(index, quarter[1], "DATE", dataclasses.replace(quarter[0], year=year))
    return None


def _season(tokens: list[Token], index: int) -> tuple[Absolute, int, str | None] | None:
    """"sügisel", "talvine", "hilissügisel" (late autumn), "varakevadest"."""
    token = _at(tokens, index)
    if token is None or _name_like(tokens, index):
        return None
    seasons = _readings(token, "season", number="sg")
    mod = None
    if not seasons:
        for prefix, position_mod in SEASON_PREFIXES.items():
            if token.low.startswith(prefix) and len(token.low) > len(prefix) + 3:
                seasons = _readings(_bare(token.low[len(prefix):]), "season",
                                    number="sg")
                mod = position_mod
                break
    if not seasons:
        return None
    return Absolute(season=seasons[0].value), index + 1, mod  # type: ignore[arg-type]


def _quarter(tokens: list[Token], index: int) -> tuple[Absolute, int] | None:
    """"esimeses kvartalis", "III kvartal", "teisel poolaastal"."""
    ordinal = _ordinal(tokens, index)
    if ordinal is None:
        return None
    value, position = ordinal
    units = _readings(_at(tokens, position), "unit", number="sg")
    if not units:
        return None
    if units[0].value == "quarter" and 1 <= value <= 4:
        return Absolute(quarter=value), position + 1
    if units[0].value == "half" and 1 <= value <= 2:
        return Absolute(half=value), position + 1
    return None


def _quarter_rule(tokens: list[Token], index: int) -> Found | None:
    quarter = _quarter(tokens, index)
    return None if quarter is None else Found(index, quarter[1], "DATE", quarter[0])


def _season_rule(tokens: list[Token], index: int) -> Found | None:
    season = _season(tokens, index)
    return None if season is None else Found(index, season[1], "DATE", season[0], season[2])


def _month(tokens: list[Token], index: int) -> Found | None:
    """A month name in any case, with a following year: "oktoobris", "oktoobris 1944"."""
    months = _readings(_at(tokens, index), "month", number="sg")
    if not months or _name_like(tokens, index):
        return None
    month = int(months[0].value)
    year = _year(_at(tokens, index + 1))
    if year is not None:
        end = index + 2
        if _dot_after(tokens, index + 1) and _aasta(_at(tokens, index + 3)):
            end += 2
        return Found(index, end, "DATE", Absolute(year, month))
    return Found(index, index + 1, "DATE", Absolute(month=month))


def _holiday(tokens: list[Token], index: int) -> Found | None:
    """Fixed-date holidays: "jaanipäeval" (24 June), "jõululaupäeval", "jüripäeval"."""
    holidays = _readings(_at(tokens, index), "holiday", number="sg")
    if not holidays:
        return None
    month, day = divmod(int(holidays[0].value), 100)
    return Found(index, index + 1, "DATE", Absolute(month=month, day=day))


def _decade(tokens: list[Token], index: int) -> Found | None:
    """"1990ndatel", "90-ndatel", "1920. aastatel", "üheksakümnendatel (aastatel)"."""
    token = _at(tokens, index)
    if token is None:
        return None
    decade: int | None = None
    position = index + 1
    if token.is_int and len(token.text) in (2, 4) and token.text.endswith("0"):
        value = int(token.text) + (1900 if len(token.text) == 2 else 0)
        suffix = _at(tokens, position)
        if suffix is not None and suffix.text in _DASHES and _glued(tokens, position):
            position += 1
            suffix = _at(tokens, position)
        if (suffix is not None and _glued(tokens, position)
                and DECADE_SUFFIX.match(suffix.low)):
            decade, position = value // 10, position + 1
        elif len(token.text) == 4 and _dot_after(tokens, index) and any(
                r.lemma == "aasta" for r in _readings(_at(tokens, index + 2), "unit",
                                                      number="pl")):
            decade, position = value // 10, index + 3
    else:
        for stem, tens in DECADE_WORDS.items():
            if token.low.startswith(stem) and DECADE_SUFFIX.match(token.low[len(stem) - 2:]):
                decade = 190 + tens
                if any(r.lemma == "aasta" for r in _readings(_at(tokens, position), "unit",
                                                             number="pl")):
                    position += 1
                break
    if decade is None or not _MIN_YEAR // 10 <= decade <= _MAX_YEAR // 10:
        return None
    return Found(index, position, "DATE", Absolute(decade=decade))


def _century(tokens: list[Token], index: int) -> Found | None:
    """"19. sajandil", "20.sajandi", "XXI sajandil"."""
    ordinal = _ordinal(tokens, index)
    if ordinal is None:
        return None
    value, position = ordinal
    units = _readings(_at(tokens, position), "unit", number="sg")
    if not units or units[0].value != "century" or not 1 <= value <= 21:
        return None
    return Found(index, position + 1, "DATE", Absolute(century=value - 1))


def _relative_period(tokens: list[Token], index: int) -> Found | None:
    """"sel nädalal", "eelmisel kuul", "eelmise aasta detsembris", "järgmisel sügisel"."""
    modifier = _readings(_at(tokens, index), "rel")
    if not modifier:
        return None
    offset = int(modifier[0].value)
    nxt = _at(tokens, index + 1)
    units = _readings(nxt, "unit", number="sg")
    if units:
        unit = _unit_of(str(units[0].value))
        if unit is None:
            return None
        if unit == "year" and nxt is not None and nxt.low == "aasta":
            part = _part_of_year(tokens, index + 2, None)
            if part is not None and isinstance(part.spec, Absolute):  # "eelmise aasta mais"
                # "sama aasta mais" is the story's year, which only the resolver's nearest
                # choice can guess; the others name the year relative to the DCT's.
                same = modifier[0].lemma == "sama"
                spec = dataclasses.replace(part.spec, year_offset=None if same else offset)
                return Found(index, part.end, "DATE", spec, part.mod)
        anaphoric = modifier[0].lemma in _STORY_MODIFIERS or unit == "day"
        return Found(index, index + 2, "DATE", Relative(unit, offset, anaphoric=anaphoric))
    plural = _readings(nxt, "unit", number="pl")
    if plural:  # "eelmistel aastatel", "järgnevatel päevadel"
        end = index + 2 + (1 if _word(tokens, index + 2, DURATION_POSTPOSITIONS) else 0)
        return Found(index, end, "DURATION",
                     Duration(_duration_value(None, str(plural[0].value)), _sign(offset) or -1))
    if modifier[0].lemma == "sama":
        return None  # "sama kuu", "samas" need the text's own time, not the DCT's
    season = _season(tokens, index + 1)
    if season is not None:
        spec, end, mod = season
        return Found(index, end, "DATE", dataclasses.replace(spec, direction=_sign(offset)), mod)
    months = _readings(nxt, "month", number="sg")
    if months:
        return Found(index, index + 2, "DATE",
                     Absolute(month=int(months[0].value), direction=_sign(offset)))
    time_nouns = _readings(nxt, "time_noun", number="sg")
    if time_nouns and time_nouns[0].lemma == "aeg" and modifier[0].lemma in _NOW_ADJECTIVES:
        return Found(index, index + 2, "DATE", Reference("PRESENT_REF"))  # "praegusel ajal"
    return None


# "samal aastal", "järgneval nädalal", "eelneval kuul": counted from the story's time.
_STORY_MODIFIERS = ("sama", "järgnev", "eelnev")
# "sel ajal" (at that time) points into the story; these two always mean "now".
_NOW_ADJECTIVES = ("praegune", "käesolev")


def _unit_position(tokens: list[Token], index: int) -> Found | None:
    """"aasta lõpus", "kuu alguses", "nädala keskel": the current period, a part of it."""
    units = _readings(_at(tokens, index), "unit", cases=("gen",), number="sg")
    following = _at(tokens, index + 1)
    if not units or following is None or following.low not in PERIOD_POSITIONS:
        return None
    unit = _unit_of(str(units[0].value))
    if unit is None:
        return None
    return Found(index, index + 2, "DATE", Relative(unit, 0), PERIOD_POSITIONS[following.low])


def _deictic_year(tokens: list[Token], index: int) -> Found | None:
    """"mullu", "tänavu", "tunamullu", their adjectives; with a month or season after, or
    glued to one in a compound ("mullusuvel", "tänavukevadine")."""
    token = _at(tokens, index)
    deictic = _readings(token, "year_deictic")
    if not deictic:
        return _deictic_compound(token, index)
    offset = int(deictic[0].value)
    months = _readings(_at(tokens, index + 1), "month", number="sg")
    if months:
        return Found(index, index + 2, "DATE",
                     Absolute(month=int(months[0].value), year_offset=offset))
    season = _season(tokens, index + 1)
    if season is not None:
        spec, end, mod = season
        return Found(index, end, "DATE", dataclasses.replace(spec, year_offset=offset), mod)
    end = index + 1
    if any(r.lemma == "aasta" for r in _readings(_at(tokens, end), "unit", number="sg")):
        end += 1  # "tänavune aasta"
    return Found(index, end, "DATE", Relative("year", offset))


def _deictic_compound(token: Token | None, index: int) -> Found | None:
    """"mullusuvel", "tunamullusügisest": a year deictic glued to a season or month form."""
    if token is None:
        return None
    for prefix, offset in YEAR_DEICTICS.items():
        rest = token.low.removeprefix(prefix)
        if rest == token.low or len(rest) < 3:
            continue
        seasons = _readings(_bare(rest), "season", number="sg")
        if seasons:
            return Found(index, index + 1, "DATE",
                         Absolute(season=seasons[0].value,  # type: ignore[arg-type]
                                  year_offset=offset))
        months = _readings(_bare(rest), "month", number="sg")
        if months:
            return Found(index, index + 1, "DATE",
                         Absolute(month=int(months[0].value), year_offset=offset))
    return None


def _reference(tokens: list[Token], index: int) -> Found | None:
    """Vague pointers at the present, past or future: "praegu", "hiljuti", "tulevikus"."""
    reference = _readings(_at(tokens, index), "ref")
    previous = _at(tokens, index - 1)
    if not reference or (tokens[index].low == "hetkel" and previous is not None
                         and previous.text.islower() and previous.low.endswith("l")):
        return None  # "sobival hetkel", "viimasel hetkel": a moment of the story, not now
    return Found(index, index + 1, "DATE",
                 Reference(reference[0].value,  # type: ignore[arg-type]
                           anaphoric=tokens[index].low in THEN_WORDS))


def _kohe_varsti(tokens: list[Token], index: int) -> Found | None:
    """"kohe varsti" (very soon): "kohe" alone is "immediately", not a time expression."""
    if _word(tokens, index, ("kohe",)) and _readings(_at(tokens, index + 1), "ref"):
        reference = _readings(_at(tokens, index + 1), "ref")[0]
        return Found(index, index + 2, "DATE", Reference(reference.value))  # type: ignore[arg-type]
    return None


# --------------------------------------------------------------------------- lengths and shifts


def _ago_or_later(tokens: list[Token], index: int) -> Found | None:
    """"kaks päeva tagasi", "kolme aasta pärast", "aasta tagasi", "mõne aja pärast",
    "kolme aasta tagune", "aastatagune"."""
    start = index
    if _word(tokens, index, ("täna",)):
        index += 1  # "täna sada aastat tagasi"
    compound = _readings(_at(tokens, index), "ago")
    if compound and compound[0].value:  # "aastatagusest": one unit ago
        unit = _unit_of(str(compound[0].value))
        return None if unit is None else Found(start, index + 1, "DATE", Relative(unit, -1))
    amount = _amount(tokens, index)
    unit_index = amount.end if amount is not None else index
    unit_token = _at(tokens, unit_index)
    postposition = _at(tokens, unit_index + 1)
    if postposition is None:
        return None
    if _readings(postposition, "ago"):
        sign, cases = -1, frozenset[Case](("gen",))
    elif postposition.low in SHIFT_POSTPOSITIONS:
        sign, cases = SHIFT_POSTPOSITIONS[postposition.low]
    else:
        return None
    end = unit_index + 2
    vague = Reference("PAST_REF" if sign < 0 else "FUTURE_REF")
    if _readings(unit_token, "time_noun", cases=cases):
        return Found(start, end, "DATE", vague)
    units = [r for r in _readings(unit_token, "unit", cases=cases)
             if amount is None or _agrees(amount, r) or r.case == "gen"]
    if not units:
        return None
    if units[0].number == "pl" or (amount is not None and amount.value is None):
        return Found(start, end, "DATE", vague)
    unit = _unit_of(str(units[0].value))
    count = 1.0 if amount is None else amount.value
    if unit is None or count is None:
        return None
    # "varem"/"hiljem" (earlier/later) compare with another event, "tagasi"/"pärast" with now.
    story = postposition.low in _STORY_SHIFTS
    if count != int(count):
        shifted, offset = _smaller_unit(unit, count, sign)
        return Found(start, end, "DATE",
                     Relative(shifted, offset, anaphoric=story, shift=story))
    approx = "APPROX" if amount is not None and amount.approx else None
    kind: TimexType = "TIME" if unit in ("hour", "minute") else "DATE"
    return Found(start, end, kind,
                 Relative(unit, sign * int(count), anaphoric=story, shift=story), approx)


_STORY_SHIFTS = ("varem", "hiljem")


def _smaller_unit(unit: Unit, count: float, sign: int) -> tuple[Unit, int]:
    """"poolteist aastat tagasi" is 18 months ago: fractions shift by the next smaller unit."""
    smaller, factor = _SMALLER.get(unit, (unit, 1))
    target = _unit_of(smaller) or unit
    return target, sign * round(count * (factor if target != unit else 1))


def _duration(tokens: list[Token], index: int) -> Found | None:
    """"kolm aastat", "kolme aasta jooksul", "kaheks nädalaks", "viimase kolme aasta jooksul"."""
    start = index
    anchored: Direction | None = None
    modifier = _readings(_at(tokens, index), "rel")
    if modifier or _is_last(_at(tokens, index)) or _is_near(_at(tokens, index)):
        anchored = _sign(int(modifier[0].value)) if modifier else (
            -1 if _is_last(_at(tokens, index)) else 1)
        anchored = anchored or -1
        index += 1
    amount = _amount(tokens, index)
    if amount is None:
        return None
    unit_index = amount.end
    if _is_last(_at(tokens, unit_index)) or _readings(_at(tokens, unit_index), "ord"):
        unit_index += 1  # "kolme viimase aasta", "viie esimese kuuga"
    units = [reading for reading in _readings(_at(tokens, unit_index), "unit")
             if _agrees(amount, reading)]
    if not units or (unit_index == index + 1 and _year_without_dot(tokens, index)):
        return None
    end = unit_index + 1
    if _word(tokens, end, DURATION_POSTPOSITIONS):
        end += 1
    mod = "APPROX" if amount.approx else None
    return Found(start, end, "DURATION",
                 Duration(_duration_value(amount.value, str(units[0].value)), anchored), mod)


def _agrees(amount: Amount, unit: Reading) -> bool:
    """Whether a number and a unit make one phrase.

    "kolm aastat": a nominative number takes a partitive singular; otherwise both stand in the
    same case ("kolmel päeval", "kolme aasta"), except the last four cases, which only the last
    word carries ("kolme aastaga"). "viies päeva" ("in five" + "day") is no phrase.
    """
    if unit.number == "pl" and amount.value is not None:
        return False
    if unit.case == "part":
        return "nom" in amount.cases or "part" in amount.cases
    if unit.case == "nom":
        return amount.value == 1 or amount.value is None and "nom" in amount.cases
    if unit.case in ("com", "ter", "ess", "abe"):
        return "gen" in amount.cases
    return unit.case in amount.cases


def _is_last(token: Token | None) -> bool:
    return token is not None and token.low.startswith(("viimas", "viimaseil"))


def _is_near(token: Token | None) -> bool:
    return token is not None and token.low.startswith(("lähema", "lähima"))


def _bare_unit(tokens: list[Token], index: int) -> Found | None:
    """A unit with no number: "nädala jooksul", "kuu aega", "aastaid", "aastate jooksul"."""
    token = _at(tokens, index)
    units = _readings(token, "unit")
    if not units or token is None:
        return None
    singular = [r for r in units if r.number == "sg" and r.case in ("gen", "nom")]
    if singular and _word(tokens, index + 1, DURATION_POSTPOSITIONS):
        return Found(index, index + 2, "DURATION",
                     Duration(_duration_value(1, str(singular[0].value))))
    plural = [r for r in units if r.number == "pl"]
    if not plural:
        return None
    value = _duration_value(None, str(plural[0].value))
    if _word(tokens, index + 1, DURATION_POSTPOSITIONS):
        return Found(index, index + 2, "DURATION", Duration(value))
    # The plural partitive alone means "for (many) years". Only long units count: "päevi" is
    # more often "days" as things ("enamik päevi"), "kuid" is also "but", "tunde" "feeling".
    if any(r.case in ("part", "com") for r in plural) and plural[0].lemma in _VAGUE_PLURALS:
        return Found(index, index + 1, "DURATION", Duration(value))
    return None


_VAGUE_PLURALS = ("aasta", "aastakümme", "sajand", "nädal", "minut", "aastatuhat")


def _recent_periods(tokens: list[Token], index: int) -> Found | None:
    """"viimastel kuudel", "viimased aastad", "lähiaastatel", "viimase aasta jooksul"."""
    token = _at(tokens, index)
    if token is None:
        return None
    if token.low.startswith("lähi") and (len(token.low) > 4 or _at(tokens, index + 1)):
        rest = token.low.removeprefix("lähi").lstrip("-")
        following = rest or tokens[index + 1].low
        if _readings(_bare(following), "unit", number="pl"):
            # "lähiaastatel", "lähipäevil": the coming years or days, no length - a vague
            # pointer at the near future, as "lähiajal", "lähitulevikus" are.
            end = index + 1 if rest else index + 2
            return Found(index, end, "DATE", Reference("FUTURE_REF"))
        return None
    if not (_is_last(token) or _is_near(token)):
        return None
    anchored: Direction = -1 if _is_last(token) else 1
    nxt = _at(tokens, index + 1)
    if _is_last(token) and any(r.lemma == "aeg" for r in _readings(nxt, "time_noun")):
        return Found(index, index + 2, "DATE", Reference("PAST_REF"))  # "viimasel ajal"
    units = _readings(nxt, "unit")
    if not units:
        return None
    end = index + 2 + (1 if _word(tokens, index + 2, DURATION_POSTPOSITIONS) else 0)
    amount = None if units[0].number == "pl" else 1
    return Found(index, end, "DURATION",
                 Duration(_duration_value(amount, str(units[0].value)), anchored))


def _length_adjective(tokens: list[Token], index: int) -> Found | None:
    """"15-aastane", "kolmeaastase", "pooletunnine", "18kuulise": N units long or old."""
    token = _at(tokens, index)
    if token is None:
        return None
    if token.is_int:
        position = index + 1
        if _word(tokens, position, _DASHES) and _glued(tokens, position):
            position += 1
        word = _at(tokens, position)
        if word is None or not _glued(tokens, position):
            return None
        lengths = _readings(word, "length")
        if not lengths:
            return None
        value = _duration_value(float(int(token.text)), str(lengths[0].value))
        return Found(index, position + 1, "DURATION", Duration(value))
    low = token.low
    for split in range(2, len(low) - 4):
        lengths = _readings(_bare(low[split:]), "length")
        if not lengths:
            continue
        prefix = low[:split].rstrip("-")
        amount = _amount([_token(prefix)], 0)
        if amount is None or "gen" not in amount.cases:
            return None
        return Found(index, index + 1, "DURATION",
                     Duration(_duration_value(amount.value, str(lengths[0].value))))
    return None


# --------------------------------------------------------------------------- sets


def _every(tokens: list[Token], index: int) -> Found | None:
    """Sets: "iga päev", "igal neljapäeval", "kord nädalas", "kolm korda aastas", "aastas"."""
    token = _at(tokens, index)
    if token is None:
        return None
    adverbs = _readings(token, "every")
    if adverbs:
        return Found(index, index + 1, "SET", Recurrence(str(adverbs[0].value)))
    if token.low in ("iga", "igal", "igas", "igaks", "igale", "igat"):
        return _every_single(tokens, index)
    units = _readings(token, "unit", cases=("ela",), number="sg")
    if units and any(r.lemma == units[0].lemma
                     for r in _readings(_at(tokens, index + 1), "unit", cases=("ill",))):
        return Found(index, index + 2, "SET",  # "aastast aastasse", "päevast päeva"
                     Recurrence(_duration_value(1, str(units[0].value))))
    amount = _amount(tokens, index)
    position = amount.end if amount is not None else index
    if _word(tokens, position, ("korda", "kord", "korra")):
        units = _readings(_at(tokens, position + 1), "unit", cases=("ine",), number="sg")
        if units:
            return Found(index, position + 2, "SET",
                         Recurrence(_duration_value(1, str(units[0].value))))
        return None
    plural_days = _readings(token, "weekday", cases=_ON_CASES, number="pl") or [
        r for r in _readings(token, "unit", cases=_ON_CASES, number="pl") if r.value == "weekend"]
    if plural_days:  # "esmaspäevadel", "nädalavahetustel": on Mondays, at weekends
        day = plural_days[0].value
        return Found(index, index + 1, "SET",
                     Recurrence(f"XXXX-WXX-{'WE' if day == 'weekend' else int(day) + 1}"))
    rate_month = token.low == "kuus" and _after_quantity(tokens, index)
    if amount is None or rate_month:
        units = [r for r in _readings(token, "unit", cases=("ine",), number="sg")
                 if r.lemma in _RATE_UNITS or rate_month]
        if units:
            end = index + 1
            counted = _amount(tokens, end)
            if counted is not None and _word(tokens, counted.end, ("korda",)):
                end = counted.end + 1  # "aastas paar korda"
            return Found(index, end, "SET", Recurrence(_duration_value(1, str(units[0].value))))
    return None


# "ööpäevas", "aastas": per unit. "kuus" is also "six", a rate only after a quantity
# (:func:`_after_quantity`); "kvartalis" is "in the quarter".
_RATE_UNITS = ("aasta", "päev", "ööpäev", "nädal", "tund", "minut", "sekund")
_ON_CASES = ("ade", "ine")


def _after_quantity(tokens: list[Token], index: int) -> bool:
    """"240 krooni kuus.": a number and its noun before, the clause's end after - a rate.

    "kuus" as "six" counts a noun that follows it ("kuus aastat"), so it is a rate only at a
    punctuation mark, after a counted noun.
    """
    following, noun = _at(tokens, index + 1), _at(tokens, index - 1)
    if following is not None and following.text[:1].isalnum() or noun is None \
            or not noun.text.isalpha():
        return False
    return any(_amount(tokens, start) is not None and _amount(tokens, start).end == index - 1
               for start in range(max(0, index - 4), index - 1))


def _every_single(tokens: list[Token], index: int) -> Found | None:
    """After "iga": a unit, a weekday or a part of day."""
    nxt = _at(tokens, index + 1)
    units = _readings(nxt, "unit", number="sg")
    if units:
        clock = _clock(tokens, index + 2) if units[0].value == "day" else None
        if clock is not None:  # "iga päev kell 14"
            minute = "" if clock.minute is None else f":{clock.minute:02d}"
            return Found(index, clock.end, "SET",
                         Recurrence(f"XXXX-XX-XXT{clock.hour:02d}{minute}"))
        return Found(index, index + 2, "SET", Recurrence(_duration_value(1, str(units[0].value))))
    days = _readings(nxt, "weekday", number="sg")
    if days:
        return Found(index, index + 2, "SET", Recurrence(f"XXXX-WXX-{int(days[0].value) + 1}"))
    parts = _readings(nxt, "pod", number="sg")
    if parts:
        return Found(index, index + 2, "SET", Recurrence(f"XXXX-XX-XXT{parts[0].value}"))
    amount = _amount(tokens, index + 1)
    if amount is not None and amount.value is not None:  # "iga kahe aasta tagant"
        units = _readings(_at(tokens, amount.end), "unit", number="sg")
        if units:
            end = amount.end + 1 + (1 if _word(tokens, amount.end + 1, ("tagant",)) else 0)
            return Found(index, end, "SET",
                         Recurrence(_duration_value(amount.value, str(units[0].value))))
    return None


# --------------------------------------------------------------------------- the finder


# Each rule with the word classes (:func:`_classes`) its first token can have. A rule runs
# only at a token of one of its classes, so the classes must cover every start the rule
# accepts; their order is the rules' priority among equally long matches.
_AMOUNT = ("int", "quant", "num")
_EVERY_WORDS = ("iga", "igal", "igas", "igaks", "igale", "igat")
_LAST_NEAR = ("viimas", "lähema", "lähima")
RULES: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (_numeric_datetime, ("int",)), (_clock_digits, ("int",)), (_bare_year, ("int",)),
    (_point, ("int", "day_deictic", "weekday", "rel", "pod", "kell", "kella", "kl", "öösel",
              "ööseks", *SEASON_PREFIXES)),
    (_range_first_day, ("int",)), (_year_phrase, ("unit", "int")),
    (_decade, ("int", *DECADE_WORDS)), (_century, ("ord", "int", "roman")),
    (_month, ("month",)), (_holiday, ("holiday",)), (_season_rule, ("season", *SEASON_PREFIXES)),
    (_quarter_rule, ("ord", "int", "roman")), (_relative_period, ("rel",)),
    (_unit_position, ("unit",)), (_deictic_year, ("year_deictic", *YEAR_DEICTICS)),
    (_reference, ("ref",)), (_kohe_varsti, ("kohe",)),
    (_ago_or_later, ("day_deictic", "ago", "time_noun", "unit", *_AMOUNT)),
    (_duration, ("rel", *_LAST_NEAR, *_AMOUNT)), (_bare_unit, ("unit",)),
    (_recent_periods, ("lähi", *_LAST_NEAR)), (_length_adjective, ("int", "length")),
    (_every, ("every", "unit", "weekday", "kord", *_EVERY_WORDS, *_AMOUNT)),
    (_age, ("int",)),
)
_TRIGGERS = frozenset(("kell", "kella", "kl", "kohe", "öösel", "ööseks", "kord", *_EVERY_WORDS))
_PREFIXES = ("lähi", *_LAST_NEAR, *SEASON_PREFIXES, *DECADE_WORDS, *YEAR_DEICTICS)
_LENGTH_FORMS = tuple(
    form for form, readings in LEXICON.items()
    if any(reading.kind == "length" for reading in readings)
)
# A compound length adjective is a number in the genitive, then a length form, each with
# "-gi"/"-ki" allowed: "kolme|aastane", "poole|tunnine"; all that :func:`_length_adjective` reads.
_GENITIVE_AMOUNTS = tuple(
    form for form, readings in LEXICON.items()
    if any(reading.kind in ("num", "quant") and reading.case == "gen" for reading in readings)
)
_LENGTH_COMPOUND = (rf"(?:\d+|{word_trie(_GENITIVE_AMOUNTS)})(?:gi|ki)?-*"
                    rf"(?:{word_trie(_LENGTH_FORMS)})(?:gi|ki)?")
_LENGTH_WORD = re.compile(_LENGTH_COMPOUND)


def _classes(text: str) -> frozenset[str]:
    """What a token can be the start of: its reading kinds, "int", "roman", "length" (a
    compound ending in a length adjective), a trigger word or a bound prefix ("lähi-")."""
    low = text.lower()
    found = {reading.kind for reading in _lookup(text)}
    if _is_int(text):
        found.add("int")
    if low in _TRIGGERS:
        found.add(low)
    if low.startswith(_PREFIXES):  # one C-level test first: most words have none
        found.update(prefix for prefix in _PREFIXES if low.startswith(prefix))
    if _LENGTH_WORD.fullmatch(low):
        found.add("length")
    if text.isupper() and roman(text) is not None:
        found.add("roman")
    return frozenset(found)


# What the token after a number must be for a rule to read on from it (its classes or its
# own lower-case text, :func:`_follower`); a rule not listed reads a number alone ("1898").
# Numbers are the commonest starts, and most are counts of things ("5 inimest", "2000 krooni")
# that only this look-ahead tells apart without running each rule. After a full stop it is
# the token after the stop, marked with it (:func:`_after_dot`): "2008. aastal" is ".unit".
_SEPARATORS = ("/", "-")
_AFTER_NUMBER: dict[Rule, tuple[str, ...]] = {
    # "22.10.2017", "2017-10-22", "04.04.": a number after the stop
    _numeric_datetime: (*_SEPARATORS, ".int"), _clock_digits: (":",),
    # "22.10.", "22. oktoobril", "22. okt", "22 oktoobril"
    _point: (*_SEPARATORS, ".int", ".month", *(f".{short}" for short in MONTH_ABBREVIATIONS),
             "month"),
    _range_first_day: tuple(f".{dash}" for dash in _DASHES),  # "1.-3. märtsini"
    _year_phrase: (".month", ".unit", ".a", "unit"),  # "1998. märtsini", "2017. a", "2004 aasta"
    # "1920. aastatel", "19. sajandil", "3. kvartalis"
    _century: (".unit",), _quarter_rule: (".unit",),
    _decade: (".unit", *_DASHES, "decade_suffix"),
    _length_adjective: (*_DASHES, "length"),
    # an amount: more numeral words, "2,5", then a unit or "korda", "viimase", an ordinal
    _ago_or_later: ("num", ",", "unit", "time_noun"),
    _duration: ("num", ",", "unit", "ord", "viimas"),
    _every: ("num", ",", "korda", "kord", "korra"),
    _age: (")",),
}
_NUMBER_CLASSES = frozenset(("int", "num", "quant"))
_FOLLOWER_FEATURES = frozenset().union(*_AFTER_NUMBER.values())
_NOTHING_AFTER: frozenset[str] = frozenset()


def _features(text: str) -> set[str]:
    """What a token can be after a number: its classes and its own lower-case text."""
    low = text.lower()
    found = {low, *_classes(text)}
    if DECADE_SUFFIX.match(low):
        found.add("decade_suffix")
    return found


@lru_cache(maxsize=65536)
def _follower(text: str) -> frozenset[str]:
    """A token's :func:`_features` as far as some rule asks; few distinct answers, so
    :func:`_after_number` is cached on them."""
    return _FOLLOWER_FEATURES.intersection(_features(text))


@lru_cache(maxsize=65536)
def _after_dot(text: str) -> frozenset[str]:
    """The same for the token after a number and a full stop, each feature marked with the
    stop: a number with a stop is often a year or a date ("2008. aastal", "22. mail"), and
    what follows the stop tells which of their rules can read on."""
    return _FOLLOWER_FEATURES.intersection(f".{feature}" for feature in _features(text))


def _after(tokens: list[Token], index: int) -> frozenset[str]:
    """What the tokens from ``index`` on are to a rule at the number before them: the next
    token's features, or after a full stop those of the token after it (nothing at the end)."""
    if index >= len(tokens):
        return _NOTHING_AFTER
    text = tokens[index].text
    if text != ".":
        return _follower(text)
    return _after_dot(tokens[index + 1].text) if index + 1 < len(tokens) else _NOTHING_AFTER


def _rules_at(token: Token) -> tuple[tuple[Rule, ...], bool]:
    """The rules, in priority order, that can start at a token, and whether the token is a
    number and nothing else (then :func:`_after_number` narrows them).

    A number, a lexicon form or trigger word is answered from what was built at import, and a
    plain word outside the lexicon (most words) after one dict miss; only a word that may be a
    Roman numeral or carry a bound prefix, a compound length adjective or "-gi"/"-ki", or a
    punctuation mark goes on to its classes (cached per text).
    """
    if token.is_int:
        return _INT_RULES
    text, low = token.text, token.low
    known = _FORM_RULES.get(low)
    if known is not None:
        if not text.isupper():  # only capitals can be a Roman numeral too
            return known
    elif (low.isalpha() and not low.endswith(_ENCLITICS) and not text.isupper()
          and (low[:_OPEN_HEAD] not in _OPEN_HEADS or not low.startswith(_OPEN_STARTS))):
        return _NO_RULES
    return _rules_of(text)


@lru_cache(maxsize=65536)
def _rules_of(text: str) -> tuple[tuple[Rule, ...], bool]:
    classes = _classes(text)
    if not classes:
        return _NO_RULES
    rules = tuple(rule for rule, starts in RULES if classes.intersection(starts))
    return rules, classes <= _NUMBER_CLASSES


_NO_RULES: tuple[tuple[Rule, ...], bool] = ((), False)
# A number's only class is "int": no lexicon form, prefix or Roman numeral has a digit.
_INT_RULES = _rules_of.__wrapped__("0")
# What a word outside the lexicon may still start with and be a start: a bound prefix
# ("lähi-", "viimas-") or the genitive amount of a compound length adjective ("kolme|aastane").
_OPEN_STARTS = (*_PREFIXES, *_GENITIVE_AMOUNTS)
# Their first letters: one set lookup rules out most words before the long ``startswith``.
_OPEN_HEAD = min(len(start) for start in _OPEN_STARTS)
_OPEN_HEADS = frozenset(start[:_OPEN_HEAD] for start in _OPEN_STARTS)
# The rules at each lexicon form and trigger word in lower case, built once at import.
_FORM_RULES: dict[str, tuple[tuple[Rule, ...], bool]] = {
    form: _rules_of.__wrapped__(form) for form in (*_FORMS, *_TRIGGERS)}


@lru_cache(maxsize=1024)
def _after_number(rules: tuple[Rule, ...], after: frozenset[str]) -> tuple[Rule, ...]:
    """Of the rules that can start at a number, those that can read on to tokens that are
    ``after`` (:func:`_after`)."""
    return tuple(rule for rule in rules
                 if rule not in _AFTER_NUMBER or after.intersection(_AFTER_NUMBER[rule]))


def _best(tokens: list[Token], index: int, rules: tuple[Rule, ...]) -> Found | None:
    best: Found | None = None
    for rule in rules:
        candidate = rule(tokens, index)
        if candidate is not None and candidate.end > index and (
                best is None or candidate.end > best.end):
            best = candidate
    return best


def _extend(tokens: list[Token], found: Found, floor: int) -> Found:
    """Add the words around a match that the gold keeps in the span, with their modifier.

    Before: "umbes", "üle", "alates", "pärast", "rohkem kui"; after: a position in the period
    ("aasta lõpus") or "paiku". ``floor`` is the first token not taken by an earlier match.
    """
    start, end, mod = found.start, found.end, found.mod
    point = found.type in ("DATE", "TIME")
    following = _at(tokens, end)
    if (following is not None and following.low in PERIOD_POSITIONS and found.type == "DATE"
            and isinstance(found.spec, Absolute | Relative) and mod is None):
        mod = PERIOD_POSITIONS[following.low]
        end += 1
    if _word(tokens, end, APPROX_AFTER) and point and mod is None:
        mod = "APPROX"
        end += 1
    if found.type != "SET":
        before = _at(tokens, start - 1)
        pair = (tokens[start - 2].low, before.low) if start - 2 >= floor and before else None
        if pair in PRE_MODIFIER_PAIRS:
            start, mod = start - 2, mod or PRE_MODIFIER_PAIRS[pair]  # type: ignore[index]
        elif start - 1 >= floor and before is not None and before.low in PRE_MODIFIERS and (
                point or before.low not in POINT_ONLY_MODIFIERS):
            start, mod = start - 1, mod or PRE_MODIFIERS[before.low]
    # Built directly: ``dataclasses.replace`` costs several times a constructor call.
    return Found(start, end, found.type, found.spec, mod)


def find_tokens(tokens: list[Token]) -> list[Found]:
    """Left to right, the longest match at each position; matches never overlap."""
    found: list[Found] = []
    index = 0
    floor = 0
    count = len(tokens)
    while index < count:
        rules, number = _rules_at(tokens[index])
        if number:
            rules = _after_number(rules, _after(tokens, index + 1))
        if not rules:
            index += 1
            continue
        best = _best(tokens, index, rules)
        if best is None:
            index += 1
            continue
        best = _extend(tokens, best, floor)
        if found and _continues_range(tokens, found[-1], best):
            best = dataclasses.replace(best, spec=dataclasses.replace(
                best.spec, year=found[-1].spec.year))  # type: ignore[union-attr,type-var]
        found.append(best)
        index = floor = best.end
    return found


def _continues_range(tokens: list[Token], previous: Found, found: Found) -> bool:
    """Whether ``found`` is a year-less month or date joined by a dash to a dated one: the
    second half of a range shares its year ("2003. aasta jaanuaris-veebruaris")."""
    spec, before = found.spec, previous.spec
    return previous.end + 1 == found.start and tokens[previous.end].text in _DASHES \
        and isinstance(spec, Absolute) and isinstance(before, Absolute) \
        and before.year is not None and spec.year is None and spec.month is not None \
        and spec.year_offset is None and spec.direction is None


def find(text: str) -> list[Mention]:
    """All Estonian time expressions in ``text``, sorted, with exact character spans.

    Only the windows around the words a rule can start at are tokenized (:func:`windows`):
    most of a news text holds none, and tokenizing it all was the largest cost.
    """
    mentions: list[Mention] = []
    for start, end in windows(text):
        tokens = tokenize(text, start, end)
        mentions.extend(
            Mention(tokens[item.start].start, tokens[item.end - 1].end, item.type, item.spec,
                    item.mod)
            for item in find_tokens(tokens)
        )
    return mentions


# A window reaches this many whitespace-separated words around a trigger: more than any rule
# looks back (7 tokens) or any match runs on past its last trigger word.
_WORDS_BEFORE, _WORDS_AFTER = 7, 6
_LETTERS = "a-zõäöüšž"
_MODIFIER_KINDS = frozenset(("rel", "num", "quant", "ord"))


def _trigger_scanner() -> re.Pattern[str]:
    """One regex over lower-cased text that finds a word of every match :func:`find_tokens`
    can make (digit runs aside, :data:`_DIGITS`): a lexicon form of a kind that can head an
    expression (with "-gi"/"-ki"), a trigger word, a bound prefix, or a compound length
    adjective ("kolme|aastane"). Modifier kinds are left out: "selle", "kaks", "esimese" and
    "paar" are times only next to a head word, whose window reaches them. Loose edges only ever
    add windows; Roman numerals need the original case (:data:`_ROMAN`).

    A match is the one character before the word, so the pattern opens with a class of
    non-letters and ``re`` skips in C the letters, most of a text, trying the words only at
    word starts. The text is scanned with one space in front, so a match's start is the
    word's start in the text itself."""
    heads = [form for form, readings in LEXICON.items()
             if any(reading.kind not in _MODIFIER_KINDS for reading in readings)]
    words = (*heads, *_TRIGGERS, *_PREFIXES, *_GENITIVE_AMOUNTS)
    initials = re.escape("".join(sorted({word[0] for word in words})))
    word = (rf"(?:{word_trie([*heads, *_TRIGGERS])})(?:gi|ki)?(?![{_LETTERS}])"
            rf"|{word_trie(_PREFIXES)}|{_LENGTH_COMPOUND}(?![{_LETTERS}])")
    return re.compile(rf"[^{_LETTERS}](?=[{initials}])(?=(?:{word}))")


_SCANNER = _trigger_scanner()
_DIGITS = re.compile(r"\d+")
# A run of capitals, as ``\b[IVXLCDM]+\b``, but opening with a character class (as above).
_ROMAN = re.compile(r"[IVXLCDM](?<!\w[IVXLCDM])[IVXLCDM]*\b")
_WORD_AHEAD = re.compile(rf"(?:\s*\S+){{1,{_WORDS_AFTER}}}")
_WORD_BEHIND = re.compile(rf"\S*(?:\s+\S+){{0,{_WORDS_BEFORE}}}\s*")


def windows(text: str) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` slices around every trigger, each starting and ending at
    whitespace or the text's edge, so tokenizing a slice gives the whole text's tokens."""
    folded = text.lower()
    if len(folded) != len(text):  # a letter whose lower case is longer: keep offsets exact
        folded = "".join(char.lower()[0] for char in text)
    hits = sorted(
        [match.start() for match in _SCANNER.finditer(" " + folded)]
        + [match.start() for match in _DIGITS.finditer(folded)]
        + [match.start() for match in _ROMAN.finditer(text)]
    )
    merged: list[tuple[int, int]] = []
    for hit in hits:
        ahead = _WORD_AHEAD.match(text, hit)
        high = ahead.end() if ahead else len(text)
        while high < len(text) and not text[high].isspace():
            high += 1
        if merged and hit <= merged[-1][1]:  # in the last window: its reach may extend it
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            continue
        low = max(0, hit - 400)
        behind = _WORD_BEHIND.match(text[low:hit][::-1])
        low = hit - (behind.end() if behind else 0)
        while low > 0 and not text[low - 1].isspace():
            low -= 1
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged
