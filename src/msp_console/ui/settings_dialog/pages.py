"""The Settings tabs that edit this desk's preferences (preferences.json) and the backup policy."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from msp_console.preferences import Preferences
from msp_console.remote.clients import detect
from msp_console.services.backup_schedule import BackupPolicy, BackupsSummary
from msp_console.ui.labels import tool_label_text
from msp_console.ui.locale_format import short_datetime


def _spin(low: int, high: int, value: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # use the row's width
    return label


class GeneralPage(QWidget):
    """Who is at the keyboard, and the interface language."""

    def __init__(self, prefs: Preferences):
        super().__init__()
        self.technician = QLineEdit(prefs.technician)
        self.technician.setObjectName("technician")
        self.technician.setMaxLength(100)
        self.technician.setAccessibleName(self.tr("Your name"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Italiano", "it")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Your name:"), self.technician)
        form.addRow("", _note(self.tr("Signs appointments, acknowledgements and remote sessions.")))
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", _note(self.tr("A new language applies at the next start.")))

    def apply(self, prefs: Preferences) -> Preferences:
        return replace(
            prefs, technician=self.technician.text().strip(), language=str(self.language.currentData())
        )


class PollingPage(QWidget):
    def __init__(self, prefs: Preferences):
        super().__init__()
        self.interval = _spin(10, 86_400, prefs.poll_interval_s, self.tr(" s"), self.tr("Check interval"))
        self.attempts = _spin(
            1, 10, prefs.poll_attempts, "", self.tr("Attempts before a problem is confirmed")
        )
        self.timeout = _spin(1, 300, prefs.poll_timeout_s, self.tr(" s"), self.tr("Timeout of a check"))
        self.workers = _spin(1, 64, prefs.poll_workers, "", self.tr("Checks run at the same time"))
        self.interval.setObjectName("pollInterval")
        self.workers.setObjectName("pollWorkers")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Check &interval:"), self.interval)
        form.addRow(self.tr("&Attempts before a problem is confirmed:"), self.attempts)
        form.addRow(self.tr("&Timeout of a check:"), self.timeout)
        form.addRow(self.tr("Checks run at the &same time (workers):"), self.workers)
        form.addRow(
            "",
            _note(
                self.tr(
                    "Defaults for new checks and for the poller started from this PC; the number of "
                    "workers applies when polling next starts (or is resumed)."
                )
            ),
        )

    def apply(self, prefs: Preferences) -> Preferences:
        return replace(
            prefs,
            poll_interval_s=self.interval.value(),
            poll_attempts=self.attempts.value(),
            poll_timeout_s=self.timeout.value(),
            poll_workers=self.workers.value(),
        )


class NotificationsPage(QWidget):
    def __init__(self, prefs: Preferences):
        super().__init__()
        labels = {
            "critical": self.tr("A check becomes &critical"),
            "warning": self.tr("A check becomes a &warning"),
            "unknown": self.tr("A check becomes &unknown"),
            "recovered": self.tr("A problem is s&olved (back to OK)"),
        }
        chosen = set(prefs.notify_list())
        self.states: dict[str, QCheckBox] = {}
        states_box = QGroupBox(self.tr("Notify me when"))
        states_layout = QVBoxLayout(states_box)
        for key, text in labels.items():
            box = QCheckBox(text)
            box.setObjectName(f"notify_{key}")
            box.setChecked(key in chosen)
            self.states[key] = box
            states_layout.addWidget(box)
        self.dnd = QCheckBox(self.tr("&Do not disturb between"))
        self.dnd.setObjectName("doNotDisturb")
        self.dnd.setChecked(prefs.do_not_disturb)
        self.dnd_start = QTimeEdit(QTime.fromString(prefs.dnd_start, "HH:mm"))
        self.dnd_end = QTimeEdit(QTime.fromString(prefs.dnd_end, "HH:mm"))
        for edit, name in ((self.dnd_start, self.tr("Quiet from")), (self.dnd_end, self.tr("Quiet until"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.dnd, self.dnd_start)
        form.addRow(self.tr("and"), self.dnd_end)
        layout = QVBoxLayout(self)
        layout.addWidget(states_box)
        layout.addLayout(form)
        layout.addStretch(1)

    def apply(self, prefs: Preferences) -> Preferences:
        return replace(
            prefs,
            notify_states=",".join(k for k, box in self.states.items() if box.isChecked()),
            do_not_disturb=self.dnd.isChecked(),
            dnd_start=self.dnd_start.time().toString("HH:mm"),
            dnd_end=self.dnd_end.time().toString("HH:mm"),
        )


class RemotePage(QWidget):
    """Preferred client per protocol (from the tools known for this OS) and the terminal."""

    def __init__(self, prefs: Preferences):
        super().__init__()
        self.clients: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        titles = {
            "rdp": self.tr("&RDP client:"),
            "ssh": self.tr("&SSH client:"),
            "vnc": self.tr("&VNC client:"),
        }
        for protocol, title in titles.items():
            combo = QComboBox()
            combo.setObjectName(f"{protocol}Client")
            combo.setAccessibleName(title.replace("&", "").rstrip(":"))
            combo.addItem(self.tr("Automatic (the first one installed)"), "")
            known = detect(protocol, which=lambda name: name, exists=lambda _path: True)
            for tool in known:
                combo.addItem(tool_label_text(tool.label), tool.id)
            current = prefs.preferred_client(protocol)
            if current and combo.findData(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.clients[protocol] = combo
            form.addRow(title, combo)
        self.terminal = QLineEdit(prefs.terminal)
        self.terminal.setObjectName("terminal")
        self.terminal.setPlaceholderText(self.tr("the system's default terminal"))
        self.terminal.setAccessibleName(self.tr("Terminal for SSH sessions"))
        form.addRow(self.tr("&Terminal for SSH:"), self.terminal)
        form.addRow("", _note(self.tr("A connection profile can still choose its own client.")))

    def apply(self, prefs: Preferences) -> Preferences:
        return replace(
            prefs,
            rdp_client=str(self.clients["rdp"].currentData()),
            ssh_client=str(self.clients["ssh"].currentData()),
            vnc_client=str(self.clients["vnc"].currentData()),
            terminal=self.terminal.text().strip(),
        )


class BackupPage(QWidget):
    """The policy of the console's own backups (shared with the CLI: backup-policy.json)."""

    def __init__(self, policy: BackupPolicy, is_sqlite: bool, kept: BackupsSummary | None = None):
        super().__init__()
        self.enabled = QCheckBox(self.tr("&Back up the database automatically"))
        self.enabled.setObjectName("backupEnabled")
        self.enabled.setChecked(policy.enabled)
        self.interval = _spin(1, 24 * 30, policy.interval_hours, self.tr(" h"), self.tr("Back up every"))
        self.keep = _spin(1, 365, policy.keep, "", self.tr("Backups to keep"))
        self.keep.setObjectName("backupKeep")
        self.folder = QLineEdit(policy.folder)
        self.folder.setPlaceholderText(str(policy.backup_folder()))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.enabled)
        form.addRow(self.tr("Back up &every:"), self.interval)
        form.addRow(self.tr("&Keep the newest:"), self.keep)
        form.addRow(self.tr("&Folder:"), self.folder)
        self.kept = _note(self.kept_text(kept))
        self.kept.setObjectName("backupsKept")
        form.addRow(self.tr("Backups now:"), self.kept)
        if not is_sqlite:
            form.addRow(
                "",
                _note(
                    self.tr(
                        "A team PostgreSQL database is backed up on its server with pg_dump; "
                        "this PC checks that a recent dump exists."
                    )
                ),
            )

    def kept_text(self, kept: BackupsSummary | None) -> str:
        """ "14 backups, 48.2 MiB in all; newest 04/12/2026 02:00" (sizes and dates in the locale)."""
        if kept is None or not kept.count:
            return self.tr("none yet")
        size = QLocale().formattedDataSize(kept.total_size, 1)
        text = self.tr("%n backup(s), %1 in all", "", kept.count).replace("%1", size)
        if kept.newest is not None:
            text += self.tr("; newest %1").replace("%1", short_datetime(kept.newest))
        return text

    def apply(self, policy: BackupPolicy) -> BackupPolicy:
        changes: dict[str, Any] = {
            "enabled": self.enabled.isChecked(),
            "interval_hours": self.interval.value(),
            "keep": self.keep.value(),
            "folder": self.folder.text().strip(),
        }
        return replace(policy, **changes)
