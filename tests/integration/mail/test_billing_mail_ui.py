"""Billing → Documents → E-mail to clients… / Send payment reminders…: confirmed, sent on the worker
thread, received in the clients' real test mailboxes, not sent twice."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from msp_console.mail.store import save_account
from msp_console.ui.billing.panel import BillingPanel
from msp_console.ui.english_plurals import EnglishPlurals
from tests.integration.mail.conftest import Office
from tests.support.mail_servers import MailLab

pytestmark = [pytest.mark.ui, pytest.mark.usefixtures("gnome_keyring")]


@pytest.fixture(autouse=True)
def english_plurals(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """As the app runs in English: "1 e-mail", "2 e-mails"."""
    translator = EnglishPlurals(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_billing_tab_e_mails_the_month_and_the_reminders(  # type: ignore[no-untyped-def]
    qtbot, office: Office, mail_lab: MailLab, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = BillingPanel(office.app.db)
    qtbot.addWidget(panel)
    questions: list[str] = []

    def yes(title: str, text: str) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(panel, "confirm", yes)
    panel.set_month(2026, 9, reload=False)
    with qtbot.waitSignal(panel.reloaded, timeout=10_000):
        panel.reload()

    # no account yet: said where to add one, nothing asked, nothing sent
    panel.email_action.trigger()
    qtbot.waitUntil(lambda: "no mail account yet" in panel.message.text(), timeout=10_000)
    assert questions == []

    save_account(office.app.db, dataclasses.replace(office.account, name="office"), office.password)
    with qtbot.waitSignal(panel.work_done, timeout=30_000) as done:
        panel.email_action.trigger()
    assert questions == ["2 e-mails with a courtesy copy will be sent to the clients. Send now?"]
    assert done.args == ["2 e-mails sent."]
    assert len(mail_lab.messages(office.hotel.address)) == 1
    assert len(mail_lab.messages(office.smith.address)) == 1

    panel.email_action.trigger()  # again: everything already sent
    qtbot.waitUntil(lambda: "Nothing to e-mail" in panel.message.text(), timeout=10_000)
    assert len(questions) == 1

    with qtbot.waitSignal(panel.work_done, timeout=30_000) as done:
        panel.remind_action.trigger()
    assert questions[-1] == "2 payment reminders will be e-mailed. Send now?"
    assert done.args == ["2 e-mails sent."]
    (reminder,) = [m for m in mail_lab.messages(office.hotel.address) if "Promemoria" in m["Subject"]]
    assert {p.get_filename() for p in reminder.iter_attachments()} == {
        "Fattura_2026-0001.pdf",
        "Fattura_2026-0003.pdf",
    }
