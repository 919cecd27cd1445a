"""The closed Estonian time vocabulary, as data: principal parts and what each word means.

Only principal parts are written here; :mod:`timeweave.lang.et.morphology` expands them
to every case and number, and :data:`LEXICON` maps each lower-case surface form to its readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from timeweave.lang.et.morphology import Case, Number, Stems, paradigm, stems
from timeweave.temporal.base import PartOfDay, Season, Unit

Kind = Literal[
    "weekday", "month", "unit", "num", "ord", "season", "pod", "rel", "day_deictic",
    "year_deictic", "ref", "quant", "time_noun", "holiday", "every", "length", "ago",
]


def words(text: str) -> frozenset[str]:
    """A closed word list written as whitespace-separated text (spaCy's stop-word style)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Reading:
    """One reading of a surface form: what kind of time word, its value, case and number.

    ``value`` is the weekday (0 = Monday), month (1-12), unit name, number, offset, part of day,
    season or reference value, depending on ``kind``.
    """

    kind: Kind
    value: int | float | str
    case: Case
    number: Number
    lemma: str


WEEKDAYS: dict[str, Stems] = {
    "esmaspäev": stems("esmaspäev", "esmaspäeva", "esmaspäeva", "esmaspäevade", "esmaspäevi"),
    "teisipäev": stems("teisipäev", "teisipäeva", "teisipäeva", "teisipäevade", "teisipäevi"),
    "kolmapäev": stems("kolmapäev", "kolmapäeva", "kolmapäeva", "kolmapäevade", "kolmapäevi"),
    "neljapäev": stems("neljapäev", "neljapäeva", "neljapäeva", "neljapäevade", "neljapäevi"),
    "reede": stems("reede", "reede", "reedet", "reedete", "reedeid"),
    "laupäev": stems("laupäev", "laupäeva", "laupäeva", "laupäevade", "laupäevi"),
    "pühapäev": stems("pühapäev", "pühapäeva", "pühapäeva", "pühapäevade", "pühapäevi"),
}

MONTH_NAMES = (
    "jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september",
    "oktoober", "november", "detsember",
)
MONTH_GENITIVES = (
    "jaanuari", "veebruari", "märtsi", "aprilli", "mai", "juuni", "juuli", "augusti",
    "septembri", "oktoobri", "novembri", "detsembri",
)
MONTHS: dict[str, Stems] = {
    name: stems(name, gen, "maid" if name == "mai" else f"{gen} {gen}t", gen + "de")
    for name, gen in zip(MONTH_NAMES, MONTH_GENITIVES, strict=True)
}
# Abbreviations are only trusted right after a day number ("22. okt."): alone they are words.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jaan": 1, "veebr": 2, "veeb": 2, "apr": 4, "aug": 8, "sept": 9, "sep": 9, "okt": 10,
    "nov": 11, "dets": 12, "dtsm": 12,
}

UNITS: dict[str, tuple[Unit | Literal["second", "millennium"], Stems]] = {
    "sekund": ("second", stems("sekund", "sekundi", "sekundit", "sekundite", "sekundeid")),
    "minut": ("minute", stems("minut", "minuti", "minutit", "minutite", "minuteid")),
    "tund": ("hour", stems("tund", "tunni", "tundi", "tundide", "tunde")),
    "päev": ("day", stems("päev", "päeva", "päeva", "päevade", "päevi", "päevi")),
    "ööpäev": ("day", stems("ööpäev", "ööpäeva", "ööpäeva", "ööpäevade", "ööpäevi", "ööpäevi")),
    "nädal": ("week", stems("nädal", "nädala", "nädalat", "nädalate", "nädalaid", "nädalai")),
    "kuu": ("month", stems("kuu", "kuu", "kuud", "kuude", "kuid", "kui")),
    "kvartal": ("quarter", stems("kvartal", "kvartali", "kvartalit", "kvartalite", "kvartaleid")),
    "poolaasta": ("half", stems("poolaasta", "poolaasta", "poolaastat", "poolaastate",
                               "poolaastaid", "poolaastai")),
    "aasta": ("year", stems("aasta", "aasta", "aastat", "aastate", "aastaid", "aastai")),
    "aastakümme": ("decade", stems("aastakümme", "aastakümne", "aastakümmet", "aastakümnete",
                                   "aastakümneid", "aastakümnei")),
    "sajand": ("century", stems("sajand", "sajandi", "sajandit", "sajandite", "sajandeid",
                                "sajandei")),
    "aastatuhat": ("millennium", stems("aastatuhat", "aastatuhande", "aastatuhandet",
                                       "aastatuhandete", "aastatuhandeid")),
    "nädalavahetus": ("weekend", stems("nädalavahetus", "nädalavahetuse", "nädalavahetust",
                                       "nädalavahetuste", "nädalavahetusi")),
    "nädalalõpp": ("weekend", stems("nädalalõpp", "nädalalõpu", "nädalalõppu", "nädalalõppude",
                                    "nädalalõppe")),
}
# Working days, a set value only: "tööpäeviti", "argipäevadel" (on weekdays).
WORKDAYS: tuple[Stems, ...] = (
    stems("tööpäev", "tööpäeva", "tööpäeva", "tööpäevade", "tööpäevi", "tööpäevi"),
    stems("argipäev", "argipäeva", "argipäeva", "argipäevade", "argipäevi", "argipäevi"),
)
# TIMEX3 duration letters per unit, and whether the value goes after "T" (time units).
DURATION_CODES: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "weekend": ("WE", False), "week": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "half": ("H", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
}

