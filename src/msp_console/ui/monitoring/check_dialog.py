"""Add or edit one check: the fields follow the chosen type (from the checks' catalog) and the
whole check is validated by ``clean_check`` before anything is written."""

from __future__ import annotations

from itertools import pairwise

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
from msp_console.monitoring.params import CheckFields, clean_check

HINTS = {
    CheckType.PING: "rtt ms, loss % — e.g. warn 100,20 crit 500,60",
    CheckType.TCP: "connect time ms — e.g. warn 200 crit 1000",
    CheckType.HTTP: "response time ms — e.g. warn 1000 crit 5000",
    CheckType.SSH: "disk %, load per core, memory % … — e.g. warn disk=85 crit disk=95",
    CheckType.PLUGIN: "the plugin's own -w/-c decide",
    CheckType.BACKUP_AGE: "hours since the newest backup — e.g. warn 26 crit 48",
    CheckType.SNMP: "the OID's value — e.g. warn 80 crit 90",
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
            self.type.addItem(t.value, t.value)
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
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.fields: CheckFields | None = None
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
        for key in sorted(PARAMS[ctype]):
            edit = QLineEdit(values.get(key, ""))
            edit.setObjectName(f"param-{key}")
            self.params[key] = edit
            self.param_form.addRow(f"{key}:", edit)
        order = [self.type, self.name, *self.params.values(), self.warn, self.crit, self.interval]
        for before, after in pairwise(order):  # Tab goes down the form
            QWidget.setTabOrder(before, after)
        keys = ", ".join(THRESHOLD_KEYS[ctype]) or "—"
        self.hint.setText(self.tr("Thresholds (%1): %2").replace("%1", keys).replace("%2", HINTS[ctype]))

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
            self.error.setText("\n".join(f"{e.field}: {e.message}" for e in exc.errors))
            return
        super().accept()
