"""The Estonian rules through ``timeweave.temporal.tag``: the seed's expressions, anchored."""

from __future__ import annotations

import datetime as dt

from timeweave.model import DocumentDate
from timeweave.temporal import tag

SEED = ("Terrorirühmitused on kandnud viimastel kuudel väga raskeid kaotusi. Ilja Rogatšjov "
        "hoiatas neljapäeval, et IS on saamas võrgustik. Putin teatas sel nädalal, et Venemaa "
        "ja Türgi süvendavad koostööd.")
MONTH_DCT = DocumentDate.parse("2017-10", "header")


def test_seed_expressions_under_a_month_only_dct() -> None:
    found = {timex.text: timex for timex in tag(SEED, "et", MONTH_DCT)}
    assert set(found) == {"viimastel kuudel", "neljapäeval", "sel nädalal"}
    thursday = found["neljapäeval"]
    assert thursday.type == "DATE"
    # A month-only DCT: some Thursday, bounded by the month (a reported Thursday is in the
    # past, so it may be the last Thursday of September), never an invented day.
    assert thursday.value == "XXXX-WXX-4"
    assert thursday.earliest is not None
    assert thursday.latest is not None
    assert dt.date(2017, 9, 25) <= thursday.earliest <= dt.date(2017, 10, 5)
    assert thursday.latest <= dt.date(2017, 10, 31)
    week = found["sel nädalal"]
    assert week.earliest is not None
    assert week.latest is not None
    assert week.earliest <= dt.date(2017, 10, 2)
    assert week.latest >= dt.date(2017, 10, 31)
    months = found["viimastel kuudel"]
    assert (months.type, months.value) == ("DURATION", "PXM")
    assert months.latest is not None
    assert months.latest <= dt.date(2017, 10, 31)


def test_day_dct_resolves_relative_dates() -> None:
    dct = DocumentDate.parse("2017-10-19", "header")
    text = "Eile teatas ministeerium, et mullu ja kaks päeva tagasi ning 22. oktoobril 2017."
    values = [(timex.text, timex.value) for timex in tag(text, "et", dct)]
    assert values == [("Eile", "2017-10-18"), ("mullu", "2016"),
                      ("kaks päeva tagasi", "2017-10-17"), ("22. oktoobril 2017", "2017-10-22")]


def test_year_named_relative_to_the_dct() -> None:
    # August 2007: "last year's June" is June 2006, not the June just gone.
    dct = DocumentDate.parse("2007-08-27", "header")
    text = "Eksport jäi eelmise aasta juunikuu tasemele, mullu suvel oli see väiksem."
    values = [(timex.text, timex.value) for timex in tag(text, "et", dct)]
    assert values == [("eelmise aasta juunikuu", "2006-06"), ("mullu suvel", "2006-SU")]


def test_story_anchored_days_and_shifts_count_from_the_last_named_date() -> None:
    dct = DocumentDate.parse("2006-08-12", "header")
    text = ("Maja valmis 1906. aastal. Viis aastat varem ei olnud seltsi juhtkond nõus. "
            "Etendus oli 13. augustil 1906 ja järgmisel päeval kirjutasid lehed sellest.")
    values = [(timex.text, timex.value) for timex in tag(text, "et", dct)]
    assert values == [("1906. aastal", "1906"), ("Viis aastat varem", "1901"),
                      ("13. augustil 1906", "1906-08-13"), ("järgmisel päeval", "1906-08-14")]


def test_then_is_the_story_time_when_the_text_named_one() -> None:
    dct = DocumentDate.parse("2006-08-12", "header")
    named = tag("Festival peeti läinud aastal. Toona sai preemia Ang Lee.", "et", dct)
    assert [(timex.text, timex.value) for timex in named] == [("läinud aastal", "2005"),
                                                              ("Toona", "2005")]
    alone = tag("Toona sai preemia Ang Lee.", "et", dct)
    assert [(timex.text, timex.value) for timex in alone] == [("Toona", "PAST_REF")]


def test_a_clock_time_on_its_own_line_takes_the_tense_of_the_line_after() -> None:
    dct = DocumentDate.parse("2007-11-12", "header")
    text = ("Laupäeva õhtul kella 21.30 paiku sai politsei teate. Auto oli kadunud.\n\n"
            "Kella 19 ajal\n\noli ta autost lahkunud.")
    assert tag(text, "et", dct)[-1].value == "2007-11-10T19"


def test_tana_as_nowadays_is_the_present_not_the_day() -> None:
    dct = DocumentDate.parse("2000-04-04", "header")
    text = ("Täna on teed info juurde lahti. Eesti on omanik, nagu ta seda on ka täna. "
            "Täna kohtub Eesti Venemaaga.")
    values = [(timex.text, timex.value) for timex in tag(text, "et", dct)]
    assert values == [("Täna", "PRESENT_REF"), ("täna", "PRESENT_REF"), ("Täna", "2000-04-04")]


DAY_DCT = DocumentDate.parse("2007-06-16", "header")


def test_a_time_of_day_alone_is_dated_only_with_a_day_in_view_or_a_past_clause() -> None:
    def values(text: str) -> dict[str, str]:
        return {timex.text: timex.value for timex in tag(text, "et", DAY_DCT)}

    # Generic advice: no day named, present tense - the gold leaves it undated, no bounds.
    generic = tag("Ja üldse pole tarvis hilja õhtul süüa.", "et", DAY_DCT)
    assert [(t.value, t.earliest, t.latest) for t in generic] == [("TEV", None, None)]
    # A day named in the sentence before: that day's evening.
    assert values("Teisipäeval algab pidu. Õhtul esineb ansambel.")["Õhtul"] == "2007-06-19TEV"
    # Told in the past: one episode, on the story's day.
    assert values("Pikk päev. Õhtul tuli politsei kohale.")["Õhtul"] == "2007-06-16TEV"
    # Several sentences after the day: out of view again.
    assert values("Teisipäeval algab pidu. Üks. Kaks. Õhtul on liiklus väiksem.")["Õhtul"] == "TEV"