SEASONS: dict[str, tuple[Season, Stems]] = {
    "kevad": ("SP", stems("kevad", "kevade", "kevadet", "kevadete", "kevadeid")),
    "suvi": ("SU", stems("suvi", "suve", "suve", "suvede", "suvesid", "suvi")),
    "sügis": ("FA", stems("sügis", "sügise", "sügist", "sügiste", "sügisi", "sügisi")),
    "talv": ("WI", stems("talv", "talve", "talve", "talvede", "talvesid", "talvi")),
}

PARTS_OF_DAY: dict[str, tuple[PartOfDay, Stems]] = {
    "hommik": ("MO", stems("hommik", "hommiku", "hommikut", "hommikute", "hommikuid")),
    "varahommik": ("MO", stems("varahommik", "varahommiku", "varahommikut", "varahommikute",
                               "varahommikuid")),
    "hommikupoolik": ("MO", stems("hommikupoolik", "hommikupooliku", "hommikupoolikut",
                                  "hommikupoolikute", "hommikupoolikuid")),
    "ennelõuna": ("MO", stems("ennelõuna", "ennelõuna", "ennelõunat")),
    "keskpäev": ("MI", stems("keskpäev", "keskpäeva", "keskpäeva")),
    "pärastlõuna": ("AF", stems("pärastlõuna", "pärastlõuna", "pärastlõunat", "pärastlõunate",
                                "pärastlõunaid")),
    # "õhtupoolik" is the part of the day towards evening, which TIMEX3 calls evening.
    "õhtupoolik": ("EV", stems("õhtupoolik", "õhtupooliku", "õhtupoolikut", "õhtupoolikute",
                               "õhtupoolikuid")),
    "õhtu": ("EV", stems("õhtu", "õhtu", "õhtut", "õhtute", "õhtuid", "õhtui")),
    "öö": ("NI", stems("öö", "öö", "ööd", "ööde", "öid", "öi")),
    "südaöö": ("NI", stems("südaöö", "südaöö", "südaööd")),
    "kesköö": ("NI", stems("kesköö", "kesköö", "keskööd")),
}
# Noon and midnight name a clock time, not a stretch of the day: "keskpäeval" is T12:00.
NAMED_HOURS: dict[str, int] = {"keskpäev": 12, "südaöö": 0, "kesköö": 0}
# "lõuna" is also "south" ("lõunas" = in the south): only its time-only cases are taken.
NOON_FORMS: dict[str, Case] = {"lõunal": "ade", "lõunani": "ter", "lõunaks": "tra"}
# "päeval" alone is "in the daytime"; with a modifier ("järgmisel päeval") it is a day.
DAYTIME_FORMS: dict[str, Case] = {"päeval": "ade"}

# Adverbs of the form "-ti": "on Mondays", "in the mornings", "in summers" - always a set.
ADVERB_SUFFIX = "ti"

# Deictic day words: offset from the day of writing. Their adjectives inflect ("tänasest").
DAY_DEICTICS: dict[str, int] = {"üleeile": -2, "eile": -1, "täna": 0, "homme": 1, "ülehomme": 2}
DAY_DEICTIC_ADJECTIVES: dict[int, Stems] = {
    -2: stems("üleeilne", "üleeilse", "üleeilset", "üleeilsete", "üleeilseid"),
    -1: stems("eilne", "eilse", "eilset", "eilsete", "eilseid"),
    0: stems("tänane", "tänase", "tänast", "tänaste", "tänaseid"),
    1: stems("homne", "homse", "homset", "homsete", "homseid"),
    2: stems("ülehomne", "ülehomse", "ülehomset", "ülehomsete", "ülehomseid"),
}
YEAR_DEICTICS: dict[str, int] = {"tunamullu": -2, "mullu": -1, "tänavu": 0}
YEAR_DEICTIC_ADJECTIVES: dict[int, Stems] = {
    -2: stems("tunamullune", "tunamulluse", "tunamullust", "tunamulluste", "tunamulluseid"),
    -1: stems("mullune", "mulluse", "mullust", "mulluste", "mulluseid"),
    0: stems("tänavune", "tänavuse", "tänavust", "tänavuste", "tänavuseid"),
}

