"""English time-expression grammar: regular patterns built from :mod:`.vocab`, one per family.

Each :class:`Rule` pairs a pattern with a builder that checks the match (capitalisation of
month and weekday names, plausible years, the word before an ambiguous token) and returns the
TIMEX3 type, the calendar spec and the modifier, or ``None`` to reject it. :func:`find` keeps the
longest non-overlapping matches and joins a clock time to an adjacent day ("5 p.m. EST Nov. 9").
Span conventions follow TimeBank: determiners and quantity words are inside ("the past two
months", "nearly forty years"), prepositions are outside ("in [1998]", "on [Friday]").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from timeweave.lang.en import vocab
from timeweave.model import TimexType
from timeweave.temporal.base import (
    Absolute,
    Duration,
    Mention,
    Recurrence,
    Reference,
    Relative,
    TimeSpec,
    Weekday,
)
from timeweave.temporal.scan import DIGITS, Gate, Reach

Built = tuple[TimexType, TimeSpec, str | None]
Builder = Callable[[re.Match[str]], Built | None]


def _alternation(words: object) -> str:
    """Regex alternation of the words, longest first so "sept" wins over "sep"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_SMALL = _alternation(vocab.SMALL_NUMBERS)
_TENS = _alternation(vocab.TENS)
_WORD_NUMBER = (rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL})"
                rf"(?:[- ](?:hundred|thousand)(?:(?:\s+and)?\s+(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?"
                rf"|{_SMALL}))?)?")
NUMBER = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|{_alternation(vocab.VAGUE_NUMBERS)}"
          rf"|{_alternation(vocab.EXACT_PHRASES)}|{_WORD_NUMBER})")
_FULL_MONTHS = [w for w in vocab.MONTHS if len(w) > 4 or w in {"may", "june", "july"}]
_FULL_MONTH_NAMES = frozenset(_FULL_MONTHS)
MONTH = (rf"(?P<month>(?:{_alternation(_FULL_MONTHS)})\b"
         rf"|(?:{_alternation(set(vocab.MONTHS) - set(_FULL_MONTHS))})\b\.?)")
WEEKDAY_FULL = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY_ANY = (rf"(?P<wd>{WEEKDAY_FULL[13:-1]}\b"
               rf"|(?:{_alternation(w for w in vocab.WEEKDAYS if len(w) < 6)})\b\.?)")
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)\b"
YEAR = r"(?P<year>(?:1\d|20)\d\d)(?![\d,.]\d|\d)"
# Years said in words, as broadcast transcripts write them: "nineteen ninety-seven", "two
# thousand and one".
SPOKEN_YEAR = (rf"(?:(?:eighteen|nineteen)\s+(?:hundred|(?:{_TENS})(?:[- ](?:{_SMALL}))?|ten"
               r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
               rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_WORD_NUMBER}))?)\b")
UNIT = rf"(?P<unit>{_alternation(vocab.UNITS)})\b"
QUANT = rf"(?P<quant>{_alternation(vocab.QUANTIFIERS)})"
POSITION = (r"(?:(?P<pos>early|late|mid|earlier|later)(?:-|\s+)(?:in\s+)?"
            r"|(?P<pos_of>the\s+(?:beginning|start|end|middle)\s+of)\s+(?:the\s+)?)")
DIRECTION = rf"(?P<dir>{_alternation(vocab.DIRECTIONS)})"
POD = r"(?P<pod>morning|afternoon|evening|night)"
SEASON = rf"(?P<season>{_alternation(vocab.SEASONS)})"
TZ = rf"(?:\s+(?:{_alternation(vocab.TIME_ZONES)})\b)?"
_TRAILING_DIGITS = re.compile(r"^\s*(?:[\d%]|,\d|\.\d|percent\b|per\s+cent\b)")
_YEAR_PREPOSITIONS = frozenset({"in", "since", "from", "until", "till", "by", "of", "to", "year",
                                "circa", "before", "after", "around", "between", "and", "fiscal",
                                "through", "during", "early", "late", "mid", "summer", "spring",
                                "winter", "autumn", "fall", "the"})
_MONTH_PREPOSITIONS = frozenset({"in", "since", "from", "until", "till", "by", "of", "to",
                                 "during", "through", "before", "after", "early", "late", "mid",
                                 "last", "next", "this", "and", "or", "end", "between", "that",
                                 "each", "every", "past"})


@dataclass(frozen=True)
class Rule:
    """One family: its pattern, its checker/builder, and the words every match contains."""

    name: str
    pattern: re.Pattern[str]
    build: Builder
    triggers: frozenset[str]
    reach: Reach


# ---------------------------------------------------------------------------- helpers


