"""In English (the source language) a counted text reads '1 page', '3 pages', not '1 page(s)'."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from msp_console.ui.billing.look import BillingCounts
from tests.ui.test_translations import _language


def test_english_counts_take_their_plural(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with _language(tmp_path, monkeypatch, "en"):
        assert BillingCounts.tr("%n page(s)", "", 1) == "1 page"
        assert BillingCounts.tr("%n page(s)", "", 3) == "3 pages"
        assert QCoreApplication.translate("WindowActions", "&Edit") == "&Edit"  # the rest untouched
    with _language(tmp_path, monkeypatch, "it"):
        assert BillingCounts.tr("%n page(s)", "", 1) == "1 pagina"  # Italian keeps its own forms


def test_a_warning_is_counted_in_english_too(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with _language(tmp_path, monkeypatch, "en"):
        assert QCoreApplication.translate("ClientTreeModel", "%n warning", "", 1) == "1 warning"
        assert QCoreApplication.translate("ClientTreeModel", "%n warning", "", 2) == "2 warnings"