# Words that place a unit, weekday, month or season relative to the DCT.
RELATIVE_MODIFIERS: dict[str, tuple[int, Stems]] = {
    "eelmine": (-1, stems("eelmine", "eelmise", "eelmist", "eelmiste", "eelmisi")),
    "üle-eelmine": (-2, stems("üle-eelmine", "üle-eelmise", "üle-eelmist", "üle-eelmiste",
                              "üle-eelmisi")),
    "möödunud": (-1, stems("möödunud", "möödunud möödunu", "möödunut", "möödunute",
                           "möödunuid")),
    "möödund": (-1, stems("möödund", "möödund", "möödund")),
    "läinud": (-1, stems("läinud", "läinud", "läinut")),
    "järgmine": (1, stems("järgmine", "järgmise", "järgmist", "järgmiste", "järgmisi")),
    "ülejärgmine": (2, stems("ülejärgmine", "ülejärgmise", "ülejärgmist", "ülejärgmiste",
                             "ülejärgmisi")),
    "tulev": (1, stems("tulev", "tuleva", "tulevat", "tulevate", "tulevaid")),
    "eelolev": (1, stems("eelolev", "eeloleva", "eelolevat", "eelolevate", "eelolevaid")),
    "saabuv": (1, stems("saabuv", "saabuva", "saabuvat", "saabuvate", "saabuvaid")),
    "see": (0, stems("see", "selle", "seda", "nende", "neid")),
    "käesolev": (0, stems("käesolev", "käesoleva", "käesolevat", "käesolevate",
                          "käesolevaid")),
    "praegune": (0, stems("praegune", "praeguse", "praegust", "praeguste", "praegusi")),
    "algav": (0, stems("algav", "algava", "algavat", "algavate", "algavaid")),
    "lõppev": (0, stems("lõppev", "lõppeva", "lõppevat", "lõppevate", "lõppevaid")),
    "alanud": (0, stems("alanud", "alanud alanu", "alanut", "alanute", "alanuid")),
    "sama": (0, stems("sama", "sama", "sama", "samade", "samu")),
    "järgnev": (1, stems("järgnev", "järgneva", "järgnevat", "järgnevate", "järgnevaid")),
    "eelnev": (-1, stems("eelnev", "eelneva", "eelnevat", "eelnevate", "eelnevaid")),
    "lõppenud": (-1, stems("lõppenud", "lõppenud lõppenu", "lõppenut", "lõppenute",
                           "lõppenuid")),
}
# Short forms of "see" ("sel nädalal", "sel aastal") and its contracted plural.
# ("sest" is left out: it is far more often the conjunction "because".)
SEE_SHORT_FORMS: dict[str, Case] = {"sel": "ade", "sellel": "ade", "sesse": "ill"}
# "viimane" (last, latest) and "lähim"/"lähem" (nearest, coming) anchor durations to the DCT.
LAST: Stems = stems("viimane", "viimase", "viimast", "viimaste", "viimaseid", "viimasei")
NEXT_NEAREST: tuple[Stems, ...] = (
    stems("lähim", "lähima", "lähimat", "lähimate", "lähimaid"),
    stems("lähem", "lähema", "lähemat", "lähemate", "lähemaid"),
)
# The bound prefix "lähi-" ("lähipäevil", "lähiaastatel"): the coming days, years.
NEAR_PREFIX = "lähi"

