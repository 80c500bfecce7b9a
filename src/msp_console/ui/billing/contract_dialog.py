"""Contract editor for one client: services, prices, period, terms; history of line versions.

Header fields (end, terms, SLA, language, notes) change at once; line prices and quantities
change from the next period, which the dialog says in words next to the table. The contract is
read before the dialog opens and written when Save is pressed, both on the worker thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from msp_console.services.database import Database
from msp_console.ui.billing.contract_data import (
    ContractView,
    EditorData,
    LineView,
    load_editor,
    save_contract,
)
from msp_console.ui.billing.dialogs import ERROR_COLOUR, date_edit, parse_decimal, to_date
from msp_console.ui.billing.look import day, explain, money, tr
from msp_console.ui.dialogs.background_dialog import BackgroundSave, open_when_loaded


def open_contract_dialog(
    parent: QWidget,
    db: Database,
    client_id: int,
    *,
    language: str = "it",
    today: date | None = None,
    on_open: Callable[[ContractDialog], object] | None = None,
) -> None:
    """Reads the client's contract on the worker thread, then opens the editor over ``parent``.
    ``language``: a new contract's invoice language (Settings → Invoices)."""

    def build(data: EditorData) -> ContractDialog:
        return ContractDialog(db, data, parent)

    open_when_loaded(
        parent,
        lambda: load_editor(db, client_id, today, language),
        build,
        tr("Contract"),
        key=("contract", id(parent), client_id),
        on_open=on_open,
    )


