"""Estonian rules: spans and specs of ``et.LANGUAGE.find``, family by family."""

from __future__ import annotations

import pytest

from timeweave.lang import et
from timeweave.lang.et.morphology import paradigm
from timeweave.lang.et.vocab import LEXICON, UNITS
from timeweave.temporal.base import (
    Absolute,
    Duration,
    Recurrence,
    Reference,
    Relative,
    TimeSpec,
    Weekday,
)


def only(text: str) -> tuple[str, str, TimeSpec, str | None]:
    """The single mention in ``text``: its text, type, spec and modifier."""
    mentions = et.LANGUAGE.find(text)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    return text[mention.start:mention.end], mention.type, mention.spec, mention.mod


def test_paradigm_is_generated_for_every_case() -> None:
    forms = paradigm(UNITS["nädal"][1])
    for form in ("nädal", "nädala", "nädalat", "nädalas", "nädalast", "nädalasse", "nädalal",
                 "nädalalt", "nädalale", "nädalaks", "nädalani", "nädalana", "nädalata",
                 "nädalaga", "nädalad", "nädalate", "nädalaid", "nädalatel", "nädalatest",
                 "nädalateks", "nädalail"):
        assert form in forms
    assert ("ade", "pl") in forms["nädalatel"]


@pytest.mark.parametrize(("text", "weekday"), [
    ("neljapäeval", 3), ("neljapäevast", 3), ("neljapäevani", 3), ("neljapäevaks", 3),
    ("esmaspäeval", 0), ("teisipäevast", 1), ("kolmapäevaks", 2), ("reedel", 4),
    ("laupäevani", 5), ("pühapäeval", 6), ("reedese", 4), ("laupäevasel", 5),
])
def test_inflected_weekdays(text: str, weekday: int) -> None:
    assert only(text) == (text, "DATE", Weekday(weekday), None)


@pytest.mark.parametrize(("text", "month"), [
    ("oktoobris", 10), ("oktoobrist", 10), ("oktoobrini", 10), ("oktoobriks", 10),
    ("jaanuaris", 1), ("mais", 5), ("maini", 5), ("detsembrist", 12), ("märtsil", 3),
    ("maikuus", 5), ("aprillikuu", 4), ("juunikuine", 6),
])
def test_inflected_months(text: str, month: int) -> None:
    assert only(text) == (text, "DATE", Absolute(month=month), None)


@pytest.mark.parametrize(("text", "value"), [
    ("kolm aastat", "P3Y"), ("kolme aasta jooksul", "P3Y"), ("kolmeks aastaks", "P3Y"),
    ("kolmel päeval", "P3D"), ("kahe nädala jooksul", "P2W"), ("kahe nädalaga", "P2W"),
    ("üks kuu", "P1M"), ("ühe tunniga", "PT1H"), ("kümme minutit", "PT10M"),
    ("kakskümmend viis aastat", "P25Y"), ("kahekümne viie aasta jooksul", "P25Y"),
    ("sada aastat", "P100Y"), ("3 päeva", "P3D"), ("poolteist tundi", "PT1H30M"),
    ("pool aastat", "P6M"), ("mitu aastat", "PXY"), ("aastaid", "PXY"),
    ("nädala jooksul", "P1W"), ("15-aastane", "P15Y"), ("kolmeaastase", "P3Y"),
    ("pooletunnine", "PT30M"), ("kaheksateist kuud", "P18M"),
])
def test_durations_with_inflected_numerals(text: str, value: str) -> None:
    assert only(text)[:3] == (text, "DURATION", Duration(value))


@pytest.mark.parametrize(("text", "spec"), [
    ("viimastel kuudel", Duration("PXM", -1)), ("viimastel aastatel", Duration("PXY", -1)),
    ("viimase kolme aasta jooksul", Duration("P3Y", -1)),
    ("järgmise kahe nädala jooksul", Duration("P2W", 1)),
    ("eelmistel aastatel", Duration("PXY", -1)),
])
def test_anchored_durations(text: str, spec: Duration) -> None:
    assert only(text)[:3] == (text, "DURATION", spec)


