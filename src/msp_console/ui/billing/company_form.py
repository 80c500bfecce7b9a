"""Company profile for Billing: the MSP's fiscal data printed on every invoice, checked as typed.

The fields are the same widget the first-run wizard and Settings use (``CompanyForm``), with the
fields an invoice cannot be issued without marked required, plus the invoice footer and default
payment terms. ``open_company_profile`` reads the profile on the worker thread, then opens the
dialog; Save writes all fields or none, on the worker thread too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.services.billing.company import update_profile
from msp_console.services.database import Database
from msp_console.ui.billing.look import explain, tr
from msp_console.ui.dialogs.background_dialog import BackgroundSave, open_when_loaded
from msp_console.ui.dialogs.scrolled_form import ScrolledForm
from msp_console.ui.palette_colours import error_style
from msp_console.ui.settings_dialog.company_form import CompanyForm, stored_profile

REQUIRED = ("name", "vat_number", "address", "postal_code", "city", "country")  # what issuing needs


class CompanyProfileForm(QWidget):
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("companyProfileForm")
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

    def load(self, data: dict[str, Any]) -> None:
        """Shows the stored profile (``stored_profile(db)``, read on the worker thread)."""
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

    def show_refusal(self, error: Exception) -> None:
        """The database refused the values (nothing was written): says why."""
        self.error.setText(explain(error, self.fields.labels))


def open_company_profile(
    parent: QWidget, db: Database, on_open: Callable[[CompanyProfileDialog], object] | None = None
) -> None:
    """Reads the profile on the worker thread, then opens the dialog over ``parent``."""

    def build(data: dict[str, Any]) -> CompanyProfileDialog:
        return CompanyProfileDialog(db, data, parent)

    title = tr("Company profile")
    key = ("company", id(parent))
    open_when_loaded(parent, lambda: stored_profile(db), build, title, key=key, on_open=on_open)


class CompanyProfileDialog(QDialog):
    def __init__(self, db: Database, data: dict[str, Any], parent: QWidget | None = None):
        """``data``: the stored profile (``stored_profile(db)``)."""
        super().__init__(parent)
        self.setObjectName("companyProfileDialog")
        self.setWindowTitle(tr("Company profile"))
        self.db = db
        self.form = CompanyProfileForm()
        self.form.load(data)
        area = ScrolledForm(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saving = BackgroundSave(self, self.buttons, self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.saving.status)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())  # fits a 1366×768 screen; the form scrolls

    def save(self) -> bool:
        """Validates, then writes every field (or none) on the worker thread; the dialog closes
        once written. False, with the problems marked, when a field is not valid."""
        if self.saving.busy or not self.form.validate():
            return False
        values = self.form.values()
        db = self.db
        return self.saving.start(lambda: update_profile(db, values), self._written, self.form.show_refusal)

    def _written(self, _profile: object) -> None:
        super().accept()

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if not self.saving.busy:  # the answer of a running save must find the dialog
            super().reject()