class ContractDialog(QDialog):
    COLS = (
        tr("Service"),
        tr("Description"),
        tr("Quantity"),
        tr("Unit price"),
        tr("Remove"),
    )

    def __init__(self, db: Database, data: EditorData, parent: QWidget | None = None):
        """``data``: what ``load_editor`` read (off the GUI thread)."""
        super().__init__(parent)
        self.setObjectName("contractDialog")
        self.db = db
        self.data = data
        c = self.data.contract
        self.setWindowTitle(tr("Contract — %s") % self.data.client)
        self.code = QLineEdit(c.code)
        self.code.setObjectName("contractCode")
        self.start = date_edit(c.start)
        self.has_end = QCheckBox(tr("ends on"))
        self.end = date_edit(c.end or c.start)
        self.has_end.setChecked(c.end is not None)
        self.end.setEnabled(c.end is not None)
        self.has_end.toggled.connect(self.end.setEnabled)
        self.period = QComboBox()
        for value, label in (
            ("monthly", tr("Monthly")),
            ("quarterly", tr("Quarterly")),
            ("yearly", tr("Yearly")),
        ):
            self.period.addItem(label, value)
        self.period.setCurrentIndex(max(0, self.period.findData(c.period)))
        self.billing_day = QSpinBox()
        self.billing_day.setRange(1, 31)
        self.billing_day.setValue(c.billing_day)
        self.payment_days = QSpinBox()
        self.payment_days.setRange(0, 365)
        self.payment_days.setSuffix(tr(" days"))
        self.payment_days.setValue(c.payment_days)
        self.end_of_month = QCheckBox(tr("end of month"))
        self.end_of_month.setChecked(c.payment_end_of_month)
        self.sla = QLineEdit(c.sla_plan)
        self.sla.setPlaceholderText(tr("e.g. Standard (4 h response)"))
        self.language = QComboBox()
        self.language.addItem(tr("Italian"), "it")
        self.language.addItem(tr("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(c.language)))
        self.notes = QPlainTextEdit(c.notes)
        self.notes.setFixedHeight(56)
        existing = c.id is not None
        for w in (self.code, self.start, self.period, self.billing_day):
            w.setEnabled(not existing)
            if existing:
                w.setToolTip(tr("Fixed once the contract exists: end it and start a new one to change this."))
        end_row, terms = _row(self.has_end, self.end), _row(self.payment_days, self.end_of_month)
        form = QFormLayout()
        form.addRow(tr("Code:"), self.code)
        form.addRow(tr("Start:"), self.start)
        form.addRow(tr("End:"), end_row)
        form.addRow(tr("Billed:"), _row(self.period, QLabel(tr("in advance, on day")), self.billing_day))
        form.addRow(tr("Payment terms:"), terms)
        form.addRow(tr("SLA plan:"), self.sla)
        form.addRow(tr("Invoice language:"), self.language)
        form.addRow(tr("Notes:"), self.notes)

        self.lines = QTableWidget(0, len(self.COLS))
        self.lines.setObjectName("contractLines")
        self.lines.setHorizontalHeaderLabels(list(self.COLS))
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines.setColumnWidth(0, 280)
        description_header = self.lines.horizontalHeaderItem(1)
        if description_header is not None:
            description_header.setToolTip(tr("Blank: the service's name is printed"))
        self.lines.verticalHeader().hide()
        for line in c.lines:
            self._add_row(line)
        self.lines.itemChanged.connect(lambda _i: self._validate())
        add = QPushButton(tr("Add service"))
        add.setObjectName("contractAddLine")
        add.clicked.connect(lambda: self._add_row(None))
        self.effect = QLabel(self._effect_text(c))
        self.effect.setObjectName("contractEffect")
        self.effect.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("contractError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.error.setWordWrap(True)
        services_page = QWidget()
        sp = QVBoxLayout(services_page)
        sp.addWidget(self.effect)
        sp.addWidget(self.lines, 1)
        sp.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        tabs = QTabWidget()
        tabs.addTab(services_page, tr("Services"))
        tabs.addTab(self._history(c), tr("History (%d versions)") % len(c.history))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.header = QWidget()  # frozen, with the lines, while the contract is being written
        form.setContentsMargins(0, 0, 0, 0)
        self.header.setLayout(form)
        self.saving = BackgroundSave(self, self.buttons, self.header, tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.saving.status)
        layout.addWidget(self.buttons)
        self.resize(860, 640)  # fits 1366×768 and 1920×1080 at 150 % (1280×720)

    def _effect_text(self, c: ContractView) -> str:
        if c.id is None:
            return tr("Prices and quantities default to the catalog and can be changed per client.")
        return tr(
            "Price and quantity changes take effect from %s, the first day of the next period: "
            "invoices already created, and this period's, stay as they are."
        ) % day(c.effective)

    def _history(self, c: ContractView) -> QTableWidget:
        heads = (tr("From"), tr("Line"), tr("Service"), tr("Quantity"), tr("Unit price"), tr("Change"))
        table = QTableWidget(len(c.history), len(heads))
        table.setObjectName("contractHistory")
        table.setHorizontalHeaderLabels(list(heads))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        loc = QLocale()
        for r, v in enumerate(c.history):
            values = (day(v.valid_from), str(v.line_key), v.service, loc.toString(float(v.quantity), "g", 12),
                      money(v.unit_price), tr("removed") if v.removed else "")  # fmt: skip
            for col, text in enumerate(values):
                table.setItem(r, col, QTableWidgetItem(text))
        return table

    def _add_row(self, line: LineView | None) -> None:
        r = self.lines.rowCount()
        self.lines.insertRow(r)
        combo = QComboBox()
        for s in self.data.services:
            combo.addItem(s.name, s.id)
        key = line.key if line is not None else None
        combo.setProperty("line_key", -1 if key is None else key)
        if line is not None:
            combo.setCurrentIndex(max(0, combo.findData(line.service_id)))
            combo.setEnabled(False)  # a line keeps its service; remove it and add another instead
            combo.setToolTip(tr("A line keeps its service: remove it and add another to change it."))
        combo.currentIndexChanged.connect(lambda _i, row=r: self._service_chosen(row))
        self.lines.setCellWidget(r, 0, combo)
        loc = QLocale()
        qty = line.quantity if line is not None else None
        price = line.unit_price if line is not None else None
        self.lines.blockSignals(True)
        self.lines.setItem(r, 1, QTableWidgetItem(line.description if line is not None else ""))
        self.lines.setItem(
            r, 2, QTableWidgetItem(loc.toString(float(qty), "g", 12) if qty is not None else "1")
        )
        self.lines.setItem(
            r, 3, QTableWidgetItem(loc.toString(float(price), "f", 2) if price is not None else "")
        )
        self.lines.blockSignals(False)
        self.lines.setCellWidget(r, 4, _centered(QCheckBox()))
        if line is None:
            self._service_chosen(r)

    def _service_chosen(self, r: int) -> None:
        combo = self.lines.cellWidget(r, 0)
        assert isinstance(combo, QComboBox)
        service = next((s for s in self.data.services if s.id == combo.currentData()), None)
        item = self.lines.item(r, 3)
        if service is not None and item is not None:
            item.setText(QLocale().toString(float(service.default_price), "f", 2))
            item.setToolTip(tr("Catalog price; change it for this client if agreed"))

    def _validate(self) -> bool:
        problems = []
        for r in range(self.lines.rowCount()):
            for col, name in ((2, tr("quantity")), (3, tr("unit price"))):
                item = self.lines.item(r, col)
                if item is None:
                    continue
                try:
                    parse_decimal(item.text())
                    item.setBackground(self.lines.palette().base())
                except ValueError as exc:
                    item.setBackground(QColor("#ffcdd2"))
                    problems.append(tr("Line %d, %s: %s") % (r + 1, name, exc))
        if not self.code.text().strip():
            problems.append(tr("The contract needs a code (printed on the invoice)."))
        self.error.setText("\n".join(problems))
        return not problems

    def wanted(self) -> ContractView:
        c = self.data.contract
        lines = []
        for r in range(self.lines.rowCount()):
            combo, remove = self.lines.cellWidget(r, 0), self.lines.cellWidget(r, 4)
            assert isinstance(combo, QComboBox) and remove is not None
            key = int(combo.property("line_key"))
            desc, qty, price = (self.lines.item(r, col) for col in (1, 2, 3))
            assert desc is not None and qty is not None and price is not None
            check = remove.findChild(QCheckBox)
            lines.append(
                LineView(None if key < 0 else key, int(combo.currentData()), desc.text().strip(),
                         parse_decimal(qty.text()), parse_decimal(price.text()),
                         bool(check and check.isChecked()))
            )  # fmt: skip
        return replace(
            c, code=self.code.text().strip(), start=to_date(self.start),
            end=to_date(self.end) if self.has_end.isChecked() else None,
            period=str(self.period.currentData()), billing_day=self.billing_day.value(),
            payment_days=self.payment_days.value(), payment_end_of_month=self.end_of_month.isChecked(),
            sla_plan=self.sla.text().strip(), language=str(self.language.currentData()),
            notes=self.notes.toPlainText(), lines=tuple(lines),
        )  # fmt: skip

    def save(self) -> bool:
        """Checks the lines, then writes the contract on the worker thread; the dialog closes once
        written. False, with the problems listed, when a line or the code is not valid."""
        if self.saving.busy or not self._validate():
            return False
        client_id, wanted = self.data.client_id, self.wanted()
        return self.saving.start(
            lambda: save_contract(self.db, client_id, wanted),
            self._written,
            lambda error: self.error.setText(explain(error, self._labels())),
        )

    def _labels(self) -> dict[str, str]:
        """The form's names of the fields the service may refuse."""
        return {
            "code": tr("Code:"),
            "end": tr("End:"),
            "billing_day": tr("Billed:"),
            "language": tr("Invoice language:"),
            "payment_days": tr("Payment terms:"),
        }

    def _written(self, effective: date) -> None:
        self.effective = effective
        super().accept()

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if not self.saving.busy:  # the answer of a running save must find the dialog
            super().reject()


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)
    return box


def _centered(w: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(w)
    return box
