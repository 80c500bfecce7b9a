"""The Linux desktop metadata validates, carries the one version, and the icons render from the SVG."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from msp_console import __version__
from tests.support.components import missing

TOP = Path(__file__).resolve().parents[2]
LINUX = TOP / "packaging" / "linux"
DESKTOP = LINUX / "io.github.msp_console.MspConsole.desktop"
METAINFO = LINUX / "io.github.msp_console.MspConsole.metainfo.xml"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing(name, f"apt-get install {package}")
    assert path is not None
    return path


def test_desktop_file_validates() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout


def test_appstream_metadata_validates_and_its_newest_release_is_this_version() -> None:
    tool = _tool("appstreamcli", "appstream")
    done = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    releases = re.findall(r'<release version="([^"]+)"', METAINFO.read_text(encoding="utf-8"))
    assert releases and releases[0] == __version__, (
        "add a <release> for the new version (msp_console.__version__)"
    )


def test_icons_render_from_the_svg(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(TOP / "packaging" / "icons" / "render_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    for size in (16, 32, 48, 256, 512):
        png = (tmp_path / f"msp-console-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == size
    ico = (tmp_path / "msp-console.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") == 7
