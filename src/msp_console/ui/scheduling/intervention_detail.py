"""One intervention: what, for whom, SLA clocks, the next states allowed, actions and the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msp_console.services.interventions.views import InterventionView, SlaClockView
from msp_console.ui.scheduling.controller import SchedulingController
from msp_console.ui.scheduling.intervention_dialogs import origin_text, priority_text
from msp_console.ui.scheduling.interventions_model import clock_text
from msp_console.ui.scheduling.look import (
    SLA_COLOURS,
    clock_name,
    datetime_text,
    sla_level_text,
    state_colour,
    state_label,
    state_text,
    tr,
)
from msp_console.ui.scheduling.timeline_text import timeline_text

KIND_GLYPHS = {
    "state": "◆",
    "call": "☎",
    "appointment": "◷",
    "session": "⇄",
    "note": "✎",
    "time": "Σ",
    "sla": "⚑",
}


def kind_text(kind: str) -> str:
    return {
        "state": tr("State"),
        "call": tr("Call"),
        "appointment": tr("Appointment"),
        "session": tr("Remote session"),
        "note": tr("Note"),
        "time": tr("Time spent"),
        "sla": tr("SLA"),
    }.get(kind, kind)


class InterventionDetail(QWidget):
    shown = Signal(int)

    def __init__(self, ctl: SchedulingController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("interventionDetail")
        self.ctl = ctl
        self.view: InterventionView | None = None
        self._requested: int | None = None
        self._in_flight: int | None = None
        self.heading = QLabel(tr("Select an intervention to see its timeline."))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.linkActivated.connect(self._link)
        self.clocks = QGridLayout()
        self.transitions = QHBoxLayout()
        self.transitions_box = QWidget()
        self.transitions_box.setLayout(self.transitions)
        self.transitions.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        self.call_button = QPushButton(tr("☎ Log call…"))
        self.appointment_button = QPushButton(tr("◷ New appointment…"))
        self.note_button = QPushButton(tr("✎ Add note…"))
        self.time_button = QPushButton(tr("+ Add time…"))
        for b in (self.call_button, self.appointment_button, self.note_button, self.time_button):
            actions.addWidget(b)
            b.setEnabled(False)
        actions.addStretch(1)
        self.call_button.clicked.connect(self._log_call)
        self.appointment_button.clicked.connect(self._new_appointment)
        self.note_button.clicked.connect(self._add_note)
        self.time_button.clicked.connect(self._add_time)
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setHeaderLabels([tr("When"), tr("What"), tr("Details")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(self.clocks)
        move_label = QLabel(tr("Move to:"))
        row = QHBoxLayout()
        row.addWidget(move_label)
        row.addWidget(self.transitions_box, 1)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(QLabel("<b>" + tr("Timeline") + "</b>"))
        layout.addWidget(self.timeline, 1)

    # -- loading ------------------------------------------------------------------------------------
    def load(self, intervention_id: int, *, force: bool = False) -> None:
        if not force and self._in_flight == intervention_id:
            return  # already on its way
        self._requested = self._in_flight = intervention_id
        ivs = self.ctl.sc.interventions
        self.ctl.run(
            lambda: ivs.show(intervention_id),
            self._arrived,
            title=tr("Cannot read the intervention"),
            on_error=self._failed,
        )

    def _failed(self, _exc: Exception) -> bool:
        self._in_flight = None
        return False  # still shown to the user

    def _arrived(self, v: InterventionView) -> None:
        if v.id != self._requested:
            return  # the user moved on to another one
        self._in_flight = None
        self.set_view(v)

    def reload(self) -> None:
        if self.view is not None:
            self.load(self.view.id, force=True)

    @property
    def wanted_id(self) -> int | None:
        """The intervention on show, or on its way to be shown."""
        return self._requested if self._requested is not None else (self.view.id if self.view else None)

    def clear(self) -> None:
        """No intervention on show (the one shown is no longer listed): nothing stale, no actions;
        an answer still on its way is dropped."""
        self.view = None
        self._requested = self._in_flight = None
        self.heading.setText(tr("Select an intervention to see its timeline."))
        self.facts.clear()
        self._show_clocks(())
        while self.transitions.count():
            item = self.transitions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for b in (self.call_button, self.appointment_button, self.note_button, self.time_button):
            b.setEnabled(False)
        self.timeline.clear()

    def set_view(self, v: InterventionView) -> None:
        self.view = v
        tz = self.ctl.tz
        self.heading.setText(f"#{v.id} {v.title}")
        colour = state_colour(v.state).name()
        machines = ", ".join(name for _id, name in v.machines) or "—"
        facts = [
            f"<span style='color:{colour}; font-weight:bold'>{state_label(v.state)}</span>",
            priority_text(v.priority),
            f"<a href='client:{v.client_id}'>{v.client_name}</a>",
            tr("Machines: %1").replace("%1", machines),
            tr("Origin: %1").replace("%1", origin_text(v.origin)),
            tr("Opened %1").replace("%1", datetime_text(v.opened_at, tz)),
        ]
        if v.sla_plan:
            facts.append(tr("SLA plan: %1").replace("%1", v.sla_plan))
        text = " · ".join(facts)
        if v.description:
            text += "<br>" + v.description.replace("<", "&lt;").replace("\n", "<br>")
        self.facts.setText(text)
        self._show_clocks(v.clocks)
        self._show_transitions(v)
        for b in (self.call_button, self.appointment_button, self.note_button, self.time_button):
            b.setEnabled(True)
        self._show_timeline(v)
        self.shown.emit(v.id)

    def _show_clocks(self, clocks: tuple[SlaClockView, ...]) -> None:
        while self.clocks.count():
            item = self.clocks.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, clock in enumerate(clocks):
            name = QLabel(clock_name(clock.name))
            bar = QProgressBar()
            bar.setObjectName(f"clock-{clock.name}")
            total = max(1, int(clock.target.total_seconds()))
            bar.setRange(0, total)
            bar.setValue(min(total, max(0, int(clock.elapsed.total_seconds()))))
            bar.setTextVisible(True)
            text = clock_text(clock)
            level = sla_level_text(clock.level)
            bar.setFormat(text if text == level or clock.level == "breached" else f"{text} · {level}")
            colour = SLA_COLOURS.get(clock.level, "#2e7d32")
            bar.setStyleSheet(
                f"QProgressBar::chunk {{ background: {colour}; }} QProgressBar {{ text-align: center; }}"
            )
            deadline = QLabel(
                tr("due %1").replace("%1", datetime_text(clock.deadline, self.ctl.tz))
                if clock.deadline
                else ""
            )
            self.clocks.addWidget(name, row, 0)
            self.clocks.addWidget(bar, row, 1)
            self.clocks.addWidget(deadline, row, 2)

    def _show_transitions(self, v: InterventionView) -> None:
        while self.transitions.count():
            item = self.transitions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for state in v.allowed_next:  # only the moves the state machine allows
            b = QPushButton(state_label(state))
            b.setObjectName(f"to-{state}")
            b.setToolTip(tr("Move the intervention to “%1”").replace("%1", state_text(state)))
            b.clicked.connect(lambda _c=False, s=state: self._move(s))
            self.transitions.addWidget(b)
        self.transitions.addStretch(1)

    def transition_states(self) -> list[str]:
        out = []
        for i in range(self.transitions.count()):
            item = self.transitions.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, QPushButton) and w.objectName().startswith("to-"):
                out.append(w.objectName()[3:])
        return out

    def _show_timeline(self, v: InterventionView) -> None:
        self.timeline.clear()
        tz = self.ctl.tz
        bold = QFont(self.timeline.font())
        bold.setBold(True)
        for e in reversed(v.timeline):  # newest first: what happened last is what matters
            what = f"{KIND_GLYPHS.get(e.kind, '•')} {kind_text(e.kind)}"
            detail = timeline_text(e, tz)
            item = QTreeWidgetItem([datetime_text(e.at, tz), what, detail])
            item.setData(0, Qt.ItemDataRole.UserRole, e)
            if e.kind == "state" and e.to_state:
                item.setForeground(1, state_colour(e.to_state))
                item.setFont(1, bold)
            elif e.kind == "sla":
                item.setForeground(1, QColor("#c62828"))
            item.setToolTip(2, detail)
            self.timeline.addTopLevelItem(item)
        self.timeline.resizeColumnToContents(0)
        self.timeline.resizeColumnToContents(1)

    def timeline_texts(self) -> list[str]:
        items = (self.timeline.topLevelItem(i) for i in range(self.timeline.topLevelItemCount()))
        return [item.text(2) for item in items if item is not None]

    # -- actions --------------------------------------------------------------------------------------
    def _link(self, href: str) -> None:
        kind, _, ident = href.partition(":")
        if kind == "client":
            self.ctl.open_client(int(ident))

    def _move(self, state: str) -> None:
        if self.view is not None:
            self.ctl.transition(self.view.id, state)

    def _log_call(self) -> None:
        if self.view is not None:
            self.ctl.log_call(self.view.client_id, self.view.id)

    def _new_appointment(self) -> None:
        v = self.view
        if v is not None:
            self.ctl.new_appointment(
                v.client_id,
                machine_id=v.machines[0][0] if v.machines else None,
                intervention_id=v.id,
                title=v.title,
            )

    def _add_note(self) -> None:
        if self.view is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, tr("Add note"), tr("Note:"))
        if ok and text.strip():
            self.ctl.add_note(self.view.id, text)

    def _add_time(self) -> None:
        if self.view is None:
            return
        minutes, ok = QInputDialog.getInt(self, tr("Add time"), tr("Minutes spent:"), 30, 1, 24 * 60, 5)
        if ok:
            note, _ok = QInputDialog.getText(self, tr("Add time"), tr("What was done (optional):"))
            self.ctl.add_time(self.view.id, minutes, note)
