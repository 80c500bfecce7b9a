"""`msp-console screenshot` renders the main window to a PNG of the requested size."""

from __future__ import annotations

import argparse
import struct
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from msp_console.ui.launch import run_gui
from tests.ui.populate import populate

pytestmark = pytest.mark.ui


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshot_writes_png_of_requested_size(qapp, sqlite_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    app = App.open(sqlite_url)
    populate(app.inventory)
    app.close()
    out = tmp_path / "shots" / "main.png"
    code = main(
        [
            "--database",
            sqlite_url,
            "screenshot",
            str(out),
            "--size",
            "1200x800",
            "--select",
            "Hotel Bellavista/SRV-01",
        ]
    )
    assert code == 0
    assert out.stat().st_size > 10_000
    assert _png_size(out) == (1200, 800)
    assert not list(out.parent.glob(".*.tmp"))  # written atomically, no leftovers


def test_screenshot_refuses_unknown_selection(qapp, sqlite_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.png"
    assert main(["--database", sqlite_url, "screenshot", str(out), "--select", "Nobody"]) == 1
    assert "Nobody" in capsys.readouterr().err
    assert not out.exists()


def test_gui_opens_on_the_database_and_exits_cleanly(qapp, sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`msp-console` with no command opens the window (selecting --select) and returns 0 on close."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from msp_console.ui.main_window import MainWindow

    app = App.open(sqlite_url)
    populate(app.inventory)
    app.close()
    seen: list[str] = []

    def close_when_loaded() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].tree.current_ref() is not None:
            seen.append(windows[0].tree.current_ref().name)
            windows[0].close()
        else:
            QTimer.singleShot(20, close_when_loaded)

    QTimer.singleShot(20, close_when_loaded)
    args = argparse.Namespace(
        database=sqlite_url, demo=False, select="hotel bellavista/srv-01", language="en"
    )
    assert run_gui(args) == 0
    assert seen == ["SRV-01"]


def test_without_a_screen_the_gui_says_so_instead_of_aborting(sqlite_url: str) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from msp_console.cli import main; sys.exit(main(sys.argv[1:]))",
            "--database",
            sqlite_url,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "DISPLAY is not set" in done.stderr and "screenshot" in done.stderr
