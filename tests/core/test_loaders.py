"""Loaders: every format a news analyst has, and every way a file can be bad."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from tests.core.documents import make_docx, make_pdf, write
from timeweave.errors import DocumentError
from timeweave.loaders import MAX_FILE_BYTES, load_document

ESTONIAN = "Venemaa president Vladimir Putin teatas sel nädalal, et Süüria kriis lõpeb."
ENGLISH = "Russia's deputy foreign minister said on Thursday that the talks had failed."


def test_estonian_seed_has_month_date_and_no_header(seed_paths: list[Path]) -> None:
    doc = load_document(seed_paths[0], "d1")
    assert doc.date.value == "2017-10"
    assert doc.date.granularity == "month"
    assert doc.date.source == "header"
    assert doc.text.startswith("Hukkunute seas")
    assert "date 2017" not in doc.text
    assert doc.language == "et"


def test_english_seed_has_title_no_date_and_no_trailing_boilerplate(
    seed_paths: list[Path],
) -> None:
    doc = load_document(seed_paths[1], "d2")
    assert doc.title == (
        "Russian Foreign Ministry: Turkish attack on NE, Syria enabled ISIS to return"
    )
    assert doc.date.value is None
    assert doc.date.source == "none"
    assert doc.language == "en"
    assert not doc.text.rstrip().endswith("Other news")
    assert doc.text.endswith("said in its report.")


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1257", b""),
        ("iso-8859-15", b""),
    ],
)
def test_plain_text_in_common_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = "\n\n".join([ESTONIAN, "Rogatšjov hoiatas neljapäeval, et õhtul on kõik läbi."] * 3)
    path = write(tmp_path, "a.txt", prefix + text.encode(encoding))
    doc = load_document(path, "d1")
    assert doc.text == text
    assert "\ufeff" not in doc.text


def test_crlf_becomes_lf_so_offsets_are_portable(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", f"{ENGLISH}\r\n\r\n{ENGLISH}\r\n".encode())
    doc = load_document(path, "d1")
    assert "\r" not in doc.text
    assert doc.text == f"{ENGLISH}\n\n{ENGLISH}"


@pytest.mark.parametrize(
    ("header", "value", "granularity"),
    [
        ("date 2017-10 ", "2017-10", "month"),
        ("Date: 2019-11-20\n\n", "2019-11-20", "day"),
        ("Published: 20 November 2019\n", "2019-11-20", "day"),
        ("published on November 20, 2019\n", "2019-11-20", "day"),
        ("Date: March 2019\n", "2019-03", "month"),
        ("Kuupäev: 20.11.2019\n", "2019-11-20", "day"),
        ("date 2019\n", "2019", "year"),
    ],
)
def test_header_dates_keep_their_precision(
    tmp_path: Path, header: str, value: str, granularity: str
) -> None:
    path = write(tmp_path, "h.txt", (header + ENGLISH).encode())
    doc = load_document(path, "d1")
    assert (doc.date.value, doc.date.granularity, doc.date.source) == (
        value, granularity, "header"
    )
    assert doc.text == ENGLISH


@pytest.mark.parametrize("header", ["date 2019-02-30 ", "Date: 99999\n", "date 2017-13 "])
def test_impossible_header_dates_are_not_dates(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, "h.txt", (header + ENGLISH).encode())
    doc = load_document(path, "d1")
    assert doc.date.value is None


def test_a_date_in_the_text_is_not_a_header(tmp_path: Path) -> None:
    path = write(tmp_path, "h.txt", f"On 2019-11-20 {ENGLISH}".encode())
    doc = load_document(path, "d1")
    assert doc.date.value is None
    assert doc.text.startswith("On 2019-11-20")


def test_html_main_text_title_and_meta_date(tmp_path: Path) -> None:
    body = " ".join([ENGLISH] * 4)
    html = f"""<!DOCTYPE html><html><head><title>Site | Talks fail</title>
    <meta property="article:published_time" content="2019-11-20T08:00:00+02:00"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Talks fail</h1><p>{body}</p><p>{ESTONIAN}</p></article>
    <footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"""
    doc = load_document(write(tmp_path, "page.html", html.encode()), "d1")
    assert doc.format == "html"
    assert doc.date.value == "2019-11-20"
    assert doc.date.source == "meta"
    assert "deputy foreign minister" in doc.text
    assert "Copyright" not in doc.text
    assert "Home" not in doc.text
    assert doc.title == "Talks fail"


def test_pdf_text_title_and_date(tmp_path: Path) -> None:
    data = make_pdf([ENGLISH, "Second line of the report."], title="Report", date="2019-11-20")
    doc = load_document(write(tmp_path, "r.pdf", data), "d1")
    assert doc.format == "pdf"
    assert "deputy foreign minister" in doc.text
    assert doc.title == "Report"
    assert (doc.date.value, doc.date.source) == ("2019-11-20", "pdf")


def test_docx_paragraphs_and_title(tmp_path: Path) -> None:
    data = make_docx([ENGLISH, ESTONIAN], title="Putin in Ankara")
    doc = load_document(write(tmp_path, "r.docx", data), "d1")
    assert doc.format == "docx"
    assert doc.text == f"{ENGLISH}\n\n{ESTONIAN}"
    assert doc.title == "Putin in Ankara"


def test_markdown_text_without_markup(tmp_path: Path) -> None:
    source = f"# Talks fail\n\n{ENGLISH} *Really* [said](http://x) so.\n\n- {ESTONIAN}\n"
    doc = load_document(write(tmp_path, "n.md", source.encode()), "d1")
    assert doc.title == "Talks fail"
    assert "*" not in doc.text
    assert "](" not in doc.text
    assert "Really said so." in doc.text


def test_format_is_chosen_by_content_before_extension(tmp_path: Path) -> None:
    data = make_pdf([ENGLISH])
    doc = load_document(write(tmp_path, "misnamed.txt", data), "d1")
    assert doc.format == "pdf"


def test_language_override(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "a.txt", ENGLISH.encode()), "d1", language="et")
    assert (doc.language, doc.language_source) == ("et", "user")


# --- bad input: one clear error naming the file and the reason ---------------------------


def _error(path: Path) -> str:
    with pytest.raises(DocumentError) as info:
        load_document(path, "d1")
    assert info.value.path == str(path)
    return info.value.reason


def test_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.txt") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert "folder" in _error(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  "])
def test_empty(tmp_path: Path, data: bytes) -> None:
    assert "empty" in _error(write(tmp_path, "e.txt", data))


def test_binary(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    assert "binary" in _error(write(tmp_path, "b.txt", data))


def test_huge_file_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    reason = _error(path)
    assert "20 MB" in reason


def test_broken_utf16(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00\xd8"
    assert "utf-16" in _error(write(tmp_path, "u.txt", data))


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf([ENGLISH])
    assert "PDF" in _error(write(tmp_path, "t.pdf", data[: len(data) // 3]))


def test_truncated_docx(tmp_path: Path) -> None:
    data = make_docx([ENGLISH])
    assert "Word" in _error(write(tmp_path, "t.docx", data[: len(data) // 2]))


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", ENGLISH.encode())
    path.chmod(0)
    try:
        if path.read_bytes():  # running as root: permissions do not apply
            pytest.skip("permissions are not enforced for this user")
    except PermissionError:
        assert _error(path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_special_files_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "regular file" in _error(fifo)


def test_hostile_html_scripts_are_not_text(tmp_path: Path) -> None:
    html = (
        "<html><body><script>alert('x'.repeat(1e9))</script>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></body></html>"
    )
    doc = load_document(write(tmp_path, "x.html", html.encode()), "d1")
    assert "alert" not in doc.text


def test_label_falls_back_to_the_opening_words(seed_paths: list[Path]) -> None:
    estonian = load_document(seed_paths[0], "d1")
    assert estonian.title is None
    assert estonian.label == "Hukkunute seas on 16 välikomandöri ja rohkem…"
    english = load_document(seed_paths[1], "d2")
    assert english.label == english.title
