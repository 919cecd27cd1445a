"""English time vocabulary: the closed word classes the patterns are built from.

Data only; :mod:`timeweave.lang.en.patterns` turns it into grammar. Keys are lower case.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# Month names that are also common words: only a date when written capitalised and in a
# date-like context (a day, a year, or a preposition/modifier before them).
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "dec", "sep"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000}
# Quantities that say "some number of": TIMEX3 writes them as X.
VAGUE_NUMBERS = ("several", "a few", "few", "some", "many", "a number of", "dozens of",
                 "hundreds of", "thousands of", "a couple of", "couple of")
EXACT_PHRASES: dict[str, float] = {"a": 1, "an": 1, "a dozen": 12, "a half": 0.5, "half a": 0.5,
                                   "a couple of": 2, "couple of": 2, "a hundred": 100,
                                   "a thousand": 1000, "one and a half": 1.5}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "thirtieth": 30,
    "twenty-second": 22, "twenty-third": 23,
    "last": 4, "final": 4,  # "the last quarter"; only used with quarters
}

# Unit word -> (resolver unit, TIMEX3 duration letter, is a time-of-day unit).
UNITS: dict[str, tuple[str, str, bool]] = {
    "second": ("minute", "S", True), "seconds": ("minute", "S", True),
    "minute": ("minute", "M", True), "minutes": ("minute", "M", True),
    "hour": ("hour", "H", True), "hours": ("hour", "H", True),
    "day": ("day", "D", False), "days": ("day", "D", False),
    "night": ("day", "D", False), "nights": ("day", "D", False),
    "week": ("week", "W", False), "weeks": ("week", "W", False),
    "weekend": ("weekend", "WE", False), "weekends": ("weekend", "WE", False),
    "month": ("month", "M", False), "months": ("month", "M", False),
    "quarter": ("quarter", "Q", False), "quarters": ("quarter", "Q", False),
    "year": ("year", "Y", False), "years": ("year", "Y", False),
    "decade": ("decade", "DE", False), "decades": ("decade", "DE", False),
    "century": ("century", "CE", False), "centuries": ("century", "CE", False),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF",
    "mid-afternoon": "AF", "midafternoon": "AF", "evening": "EV", "evenings": "EV",
    "night": "NI", "nights": "NI", "overnight": "NI", "daytime": "DT",
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

# Words that move a named period relative to the DCT.
DIRECTIONS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "this past": -1, "this": 0, "current": 0,
    "this coming": 1, "next": 1, "coming": 1, "upcoming": 1, "following": 1,
}
# Position inside a period -> TIMEX3 mod.
POSITIONS: dict[str, str] = {
    "early": "START", "beginning of": "START", "start of": "START", "the beginning of": "START",
    "the start of": "START", "late": "END", "end of": "END", "the end of": "END", "mid": "MID",
    "the middle of": "MID", "middle of": "MID",
}
# Quantity modifiers before durations and "ago" phrases -> TIMEX3 mod.
QUANTIFIERS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "nearly": "APPROX", "almost": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "longer than": "MORE_THAN", "well over": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
}

REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "just now": "PAST_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
}

# Adverbs of frequency -> TIMEX3 set values.
FREQUENCIES: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
    "semiannually": "P6M", "biannually": "P6M",
}

# Time zones that may follow a clock time ("5 p.m. EST").
TIME_ZONES = ("est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet",
              "eet", "et", "pt")

# Words whose presence near a mention says which way the clause looks (see ``tense.py``).
FUTURE_MARKERS = frozenset({"will", "shall", "won't", "shan't", "would", "wouldn't", "upcoming",
                            "next"})
# Words that announce a plan or schedule: future, unless in a past perfect or used as a noun.
PLAN_WORDS = frozenset({"scheduled", "slated", "set", "due", "expected", "expects", "expect",
                        "expecting", "intends", "intend", "intended", "plan", "plans", "planned",
                        "planning", "supposed"})
# What follows "plan" when it is a verb: "planned to leave", "planning a rally", "planned for".
PLAN_OBJECTS = frozenset({"to", "a", "an", "the", "for", "on"})
BE_FORMS = frozenset({"is", "are", "am", "was", "were", "be", "been", "they're", "we're",
                      "you're", "i'm"})
PRESENT_BE = frozenset({"is", "are", "am", "they're", "we're", "you're", "i'm"})
# Words before an -ed form that make it an adjective ("the revised plan", "still unnamed").
MODIFIERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your",
                       "this", "that", "these", "those", "very", "more", "most", "less", "well",
                       "still", "yet"})
PAST_MARKERS = frozenset({
    "was", "were", "had", "did", "said", "told", "ago", "went", "came", "took", "made", "gave",
    "met", "saw", "got", "began", "left", "lost", "rose", "fell", "won", "held", "thought",
    "found", "became", "sold", "bought", "paid", "spent", "sent", "built", "knew", "led", "ran",
    "brought", "fought", "wrote", "spoke", "broke", "chose", "drove", "flew", "grew", "hid",
    "kept", "meant", "felt", "heard", "stood", "struck", "swore", "taught", "understood",
    "earlier", "last", "since", "previously",
})
PRESENT_MARKERS = frozenset({"is", "are", "am", "says", "say", "has", "have", "does", "do"})
# -ed words that are not past tense verbs.
NOT_PAST = frozenset({"need", "speed", "seed", "feed", "bed", "red", "shed", "indeed", "hundred",
                      "weed", "breed", "creed", "greed", "proceed", "exceed", "succeed", "bled"})
