"""The problems list as a table model: every non-OK check, most severe then oldest first.

Rebuilt from the controller's rows at most twice a second (a flood of results costs one
rebuild); the view keeps its selection by check id across rebuilds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from msp_console.domain.health import HealthState
from msp_console.monitoring.live import CheckRow
from msp_console.ui.states import state_icon, state_label

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Col(IntEnum):
    STATE = 0
    CLIENT = 1
    MACHINE = 2
    CHECK = 3
    OUTPUT = 4
    DURATION = 5
    FLAGS = 6


def duration_text(since: datetime | None, now: datetime) -> str:
    if since is None:
        return ""
    s = max(0, int((now - since).total_seconds()))
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        return f"{s // 3600} h {s % 3600 // 60:02d} min"
    days = QCoreApplication.translate("ProblemsModel", "%1 d %2 h")  # it: 3 g 4 h
    return days.replace("%1", str(s // 86400)).replace("%2", str(s % 86400 // 3600))


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[CheckRow] = []
        self.now = datetime.now(UTC)
        self._headers = [
            self.tr("State"),
            self.tr("Client"),
            self.tr("Machine"),
            self.tr("Check"),
            self.tr("Result"),
            self.tr("For"),
            self.tr("Flags"),
        ]

    def set_rows(self, rows: list[CheckRow]) -> None:
        """Replaces the rows without a model reset (a reset makes the view redo its whole layout):
        rows are added or removed at the end, and everything shown is marked changed."""
        self.now = datetime.now(UTC)
        old, new = len(self.rows), len(rows)
        if new > old:
            self.beginInsertRows(_ROOT, old, new - 1)
            self.rows = rows
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(_ROOT, new, old - 1)
            self.rows = rows
            self.endRemoveRows()
        else:
            self.rows = rows
        if min(old, new):
            self.dataChanged.emit(self.index(0, 0), self.index(min(old, new) - 1, len(Col) - 1))

    def tick(self) -> None:
        """The 'For' column ages without a new result."""
        self.now = datetime.now(UTC)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, Col.DURATION),
                self.index(len(self.rows) - 1, Col.DURATION),
                [Qt.ItemDataRole.DisplayRole],
            )

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags_text(self, r: CheckRow) -> str:
        parts = []
        if r.acked:
            parts.append(self.tr("✓ acknowledged"))
        if r.in_maintenance:
            parts.append(self.tr("in maintenance"))
        if r.soft:
            parts.append(self.tr("soft"))
        return ", ".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                state_label(r.state),
                r.client,
                r.machine,
                r.name,
                r.output.splitlines()[0] if r.output else "",
                duration_text(r.since, self.now),
                self.flags_text(r),
            )[col]
        if role == Qt.ItemDataRole.DecorationRole and col == Col.STATE:
            return state_icon(r.state, muted=r.badge)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.OUTPUT, Col.FLAGS):
            extra = f"\n{self.tr('Acknowledged')}: {r.ack_comment}" if r.acked and r.ack_comment else ""
            return r.output + extra
        if role == Qt.ItemDataRole.ForegroundRole and r.muted:
            return QColor("#8a8a8a")
        if role == ROW_ROLE:
            return r
        return None


@dataclass(frozen=True, slots=True)
class ProblemFilter:
    """By client (id; None = all), by state (None = all), and hiding silenced problems."""

    client_id: int | None = None
    state: HealthState | None = None
    hide_muted: bool = False

    def accepts(self, r: CheckRow) -> bool:
        return (
            (self.client_id is None or r.client_id == self.client_id)
            and (self.state is None or r.state is self.state)
            and not (self.hide_muted and r.muted)
        )
