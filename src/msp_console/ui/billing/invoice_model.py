"""The invoice list: a table model over frozen InvoiceRow views, and its filter proxy."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from msp_console.services.billing.ledger import InvoiceRow
from msp_console.services.billing.sdi_records import SdiStatus
from msp_console.ui.billing.look import STATUS_COLOURS, day, money, month_name, status_label, tr
from msp_console.ui.billing.sdi_look import SDI_BADGES, sdi_text

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SDI_STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # the SdI state key ("rejected"…), for the badge


def period_text(row: InvoiceRow) -> str:
    if row.period_start is None or row.period_end is None:
        return tr("credit note for %s") % row.credited if row.credited else ""
    return period_words(row.period_start, row.period_end)


def period_words(start: date, end: date) -> str:
    """'October 2026' for a whole calendar month, else the two dates."""
    whole_month = start.day == 1 and (end + timedelta(days=1)).day == 1 and start.month == end.month
    if whole_month and start.year == end.year:
        return month_name(start.year, start.month)
    return f"{day(start)} – {day(end)}"


class InvoiceTableModel(QAbstractTableModel):
    COLUMNS = ("number", "date", "client", "period", "total", "status", "sdi")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[InvoiceRow] = []
        self.sdi: dict[int, SdiStatus] = {}  # invoice id -> its SdI state and history
        # A cell's words, put together once when first painted (the view and the proxy ask again
        # at every paint; a date or an amount goes through the locale each time otherwise).
        self._texts: dict[tuple[int, int], str] = {}
        self._headers = [
            tr("Number"), tr("Date"), tr("Client"), tr("Period"), tr("Total"), tr("Status"), tr("SdI")
        ]  # fmt: skip

    def set_rows(self, rows: list[InvoiceRow], sdi: dict[int, SdiStatus] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.sdi = dict(sdi or {})
        self._texts = {}
        self.endResetModel()

    def sdi_state(self, row: InvoiceRow) -> str:
        status = self.sdi.get(row.id)
        return status.state if status is not None else ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._display(row, column)
            return text
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == SDI_STATE_ROLE and column == "sdi":
            return self.sdi_state(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == "sdi":
            return self._sdi_tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QBrush(QColor(STATUS_COLOURS.get(row.status, "#757575")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "number" and row.kind == "TD04":
            return tr("Credit note (TD04) for %s") % (row.credited or "")
        return None

    def _display(self, row: InvoiceRow, column: str) -> str:
        if column == "number":
            if row.number is None:
                return tr("(draft %d)") % row.id
            return row.number + (" ⟲" if row.kind == "TD04" else "")
        if column == "date":
            return day(row.issue_date or row.planned_date)
        if column == "client":
            return row.client
        if column == "period":
            return period_text(row)
        if column == "total":
            return money(-row.total if row.kind == "TD04" else row.total)
        if column == "sdi":
            return SDI_BADGES.get(self.sdi_state(row), "")
        return status_label(row.status)

    def _sdi_tip(self, row: InvoiceRow) -> str:
        status = self.sdi.get(row.id)
        if status is None:
            return tr("Not sent to the SdI yet.")
        lines = [f"SdI: {sdi_text(status.state)}", status.file_name]
        rejection = status.rejection
        if status.state == "rejected" and rejection is not None:
            lines += [f"{code} {text}" for code, text in rejection.errors]
        if status.state == "failed" and status.error:
            lines.append(status.error)
        return "\n".join(lines)

    def _sort_key(self, row: InvoiceRow, column: str) -> Any:
        if column == "number":
            return f"{row.number or ''}|{row.id:09d}"
        if column == "date":
            return (row.issue_date or row.planned_date).isoformat()
        if column == "total":
            return float(row.total if row.kind == "TD01" else -row.total)
        if column == "period":
            return row.period_start.isoformat() if row.period_start else ""
        return self._display(row, column).lower()


class InvoiceFilter(QSortFilterProxyModel):
    """Filters by status and client text (the month is chosen when loading)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.status = ""
        self.client = ""
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str) -> None:
        self.status = status
        self.invalidate()

    def set_client(self, text: str) -> None:
        self.client = text.strip().lower()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, InvoiceTableModel)
        row = model.rows[source_row]
        if self.status and row.status != self.status:
            return False
        return not (self.client and self.client not in row.client.lower())


def visible_total(rows: list[InvoiceRow]) -> Decimal:
    return sum((-r.total if r.kind == "TD04" else r.total for r in rows), Decimal(0))
