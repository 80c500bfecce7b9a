"""The Interventions tab: a filterable table with SLA countdowns, and the selected one's detail."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.intervention_state import InterventionState
from msp_console.services.interventions import Scheduling
from msp_console.ui.scheduling.controller import SchedulingController
from msp_console.ui.scheduling.intervention_detail import InterventionDetail
from msp_console.ui.scheduling.interventions_model import (
    COLUMNS,
    SORT_ROLE,
    InterventionRow,
    InterventionsModel,
)
from msp_console.ui.scheduling.look import state_label, tr
from msp_console.ui.views.filter_box import clear_on_escape

CLOCK_LIMIT = 500  # active interventions whose clocks are read per refresh


def load_rows(sc: Scheduling, active_only: bool) -> list[InterventionRow]:
    """The list, with machines and SLA clocks of the active ones (read off the GUI thread)."""
    rows = []
    now = datetime.now().astimezone()
    summaries = sc.interventions.list(active_only=active_only)
    for i, s in enumerate(summaries):
        if s.state != InterventionState.CLOSED.value and i < CLOCK_LIMIT:
            v = sc.interventions.show(s.id, now)
            rows.append(InterventionRow(s, ", ".join(n for _id, n in v.machines), v.clocks))
        else:
            rows.append(InterventionRow(s, "", ()))
    return rows


class _Filter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.state = ""
        self.client_id: int | None = None
        self.text = ""

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # type: ignore[override]
        model = self.sourceModel()
        assert isinstance(model, InterventionsModel)
        r = model.rows[row]
        if self.state and r.summary.state != self.state:
            return False
        if self.client_id is not None and r.summary.client_id != self.client_id:
            return False
        if self.text:
            hay = f"{r.summary.id} {r.summary.title} {r.summary.client_name} {r.machines}".lower()
            return self.text in hay
        return True


class InterventionsTab(QWidget):
    loaded = Signal()

    def __init__(self, ctl: SchedulingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("interventionsTab")
        self.ctl = ctl
        self.model = InterventionsModel(self)
        self.proxy = _Filter()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("interventionsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.detail = InterventionDetail(ctl)
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("All states"), "")
        for s in InterventionState:
            self.state_filter.addItem(state_label(s.value), s.value)
        self.client_filter = QComboBox()
        self.client_filter.addItem(tr("All clients"), None)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        clear_on_escape(self.search, self.table)
        self.active_only = QCheckBox(tr("Active only"))
        new = QPushButton(tr("New intervention…"))
        new.clicked.connect(lambda: ctl.new_intervention(self.client_filter.currentData()))
        bar = QHBoxLayout()
        for w in (self.state_filter, self.client_filter, self.search, self.active_only):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(new)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.state_filter.currentIndexChanged.connect(self._filter)
        self.client_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.active_only.toggled.connect(lambda _on: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.detail.setFocus())
        ctl.changed.connect(self.reload)
        ctl.changed.connect(self.detail.reload)
        ctl.calendar_loaded.connect(self.reload)
        self._wanted: int | None = None
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)  # the countdowns: re-read each minute, off the GUI thread
        self.timer.start(60_000)
        self._stale = False
        self.reload()

    def _tick(self) -> None:
        """Only a tab on show re-reads its clocks (about 3 ms per active intervention); a hidden
        one catches up when it is shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        sc, active = self.ctl.sc, self.active_only.isChecked()
        self.ctl.run(lambda: load_rows(sc, active), lambda rows: self._loaded(generation, rows))

    def _loaded(self, generation: int, rows: list[InterventionRow]) -> None:
        if generation != self._generation:
            return
        current = self.current_id()
        self.model.tz = self.ctl.tz
        self.model.set_rows(rows)
        known = {self.client_filter.itemData(i) for i in range(self.client_filter.count())}
        for cid, name in sorted(
            {(r.summary.client_id, r.summary.client_name) for r in rows}, key=lambda p: p[1]
        ):
            if cid not in known:
                self.client_filter.addItem(name, cid)
        self.table.resizeColumnsToContents()
        for name in ("client", "machine", "title"):  # long texts elide; the clocks stay in view
            col = COLUMNS.index(name)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 210))
        wanted = self._wanted if self._wanted is not None else current
        self._wanted = None
        if wanted is not None:
            self._select(wanted)
        self._drop_unlisted()
        self.loaded.emit()

    def _filter(self) -> None:
        self.proxy.state = self.state_filter.currentData() or ""
        self.proxy.client_id = self.client_filter.currentData()
        self.proxy.text = self.search.text().strip().lower()
        self.proxy.invalidate()
        self._drop_unlisted()

    def _drop_unlisted(self) -> None:
        """The detail shows a listed intervention or none: not one a filter or a reload took away."""
        shown = self.detail.wanted_id  # on show, or asked for (an answer on its way is kept if listed)
        if shown is None:
            return
        row = self.model.row_of(shown)
        if row < 0 or not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.detail.clear()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            iid = current.data(Qt.ItemDataRole.UserRole)
            if self.detail.view is None or self.detail.view.id != iid:
                self.detail.load(iid)

    def _select(self, intervention_id: int) -> bool:
        row = self.model.row_of(intervention_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def show_intervention(self, intervention_id: int) -> None:
        """Selects it in the table (clearing filters that hide it) and shows its detail."""
        if not self._select(intervention_id):
            self.state_filter.setCurrentIndex(0)
            self.client_filter.setCurrentIndex(0)
            self.search.clear()
            self.active_only.setChecked(False)  # a closed one is listed again (the list reloads)
            if not self._select(intervention_id):
                self._wanted = intervention_id
        self.detail.load(intervention_id)
