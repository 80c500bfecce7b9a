"""After a rejection: fix and resend with the same number within 5 days, a new number after;
and the scheduled fetch with its back-off, against the real PEC servers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from msp_console.db.models import Client, Invoice
from msp_console.db.models.sdi import SdiEvent
from msp_console.domain.errors import ValidationError
from msp_console.secrets import set_secret
from msp_console.services.billing import sdi_fix, sdi_send
from msp_console.services.billing.sdi_poller import SdiPoller
from msp_console.services.billing.sdi_receipts import apply_bytes
from msp_console.services.billing.sdi_records import status_of
from msp_console.services.billing.sdi_transport import PecTransport
from tests.integration.sdi.conftest import TODAY
from tests.integration.sdi.pec_fixtures import PecSetup
from tests.integration.sdi.sdi_player import notification


def send(pec: PecSetup, numbers: list[str], today: date = TODAY) -> list[sdi_send.SendOutcome]:
    transport = PecTransport.for_channel(pec.app.db)
    try:
        return sdi_send.send(pec.app.db, lambda: transport.deliver, numbers=numbers, today=today)
    finally:
        transport.close()


def rejected(pec: PecSetup) -> tuple[int, str]:
    """2026/0001 sent, and rejected by the SdI for the client's VAT number (00305)."""
    [outcome] = send(pec, ["2026/0001"])
    pec.sdi.answer({outcome.file_name: "NS"}, errors=[("00305", "1.4.1.1.2 <IdCodice> non valido")])
    result = SdiPoller(pec.app.db).run(force=True)
    assert [a.kind for a in result.applied] == ["NS"] and result.rejections
    with pec.app.db.read() as s:
        invoice_id = s.scalars(select(Invoice.id).where(Invoice.number == "2026/0001")).one()
    return invoice_id, outcome.file_name


def test_within_five_days_the_fixed_data_goes_with_the_same_number(pec: PecSetup) -> None:
    invoice_id, first_file = rejected(pec)
    choice = sdi_fix.fix_choice(pec.app.db, invoice_id, date.today())
    assert choice.same_number and choice.errors == (("00305", "1.4.1.1.2 <IdCodice> non valido"),)
    with pec.app.db.transaction() as s:  # the technician corrects the client's record
        client = s.scalars(select(Client).where(Client.name == "Hotel Bellavista")).one()
        client.sdi_code = "ABC1234"
    number = sdi_fix.refresh_parties(pec.app.db, invoice_id, date.today())
    assert number == "2026/0001"
    [outcome] = send(pec, [number], date.today())
    assert outcome.outcome == "sent" and outcome.file_name != first_file
    [xml] = [data for _, name, data in pec.sdi.received() if name == outcome.file_name]
    assert b"<CodiceDestinatario>ABC1234</CodiceDestinatario>" in xml and b"<Numero>2026/0001</Numero>" in xml


def test_after_five_days_a_new_number_replaces_the_rejected_invoice(pec: PecSetup) -> None:
    invoice_id, _ = rejected(pec)
    with pec.app.db.transaction() as s:
        s.execute(
            update(SdiEvent).where(SdiEvent.kind == "NS").values(at=datetime.now(UTC) - timedelta(days=6))
        )
    today = date.today()
    assert not sdi_fix.fix_choice(pec.app.db, invoice_id, today).same_number
    with pytest.raises(ValidationError):
        sdi_fix.refresh_parties(pec.app.db, invoice_id, today)
    number = sdi_fix.reissue(pec.app.db, invoice_id, today)
    assert number not in {"2026/0001", "2026/0002", "2026/0003"}  # a new number, today's date
    [outcome] = send(pec, [number], today)
    assert outcome.outcome == "sent"
    [xml] = [data for _, name, data in pec.sdi.received() if name == outcome.file_name]
    assert b"Sostituisce la fattura 2026/0001" in xml
    states = {s.number: s.state for s in status_of(pec.app.db).values()}
    assert states["2026/0001"] == "replaced" and states[number] == "sent"
    assert send(pec, ["2026/0001"], today)[0].outcome == "already"  # the rejected one is closed


def test_the_scheduled_fetch_backs_off_after_failures_and_retries_failed_sendings(pec: PecSetup) -> None:
    poller = SdiPoller(pec.app.db)
    set_secret(pec.account.secret_ref, "not-the-password")
    assert send(pec, ["2026/0001"])[0].outcome == "failed"
    now = datetime.now(UTC)
    first = poller.run(now)
    assert "refused the login" in first.error and first.next_attempt == now + timedelta(minutes=15)
    assert poller.run(now + timedelta(minutes=10)).skipped == "backing off"
    second = poller.run(now + timedelta(minutes=16))
    assert second.error and second.next_attempt == now + timedelta(minutes=16 + 30)  # doubled

    set_secret(pec.account.secret_ref, pec.password)
    third = poller.run(now + timedelta(minutes=47))
    assert third.error == "" and [o.outcome for o in third.resent] == ["sent"]
    assert poller.failures == 0 and poller.next_attempt is None
    assert {s.number: s.state for s in status_of(pec.app.db).values()} == {"2026/0001": "sent"}


def test_without_a_pec_account_the_schedule_waits_quietly(issued_app) -> None:  # type: ignore[no-untyped-def]
    result = SdiPoller(issued_app.db).run()
    assert "no PEC account" in result.skipped and not result.error


def test_sdi_fix_on_the_command_line(pec: PecSetup, capsys) -> None:  # type: ignore[no-untyped-def]
    from msp_console.cli import main

    rejected(pec)
    assert main(["--database", pec.app.db.url, "sdi", "fix", "2026/0001", "--json"]) == 0
    [sent] = json.loads(capsys.readouterr().out)["invoices"]
    assert sent["number"] == "2026/0001" and sent["outcome"] == "sent"

    name, xml = notification("NS", sent["file_name"])
    apply_bytes(pec.app.db, xml, name)
    with pec.app.db.transaction() as s:
        s.execute(
            update(SdiEvent).where(SdiEvent.kind == "NS").values(at=datetime.now(UTC) - timedelta(days=6))
        )
    assert main(["--database", pec.app.db.url, "sdi", "fix", "2026/0001"]) == 1
    assert "--new-number" in capsys.readouterr().err
    assert main(["--database", pec.app.db.url, "sdi", "fix", "2026/0001", "--new-number", "--json"]) == 0
    [sent] = json.loads(capsys.readouterr().out)["invoices"]
    assert sent["number"] != "2026/0001" and sent["outcome"] == "sent"
