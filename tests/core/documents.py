"""Builders for real files of each format, so loader tests read the bytes a user would have."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx


def make_pdf(text_lines: list[str], title: str | None = None, date: str | None = None) -> bytes:
    """A minimal, valid single-page PDF with a text layer and an info dictionary."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in text_lines
    ) + " ET"
    info = ""
    if title:
        info += f"/Title ({title}) "
    if date:
        info += f"/CreationDate (D:{date.replace('-', '')}120000Z) "
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< {info}>>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def make_docx(paragraphs: list[str], title: str | None = None) -> bytes:
    """A .docx written by python-docx, as Word would save it."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if title:
        document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def docx_bomb(inflated: int, paragraphs: bool) -> bytes:
    """A Word file whose document.xml inflates to ``inflated`` bytes (whole megabytes) of highly
    compressible XML: a comment (libxml2 refuses it only after inflating) or one huge paragraph.
    Written in streaming, so a 2 GB bomb costs no memory to make."""
    base = zipfile.ZipFile(io.BytesIO(make_docx(["Hi"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in base.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, base.read(info))
                continue
            head, tail = base.read(info).split(b"<w:body>")
            start, block, end = (
                (b"<w:p><w:r><w:t>", b"a" * (1 << 20), b"</w:t></w:r></w:p>") if paragraphs
                else (b"<!--", b" " * (1 << 20), b"-->")
            )
            with bomb.open(info, "w", force_zip64=True) as part:
                part.write(head + b"<w:body>" + start)
                for _ in range(inflated >> 20):
                    part.write(block)
                part.write(end + tail)
    return out.getvalue()
