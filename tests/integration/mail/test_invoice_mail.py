"""Courtesy copies and payment reminders e-mailed to clients, received in their real test mailboxes."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from msp_console.cli import main
from msp_console.mail.invoice_mail import send_courtesy_copies, send_reminders
from msp_console.mail.store import save_account
from msp_console.mail.texts import MailingSettings, save_mailing_settings, save_template
from msp_console.services.billing.ledger import mark_paid
from msp_console.services.billing.timeline import events_of
from tests.integration.mail.conftest import Office
from tests.support.mail_servers import DroppingProxy, MailLab


def _attachments(msg) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in msg.iter_attachments()}


def test_courtesy_copies_arrive_once_with_the_pdf_in_the_clients_language(
    office_on_both: Office, mail_lab: MailLab
) -> None:
    office = office_on_both
    out = send_courtesy_copies(
        office.app.db, month=(2026, 9), account=office.account, password=office.password
    )
    assert [(o.numbers, o.status) for o in out] == [(("2026/0001",), "sent"), (("2026/0002",), "sent")]

    (hotel_mail,) = mail_lab.messages(office.hotel.address)
    assert hotel_mail["Subject"] == "Fattura n. 2026/0001 del 01/09/2026 – Rossi Informatica S.r.l."
    assert "Gentile Hotel Bellavista" in hotel_mail.get_body().get_content()
    assert "€\u00a0146,40" in hotel_mail.get_body().get_content()  # 120 + 22 % VAT
    files = _attachments(hotel_mail)
    assert list(files) == ["Fattura_2026-0001.pdf"]
    text = PdfReader(io.BytesIO(files["Fattura_2026-0001.pdf"])).pages[0].extract_text()
    assert "2026/0001" in text and "Hotel Bellavista" in text

    (smith_mail,) = mail_lab.messages(office.smith.address)
    assert smith_mail["Subject"].startswith("Invoice 2026/0002 of 01/09/2026")
    assert "Dear Smith & Partners Ltd" in smith_mail.get_body().get_content()
    assert list(_attachments(smith_mail)) == ["Invoice_2026-0002.pdf"]

    # recorded on the invoice's timeline, with the Message-ID the client received
    (event,) = events_of(office.app.db, office.ids["2026/0001"])
    assert event.code == "courtesy_sent"
    assert event.message_id == hotel_mail["Message-ID"]
    assert event.params["to"] == office.hotel.address
    assert event.params["attachments"] == ["Fattura_2026-0001.pdf"]

    # a second run sends nothing twice
    again = send_courtesy_copies(
        office.app.db, month=(2026, 9), account=office.account, password=office.password
    )
    assert {o.status for o in again} == {"skipped"}
    assert "already e-mailed" in again[0].reason
    assert len(mail_lab.messages(office.hotel.address)) == 1


def test_the_service_report_and_an_edited_text_go_with_the_copy(office: Office, mail_lab: MailLab) -> None:
    save_mailing_settings(office.app.db, MailingSettings(attach_service_report=True))
    save_template(
        office.app.db, "courtesy", "it", "Fattura {number}", "Ciao {client}, ecco la {document} {number}.\n"
    )
    send_courtesy_copies(
        office.app.db, numbers=["2026/0003"], account=office.account, password=office.password
    )
    (msg,) = mail_lab.messages(office.hotel.address)
    assert msg["Subject"] == "Fattura 2026/0003"
    assert msg.get_body().get_content().startswith("Ciao Hotel Bellavista, ecco la fattura 2026/0003.")
    files = _attachments(msg)
    assert list(files) == ["Fattura_2026-0003.pdf", "Rapporto_servizio_2026-09.pdf"]
    report = PdfReader(io.BytesIO(files["Rapporto_servizio_2026-09.pdf"])).pages[0].extract_text()
    assert "srv-hotel" in report
    # the English client has no machine: no report to attach
    send_courtesy_copies(
        office.app.db, numbers=["2026/0004"], account=office.account, password=office.password
    )
    (msg,) = mail_lab.messages(office.smith.address)
    assert list(_attachments(msg)) == ["Invoice_2026-0004.pdf"]


def test_reminders_list_the_unpaid_invoices_and_are_not_repeated_too_soon(
    office_on_both: Office, mail_lab: MailLab
) -> None:
    office = office_on_both
    mark_paid(office.app.db, "2026/0002", date(2026, 9, 20))  # Smith paid September
    today = date(2026, 11, 20)  # September due 01/10 (50 days ago), October due 31/10 (20 days ago)
    out = send_reminders(
        office.app.db, days=15, today=today, account=office.account, password=office.password
    )
    assert sorted((o.client, o.numbers, o.status) for o in out) == [
        ("Hotel Bellavista", ("2026/0001", "2026/0003"), "sent"),
        ("Smith & Partners Ltd", ("2026/0004",), "sent"),
    ]
    (msg,) = mail_lab.messages(office.hotel.address)
    assert msg["Subject"] == "Promemoria di pagamento – Rossi Informatica S.r.l."
    body = msg.get_body().get_content()
    assert "n. 2026/0001 del 01/09/2026" in body and "n. 2026/0003 del 01/10/2026" in body
    assert "Totale: €\u00a0292,80" in body
    assert list(_attachments(msg)) == ["Fattura_2026-0001.pdf", "Fattura_2026-0003.pdf"]
    (msg,) = mail_lab.messages(office.smith.address)
    assert "2026/0004" in msg.get_body().get_content() and "2026/0002" not in msg.get_body().get_content()

    # within the interval (30 days by default): nothing again
    later = send_reminders(
        office.app.db,
        days=15,
        today=today + timedelta(days=10),
        account=office.account,
        password=office.password,
    )
    assert later == []
    assert len(mail_lab.messages(office.hotel.address)) == 1
    # after it: reminded again, and each reminder is on the timeline
    send_reminders(
        office.app.db,
        days=15,
        today=today + timedelta(days=31),
        account=office.account,
        password=office.password,
    )
    assert len(mail_lab.messages(office.hotel.address)) == 2
    codes = [e.code for e in events_of(office.app.db, office.ids["2026/0001"])]
    assert codes == ["reminder_sent", "reminder_sent"]


def test_a_connection_dropped_mid_batch_sends_nothing_twice(office: Office, mail_lab: MailLab) -> None:
    proxy = DroppingProxy(mail_lab.smtp_port)
    via_proxy = dataclasses.replace(office.account, smtp_port=proxy.port)
    sizes: list[int] = []

    def cut_after_first(done: int, total: int) -> None:
        sizes.append(proxy.sent_down)
        proxy.drop_after = proxy.sent_down + 40  # the next message is cut half-way

    try:
        from msp_console.mail.invoice_mail import send_courtesy_copies as send

        out = send(
            office.app.db,
            month=(2026, 9),
            account=via_proxy,
            password=office.password,
            progress=cut_after_first,
        )
    finally:
        proxy.close()
    assert [o.status for o in out] == ["sent", "failed"]
    assert "dropped the connection" in out[1].reason
    assert len(mail_lab.messages(office.hotel.address)) == 1
    assert mail_lab.messages(office.smith.address) == []

    out = send_courtesy_copies(
        office.app.db, month=(2026, 9), account=office.account, password=office.password
    )
    assert [o.status for o in out] == ["skipped", "sent"]
    assert len(mail_lab.messages(office.hotel.address)) == 1
    assert len(mail_lab.messages(office.smith.address)) == 1


@pytest.mark.usefixtures("gnome_keyring")
def test_the_cli_sends_from_the_saved_account_and_says_what_failed(
    office: Office,
    mail_lab: MailLab,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def run(*argv: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(["--database", sqlite_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    save_account(office.app.db, dataclasses.replace(office.account, name="office"), "not-the-password")
    code, out, err = run("invoices", "send", "2026/0001")
    assert code == 1
    assert "FAILED     2026/0001" in out and "wrong user name or password" in out
    assert mail_lab.messages(office.hotel.address) == []
    assert events_of(office.app.db, office.ids["2026/0001"]) == []

    save_account(
        office.app.db, dataclasses.replace(office.account, name="office"), office.password, replace=True
    )
    code, out, _ = run("invoices", "send", "--month", "2026-10", "--dry-run")
    assert code == 0 and out.count("WOULD_SEND") == 2
    assert mail_lab.messages(office.hotel.address) == []
    code, out, _ = run("invoices", "send", "--month", "2026-10")
    assert code == 0, out
    assert "SENT       2026/0003  Hotel Bellavista" in out and "2 e-mail(s) sent" in out
    code, out, _ = run("invoices", "send", "--month", "2026-10")
    assert "SKIPPED" in out and "0 e-mail(s) sent" in out
    code, out, _ = run("invoices", "remind", "--days", "15")
    assert code == 0 and "SENT" in out
    code, out, _ = run("invoices", "remind", "--days", "15")
    assert "nothing to send" in out
    code, out, _ = run("invoices", "timeline", "2026/0003")
    assert f"courtesy copy e-mailed to {office.hotel.address} (Fattura_2026-0003.pdf)" in out
    assert f"payment reminder e-mailed to {office.hotel.address} (with 2026/0001, 2026/0003)" in out
    code, _, err = run("--demo", "invoices", "remind")
    assert code == 1 and "the demo never sends e-mail" in err