@pytest.mark.parametrize(("text", "spec"), [
    ("eile", Relative("day", -1)), ("täna", Relative("day", 0)), ("homme", Relative("day", 1)),
    ("üleeile", Relative("day", -2)), ("ülehomme", Relative("day", 2)),
    ("tänasest", Relative("day", 0)), ("eilseks", Relative("day", -1)),
    ("mullu", Relative("year", -1)), ("tunamullu", Relative("year", -2)),
    ("tänavu", Relative("year", 0)), ("tänavugi", Relative("year", 0)),
    ("mulluse", Relative("year", -1)),
    ("praegu", Reference("PRESENT_REF")), ("nüüd", Reference("PRESENT_REF")),
    ("hiljuti", Reference("PAST_REF")), ("varsti", Reference("FUTURE_REF")),
    ("tulevikus", Reference("FUTURE_REF")), ("praegusel ajal", Reference("PRESENT_REF")),
    ("viimasel ajal", Reference("PAST_REF")), ("tänapäeval", Reference("PRESENT_REF")),
    ("lähiaastatel", Reference("FUTURE_REF")), ("lähipäevil", Reference("FUTURE_REF")),
    ("lähi nädalatel", Reference("FUTURE_REF")),
])
def test_deictics_and_references(text: str, spec: TimeSpec) -> None:
    assert only(text)[:3] == (text, "DATE", spec)


@pytest.mark.parametrize(("text", "spec"), [
    ("sel nädalal", Relative("week", 0)), ("selle nädala", Relative("week", 0)),
    ("sel aastal", Relative("year", 0)), ("eelmisel kuul", Relative("month", -1)),
    ("eelmise kuu", Relative("month", -1)), ("eelmiseks aastaks", Relative("year", -1)),
    ("möödunud aastal", Relative("year", -1)), ("möödunud nädalast", Relative("week", -1)),
    ("järgmisel aastal", Relative("year", 1)), ("järgmiseks nädalaks", Relative("week", 1)),
    ("tuleval nädalal", Relative("week", 1)), ("tulevast kuust", Relative("month", 1)),
    ("üle-eelmisel aastal", Relative("year", -2)), ("käesoleval aastal", Relative("year", 0)),
    ("eelmisel nädalavahetusel", Relative("weekend", -1)),
    ("eelmise sajandi", Relative("century", -1)),
    ("kaks päeva tagasi", Relative("day", -2)), ("kolme aasta pärast", Relative("year", 3)),
    ("aasta tagasi", Relative("year", -1)), ("kahe nädala eest", Relative("week", -2)),
    ("poolteist aastat tagasi", Relative("month", -18)),
    ("kolme aasta tagune", Relative("year", -3)),
])
def test_relative_periods_in_several_cases(text: str, spec: TimeSpec) -> None:
    assert only(text)[:3] == (text, "DATE", spec)


@pytest.mark.parametrize(("text", "spec"), [
    ("eelmisel reedel", Weekday(4, -1)), ("järgmisel esmaspäeval", Weekday(0, 1)),
    ("läinud laupäeval", Weekday(5, -1)), ("sel neljapäeval", Weekday(3, 0)),
    ("järgmise nädala teisipäeval", Weekday(1, 1)),
    ("eelmise aasta detsembris", Absolute(month=12, year_offset=-1)),
    ("tuleva aasta suvel", Absolute(season="SU", year_offset=1)),
    ("möödunud aasta 3. märtsil", Absolute(month=3, day=3, year_offset=-1)),
    ("sama aasta mais", Absolute(month=5)),
    ("sel kevadel", Absolute(season="SP", direction=0)),
    ("eelmisel sügisel", Absolute(season="FA", direction=-1)),
    ("tänavu mais", Absolute(month=5, year_offset=0)),
    ("mullu suvel", Absolute(season="SU", year_offset=-1)),
    ("mullusuvist", Absolute(season="SU", year_offset=-1)),
    ("tunamullukevadel", Absolute(season="SP", year_offset=-2)),
    ("tänavuveebruaris", Absolute(month=2, year_offset=0)),
])
def test_weekdays_months_seasons_placed_by_modifiers(text: str, spec: TimeSpec) -> None:
    assert only(text)[:3] == (text, "DATE", spec)