def number_value(text: str) -> float | None:
    """The number a quantity phrase says; ``None`` for vague ones ("several", "a few")."""
    words = re.sub(r"\s+", " ", text.lower().strip())
    if words in vocab.EXACT_PHRASES:
        return vocab.EXACT_PHRASES[words]
    if words in vocab.VAGUE_NUMBERS:
        return None
    fraction = 0.5 if words.endswith(("1/2", "½")) else 0.0
    digits = re.match(r"^\d+(?:\.\d+)?", words)
    if digits:
        return float(digits.group(0)) + fraction
    total, current = 0, 0
    for word in re.split(r"[- ]+", words):
        if word in vocab.SMALL_NUMBERS:
            current += vocab.SMALL_NUMBERS[word]
        elif word in vocab.TENS:
            current += vocab.TENS[word]
        elif word in vocab.MULTIPLIERS:
            current = max(current, 1) * vocab.MULTIPLIERS[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word != "and":
            return None
    return float(total + current)


def _amount(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(amount: float | None, unit_word: str) -> str | None:
    """TIMEX3 duration for "<amount> <unit>": ``P2D``, ``PT3H``, ``PXM``, ``P2Y6M``."""
    _, letter, is_time = vocab.UNITS[unit_word.lower()]
    if letter == "WE":
        return None
    if amount is not None and amount > 10000:
        return None
    prefix = "PT" if is_time else "P"
    smaller = _SMALLER.get((letter, is_time))
    if amount is not None and amount != int(amount) and smaller is not None:
        # TIMEX3 writes fractions in the next unit: "2 1/2 years" -> P2Y6M, 1.5 h -> PT1H30M.
        rest = (amount - int(amount)) * smaller[1]
        if rest == int(rest):
            whole = f"{int(amount)}{letter}" if int(amount) else ""
            return f"{prefix}{whole}{int(rest)}{smaller[0]}"
    return f"{prefix}{_amount(amount)}{letter}"


# (duration letter, is a time unit) -> the next smaller letter and how many of it make one.
_SMALLER = {("Y", False): ("M", 12), ("W", False): ("D", 7), ("H", True): ("M", 60),
            ("M", True): ("S", 60)}


def _word_before(match: re.Match[str], group: int | str = 0) -> str:
    head = match.string[max(0, match.start(group) - 30) : match.start(group)]
    words = re.findall(r"[A-Za-z]+", head)
    return words[-1].lower() if words else ""


def _capitalised(text: str | None) -> bool:
    return bool(text) and text[0].isupper()  # type: ignore[index]


def _month(match: re.Match[str]) -> int | None:
    word = match.group("month")
    if not _capitalised(word):
        return None
    return vocab.MONTHS[word.lower().rstrip(".")]


def _position_mod(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    position = groups.get("pos") or groups.get("pos_of")
    if not position:
        return None
    key = re.sub(r"\s+", " ", position.lower())
    return vocab.POSITIONS.get(key) if key not in {"earlier", "later"} else None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def spoken_year(text: str) -> int | None:
    """The year a :data:`SPOKEN_YEAR` phrase says; ``None`` when it is not one."""
    words = re.sub(r"\s+", " ", text.lower().strip())
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").strip().removeprefix("and").strip()
        tail = number_value(rest) if rest else 0.0
        base = 2000
    else:
        head, _, rest = words.partition(" ")
        base = {"eighteen": 1800, "nineteen": 1900}.get(head, 0)
        tail = 0.0 if rest == "hundred" else number_value(rest)
    if not base or tail is None or not 0 <= tail < 100 or tail != int(tail):
        return None
    return base + int(tail)


def _any_year(match: re.Match[str]) -> int | None:
    """A year written in digits (group ``year``) or in words (group ``spoken``)."""
    groups = match.groupdict()
    if groups.get("spoken"):
        return spoken_year(groups["spoken"])
    return _year(groups.get("year"))


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= day <= 31:
        return False
    limits = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}
    if day > limits.get(month, 31):
        return False
    return not (year is not None and month == 2 and day == 29
                and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)))


# An era after a date: "the 10th century BC", "1 January 1 AD". Before Christ cannot be placed
# on the calendar the timeline uses, and a number before an era is a year, never a day.
_ERA_AFTER = re.compile(r"\s*(?:B\.?C\.?E?\.?|A\.?D\.?|C\.?E\.?)(?![\w])")
_BC_AFTER = re.compile(r"\s*B\.?C\.?E?\.?(?![\w])")
_DECADE_AFTER = re.compile(r"'?s\b")  # "1100s": a decade, which the decade rule reads or refuses
# A day number just before a month: "29 February" whose day or year could not be read.
_DAY_BEFORE = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)


def _before_christ(match: re.Match[str]) -> bool:
    return bool(_BC_AFTER.match(match.string, match.end()))


def _time_type(spec: Absolute | Relative | Weekday) -> TimexType:
    return "TIME" if spec.hour is not None or spec.part_of_day is not None else "DATE"


# ---------------------------------------------------------------------------- builders


def _iso(match: re.Match[str]) -> Built | None:
    year, month = int(match["y"]), int(match["m"])
    day = int(match["d"]) if match["d"] else None
    if not 1000 <= year <= 2999 or not 1 <= month <= 12:
        return None
    if day is not None and not _valid_day(year, month, day):
        return None
    return "DATE", Absolute(year, month, day), None


def _numeric(match: re.Match[str], day_first: bool) -> Built | None:
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if len(match["y"]) == 2:
        year += 2000 if year < 50 else 1900
    month, day = (second, first) if day_first else (first, second)
    if month > 12 and day <= 12:
        month, day = day, month
    if not 1 <= month <= 12 or not _valid_day(year, month, day) or not 1000 <= year <= 2999:
        return None
    return "DATE", Absolute(year, month, day), None


