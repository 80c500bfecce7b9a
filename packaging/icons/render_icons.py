"""Renders resources/icons/msp-console.svg to the PNG sizes and the Windows .ico the installers need.

Run by the build (packaging/build-linux.sh, the PyInstaller spec); the outputs are build products,
not committed: `python packaging/icons/render_icons.py OUTDIR`.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
TOP = Path(__file__).resolve().parents[2]
SOURCE = TOP / "resources" / "icons" / "msp-console.svg"


def render(out: Path, source: Path = SOURCE) -> dict[int, Path]:
    """One PNG per size (antialiased by Qt's SVG renderer, offscreen), then the .ico from them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {source}")
    out.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, Path] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out / f"msp-console-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        pngs[size] = path
    write_ico(out / "msp-console.ico", [pngs[s] for s in ICO_SIZES])
    return pngs


def write_ico(path: Path, pngs: list[Path]) -> None:
    """An .ico holding PNG images (Windows Vista and later read these)."""
    blobs = [p.read_bytes() for p in pngs]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for blob in blobs:
        width, height = struct.unpack(">II", blob[16:24])  # from the PNG's IHDR chunk
        entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TOP / "build" / "icons"
    for size, png in render(target).items():
        print(f"{size:>4}px {png}")
    print(f"      {target / 'msp-console.ico'}")
