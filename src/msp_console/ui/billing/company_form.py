"""Company profile form: the MSP's fiscal data printed on every invoice, checked as typed.

``CompanyProfileForm`` is a reusable QWidget (Billing → Company profile…, and embeddable in
Settings): ``load()`` reads the profile, ``save()`` writes all fields or none. Besides each
field's own rule (the billing service's), the fields an invoice cannot be issued without are
required here, so a missing VAT number is flagged before the first run is refused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.errors import ValidationError
from msp_console.services.billing.company import FIELDS, load_profile, profile_dict, update_profile
from msp_console.services.database import Database
from msp_console.ui.billing.look import explain, tr

ERROR_COLOUR = "#c62828"
REQUIRED = ("name", "vat_number", "address", "postal_code", "city", "country")  # what issuing needs
REGIMES = ("RF01", "RF02", "RF04", "RF05", "RF06", "RF07", "RF08", "RF09", "RF10", "RF11", "RF12",
           "RF13", "RF14", "RF15", "RF16", "RF17", "RF18", "RF19", "RF20")  # fmt: skip
TEXT_FIELDS = ("name", "vat_number", "tax_code", "address", "postal_code", "city", "province", "country",
               "regime", "rea_office", "rea_number", "iban", "bank", "email", "pec", "phone",
               "logo_path")  # fmt: skip


def _labels() -> dict[str, str]:
    return {
        "name": tr("Company name"),
        "vat_number": tr("VAT number"),
        "tax_code": tr("Tax code"),
        "address": tr("Address"),
        "postal_code": tr("Postal code"),
        "city": tr("City"),
        "province": tr("Province"),
        "country": tr("Country"),
        "regime": tr("Tax regime"),
        "rea_office": tr("REA office (province)"),
        "rea_number": tr("REA number"),
        "iban": tr("IBAN"),
        "bank": tr("Bank"),
        "email": tr("E-mail"),
        "pec": tr("PEC (certified e-mail)"),
        "phone": tr("Phone"),
        "logo_path": tr("Logo (PNG or JPEG)"),
    }


class CompanyProfileForm(QWidget):
    validity_changed = Signal(bool)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companyProfileForm")
        self.db = db
        labels = _labels()
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        fields = QFormLayout()
        for name in TEXT_FIELDS:
            widget: QLineEdit | QComboBox
            if name == "regime":
                widget = QComboBox()
                for code in REGIMES:
                    widget.addItem(code, code)
                widget.setItemText(0, tr("RF01 – ordinary"))
                widget.setItemText(REGIMES.index("RF19"), tr("RF19 – flat-rate (forfettario)"))
            else:
                widget = QLineEdit()
                widget.textChanged.connect(lambda _t, n=name: self._check(n))
            widget.setObjectName(f"company_{name}")
            widget.setAccessibleName(labels[name])
            self.edits[name] = widget
            error = QLabel()
            error.setObjectName(f"company_{name}_error")
            error.setStyleSheet(f"color: {ERROR_COLOUR}")
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            row: QWidget = widget
            if name == "logo_path":
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(widget)
                browse = QPushButton(tr("Choose…"))
                browse.clicked.connect(self._choose_logo)
                box.addWidget(browse)
            fields.addRow(labels[name] + (" *" if name in REQUIRED else ""), row)
            fields.addRow("", error)
        self.footer = QPlainTextEdit()
        self.footer.setObjectName("company_invoice_footer")
        self.footer.setPlaceholderText(tr("Printed at the bottom of every invoice"))
        self.footer.setFixedHeight(64)
        self.payment_days = QSpinBox()
        self.payment_days.setObjectName("company_payment_days")
        self.payment_days.setRange(0, 365)
        self.payment_days.setSuffix(tr(" days"))
        self.end_of_month = QCheckBox(tr("end of month"))
        self.end_of_month.setObjectName("company_payment_end_of_month")
        terms = QWidget()
        terms_box = QHBoxLayout(terms)
        terms_box.setContentsMargins(0, 0, 0, 0)
        terms_box.addWidget(self.payment_days)
        terms_box.addWidget(self.end_of_month)
        terms_box.addStretch(1)
        fields.addRow(tr("Default payment terms"), terms)
        fields.addRow(tr("Invoice footer"), self.footer)
        self.error = QLabel()
        self.error.setObjectName("companyProfileError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Fields marked * are needed before the first invoice can be issued.")))
        layout.addLayout(fields)
        layout.addWidget(self.error)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Company logo"), "", tr("Images (*.png *.jpg *.jpeg)"))
        edit = self.edits["logo_path"]
        if path and isinstance(edit, QLineEdit):
            edit.setText(path)

    def value(self, name: str) -> str:
        w = self.edits[name]
        return str(w.currentData()) if isinstance(w, QComboBox) else w.text()

    def _show(self, name: str, message: str) -> None:
        self.errors[name].setText(message)
        self.errors[name].setVisible(bool(message))

    def _problem(self, name: str) -> str:
        text = self.value(name)
        if name in REQUIRED and not text.strip():
            return tr("Required: invoices cannot be issued without it.")
        try:
            FIELDS[name](text)
        except ValueError as exc:
            return str(exc)
        return ""

    def _check(self, name: str) -> bool:
        problem = self._problem(name)
        self._show(name, problem)
        self.validity_changed.emit(self.is_valid())
        return not problem

    def load(self) -> None:
        with self.db.read() as session:
            data = profile_dict(load_profile(session))
        self.set_values(data)

    def set_values(self, data: dict[str, Any]) -> None:
        for name, w in self.edits.items():
            value = data.get(name)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(str(value or "RF01"))))
            else:
                w.blockSignals(True)
                w.setText("" if value is None else str(value))
                w.blockSignals(False)
                self._show(name, "")
        self.footer.setPlainText(str(data.get("invoice_footer") or ""))
        self.payment_days.setValue(int(data.get("payment_days") or 0))
        self.end_of_month.setChecked(bool(data.get("payment_end_of_month")))

    def values(self) -> dict[str, str]:
        return {
            **{name: self.value(name) for name in self.edits},
            "invoice_footer": self.footer.toPlainText(),
            "payment_days": str(self.payment_days.value()),
            "payment_end_of_month": "yes" if self.end_of_month.isChecked() else "no",
        }

    def is_valid(self) -> bool:
        return not any(self._problem(n) for n in self.edits)

    def validate(self) -> bool:
        """Marks every problem next to its field; True when there is none."""
        ok = all([self._check(n) for n in self.edits])
        self.error.setText("" if ok else tr("Some details are missing or not valid: see the marked fields."))
        return ok

    def field_error(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if label.isVisibleTo(self) else ""

    def save(self) -> bool:
        """Writes every field, or none (the form shows why)."""
        if not self.validate():
            return False
        try:
            update_profile(self.db, self.values())
        except ValidationError as exc:
            self.error.setText(explain(exc))
            return False
        return True


class CompanyProfileDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companyProfileDialog")
        self.setWindowTitle(tr("Company profile"))
        self.form = CompanyProfileForm(db)
        self.form.load()
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        self.resize(620, 760)

    def accept(self) -> None:
        if self.form.save():
            super().accept()
