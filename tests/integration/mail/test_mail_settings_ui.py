"""Settings → Mail accounts and Invoice e-mails, driven like a technician would, against the real
mail servers and keyring; the connection test runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from msp_console import secrets
from msp_console.app import App
from msp_console.mail.errors import format_fingerprint
from msp_console.mail.store import list_accounts
from msp_console.mail.texts import load_mailing_settings, load_template
from msp_console.ui.settings_dialog.dialog import SettingsDialog
from msp_console.ui.settings_dialog.mail_account_dialog import MailAccountDialog
from tests.support.mail_servers import MailLab
from tests.ui.settings.test_settings_dialog import _dialog  # opens Settings as the menu does

pytestmark = [pytest.mark.ui, pytest.mark.usefixtures("gnome_keyring")]


@pytest.fixture
def app(sqlite_url: str) -> Iterator[App]:
    application = App.open(sqlite_url)
    yield application
    application.close()


def test_add_test_pin_and_remove_an_account(qtbot, app: App, mail_lab: MailLab, mailbox_user) -> None:  # type: ignore[no-untyped-def]
    user = mailbox_user()
    d = _dialog(qtbot, app)
    page = d.mail_accounts
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.list.count() == 0

    page.add_button.click()
    dialog = page.findChild(MailAccountDialog)
    assert dialog is not None
    dialog.name.setText("office")
    dialog.smtp_host.setText(mail_lab.host)
    dialog.smtp_port.setValue(mail_lab.smtps_port)
    dialog.imap_port.setValue(mail_lab.dovecot.imaps_port)
    dialog.user.setText("not an address")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.errors["user"].isVisibleTo(dialog) and dialog.errors["password"].isVisibleTo(dialog)
    assert dialog.isVisible()  # nothing written
    dialog.user.setText(user.address)
    dialog.password.setText(user.password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10_000)
    assert "office" in page.list.item(0).text()
    assert secrets.get_secret("mail:office") == user.password

    # the test server's certificate is self-signed: said so, with its fingerprint, and a pin button
    page.test_current()
    shown = format_fingerprint(mail_lab.cert.sha256)
    qtbot.waitUntil(lambda: shown in page.result.text(), timeout=20_000)
    assert "is not trusted" in page.result.text()
    assert page.pin_button.isVisibleTo(page)
    page.pin_button.click()
    qtbot.waitUntil(lambda: "Certificate pinned" in page.result.text(), timeout=10_000)
    assert list_accounts(app.db)[0].pinned_sha256 == mail_lab.cert.sha256
    page.test_current()
    qtbot.waitUntil(lambda: "messages in the inbox: 0" in page.result.text(), timeout=20_000)
    assert "Sending (SMTP): logged in." in page.result.text()

    page.remove_button.click()
    box = page.findChild(QMessageBox, "removeMailAccountQuestion")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.list.count() == 0, timeout=10_000)
    assert list_accounts(app.db) == []
    assert secrets.get_secret("mail:office") is None


def test_invoice_e_mail_texts_and_reminder_days_are_saved_with_ok(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, app)
    page = d.invoice_mail
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    page.days.setValue(20)
    page.report.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData("reminder"))
    page.language.setCurrentIndex(page.language.findData("en"))
    assert page.subject.text() == "Payment reminder – {company}"
    page.subject.setText("Unpaid: {numbers}")
    ok = d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "unknown placeholder" in d.error.text() and "{invoices}" in d.error.text()
    assert d.isVisible()
    page.subject.setText("Unpaid invoices ({count}) – {company}")
    ok.click()
    qtbot.waitUntil(lambda: not d.saving.busy and not d.isVisible(), timeout=10_000)
    assert d.result() == SettingsDialog.DialogCode.Accepted, d.error.text()
    settings = load_mailing_settings(app.db)
    assert settings.reminder_days == 20 and settings.attach_service_report
    saved = load_template(app.db, "reminder", "en")
    assert saved.customised and saved.subject == "Unpaid invoices ({count}) – {company}"
    assert not load_template(app.db, "reminder", "it").customised  # untouched texts stay the default
