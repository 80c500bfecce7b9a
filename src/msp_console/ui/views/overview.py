"""The Overview tab: what is in the console at a glance, and how to get started.

Later issues put Today/Problems/Calendar/… next to it; until then it gives the counts and
the first steps, so an empty database does not look broken.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from msp_console.services.views import TreeSnapshot
from msp_console.ui.labels import kind_text


class _Tile(QFrame):
    def __init__(self, caption: str):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        font = QFont()
        font.setPointSize(26)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        box = QVBoxLayout(self)
        box.addWidget(self.number, alignment=Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.caption)


class OverviewTab(QWidget):
    new_client_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.clients = _Tile(self.tr("clients"))
        self.sites = _Tile(self.tr("sites"))
        self.machines = _Tile(self.tr("machines"))
        tiles = QHBoxLayout()
        for tile in (self.clients, self.sites, self.machines):
            tiles.addWidget(tile)
        tiles.addStretch(1)
        title = QLabel(self.tr("Overview"))
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        title.setFont(font)
        self.by_kind = QLabel()
        self.by_kind.setTextFormat(Qt.TextFormat.RichText)
        self.getting_started = QLabel()
        self.getting_started.setWordWrap(True)
        self.getting_started.setTextFormat(Qt.TextFormat.RichText)
        new_client = QPushButton(self.tr("New client…"))
        new_client.clicked.connect(self.new_client_requested)
        import_csv = QPushButton(self.tr("Import from CSV…"))
        import_csv.clicked.connect(self.import_requested)
        self.demo = QPushButton(self.tr("Open the demo…"))
        self.demo.setObjectName("overviewOpenDemo")
        self.demo.setToolTip(
            self.tr("Example clients, machines, contracts and invoices, in a window of their own")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(new_client)
        buttons.addWidget(import_csv)
        buttons.addWidget(self.demo)
        buttons.addStretch(1)
        self.by_kind.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addLayout(tiles)
        layout.addSpacing(6)
        layout.addWidget(self._heading(self.tr("Machines by kind")))
        layout.addWidget(self.by_kind)
        layout.addSpacing(10)
        layout.addWidget(self._heading(self.tr("Getting started")))
        layout.addWidget(self.getting_started)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._fill_getting_started()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _fill_getting_started(self) -> None:
        steps = [
            self.tr(
                "Add your clients with <b>Client → New client</b> (Ctrl+Shift+N), or bring in your "
                "existing list with <b>File → Import from CSV</b> (Ctrl+I)."
            ),
            self.tr(
                "Select a client and press Ctrl+N to add a machine under it; the <b>Client</b> menu "
                "(or a right-click) adds sites and contacts."
            ),
            self.tr("Search the tree with Ctrl+F: name, address or tag."),
            self.tr("F2 edits the selected item; Del deletes it (clients with history are archived)."),
            self.tr(
                "The tabs beside this one are the day's work: Today (Ctrl+1), Problems, "
                "Calendar (Ctrl+2), Interventions (Ctrl+3) and Billing (Ctrl+4)."
            ),
        ]
        self.getting_started.setText(
            "<ol style='margin-left:-20px'>"
            + "".join(f"<li style='margin-bottom:4px'>{s}</li>" for s in steps)
            + "</ol>"
        )

    def set_snapshot(self, snapshot: TreeSnapshot) -> None:
        machines = [m for c in snapshot.clients for m in c.all_machines()]
        locale = QLocale()
        self.clients.number.setText(locale.toString(len(snapshot.clients)))
        self.sites.number.setText(locale.toString(sum(len(c.sites) for c in snapshot.clients)))
        self.machines.number.setText(locale.toString(len(machines)))
        counts = Counter(m.kind for m in machines)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        if counts:
            self.by_kind.setText(
                " &nbsp;·&nbsp; ".join(
                    f"<b>{locale.toString(n)}</b>&nbsp;{escape(kind_text(kind))}"
                    for kind, n in counts.most_common()
                )
            )
        else:
            self.by_kind.setText(
                f"<span style='color:{muted}'>" + escape(self.tr("No machines yet.")) + "</span>"
            )
