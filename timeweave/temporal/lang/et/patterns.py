"""The grammar of Estonian time expressions, as rules over tokens with lexicon readings.

Each rule looks at the tokens from a position and either returns what it found (how many tokens,
TIMEX3 type, spec, modifier) or ``None``. :func:`find` keeps, at each position, the longest
match, so "eelmise aasta detsembris" wins over "eelmise aasta" and "detsembris" alone.
Spans follow the Estonian TimeML gold convention: postpositions that make the expression
("kaks päeva tagasi", "kolme aasta jooksul", "alates 7. aprillist") are inside the span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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
from timeweave.temporal.lang.et.morphology import Case
from timeweave.temporal.lang.et.vocab import (
    DURATION_CODES,
    LEXICON,
    MONTH_ABBREVIATIONS,
    Kind,
    Reading,
)

_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")
_MIN_YEAR, _MAX_YEAR = 1000, 2099


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark with its character span."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_int(self) -> bool:
        return self.text.isdigit() and self.text.isascii()


@dataclass(frozen=True)
class Found:
    """What a rule recognised: tokens ``[start, end)`` and their meaning."""

    start: int
    end: int
    type: TimexType
    spec: TimeSpec
    mod: str | None = None


Rule = Callable[[list[Token], int], Found | None]


def tokenize(text: str) -> list[Token]:
    """Split into words, digit runs and single punctuation marks, keeping offsets."""
    return [
        Token(match.group(), match.group().lower(), match.start(), match.end())
        for match in _TOKEN_RE.finditer(text)
    ]


def _readings(token: Token | None, kind: Kind, cases: Iterable[Case] | None = None,
              number: str | None = None) -> list[Reading]:
    """The lexicon readings of ``token`` of one kind, optionally limited to cases/number."""
    if token is None:
        return []
    allowed = None if cases is None else frozenset(cases)
    return [
        reading for reading in LEXICON.get(token.low, ())
        if reading.kind == kind
        and (allowed is None or reading.case in allowed)
        and (number is None or reading.number == number)
    ]


def _at(tokens: list[Token], index: int) -> Token | None:
    return tokens[index] if 0 <= index < len(tokens) else None


def _glued(tokens: list[Token], index: int) -> bool:
    """Whether token ``index`` follows token ``index - 1`` with no space between."""
    return 0 < index < len(tokens) and tokens[index - 1].end == tokens[index].start


def _dot_after(tokens: list[Token], index: int) -> bool:
    """Whether token ``index`` is directly followed by a full stop ("22." as an ordinal)."""
    following = _at(tokens, index + 1)
    return following is not None and following.text == "." and _glued(tokens, index + 1)


def _word(tokens: list[Token], index: int, *words: str) -> bool:
    token = _at(tokens, index)
    return token is not None and token.low in words


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Amount:
    """A number phrase: its value (``None`` = unknown, "mitu"), cases, and where it ends."""

    value: float | None
    end: int
    cases: frozenset[Case]
    approx: bool = False


def _amount(tokens: list[Token], index: int) -> Amount | None:
    """Read a number: digits ("3"), words, compound words ("kahekümne viie"), "paar", "mitu"."""
    token = _at(tokens, index)
    if token is None:
        return None
    if token.is_int and not _dot_after(tokens, index):
        return Amount(float(int(token.text)), index + 1, frozenset(("nom", "part", "gen")))
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
    """TIMEX3 duration value, e.g. ``P3Y``, ``PT2H``, ``PXM``; halves go one unit down."""
    code, is_time = DURATION_CODES[unit]
    if amount is not None and amount != int(amount):
        smaller = {"year": (12, "M", False), "day": (24, "H", True), "hour": (60, "M", True)}
        if unit in smaller:
            factor, code, is_time = smaller[unit]
            amount *= factor
    if amount is None:
        quantity = "X"
    elif amount == int(amount):
        quantity = str(int(amount))
    else:
        quantity = f"{amount:g}"
    return ("PT" if is_time else "P") + quantity + code


def _relative_unit(unit: str) -> Unit | None:
    """Units the resolver can shift by (seconds and millennia it cannot)."""
    return None if unit in ("second", "millennium") else unit  # type: ignore[return-value]


# --------------------------------------------------------------------------- rules


def _deictic_day(tokens: list[Token], index: int) -> Found | None:
    """"eile", "täna", "homme", their adjectives ("tänasest"), with a part of day ("eile õhtul")."""
    deictic = _readings(_at(tokens, index), "day_deictic")
    if not deictic:
        return None
    offset = int(deictic[0].value)
    end = index + 1
    part = _part_of_day_at(tokens, end)
    if part is not None:
        return Found(index, end + 1, "TIME", Relative("day", offset, part))
    if any(reading.value == "day" for reading in _readings(_at(tokens, end), "unit")):
        end += 1  # "tänasel päeval"
    return Found(index, end, "DATE", Relative("day", offset))


def _part_of_day_at(tokens: list[Token], index: int) -> PartOfDay | None:
    parts = _readings(_at(tokens, index), "pod", cases=("ade", "ine", "tra", "ter", "ela"))
    return parts[0].value if parts else None  # type: ignore[return-value]


def _deictic_year(tokens: list[Token], index: int) -> Found | None:
    """"mullu", "tänavu", "tunamullu" and their adjectives; with a month or season after."""
    deictic = _readings(_at(tokens, index), "year_deictic")
    if not deictic:
        return None
    offset = int(deictic[0].value)
    direction: Direction = -1 if offset < 0 else 0
    month = _readings(_at(tokens, index + 1), "month")
    if month:
        return Found(index, index + 2, "DATE",
                     Absolute(month=int(month[0].value), direction=direction))
    season = _readings(_at(tokens, index + 1), "season", number="sg")
    if season:
        return Found(index, index + 2, "DATE",
                     Absolute(season=season[0].value, direction=direction))  # type: ignore[arg-type]
    return Found(index, index + 1, "DATE", Relative("year", offset))


def _reference(tokens: list[Token], index: int) -> Found | None:
    """Vague pointers at the present, past or future: "praegu", "hiljuti", "tulevikus"."""
    reference = _readings(_at(tokens, index), "ref")
    if not reference:
        return None
    return Found(index, index + 1, "DATE", Reference(reference[0].value))  # type: ignore[arg-type]


def _weekday(tokens: list[Token], index: int) -> Found | None:
    """"neljapäeval", "eelmisel reedel", "neljapäeva õhtul", "esmaspäevast"."""
    start = index
    direction: Direction | None = None
    modifier = _readings(_at(tokens, index), "rel")
    if modifier:
        direction = _sign(int(modifier[0].value))
        index += 1
    days = _readings(_at(tokens, index), "weekday", number="sg")
    if not days:
        return None
    weekday = int(days[0].value)
    part = _part_of_day_at(tokens, index + 1)
    if part is not None:
        return Found(start, index + 2, "TIME", Weekday(weekday, direction, part))
    return Found(start, index + 1, "DATE", Weekday(weekday, direction))


def _sign(offset: int) -> Direction:
    return -1 if offset < 0 else (1 if offset > 0 else 0)


def _relative_period(tokens: list[Token], index: int) -> Found | None:
    """"sel nädalal", "eelmisel kuul", "järgmisel aastal", "eelmise aasta lõpus"."""
    modifier = _readings(_at(tokens, index), "rel")
    if not modifier:
        return None
    offset = int(modifier[0].value)
    units = _readings(_at(tokens, index + 1), "unit", number="sg")
    if units:
        unit = _relative_unit(str(units[0].value))
        if unit is None:
            return None
        return Found(index, index + 2, "DATE", Relative(unit, offset))
    seasons = _readings(_at(tokens, index + 1), "season", number="sg")
    if seasons:
        return Found(index, index + 2, "DATE",
                     Absolute(season=seasons[0].value, direction=_sign(offset)))  # type: ignore[arg-type]
    months = _readings(_at(tokens, index + 1), "month", number="sg")
    if months:
        return Found(index, index + 2, "DATE",
                     Absolute(month=int(months[0].value), direction=_sign(offset)))
    return None


def _month(tokens: list[Token], index: int) -> Found | None:
    """A month name in any case, with a following year: "oktoobris", "oktoobris 1944"."""
    months = _readings(_at(tokens, index), "month", number="sg")
    if not months:
        return None
    month = int(months[0].value)
    year = _year(_at(tokens, index + 1))
    if year is not None:
        end = index + 2
        if _dot_after(tokens, index + 1):
            end += 1
            end += 1 if _readings(_at(tokens, end), "unit") else 0
        return Found(index, end, "DATE", Absolute(year, month))
    return Found(index, index + 1, "DATE", Absolute(month=month))


def _day_month(tokens: list[Token], index: int) -> Found | None:
    """"22. oktoobril", "22. okt.", with an optional year: "18. märtsil 1946. aastal"."""
    token = _at(tokens, index)
    if token is None or not token.is_int or not _dot_after(tokens, index):
        return None
    day = int(token.text)
    if not 1 <= day <= 31:
        return None
    months = _readings(_at(tokens, index + 2), "month", number="sg")
    end = index + 3
    if months:
        month = int(months[0].value)
    else:
        abbreviation = _at(tokens, index + 2)
        if abbreviation is None or abbreviation.low not in MONTH_ABBREVIATIONS:
            return None
        month = MONTH_ABBREVIATIONS[abbreviation.low]
        if _dot_after(tokens, index + 2):
            end += 1
    year = _year(_at(tokens, end))
    if year is not None:
        end += 1
        if _dot_after(tokens, end - 1) and _readings(_at(tokens, end + 1), "unit"):
            end += 2
    return Found(index, end, "DATE", Absolute(year, month, day))


def _year_phrase(tokens: list[Token], index: int) -> Found | None:
    """"2017. aastal", "2017. aasta oktoobris", "1906. aasta 12. augustil", "aastal 2015"."""
    token = _at(tokens, index)
    if _word(tokens, index, *_AASTA_FORMS):
        year = _year(_at(tokens, index + 1))
        if year is None:
            return None
        return Found(index, index + 2, "DATE", Absolute(year))
    year = _year(token)
    if year is None or not _dot_after(tokens, index):
        return None
    unit = _readings(_at(tokens, index + 2), "unit", number="sg")
    if not unit or unit[0].value != "year":
        return None
    end = index + 3
    if unit[0].case == "gen" or _at(tokens, index + 2).low == "aasta":  # type: ignore[union-attr]
        months = _readings(_at(tokens, end), "month", number="sg")
        if months:
            return Found(index, end + 1, "DATE", Absolute(year, int(months[0].value)))
        day_month = _day_month(tokens, end)
        if day_month is not None and isinstance(day_month.spec, Absolute):
            spec = day_month.spec
            return Found(index, day_month.end, "DATE", Absolute(year, spec.month, spec.day))
    return Found(index, end, "DATE", Absolute(year))


_AASTA_FORMS = ("aastal", "aastast", "aastani", "aastaks", "aasta")


def _numeric_date(tokens: list[Token], index: int) -> Found | None:
    """"22.10.2017", "2017-10-22"."""
    token = _at(tokens, index)
    if token is None or not token.is_int:
        return None
    parts = [token]
    position = index + 1
    while len(parts) < 3:
        separator, number = _at(tokens, position), _at(tokens, position + 1)
        if (separator is None or number is None or separator.text not in ".-/"
                or not _glued(tokens, position) or not _glued(tokens, position + 1)
                or not number.is_int):
            break
        parts.append(number)
        position += 2
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
    return Found(index, position, "DATE", Absolute(year, month, day))


def _ago_or_later(tokens: list[Token], index: int) -> Found | None:
    """"kaks päeva tagasi", "kolme aasta pärast", "aasta tagasi", "paar nädalat tagasi"."""
    amount = _amount(tokens, index)
    unit_index = amount.end if amount is not None else index
    units = _readings(_at(tokens, unit_index), "unit", number="sg")
    if not units:
        return None
    postposition = _at(tokens, unit_index + 1)
    if postposition is None:
        return None
    signs = {"tagasi": -1, "eest": -1, "pärast": 1, "hiljem": 1, "varem": -1}
    sign = signs.get(postposition.low)
    if sign is None:
        return None
    unit = _relative_unit(str(units[0].value))
    if unit is None:
        return None
    count = 1.0 if amount is None else amount.value
    end = unit_index + 2
    if count is None:
        return Found(index, end, "DATE", Reference("PAST_REF" if sign < 0 else "FUTURE_REF"))
    approx = "APPROX" if amount is not None and amount.approx else None
    return Found(index, end, "DATE", Relative(unit, sign * int(count)), approx)


def _duration(tokens: list[Token], index: int) -> Found | None:
    """"kolm aastat", "kolme aasta jooksul", "kaheks nädalaks", "viimase kolme aasta jooksul"."""
    start = index
    anchored: Direction | None = None
    if _readings(_at(tokens, index), "rel") or _is_last(_at(tokens, index)):
        modifier = _readings(_at(tokens, index), "rel")
        anchored = _sign(int(modifier[0].value)) if modifier else -1
        anchored = anchored or -1
        index += 1
    amount = _amount(tokens, index)
    if amount is None:
        return None
    units = _readings(_at(tokens, amount.end), "unit")
    units = [reading for reading in units
             if reading.case in amount.cases or reading.case == "part"
             or (amount.value == 1 and reading.case == "nom")]
    if not units:
        return None
    end = amount.end + 1
    if _word(tokens, end, "jooksul", "vältel", "kestel", "kestnud", "jooksu"):
        end += 1
    mod = "APPROX" if amount.approx else None
    return Found(start, end, "DURATION",
                 Duration(_duration_value(amount.value, str(units[0].value)), anchored), mod)


def _is_last(token: Token | None) -> bool:
    return token is not None and token.low.startswith("viimas")


def _recent_periods(tokens: list[Token], index: int) -> Found | None:
    """"viimastel kuudel", "viimased aastad", "lähiaastatel", "eelmistel nädalatel"."""
    token = _at(tokens, index)
    if token is None:
        return None
    if token.low.startswith("lähi") and _readings(Token("", token.low[4:], 0, 0), "unit",
                                                  number="pl"):
        unit = str(_readings(Token("", token.low[4:], 0, 0), "unit", number="pl")[0].value)
        return Found(index, index + 1, "DURATION", Duration(_duration_value(None, unit), 1))
    if not (_is_last(token) or token.low.startswith(("lähema", "lähima"))):
        return None
    units = _readings(_at(tokens, index + 1), "unit", number="pl")
    if not units:
        return None
    end = index + 2
    if _word(tokens, end, "jooksul", "vältel", "kestel"):
        end += 1
    anchored: Direction = -1 if _is_last(token) else 1
    return Found(index, end, "DURATION",
                 Duration(_duration_value(None, str(units[0].value)), anchored))


def _every(tokens: list[Token], index: int) -> Found | None:
    """Sets: "iga päev", "igal aastal", "igal neljapäeval", "kord nädalas", "kolm korda aastas"."""
    token = _at(tokens, index)
    if token is None:
        return None
    if token.low in ("iga", "igal", "igas", "igaks", "igale"):
        units = _readings(_at(tokens, index + 1), "unit", number="sg")
        if units:
            return Found(index, index + 2, "SET",
                         Recurrence(_duration_value(1, str(units[0].value))))
        days = _readings(_at(tokens, index + 1), "weekday", number="sg")
        if days:
            return Found(index, index + 2, "SET",
                         Recurrence(f"XXXX-WXX-{int(days[0].value) + 1}"))
        return None
    amount = _amount(tokens, index)
    position = amount.end if amount is not None else index
    if _word(tokens, position, "korda", "kord", "korra"):
        units = _readings(_at(tokens, position + 1), "unit", cases=("ine",), number="sg")
        if units:
            return Found(index, position + 2, "SET",
                         Recurrence(_duration_value(1, str(units[0].value))))
    return None


RULES: tuple[Rule, ...] = (
    _numeric_date, _day_month, _year_phrase, _month, _weekday, _relative_period, _deictic_day,
    _deictic_year, _reference, _ago_or_later, _duration, _recent_periods, _every,
)


def find_tokens(tokens: list[Token]) -> list[Found]:
    """Left to right, the longest match at each position; matches never overlap."""
    found: list[Found] = []
    index = 0
    while index < len(tokens):
        best: Found | None = None
        for rule in RULES:
            candidate = rule(tokens, index)
            if candidate is not None and (best is None or candidate.end > best.end):
                best = candidate
        if best is None:
            index += 1
            continue
        found.append(best)
        index = best.end
    return found


def find(text: str) -> list[Mention]:
    """All Estonian time expressions in ``text``, sorted, with exact character spans."""
    tokens = tokenize(text)
    return [
        Mention(tokens[item.start].start, tokens[item.end - 1].end, item.type, item.spec, item.mod)
        for item in find_tokens(tokens)
    ]
