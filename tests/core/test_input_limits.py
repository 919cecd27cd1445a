"""Inputs at and past the limits: long texts, zip bombs, deep HTML, one failing file among good."""

from __future__ import annotations

import io
import logging
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from tests.core.documents import docx_bomb, make_docx, make_pdf, write
from timeweave import nlp, pipeline
from timeweave.errors import DocumentError
from timeweave.loaders import load_document
from timeweave.loaders.docx import MAX_RATIO


def test_a_text_over_a_million_characters_is_analysed_with_the_others(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    """spaCy refuses more than 1,000,000 characters at once (E088); the limit is 2,000,000."""
    long = write(tmp_path, "long.txt", b"x" * 1_000_001 + b"\n")
    result = pipeline.run([long, seed_paths[1]])
    assert result.errors == []
    assert [len(a.document.text) for a in result.documents][0] == 1_000_001


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    limit=st.integers(min_value=1, max_value=60),
)
def test_pieces_join_back_to_the_text(text: str, limit: int) -> None:
    pieces = nlp.split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(piece) <= limit for piece in pieces)


def test_pieces_are_cut_at_paragraph_breaks() -> None:
    text = "One two.\n\nThree four five.\n\nSix."
    assert nlp.split_text(text, 20) == ["One two.\n\n", "Three four five.\n\n", "Six."]


def test_a_parse_in_pieces_keeps_offsets_and_document_wide_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bare surname far from the full name is still a person when they are in other pieces."""
    filler = "\n\n".join(["The talks went on for hours and nothing was agreed."] * 40)
    text = (
        "Deputy Foreign Minister Oleg Seromolotov spoke in Moscow.\n\n"
        f"{filler}\n\nSeromolotov said the talks would resume."
    )
    whole = nlp.parse(text, "en")
    nlp.clear_cache()
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 500)
    pieces = nlp.parse(text, "en")
    assert len(nlp.split_text(text, 500)) > 3
    assert pieces.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in pieces)
    people = [(e.start_char, e.text) for e in pieces.ents if e.label_ == "PERSON"]
    assert (text.rindex("Seromolotov"), "Seromolotov") in people
    assert people == [(e.start_char, e.text) for e in whole.ents if e.label_ == "PERSON"]
    nlp.clear_cache()


def test_an_unexpected_failure_in_one_file_spares_the_others(
    seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever goes wrong inside one document's analysis is that document's error; the
    traceback goes to the debug log (``timeweave --debug``)."""
    caplog.set_level(logging.DEBUG, logger="timeweave.parallel")
    real = pipeline.analyse

    def analyse(document, parsed=None):  # type: ignore[no-untyped-def]
        if document.language == "et":
            raise RuntimeError("boom")
        return real(document, parsed)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    result = pipeline.run(seed_paths)
    assert [a.document.language for a in result.documents] == ["en"]
    [error] = result.errors
    assert error.path == str(seed_paths[0])
    assert "RuntimeError: boom" in error.message
    assert "unexpected error" in error.message
    assert "Traceback" in caplog.text
    assert "RuntimeError: boom" in caplog.text


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    megabytes=st.integers(min_value=2, max_value=30), paragraphs=st.booleans(),
)
def test_a_zip_bomb_is_refused_before_it_is_inflated(
    tmp_path: Path, megabytes: int, paragraphs: bool
) -> None:
    path = write(tmp_path, "bomb.docx", docx_bomb(megabytes * 1024 * 1024, paragraphs))
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match="zip bomb"):
            load_document(path, "d1")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024 + path.stat().st_size * 4  # the file, not its 2-30 MB inflation


def test_a_large_ordinary_word_file_still_opens(seed_paths: list[Path], tmp_path: Path) -> None:
    """A long report (varied words, as real text is) inflates far less than a bomb."""
    words = seed_paths[1].read_text(encoding="utf-8").split()
    shuffle = random.Random(1).shuffle
    paragraphs = []
    for _ in range(1400):
        shuffle(words)
        paragraphs.append(" ".join(words[:120]))
    path = write(tmp_path, "big.docx", make_docx(["The ministers met in Tallinn.", *paragraphs]))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        assert info.file_size > 1024 * 1024  # large enough for the ratio rule to look at it
        assert info.file_size / info.compress_size < MAX_RATIO
    assert load_document(path, "d1").text.startswith("The ministers met")


def _encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(["Talks resumed on 22 October 2019."]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_encrypted_with_an_empty_password_opens(tmp_path: Path) -> None:
    """Permissions-only encryption (no printing, no copying) is common in press releases."""
    path = write(tmp_path, "release.pdf", _encrypted_pdf(""))
    assert load_document(path, "d1").text == "Talks resumed on 22 October 2019."


def test_a_pdf_with_a_real_password_is_refused_clearly(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.pdf", _encrypted_pdf("secret"))
    with pytest.raises(DocumentError, match="protected by a password"):
        load_document(path, "d1")


HOSTILE_HTML = """<!DOCTYPE html [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<html><head><title>Hostile page</title></head><body><article>
<h1>Talks resumed in Geneva</h1>
<p>The delegations met in Geneva on Tuesday to resume the talks that had stalled, officials
said.</p>
<iframe src="http://example.com/frame">IFRAMETEXT fallback for old browsers</iframe>
<p>The next round is planned for March 2020, according to the ministry, which gave no more
details.</p>
<object data="file:///etc/passwd">OBJECTTEXT</object>
<p>&xxe;</p>
</article></body></html>
"""


def test_embedded_fallback_text_and_doctype_tails_are_not_article_text(tmp_path: Path) -> None:
    text = load_document(write(tmp_path, "h.html", HOSTILE_HTML.encode()), "d1").text
    assert "The delegations met in Geneva" in text
    assert "planned for March 2020" in text
    for junk in ("IFRAMETEXT", "OBJECTTEXT", "]>", "&xxe;", "ENTITY"):
        assert junk not in text


def test_a_sentence_under_100000_nested_divs_is_read(tmp_path: Path) -> None:
    """libxml2 gives up past 256 levels; the text is still there to read."""
    sentence = "The ministers met in Tallinn on 12 March 2019 and agreed on a common plan."
    depth = 100_000
    page = f"<html><body>{'<div>' * depth}<p>{sentence}</p>{'</div>' * depth}</body></html>"
    document = load_document(write(tmp_path, "deep.html", page.encode()), "d1")
    assert document.text == sentence
