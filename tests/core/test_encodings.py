"""Decoding: legacy Baltic code pages, UTF-16 without a BOM, UTF-8 with a few damaged bytes, and
the document saying how sure the decoding is."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.documents import write
from timeweave.errors import DocumentError
from timeweave.loaders import load_document

ESTONIAN_WORDS = [
    "õhtul", "šokeeris", "žürii", "kõiki", "tallinnas", "jõuti", "neljapäeval", "kokkuleppele",
    "ütles", "õiguskantsler", "läänemeres", "öösel", "tormas", "sõjaväe", "õppused", "jätkuvad",
    "järgmisel", "nädalal", "välikomandöri", "äärmuslast", "ministeerium", "avalduses",
    "kaotusi", "Šveitsi", "Žanna", "Õismäe", "Ülemiste", "president", "teatas",
]
SAMPLE = (
    "Kuupäev: 12. märts 2019\n\nÕhtul šokeeris Žürii kõiki: Tallinnas jõuti neljapäeval "
    "kokkuleppele, ütles õiguskantsler. Läänemeres öösel tormas, sõjaväe õppused jätkuvad "
    "järgmisel nädalal.\n"
)

_sentences = st.lists(st.sampled_from(ESTONIAN_WORDS), min_size=6, max_size=40).map(
    lambda words: " ".join(words).capitalize() + "."
)
_articles = st.lists(_sentences, min_size=1, max_size=8).map("\n\n".join)


@pytest.mark.parametrize("repeat", [1, 2, 3, 5, 10])
@pytest.mark.parametrize("encoding", ["cp1257", "iso8859_13", "iso8859_4"])
def test_the_probe_sample_in_baltic_code_pages(tmp_path: Path, encoding: str, repeat: int) -> None:
    """Detected as mac_latin2 on main: mojibake and the date header lost."""
    path = write(tmp_path, "e.txt", (SAMPLE * repeat).encode(encoding))
    document = load_document(path, "d1")
    assert document.date.value == "2019-03-12"
    assert document.text.startswith("Õhtul šokeeris Žürii")
    assert document.encoding is not None
    assert document.encoding.guessed


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=_articles,
    encoding=st.sampled_from(["cp1257", "iso8859_13", "iso8859_4", "utf-16-le", "utf-16-be"]),
)
def test_estonian_text_in_any_baltic_or_utf16_form_reads_back(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = write(tmp_path, "t.txt", text.encode(encoding))
    document = load_document(path, "d1")
    assert document.text == text
    assert document.encoding is not None
    assert document.encoding.guessed


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    positions=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=3),
    bad=st.sampled_from([b"\xff", b"\xfe", b"\x80", b"\xc3"]),
)
def test_a_few_damaged_bytes_do_not_turn_utf8_into_mojibake(
    seed_paths: list[Path], tmp_path: Path, positions: list[float], bad: bytes
) -> None:
    """On main three bad bytes made the whole Estonian seed decode as iso8859_10."""
    original = load_document(seed_paths[0], "d1").text
    data = bytearray(seed_paths[0].read_bytes())
    header = 20  # "date 2017-10 " stays readable
    cuts = sorted({header + int(p * (len(data) - header - 1)) for p in positions}, reverse=True)
    for cut in cuts:
        while data[cut] & 0xC0 == 0x80:  # not inside a character: insert between characters
            cut -= 1
        data[cut:cut] = bad
    document = load_document(write(tmp_path, "d.txt", bytes(data)), "d1")
    assert document.text.replace("\ufffd", "") == original
    assert document.encoding is not None
    assert document.encoding.name == "utf-8"
    assert document.encoding.replaced == len(cuts)
    assert document.text.count("\ufffd") == len(cuts)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_english_in_utf16_without_a_bom_has_no_nul_characters(
    seed_paths: list[Path], tmp_path: Path, encoding: str
) -> None:
    """ASCII in UTF-16 is also valid UTF-8 (with NULs); the zero pattern must win."""
    text = seed_paths[1].read_text(encoding="utf-8")
    document = load_document(write(tmp_path, "en.txt", text.encode(encoding)), "d1")
    assert "\x00" not in document.text
    assert document.text.startswith("Russian Foreign Ministry")


def test_clean_utf8_is_not_a_guess(seed_paths: list[Path]) -> None:
    document = load_document(seed_paths[0], "d1")
    assert document.encoding is not None
    assert (document.encoding.name, document.encoding.guessed, document.encoding.replaced) == (
        "utf-8", False, 0,
    )


def test_a_bom_names_the_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "b.txt", codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"))
    document = load_document(path, "d1")
    assert document.encoding is not None
    assert not document.encoding.guessed


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "Die Regierung hat am Dienstag beschlossen, daß die Straßen für Fußgänger "
                   "geöffnet würden."),
        ("cp1252", "Le ministre a déclaré mercredi que la réunion était très importante."),
        ("cp1250", "Minister powiedział w środę, że spotkanie było bardzo ważne dla Łodzi."),
        ("cp1251", "Министр иностранных дел России заявил в среду, что переговоры провалились."),
        ("koi8_r", "Министр иностранных дел России заявил в среду, что переговоры провалились."),
        ("cp1257", "Ārlietu ministrs trešdien paziņoja, ka sarunas ir izgāzušās, ziņo žurnālisti."),
        ("cp1257", "Užsienio reikalų ministras trečiadienį pareiškė, kad derybos žlugo."),
    ],
)
def test_other_languages_in_their_code_pages(tmp_path: Path, encoding: str, text: str) -> None:
    document = load_document(write(tmp_path, "x.txt", text.encode(encoding)), "d1")
    assert document.text == text


def test_the_json_says_how_a_file_was_decoded(tmp_path: Path) -> None:
    from timeweave.model import DocumentAnalysis

    document = load_document(write(tmp_path, "e.txt", SAMPLE.encode("cp1257")), "d1")
    data = DocumentAnalysis(document).to_json()
    assert data["encoding"] == {"name": "cp1257", "guessed": True, "replaced": 0}


def test_16_bit_numbers_are_not_taken_for_utf16(tmp_path: Path) -> None:
    """Binary data can have UTF-16's zero pattern; it decodes to control characters."""
    data = b"".join((n % 200).to_bytes(2, "little") for n in range(4000))
    with pytest.raises(DocumentError, match="binary"):
        load_document(write(tmp_path, "n.txt", data), "d1")
