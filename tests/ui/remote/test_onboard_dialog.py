"""Machine → Add Windows/Linux machine…: the script for the selected machine, from the menus, with
the console's key from a real keyring; a wrong address is refused under its field; Copy and Save…
give exactly the script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from msp_console.remote.console_key import ensure_console_key, load_console_key
from msp_console.remote.onboarding import Target
from msp_console.ui.remote.onboard_dialog import OnboardData, OnboardDialog
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.ui.test_translations import _language

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    with keyring_in_environment() as session:
        yield session


def test_machine_menu_opens_the_windows_script(qtbot, window, ids, gnome_keyring, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    action = window.findChild(type(window.commands.new_machine), "onboardWindows")
    window.tree.select("client", ids["bellavista"])
    assert not action.isEnabled()  # a client is not a machine
    assert window.tree.select("machine", ids["srv"])
    assert action.isEnabled()
    menu = window.context_menu(window.tree.current_ref())
    assert {"Add &Windows machine…", "Add Lin&ux machine…"} <= {a.text() for a in menu.actions()}
    action.trigger()  # machine and key are read on the worker thread, then the dialog opens
    qtbot.waitUntil(lambda: window.findChild(OnboardDialog) is not None, timeout=10_000)
    dialog = window.findChild(OnboardDialog)
    key = load_console_key()
    assert key is not None and dialog.key.public_line == key.public_line  # made once, in the keyring
    assert "Hotel Bellavista/SRV-01" in dialog.windowTitle()
    assert key.public_line in dialog.script.toPlainText()
    assert "$AllowFrom = 'LocalSubnet'" in dialog.script.toPlainText()

    dialog.allow_from.setText("10.0.0.300")
    assert dialog.errors.isVisible() and "Allow SSH only from" in dialog.errors.text()
    assert "10.0.0.300" in dialog.errors.text() and not dialog.copy_button.isEnabled()
    dialog.allow_from.setText("198.51.100.7")
    assert not dialog.errors.isVisible() and dialog.copy_button.isEnabled()
    assert "$AllowFrom = '198.51.100.7'" in dialog.script.toPlainText()

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.script.toPlainText()
    target = tmp_path / "out" / dialog.default_name()
    assert target.name == "onboard-SRV-01.ps1"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.saved_to == target, timeout=10_000)
    data = target.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and data[3:].decode().replace("\r\n", "\n") == dialog.script.toPlainText()
    )
    dialog.close()


def test_linux_dialog_asks_user_and_words_refusals_in_italian(
    qtbot, qapp, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    stored: dict[str, str] = {}
    key = ensure_console_key(stored.get, stored.__setitem__)  # the dialog only shows the key
    data = OnboardData(Target("Hotel Bellavista", "SRV-01", "127.0.10.2"), key)
    with _language(tmp_path, monkeypatch, "it"):
        dialog = OnboardDialog(None, "linux", data)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle().startswith("Aggiungi macchina Linux")
        dialog.allow_from.setText("ufficio")
        dialog.user.setText("a b")
        text = dialog.errors.text()
        assert "“ufficio” non è un indirizzo IP" in text and "“a b” non è un nome utente" in text
    dialog.allow_from.setText("127.0.0.1")
    dialog.user.setText("backup")
    script = dialog.script.toPlainText()
    assert "TARGET_USER='backup'" in script and 'from="127.0.0.1",no-port-forwarding' in script
    assert dialog.default_name() == "onboard-SRV-01.sh"