@pytest.mark.parametrize(("text", "spec", "mod"), [
    ("22. oktoobril", Absolute(None, 10, 22), None),
    ("22. oktoobrist", Absolute(None, 10, 22), None),
    ("22. okt. 2017", Absolute(2017, 10, 22), None),
    ("22.10.2017", Absolute(2017, 10, 22), None),
    ("2017-10-22", Absolute(2017, 10, 22), None),
    ("2017. aastal", Absolute(2017), None), ("2017. aastast", Absolute(2017), None),
    ("1990. aastal", Absolute(1990), None), ("aastal 2015", Absolute(2015), None),
    ("18. märtsil 1946. aastal", Absolute(1946, 3, 18), None),
    ("1906. aasta 12. augustil", Absolute(1906, 8, 12), None),
    ("2007. aasta mais", Absolute(2007, 5), None), ("oktoobris 1944", Absolute(1944, 10), None),
    ("1998. märtsini", Absolute(1998, 3), None),
    ("2005. aasta sügisel", Absolute(2005, season="FA"), None),
    ("2000. aasta esimeses kvartalis", Absolute(2000, quarter=1), None),
    ("1990ndatel", Absolute(decade=199), None), ("1990-ndatel", Absolute(decade=199), None),
    ("90ndate", Absolute(decade=199), None), ("1920. aastatel", Absolute(decade=192), None),
    ("üheksakümnendatel", Absolute(decade=199), None),
    ("19. sajandil", Absolute(century=18), None), ("XXI sajandil", Absolute(century=20), None),
    ("aasta lõpus", Relative("year", 0), "END"), ("kuu alguses", Relative("month", 0), "START"),
    ("nädala keskel", Relative("week", 0), "MID"),
    ("märtsi lõpus", Absolute(month=3), "END"), ("2010. aasta lõpuks", Absolute(2010), "END"),
    ("eelmise aasta lõpus", Relative("year", -1), "END"),
    ("sügisel", Absolute(season="FA"), None), ("talvel", Absolute(season="WI"), None),
    ("hilissügisel", Absolute(season="FA"), "END"),
    ("jaanipäeval", Absolute(month=6, day=24), None),
    ("alates 7. aprillist", Absolute(None, 4, 7), "ON_OR_AFTER"),
    ("pärast 2008. aastat", Absolute(2008), "AFTER"),
    ("umbes kolm aastat tagasi", Relative("year", -3), "APPROX"),
])
def test_dates_with_numbers_and_positions(text: str, spec: TimeSpec, mod: str | None) -> None:
    assert only(text) == (text, "DATE", spec, mod)


def test_a_range_of_days_gives_the_first_day_its_month() -> None:
    text = "1.-3. märtsini"
    found = [(text[m.start:m.end], m.spec) for m in et.LANGUAGE.find(text)]
    assert found == [("1.", Absolute(None, 3, 1)), ("3. märtsini", Absolute(None, 3, 3))]


@pytest.mark.parametrize(("text", "spec"), [
    ("kell 14", Absolute(hour=14)), ("kell 14.30", Absolute(hour=14, minute=30)),
    ("kella 18ni", Absolute(hour=18)), ("kell 7 õhtul", Absolute(hour=19)),
    # An hour in words is the 12-hour clock: one to eight is afternoon or evening unless
    # the clause says morning or night; digits are the 24-hour clock.
    ("kella kuueni", Absolute(hour=18)), ("kella poole nelja", Absolute(hour=15, minute=30)),
    ("täna kell seitse", Relative("day", 0, hour=19)), ("kell üheksa", Absolute(hour=9)),
    ("hommikul kella kuuest", Absolute(hour=6)), ("kell 6", Absolute(hour=6)),
    ("kella kahe ajal öösel", Absolute(hour=2)),
    ("enne kella kuut", Absolute(hour=17)), ("enne kella 21", Absolute(hour=20)),
    ("08:15", Absolute(hour=8, minute=15)), ("kell 05 : 54", Absolute(hour=5, minute=54)),
    ("hommikul", Absolute(part_of_day="MO")), ("öösel", Absolute(part_of_day="NI")),
    ("õhtuks", Absolute(part_of_day="EV")),
    ("eile õhtul", Relative("day", -1, "EV")), ("täna hommikul", Relative("day", 0, "MO")),
    ("eile kella 23 paiku", Relative("day", -1, hour=23)),
    ("neljapäeva õhtul", Weekday(3, part_of_day="EV")),
    ("laupäeval kell 14", Weekday(5, hour=14)),
    ("samal õhtul", Relative("day", 0, "EV", anaphoric=True)),
    ("19. aprillil kell 18.30", Absolute(None, 4, 19, 18, 30)),
    ("11.01.2010 10:14", Absolute(2010, 1, 11, 10, 14)),
])
def test_times_of_day(text: str, spec: TimeSpec) -> None:
    assert only(text)[:3] == (text, "TIME", spec)


@pytest.mark.parametrize(("text", "value"), [
    ("iga päev", "P1D"), ("igal aastal", "P1Y"), ("iga nädal", "P1W"), ("igal nädalal", "P1W"),
    ("igal neljapäeval", "XXXX-WXX-4"), ("esmaspäeviti", "XXXX-WXX-1"),
    ("hommikuti", "XXXX-XX-XXTMO"), ("suviti", "XXXX-SU"), ("kord nädalas", "P1W"),
    ("kolm korda aastas", "P1Y"), ("ööpäevas", "P1D"), ("igapäevase", "P1D"),
    ("iga päev kell 14", "XXXX-XX-XXT14"), ("aastast aastasse", "P1Y"),
    ("esmaspäevadel", "XXXX-WXX-1"), ("nädalavahetustel", "XXXX-WXX-WE"),
    ("nädalalõppudel", "XXXX-WXX-WE"), ("tööpäeviti", "XXXX-WXX-WD"),
    ("kolmapäevaõhtuti", "XXXX-WXX-3TEV"), ("igasuvisele", "XXXX-SU"),
    ("igahommikune", "XXXX-XX-XXTMO"), ("aastaringselt", "P1Y"),
])
def test_sets(text: str, value: str) -> None:
    assert only(text)[:3] == (text, "SET", Recurrence(value))