def _weekday_of(match: re.Match[str]) -> int | None:
    word = match.groupdict().get("wd")
    return vocab.WEEKDAYS[word.lower().rstrip(".")] if word else None


def _month_day(match: re.Match[str]) -> Built | None:
    month = _month(match)
    day = int(match["day"])
    year = _year(match["year"])
    if month is None or not _valid_day(year, month, day) or _ERA_AFTER.match(match.string,
                                                                               match.end()):
        return None
    if match["year"] is None and _TRAILING_DIGITS.match(match.string[match.end():]):
        return None
    direction = vocab.DIRECTIONS.get(re.sub(r"\s+", " ", match["dir"].lower())) \
        if match.groupdict().get("dir") else None
    return "DATE", Absolute(year, month, day, direction=direction), None  # type: ignore[arg-type]


_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}


def _month_alone(match: re.Match[str]) -> Built | None:
    month = _month(match)
    if month is None:
        return None
    year = _any_year(match)
    direction = vocab.DIRECTIONS.get(re.sub(r"\s+", " ", match["dir"].lower())) \
        if match["dir"] else None
    word = match["month"].lower().rstrip(".")
    offset = _RELATIVE_YEARS.get((match["rel"] or "").lower())
    if _before_christ(match):
        return None
    if year is None and _DAY_BEFORE.search(match.string, 0, match.start()):
        return None  # "29 February 2100": the day or year did not parse; do not invent a year
    guarded = year is not None or direction is not None or offset is not None or match["pos"] \
        or match["pos_of"]
    full_name = word in _FULL_MONTH_NAMES
    if not guarded:
        before = _word_before(match)
        if before not in _MONTH_PREPOSITIONS:
            if word in vocab.AMBIGUOUS_MONTHS:
                return None
            if not full_name and not match["month"].endswith("."):
                return None  # "Aug" alone; "a June agreement" is fine
    if word in vocab.AMBIGUOUS_MONTHS and not full_name and not guarded:
        return None  # "in Mar" is rarely the month
    spec = Absolute(year, month, direction=direction, year_offset=offset)  # type: ignore[arg-type]
    return "DATE", spec, _position_mod(match)


def _year_alone(match: re.Match[str]) -> Built | None:
    year = int(match["year"])
    if _TRAILING_DIGITS.match(match.string[match.end():]) or _before_christ(match) \
            or _DECADE_AFTER.match(match.string, match.end()):
        return None
    before_char = match.string[max(0, match.start("year") - 1) : match.start("year")]
    if before_char in {"$", "#", "£", "€", "-", "/", ".", ","} and not match["pos"]:
        return None
    has_prefix = match["pos"] or match["pos_of"] or match["fiscal"]
    if not 1900 <= year <= 2099 and not has_prefix \
            and _word_before(match, "year") not in _YEAR_PREPOSITIONS:
        return None
    if _word_before(match, "year") in {"no", "number", "page", "room", "flight", "route"}:
        return None
    return "DATE", Absolute(year), _position_mod(match)


def _decade(match: re.Match[str]) -> Built | None:
    if _before_christ(match):
        return None
    decade = int(match["full"]) // 10 if match["full"] else 190 + int(match["short"]) // 10
    return "DATE", Absolute(decade=decade), _position_mod(match)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _decade_word(match: re.Match[str]) -> Built | None:
    return "DATE", Absolute(decade=190 + _DECADE_WORDS[match["dw"].lower()]), _position_mod(match)


def _century(match: re.Match[str]) -> Built | None:
    text = match["ord"].lower()
    number = int(re.match(r"\d+", text).group(0)) if text[0].isdigit() \
        else vocab.ORDINALS.get(text)
    if not number or not 1 <= number <= 30 or _before_christ(match):
        return None
    return "DATE", Absolute(century=number - 1), _position_mod(match)


def _spoken_year(match: re.Match[str]) -> Built | None:
    year = spoken_year(match["spoken"]) if not _before_christ(match) else None
    return ("DATE", Absolute(year), None) if year is not None else None


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
              "the day before yesterday": -2, "the day after tomorrow": 2}


def _day_word(match: re.Match[str]) -> Built | None:
    word = re.sub(r"\s+", " ", match["word"].lower())
    pod = vocab.PARTS_OF_DAY.get(match["pod"].lower()) if match["pod"] else None
    if word == "tonight":
        pod = "NI"
    spec = Relative("day", _DAY_WORDS[word], pod)
    return _time_type(spec), spec, _position_mod(match)


def _next_day(match: re.Match[str]) -> Built | None:
    """ "the next morning", "the previous day": a day counted from the story's last date."""
    offset = 1 if match["which"].lower() in {"next", "following"} else -1
    what = match["what"].lower()
    spec = Relative("day", offset, vocab.PARTS_OF_DAY.get(what), anaphoric=True)  # type: ignore[arg-type]
    return _time_type(spec), spec, None


def _this_pod(match: re.Match[str]) -> Built | None:
    word = match["which"].lower()
    pod = vocab.PARTS_OF_DAY[match["pod"].lower()]
    offset = -1 if word == "last" else 0
    if word == "last" and pod != "NI":
        return None
    return "TIME", Relative("day", offset, pod), None


