"""The MSP's letterhead data (company profile), validated as the user types.

Shared by the first-run wizard, Settings → Company profile and Billing → Company profile. The
rules are the billing service's (``services.billing.company.FIELDS``); the message shown is ours,
in the user's language, with the rule's own words in the tooltip. The form never touches the
database itself: ``stored_profile(db)`` reads the values on the worker thread and the owner
writes ``values()`` there with ``update_profile``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from msp_console.services.billing.company import FIELDS, load_profile, profile_dict
from msp_console.services.database import Database
from msp_console.ui.palette_colours import error_style

REGIMES = ("RF01", "RF02", "RF04", "RF05", "RF06", "RF07", "RF08", "RF09", "RF10", "RF11", "RF12",
           "RF13", "RF14", "RF15", "RF16", "RF17", "RF18", "RF19", "RF20")  # fmt: skip


def stored_profile(db: Database) -> dict[str, Any]:
    """The company profile as plain values: a database read, for the worker thread."""
    with db.read() as session:
        return profile_dict(load_profile(session))


class CompanyForm(QWidget):
    """Edits a chosen subset of the profile's fields (``update_profile`` writes them all or none)."""

    validity_changed = Signal(bool)

    BASIC = ("name", "vat_number", "tax_code", "address", "postal_code", "city", "province", "country",
             "iban", "email", "pec", "phone", "logo_path")  # fmt: skip
    FULL = (*BASIC, "bank", "regime", "rea_office", "rea_number")

    def __init__(
        self, fields: tuple[str, ...] = BASIC, parent: QWidget | None = None, required: tuple[str, ...] = ()
    ):
        """``required``: fields that may not be empty (Billing asks for what issuing needs)."""
        super().__init__(parent)
        self.required = required
        self._labels = {
            "name": self.tr("Company name"),
            "vat_number": self.tr("VAT number"),
            "tax_code": self.tr("Tax code"),
            "address": self.tr("Address"),
            "postal_code": self.tr("Postal code"),
            "city": self.tr("City"),
            "province": self.tr("Province"),
            "country": self.tr("Country"),
            "iban": self.tr("IBAN"),
            "bank": self.tr("Bank"),
            "email": self.tr("E-mail"),
            "pec": self.tr("PEC (certified e-mail)"),
            "phone": self.tr("Phone"),
            "logo_path": self.tr("Logo (PNG or JPEG)"),
            "regime": self.tr("Tax regime"),
            "rea_office": self.tr("REA office (province)"),
            "rea_number": self.tr("REA number"),
        }
        self._problems = {
            "name": self.tr("At most 200 characters."),
            "vat_number": self.tr("Not a valid VAT number (Italy: 11 digits, with the check digit)."),
            "tax_code": self.tr("Not a valid tax code (16 characters, or 11 digits for a company)."),
            "postal_code": self.tr("At most 12 characters."),
            "province": self.tr("Use the two-letter province code (e.g. MI)."),
            "country": self.tr("Use the two-letter country code (e.g. IT)."),
            "iban": self.tr("Not a valid IBAN: check the digits."),
            "email": self.tr("Not a valid e-mail address."),
            "pec": self.tr("Not a valid e-mail address."),
            "logo_path": self.tr("Choose an existing PNG or JPEG file."),
            "regime": self.tr("Choose a tax regime (RF01 is the ordinary one)."),
            "rea_office": self.tr("Use the two-letter province code (e.g. MI)."),
        }
        self.names = fields
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for name in fields:
            widget: QLineEdit | QComboBox
            if name == "regime":
                widget = QComboBox()
                for code in REGIMES:
                    widget.addItem(code, code)
                widget.setItemText(0, self.tr("RF01 – ordinary"))
                widget.setItemText(REGIMES.index("RF19"), self.tr("RF19 – flat-rate (forfettario)"))
                widget.currentIndexChanged.connect(lambda _i, n=name: self._check(n))
            else:
                widget = QLineEdit()
                widget.textChanged.connect(lambda _t, n=name: self._check(n))
            widget.setObjectName(f"company_{name}")
            widget.setAccessibleName(self._labels[name])
            self.edits[name] = widget
            error = QLabel()
            error.setStyleSheet(error_style())
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            row: QWidget = widget
            if name == "logo_path":
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(widget)
                browse = QPushButton(self.tr("Choose…"))
                browse.setAccessibleName(self.tr("Choose the logo file"))
                browse.clicked.connect(self._choose_logo)
                box.addWidget(browse)
            form.addRow(self._labels[name] + (" *" if name in required else ""), row)
            form.addRow("", error)
        name_edit = self.edits.get("name")
        if isinstance(name_edit, QLineEdit):
            name_edit.setPlaceholderText(self.tr("e.g. Rossi Informatica S.r.l."))
        country = self.edits.get("country")
        if isinstance(country, QLineEdit):
            country.setText("IT")
            country.setMaxLength(2)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Company logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        edit = self.edits["logo_path"]
        if path and isinstance(edit, QLineEdit):
            edit.setText(path)

    @property
    def labels(self) -> dict[str, str]:
        """Each field's name as the form shows it (refusals name the field this way)."""
        return dict(self._labels)

    def value(self, name: str) -> str:
        w = self.edits[name]
        return str(w.currentData()) if isinstance(w, QComboBox) else w.text()

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.names}

    def load(self, data: dict[str, Any]) -> None:
        """Shows stored values; problems are marked once the user edits or saves."""
        for name in self.names:
            value = data.get(name)
            w = self.edits[name]
            w.blockSignals(True)
            if isinstance(w, QComboBox):
                at = w.findData(str(value or "RF01"))
                w.setCurrentIndex(max(at, 0))
            else:
                w.setText("" if value is None else str(value))
            w.blockSignals(False)
            self._show(name, "", "")

    def _problem(self, name: str) -> tuple[str, str]:
        """(message, detail) for the field, or ("", "") when it is fine."""
        value = self.value(name)
        if name in self.required and not value.strip():
            return self.tr("Required: invoices cannot be issued without it."), ""
        try:
            FIELDS[name](value)
        except ValueError as exc:
            return self._problems.get(name, self.tr("Not valid.")), str(exc)
        return "", ""

    def _check(self, name: str) -> bool:
        message, detail = self._problem(name)
        self._show(name, message, detail)
        self.validity_changed.emit(not message and self.is_valid())
        return not message

    def field_error(self, name: str) -> str:
        label = self.errors[name]
        return label.text() if label.isVisibleTo(self) else ""

    def _show(self, name: str, message: str, detail: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setToolTip(detail)
        label.setVisible(bool(message))

    def is_valid(self) -> bool:
        return not any(self._problem(name)[0] for name in self.names)

    def validate(self) -> bool:
        """Shows every problem; True when there is none."""
        return all([self._check(name) for name in self.names])
