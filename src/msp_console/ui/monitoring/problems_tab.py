"""The Problems tab: filters on top, the table, and the actions for the selected problems."""

from __future__ import annotations

import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.health import HealthState
from msp_console.monitoring.live import CheckRow
from msp_console.ui.flow_layout import FlowLayout
from msp_console.ui.monitoring.actions import ProblemActions
from msp_console.ui.monitoring.dialogs import host_key_problem
from msp_console.ui.monitoring.problems_model import (
    ROW_ROLE,
    Col,
    ProblemFilter,
    ProblemsModel,
    problem_order,
)
from msp_console.ui.states import state_icon, state_text
from msp_console.ui.views.room_for_stretch import RoomForStretch

# The table takes in changed checks (rows move in place, not rebuilt) 100 ms after the first
# change, then at most once a second: each update repaints the whole table (10–40 ms on a 2-core
# PC), and a list that reorders four times a second is harder to read, not fresher.
FIRST_REFRESH_MS = 100
REFRESH_MS = 1000
FILTER_STATES = (HealthState.CRITICAL, HealthState.UNREACHABLE, HealthState.WARNING, HealthState.UNKNOWN)


class ProblemsTab(QWidget):
    open_machine = Signal(int)  # machine id
    count_changed = Signal(int)

    def __init__(
        self,
        rows_source: Callable[[], list[CheckRow]],
        actions: ProblemActions,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("problemsTab")
        self.rows_source = rows_source
        self.problem_actions = actions
        self.model = ProblemsModel(self)
        self.filter = ProblemFilter()
        self.proxy = self.model  # filtered in Python once per rebuild, not row by row through a proxy
        self.all_rows: list[CheckRow] = []  # every problem, by problem_order
        self._order: list[tuple[int, float, int]] = []  # problem_order of each of all_rows (bisect)
        self._listed: dict[int, CheckRow] = {}  # check id → its row in all_rows
        self._changes: dict[int, CheckRow] | None = None  # since the last refresh; None: read them all
        self._clients: Counter[tuple[str, int] | None] = Counter()  # see _count
        self.client = QComboBox()
        self.client.setObjectName("problemsClient")
        self.client.addItem(self.tr("All clients"), None)
        self.state = QComboBox()
        self.state.setObjectName("problemsState")
        self.state.addItem(self.tr("All states"), None)
        for s in FILTER_STATES:
            self.state.addItem(state_icon(s), state_text(s), s.value)
        self.hide_muted = QCheckBox(self.tr("Hide acknowledged / in maintenance"))
        self.summary = QLabel()
        # The combo's items may not resize (and so re-lay out) the window at every rebuild: a fixed
        # width. The rows wrap (FlowLayout) when the tab is narrow, so nothing is cut.
        self.client.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.client.setMinimumContentsLength(22)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = FlowLayout()
        for w in (
            QLabel(self.tr("Client:")),
            self.client,
            QLabel(self.tr("State:")),
            self.state,
            self.hide_muted,
        ):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.view = QTableView()
        self.view.setObjectName("problemsView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(Col.OUTPUT, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (Col.STATE, 100),
            (Col.CLIENT, 170),
            (Col.MACHINE, 110),
            (Col.CHECK, 110),
            (Col.DURATION, 80),
            (Col.FLAGS, 120),
        ):
            self.view.setColumnWidth(col, width)
        self.room = RoomForStretch(self.view, Col.OUTPUT)  # a narrow tab: the output keeps 160 px
        self.room.set_natural({c: self.view.columnWidth(c) for c in range(self.proxy.columnCount())})
        self.buttons: dict[str, QPushButton] = {}
        bottom = FlowLayout()
        for key, text in (
            ("ack", self.tr("Acknowledge…")),
            ("maintenance", self.tr("Maintenance…")),
            ("check", self.tr("Check now")),
            ("open", self.tr("Open machine")),
            ("hostkey", self.tr("Host key…")),
            ("intervention", self.tr("Open intervention…")),
            ("call", self.tr("Call client…")),
        ):
            b = QPushButton(text)
            b.setObjectName(f"problems-{key}")
            self.buttons[key] = b
            bottom.addWidget(b)
        bottom.addStretch(1)
        for row in (top, bottom):  # the tab may be narrower than its rows: they wrap, the docks keep room
            row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self.setMinimumWidth(200)
        self.buttons["ack"].clicked.connect(lambda: actions.acknowledge(self.selected()))
        self.buttons["maintenance"].clicked.connect(self._with_one(actions.maintenance))
        self.buttons["check"].clicked.connect(
            lambda: actions.check_now([r.check_id for r in self.selected()])
        )
        self.buttons["open"].clicked.connect(self._with_one(lambda r: self.open_machine.emit(r.machine_id)))
        self.buttons["hostkey"].clicked.connect(self._with_one(actions.host_key))
        self.buttons["intervention"].clicked.connect(self._with_one(actions.open_intervention))
        self.buttons["call"].clicked.connect(self._with_one(actions.call_client))
        self.view.doubleClicked.connect(
            lambda _i: self._with_one(lambda r: self.open_machine.emit(r.machine_id))()
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.client.currentIndexChanged.connect(lambda _i: self._filter())
        self.state.currentIndexChanged.connect(lambda _i: self._filter())
        self.hide_muted.toggled.connect(lambda _on: self._filter())
        self._dirty = QTimer(self)
        self._dirty.setSingleShot(True)
        self._refreshed = 0.0  # time.monotonic() of the last update
        self._dirty.timeout.connect(self.refresh)
        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self.model.tick)
        self._ticker.start()
        self._stale = False
        self._enable()

    # -- data --------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Results arrived: the table follows soon after, and at most once per REFRESH_MS (a
        flood costs one update a second)."""
        if not self._dirty.isActive():
            since = (time.monotonic() - self._refreshed) * 1000
            self._dirty.start(max(FIRST_REFRESH_MS, int(REFRESH_MS - since)))

    def take_changes(self, rows: list[CheckRow]) -> None:
        """Checks whose row changed: moved in the sorted list now (a few per batch of results,
        no full re-sort), shown in the table at the next refresh."""
        if self._changes is not None:
            self._fold(rows)
            for r in rows:
                self._changes[r.check_id] = r
        self.schedule_refresh()

    def take_all(self) -> None:
        """Every row was (re)loaded: the next refresh reads them all from the source."""
        self._changes = None
        self.schedule_refresh()

    def refresh(self) -> None:
        if not self.isVisible() and self.all_rows:  # rebuilt when shown (see showEvent)
            self._stale = True
            return
        self._stale = False
        self._refreshed = time.monotonic()
        changes = self._changes
        if changes is None:
            self._read_all()
        self._changes = {}
        rows = self.all_rows
        self._fill_clients()
        self._show_rows(None if changes is None else list(changes.values()))
        muted = self._clients.get(None, 0)
        self.summary.setText(
            self.tr("%n problem(s) (%1 acknowledged or in maintenance)", "", len(rows)).replace(
                "%1", str(muted)
            )
        )
        self.count_changed.emit(len(rows) - muted)
        self._enable()

    def _read_all(self) -> None:
        rows = sorted(self.rows_source(), key=problem_order)
        self.all_rows, self._order = rows, [problem_order(r) for r in rows]
        self._listed = {r.check_id: r for r in rows}
        self._clients = Counter()
        for r in rows:
            self._count(r, 1)

    def _fold(self, changed: Iterable[CheckRow]) -> None:
        """Moves each changed check out of its old place in the sorted list and into its new one."""
        rows, order, listed = self.all_rows, self._order, self._listed
        for r in changed:
            old = listed.pop(r.check_id, None)
            if old is not None:
                i = bisect_left(order, problem_order(old))
                del order[i], rows[i]
                self._count(old, -1)
            if r.is_problem:
                key = problem_order(r)
                i = bisect_left(order, key)
                order.insert(i, key)
                rows.insert(i, r)
                listed[r.check_id] = r
                self._count(r, 1)

    def _count(self, r: CheckRow, n: int) -> None:
        """Problems per (client, id), and silenced ones under None: the combo and the summary."""
        for key in ((r.client, r.client_id), None) if r.muted else ((r.client, r.client_id),):
            left = self._clients[key] + n
            if left:
                self._clients[key] = left
            else:
                del self._clients[key]

    def _fill_clients(self) -> None:
        names = sorted((k for k in self._clients if k is not None), key=lambda x: x[0].casefold())
        chosen = self.client.currentData()
        have = [self.client.itemData(i) for i in range(1, self.client.count())]
        if have == [cid for _n, cid in names]:
            return
        self.client.blockSignals(True)
        self.client.clear()
        self.client.addItem(self.tr("All clients"), None)
        for name, cid in names:
            self.client.addItem(name, cid)
        found = self.client.findData(chosen)
        self.client.setCurrentIndex(max(0, found))
        self.client.blockSignals(False)
        if found < 0 and chosen is not None:
            self._filter()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_rows(self, changed: list[CheckRow] | None = None) -> None:
        """The filtered rows into the model, keeping the selection (by check id). With ``changed``
        (the only checks that differ since the last time), rows are moved in place."""
        if self.filter == ProblemFilter():
            shown, keys = list(self.all_rows), list(self._order)
        else:
            shown = [r for r in self.all_rows if self.filter.accepts(r)]
            keys = [problem_order(r) for r in shown]
        if changed is not None and self.model.apply(shown, keys, changed):  # the selection stays
            return
        keep = {r.check_id for r in self.selected()}
        current = self.view.currentIndex().data(ROW_ROLE)
        sel = self.view.selectionModel()
        if keep or current is not None:
            sel.clear()
        self.model.set_rows(shown, keys)
        if keep or current is not None:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for row, r in enumerate(self.model.rows):
                if r.check_id in keep:
                    sel.select(self.model.index(row, 0), flags)
                if current is not None and r.check_id == current.check_id:
                    sel.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _filter(self) -> None:
        state = self.state.currentData()
        self.filter = ProblemFilter(
            self.client.currentData(), HealthState(state) if state else None, self.hide_muted.isChecked()
        )
        self._show_rows()
        self._enable()

    # -- selection -----------------------------------------------------------------------------
    def selected(self) -> list[CheckRow]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [i.data(ROW_ROLE) for i in sorted(rows, key=QModelIndex.row)]

    def select_check(self, check_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, 0)
            if idx.data(ROW_ROLE).check_id == check_id:
                self.view.selectionModel().setCurrentIndex(
                    idx,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _with_one(self, fn: Callable[[CheckRow], object]) -> Callable[[], None]:
        def run() -> None:
            rows = self.selected()
            if rows:
                fn(rows[0])

        return run

    def _enable(self) -> None:
        rows = self.selected()
        any_ = bool(rows)
        for key in ("maintenance", "check", "open", "intervention", "call"):
            self.buttons[key].setEnabled(any_)
        self.buttons["ack"].setEnabled(any(not r.acked for r in rows))
        self.buttons["hostkey"].setEnabled(len(rows) == 1 and host_key_problem(rows[0].output) is not None)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
