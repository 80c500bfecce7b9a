"""The Add check dialog offers the backup-job kinds, their settings in words, and refuses bad ones."""

from __future__ import annotations

import pytest

from msp_console.monitoring.model import CheckType
from msp_console.ui.monitoring.check_dialog import CheckDialog
from tests.ui.test_field_errors_in_italian import _speaks_italian, italian  # noqa: F401 - fixture

pytestmark = pytest.mark.ui


def _labels(dialog: CheckDialog) -> dict[str, str]:
    form = dialog.param_form
    out = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        field = form.itemAt(row, form.ItemRole.FieldRole).widget()
        out[field.objectName().removeprefix("param-")] = label.text()
    return out


def test_restic_is_offered_with_its_repository_settings(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CheckDialog("NAS-01")
    qtbot.addWidget(dialog)
    kinds = {dialog.type.itemData(i): dialog.type.itemText(i) for i in range(dialog.type.count())}
    assert kinds["restic"] == "Restic backup" and kinds["borg"] == "Borg backup"
    assert kinds["veeam"] == "Veeam backup job" and kinds["windows_backup"] == "Windows Server Backup"
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.RESTIC.value))
    labels = _labels(dialog)
    assert list(labels)[:2] == ["repository", "password_ref"]  # what the check is about comes first
    assert dialog.interval.value() == 3600  # a repository is opened hourly unless told
    assert labels["repository"] == "Repository (path or URL):"
    assert labels["password_ref"] == "Repository password (keyring name):"
    assert labels["check_every"] == "Verify the repository every (hours):"
    assert labels["shrink_ratio"] == "Alarm below this share of the usual size:"
    assert "hours since the last successful backup" in dialog.hint.text()
    dialog.params["repository"].setText("sftp:backup@nas:/srv/restic")
    dialog.params["password_ref"].setText("backup:nas")
    dialog.params["check_every"].setText("24")
    dialog.warn.setText("30")
    dialog.accept()
    assert dialog.fields is not None, dialog.error.text()
    assert dialog.fields.params == {
        "repository": "sftp:backup@nas:/srv/restic",
        "password_ref": "backup:nas",
        "check_every": "24",
    }
    assert (dialog.fields.warn, dialog.fields.timeout_s, dialog.fields.interval_s) == ("30", 120.0, 3600)
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.PING.value))
    assert dialog.interval.value() == 60  # back to the usual interval for other kinds


def test_borg_settings_and_refusals_in_italian(qtbot, italian) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = CheckDialog("NAS-01")
    qtbot.addWidget(dialog)
    dialog.type.setCurrentIndex(dialog.type.findData(CheckType.BORG.value))
    assert dialog.type.currentText() == "Backup Borg"
    labels = _labels(dialog)
    assert labels["repository"] == "Repository (percorso o URL):"
    assert labels["window"] == "Esecuzioni che fanno la dimensione abituale:"
    assert "ore dall'ultimo backup riuscito" in dialog.hint.text()
    dialog.params["shrink_ratio"].setText("2")
    dialog.accept()
    assert dialog.fields is None
    lines = dialog.error.text().splitlines()
    assert "Repository (percorso o URL): obbligatorio per questo tipo di controllo." in lines
    assert any("“2” non è un valore valido" in line for line in lines), lines
