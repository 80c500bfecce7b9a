"""Small billing dialogs: edit a draft, credit note, payment date, field-by-field errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.errors import FieldError
from msp_console.ui.billing.look import money, tr
from msp_console.ui.billing.queries import DraftLine, InvoiceDetail
from msp_console.ui.dialogs.scrolled_form import ScrolledForm

ERROR_COLOUR = "#c62828"


def parse_decimal(text: str, locale: QLocale | None = None) -> Decimal:
    """'1.234,50' (it_IT) or '1234.50': a Decimal, or ValueError saying what is wrong."""
    loc = locale or QLocale()
    raw = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not raw:
        raise ValueError(tr("a number is needed"))
    group, point = loc.groupSeparator(), loc.decimalPoint()
    if point == "," or (point != "." and "," in raw):
        raw = raw.replace(group, "").replace(",", ".")
    else:
        raw = raw.replace(group, "") if group != "." else raw
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(tr("'%s' is not a number") % text) from None
    if not value.is_finite():
        raise ValueError(tr("'%s' is not a number") % text)
    if value < 0:
        raise ValueError(tr("cannot be negative"))
    return value


def date_edit(initial: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    loc = QLocale()
    pattern = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if loc.language() == QLocale.Language.C:
        pattern = "yyyy-MM-dd"
    elif "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    edit.setDisplayFormat(pattern)
    d = initial or date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def to_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def show_field_errors(
    parent: QWidget | None,
    title: str,
    intro: str,
    errors: list[FieldError],
    company_profile: Callable[[], object] | None = None,
) -> QMessageBox:
    """What is wrong, one field a line, and what to do next (window-modal, no nested loop); an
    error in the MSP's own data comes with the button that opens the company profile."""
    box = QMessageBox(parent)
    box.setObjectName("fieldErrors")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(intro)
    box.setInformativeText("\n".join(f"• {e.field}: {e.message}" for e in errors))
    if company_profile is not None and any("company." in e.field for e in errors):
        fix = box.addButton(tr("Open the &company profile…"), QMessageBox.ButtonRole.AcceptRole)
        fix.setObjectName("openCompanyProfile")
        fix.clicked.connect(company_profile)
        box.addButton(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class EditDraftDialog(QDialog):
    """Quantity, unit price and description of each line; a bad number is marked where it is."""

    @staticmethod
    def columns() -> tuple[str, ...]:
        """Translated when the dialog is built, not when the module is first imported."""
        return (tr("Description"), tr("Quantity"), tr("Unit price"), tr("VAT %"))

    def __init__(self, detail: InvoiceDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("editDraft")
        self.setWindowTitle(tr("Edit draft for %s") % detail.client)
        self.detail = detail
        columns = self.columns()
        self.table = QTableWidget(len(detail.lines), len(columns))
        self.table.setHorizontalHeaderLabels(list(columns))
        for r, line in enumerate(detail.lines):
            self._fill(r, line)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, max(360, self.table.columnWidth(0)))
        self.table.itemChanged.connect(self._validate)
        self.error = QLabel()
        self.error.setObjectName("editDraftError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.error.setWordWrap(True)
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Drafts can change until they are issued. Amounts are recomputed.")))
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 320)

    def _fill(self, r: int, line: DraftLine) -> None:
        loc = QLocale()
        values = (
            line.description,
            loc.toString(float(line.quantity), "g", 12),
            loc.toString(float(line.unit_price), "f", 2),
            f"{line.vat_rate:g}",
        )
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if c == 3:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            elif c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, c, item)

    def _item(self, r: int, c: int) -> QTableWidgetItem:
        item = self.table.item(r, c)
        assert item is not None
        return item

    def _validate(self) -> bool:
        problems = []
        for r in range(self.table.rowCount()):
            for c, name in ((1, tr("quantity")), (2, tr("unit price"))):
                item = self._item(r, c)
                try:
                    parse_decimal(item.text())
                    item.setBackground(self.table.palette().base())
                    item.setToolTip("")
                except ValueError as exc:
                    from PySide6.QtGui import QColor

                    item.setBackground(QColor("#ffcdd2"))
                    item.setToolTip(str(exc))
                    problems.append(tr("Line %d, %s: %s") % (r + 1, name, exc))
            if not self._item(r, 0).text().strip():
                problems.append(tr("Line %d: the description cannot be empty") % (r + 1))
        self.error.setText("\n".join(problems))
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(not problems)
        return not problems

    def accept(self) -> None:
        if self._validate():
            super().accept()

    def changes(self) -> list[tuple[int, str | None, Decimal | None, Decimal | None]]:
        """(position, description, quantity, unit price) for the lines that changed."""
        out = []
        for r, line in enumerate(self.detail.lines):
            text = self._item(r, 0).text().strip()
            qty = parse_decimal(self._item(r, 1).text())
            price = parse_decimal(self._item(r, 2).text())
            change = (
                line.position,
                text if text != line.description else None,
                qty if qty != line.quantity else None,
                price
                if price.quantize(Decimal("0.01")) != line.unit_price.quantize(Decimal("0.01"))
                else None,
            )
            if any(x is not None for x in change[1:]):
                out.append(change)
        return out


class CreditNoteDialog(QDialog):
    """Reason (printed on the note), date, and the whole invoice or chosen lines."""

    def __init__(self, detail: InvoiceDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("creditNote")
        self.setWindowTitle(tr("Credit note for %s") % (detail.number or ""))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("creditReason")
        self.reason.setPlaceholderText(tr("Why the invoice is cancelled or corrected (printed on the note)"))
        self.reason.setFixedHeight(70)
        self.when = date_edit()
        self.checks: list[tuple[int, QCheckBox]] = []
        form = QFormLayout()
        form.addRow(tr("Reason:"), self.reason)
        form.addRow(tr("Date:"), self.when)
        lines = QWidget()
        box = QVBoxLayout(lines)
        box.setContentsMargins(0, 0, 0, 0)
        for line in detail.lines:
            check = QCheckBox(f"{line.position}. {line.description} — {money(line.amount)}")
            check.setChecked(True)
            self.checks.append((line.position, check))
            box.addWidget(check)
        form.addRow(tr("Lines to credit:"), ScrolledForm(lines, 260))  # an invoice of many lines scrolls
        self.error = QLabel()
        self.error.setObjectName("creditError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.error.setText(tr("Write a reason: it is printed on the credit note."))
            return
        if not self.positions() and not all(c.isChecked() for _, c in self.checks):
            self.error.setText(tr("Choose at least one line to credit."))
            return
        super().accept()

    def positions(self) -> list[int] | None:
        """None = the whole invoice."""
        chosen = [p for p, c in self.checks if c.isChecked()]
        return None if len(chosen) == len(self.checks) else chosen


class PaidDialog(QDialog):
    def __init__(self, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("markPaid")
        self.setWindowTitle(tr("Mark %s paid") % number)
        self.when = date_edit()
        form = QFormLayout(self)
        form.addRow(tr("Paid on:"), self.when)
        form.addRow(_buttons(self))