CARDINALS: dict[int, Stems] = {
    1: stems("üks", "ühe", "üht ühte"),
    2: stems("kaks", "kahe", "kaht kahte"),
    3: stems("kolm", "kolme", "kolme"),
    4: stems("neli", "nelja", "nelja"),
    5: stems("viis", "viie", "viit viite"),
    6: stems("kuus", "kuue", "kuut kuute"),
    7: stems("seitse", "seitsme", "seitset seitsmet"),
    8: stems("kaheksa", "kaheksa", "kaheksat"),
    9: stems("üheksa", "üheksa", "üheksat"),
    10: stems("kümme", "kümne", "kümmet kümnet"),
    100: stems("sada", "saja", "sada sadat"),
    1000: stems("tuhat", "tuhande", "tuhat tuhandet"),
}
# Approximate and unknown quantities: "paar päeva" (~2), "mitu aastat" / "mõni kuu" (X).
QUANTIFIERS: dict[str, tuple[int | None, Stems]] = {
    "paar": (2, stems("paar", "paari", "paari paarit")),
    "mitu": (None, stems("mitu", "mitme", "mitut", "mitmete", "mitmeid")),
    "mõni": (None, stems("mõni", "mõne", "mõnd mõnda", "mõnede", "mõningaid")),
    "mitmed": (None, stems("mitmed", "mitmete", "mitmeid")),
    "pool": (0.5, stems("pool", "poole", "poolt")),
    "paarkümmend": (20, stems("paarkümmend", "paarikümne", "paarkümmend paarikümmend")),
    "kümmekond": (10, stems("kümmekond", "kümmekonna", "kümmekonda")),
    "mõnikümmend": (None, stems("mõnikümmend", "mõnekümne", "mõnikümmend mõndakümmend")),
    "poolteist": (1.5, stems("poolteist", "pooleteise", "pooltteist")),
}
ORDINALS: dict[int, Stems] = {
    1: stems("esimene", "esimese", "esimest", "esimeste", "esimesi"),
    2: stems("teine", "teise", "teist", "teiste", "teisi"),
    3: stems("kolmas", "kolmanda", "kolmandat", "kolmandate", "kolmandaid"),
    4: stems("neljas", "neljanda", "neljandat", "neljandate", "neljandaid"),
    5: stems("viies", "viienda", "viiendat", "viiendate", "viiendaid"),
    6: stems("kuues", "kuuenda", "kuuendat", "kuuendate", "kuuendaid"),
    7: stems("seitsmes", "seitsmenda", "seitsmendat", "seitsmendate", "seitsmendaid"),
    8: stems("kaheksas", "kaheksanda", "kaheksandat", "kaheksandate", "kaheksandaid"),
    9: stems("üheksas", "üheksanda", "üheksandat", "üheksandate", "üheksandaid"),
    10: stems("kümnes", "kümnenda", "kümnendat", "kümnendate", "kümnendaid"),
}

# "then": the time the story last named (see ``Reference.anaphoric``).
THEN_WORDS = words("toona tollal")
# Vague pointers at the DCT, indeclinable adverbs and set phrases.
REFERENCES: dict[str, str] = {
    "praegu": "PRESENT_REF", "nüüd": "PRESENT_REF", "hetkel": "PRESENT_REF",
    "nüüdseks": "PRESENT_REF", "hetkeks": "PRESENT_REF", "tänaseni": "PRESENT_REF",
    "seniajani": "PRESENT_REF", "tänini": "PRESENT_REF", "toona": "PAST_REF", "tollal": "PAST_REF",
    "hiljuti": "PAST_REF", "äsja": "PAST_REF", "hiljaaegu": "PAST_REF", "minevikus": "PAST_REF",
    "varsti": "FUTURE_REF", "peagi": "FUTURE_REF", "tulevikus": "FUTURE_REF",
    "edaspidi": "FUTURE_REF", "lähitulevikus": "FUTURE_REF", "lähiajal": "FUTURE_REF",
    "tulevikuks": "FUTURE_REF", "peatselt": "FUTURE_REF",
}
# Nouns that always point at the present, past or future, in any case ("tänapäevani").
REFERENCE_NOUNS: dict[str, tuple[str, Stems]] = {
    "tänapäev": ("PRESENT_REF", stems("tänapäev", "tänapäeva", "tänapäeva")),
    "nüüdisaeg": ("PRESENT_REF", stems("nüüdisaeg", "nüüdisaja", "nüüdisaega")),
    "praegune": ("PRESENT_REF", stems("praegune", "praeguse", "praegust", "praeguste",
                                      "praegusi")),
}
# Nouns "time, period, moment" that make a phrase with an adjective: "viimasel ajal".
TIME_NOUNS: dict[str, Stems] = {
    "aeg": stems("aeg", "aja", "aega", "aegade", "aegu", "aegu"),
    "hetk": stems("hetk", "hetke", "hetke", "hetkede", "hetki"),
}

