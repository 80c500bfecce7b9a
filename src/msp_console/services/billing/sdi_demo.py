"""The demo's SdI history: a few of the month's invoices sent and answered, one rejected with the
SdI's codes, so the Billing tab shows every badge (nothing leaves the machine)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from msp_console.db.models import Invoice
from msp_console.db.models.sdi import SdiTransmission
from msp_console.domain.billing import sdi_states
from msp_console.services.billing.sdi_records import next_progressive, record_event
from msp_console.services.database import Database

ANSWERS = [
    ("RC", sdi_states.DELIVERED, None),
    ("NS", sdi_states.REJECTED, [["00305", "1.4.1.1.2 <IdCodice> non valido"]]),
    ("MC", sdi_states.NOT_DELIVERED, None),
    ("RC", sdi_states.DELIVERED, None),
    ("", sdi_states.SENT, None),
]


def add_sdi_demo(db: Database) -> None:
    with db.transaction() as s:
        if s.scalar(select(SdiTransmission.id).limit(1)) is not None:
            return
        invoices = list(s.scalars(select(Invoice).where(Invoice.status == "issued").order_by(Invoice.id)))
        now = datetime.now(UTC)
        for n, (invoice, (kind, state, errors)) in enumerate(zip(invoices, ANSWERS, strict=False)):
            progressive = next_progressive(s)
            name = f"IT{(invoice.supplier or {}).get('vat_number', '')}_{progressive}.xml"
            t = SdiTransmission(
                invoice_id=invoice.id,
                file_name=name,
                progressive=progressive,
                to_address="sdi@pec.fatturapa.it",
            )
            s.add(t)
            sent_at = now - timedelta(hours=5 - n)
            record_event(t, "sent", sdi_states.SENT, detail="<demo@msp-console.invalid>", at=sent_at)
            t.sent_at, t.message_id = sent_at, f"<demo-{n}@msp-console.invalid>"
            invoice.status, invoice.sdi_file = "sent", name
            if kind:
                t.sdi_id = str(9_000_000 + n)
                record_event(
                    t,
                    kind,
                    state,
                    notification=f"{name[:-4]}_{kind}_demo",
                    errors=errors,
                    at=sent_at + timedelta(minutes=20),
                )