_PERIOD_UNITS = {"week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
                 "year": "year", "decade": "decade", "century": "century",
                 "fiscal year": "year", "half": "half"}


_ANAPHORIC_DIRECTIONS = frozenset({"following", "previous"})


def _this_unit(match: re.Match[str]) -> Built | None:
    word = re.sub(r"\s+", " ", match["dir"].lower())
    unit = _PERIOD_UNITS[re.sub(r"\s+", " ", match["unit"].lower())]
    spec = Relative(unit, vocab.DIRECTIONS[word],  # type: ignore[arg-type]
                    anaphoric=word in _ANAPHORIC_DIRECTIONS)
    return "DATE", spec, _position_mod(match)


def _this_season(match: re.Match[str]) -> Built | None:
    season = vocab.SEASONS[match["season"].lower()]
    year = _any_year(match)
    if year is not None:
        return "DATE", Absolute(year, season=season), _position_mod(match)  # type: ignore[arg-type]
    direction = vocab.DIRECTIONS.get(re.sub(r"\s+", " ", (match["dir"] or "").lower()))
    if direction is None and not match["pos"] and not match["pos_of"] \
            and _word_before(match) not in {"in", "during", "since", "until", "by", "through",
                                            "over", "this", "last", "next", "that", "the"}:
        return None
    return "DATE", Absolute(season=season, direction=direction), _position_mod(match)  # type: ignore[arg-type]


def _ago(match: re.Match[str]) -> Built | None:
    amount = number_value(match["num"])
    unit = vocab.UNITS[match["unit"].lower()][0]
    word = re.sub(r"\s+", " ", match["rel"].lower())
    sign = -1 if word in {"ago", "earlier", "before", "back", "previously"} else 1
    mod = vocab.QUANTIFIERS.get(re.sub(r"\s+", " ", match["quant"].lower())) \
        if match["quant"] else None
    if amount is None or amount != int(amount) or amount > 5000:
        return "DATE", Reference("PAST_REF" if sign < 0 else "FUTURE_REF"), mod
    # "earlier"/"later" count from the story's last date; "ago"/"from now" from the DCT.
    anaphoric = word in {"earlier", "before", "later"}
    return "DATE", Relative(unit, sign * int(amount), anaphoric=anaphoric, shift=True), mod  # type: ignore[arg-type]


_PAST_WORDS = frozenset({"past", "last", "previous", "preceding", "recent", "latest"})
_FUTURE_WORDS = frozenset({"next", "coming", "following", "ensuing", "upcoming", "remaining"})


def _duration(match: re.Match[str]) -> Built | None:
    """ "three days", "the past two months"; a range ("two to three weeks", "12 to 18 months")
    is one mention whose value is its lower bound, the length the text is sure of (TIMEX3 has
    no ranges)."""
    amount = number_value(match["num"])
    if match["low"]:
        low = number_value(match["low"])
        if low is None or amount is None or not low < amount:
            return None
        amount = low
    if match["num"].lower() in {"a", "an"} and match.string[match.end():match.end() + 1] == "-":
        return None
    value = duration_value(amount, match["unit"])
    if value is None:
        return None
    if amount is not None and re.match(r"^\d", match["num"]) and not match["dir"] \
            and match["unit"].lower() in {"second", "seconds"}:
        return None
    after = match.string[match.end() : match.end() + 12].lower()
    if re.match(r"^\s*(?:old|of\s+age)\b", after):
        return None  # an age, not a stretch of time
    if match["num"].lower() in {"a", "an"} and not match["dir"] and not match["quant"] \
            and re.search(r"(?:\d|million|billion|thousand|dollars|cents|percent|times)\W*$",
                          match.string[max(0, match.start() - 20) : match.start()]):
        return None  # a rate: "358,000 a month"
    direction = (match["dir"] or "").lower()
    anchored = -1 if direction in _PAST_WORDS else 1 if direction in _FUTURE_WORDS else None
    mod = vocab.QUANTIFIERS.get(re.sub(r"\s+", " ", match["quant"].lower())) \
        if match["quant"] else None
    return "DURATION", Duration(value, anchored), mod  # type: ignore[arg-type]


def _adjective_duration(match: re.Match[str]) -> Built | None:
    value = duration_value(number_value(match["num"]), match["unit"])
    return ("DURATION", Duration(value), None) if value else None


_VAGUE_CONTEXT = frozenset({"for", "within", "in", "over", "after", "took", "takes", "take",
                            "lasted", "last", "than", "spent", "spend", "nearly", "about"})


def _vague_duration(match: re.Match[str]) -> Built | None:
    value = duration_value(None, match["unit"])
    if value is None:
        return None
    direction = re.sub(r"\s+", " ", (match["dir"] or "").lower()).removeprefix("the ")
    if not direction and not match["few"] and _word_before(match) not in _VAGUE_CONTEXT:
        return None
    anchored = -1 if direction in _PAST_WORDS else 1 if direction in _FUTURE_WORDS else None
    return "DURATION", Duration(value, anchored), None  # type: ignore[arg-type]


