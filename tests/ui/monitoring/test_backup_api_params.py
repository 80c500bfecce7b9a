"""Add check → Proxmox Backup Server / Synology Hyper Backup / Veeam: the appliance's parameters
offered with labels in the user's language, and a wrong one refused naming the parameter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msp_console.monitoring.model import CheckType
from msp_console.ui.monitoring.check_dialog import CheckDialog
from tests.ui.test_translations import _language

pytestmark = pytest.mark.ui


@pytest.fixture
def italian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with _language(tmp_path, monkeypatch, "it"):
        yield


def _labels(dialog: CheckDialog) -> dict[str, str]:
    form = dialog.param_form
    return {
        key: form.labelForField(edit).text()  # type: ignore[union-attr]
        for key, edit in dialog.params.items()
    }


def test_appliance_checks_offer_their_parameters_in_italian(qtbot, italian) -> None:  # type: ignore[no-untyped-def]
    dialog = CheckDialog("PBS-01")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.PROXMOX_BACKUP.value))
    labels = _labels(dialog)
    assert labels["fingerprint"] == "Impronta del certificato (SHA-256):"
    assert labels["token_ref"] == "Segreto del token API (nome nel portachiavi):"
    assert labels["url"] == "Indirizzo (vuoto: https://macchina:8007):"
    dialog.name.setText("backup pbs")
    dialog.params["token_id"].setText("monitor")
    dialog.params["token_ref"].setText("backup:pbs")
    dialog.params["fingerprint"].setText("12:34")
    dialog.params["usage_warn"].setText("120")
    dialog.accept()
    assert dialog.fields is None
    lines = dialog.error.text().splitlines()
    assert (
        "Impronta del certificato (SHA-256): “12:34” non è un'impronta SHA-256: "
        "64 cifre esadecimali, es. ab:cd:…" in lines
    )
    assert any(line.startswith("Token API (UTENTE@REALM!TOKEN): “monitor” non è l'id") for line in lines), (
        lines
    )
    assert "Avviso datastore a (% occupato): “120” non è una percentuale da 1 a 100." in lines

    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.VEEAM.value))
    labels = _labels(dialog)
    assert labels["password_ref"] == "Password dell'account (nome nel portachiavi):"
    assert labels["user"] == "Account Veeam:" and labels["job"] == "Job Veeam (vuoto: tutti):"
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.HYPER_BACKUP.value))
    assert _labels(dialog)["timezone"] == "Fuso orario del NAS (es. Europe/Rome):"


def test_a_good_appliance_check_is_accepted(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CheckDialog("NAS-01")
    qtbot.addWidget(dialog)
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.HYPER_BACKUP.value))
    dialog.name.setText("hyper backup")
    dialog.params["user"].setText("monitor")
    dialog.params["password_ref"].setText("backup:nas:monitor")
    dialog.params["fingerprint"].setText("AB:" * 31 + "AB")
    dialog.params["timezone"].setText("Europe/Rome")
    dialog.accept()
    assert dialog.fields is not None and dialog.fields.type is CheckType.HYPER_BACKUP, dialog.error.text()
