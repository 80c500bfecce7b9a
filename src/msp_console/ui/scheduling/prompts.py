"""The questions scheduling asks (one place, so tests can answer them)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QMessageBox, QWidget

from msp_console.services.interventions.views import Conflict
from msp_console.ui.scheduling.look import datetime_text, time_text, tr


def conflicts_text(conflicts: list[Conflict] | tuple[Conflict, ...], tz: tzinfo) -> str:
    lines = [
        f"• {c.technician}: #{c.appointment_id} {c.title} — "
        f"{datetime_text(c.start, tz)}–{time_text(c.end.astimezone(tz))}"
        for c in conflicts[:8]
    ]
    if len(conflicts) > 8:
        lines.append(tr("… and %1 more").replace("%1", str(len(conflicts) - 8)))
    return "\n".join(lines)


def save_despite_conflicts(parent: QWidget | None, conflicts: list[Conflict], tz: tzinfo) -> bool:
    """The technician is busy then: show with what, and let the user book it anyway."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Technician already busy"))
    box.setText(tr("The technician has other appointments at that time:"))
    box.setInformativeText(conflicts_text(conflicts, tz))
    anyway = box.addButton(tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is anyway


def occurrence_or_series(parent: QWidget | None) -> str | None:
    """'one', 'all', or None (cancelled) for an edit of a recurring appointment."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Recurring appointment"))
    box.setText(tr("Change only this occurrence, or the whole series?"))
    one = box.addButton(tr("This occurrence"), QMessageBox.ButtonRole.AcceptRole)
    every = box.addButton(tr("The whole series"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(one)
    box.exec()
    clicked = box.clickedButton()
    return "one" if clicked is one else "all" if clicked is every else None


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def confirm_past(parent: QWidget | None, warnings: tuple[str, ...]) -> bool:
    answer = QMessageBox.question(
        parent,
        tr("Check the appointment"),
        "\n".join(warnings) + "\n\n" + tr("Save it anyway?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
