"""The 'Sessions' panel: what runs now (profile, started, tunnel), with 'close tunnel' and 'end'."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msp_console.remote.sessions import RunningSession
from msp_console.ui.locale_format import short_time
from msp_console.ui.remote.controller import RemoteController


class SessionsPanel(QWidget):
    COLUMNS = (  # marked so lupdate extracts them; self.tr(c) translates them
        QT_TRANSLATE_NOOP("SessionsPanel", "Machine"),
        QT_TRANSLATE_NOOP("SessionsPanel", "Profile"),
        QT_TRANSLATE_NOOP("SessionsPanel", "Tool"),
        QT_TRANSLATE_NOOP("SessionsPanel", "Started"),
        QT_TRANSLATE_NOOP("SessionsPanel", "Tunnel"),
    )

    def __init__(self, controller: RemoteController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.close_tunnel_button = QPushButton(self.tr("Close tunnel"), self)
        self.end_button = QPushButton(self.tr("End session"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_tunnel_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.close_tunnel_button.clicked.connect(self.close_selected_tunnel)
        self.end_button.clicked.connect(self.end_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        controller.started.connect(lambda _s: self.refresh())
        controller.ended.connect(lambda _s: self.refresh())
        self._shown: list[RunningSession] = []
        self.refresh()

    def refresh(self) -> None:
        self._shown = self.controller.sessions()
        self.table.setRowCount(len(self._shown))
        for row, s in enumerate(self._shown):
            tunnel = (
                s.tunnel_text if s.tunnel and s.tunnel.is_open else (self.tr("closed") if s.tunnel else "")
            )
            values = (
                s.machine.path,
                s.profile.name,
                s.tool,
                short_time(s.started, seconds=True),  # the desk's zone, like every time on screen
                tunnel,
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self._update_buttons()

    def selected(self) -> RunningSession | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._shown[min(rows)] if rows else None

    def _update_buttons(self) -> None:
        s = self.selected()
        self.close_tunnel_button.setEnabled(bool(s and s.tunnel and s.tunnel.is_open))
        self.end_button.setEnabled(s is not None)

    def close_selected_tunnel(self) -> None:
        s = self.selected()
        if s is not None:
            s.close_tunnel()
            self.refresh()

    def end_selected(self) -> None:
        s = self.selected()
        if s is not None:
            s.terminate()