@pytest.mark.parametrize("text", [
    "n", "k", "N. ja K.", "osales 2000 inimest", "jooksis 1500 meetrit", "kuus inimest",
    "kuid ei tea",
    "August Kitzberg", "Ilmar Talve", "Maiki Udam", "sest aega pole", "viies päeva", "aeg",
    "15", "3,5", "päev", "aasta", "kuu", "tulevikku vaadates", "http://x.ee/f/2009/01/22/a.jpg",
])
def test_false_positives_are_not_time_expressions(text: str) -> None:
    assert et.LANGUAGE.find(text) == []


def test_seed_sentence_spans() -> None:
    text = ("Islamiriik on kandnud viimastel kuudel raskeid kaotusi. Rogatšjov hoiatas "
            "neljapäeval, et ... Putin teatas sel nädalal, et Venemaa ja Türgi ...")
    found = [(text[m.start:m.end], m.type) for m in et.LANGUAGE.find(text)]
    assert found == [("viimastel kuudel", "DURATION"), ("neljapäeval", "DATE"),
                     ("sel nädalal", "DATE")]


def test_every_lexicon_form_is_lower_case_and_found_alone() -> None:
    assert all(form == form.lower() for form in LEXICON)
    assert len(LEXICON) > 3000  # paradigms, not a hand list


@pytest.mark.parametrize(("text", "tense"), [
    ("Putin ütles neljapäeval, et", -1), ("Eile oli ilus ilm", -1),
    ("Ministeerium on teatanud neljapäeval", -1), ("Kohtumine hakkab toimuma neljapäeval", 1),
    ("Neljapäeval", None),
    # The nearest cue decides: the verb beside the mention, not another clause's.
    ("Veebruaris kinkis Siff kliinikumile seadme, millega saab ravida", -1),
    ("Nad jõudsid kokkuleppele ja maalid müüakse sügisel", 1),
    ("Laupäeval lasid nad ühe metssiga", -1), ("Kool avati sügisel", -1),
    ("Sel talvel jaanuarist märtsini suures saalis teenistusi ei peeta", 1),
    ("Tartusse sügisel studeerima pürgivad noored", 1), ("Maja on suletud aasta lõpus", -1),
    # An -s word is a past verb only in the verb's place; elsewhere an inessive or ordinal.
    ("Kaks pääsevad vabadusse ja kolmas juuli keskel", 1),
    ("Ööl vastu esmaspäeva pilvisus tiheneb", 1),
    ("Pühapäeval algavad Kõzõlis pidustused", 1),  # a verb that also modifies time words
])
def test_tense_guess(text: str, tense: int | None) -> None:
    mention = et.LANGUAGE.find(text)[0]
    assert et.LANGUAGE.tense(text, mention.start, mention.end) == tense


def test_kuus_is_a_rate_only_after_a_counted_noun() -> None:
    rate = "Pension on 1326 krooni kuus, lisaks saab ta toetust."
    assert [(rate[m.start:m.end], m.spec) for m in et.LANGUAGE.find(rate)] == [
        ("kuus", Recurrence("P1M"))]
    six = "Ta elas seal kuus aastat ja sai 200 krooni kuus korda."
    assert [six[m.start:m.end] for m in et.LANGUAGE.find(six)] == ["kuus aastat"]


def test_two_time_words_joined_by_a_hyphen_are_two_expressions() -> None:
    text = "ei sõida enam laupäeviti-pühapäeviti ja kasvas jaanuaris-aprillis Ida-Virumaal"
    found = [(text[m.start:m.end], m.spec) for m in et.LANGUAGE.find(text)]
    assert found == [("laupäeviti", Recurrence("XXXX-WXX-6")),
                     ("pühapäeviti", Recurrence("XXXX-WXX-7")),
                     ("jaanuaris", Absolute(month=1)), ("aprillis", Absolute(month=4))]


def test_a_spaced_colon_is_a_clock_only_after_kell() -> None:
    """A match score is written the same way: "võitis 3 : 1"."""
    assert et.LANGUAGE.find("Tartu võitis Pärnut 3 : 1 .") == []
