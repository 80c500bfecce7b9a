"""Company profile for Billing: the MSP's fiscal data printed on every invoice, checked as typed.

The fields are the same widget the first-run wizard and Settings use (``CompanyForm``), with the
fields an invoice cannot be issued without marked required, plus the invoice footer and default
payment terms. ``load()`` reads the profile, ``save()`` writes all fields or none.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.errors import ValidationError
from msp_console.services.billing.company import load_profile, profile_dict, update_profile
from msp_console.services.database import Database
from msp_console.ui.billing.look import explain, tr
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.company_form import CompanyForm

REQUIRED = ("name", "vat_number", "address", "postal_code", "city", "country")  # what issuing needs


class CompanyProfileForm(QWidget):
    validity_changed = Signal(bool)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companyProfileForm")
        self.db = db
        self.fields = CompanyForm(CompanyForm.FULL, required=REQUIRED)
        self.fields.validity_changed.connect(self.validity_changed)
        self.edits = self.fields.edits
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
        extra = QFormLayout()
        extra.addRow(tr("Default payment terms"), terms)
        extra.addRow(tr("Invoice footer"), self.footer)
        self.error = QLabel()
        self.error.setObjectName("companyProfileError")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Fields marked * are needed before the first invoice can be issued.")))
        layout.addWidget(self.fields)
        layout.addLayout(extra)
        layout.addWidget(self.error)

    def load(self) -> None:
        with self.db.read() as session:
            data = profile_dict(load_profile(session))
        self.fields.load(data)
        self.footer.setPlainText(str(data.get("invoice_footer") or ""))
        self.payment_days.setValue(int(data.get("payment_days") or 0))
        self.end_of_month.setChecked(bool(data.get("payment_end_of_month")))

    def values(self) -> dict[str, str]:
        return {
            **self.fields.values(),
            "invoice_footer": self.footer.toPlainText(),
            "payment_days": str(self.payment_days.value()),
            "payment_end_of_month": "yes" if self.end_of_month.isChecked() else "no",
        }

    def is_valid(self) -> bool:
        return self.fields.is_valid()

    def validate(self) -> bool:
        """Marks every problem next to its field; True when there is none."""
        ok = self.fields.validate()
        self.error.setText("" if ok else tr("Some details are missing or not valid: see the marked fields."))
        return ok

    def field_error(self, name: str) -> str:
        return self.fields.field_error(name)

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
