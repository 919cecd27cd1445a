"""Hostile input never crashes a loader: it loads, or it fails with a DocumentError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.documents import make_docx, make_pdf
from timeweave.errors import DocumentError
from timeweave.loaders import load_document


def _load_or_error(path: Path) -> None:
    try:
        document = load_document(path, "d1")
    except DocumentError as exc:
        reason = exc.reason
        assert reason  # every refusal says why
        return
    assert document.text.strip()
    assert "\r" not in document.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".html", ".md", ".pdf", ".docx"])
)
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _load_or_error(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.floats(min_value=0.0, max_value=1.0), flip=st.integers(min_value=0, max_value=10**6))
def test_damaged_pdf_and_docx(tmp_path: Path, cut: float, flip: int) -> None:
    for name, data in (
        ("d.pdf", make_pdf(["Hello 22 October 2019"])),
        ("d.docx", make_docx(["Hi"])),
    ):
        damaged = bytearray(data[: max(1, int(len(data) * cut))])
        damaged[flip % len(damaged)] ^= 0xFF
        path = tmp_path / name
        path.write_bytes(bytes(damaged))
        _load_or_error(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=2000))
def test_random_text_in_any_encoding(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.txt"
    for encoding in ("utf-8", "utf-16", "utf-8-sig"):
        path.write_bytes(text.encode(encoding))
        _load_or_error(path)


def test_docx_with_a_corrupt_deflate_stream(tmp_path: Path) -> None:
    """Found by hypothesis: one flipped byte inside a compressed part raised zlib.error."""
    damaged = bytearray(make_docx(["Hi"]))
    damaged[49] ^= 0xFF
    path = tmp_path / "d.docx"
    path.write_bytes(bytes(damaged))
    _load_or_error(path)