# Words before an expression that put a TIMEX3 modifier on it; the gold keeps them in the span.
PRE_MODIFIERS: dict[str, str] = {
    "umbes": "APPROX", "ligi": "APPROX", "ligikaudu": "APPROX", "u": "APPROX", "ca": "APPROX",
    "peaaegu": "LESS_THAN", "üle": "MORE_THAN", "vähemalt": "EQUAL_OR_MORE",
    "alla": "LESS_THAN", "maksimaalselt": "EQUAL_OR_LESS", "kuni": "EQUAL_OR_LESS",
    "täpselt": "EQUAL", "alates": "ON_OR_AFTER", "pärast": "AFTER", "enne": "BEFORE",
}
# Two-word modifiers: "rohkem kui kaks nädalat", "vähem kui aasta".
PRE_MODIFIER_PAIRS: dict[tuple[str, str], str] = {
    ("rohkem", "kui"): "MORE_THAN", ("enam", "kui"): "MORE_THAN",
    ("vähem", "kui"): "LESS_THAN", ("veidi", "üle"): "MORE_THAN",
}
# Modifiers that only make sense before a point in time, not a length.
POINT_ONLY_MODIFIERS = words("alates pärast enne")
# Words after an expression that belong to it: "kella 23 paiku", "kella viie ajal".
APPROX_AFTER = words("paiku ringis ümber")
# Postpositions that make a length out of a unit phrase: "kolme aasta jooksul".
DURATION_POSTPOSITIONS = words("jooksul vältel kestel järjest aega")
# Postpositions that shift from the DCT, and the case of the phrase they take: "kaks päeva
# tagasi" (nominative/partitive), "kolme aasta pärast" (genitive). "kümme aastat pärast tema
# surma" is "ten years after his death": there "pärast" is a preposition of what follows.
SHIFT_POSTPOSITIONS: dict[str, tuple[int, frozenset[Case]]] = {
    "tagasi": (-1, frozenset(("nom", "part"))), "varem": (-1, frozenset(("nom", "part"))),
    "hiljem": (1, frozenset(("nom", "part"))), "eest": (-1, frozenset(("gen",))),
    "pärast": (1, frozenset(("gen",))), "möödudes": (1, frozenset(("gen",))),
}
# "kolme aasta tagune" / "aastatagune": the adjective of "tagasi" (that long ago).
AGO_ADJECTIVE: Stems = stems("tagune", "taguse", "tagust", "taguste", "taguseid")
# Positions within a period: "aasta alguses", "kuu lõpus", "nädala keskel".
PERIOD_POSITIONS: dict[str, str] = {
    **{form: "START" for form in words(
        "alguses algul alguseks algusest algusesse algusele alguse algusse hakul")},
    **{form: "END" for form in words(
        "lõpus lõpul lõpuks lõpust lõppu lõpule lõpuni lõpu lõpupoole lõpupoolel")},
    **{form: "MID" for form in words("keskel keskpaigas keskpaigani keskpaigast keskpaika")},
}
# Prefixes that make a season or part of day early, mid or late: "hilissügisel", "varakevadel".
SEASON_PREFIXES: dict[str, str] = {"vara": "START", "kesk": "MID", "hilis": "END"}
# Fixed-date holidays, by the genitive stem their compounds are made from.
HOLIDAYS: dict[str, tuple[int, int, Stems]] = {
    "jaanipäev": (6, 24, stems("jaanipäev", "jaanipäeva", "jaanipäeva")),
    "jaanilaupäev": (6, 23, stems("jaanilaupäev", "jaanilaupäeva", "jaanilaupäeva")),
    "võidupüha": (6, 23, stems("võidupüha", "võidupüha", "võidupüha")),
    "jüripäev": (4, 23, stems("jüripäev", "jüripäeva", "jüripäeva")),
    "jõululaupäev": (12, 24, stems("jõululaupäev", "jõululaupäeva", "jõululaupäeva")),
    "jõuluõhtu": (12, 24, stems("jõuluõhtu", "jõuluõhtu", "jõuluõhtut")),
    "jõulupüha": (12, 25, stems("jõulupüha", "jõulupüha", "jõulupüha")),
    "uusaasta": (1, 1, stems("uusaasta", "uusaasta", "uusaastat")),
    "vana-aastaõhtu": (12, 31, stems("vana-aastaõhtu", "vana-aastaõhtu", "vana-aastaõhtut")),
    "iseseisvuspäev": (2, 24, stems("iseseisvuspäev", "iseseisvuspäeva", "iseseisvuspäeva")),
    "sõbrapäev": (2, 14, stems("sõbrapäev", "sõbrapäeva", "sõbrapäeva")),
    "volbriöö": (4, 30, stems("volbriöö", "volbriöö", "volbriööd")),
    "mardipäev": (11, 10, stems("mardipäev", "mardipäeva", "mardipäeva")),
    "kadripäev": (11, 25, stems("kadripäev", "kadripäeva", "kadripäeva")),
    "taasiseseisvumispäev": (8, 20, stems("taasiseseisvumispäev", "taasiseseisvumispäeva",
                                          "taasiseseisvumispäeva")),
}
# Adjectives of seasons and parts of day: "talvine", "öise" - the gold counts them as times.
SEASON_ADJECTIVES: dict[str, tuple[str, Stems]] = {
    "kevadine": ("SP", stems("kevadine", "kevadise", "kevadist", "kevadiste", "kevadisi")),
    "suvine": ("SU", stems("suvine", "suvise", "suvist", "suviste", "suviseid")),
    "sügisene": ("FA", stems("sügisene", "sügisese", "sügisest", "sügiseste", "sügiseseid")),
    "talvine": ("WI", stems("talvine", "talvise", "talvist", "talviste", "talviseid")),
}
POD_ADJECTIVES: dict[str, tuple[str, Stems]] = {
    "hommikune": ("MO", stems("hommikune", "hommikuse", "hommikust", "hommikuste",
                              "hommikusi")),
    "õhtune": ("EV", stems("õhtune", "õhtuse", "õhtust", "õhtuste", "õhtuseid")),
    "öine": ("NI", stems("öine", "öise", "öist", "öiste", "öiseid")),
}
# Recurrence adjectives: "igapäevane" (daily), "iganädalane", "igakuine", "iga-aastane".
EVERY_ADJECTIVES: dict[str, tuple[str, Stems]] = {
    "igapäevane": ("P1D", stems("igapäevane", "igapäevase", "igapäevast", "igapäevaste",
                                "igapäevaseid")),
    "iganädalane": ("P1W", stems("iganädalane", "iganädalase", "iganädalast",
                                 "iganädalaste", "iganädalasi")),
    "igakuine": ("P1M", stems("igakuine", "igakuise", "igakuist", "igakuiste", "igakuiseid")),
    "iga-aastane": ("P1Y", stems("iga-aastane", "iga-aastase", "iga-aastast", "iga-aastaste",
                                 "iga-aastaseid")),
    "igaaastane": ("P1Y", stems("igaaastane", "igaaastase", "igaaastast", "igaaastaste",
                                "igaaastaseid")),
    # "aastaringne" (year-round); its ablative "aastaringselt" is the adverb.
    "aastaringne": ("P1Y", stems("aastaringne", "aastaringse", "aastaringset",
                                 "aastaringsete", "aastaringseid")),
}
# "-aastane" (N years long/old) and its kin: the length adjective of each unit.
LENGTH_ADJECTIVES: dict[str, tuple[str, Stems]] = {
    "aastane": ("year", stems("aastane", "aastase", "aastast", "aastaste", "aastaseid")),
    "kuune": ("month", stems("kuune", "kuuse", "kuust", "kuuste", "kuuseid")),
    "kuuline": ("month", stems("kuuline", "kuulise", "kuulist", "kuuliste", "kuuliseid")),
    "nädalane": ("week", stems("nädalane", "nädalase", "nädalast", "nädalaste",
                               "nädalasi")),
    "päevane": ("day", stems("päevane", "päevase", "päevast", "päevaste", "päevaseid")),
    "päevaline": ("day", stems("päevaline", "päevalise", "päevalist", "päevaliste",
                               "päevaliseid")),
    "tunnine": ("hour", stems("tunnine", "tunnise", "tunnist", "tunniste", "tunniseid")),
    "minutiline": ("minute", stems("minutiline", "minutilise", "minutilist", "minutiliste",
                                   "minutilisi")),
    "sekundiline": ("second", stems("sekundiline", "sekundilise", "sekundilist",
                                     "sekundiliste", "sekundilisi")),
}
# Decades in words: the ordinal of the tens, plural ("üheksakümnendatel" = in the nineties).
DECADE_WORDS: dict[str, int] = {
    "kahekümnenda": 2, "kolmekümnenda": 3, "neljakümnenda": 4, "viiekümnenda": 5,
    "kuuekümnenda": 6, "seitsmekümnenda": 7, "kaheksakümnenda": 8, "üheksakümnenda": 9,
}
# Plural endings after a decade stem ("1990ndatel", "90-ndate", "üheksakümnendad").
DECADE_SUFFIX = re.compile(r"^-?n?da(?:d|te|tel|tes|test|teks|tesse|tele|teni|il|is|ist)$")
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman(text: str) -> int | None:
    """Value of a Roman numeral up to C (centuries, quarters), else ``None``."""
    if not text or any(char not in ROMAN for char in text.lower()):
        return None
    digits = [ROMAN[char] for char in text.lower()]
    # A digit smaller than the one after it is subtracted: "XIX" = 10 - 1 + 10.
    return sum(-value if value < following else value
               for value, following in zip(digits, [*digits[1:], 0], strict=True))


