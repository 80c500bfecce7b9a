"""Settings → Invoice e-mails: which account they leave from, the service report, the reminder
days, and the texts in Italian and English (placeholders such as {number} are filled per invoice).
Read on the worker thread when the page is built; written with the rest of Settings on OK."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msp_console.mail import texts
from msp_console.services.database import Database
from msp_console.ui.dialogs.background_dialog import busy_while

Key = tuple[str, str]  # (kind, language)


@dataclass(frozen=True)
class InvoiceMailData:
    settings: texts.MailingSettings
    accounts: list[str]
    templates: dict[Key, texts.Template]


@dataclass(frozen=True)
class InvoiceMailChanges:
    settings: texts.MailingSettings
    templates: dict[Key, tuple[str, str]] = field(default_factory=dict)  # "" / "" = the default

    def write(self, db: Database) -> None:
        texts.save_mailing_settings(db, self.settings)
        for (kind, language), (subject, body) in self.templates.items():
            texts.save_template(db, kind, language, subject, body)


def load_invoice_mail(db: Database) -> InvoiceMailData:
    from msp_console.mail.store import list_accounts

    templates = {(k, lang): texts.load_template(db, k, lang) for k in texts.KINDS for lang in texts.LANGUAGES}
    return InvoiceMailData(texts.load_mailing_settings(db), [a.name for a in list_accounts(db)], templates)


class InvoiceMailPage(QWidget):
    def __init__(self, db: Database):
        super().__init__()
        self.data: InvoiceMailData | None = None
        self.edited: dict[Key, tuple[str, str]] = {}
        self.shown: Key | None = None
        self.account = QComboBox()
        self.account.setObjectName("invoiceMailAccount")
        self.account.setAccessibleName(self.tr("Send from"))
        self.report = QCheckBox(self.tr("Attach the service report of the month before the invoice"))
        self.report.setObjectName("attachServiceReport")
        self.days = QSpinBox()
        self.days.setObjectName("reminderDays")
        self.days.setRange(0, 365)
        self.days.setSuffix(self.tr(" days after the due date"))
        self.days.setAccessibleName(self.tr("Remind"))
        self.interval = QSpinBox()
        self.interval.setObjectName("reminderInterval")
        self.interval.setRange(1, 365)
        self.interval.setSuffix(self.tr(" days"))
        self.interval.setAccessibleName(self.tr("Never again within"))
        form = QFormLayout()
        form.addRow(self.tr("Send from"), self.account)
        form.addRow("", self.report)
        form.addRow(self.tr("Remind"), self.days)
        form.addRow(self.tr("Never again within"), self.interval)
        self.kind = QComboBox()
        self.kind.setObjectName("mailTextKind")
        self.kind.addItem(self.tr("Courtesy copy of an invoice"), "courtesy")
        self.kind.addItem(self.tr("Payment reminder"), "reminder")
        self.language = QComboBox()
        self.language.setObjectName("mailTextLanguage")
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        if QLocale().language() != QLocale.Language.Italian:  # the user's own language's text first
            self.language.setCurrentIndex(1)
        self.subject = QLineEdit()
        self.subject.setObjectName("mailTextSubject")
        self.subject.setAccessibleName(self.tr("Subject"))
        self.body = QPlainTextEdit()
        self.body.setObjectName("mailTextBody")
        self.body.setAccessibleName(self.tr("Text"))
        self.placeholders = QLabel()
        self.placeholders.setWordWrap(True)
        self.restore = QPushButton(self.tr("Restore the default text"))
        self.restore.setObjectName("restoreMailText")
        self.restore.clicked.connect(self._restore)
        self.kind.currentIndexChanged.connect(self._switch)
        self.language.currentIndexChanged.connect(self._switch)
        choose = QHBoxLayout()
        choose.addWidget(self.kind)
        choose.addWidget(self.language)
        choose.addStretch(1)
        choose.addWidget(self.restore)
        group = QGroupBox(self.tr("Texts (the client's language is the invoice's)"))
        inner = QVBoxLayout(group)
        inner.addLayout(choose)
        inner.addWidget(self.subject)
        inner.addWidget(self.body, 1)
        inner.addWidget(self.placeholders)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        self.setEnabled(False)
        busy_while(self, lambda: load_invoice_mail(db), self._loaded, lambda e: None)

    def _loaded(self, data: InvoiceMailData) -> None:
        self.data = data
        self.account.addItem(self.tr("The first ordinary account"), "")
        for name in data.accounts:
            self.account.addItem(name, name)
        if data.settings.account and self.account.findData(data.settings.account) < 0:
            self.account.addItem(data.settings.account, data.settings.account)
        self.account.setCurrentIndex(max(0, self.account.findData(data.settings.account)))
        self.report.setChecked(data.settings.attach_service_report)
        self.days.setValue(data.settings.reminder_days)
        self.interval.setValue(data.settings.reminder_interval_days)
        self.edited = {key: (t.subject, t.body) for key, t in data.templates.items()}
        self.setEnabled(True)
        self._switch()

    def _key(self) -> Key:
        return str(self.kind.currentData()), str(self.language.currentData())

    def _keep_shown(self) -> None:
        if self.shown is not None:
            self.edited[self.shown] = (self.subject.text(), self.body.toPlainText())

    def _switch(self) -> None:
        if self.data is None:
            return
        self._keep_shown()
        self.shown = self._key()
        subject, body = self.edited[self.shown]
        self.subject.setText(subject)
        self.body.setPlainText(body)
        names = ", ".join("{" + p + "}" for p in texts.placeholders(*self.shown))
        self.placeholders.setText(self.tr("Placeholders: %1").replace("%1", names))

    def _restore(self) -> None:
        t = texts.default_template(*self._key())
        self.subject.setText(t.subject)
        self.body.setPlainText(t.body)

    def changes(self) -> InvoiceMailChanges | None:
        """What OK writes (None before the page has loaded: nothing to write)."""
        if self.data is None:
            return None
        self._keep_shown()
        settings = texts.MailingSettings(
            account=str(self.account.currentData() or ""),
            attach_service_report=self.report.isChecked(),
            reminder_days=self.days.value(),
            reminder_interval_days=self.interval.value(),
        )
        changed: dict[Key, tuple[str, str]] = {}
        for key, (subject, body) in self.edited.items():
            before = self.data.templates[key]
            if (subject, body) == (before.subject, before.body):
                continue
            default = texts.default_template(*key)
            changed[key] = ("", "") if (subject, body) == (default.subject, default.body) else (subject, body)
        return InvoiceMailChanges(settings, changed)

    def problem(self) -> str:
        """The first text that cannot be used, in words ("" when all are fine); shows it."""
        changes = self.changes()
        if changes is None:
            return ""
        for (kind, language), (subject, body) in changes.templates.items():
            if not subject and not body:
                continue
            errors = texts.template_errors(kind, subject, body)
            if errors:
                self.kind.setCurrentIndex(self.kind.findData(kind))
                self.language.setCurrentIndex(self.language.findData(language))
                bad = errors[0]
                where = self.tr("subject") if bad.field == "subject" else self.tr("text")
                if bad.message.startswith("must not"):
                    return self.tr("The %1 of this e-mail must not be empty.").replace("%1", where)
                allowed = ", ".join("{" + p + "}" for p in texts.placeholders(kind, language))
                text = self.tr(
                    "The %1 of this e-mail uses an unknown placeholder or an unclosed brace; use %2."
                )
                return text.replace("%1", where).replace("%2", allowed)
        return ""
