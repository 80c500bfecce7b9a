"""The problems list as a table model: every non-OK check, most severe then oldest first.

Updated at most once per REFRESH_MS (problems_tab; a flood of results costs one update): ``apply``
removes the rows that went or moved and inserts the ones that came or moved, so the view keeps its
selection and only repaints; ``set_rows`` (a new filter, a reload) replaces them all without a model reset.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
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
from msp_console.monitoring.live import CheckRow, problem_key
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
        self._labels: dict[HealthState, str] = {}  # state_label per state, made when first painted
        self._keys: list[tuple[int, float, int]] = []  # problem_order of each row (bisect)
        self._by_id: dict[int, CheckRow] = {}
        self._headers = [
            self.tr("State"),
            self.tr("Client"),
            self.tr("Machine"),
            self.tr("Check"),
            self.tr("Result"),
            self.tr("For"),
            self.tr("Flags"),
        ]

    def set_rows(self, rows: list[CheckRow], keys: list[tuple[int, float, int]] | None = None) -> None:
        """Replaces the rows without a model reset (a reset makes the view redo its whole layout):
        rows are added or removed at the end, and everything shown is marked changed. ``keys``:
        their ``problem_order`` when the caller has it."""
        self.now = datetime.now(UTC)
        self._keys = list(keys) if keys is not None else [problem_order(r) for r in rows]
        self._by_id = {r.check_id: r for r in rows}
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

    def apply(
        self, rows: list[CheckRow], keys: list[tuple[int, float, int]], changed: Collection[CheckRow]
    ) -> bool:
        """Turns the shown rows into ``rows`` (``keys``: their ``problem_order``), knowing that
        only the checks in ``changed`` (their new rows) differ: rows that went or moved are
        removed, rows that came or moved inserted, rows edited in place get one dataChanged.
        False (nothing done) when that takes more than ``MAX_RUNS`` steps: ``set_rows`` then."""
        gone: list[int] = []
        came: list[int] = []
        edited: list[int] = []
        for r in changed:
            old = self._by_id.get(r.check_id)
            key = problem_order(r)
            j = bisect_left(keys, key)
            shown = j < len(rows) and rows[j].check_id == r.check_id
            if old is not None and (not shown or problem_order(old) != key):
                gone.append(bisect_left(self._keys, problem_order(old)))
                if shown:
                    came.append(j)
            elif shown:
                (came if old is None else edited).append(j)
        removals, insertions = _runs(sorted(gone)), _runs(sorted(came))
        if len(removals) + len(insertions) > MAX_RUNS:
            return False
        self.now = datetime.now(UTC)
        for first, last in reversed(removals):
            self.beginRemoveRows(_ROOT, first, last)
            del self.rows[first : last + 1]
            self.endRemoveRows()
        for first, last in insertions:
            self.beginInsertRows(_ROOT, first, last)
            self.rows[first:first] = rows[first : last + 1]
            self.endInsertRows()
        self.rows, self._keys = list(rows), list(keys)
        for r in changed:
            self._by_id.pop(r.check_id, None)
        for j in (*came, *edited):
            self._by_id[rows[j].check_id] = rows[j]
        if edited:
            self.dataChanged.emit(self.index(min(edited), 0), self.index(max(edited), len(Col) - 1))
        return True

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
        # The view asks seven roles of every cell it paints; the role decides first, so the four
        # this table never answers (font, alignment, check state, background) cost one comparison.
        if role not in _ANSWERED:
            return None
        row = index.row()
        if row < 0 or row >= len(self.rows):
            return None
        r = self.rows[row]
        if role == _DISPLAY:  # only the cell asked for is put in words
            col = index.column()
            if col == Col.STATE:
                return self._labels.get(r.state) or self._labels.setdefault(r.state, state_label(r.state))
            if col == Col.OUTPUT:
                return r.output.partition("\n")[0]
            if col == Col.DURATION:
                return duration_text(r.since, self.now)
            if col == Col.FLAGS:
                return self.flags_text(r) if r.acked or r.in_maintenance or r.soft else ""
            return (r.client, r.machine, r.name)[col - Col.CLIENT]
        if role == _DECORATION:
            return state_icon(r.state, muted=r.badge) if index.column() == Col.STATE else None
        if role == _FOREGROUND:
            return _MUTED_TEXT if r.muted else None
        if role == ROW_ROLE:
            return r
        if index.column() in (Col.OUTPUT, Col.FLAGS):  # the tooltip
            extra = f"\n{self.tr('Acknowledged')}: {r.ack_comment}" if r.acked and r.ack_comment else ""
            return r.output + extra
        return None


_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ANSWERED = frozenset((_DISPLAY, _DECORATION, _FOREGROUND, Qt.ItemDataRole.ToolTipRole, ROW_ROLE))
_MUTED_TEXT = QColor("#8a8a8a")


MAX_RUNS = 200  # row insertions/removals per update beyond which replacing every row is cheaper


def problem_order(row: CheckRow) -> tuple[int, float, int]:
    """The list's order: most severe, then oldest first (``problem_key``), then by check."""
    return (*problem_key(row), row.check_id)


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as (first, last) runs of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p - 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


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
