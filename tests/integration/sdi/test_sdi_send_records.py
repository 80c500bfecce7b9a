"""Sending over the real PEC channel (Dovecot + SMTP on loopback): precheck first, file names that
never repeat, a record per sending, no second sending unless the SdI rejected it, failures
recorded and retried."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update

from msp_console.app import App
from msp_console.cli import main
from msp_console.db.models import Invoice
from msp_console.db.models.sdi import SdiChannel, SdiTransmission
from msp_console.secrets import set_secret
from msp_console.services.billing import sdi_send
from msp_console.services.billing.sdi_receipts import apply_bytes
from msp_console.services.billing.sdi_records import status_of
from msp_console.services.billing.sdi_transport import PecTransport
from tests.integration.sdi.conftest import TODAY
from tests.integration.sdi.pec_fixtures import PecSetup
from tests.integration.sdi.sdi_player import notification


def run(capsys: Any, app: App, *args: str) -> tuple[int, str]:
    code = main(["--database", app.db.url, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def send(pec: PecSetup, **which: Any) -> list[sdi_send.SendOutcome]:
    transport = PecTransport.for_channel(pec.app.db)
    try:
        return sdi_send.send(pec.app.db, lambda: transport.deliver, today=TODAY, **which)
    finally:
        transport.close()


def test_dry_run_prechecks_and_names_files_without_taking_a_progressive(pec: PecSetup, capsys: Any) -> None:
    code, out = run(capsys, pec.app, "sdi", "send", "--month", "2026-12", "--dry-run", "--json")
    assert code == 0, out
    names = [i["file_name"] for i in json.loads(out)["invoices"]]
    assert names == ["IT01234567897_00001.xml", "IT01234567897_00002.xml", "IT01234567897_00003.xml"]
    assert pec.sdi.received() == []
    with pec.app.db.read() as s:
        assert s.scalar(select(SdiTransmission.id)) is None
        assert s.scalars(select(SdiChannel.last_progressive)).one() == 0


def test_a_precheck_failure_is_reported_with_code_and_field_and_not_sent(pec: PecSetup, capsys: Any) -> None:
    with pec.app.db.transaction() as s:
        invoice = s.scalars(select(Invoice).where(Invoice.number == "2026/0002")).one()
        customer = dict(invoice.customer or {})
        customer["vat_number"] = "05566778890"  # wrong check digit, frozen into an issued invoice
        s.execute(update(Invoice).where(Invoice.id == invoice.id).values(customer=customer))
    outcomes = send(pec, month=(2026, 12))
    refused = [o for o in outcomes if o.outcome == "precheck"]
    assert [o.number for o in refused] == ["2026/0002"]
    assert [(p.code, p.field) for p in refused[0].problems] == [
        ("00305", "FatturaElettronicaHeader/CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice")
    ]
    assert len(pec.sdi.received()) == 2  # the other two went
    code, out = run(capsys, pec.app, "sdi", "send", "2026/0002")
    assert code == 1 and "00305" in out and "IdFiscaleIVA/IdCodice" in out


def test_one_pec_message_per_invoice_recorded_with_its_message_id(pec: PecSetup) -> None:
    outcomes = send(pec, month=(2026, 12))
    messages = pec.sdi.lab.messages(pec.sdi.public.address)
    assert len(messages) == 3
    by_id = {str(msg["Message-ID"]): msg for msg in messages}
    for outcome in outcomes:
        msg = by_id[outcome.message_id]
        [attachment] = list(msg.iter_attachments())
        assert attachment.get_filename() == outcome.file_name
        assert msg["From"] == pec.account.username
    data = next(iter(by_id[outcomes[0].message_id].iter_attachments())).get_payload(decode=True)
    assert b"<ProgressivoInvio>00001</ProgressivoInvio>" in data
    assert {s.state for s in status_of(pec.app.db).values()} == {"sent"}
    with pec.app.db.read() as s:
        rows = s.scalars(select(SdiTransmission).order_by(SdiTransmission.id)).all()
        assert [r.message_id for r in rows] == [o.message_id for o in outcomes]
        assert all(r.sent_at is not None and r.to_address == pec.sdi.public.address for r in rows)
        assert {i.status for i in s.scalars(select(Invoice))} == {"sent"}


def test_sending_twice_is_refused_unless_the_sdi_rejected_it(pec: PecSetup, capsys: Any) -> None:
    first = send(pec, numbers=["2026/0001"])[0]
    again = send(pec, numbers=["2026/0001"])
    assert [o.outcome for o in again] == ["already"]
    assert "only a rejected invoice is sent again" in again[0].reason
    code, out = run(capsys, pec.app, "sdi", "send", "2026/0001")
    assert code == 1 and "already sent" in out
    month = send(pec, month=(2026, 12))  # a month skips what is already with the SdI
    assert [o.outcome for o in month] == ["already", "sent", "sent"]
    assert len(pec.sdi.received()) == 3

    name, xml = notification("NS", first.file_name)
    assert apply_bytes(pec.app.db, xml, name).outcome == "applied"
    resent = send(pec, numbers=["2026/0001"])
    assert [o.outcome for o in resent] == ["sent"]
    assert resent[0].file_name == "IT01234567897_00004.xml"  # a new progressive: the old name is spent
    history = next(s for s in status_of(pec.app.db).values() if s.number == "2026/0001").history
    assert [h.kind for h in history] == ["sending", "sent", "NS", "sending", "sent"]


def test_a_failed_delivery_is_recorded_and_retried_without_reusing_a_name(pec: PecSetup) -> None:
    set_secret(pec.account.secret_ref, "not-the-password")
    outcomes = send(pec, month=(2026, 12))
    assert [o.outcome for o in outcomes] == ["failed", "not_tried", "not_tried"]
    assert "refused the login" in outcomes[0].reason
    assert sdi_send.failed_numbers(pec.app.db) == ["2026/0001"]
    set_secret(pec.account.secret_ref, pec.password)
    retried = send(pec, month=(2026, 12))
    assert [o.outcome for o in retried] == ["sent"] * 3
    assert retried[0].file_name == "IT01234567897_00002.xml"  # 00001 was spent by the failed try
    assert sdi_send.failed_numbers(pec.app.db) == []


def test_names_of_exported_files_are_never_reused(pec: PecSetup, capsys: Any, tmp_path: Any) -> None:
    """`invoices fatturapa` names files by invoice id (00001…): one may have been uploaded to the
    SdI by hand, so the channel's progressive skips those names."""
    code, out = run(capsys, pec.app, "invoices", "fatturapa", "--month", "2026-12", "--out", str(tmp_path))
    assert code == 0, out
    exported = {p.name for p in tmp_path.iterdir()}
    assert "IT01234567897_00001.xml" in exported
    code, out = run(capsys, pec.app, "sdi", "send", "--month", "2026-12", "--dry-run", "--json")
    planned = [i["file_name"] for i in json.loads(out)["invoices"]]
    outcomes = send(pec, month=(2026, 12))
    names = [o.file_name for o in outcomes]
    assert names == planned and not set(names) & exported


def test_a_sending_cut_off_is_neither_lost_nor_sent_twice_by_itself(pec: PecSetup, capsys: Any) -> None:
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[3] / "src"
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("send_then_die.py")), pec.app.db.url, "2026/0001"],
        env={**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{src.parent}"},
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert {s.number: s.state for s in status_of(pec.app.db).values()} == {"2026/0001": "sending"}
    code, out = run(capsys, pec.app, "sdi", "send", "2026/0001")
    assert code == 1 and "interrupted" in out and "--retry-interrupted" in out
    assert pec.sdi.received() == []  # the technician checks the Sent folder: it is not there
    code, out = run(capsys, pec.app, "sdi", "send", "--retry-interrupted", "2026/0001")
    assert code == 0, out
    assert [name for _, name, _ in pec.sdi.received()] == ["IT01234567897_00002.xml"]
    history = [h.kind for h in status_of(pec.app.db)[1].history]
    assert history == ["sending", "failed", "sending", "sent"]
