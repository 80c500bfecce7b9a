"""One machine's checks and history: the checks table (with add/edit/remove/check now),
charts of its metrics over 24 h / 7 d / 30 d from the roll-ups, and the state-change timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.check_defaults import CheckDefaults
from msp_console.monitoring.live import (
    CheckRow,
    EventView,
    add_check_by_id,
    delete_check,
    state_timeline,
    update_check,
)
from msp_console.monitoring.metric_history import Series, machine_series
from msp_console.ui.flow_layout import FlowLayout
from msp_console.ui.labels import check_type_text
from msp_console.ui.locale_format import local, short_datetime, short_time
from msp_console.ui.monitoring.chart import LineChart
from msp_console.ui.monitoring.check_dialog import CheckDialog
from msp_console.ui.states import state_icon, state_label, state_text
from msp_console.ui.worker import run_in_background

if TYPE_CHECKING:
    from msp_console.ui.monitoring.feature import MonitoringFeature

RANGES = (("24 h", timedelta(hours=24)), ("7 d", timedelta(days=7)), ("30 d", timedelta(days=30)))
TITLES = {
    "disk_used_pct": QT_TRANSLATE_NOOP("MachineView", "Disk used"),
    "load1_per_core": QT_TRANSLATE_NOOP("MachineView", "Load per core"),
    "mem_used_pct": QT_TRANSLATE_NOOP("MachineView", "Memory used"),
    "rtt": QT_TRANSLATE_NOOP("MachineView", "Round-trip time"),
    "age": QT_TRANSLATE_NOOP("MachineView", "Backup age"),
    "cpu_pct": QT_TRANSLATE_NOOP("MachineView", "CPU"),
    "time": QT_TRANSLATE_NOOP("MachineView", "Response time"),
    "size": QT_TRANSLATE_NOOP("MachineView", "Backup size"),
}
THRESHOLDS = {"disk_used_pct": (85.0, 95.0), "mem_used_pct": (90.0, 95.0), "age": (26.0, 48.0)}


def _when(t: datetime | None) -> str:
    """Today's runs by the time alone (to the second), others with their date."""
    if t is None:
        return "—"
    if local(t).date() == local(datetime.now(UTC)).date():
        return short_time(t, seconds=True)
    return short_datetime(t)