def test_the_night_before_a_day_is_one_expression_on_that_day() -> None:
    dct = DocumentDate.parse("2009-12-16", "header")
    found = tag("Tapatalgud korraldasid hundid ööl vastu 14. septembrit, kui suri lammas. "
                "Ööl vastu eilset kadus auto.", "et", dct)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("ööl vastu 14. septembrit", "TIME", "2009-09-14TNI"),
        ("Ööl vastu eilset", "TIME", "2009-12-15TNI"),
    ]


def test_noon_and_midnight_are_clock_times() -> None:
    found = tag("Neljapäeva südaööl süttis hoone. Keskpäeval lendasid nad koju.", "et", DAY_DCT)
    # The noon is on the Thursday the sentence before named.
    assert [t.value for t in found] == ["2007-06-14T00:00", "2007-06-14T12:00"]


def test_a_day_named_with_its_part_of_day_is_the_day_that_follows_times_count_from() -> None:
    dct = DocumentDate.parse("2007-01-07", "header")
    text = ("Ööl vastu esmaspäeva pilvisus tiheneb. Päeval on pilves ilm. "
            "Neljapäeva öösel sajab lund, päeval on pilvi vähem.")
    assert [(timex.text, timex.value) for timex in tag(text, "et", dct)] == [
        ("Ööl vastu esmaspäeva", "2007-01-08TNI"), ("Päeval", "2007-01-08TDT"),
        ("Neljapäeva öösel", "2007-01-11TNI"), ("päeval", "2007-01-11TDT")]


def test_the_part_of_the_day_towards_evening_is_evening() -> None:
    dct = DocumentDate.parse("2007-08-27", "header")
    found = tag("Eile õhtupoolikul juhtus õnnetus.", "et", dct)
    assert [(timex.text, timex.value) for timex in found] == [
        ("Eile õhtupoolikul", "2007-08-26TEV")]


def test_a_year_without_its_ordinal_dot_is_a_year_not_a_count_of_years() -> None:
    dct = DocumentDate.parse("2010-01-16", "header")
    found = tag("Nad olid võimul kuni 2004 aasta sügiseni. Kolm aastat läks mööda.", "et", dct)
    assert [(timex.text, timex.type, timex.value) for timex in found] == [
        ("kuni 2004 aasta sügiseni", "DATE", "2004-FA"), ("Kolm aastat", "DURATION", "P3Y")]


def test_a_decimal_length_that_is_no_whole_number_of_smaller_units_keeps_its_decimals() -> None:
    dct = DocumentDate.parse("2007-02-01", "header")
    found = tag("Ta sai 1,8 aastat tingimisi, koosolek kestis 2,5 tundi.", "et", dct)
    assert [timex.value for timex in found] == ["P1.8Y", "PT2H30M"]


def test_hours_and_minutes_later_count_from_the_clock_time_the_story_named() -> None:
    dct = DocumentDate.parse("2007-08-27", "header")
    found = tag("Eile kell 5.30 leiti ta. Paar tundi varem oli ta ööklubis. "
                "Poolteist tundi hiljem saabus kiirabi.", "et", dct)
    assert [timex.value for timex in found] == [
        "2007-08-26T05:30", "2007-08-26T03:30", "2007-08-26T05:00"]  # from the last time named


def test_the_second_month_of_a_dashed_range_shares_the_first_ones_year() -> None:
    dct = DocumentDate.parse("2009-12-14", "header")
    found = tag("Õue sõlmis 2003. aasta jaanuaris-veebruaris lepingu.", "et", dct)
    assert [(timex.text, timex.value) for timex in found] == [
        ("2003. aasta jaanuaris", "2003-01"), ("veebruaris", "2003-02")]


def test_paeval_after_a_day_adverb_is_its_daytime_after_an_adjective_the_day() -> None:
    found = tag("Täna päeval kustutatakse. Tänasel päeval on pidu.", "et", DAY_DCT)
    assert [(timex.text, timex.type, timex.value) for timex in found] == [
        ("Täna päeval", "TIME", "2007-06-16TDT"), ("Tänasel päeval", "DATE", "2007-06-16")]


def test_the_second_year_of_a_range_is_a_year_a_range_of_prices_is_not() -> None:
    dct = DocumentDate.parse("2007-02-01", "header")
    found = tag("Aastatel 1997-2003 oli ta juht, Põhjasõda (1700-1721) lõppes. "
                "Hind oli 1200-2000 krooni.", "et", dct)
    assert [(timex.text, timex.value) for timex in found] == [
        ("Aastatel 1997", "1997"), ("2003", "2003"), ("1700", "1700"), ("1721", "1721")]


def test_an_age_in_brackets_after_a_name_is_a_length_of_life() -> None:
    dct = DocumentDate.parse("2006-08-12", "header")
    found = tag("Laulja Roger Daltrey ( 62 ) ja Steffi Graf (7) ning Tõnu (23) esinesid.", "et",
                dct)
    assert [(timex.text, timex.type, timex.value) for timex in found] == [
        ("62", "DURATION", "P62Y"), ("23", "DURATION", "P23Y")]
