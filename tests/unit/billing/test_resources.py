"""The shipped resources are found in a checkout, and where an override points."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.resources import resource, resources_dir


def test_fonts_and_schema_are_shipped() -> None:
    assert resource("fonts", "DejaVuSans.ttf").stat().st_size > 100_000
    assert resource("fonts", "LICENSE").is_file()
    assert "1.2.3" in resource("fatturapa", "Schema_VFPR12_v1.2.3.xsd").read_text(encoding="utf-8-sig")[:400]
    assert resource("fatturapa", "xmldsig-core-schema.xsd").is_file()


def test_override_and_missing_resource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fonts").mkdir()
    monkeypatch.setenv("MSP_CONSOLE_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path
    with pytest.raises(FileNotFoundError, match="missing resource"):
        resource("fonts", "nope.ttf")