def _weekday(match: re.Match[str]) -> Built | None:
    word = match["weekday"]
    if not _capitalised(word):
        return None
    weekday = vocab.WEEKDAYS[word.lower()]
    if match["plural"]:
        return "SET", Recurrence(f"XXXX-WXX-{weekday + 1}"), None
    word = re.sub(r"\s+", " ", (match["dir"] or "").lower())
    direction = vocab.DIRECTIONS.get(word)
    pod = vocab.PARTS_OF_DAY[match["pod"].lower()] if match["pod"] else None
    spec = Weekday(weekday, direction, pod,  # type: ignore[arg-type]
                   anaphoric=word in _ANAPHORIC_DIRECTIONS)
    return _time_type(spec), spec, None


def _clock(match: re.Match[str]) -> Built | None:
    hour = int(match["h"])
    minute = int(match["min"]) if match["min"] else 0
    suffix = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    elif match["pod"]:
        pod = match["pod"].lower()
        if hour <= 12 and pod in {"afternoon", "evening", "night"} and hour != 12:
            hour += 12
    elif not match["min"] or _word_before(match) not in {"at", "by", "until", "from", "since",
                                                         "till", "around", "about", "before",
                                                         "after"}:
        return None
    mod = vocab.QUANTIFIERS.get(match["quant"].lower()) if match["quant"] else None
    return "TIME", Absolute(hour=hour, minute=minute), mod


def _named_time(match: re.Match[str]) -> Built | None:
    word = match["word"].lower()
    if word == "noon" and _word_before(match) == "high":
        return None  # "high noon": a showdown, not a clock time
    return "TIME", Absolute(hour=0 if word == "midnight" else 12, minute=0), None


def _part_of_day(match: re.Match[str]) -> Built | None:
    pod = vocab.PARTS_OF_DAY[match["pod"].lower()]
    return "TIME", Absolute(part_of_day=pod), _position_mod(match)  # type: ignore[arg-type]


def _quarter(match: re.Match[str]) -> Built | None:
    ordinal = match["ord"].lower()
    number = int(ordinal[0]) if ordinal[0].isdigit() else vocab.ORDINALS[ordinal]
    kind = match["kind"].lower()
    if ordinal == "last" and not match["det"] and not match["year1"] and not match["year2"]:
        return "DATE", Relative("half" if kind == "half" else "quarter", -1), None
    limit = 2 if kind == "half" else 4
    if ordinal in {"last", "final"}:
        number = limit
    if not 1 <= number <= limit:
        return None
    year = _year(match["year1"] or match["year2"])
    spec = Absolute(year, half=number) if kind == "half" else Absolute(year, quarter=number)
    return "DATE", spec, None


def _q_quarter(match: re.Match[str]) -> Built | None:
    return "DATE", Absolute(_year(match["year"]), quarter=int(match["q"])), None


def _latest_period(match: re.Match[str]) -> Built | None:
    """Business news: "the quarter"/"the latest period" is the last quarter reported."""
    return "DATE", Relative("quarter", -1), None


def _year_ago(match: re.Match[str]) -> Built | None:
    """ "the year-ago quarter": the reported quarter (the last one) a year before."""
    if match["unit"]:
        return "DATE", Relative("quarter", -5), None
    return "DATE", Relative("year", -1, shift=True), None


def _period_edge(match: re.Match[str]) -> Built | None:
    unit = match["unit"].lower()
    return "DATE", Relative(unit, 0), _position_mod(match)  # type: ignore[arg-type]


# After "the year": words that make it another year than the DCT's ("the year
# before", "the year two thousand", "the year in which") or not a date at all.
# A number after it ("the year 0001", "the year 99999") is a year the year rule could not read.
_NOT_DEICTIC = re.compile(r"\s*(?:[-'’]|\d|(?:before|after|earlier|later|ago|since|when"
                          r"|in\s+which|that|two|of\s+(?![$\d]))\b)", re.IGNORECASE)
# Nouns that "of the year" may follow as a time ("the first nine months of the year"); after
# any other ("player of the year") it is a title, not a date.
_PART_OF_PERIOD = frozenset({*vocab.MONTHS, "months", "month", "quarter", "quarters", "half",
                             "rest", "remainder", "balance", "end", "start", "beginning",
                             "middle", "part", "course", "weeks", "days", "time"})


def _the_year(match: re.Match[str]) -> Built | None:
    """ "the year", "for the full year": the year the story is in."""
    rest = match.string[match.end() : match.end() + 24]
    if _NOT_DEICTIC.match(rest):
        return None
    head = match.string[max(0, match.start() - 40) : match.start()]
    words = re.findall(r"[A-Za-z]+", head.lower())
    if words[-1:] == ["of"] and (len(words) < 2 or words[-2] not in _PART_OF_PERIOD):
        return None
    if re.match(r"\s+(?:ended|ending)\b", rest):
        return "DURATION", Duration("P1Y"), None  # "for the year ended Sept. 30": its length
    return "DATE", Relative("year", 0), None


def _year_end(match: re.Match[str]) -> Built | None:
    return "DATE", Relative("year", 0), "END"


def _reference(match: re.Match[str]) -> Built | None:
    key = re.sub(r"\s+", " ", match.group(0).lower())
    return "DATE", Reference(vocab.REFERENCES[key]), None  # type: ignore[arg-type]


