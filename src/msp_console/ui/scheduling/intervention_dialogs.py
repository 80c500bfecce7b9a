"""New intervention, and logging a call in two keystrokes (an outcome digit, then Enter)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.intervention_state import Origin, Priority
from msp_console.services.interventions.views import InterventionSummary
from msp_console.services.views import ClientCard
from msp_console.ui.scheduling.look import state_label, tr

if TYPE_CHECKING:
    from msp_console.ui.scheduling.controller import SchedulingController


def origin_text(origin: str) -> str:
    return {
        "monitoring": tr("Monitoring problem"),
        "client_call": tr("Client's call"),
        "planned": tr("Planned work"),
    }.get(origin, origin)


def priority_text(priority: str) -> str:
    return {
        "P1": tr("P1 — critical"),
        "P2": tr("P2 — high"),
        "P3": tr("P3 — normal"),
        "P4": tr("P4 — low"),
    }.get(priority, priority)


class NewInterventionDialog(QDialog):
    def __init__(self, ctl: SchedulingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctl = ctl
        self.setObjectName("newInterventionDialog")
        self.setWindowTitle(tr("New intervention"))
        self.setMinimumWidth(460)
        self.client = QComboBox()
        self.client.setEditable(True)
        self.client.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for cid, name in ctl.clients():
            self.client.addItem(name, cid)
        self.client.setCurrentIndex(-1)
        self.machines = QListWidget()
        self.machines.setFixedHeight(90)
        self.title = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(80)
        self.origin = QComboBox()
        for o in Origin:
            self.origin.addItem(origin_text(o.value), o.value)
        self.origin.setCurrentIndex(self.origin.findData(Origin.CLIENT_CALL.value))
        self.priority = QComboBox()
        for p in Priority:
            self.priority.addItem(priority_text(p.value), p.value)
        self.priority.setCurrentIndex(self.priority.findData(Priority.P3.value))
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        form = QFormLayout()
        form.addRow(tr("&Client"), self.client)
        form.addRow(tr("&Machines"), self.machines)
        form.addRow(tr("&Title"), self.title)
        form.addRow(tr("&Description"), self.description)
        form.addRow(tr("&Origin"), self.origin)
        form.addRow(tr("&Priority"), self.priority)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.client.currentIndexChanged.connect(self._client_changed)

    def prefill(
        self, client_id: int | None, machine_id: int | None, *, title: str = "", origin: str = ""
    ) -> None:
        if client_id is not None:
            self.client.setCurrentIndex(self.client.findData(client_id))
        if title:
            self.title.setText(title)
        if origin:
            self.origin.setCurrentIndex(max(0, self.origin.findData(origin)))
        for i in range(self.machines.count()):
            item = self.machines.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == machine_id:
                item.setCheckState(Qt.CheckState.Checked)
        self.title.setFocus()

    def _client_changed(self) -> None:
        self.machines.clear()
        cid = self.client.currentData()
        if cid is None:
            return
        for mid, name in self.ctl.machines(cid):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, mid)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.machines.addItem(item)

    def accept(self) -> None:
        problems = []
        if self.client.currentData() is None:
            problems.append(tr("Choose the client."))
        if not self.title.text().strip():
            problems.append(tr("Give it a title."))
        self.problem.setText("  ".join(problems))
        if not problems:
            super().accept()

    def values(self) -> dict[str, Any]:
        machine_ids = [
            self.machines.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.machines.count())
            if self.machines.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "client_id": int(self.client.currentData()),
            "title": self.title.text().strip(),
            "machine_ids": machine_ids,
            "description": self.description.toPlainText(),
            "origin": self.origin.currentData(),
            "priority": self.priority.currentData(),
        }


OUTCOMES = (
    ("reached", "1"),
    ("no_answer", "2"),
    ("call_back_later", "3"),
    ("all_ok", "4"),
    ("still_broken", "5"),
)


def outcome_text(outcome: str) -> str:
    return {
        "reached": tr("Reached"),
        "no_answer": tr("No answer"),
        "call_back_later": tr("Call back later"),
        "all_ok": tr("Follow-up: all OK"),
        "still_broken": tr("Follow-up: still broken"),
    }.get(outcome, outcome)


class LogCallDialog(QDialog):
    """Contact (primary preselected), direction, outcome (keys 1–5), note; Enter saves."""

    def __init__(
        self,
        card: ClientCard,
        open_interventions: list[InterventionSummary],
        intervention_id: int | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.card = card
        self.setObjectName("logCallDialog")
        self.setWindowTitle(tr("Log call — %1").replace("%1", card.name))
        self.contact = QComboBox()
        primary = 0
        for i, c in enumerate(card.contacts):
            phone = c.phone or c.mobile
            self.contact.addItem(
                f"{c.name}" + (f" ({c.role})" if c.role else "") + (f" — {phone}" if phone else ""), c.id
            )
            if c.primary:
                primary = i
        self.contact.addItem(tr("%1 (main number)").replace("%1", card.name), None)
        self.contact.setCurrentIndex(primary if card.contacts else self.contact.count() - 1)
        self.direction = QComboBox()
        self.direction.addItem(tr("Outgoing"), "outbound")
        self.direction.addItem(tr("Incoming"), "inbound")
        self.intervention = QComboBox()
        self.intervention.addItem(tr("(none)"), None)
        states: dict[int, str] = {}
        for iv in open_interventions:
            self.intervention.addItem(f"#{iv.id} {iv.title} — {state_label(iv.state)}", iv.id)
            states[iv.id] = iv.state
        self._states = states
        if intervention_id is not None:
            self.intervention.setCurrentIndex(max(0, self.intervention.findData(intervention_id)))
        elif len(open_interventions) == 1:  # with several, never a guess (another machine's)
            self.intervention.setCurrentIndex(1)
        self.outcomes = QButtonGroup(self)
        outcome_box = QVBoxLayout()
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for value, key in OUTCOMES:
            b = QRadioButton(f"{key}  {outcome_text(value)}")
            b.setObjectName(f"outcome-{value}")
            self.outcomes.addButton(b)
            self.outcome_buttons[value] = b
            outcome_box.addWidget(b)
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda b=b: b.setChecked(True))
        self.outcome_buttons["reached"].setChecked(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("What was said (optional)"))
        self.hint = QLabel(tr("Press 1–5 for the outcome, then Enter."))
        self.hint.setStyleSheet("color:palette(mid)")
        form = QFormLayout()
        form.addRow(tr("&Contact"), self.contact)
        if card.phone or card.contacts:
            tel = next(
                (c.phone or c.mobile for c in card.contacts if c.primary and (c.phone or c.mobile)),
                card.phone,
            )
            if tel:
                link = QLabel(f"<a href='tel:{tel.replace(' ', '')}'>☎ {tel}</a>")
                link.setOpenExternalLinks(True)
                form.addRow("", link)
        form.addRow(tr("&Direction"), self.direction)
        form.addRow(tr("&Intervention"), self.intervention)
        form.addRow(tr("Outcome"), outcome_box)
        form.addRow(tr("&Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.intervention.currentIndexChanged.connect(self._follow_up_outcomes)
        self._follow_up_outcomes()
        self.outcome_buttons["reached"].setFocus()

    def _follow_up_outcomes(self) -> None:
        """'All OK' / 'still broken' answer a follow-up: only for an intervention awaiting its check."""
        state = self._states.get(self.intervention.currentData() or -1, "")
        follow = state in ("awaiting_check", "in_progress")
        for value in ("all_ok", "still_broken"):
            self.outcome_buttons[value].setEnabled(follow)
        if not follow and self.outcome() in ("all_ok", "still_broken"):
            self.outcome_buttons["reached"].setChecked(True)
        if state == "awaiting_check":
            self.outcome_buttons["all_ok"].setChecked(True)

    def outcome(self) -> str:
        for value, b in self.outcome_buttons.items():
            if b.isChecked():
                return value
        return "reached"

    def values(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome(),
            "intervention_id": self.intervention.currentData(),
            "contact_id": self.contact.currentData(),
            "direction": self.direction.currentData(),
            "note": self.note.text(),
        }
