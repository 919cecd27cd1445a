"""Render ``resources/icons/timeweave.svg`` into the PNG sizes desktops use, plus .ico and .icns.

Run it after editing the SVG (``.venv/bin/python build/icons.py``); the outputs are committed so a
build needs no renderer. Qt's SVG renderer draws offscreen; .ico and .icns are written here with
PNG-compressed entries, which Windows Vista+ and macOS 10.7+ read, so no Pillow is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "timeweave.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The freedesktop hicolor sizes a launcher or a taskbar asks for."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09",
              1024: b"ic10"}


def render(size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons: {SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding each PNG as one entry (0 in the size byte means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family: each entry is a four-letter type, its length, and the PNG."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    pngs = {size: render(size) for size in sorted(set(HICOLOR_SIZES) | set(ICNS_TYPES))}
    for size in HICOLOR_SIZES:
        (ICONS / f"timeweave-{size}.png").write_bytes(pngs[size])
    (ICONS / "timeweave.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "timeweave.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    print(f"icons: wrote {len(HICOLOR_SIZES)} PNGs, timeweave.ico and timeweave.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