def _build() -> dict[str, tuple[Reading, ...]]:
    """Expand every paradigm above into the surface-form lexicon."""
    lexicon: dict[str, list[Reading]] = {}

    def add(kind: Kind, value: int | float | str, word: Stems, lemma: str) -> None:
        for surface, readings in paradigm(word).items():
            # A fixed order (nominative first, singular before plural): rules read the first
            # reading, and a set's order would change with the hash seed from run to run.
            for case, number in sorted(readings, key=_reading_order):
                lexicon.setdefault(surface, []).append(Reading(kind, value, case, number, lemma))

    for index, (lemma, word) in enumerate(WEEKDAYS.items()):
        add("weekday", index, word, lemma)
        add("weekday", index, _weekday_adjective(lemma), lemma)
    for index, (lemma, word) in enumerate(MONTHS.items(), start=1):
        add("month", index, word, lemma)
        # "maikuus", "aprillikuu", "märtsikuine": compounds on the genitive stem.
        for head in (UNITS["kuu"][1], MONTH_ADJECTIVE):
            add("month", index, prefixed(word.gen[0], head), lemma)
    for lemma, (month, day, word) in HOLIDAYS.items():
        add("holiday", month * 100 + day, word, lemma)
    for lemma, (season, word) in SEASON_ADJECTIVES.items():
        add("season", season, word, lemma)
    for lemma, (part, word) in POD_ADJECTIVES.items():
        add("pod", part, word, lemma)
    for lemma, (value, word) in EVERY_ADJECTIVES.items():
        add("every", value, word, lemma)
    # "igasuvine", "igahommikune": "iga-" on the adjective of a season or part of day.
    for lemma, (season, word) in SEASON_ADJECTIVES.items():
        add("every", f"XXXX-{season}", prefixed("iga", word), "iga" + lemma)
    for lemma, (part, word) in POD_ADJECTIVES.items():
        add("every", f"XXXX-XX-XXT{part}", prefixed("iga", word), "iga" + lemma)
    for lemma, (unit, word) in LENGTH_ADJECTIVES.items():
        add("length", unit, word, lemma)
    for lemma, (unit, word) in UNITS.items():
        add("unit", unit, word, lemma)
    for lemma, (season, word) in SEASONS.items():
        add("season", season, word, lemma)
    for lemma, (part, word) in PARTS_OF_DAY.items():
        add("pod", part, word, lemma)
    for surface, case in NOON_FORMS.items():
        lexicon.setdefault(surface, []).append(Reading("pod", "MI", case, "sg", "lõuna"))
    for surface, case in DAYTIME_FORMS.items():
        lexicon.setdefault(surface, []).append(Reading("pod", "DT", case, "sg", "päev"))
    for word_offset, word in DAY_DEICTIC_ADJECTIVES.items():
        add("day_deictic", word_offset, word, word.nom[0])
    for surface, offset in DAY_DEICTICS.items():
        lexicon.setdefault(surface, []).append(Reading("day_deictic", offset, "nom", "sg",
                                                       surface))
    for word_offset, word in YEAR_DEICTIC_ADJECTIVES.items():
        add("year_deictic", word_offset, word, word.nom[0])
    for surface, offset in YEAR_DEICTICS.items():
        lexicon.setdefault(surface, []).append(Reading("year_deictic", offset, "nom", "sg",
                                                       surface))
    for lemma, (offset, word) in RELATIVE_MODIFIERS.items():
        add("rel", offset, word, lemma)
    for surface, case in SEE_SHORT_FORMS.items():
        lexicon.setdefault(surface, []).append(Reading("rel", 0, case, "sg", "see"))
    for value, word in CARDINALS.items():
        add("num", value, word, word.nom[0])
    for value, word in _compound_cardinals().items():
        add("num", value, word, word.nom[0])
    for lemma, (amount, word) in QUANTIFIERS.items():
        add("quant", -1 if amount is None else amount, word, lemma)
    for value, word in ORDINALS.items():
        add("ord", value, word, word.nom[0])
    for surface, value in REFERENCES.items():
        lexicon.setdefault(surface, []).append(Reading("ref", value, "nom", "sg", surface))
    for lemma, word in TIME_NOUNS.items():
        add("time_noun", lemma, word, lemma)
    for lemma, (value, word) in REFERENCE_NOUNS.items():
        add("ref", value, word, lemma)
    add("ago", "", AGO_ADJECTIVE, "tagune")
    for unit, word in UNITS.values():  # "aastatagune", "nädalatagusest"
        add("ago", unit, prefixed(word.gen[0], AGO_ADJECTIVE), "tagune")
    for surface, value in _adverb_sets().items():
        lexicon.setdefault(surface, []).append(Reading("every", value, "nom", "sg", surface))
    return {surface: tuple(readings) for surface, readings in lexicon.items()}


