"""Call client about a machine: who to call (a tel: link), the machine and its problems, its own
intervention, the outcome (keys 1–4) and — when a time is agreed — the next free slot, editable
with a date picker and a time typed as 14:30. Save writes everything at once, off the GUI thread;
a refusal shows inside the dialog and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.domain.business_calendar import BusinessCalendar
from msp_console.domain.errors import ValidationError
from msp_console.services.interventions.appointments import AppointmentConflict
from msp_console.services.interventions.call_client import CallPlan, MachineCall
from msp_console.ui.dialogs.background_dialog import BackgroundSave
from msp_console.ui.palette_colours import error_style
from msp_console.ui.scheduling.look import date_text, pydate, qdate, state_label, tr
from msp_console.ui.scheduling.prompts import conflicts_text

TIME_PATTERN = QRegularExpression(r"^([01]?\d|2[0-3])[:.][0-5]\d$")

# (outcome stored, needs an appointment): first call, and the follow-up after the work
FIRST_CALL = (("agreed", "reached", True), ("reached", "reached", False), ("no_answer", "no_answer", False),
              ("call_back_later", "call_back_later", False))  # fmt: skip
FOLLOW_UP = (
    ("solved", "all_ok", False),
    ("not_solved", "still_broken", True),
    ("no_answer", "no_answer", False),
)


def choice_text(key: str) -> str:
    return {
        "agreed": tr("Reached: a time is agreed"),
        "reached": tr("Reached: no time agreed yet"),
        "no_answer": tr("No answer (call again later)"),
        "call_back_later": tr("Asked to be called back"),
        "solved": tr("Solved: close the intervention"),
        "not_solved": tr("Not solved: agree a new time"),
    }[key]


@dataclass(frozen=True)
class Problem:
    """A current problem of the machine, as the dialog lists it and a new intervention takes it."""

    text: str  # glyph, state, check and what it says
    title: str  # the new intervention's title
    check_ref: str
    critical: bool


def parse_time(text: str) -> time | None:
    """'14:30', '9:05' or '14.30' → time; None when it is not a time of day."""
    hours, sep, minutes = text.strip().replace(".", ":").partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        return None
    h, m = int(hours), int(minutes)
    return time(h, m) if 0 <= h < 24 and 0 <= m < 60 else None


class CallClientDialog(QDialog):
    def __init__(
        self,
        ctx: MachineCall,
        problems: list[Problem],
        slot: tuple[datetime, int],
        technician: str,
        calendar: BusinessCalendar,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.problems, self.technician, self.calendar = ctx, problems, technician, calendar
        self.tz: tzinfo = calendar.tz
        self.setObjectName("callClientDialog")
        self.setWindowTitle(tr("Call client — %1").replace("%1", ctx.client_name))
        self.setMinimumWidth(520)
        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.contact = QComboBox()
        self.contact.setObjectName("callContact")
        for c in ctx.callees:
            who = (
                c.name + (f" ({c.role})" if c.role else "")
                if c.contact_id
                else tr("%1 (main number)").replace("%1", c.name)
            )
            self.contact.addItem(who + (f" — {c.phone}" if c.phone else ""), c)
        first_with_phone = next((i for i, c in enumerate(ctx.callees) if c.phone), 0)
        self.contact.setCurrentIndex(first_with_phone)
        self.phone = QLabel()
        self.phone.setObjectName("callPhone")
        self.phone.setOpenExternalLinks(True)
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        form.addRow(tr("&Contact"), self.contact)
        form.addRow(tr("Phone"), self.phone)
        machine = QLabel(f"<b>{ctx.machine_name}</b>")
        machine.setObjectName("callMachine")
        form.addRow(tr("Machine"), machine)
        listed = "<br>".join(p.text for p in problems[:6]) or tr("No current problem")
        self.problem_list = QLabel(listed)
        self.problem_list.setObjectName("callProblems")
        self.problem_list.setWordWrap(True)
        form.addRow(tr("Problems"), self.problem_list)
        self.new_title = QLineEdit()
        self.new_title.setObjectName("newInterventionTitle")
        if ctx.intervention is not None:
            iv = ctx.intervention
            shown = QLabel(f"#{iv.id} {iv.title} — {state_label(iv.state)}")
            shown.setObjectName("callIntervention")
            shown.setWordWrap(True)
            form.addRow(tr("Intervention"), shown)
        else:
            default = problems[0].title if problems else f"{ctx.machine_name}: "
            self.new_title.setText(default)
            form.addRow(tr("New &intervention"), self.new_title)
        self.choices = FOLLOW_UP if ctx.awaiting_check else FIRST_CALL
        self.outcome_group = QButtonGroup(self)
        outcomes = QVBoxLayout()
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for n, (key, _stored, _needs) in enumerate(self.choices, start=1):
            b = QRadioButton(f"&{n}  {choice_text(key)}")
            b.setObjectName(f"outcome-{key}")
            self.outcome_group.addButton(b)
            self.outcome_buttons[key] = b
            outcomes.addWidget(b)
            QShortcut(QKeySequence(str(n)), self, b.click)
        self.outcome_buttons[self.choices[0][0]].setChecked(True)
        form.addRow(tr("Outcome"), outcomes)
        self.slot_box = self._slot_box(slot)
        form.addRow(self.slot_box)
        self.note = QLineEdit()
        self.note.setObjectName("callNote")
        self.note.setPlaceholderText(tr("What was said (optional)"))
        form.addRow(tr("&Note"), self.note)
        self.error = QLabel()
        self.error.setObjectName("callError")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saving = BackgroundSave(self, self.fields, self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.saving.status)
        layout.addWidget(self.buttons)
        self.contact.currentIndexChanged.connect(self._show_phone)
        self.outcome_group.buttonToggled.connect(lambda _b, _on: self._outcome_changed())
        for edit in (self.date, self.time, self.new_title, self.appointment_title):
            signal = edit.dateChanged if isinstance(edit, QDateEdit) else edit.textChanged
            signal.connect(lambda *_a: self._check())
        self.minutes.valueChanged.connect(lambda _v: self._check())
        self._show_phone()
        self._outcome_changed()
        self.save_button.setFocus()
        self.saved: object = None  # what the save returned, once it succeeded
        # set by the caller: CallPlan → result (runs on the worker thread)
        self.write: Callable[[CallPlan], object] | None = None

    def _slot_box(self, slot: tuple[datetime, int]) -> QGroupBox:
        start, minutes = slot
        local = start.astimezone(self.tz)
        box = QGroupBox(tr("Appointment (next free slot of %1)").replace("%1", self.technician))
        box.setObjectName("slotBox")
        self.date = QDateEdit(qdate(local.date()))
        self.date.setObjectName("slotDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd dd/MM/yyyy")
        self.time = QLineEdit(f"{local:%H:%M}")
        self.time.setObjectName("slotTime")
        self.time.setValidator(QRegularExpressionValidator(TIME_PATTERN, self.time))
        self.time.setMaxLength(5)
        self.time.setFixedWidth(self.time.fontMetrics().horizontalAdvance("00:00") + 24)
        self.time.setToolTip(tr("Type the time as 14:30"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("slotMinutes")
        self.minutes.setRange(5, 8 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(" " + tr("min"))
        self.appointment_title = QLineEdit(self._default_title())
        self.appointment_title.setObjectName("slotTitle")
        self.slot_note = QLabel()
        self.slot_note.setObjectName("slotNote")
        self.slot_note.setWordWrap(True)
        when = QHBoxLayout()
        when.addWidget(self.date)
        at = QLabel(tr("at"))
        when.addWidget(at)
        when.addWidget(self.time)
        when.addWidget(self.minutes)
        when.addStretch(1)
        inner = QFormLayout(box)
        when_label = QLabel(tr("&When"))
        when_label.setBuddy(self.date)  # Alt+Q (it) / Alt+W reaches the date
        inner.addRow(when_label, when)
        inner.addRow(tr("&Title"), self.appointment_title)
        inner.addRow(self.slot_note)
        return box

    def _default_title(self) -> str:
        iv = self.ctx.intervention
        what = iv.title if iv is not None else (self.problems[0].title if self.problems else "")
        prefix = tr("Remote work")
        return f"{prefix}: {what}" if what else f"{prefix}: {self.ctx.machine_name}"

    # -- reacting ------------------------------------------------------------------------------
    def _show_phone(self) -> None:
        callee = self.contact.currentData()
        phone = callee.phone if callee is not None else ""
        if phone:
            self.phone.setText(f"<a href='tel:{phone.replace(' ', '')}'>☎ {phone}</a>")
        else:
            self.phone.setText(tr("no phone number on file"))

    def choice(self) -> tuple[str, str, bool]:
        for key, stored, needs in self.choices:
            if self.outcome_buttons[key].isChecked():
                return key, stored, needs
        return self.choices[0]

    def _outcome_changed(self) -> None:
        self.slot_box.setVisible(self.choice()[2])
        self._check()

    def start(self) -> datetime | None:
        at = parse_time(self.time.text())
        if at is None:
            return None
        return datetime.combine(pydate(self.date.date()), at, self.tz)

    def _check(self) -> bool:
        """Inline: errors disable Save, warnings (holiday, outside hours) only inform."""
        errors: list[str] = []
        warnings: list[str] = []
        if self.ctx.intervention is None and not self.new_title.text().strip():
            errors.append(tr("Give the new intervention a title."))
        if self.choice()[2]:
            start = self.start()
            if start is None:
                errors.append(tr("Type the time as 14:30."))
            else:
                holiday = self.calendar.holiday_name(start.date())
                end = start + timedelta(minutes=self.minutes.value() - 1)
                if holiday:
                    warnings.append(tr("%1 is a public holiday.").replace("%1", holiday))
                elif not (self.calendar.is_business_time(start) and self.calendar.is_business_time(end)):
                    warnings.append(tr("Outside business hours."))
                if start < datetime.now(self.tz):
                    warnings.append(tr("This time is in the past."))
            if not self.appointment_title.text().strip():
                errors.append(tr("Give the appointment a title."))
            when = self.start()
            day = date_text(when.date(), long=True) if when else ""
            lines = [f"<span style='color:#c62828'>✕ {e}</span>" for e in errors]
            lines += [f"<span style='color:#b26a00'>! {w}</span>" for w in warnings]
            self.slot_note.setText("<br>".join(lines) or f"✓ {day}")
        self.save_button.setEnabled(not errors)
        return not errors

    # -- the answer ------------------------------------------------------------------------------
    def plan(self) -> CallPlan:
        _key, stored, needs = self.choice()
        callee = self.contact.currentData()
        iv = self.ctx.intervention
        worst = self.problems[0] if self.problems else None
        return CallPlan(
            client_id=self.ctx.client_id,
            machine_id=self.ctx.machine_id,
            outcome=stored,
            contact_id=callee.contact_id if callee is not None else None,
            note=self.note.text().strip(),
            intervention_id=iv.id if iv is not None else None,
            new_title="" if iv is not None else self.new_title.text().strip(),
            new_description="\n".join(p.text for p in self.problems),
            check_ref=worst.check_ref if worst is not None and iv is None else "",
            priority="P2" if worst is not None and worst.critical else "P3",
            start=self.start() if needs else None,
            minutes=self.minutes.value(),
            technician=self.technician,
            title=self.appointment_title.text().strip(),
        )

    def accept(self) -> None:
        if self.saving.busy or not self._check() or self.write is None:
            return
        plan, write = self.plan(), self.write
        self.error.hide()
        self.saving.start(lambda: write(plan), self._saved, self._refused)

    def _saved(self, result: object) -> None:
        self.saved = result
        super().accept()

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, AppointmentConflict):
            text = tr("The technician is busy at that time:") + "\n" + conflicts_text(exc.conflicts, self.tz)
        elif isinstance(exc, ValidationError):
            text = "\n".join(f"• {e.message}" for e in exc.errors)
        else:
            text = str(exc) or type(exc).__name__
        self.error.setText(
            tr("Nothing was saved. %1").replace("%1", text) + "\n" + tr("Change it and save again.")
        )
        self.error.show()

    def reject(self) -> None:
        if not self.saving.busy:
            super().reject()


__all__ = ["CallClientDialog", "Problem", "parse_time"]
