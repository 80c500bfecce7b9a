"""`msp-console screenshot --view …` brings a scheduling view forward before rendering."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from msp_console.cli import main
from msp_console.ui.views_registry import VIEWS

pytestmark = pytest.mark.ui


def test_screenshot_of_the_week_view_and_an_unknown_view(
    qapp, _demo_template: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo_template, db)
    url = f"sqlite:///{db}"
    out = tmp_path / "week.png"
    assert main(["--database", url, "screenshot", str(out), "--view", "calendar", "--size", "1200x800"]) == 0
    assert out.stat().st_size > 20_000
    assert {"today", "calendar", "interventions", "intervention"} <= set(VIEWS)
    bad = tmp_path / "bad.png"
    assert main(["--database", url, "screenshot", str(bad), "--view", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "calendar" in err  # names the views it knows
    assert not bad.exists()
