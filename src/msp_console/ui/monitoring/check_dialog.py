"""Add or edit one check: the fields follow the chosen type (from the checks' catalog) and the
whole check is validated by ``clean_check`` before anything is written."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.check_defaults import FACTORY, CheckDefaults
from msp_console.domain.errors import ValidationError
from msp_console.monitoring.checks.catalog import PARAMS, THRESHOLD_KEYS
from msp_console.monitoring.live import CheckRow
from msp_console.monitoring.model import CheckType
from msp_console.monitoring.params import SLOW_KINDS, CheckFields, clean_check
from msp_console.ui.labels import check_type_text
from msp_console.ui.validation_text import error_lines

HINTS = {  # marked for lupdate, translated where shown
    CheckType.PING: QT_TRANSLATE_NOOP("CheckDialog", "rtt ms, loss % — e.g. 100,20 and 500,60"),
    CheckType.TCP: QT_TRANSLATE_NOOP("CheckDialog", "connect time ms — e.g. 200 and 1000"),
    CheckType.HTTP: QT_TRANSLATE_NOOP("CheckDialog", "response time ms — e.g. 1000 and 5000"),
    CheckType.SSH: QT_TRANSLATE_NOOP(
        "CheckDialog", "disk %, load per core, memory % … — e.g. disk=85 and disk=95"
    ),
    CheckType.PLUGIN: QT_TRANSLATE_NOOP("CheckDialog", "the plugin's own -w/-c decide"),
    CheckType.BACKUP_AGE: QT_TRANSLATE_NOOP("CheckDialog", "hours since the newest backup — e.g. 26 and 48"),
    CheckType.SNMP: QT_TRANSLATE_NOOP("CheckDialog", "the OID's value — e.g. 80 and 90"),
    **dict.fromkeys(
        (
            CheckType.RESTIC,
            CheckType.BORG,
            CheckType.PROXMOX_BACKUP,
            CheckType.HYPER_BACKUP,
            CheckType.VEEAM,
            CheckType.WINDOWS_BACKUP,
        ),
        QT_TRANSLATE_NOOP("CheckDialog", "hours since the last successful backup — e.g. 26 and 50"),
    ),
}

# what each parameter is, in words (the key stays what the CLI and the CSV files use)
PARAM_LABELS = {
    "count": QT_TRANSLATE_NOOP("CheckDialog", "Packets:"),
    "port": QT_TRANSLATE_NOOP("CheckDialog", "Port:"),
    "url": QT_TRANSLATE_NOOP("CheckDialog", "Address (URL):"),
    "expect_status": QT_TRANSLATE_NOOP("CheckDialog", "Expected HTTP status:"),
    "contains": QT_TRANSLATE_NOOP("CheckDialog", "Page must contain:"),
    "verify": QT_TRANSLATE_NOOP("CheckDialog", "Verify the certificate:"),
    "ca_file": QT_TRANSLATE_NOOP("CheckDialog", "Certificate authority file:"),
    "cert_warn_days": QT_TRANSLATE_NOOP("CheckDialog", "Certificate warning (days left):"),
    "cert_crit_days": QT_TRANSLATE_NOOP("CheckDialog", "Certificate critical (days left):"),
    "user": QT_TRANSLATE_NOOP("CheckDialog", "User:"),
    "key_file": QT_TRANSLATE_NOOP("CheckDialog", "Key file:"),
    "os": QT_TRANSLATE_NOOP("CheckDialog", "Operating system:"),
    "updates": QT_TRANSLATE_NOOP("CheckDialog", "Pending updates:"),
    "command": QT_TRANSLATE_NOOP("CheckDialog", "Command:"),
    "plugin_dir": QT_TRANSLATE_NOOP("CheckDialog", "Plugin folder:"),
    "path": QT_TRANSLATE_NOOP("CheckDialog", "Backup folder:"),
    "version": QT_TRANSLATE_NOOP("CheckDialog", "SNMP version:"),
    "community": QT_TRANSLATE_NOOP("CheckDialog", "Community:"),
    "auth_protocol": QT_TRANSLATE_NOOP("CheckDialog", "Authentication protocol:"),
    "priv_protocol": QT_TRANSLATE_NOOP("CheckDialog", "Encryption protocol:"),
    "oid": QT_TRANSLATE_NOOP("CheckDialog", "OID:"),
    "expect": QT_TRANSLATE_NOOP("CheckDialog", "Expected value:"),
    "ifindex": QT_TRANSLATE_NOOP("CheckDialog", "Interface index:"),
    "interface": QT_TRANSLATE_NOOP("CheckDialog", "Interface:"),
    "last_uptime": QT_TRANSLATE_NOOP("CheckDialog", "Last uptime:"),
    "timeout": QT_TRANSLATE_NOOP("CheckDialog", "Timeout (s):"),
    "repository": QT_TRANSLATE_NOOP("CheckDialog", "Repository (path or URL):"),
    "password_ref": QT_TRANSLATE_NOOP("CheckDialog", "Repository password (keyring name):"),
    "run_on": QT_TRANSLATE_NOOP("CheckDialog", "Run on (machine or console):"),
    "check_every": QT_TRANSLATE_NOOP("CheckDialog", "Verify the repository every (hours):"),
    "binary": QT_TRANSLATE_NOOP("CheckDialog", "Program path:"),
    "shrink_ratio": QT_TRANSLATE_NOOP("CheckDialog", "Alarm below this share of the usual size:"),
    "grow_ratio": QT_TRANSLATE_NOOP("CheckDialog", "Alarm above this multiple of the usual size:"),
    "window": QT_TRANSLATE_NOOP("CheckDialog", "Runs that make the usual size:"),
    "fingerprint": QT_TRANSLATE_NOOP("CheckDialog", "Certificate fingerprint (SHA-256):"),
    "token_id": QT_TRANSLATE_NOOP("CheckDialog", "API token (USER@REALM!TOKEN):"),
    "token_ref": QT_TRANSLATE_NOOP("CheckDialog", "API token secret (keyring name):"),
    "datastore": QT_TRANSLATE_NOOP("CheckDialog", "Datastore (empty: all):"),
    "group": QT_TRANSLATE_NOOP("CheckDialog", "Backup group, e.g. vm/100 (empty: all):"),
    "namespace": QT_TRANSLATE_NOOP("CheckDialog", "Datastore namespace (empty: the root):"),
    "usage_warn": QT_TRANSLATE_NOOP("CheckDialog", "Datastore warning at (% used):"),
    "usage_crit": QT_TRANSLATE_NOOP("CheckDialog", "Datastore critical at (% used):"),
    "task": QT_TRANSLATE_NOOP("CheckDialog", "Hyper Backup task (empty: all):"),
    "timezone": QT_TRANSLATE_NOOP("CheckDialog", "The NAS's time zone (e.g. Europe/Rome):"),
    "job": QT_TRANSLATE_NOOP("CheckDialog", "Veeam job (empty: all):"),
    "api_version": QT_TRANSLATE_NOOP("CheckDialog", "API version (x-api-version):"),
}
# where a parameter means something else for one type (the account's password, not a repository's)
TYPE_PARAM_LABELS = {
    (CheckType.HYPER_BACKUP, "password_ref"): QT_TRANSLATE_NOOP(
        "CheckDialog", "Account password (keyring name):"
    ),
    (CheckType.VEEAM, "password_ref"): QT_TRANSLATE_NOOP("CheckDialog", "Account password (keyring name):"),
    (CheckType.HYPER_BACKUP, "user"): QT_TRANSLATE_NOOP("CheckDialog", "DSM account:"),
    (CheckType.VEEAM, "user"): QT_TRANSLATE_NOOP("CheckDialog", "Veeam account:"),
    (CheckType.PROXMOX_BACKUP, "url"): QT_TRANSLATE_NOOP(
        "CheckDialog", "Address (empty: https://machine:8007):"
    ),
    (CheckType.HYPER_BACKUP, "url"): QT_TRANSLATE_NOOP(
        "CheckDialog", "Address (empty: https://machine:5001):"
    ),
    (CheckType.VEEAM, "url"): QT_TRANSLATE_NOOP("CheckDialog", "Address (empty: https://machine:9419):"),
}


# what a kind of check is about comes first; the rest in alphabetical order
LEADING = ("repository", "password_ref")
_APPLIANCE_LOGIN = (
    "url",
    "fingerprint",
    "user",
    "password_ref",
)  # where it is, how it is trusted, who logs in
LEADING_BY_TYPE = {
    CheckType.PROXMOX_BACKUP: ("url", "fingerprint", "token_id", "token_ref"),
    CheckType.HYPER_BACKUP: _APPLIANCE_LOGIN,
    CheckType.VEEAM: _APPLIANCE_LOGIN,
}


class CheckDialog(QDialog):
    def __init__(
        self,
        machine: str,
        row: CheckRow | None = None,
        parent: QWidget | None = None,
        defaults: CheckDefaults = FACTORY,
    ):
        super().__init__(parent)
        self.defaults = defaults  # interval, attempts and timeout the technician chose in Settings
        self.setWindowTitle(
            self.tr("Edit check") if row else self.tr("Add check to %1").replace("%1", machine)
        )
        self.type = QComboBox()
        for t in CheckType:
            self.type.addItem(check_type_text(t.value), t.value)
        self.name = QLineEdit()
        self.form = QFormLayout()
        self.params: dict[str, QLineEdit] = {}
        self.warn, self.crit = QLineEdit(), QLineEdit()
        self.interval = QSpinBox()
        self.interval.setRange(5, 86400)
        self.interval.setValue(defaults.interval_s)
        self.interval.setSuffix(" s")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.param_box = QWidget()
        self.param_form = QFormLayout(self.param_box)
        self.param_form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Type:"), self.type)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.param_box)
        self.form.addRow(self.tr("Warning at:"), self.warn)
        self.form.addRow(self.tr("Critical at:"), self.crit)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("Every:"), self.interval)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(540)  # the appliances' labels are long: their fields stay readable
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.fields: CheckFields | None = None
        self.editing = row is not None
        self.type.currentIndexChanged.connect(lambda _i: self._type_changed({}))
        if row is not None:
            self.type.setCurrentIndex(self.type.findData(row.type))
            self.name.setText(row.name)
            self.warn.setText(row.warn)
            self.crit.setText(row.crit)
            self.interval.setValue(row.interval_s)
            self._type_changed(dict(row.params))
        else:
            self._type_changed({})

    def _type_changed(self, values: dict[str, str]) -> None:
        ctype = CheckType(self.type.currentData())
        while self.param_form.rowCount():
            self.param_form.removeRow(0)
        self.params = {}
        leading = LEADING_BY_TYPE.get(ctype, LEADING)
        for key in sorted(
            PARAMS[ctype], key=lambda k: (k not in leading, leading.index(k) if k in leading else 0, k)
        ):
            edit = QLineEdit(values.get(key, ""))
            edit.setObjectName(f"param-{key}")
            self.params[key] = edit
            label = TYPE_PARAM_LABELS.get((ctype, key)) or PARAM_LABELS.get(key)
            self.param_form.addRow(self.tr(str(label)) if label else f"{key}:", edit)
        order = [self.type, self.name, *self.params.values(), self.warn, self.crit, self.interval]
        for before, after in pairwise(order):  # Tab goes down the form
            QWidget.setTabOrder(before, after)
        if not self.editing:  # a new check starts at its kind's usual interval (backups: hourly)
            self.interval.setValue(SLOW_KINDS.get(ctype, (self.defaults.interval_s, 0.0))[0])
        keys = ", ".join(THRESHOLD_KEYS[ctype]) or "—"
        hint = self.tr(str(HINTS[ctype]))
        self.hint.setText(self.tr("Thresholds (%1): %2").replace("%1", keys).replace("%2", hint))

    def _param_label(self, key: str) -> str:
        label = PARAM_LABELS.get(key)
        return self.tr(str(label)).rstrip(": ") if label else key

    def accept(self) -> None:
        params = {k: e.text().strip() for k, e in self.params.items() if e.text().strip()}
        try:
            self.fields = clean_check(
                str(self.type.currentData()),
                self.name.text(),
                params,
                self.warn.text(),
                self.crit.text(),
                self.interval.value(),
                defaults=self.defaults,
            )
        except ValidationError as exc:
            labels = {
                "type": self.tr("Type:"),
                "name": self.tr("Name:"),
                "warn": self.tr("Warning at:"),
                "crit": self.tr("Critical at:"),
                "interval": self.tr("Every:"),
            }  # the parameters' refusals name the parameter themselves
            self.error.setText(error_lines(exc.errors, labels, self._param_label))
            return
        super().accept()
