"""`msp-console screenshot --view problems` and `--view machine:CLIENT/MACHINE` on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.cli import main

pytestmark = pytest.mark.ui


def test_problems_and_machine_views_render(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    problems, machine = tmp_path / "problems.png", tmp_path / "machine.png"
    assert main(["screenshot", str(problems), "--demo", "--view", "problems"]) == 0
    assert (
        main(["screenshot", str(machine), "--demo", "--view", "machine:Hotel Bellavista S.r.l./nas-01"]) == 0
    )
    for out in (problems, machine):
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code = main(["screenshot", str(tmp_path / "x.png"), "--demo", "--view", "machine:Nobody/none"])
    assert code != 0
    assert "no machine" in capsys.readouterr().err
