"""New / edit appointment: client, machine, intervention, where, who, when, what, how often.

Problems show inline while typing (end before start refuses OK; a time in the past or outside
business hours only warns). Every field of an existing appointment can be changed (`changes()`
says what differs, the controller saves it); it can also be marked done, cancelled and exported
as an .ics invitation.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.services.interventions import KEEP, AppointmentChanges, AppointmentDraft
from msp_console.services.interventions.appointment_edit import Keep
from msp_console.services.interventions.views import AppointmentView, InterventionSummary
from msp_console.ui.scheduling.controller import alive
from msp_console.ui.scheduling.look import from_qdatetime, to_qdatetime, tr

if TYPE_CHECKING:
    from msp_console.ui.scheduling.controller import SchedulingController

RULES = (("", "none"), ("FREQ=WEEKLY", "weekly"), ("FREQ=MONTHLY", "monthly"), (None, "custom"))


class AppointmentDialog(QDialog):
    def __init__(
        self,
        ctl: SchedulingController,
        parent: QWidget | None = None,
        existing: AppointmentView | None = None,
    ):
        super().__init__(parent)
        self.ctl = ctl
        self.existing = existing
        self.action = "save"  # or done / cancel
        self.setObjectName("appointmentDialog")
        self.setWindowTitle(tr("Edit appointment") if existing else tr("New appointment"))
        self.setMinimumWidth(480)
        self.client = QComboBox()
        self.client.setObjectName("client")
        self.client.setEditable(True)
        self.client.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for cid, name in ctl.clients():
            self.client.addItem(name, cid)
        completer = self.client.completer() or QCompleter()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.client.setCompleter(completer)
        self.client.setCurrentIndex(-1)
        self.machine = QComboBox()
        self.intervention = QComboBox()
        self.remote = QRadioButton(tr("⇄ Remote"))
        self.on_site = QRadioButton(tr("⌂ On site"))
        self.remote.setChecked(True)
        where = QButtonGroup(self)
        where.addButton(self.remote)
        where.addButton(self.on_site)
        where_row = QHBoxLayout()
        where_row.addWidget(self.remote)
        where_row.addWidget(self.on_site)
        where_row.addStretch(1)
        self.technician = QComboBox()
        self.technician.setEditable(True)
        self.technician.addItems(sorted(ctl.technicians))
        self.technician.setCurrentText("")
        self.start = QDateTimeEdit()
        self.start.setObjectName("start")
        self.start.setCalendarPopup(True)
        self.end = QDateTimeEdit()
        self.end.setObjectName("end")
        self.end.setCalendarPopup(True)
        self.duration = QSpinBox()
        self.duration.setRange(5, 7 * 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" " + tr("min"))
        when = QHBoxLayout()
        when.addWidget(self.start, 1)
        when.addWidget(QLabel(tr("to")))
        when.addWidget(self.end, 1)
        when.addWidget(self.duration)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.rule = QComboBox()
        for _rule, key in RULES:
            self.rule.addItem(
                {
                    "none": tr("Does not repeat"),
                    "weekly": tr("Every week"),
                    "monthly": tr("Every month"),
                    "custom": tr("Custom (RRULE)…"),
                }[key],
                key,
            )
        self.custom_rule = QLineEdit()
        self.custom_rule.setPlaceholderText("FREQ=MONTHLY;BYDAY=1MO")
        self.custom_rule.setVisible(False)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Client"), self.client)
        form.addRow(tr("&Machine"), self.machine)
        form.addRow(tr("&Intervention"), self.intervention)
        form.addRow(tr("Where"), where_row)
        form.addRow(tr("&Technician"), self.technician)
        form.addRow(tr("When"), when)
        form.addRow(tr("T&itle"), self.title)
        form.addRow(tr("&Notes"), self.notes)
        form.addRow(tr("&Repeats"), self.rule)
        form.addRow("", self.custom_rule)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        extra = QHBoxLayout()
        self.export_button = QPushButton(tr("Export invitation (.ics)…"))
        self.export_button.clicked.connect(self._export)
        extra.addWidget(self.export_button)
        if existing is not None:
            done = QPushButton(tr("Mark done"))
            done.setObjectName("markDone")
            done.clicked.connect(lambda: self._finish("done"))
            cancel = QPushButton(tr("Cancel appointment"))
            cancel.setObjectName("cancelAppointment")
            cancel.clicked.connect(lambda: self._finish("cancel"))
            extra.addWidget(done)
            extra.addWidget(cancel)
        else:
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(tr("Save the appointment first"))
        extra.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(extra)
        layout.addWidget(self.buttons)
        self.client.currentIndexChanged.connect(self._client_changed)
        self.start.dateTimeChanged.connect(self._start_changed)
        self.end.dateTimeChanged.connect(self._end_changed)
        self.duration.valueChanged.connect(self._duration_changed)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self.title.textChanged.connect(self._check)
        self._syncing = False
        self._wanted_intervention: int | None = None
        self._interventions_for: int | None = None  # the client whose interventions are listed
        if existing is not None:
            self._show_existing(existing)

    # -- filling ------------------------------------------------------------------------------
    def prefill(
        self,
        client_id: int | None,
        machine_id: int | None,
        intervention_id: int | None,
        start: datetime,
        end: datetime,
        title: str = "",
    ) -> None:
        self._wanted_intervention = intervention_id
        if client_id is not None:
            self.client.setCurrentIndex(self.client.findData(client_id))
        if machine_id is not None:
            self.machine.setCurrentIndex(max(0, self.machine.findData(machine_id)))
        self._set_times(start, end)
        self.title.setText(title)
        self._check()

    def _set_times(self, start: datetime, end: datetime) -> None:
        tz = self.ctl.tz
        self._syncing = True
        self.start.setDateTime(to_qdatetime(start, tz))
        self.end.setDateTime(to_qdatetime(end, tz))
        self.duration.setValue(max(5, int((end - start).total_seconds() // 60)))
        self._syncing = False

    def _show_existing(self, v: AppointmentView) -> None:
        self.client.setCurrentIndex(self.client.findData(v.client_id))
        if self.client.currentIndex() < 0:
            self.client.addItem(v.client_name, v.client_id)
            self.client.setCurrentIndex(self.client.count() - 1)
        if v.machine_id is not None:
            self.machine.setCurrentIndex(max(0, self.machine.findData(v.machine_id)))
        self._wanted_intervention = v.intervention_id
        self.on_site.setChecked(v.on_site)
        self.remote.setChecked(not v.on_site)
        self.technician.setCurrentText(v.technician)
        self.title.setText(v.title)
        self.notes.setPlainText(v.notes)
        self._set_times(v.start, v.end)
        if v.machine_id is not None and self.machine.currentData() != v.machine_id:
            self.machine.addItem(v.machine_name or f"#{v.machine_id}", v.machine_id)  # not in the tree
            self.machine.setCurrentIndex(self.machine.count() - 1)
        if v.recurring:
            self.rule.addItem(tr("Repeats (as it is)"), "series")
            self.rule.setCurrentIndex(self.rule.count() - 1)
        self._check()

    def _client_changed(self) -> None:
        cid = self.client.currentData()
        self.machine.clear()
        self.machine.addItem(tr("(none)"), None)
        self.intervention.clear()
        self.intervention.addItem(tr("(none)"), None)
        if cid is None:
            return
        for mid, name in self.ctl.machines(cid):
            self.machine.addItem(name, mid)
        ivs = self.ctl.sc.interventions
        self.ctl.run(
            lambda: ivs.list(client_id=cid, active_only=True), lambda rows: self._interventions(cid, rows)
        )

    def _interventions(self, cid: int, rows: list[InterventionSummary]) -> None:
        if not alive(self) or self.client.currentData() != cid:  # closed, or another client chosen
            return
        for iv in rows:
            self.intervention.addItem(f"#{iv.id} {iv.title}", iv.id)
        wanted = self._wanted_intervention
        if wanted is not None:
            if self.intervention.findData(wanted) < 0 and self._linked_here(cid, wanted):
                self.intervention.addItem(f"#{wanted}", wanted)  # closed meanwhile: keep the link
            self.intervention.setCurrentIndex(max(0, self.intervention.findData(wanted)))
        self._interventions_for = cid

    def _linked_here(self, cid: int, intervention_id: int) -> bool:
        e = self.existing
        return e is not None and e.client_id == cid and e.intervention_id == intervention_id

    # -- keeping start / end / duration together -----------------------------------------------
    def _start_changed(self, _v: QDateTime) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.end.setDateTime(self.start.dateTime().addSecs(self.duration.value() * 60))
        self._syncing = False
        self._check()

    def _end_changed(self, _v: QDateTime) -> None:
        if self._syncing:
            return
        minutes = self.start.dateTime().secsTo(self.end.dateTime()) // 60
        if minutes > 0:
            self._syncing = True
            self.duration.setValue(int(minutes))
            self._syncing = False
        self._check()

    def _duration_changed(self, minutes: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.end.setDateTime(self.start.dateTime().addSecs(minutes * 60))
        self._syncing = False
        self._check()

    def _rule_changed(self) -> None:
        self.custom_rule.setVisible(self.rule.currentData() == "custom")

    def _check(self) -> bool:
        """Inline problems: errors disable OK, warnings only inform."""
        errors, warnings = [], []
        tz = self.ctl.tz
        start, end = from_qdatetime(self.start.dateTime(), tz), from_qdatetime(self.end.dateTime(), tz)
        if end <= start:
            errors.append(tr("The appointment ends before it starts."))
        if self.client.currentData() is None:
            errors.append(tr("Choose the client."))
        if not self.title.text().strip():
            errors.append(tr("Give it a title."))
        if self.existing is None and start < datetime.now(tz):
            warnings.append(tr("This time is in the past."))
        cal = self.ctl.calendar
        holiday = cal.holiday_name(start.date())
        if holiday:
            warnings.append(tr("%1 is a public holiday.").replace("%1", holiday))
        elif not cal.is_business_time(start):
            warnings.append(tr("Outside business hours."))
        lines = [f"<span style='color:#c62828'>✕ {e}</span>" for e in errors]
        lines += [f"<span style='color:#b26a00'>! {w}</span>" for w in warnings]
        self.problem.setText("<br>".join(lines))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not errors)
        return not errors

    def accept(self) -> None:
        if self._check():
            super().accept()

    def _finish(self, action: str) -> None:
        self.action = action
        super().accept()

    def _export(self) -> None:
        if self.existing is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export invitation"),
            str(Path.home() / f"appointment-{self.existing.id}.ics"),
            "iCalendar (*.ics)",
        )
        if path:
            self.ctl.export_invitation(self.existing.id, path)

    # -- the answer ------------------------------------------------------------------------------
    def rrule(self) -> str:
        key = self.rule.currentData()
        if key == "custom":
            return self.custom_rule.text().strip()
        return next((r for r, k in RULES if k == key and r), "")

    def changes(self) -> AppointmentChanges:
        """What differs from the appointment shown (for an edit); empty when nothing does."""
        v = self.existing
        assert v is not None
        d = self.draft()
        client = d.client_id if d.client_id != v.client_id else None
        intervention: int | Keep | None = KEEP
        if self._interventions_for == d.client_id and d.intervention_id != v.intervention_id:
            intervention = d.intervention_id  # only once the list is loaded: never unlink by accident
        elif client is not None:
            intervention = None
        rule = self.rule.currentData()
        rrule = None if rule == "series" or (not v.recurring and not d.rrule) else d.rrule
        return AppointmentChanges(
            title=d.title if d.title != v.title else None,
            technician=d.technician if d.technician != v.technician else None,
            on_site=d.on_site if d.on_site != v.on_site else None,
            notes=d.notes if d.notes != v.notes else None,
            duration_minutes=d.minutes() if d.minutes() != _minutes(v) else None,
            start=d.start if d.start != v.start else None,
            client_id=client,
            machine_id=d.machine_id if d.machine_id != v.machine_id else KEEP,
            intervention_id=intervention,
            rrule=rrule,
        )

    def draft(self) -> AppointmentDraft:
        tz = self.ctl.tz
        start = from_qdatetime(self.start.dateTime(), tz)
        return AppointmentDraft(
            client_id=int(self.client.currentData()),
            start=start,
            title=self.title.text().strip(),
            end=start + timedelta(minutes=self.duration.value()),
            machine_id=self.machine.currentData(),
            intervention_id=self.intervention.currentData(),
            on_site=self.on_site.isChecked(),
            technician=self.technician.currentText().strip(),
            notes=self.notes.toPlainText(),
            rrule=self.rrule(),
        )


def _minutes(v: AppointmentView) -> int:
    return int((v.end - v.start).total_seconds() // 60)
