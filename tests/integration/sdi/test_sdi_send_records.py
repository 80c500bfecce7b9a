"""Sending: precheck first, file names that never repeat, a record per sending, no second
sending of an invoice unless the SdI rejected it."""

from __future__ import annotations

import json
from email.message import EmailMessage
from typing import Any

from sqlalchemy import select, update

from msp_console.app import App
from msp_console.cli import main
from msp_console.db.models import Client, Invoice
from msp_console.db.models.sdi import SdiChannel, SdiTransmission
from msp_console.services.billing import sdi_send
from msp_console.services.billing.sdi_receipts import apply_bytes
from msp_console.services.billing.sdi_records import status_of
from tests.integration.sdi.conftest import TODAY
from tests.integration.sdi.sdi_player import notification
from tests.integration.sdi.test_sdi_receipts import Outbox


def run(capsys: Any, app: App, *args: str) -> tuple[int, str]:
    code = main(["--database", app.db.url, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_dry_run_prechecks_and_names_files_without_taking_a_progressive(issued_app: App, capsys: Any) -> None:
    code, out = run(capsys, issued_app, "sdi", "send", "--month", "2026-12", "--dry-run", "--json")
    assert code == 0, out
    names = [i["file_name"] for i in json.loads(out)["invoices"]]
    assert names == ["IT01234567897_00001.xml", "IT01234567897_00002.xml", "IT01234567897_00003.xml"]
    with issued_app.db.read() as s:
        assert s.scalar(select(SdiTransmission.id)) is None
        channel = s.get(SdiChannel, 1)
        assert channel is None or channel.last_progressive == 0


def test_a_precheck_failure_is_reported_with_code_and_field_and_not_sent(
    issued_app: App, capsys: Any
) -> None:
    with issued_app.db.transaction() as s:
        invoice = s.scalars(select(Invoice).where(Invoice.number == "2026/0002")).one()
        customer = dict(invoice.customer or {})
        customer["vat_number"] = "05566778890"  # wrong check digit, frozen into an issued invoice
        s.execute(update(Invoice).where(Invoice.id == invoice.id).values(customer=customer))
    outbox = Outbox()
    outcomes = sdi_send.send(issued_app.db, lambda: outbox, month=(2026, 12), today=TODAY)
    refused = [o for o in outcomes if o.outcome == "precheck"]
    assert [o.number for o in refused] == ["2026/0002"]
    assert [(p.code, p.field) for p in refused[0].problems] == [
        ("00305", "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice")
    ]
    assert len(outbox.messages) == 2  # the other two went
    code, out = run(capsys, issued_app, "sdi", "send", "2026/0002")
    assert code == 1 and "00305" in out and "IdFiscaleIVA/IdCodice" in out


def test_one_pec_message_per_invoice_recorded_with_its_message_id(issued_app: App) -> None:
    outbox = Outbox()
    outcomes = sdi_send.send(issued_app.db, lambda: outbox, month=(2026, 12), today=TODAY)
    assert len(outbox.messages) == 3
    msg = outbox.messages[0]
    assert msg["To"] == "sdi@pec.fatturapa.it"
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename() == outcomes[0].file_name
    assert b"<ProgressivoInvio>00001</ProgressivoInvio>" in attachment.get_payload(decode=True)
    status = status_of(issued_app.db)
    assert {s.state for s in status.values()} == {"sent"}
    with issued_app.db.read() as s:
        rows = s.scalars(select(SdiTransmission).order_by(SdiTransmission.id)).all()
        assert [r.message_id for r in rows] == [
            "<sent-1@test.invalid>",
            "<sent-2@test.invalid>",
            "<sent-3@test.invalid>",
        ]
        assert all(r.sent_at is not None for r in rows)
        assert {i.status for i in s.scalars(select(Invoice))} == {"sent"}


def test_sending_twice_is_refused_unless_the_sdi_rejected_it(issued_app: App, capsys: Any) -> None:
    first = sdi_send.send(issued_app.db, Outbox, numbers=["2026/0001"], today=TODAY)[0]
    again = sdi_send.send(issued_app.db, Outbox, numbers=["2026/0001"], today=TODAY)
    assert [o.outcome for o in again] == ["already"]
    assert "only a rejected invoice is sent again" in again[0].reason
    code, out = run(capsys, issued_app, "sdi", "send", "2026/0001")
    assert code == 1 and "already sent" in out
    # a month's run skips what is already with the SdI and is not an error
    month = sdi_send.send(issued_app.db, Outbox, month=(2026, 12), today=TODAY)
    assert [o.outcome for o in month] == ["already", "sent", "sent"]

    name, xml = notification("NS", first.file_name)
    assert apply_bytes(issued_app.db, xml, name).outcome == "applied"
    resent = sdi_send.send(issued_app.db, Outbox, numbers=["2026/0001"], today=TODAY)
    assert [o.outcome for o in resent] == ["sent"]
    assert resent[0].file_name != first.file_name  # a new progressive: the old name is spent
    history = next(s for s in status_of(issued_app.db).values() if s.number == "2026/0001").history
    assert [h.kind for h in history] == ["sending", "sent", "NS", "sending", "sent"]


def test_a_failed_delivery_is_recorded_retried_and_never_reuses_a_name(issued_app: App) -> None:
    def refused(_msg: EmailMessage) -> str:
        raise ConnectionRefusedError("the PEC server refused the connection")

    outcomes = sdi_send.send(issued_app.db, lambda: refused, month=(2026, 12), today=TODAY)
    assert [o.outcome for o in outcomes] == ["failed", "not_tried", "not_tried"]
    assert "refused the connection" in outcomes[0].reason
    assert sdi_send.failed_numbers(issued_app.db) == ["2026/0001"]
    retried = sdi_send.send(issued_app.db, Outbox, month=(2026, 12), today=TODAY)
    assert [o.outcome for o in retried] == ["sent"] * 3
    assert retried[0].file_name == "IT01234567897_00002.xml"  # 00001 was spent by the failed try
    assert sdi_send.failed_numbers(issued_app.db) == []


def test_dedicated_address_is_used_once_known(issued_app: App) -> None:
    from msp_console.services.billing.sdi_channel import remember_dedicated

    assert remember_dedicated(issued_app.db, "sdi01@pec.fatturapa.it")
    assert not remember_dedicated(issued_app.db, "sdi02@pec.fatturapa.it")  # the first one stays
    outbox = Outbox()
    sdi_send.send(issued_app.db, lambda: outbox, numbers=["2026/0001"], today=TODAY)
    assert outbox.messages[0]["To"] == "sdi01@pec.fatturapa.it"


def test_client_without_codes_is_refused_before_issuing_not_at_sending(issued_app: App) -> None:
    """The console's own issuing already refuses what 00417 would: a client with no VAT nor tax code."""
    with issued_app.db.read() as s:
        assert s.scalar(select(Client.id).where(Client.vat_number == "")) is None