_CASE_ORDER: dict[str, int] = {case: index for index, case in enumerate(get_args(Case))}


def _reading_order(analysis: tuple[Case, Number]) -> tuple[int, bool]:
    return _CASE_ORDER[analysis[0]], analysis[1] == "pl"


MONTH_ADJECTIVE = stems("kuine", "kuise", "kuist", "kuiste", "kuiseid")


def prefixed(prefix: str, word: Stems) -> Stems:
    """The stems of a compound whose last part is ``word``: only the last part inflects."""
    return Stems(*(tuple(prefix + form for form in forms) for forms in (
        word.nom, word.gen, word.part, word.gen_pl, word.part_pl, word.i_plural,
        word.short_ill,
    )))


def _weekday_adjective(weekday: str) -> Stems:
    """"neljapäevane" / "reedene": the adjective of a weekday ("reedese koosoleku")."""
    base = weekday if weekday.endswith("e") else weekday + "a"
    return stems(f"{base}ne", f"{base}se", f"{base}st", f"{base}ste", f"{base}seid")


def _adverb_sets() -> dict[str, str]:
    """"esmaspäeviti", "hommikuti", "suviti": "-ti" on a genitive or plural stem is a set."""
    made: dict[str, str] = {"öösiti": "XXXX-XX-XXTNI", "kevaditi": "XXXX-SP"}
    sources: list[tuple[str, Stems]] = [
        (f"XXXX-WXX-{index + 1}", word) for index, word in enumerate(WEEKDAYS.values())
    ]
    sources += [(f"XXXX-XX-XXT{part}", word) for part, word in PARTS_OF_DAY.values()]
    sources += [(f"XXXX-{season}", word) for season, word in SEASONS.values()]
    sources += [("XXXX-WXX-WE", UNITS[name][1]) for name in ("nädalavahetus", "nädalalõpp")]
    sources += [("XXXX-WXX-WD", word) for word in WORKDAYS]
    for value, word in sources:
        for stem in word.gen + word.part_pl + word.i_plural:
            made.setdefault(stem + ADVERB_SUFFIX, value)
    # "kolmapäevaõhtuti": a weekday's genitive glued to a part of day's adverb.
    for index, day in enumerate(WEEKDAYS.values()):
        for part, word in PARTS_OF_DAY.values():
            for stem in word.gen + word.part_pl:
                made.setdefault(day.gen[0] + stem + ADVERB_SUFFIX, f"XXXX-WXX-{index + 1}T{part}")
    return made