def _recent(match: re.Match[str]) -> Built | None:
    value = duration_value(None, match["unit"])
    return ("DURATION", Duration(value, -1), None) if value else None


_FUNCTION_WORDS = frozenset({"to", "and", "or", "in", "on", "at", "for", "by", "from", "until",
                             "through", "since", "but", "as", "with", "than", "during", "into"})


def _frequency(match: re.Match[str]) -> Built | None:
    following = re.match(r"\s+([a-z]+)", match.string[match.end() : match.end() + 20])
    if following and following.group(1) not in _FUNCTION_WORDS:
        return None  # used as an adjective: "a quarterly dividend", "daily flights"
    return "SET", Recurrence(vocab.FREQUENCIES[match.group(0).lower()]), None


def _every(match: re.Match[str]) -> Built | None:
    word = match["what"].lower().rstrip("s") if match["what"].lower() not in {"days", "weeks"} \
        else match["what"].lower()[:-1]
    amount = number_value(match["num"]) if match["num"] else 1.0
    if match["other"]:
        amount = 2.0
    if word in vocab.WEEKDAYS:
        return "SET", Recurrence(f"XXXX-WXX-{vocab.WEEKDAYS[word] + 1}"), None
    if word in vocab.MONTHS:
        return "SET", Recurrence(f"XXXX-{vocab.MONTHS[word]:02d}"), None
    if word in vocab.PARTS_OF_DAY:
        return "SET", Recurrence(f"XXXX-XX-XXT{vocab.PARTS_OF_DAY[word]}"), None
    if word in vocab.SEASONS:
        return "SET", Recurrence(f"XXXX-{vocab.SEASONS[word]}"), None
    unit = word if word in vocab.UNITS else word + "s"
    if unit not in vocab.UNITS:
        return None
    value = duration_value(amount, unit) if unit != "weekend" else "XXXX-WXX-WE"
    return ("SET", Recurrence(value), None) if value else None


def _per(match: re.Match[str]) -> Built | None:
    value = duration_value(1.0, match["unit"])
    return ("SET", Recurrence(value), None) if value else None


_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14), "independence day": (7, 4), "boxing day": (12, 26)}


def _holiday(match: re.Match[str]) -> Built | None:
    if not _capitalised(match["name"]):
        return None
    month, day = _HOLIDAYS[re.sub(r"\s+", " ", match["name"].lower())]
    return "DATE", Absolute(_year(match["year"]), month, day), None


# ---------------------------------------------------------------------------- the rules


def _rule(name: str, pattern: str, build: Builder, triggers: Iterable[str], reach: Reach) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w'’-])(?:{pattern})", re.IGNORECASE), build,
                frozenset(triggers), reach)


# Trigger words (see :mod:`timeweave.temporal.scan`): every match of a rule contains one; its
# reach bounds how far a match extends before and after it (generously: a longer match is lost).
_DIGIT = (DIGITS,)
_UNIT_WORDS = (*vocab.UNITS, "half", "period")
_POD_WORDS = ("morning", "afternoon", "evening", "night", "overnight", "midafternoon")


