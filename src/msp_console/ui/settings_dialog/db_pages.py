"""The Settings tabs whose values live in the database: business hours, invoices (plus the database
choice itself, which applies at the next start)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from msp_console import database_choice
from msp_console.app import App
from msp_console.domain.billing.numbering import check_number_format, format_number
from msp_console.preferences import Preferences
from msp_console.services.interventions.settings import SchedulingSettings
from msp_console.ui.first_run.database_page import DatabasePage
from msp_console.ui.palette_colours import error_style

COUNTRIES = ("IT", "SM", "VA", "CH", "DE", "FR", "AT", "ES", "GB")


class DatabaseTab(QWidget):
    """The database in use, and the one to open from the next start."""

    def __init__(self, current: str):
        super().__init__()
        if current.startswith("sqlite"):
            what = self.tr("the embedded database (%1)").replace("%1", current.split(":///", 1)[-1])
        else:
            what = self.tr("the team database %1").replace("%1", database_choice.describe_url(current))
        self.current = QLabel(self.tr("In use now: %1").replace("%1", what))
        self.current.setObjectName("currentDatabase")
        self.current.setWordWrap(True)
        self.page = DatabasePage(self._ready)
        choice = database_choice.load_choice()
        if choice is not None and choice.kind == "postgresql":
            self.page.team.setChecked(True)
            self.page.url.setText(choice.url)
        self.apply_button = QPushButton(self.tr("&Use this database from the next start"))
        self.apply_button.setObjectName("useDatabase")
        self.apply_button.clicked.connect(lambda: self.page.validatePage())
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.page, 1)
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.saved)

    def _ready(self, app: App) -> None:
        app.close()
        self.saved.setText(self.tr("Saved. Restart MSP Console to use this database."))


class BusinessHoursTab(QWidget):
    """The interventions feature's business calendar (SLA clocks, follow-up calls)."""

    def __init__(self, settings: SchedulingSettings):
        super().__init__()
        self.start = QTimeEdit(QTime.fromString(settings.business_start, "HH:mm"))
        self.end = QTimeEdit(QTime.fromString(settings.business_end, "HH:mm"))
        self.start.setObjectName("businessStart")
        self.end.setObjectName("businessEnd")
        for edit, name in ((self.start, self.tr("Opening time")), (self.end, self.tr("Closing time"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun"))  # fmt: skip
        chosen = {int(d) for d in settings.business_days.split(",") if d.strip()}
        self.days: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for index, name in enumerate(names):
            box = QCheckBox(name)
            box.setObjectName(f"businessDay{index}")
            box.setChecked(index in chosen)
            self.days.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.country = QComboBox()
        self.country.setObjectName("holidayCountry")
        self.country.setAccessibleName(self.tr("Public holidays of"))
        self.country.addItem(self.tr("No public holidays"), "")
        countries = {
            "IT": self.tr("Italy"),
            "SM": self.tr("San Marino"),
            "VA": self.tr("Vatican City"),
            "CH": self.tr("Switzerland"),
            "DE": self.tr("Germany"),
            "FR": self.tr("France"),
            "AT": self.tr("Austria"),
            "ES": self.tr("Spain"),
            "GB": self.tr("United Kingdom"),
        }
        for code in COUNTRIES:
            self.country.addItem(f"{countries[code]} ({code})", code)
        self.country.setCurrentIndex(max(0, self.country.findData(settings.holiday_country)))
        self.timezone = QLineEdit(settings.timezone)
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.follow_up = QTimeEdit(QTime.fromString(settings.follow_up_time, "HH:mm"))
        self.follow_up.setObjectName("followUpTime")
        self.follow_up.setDisplayFormat("HH:mm")
        self.follow_up.setAccessibleName(self.tr("Follow-up call at"))
        self.follow_up.setToolTip(
            self.tr("When the work is done, the follow-up call is booked the next business day at this time")
        )
        self.appointment_minutes = QSpinBox()
        self.appointment_minutes.setObjectName("appointmentMinutes")
        self.appointment_minutes.setRange(5, 8 * 60)
        self.appointment_minutes.setSingleStep(15)
        self.appointment_minutes.setValue(settings.appointment_minutes)
        self.appointment_minutes.setSuffix(" " + self.tr("min"))
        self.appointment_minutes.setAccessibleName(self.tr("Appointment length"))
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Opens at:"), self.start)
        form.addRow(self.tr("&Closes at:"), self.end)
        form.addRow(self.tr("Working days:"), days_row)
        form.addRow(self.tr("Public &holidays of:"), self.country)
        form.addRow(self.tr("Time &zone:"), self.timezone)
        form.addRow(self.tr("&Follow-up call at:"), self.follow_up)
        form.addRow(self.tr("Appointment &length:"), self.appointment_minutes)
        form.addRow("", self.error)

    def changes(self) -> dict[str, Any]:
        return {
            "business_start": self.start.time().toString("HH:mm"),
            "business_end": self.end.time().toString("HH:mm"),
            "business_days": ",".join(str(i) for i, box in enumerate(self.days) if box.isChecked()),
            "holiday_country": str(self.country.currentData()),
            "timezone": self.timezone.text().strip() or "Europe/Rome",
            "follow_up_time": self.follow_up.time().toString("HH:mm"),
            "appointment_minutes": self.appointment_minutes.value(),
        }


class InvoicesTab(QWidget):
    """Numbering format, payment terms and footer (company profile) and the invoices' language."""

    def __init__(self, profile: dict[str, Any], prefs: Preferences):
        super().__init__()
        self.number_format = QLineEdit(str(profile.get("number_format") or "{year}/{seq:04d}"))
        self.number_format.setObjectName("numberFormat")
        self.number_format.setAccessibleName(self.tr("Invoice number format"))
        self.example = QLabel()
        self.example.setStyleSheet("")
        # the spare height goes below the rows, not into the example
        self.example.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.number_format.textChanged.connect(self._preview)
        self.payment_days = QSpinBox()
        self.payment_days.setRange(0, 365)
        self.payment_days.setValue(int(profile.get("payment_days") or 0))
        self.payment_days.setSuffix(self.tr(" days"))
        self.payment_days.setAccessibleName(self.tr("Payment terms"))
        self.end_of_month = QCheckBox(self.tr("&End of month"))
        self.end_of_month.setChecked(bool(profile.get("payment_end_of_month")))
        self.language = QComboBox()
        self.language.setObjectName("invoiceLanguage")
        self.language.setAccessibleName(self.tr("Language of new invoices"))
        self.language.addItem(self.tr("Italian"), "it")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.invoice_language)))
        self.with_report = QCheckBox(self.tr("Write the month's service &report beside each invoice PDF"))
        self.with_report.setObjectName("invoicePdfWithReport")
        self.with_report.setChecked(prefs.invoice_pdf_with_report)
        self.footer = QPlainTextEdit(str(profile.get("invoice_footer") or ""))
        self.footer.setAccessibleName(self.tr("Invoice footer"))
        self.footer.setMaximumHeight(90)
        terms = QHBoxLayout()
        terms.addWidget(self.payment_days)
        terms.addWidget(self.end_of_month)
        terms.addStretch(1)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Number format:"), self.number_format)
        form.addRow("", self.example)
        form.addRow(self.tr("&Payment terms:"), terms)
        terms_label = form.labelForField(terms)
        if isinstance(terms_label, QLabel):  # a row of two: the & would show without a buddy
            terms_label.setBuddy(self.payment_days)
        form.addRow(self.tr("&Language of new invoices:"), self.language)
        form.addRow("", self.with_report)
        form.addRow(self.tr("&Footer:"), self.footer)
        self._preview()

    def _preview(self) -> None:
        try:
            pattern = check_number_format(self.number_format.text())
        except ValueError:
            self.example.setText(self.tr("Use {year} and {seq}, e.g. {year}/{seq:04d}."))
            self.example.setStyleSheet(error_style())
            return
        self.example.setStyleSheet("")
        self.example.setText(
            self.tr("The first invoice of 2026: %1").replace("%1", format_number(pattern, 2026, 1))
        )

    def is_valid(self) -> bool:
        try:
            check_number_format(self.number_format.text())
        except ValueError:
            return False
        return True

    def profile_changes(self) -> dict[str, str]:
        return {
            "number_format": self.number_format.text(),
            "payment_days": str(self.payment_days.value()),
            "payment_end_of_month": "yes" if self.end_of_month.isChecked() else "no",
            "invoice_footer": self.footer.toPlainText(),
        }
