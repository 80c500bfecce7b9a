"""The interventions table: state, priority, client, machine, title and live SLA countdowns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from msp_console.services.interventions.views import InterventionSummary, SlaClockView
from msp_console.ui.scheduling.look import (
    SLA_COLOURS,
    datetime_text,
    duration_text,
    sla_level_text,
    state_colour,
    state_label,
    tr,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True, slots=True)
class InterventionRow:
    summary: InterventionSummary
    machines: str
    clocks: tuple[SlaClockView, ...]


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ORDER = (
    "open",
    "reopened",
    "contacted",
    "scheduled",
    "in_progress",
    "awaiting_check",
    "waiting_for_client",
    "closed",
)

COLUMNS = ("id", "state", "priority", "client", "machine", "title", "response", "resolution", "opened")


def clock_text(clock: SlaClockView | None) -> str:
    if clock is None:
        return ""
    if clock.level in ("met", "paused"):
        return sla_level_text(clock.level)
    remaining = clock.remaining
    if clock.level == "breached" or remaining < timedelta(0):
        late = f" {duration_text(remaining)}" if remaining < timedelta(0) else ""
        return "✕ " + tr("breached") + late
    glyph = "! " if clock.level == "warning" else ""
    return glyph + duration_text(remaining)


class InterventionsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[InterventionRow] = []
        self.tz: Any = None

    def set_rows(self, rows: list[InterventionRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, intervention_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.summary.id == intervention_id), -1)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "id": "#",
            "state": tr("State"),
            "priority": tr("Priority"),
            "client": tr("Client"),
            "machine": tr("Machine"),
            "title": tr("Title"),
            "response": tr("Response SLA"),
            "resolution": tr("Resolution SLA"),
            "opened": tr("Opened"),
        }[COLUMNS[section]]

    def _clock(self, row: InterventionRow, name: str) -> SlaClockView | None:
        return next((c for c in row.clocks if c.name == name), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        s = row.summary
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        if role == SORT_ROLE:
            return self._sort_key(row, col, index)
        if role == Qt.ItemDataRole.DisplayRole:
            if col in ("response", "resolution"):
                return clock_text(self._clock(row, col))
            return {
                "id": str(s.id),
                "state": state_label(s.state),
                "priority": s.priority,
                "client": s.client_name,
                "machine": row.machines,
                "title": s.title,
                "opened": datetime_text(s.opened_at, self.tz),
            }.get(col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "state":
                return QBrush(state_colour(s.state))
            if col in ("response", "resolution"):
                clock = self._clock(row, col)
                if clock is not None and clock.level in ("warning", "breached"):
                    return QBrush(QColor(SLA_COLOURS[clock.level]).darker(120))
            if col == "priority" and s.priority == "P1":
                return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.BackgroundRole and col in ("response", "resolution"):
            clock = self._clock(row, col)
            if clock is not None and clock.level == "breached":
                return QBrush(QColor(198, 40, 40, 40))
            if clock is not None and clock.level == "warning":
                return QBrush(QColor(249, 168, 37, 50))
        if role == Qt.ItemDataRole.ToolTipRole and col in ("response", "resolution"):
            clock = self._clock(row, col)
            if clock is not None and clock.deadline is not None:
                return tr("Deadline: %1").replace("%1", datetime_text(clock.deadline, self.tz))
        return None

    def _sort_key(self, row: InterventionRow, col: str, index: AnyIndex) -> Any:
        """Numbers sort as numbers: ids, states in life-cycle order, clocks by time left."""
        s = row.summary
        if col == "id":
            return s.id
        if col == "state":
            return STATE_ORDER.index(s.state) if s.state in STATE_ORDER else len(STATE_ORDER)
        if col in ("response", "resolution"):
            clock = self._clock(row, col)
            if clock is None or clock.level in ("met", "paused"):
                return float("inf")
            return clock.remaining.total_seconds()
        if col == "opened":
            return s.opened_at.timestamp()
        return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "").lower()