RULES: tuple[Rule, ...] = (
    _rule("iso", r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?![\d-])", _iso,
          _DIGIT, (0, 12)),
    _rule("mdy", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
          lambda m: _numeric(m, day_first=False),
          _DIGIT, (0, 12)),
    _rule("dmy", r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\d.])",
          lambda m: _numeric(m, day_first=True),
          _DIGIT, (0, 12)),
    _rule("month_day",
          rf"(?:{WEEKDAY_ANY},?\s+)?(?:{DIRECTION}\s+)?{MONTH}\s+(?:the\s+)?{DAY}"
          rf"(?:,?\s+{YEAR})?", _month_day, vocab.MONTHS, (40, 16)),
    _rule("day_month",
          rf"(?:{WEEKDAY_ANY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?",
          _month_day,
          vocab.MONTHS, (30, 10)),
    _rule("month",
          rf"{POSITION}?(?:{DIRECTION}\s+)?{MONTH}(?:,?\s+(?:of\s+)?{YEAR}"
          rf"|,?\s+(?:of\s+)?(?P<spoken>{SPOKEN_YEAR})|\s+(?P<rel>last|this|next)\s+year\b)?",
          _month_alone, vocab.MONTHS, (40, 48)),
    _rule("year", rf"{POSITION}?(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year)\s+)?{YEAR}",
          _year_alone,
          _DIGIT, (48, 8)),
    _rule("decade",
          rf"(?:the\s+)?{POSITION}?(?:(?P<full>1\d\d0|20\d0)|'(?P<short>\d0))'?s\b", _decade,
          _DIGIT, (28, 8)),
    _rule("decade_word", rf"(?:the\s+)?{POSITION}?(?P<dw>{_alternation(_DECADE_WORDS)})\b",
          _decade_word,
          _DECADE_WORDS, (30, 4)),
    _rule("century",
          rf"(?:the\s+)?{POSITION}?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alternation(vocab.ORDINALS)})"
          r"[- ]century\b", _century,
          ("century",), (40, 4)),
    _rule("spoken_year",
          rf"(?:the\s+year\s+(?=two|eighteen|nineteen)|(?=eighteen|nineteen))"
          rf"(?P<spoken>{SPOKEN_YEAR})",
          _spoken_year,
          ("eighteen", "nineteen", "thousand"), (16, 40)),
    _rule("day_word",
          r"(?:(?P<pos>early|late|later|earlier)\s+)?(?P<word>the\s+day\s+before\s+yesterday"
          r"|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)\b"
          r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b", _day_word,
          _DAY_WORDS, (25, 12)),
    _rule("next_day",
          r"the\s+(?P<which>next|following|previous|preceding)\s+(?P<what>day|morning"
          r"|afternoon|evening|night)\b", _next_day, ("day", *_POD_WORDS), (30, 4)),
    _rule("this_pod", rf"(?P<which>this|last)\s+{POD}\b", _this_pod,
          _POD_WORDS, (6, 4)),
    _rule("this_unit",
          rf"{POSITION}?(?:the\s+)?{DIRECTION}\s+(?P<unit>fiscal\s+year|week|weekend|month"
          r"|quarter|half|year|decade|century)\b", _this_unit,
          _UNIT_WORDS, (40, 4)),
    _rule("season",
          rf"{POSITION}?(?:(?:the|{DIRECTION})\s+)?{SEASON}\b"
          rf"(?:\s+(?:of\s+)?(?:{YEAR}|(?P<spoken>{SPOKEN_YEAR})))?",
          _this_season,
          vocab.SEASONS, (40, 48)),
    _rule("ago",
          rf"(?:{QUANT}\s+)?(?P<num>{NUMBER})\s+(?:more\s+)?{UNIT}(?:\s+or\s+so)?\s+"
          r"(?P<rel>ago|earlier|before"
          r"|back|later|from\s+now|hence)\b", _ago,
          vocab.UNITS, (80, 16)),
    _rule("duration",
          rf"(?:{QUANT}\s+)?(?:(?:the|its|their|his|her|each\s+of\s+the)\s+)?"
          r"(?:(?P<dir>past|last|next|first|coming|previous|final|latest|following|remaining"
          r"|preceding|ensuing|initial|same|other)\s+)?"
          rf"(?:(?P<low>\d+|{_WORD_NUMBER})\s*(?:to|or|-)\s*)?"
          rf"(?P<num>{NUMBER})\s+(?:(?:more|additional|further|straight|consecutive|full|trading"
          rf"|business|working|calendar|long)\s+)?{UNIT}(?!-)", _duration,
          vocab.UNITS, (100, 4)),
    _rule("adjective_duration",
          rf"(?P<num>\d+|{_WORD_NUMBER}|several)-(?P<unit>second|minute|hour|day|week|month|year"
          r"|decade|century)(?:-long)?\b(?!-old)", _adjective_duration,
          vocab.UNITS, (40, 8)),
    _rule("vague_duration",
          r"(?:(?P<dir>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|past"
          r"|coming|the)\s+)?(?:(?P<few>few|several|many)\s+)?"
          r"(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries|quarters)\b",
          _vague_duration,
          vocab.UNITS, (30, 4)),
    _rule("recent", r"recent\s+(?P<unit>days|weeks|months|years|decades|quarters)\b", _recent,
          vocab.UNITS, (10, 4)),
    _rule("weekday",
          rf"(?:(?P<pos>early|late|earlier|later)\s+)?(?:(?:the\s+)?{DIRECTION}\s+)?{WEEKDAY_FULL}"
          rf"(?P<plural>s)?\b(?:\s+{POD}\b)?", _weekday,
          (*vocab.WEEKDAYS, *(f"{day}s" for day in vocab.WEEKDAYS)), (25, 12)),
    _rule("clock",
          rf"(?:(?P<quant>about|around|approximately|roughly)\s+)?(?P<h>[012]?\d)"
          r"(?:[:.](?P<min>[0-5]\d))?(?:\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\s+o'clock"
          r"|(?=\s+in\s+the\s+(?:morning|afternoon|evening|night))|(?<=\d\d:\d\d)|(?<=\d:\d\d))"
          rf"{TZ}(?:\s+in\s+the\s+{POD}\b)?", _clock,
          _DIGIT, (16, 40)),
    _rule("named_time", r"(?P<word>noon|midnight|midday)\b", _named_time,
          ("noon", "midnight", "midday"), (0, 4)),
    _rule("part_of_day",
          r"(?:(?P<pos>early|late|mid)(?:-|\s+))?(?:the\s+)?(?P<pod>morning|afternoon|evening"
          r"|overnight|mid-afternoon|midafternoon)\b", _part_of_day,
          _POD_WORDS, (12, 4)),
    _rule("quarter",
          r"(?:(?P<det>the)\s+(?=[^-]*?\s(?:fiscal\s+)?(?:quarter|half)))?"
          r"(?:(?P<year1>(?:1\d|20)\d\d)(?:'s)?\s+)?"
          r"(?:fiscal[- ]?)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
          r"[- ](?:fiscal\s+)?(?P<kind>quarter|half)\b(?:\s+of\s+(?:fiscal\s+)?"
          r"(?P<year2>(?:1\d|20)\d\d)(?!\d))?", _quarter,
          _UNIT_WORDS, (40, 20)),
    _rule("q_quarter", r"Q(?P<q>[1-4])(?:\s+(?P<year>(?:1\d|20)\d\d))?(?!\w)", _q_quarter,
          _DIGIT, (2, 8)),
    _rule("latest_period",
          r"the\s+(?:(?:latest|most\s+recent|just[- ]ended)\s+(?P<unit>quarter|period)"
          r"|(?P<bare>quarter))\b(?!\s+of)", _latest_period,
          _UNIT_WORDS, (30, 8)),
    _rule("reference", rf"(?:{_alternation(vocab.REFERENCES)})(?![\w-])", _reference,
          (phrase.split()[-1] for phrase in vocab.REFERENCES), (20, 4)),
    _rule("frequency", rf"(?:{_alternation(vocab.FREQUENCIES)})\b", _frequency,
          vocab.FREQUENCIES, (0, 4)),
    _rule("period_edge",
          r"(?P<pos_of>the\s+(?:beginning|start|end|middle)\s+of)\s+the\s+(?P<unit>week|month"
          r"|quarter|year|decade|century)\b", _period_edge,
          _UNIT_WORDS, (30, 4)),
    _rule("earlier_in", r"(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|quarter|year)\b",
          _period_edge,
          _UNIT_WORDS, (25, 4)),
    _rule("the_year",
          r"the\s+(?:(?:full|fiscal|calendar)\s+)?year\b", _the_year,
          ("year",), (20, 4)),
    _rule("year_end", r"(?:the\s+)?(?:year[- ]end|year's\s+end)\b", _year_end,
          ("year",), (6, 6)),
    _rule("year_ago",
          r"(?:the\s+)?(?:comparable\s+|same\s+)?(?P<adj>year-ago|year-earlier)"
          r"(?:\s+(?P<unit>quarter|period))?\b", _year_ago,
          ("year",), (20, 10)),
    _rule("every",
          rf"(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUMBER})\s+)?"
          r"(?P<what>[a-z]+)\b", _every,
          ("every", "each"), (6, 40)),
    _rule("per", r"(?:per|a|an)\s+(?=\w)(?P<unit>hour|day|week|month|year)\b(?=\s*[,.;)]|\s+"
          r"(?:for|in|on|and|or|to|from|at|until|since)\b)", _per,
          vocab.UNITS, (4, 12)),
    _rule("holiday",
          r"(?P<name>christmas\s+day|christmas\s+eve|christmas|new\s+year's\s+day"
          r"|new\s+year's\s+eve|halloween|valentine's\s+day|independence\s+day|boxing\s+day)\b"
          rf"(?:,?\s+{YEAR})?", _holiday,
          ("christmas", "halloween", "day", "eve"), (16, 8)),
)


