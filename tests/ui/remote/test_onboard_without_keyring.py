"""Without a usable OS keyring the console's key cannot be kept: Add Windows machine… says so in the
user's language (the keyring's own words in the details) and shows no script."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox

from msp_console.ui.remote.onboard_dialog import OnboardDialog
from tests.ui.test_translations import _language

pytestmark = pytest.mark.ui


def test_no_keyring_is_explained_and_no_script_is_shown(
    qtbot, window, ids, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(fail.Keyring())  # what a PC without a Secret Service has
    assert window.tree.select("machine", ids["srv"])
    action = window.findChild(type(window.commands.new_machine), "onboardWindows")
    with _language(tmp_path, monkeypatch, "it"):
        action.trigger()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=10_000)
        box = window.findChild(QMessageBox)
        assert box.text().startswith("La chiave SSH della console è conservata solo nel portachiavi")
        assert "gnome-keyring" in box.detailedText()  # how to fix it, in the keyring module's words
    assert window.findChild(OnboardDialog) is None
    box.close()