def _compound_cardinals() -> dict[int, Stems]:
    """Teens (``kaksteist``), tens (``kakskümmend``) and hundreds (``kakssada``) from 1-9.

    Each part of an Estonian compound numeral inflects: ``kahekümne``, ``kahekümnel``.
    """
    made: dict[int, Stems] = {}
    for value in range(1, 10):
        unit = CARDINALS[value]
        made[10 + value] = Stems(
            tuple(f"{nom}teist" for nom in unit.nom),
            tuple(f"{gen}teistkümne" for gen in unit.gen),
            tuple(f"{gen}teist" for gen in unit.gen) + tuple(
                f"{gen}teistkümmend" for gen in unit.gen),
        )
        if value > 1:
            made[10 * value] = Stems(
                tuple(f"{nom}kümmend" for nom in unit.nom),
                tuple(f"{gen}kümne" for gen in unit.gen),
                tuple(f"{part}kümmend" for part in unit.part + unit.gen),
            )
            made[100 * value] = Stems(
                tuple(f"{nom}sada" for nom in unit.nom),
                tuple(f"{gen}saja" for gen in unit.gen),
                tuple(f"{part}sada" for part in unit.part + unit.gen),
            )
    return made


LEXICON: dict[str, tuple[Reading, ...]] = _build()