# ---------------------------------------------------------------------------- finding


_GATE = Gate.build([rule.triggers for rule in RULES], [rule.reach for rule in RULES])
_PATTERNS = [rule.pattern for rule in RULES]


def _candidates(text: str) -> list[tuple[int, int, int, Built]]:
    found: list[tuple[int, int, int, Built]] = []
    for order, match in _GATE.matches(_PATTERNS, text):
        built = RULES[order].build(match)
        if built is None:
            continue
        start, end = match.span()
        while end > start and text[end - 1] in " \t\n,":
            end -= 1
        if end > start:
            found.append((start, end, order, built))
    return found


def _select(candidates: list[tuple[int, int, int, Built]]) -> list[Mention]:
    """Longest match wins; ties go to the rule listed first. Kept mentions never overlap."""
    taken: list[tuple[int, int]] = []
    chosen: list[Mention] = []
    for start, end, _, (kind, spec, mod) in sorted(candidates,
                                                   key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(Mention(start, end, kind, spec, mod))
    return sorted(chosen, key=lambda m: m.start)


_JOIN_GAP = re.compile(r"^(?:\s*,?\s*|\s+on\s+)$")


def _join_clock_and_day(text: str, mentions: list[Mention]) -> list[Mention]:
    """Make "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "Friday, 3 p.m." one TIME mention."""
    result: list[Mention] = []
    for mention in mentions:
        if result and _JOIN_GAP.match(text[result[-1].end : mention.start]):
            joined = _join(result[-1], mention) or _join(mention, result[-1])
            if joined is not None:
                result[-1] = Mention(result[-1].start, mention.end, "TIME", joined,
                                     result[-1].mod or mention.mod)
                continue
        result.append(mention)
    return result


def _join(clock: Mention, day: Mention) -> TimeSpec | None:
    time = clock.spec
    if not (isinstance(time, Absolute) and time.month is None and time.week is None
            and time.quarter is None and time.season is None and time.year is None
            and (time.hour is not None or time.part_of_day is not None)):
        return None
    target = day.spec
    if isinstance(target, Absolute) and target.day is not None and target.hour is None:
        return replace(target, hour=time.hour, minute=time.minute, part_of_day=time.part_of_day)
    if isinstance(target, Weekday | Relative) and target.hour is None \
            and (isinstance(target, Weekday) or target.unit == "day"):
        return replace(target, hour=time.hour, minute=time.minute,
                       part_of_day=time.part_of_day or target.part_of_day)
    return None


def find(text: str) -> list[Mention]:
    """Every English time expression in ``text``, in text order, non-overlapping."""
    return _join_clock_and_day(text, _select(_candidates(text)))