class MachineView(QWidget):
    def __init__(self, feature: MonitoringFeature, machine_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("machineView")
        self.feature, self.machine_id = feature, machine_id
        self.controller = feature.controller
        rows = self.rows()
        self.path = (
            rows[0].path
            if rows
            else feature.window.model.data(feature.window.model.index_for("machine", machine_id))
            or str(machine_id)
        )
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.range = QComboBox()
        for label, span in RANGES:
            self.range.addItem(label, span)
        buttons = FlowLayout()  # a narrow tab: the buttons wrap, the header has its own line
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("check", self.tr("Check now")),
            ("add", self.tr("Add check…")),
            ("edit", self.tr("Edit…")),
            ("remove", self.tr("Remove")),
            ("close", self.tr("Close")),
        ):
            b = QPushButton(text)
            b.setObjectName(f"machine-{key}")
            self.buttons[key] = b
            buttons.addWidget(b)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("machineChecks")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("State"),
                self.tr("Check"),
                self.tr("Last result"),
                self.tr("Last run"),
                self.tr("Next run"),
                self.tr("Thresholds"),
                self.tr("Every"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.charts_box = QWidget()
        self.charts = QGridLayout(self.charts_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts_box)
        self.timeline = QTableWidget(0, 4)
        self.timeline.setObjectName("machineTimeline")
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Check"), self.tr("Change"), self.tr("Result")]
        )
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        history = QWidget()
        hl = QVBoxLayout(history)
        hl.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("History:")))
        top.addWidget(self.range)
        top.addStretch(1)
        hl.addLayout(top)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(scroll)
        lower.addWidget(self.timeline)
        lower.setSizes([640, 360])
        hl.addWidget(lower)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(history)
        split.setSizes([170, 480])
        self.header.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        buttons.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumWidth(200)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(split)
        self.series: list[Series] = []
        self.events: list[EventView] = []
        self.buttons["check"].clicked.connect(
            lambda: feature.actions.check_now([r.check_id for r in self.rows()])
        )
        self.buttons["add"].clicked.connect(self.add_check)
        self.buttons["edit"].clicked.connect(self.edit_check)
        self.buttons["remove"].clicked.connect(self.remove_check)
        self.buttons["close"].clicked.connect(self.close_tab)
        self.table.doubleClicked.connect(lambda _i: self.edit_check())
        self.range.currentIndexChanged.connect(lambda _i: self.load_history())
        self.controller.rows_changed.connect(self._rows_changed)
        self.controller.reloaded.connect(self.fill_checks)
        self.fill_checks()
        self.load_history()

    def title(self) -> str:
        return self.path.split("/", 1)[-1]

    def rows(self) -> list[CheckRow]:
        ids = self.controller.by_machine.get(self.machine_id, set())
        return sorted((self.controller.rows[c] for c in ids), key=lambda r: r.name.casefold())

    # -- checks table ----------------------------------------------------------------------------
    def _rows_changed(self, rows: list[CheckRow]) -> None:
        if any(r.machine_id == self.machine_id for r in rows):
            self.fill_checks()

    def fill_checks(self) -> None:
        rows = self.rows()
        h = self.controller.health(self.machine_id)
        self.header.setText(f"<b>{self.path}</b> — {state_label(h.state)}")
        self.header.setToolTip(h.reason)
        current = self.selected()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = QTableWidgetItem(state_icon(r.state, muted=r.badge), state_label(r.state))
            state.setData(Qt.ItemDataRole.UserRole, r.check_id)
            warn = self.tr("warning %1").replace("%1", r.warn) if r.warn else ""
            crit = self.tr("critical %1").replace("%1", r.crit) if r.crit else ""
            thresholds = " / ".join(x for x in (warn, crit) if x)
            values = [
                r.name + f" ({check_type_text(r.type)})",
                r.output,
                _when(r.last_run),
                _when(r.next_run),
                thresholds or self.tr("default"),
                f"{r.interval_s} s",
            ]
            self.table.setItem(i, 0, state)
            for col, text in enumerate(values, start=1):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, col, item)
            if current is not None and r.check_id == current.check_id:
                self.table.selectRow(i)
        for col in (0, 3, 4, 6):  # times and interval: their whole header ("Prossima esecuzione")
            self.table.resizeColumnToContents(col)
        self.table.setColumnWidth(1, 170)

    def selected(self) -> CheckRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        cid = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        return self.controller.rows.get(cid) if isinstance(cid, int) else None

    def _write(self, fn: object, what: str) -> None:
        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, what, str(exc))

        run_in_background(fn, lambda _r: self._reload_all(), failed)  # type: ignore[arg-type]

    def _reload_all(self) -> None:
        self.controller.reload(done=self.controller.host.refresh_soon)

    def _check_defaults(self) -> CheckDefaults:
        return self.feature.window.preferences.value.check_defaults()

    def add_check(self) -> None:
        dialog = CheckDialog(self.path, None, self, self._check_defaults())
        self.feature.actions.dialog_opened.emit(dialog)
        if dialog.exec() and dialog.fields is not None:
            fields, db = dialog.fields, self.controller.app.db
            self._write(lambda: add_check_by_id(db, self.machine_id, fields), self.tr("Cannot add the check"))

    def edit_check(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = CheckDialog(self.path, row, self, self._check_defaults())
        self.feature.actions.dialog_opened.emit(dialog)
        if dialog.exec() and dialog.fields is not None:
            fields, db = dialog.fields, self.controller.app.db
            self._write(lambda: update_check(db, row.check_id, fields), self.tr("Cannot save the check"))

    def remove_check(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove check"),
            self.tr("Remove the check '%1' and its history?").replace("%1", row.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            db = self.controller.app.db
            self.controller.rows.pop(row.check_id, None)
            self.controller.by_machine.get(self.machine_id, set()).discard(row.check_id)
            self._write(lambda: delete_check(db, row.check_id), self.tr("Cannot remove the check"))

    def close_tab(self) -> None:
        tabs = self.feature.window.tabs
        tabs.removeTab(tabs.indexOf(self))
        self.feature.machine_views.pop(self.machine_id, None)
        self.deleteLater()

    # -- history ---------------------------------------------------------------------------------
    def load_history(self) -> None:
        span: timedelta = self.range.currentData()
        end = datetime.now(UTC)
        start = end - span
        db, mid = self.controller.app.db, self.machine_id

        def load() -> tuple[list[Series], list[EventView]]:
            with db.read() as s:
                return machine_series(s, mid, start, end), state_timeline(s, mid, end - timedelta(days=30))

        run_in_background(load, lambda res: self.show_history(res[0], res[1], start, end))

    def show_history(
        self, series: list[Series], events: list[EventView], start: datetime, end: datetime
    ) -> None:
        if not shiboken6.isValid(self):  # closed while the history loaded
            return
        self.series, self.events = series, events
        while self.charts.count():
            taken = self.charts.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        groups: dict[str, list[Series]] = {}
        for s in series:
            groups.setdefault(s.name.split(":", 1)[0], []).append(s)
        for i, (key, members) in enumerate(groups.items()):
            chart = LineChart(self.tr(str(TITLES.get(key, key))), members[0].unit)
            chart.setObjectName(f"chart-{key}")
            if key.endswith("pct"):
                chart.y_ceiling = 100.0
            warn_crit = THRESHOLDS.get(key)
            lines = [(warn_crit[0], "#f9a825"), (warn_crit[1], "#c62828")] if warn_crit else []
            names = [(m.name.split(":", 1)[1] if ":" in m.name else m.check) for m in members]
            chart.set_data(
                [(n, list(m.points)) for n, m in zip(names, members, strict=True)],
                (start.timestamp(), end.timestamp()),
                lines,
            )
            self.charts.addWidget(chart, i // 2, i % 2)
        if not groups:
            self.charts.addWidget(QLabel(self.tr("No metrics recorded for this machine yet.")), 0, 0)
        self.timeline.setRowCount(len(events))
        for i, e in enumerate(events):
            change = f"{state_text(e.previous)} → {state_text(e.state)}"  # in the user's language
            for col, text in enumerate((_when(e.at), e.check, change, e.output)):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setIcon(state_icon(e.state))
                self.timeline.setItem(i, col, item)
        self.timeline.resizeColumnsToContents()
