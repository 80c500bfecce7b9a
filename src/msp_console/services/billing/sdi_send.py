"""Sending issued invoices to the SdI by PEC: precheck, a file name that never repeats, one
message per invoice, and a record of each sending.

Each invoice goes in three steps so a crash never loses track of a file: (1) a transaction takes
the progressive and records the transmission as *sending*; (2) the PEC message is sent; (3) a
transaction records *sent* with the message-id — or *failed* with the reason, to be retried.
The mail transport is passed in (``deliver``), so this module does not know about SMTP.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from msp_console.billing.document import InvoiceDocument
from msp_console.billing.sdi_precheck import SdiProblem, Sent, precheck_batch
from msp_console.db.models import Invoice
from msp_console.db.models.sdi import SdiChannel, SdiTransmission
from msp_console.domain.billing import sdi_states
from msp_console.domain.billing.numbering import sdi_progressive
from msp_console.domain.errors import NotFoundError
from msp_console.services.billing.documents import load_documents
from msp_console.services.billing.sdi_records import channel, latest, next_progressive, record_event
from msp_console.services.database import Database

Deliver = Callable[[EmailMessage], str]  # sends one message, returns its Message-ID

# outcomes of one invoice
SENT, FAILED, PRECHECK, ALREADY, NOT_TRIED, READY = (
    "sent",
    "failed",
    "precheck",
    "already",
    "not_tried",
    "ready",
)


@dataclass(frozen=True, slots=True)
class SendOutcome:
    number: str
    outcome: str  # one of the constants above; READY only in a dry run
    file_name: str = ""
    message_id: str = ""
    problems: list[SdiProblem] = field(default_factory=list)
    reason: str = ""
    reason_code: str = ""  # the mail layer's code (login, dropped…) for the window to word
    reason_params: dict[str, str] = field(default_factory=dict)


def error_code(exc: BaseException) -> tuple[str, dict[str, str]]:
    """The mail layer's code and values of a failure (or of its cause), else nothing."""
    for e in (exc, exc.__cause__):
        code = getattr(e, "code", None)
        if isinstance(code, str) and isinstance(getattr(e, "params", None), dict):
            return code, dict(e.params)  # type: ignore[union-attr]
    return "", {}


def _render(doc: InvoiceDocument) -> tuple[str, bytes]:
    from lxml import etree

    from msp_console.billing.fatturapa import build_xml, file_name

    data = etree.tostring(build_xml(doc), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return file_name(doc), data


def _already_with_sdi(session: Session) -> Sent:
    rows = session.execute(
        select(SdiTransmission.invoice_id, SdiTransmission.file_name, SdiTransmission.state).order_by(
            SdiTransmission.id
        )
    ).all()
    names = frozenset(name for _, name, _ in rows)
    last = {invoice_id: state for invoice_id, _, state in rows}
    held = [i for i, state in last.items() if state not in sdi_states.RESENDABLE]
    keys = session.execute(select(Invoice.number, Invoice.year).where(Invoice.id.in_(held))).all()
    return Sent(names, frozenset((n or "", y or 0) for n, y in keys))


def _select(
    session: Session, numbers: list[str] | None, month: tuple[int, int] | None
) -> tuple[list[InvoiceDocument], list[SendOutcome]]:
    """The issued documents to send; explicit numbers already with the SdI are refused by name,
    a month's are skipped quietly."""
    docs = load_documents(session, numbers or None, None if numbers else month)
    keep, refused = [], []
    for doc in docs:
        last = latest(session, doc.invoice_id)
        if last is not None and last.state == sdi_states.SENDING:
            reason = (
                f"the sending as {last.file_name} was interrupted: if it is not in the PEC account's Sent "
                "folder, send it again with --retry-interrupted"
            )
            refused.append(SendOutcome(doc.number, ALREADY, last.file_name, reason=reason))
        elif last is not None and last.state not in sdi_states.RESENDABLE:
            reason = f"already sent as {last.file_name} ({last.state}): only a rejected invoice is sent again"
            refused.append(SendOutcome(doc.number, ALREADY, last.file_name, reason=reason))
        else:
            keep.append(doc)
    return keep, refused


def plan(
    db: Database, *, numbers: list[str] | None = None, month: tuple[int, int] | None = None, today: date
) -> tuple[list[tuple[InvoiceDocument, bytes]], list[SendOutcome]]:
    """What would be sent, with the file names it would get, and every precheck problem."""
    if not numbers and month is None:
        raise NotFoundError("say which invoices: --month YYYY-MM or their numbers")
    with db.read() as session:
        docs, outcomes = _select(session, numbers, month)
        ch = session.get(SdiChannel, 1)
        counter = ch.last_progressive if ch is not None else 0
        sent = _already_with_sdi(session)
        taken = _names_taken(session)
    named = []
    for doc in docs:  # the names the sending will take, skipping those of exported files
        counter += 1
        while _name(doc, counter) in taken:
            counter += 1
        named.append(replace(doc, sdi_progressive=sdi_progressive(counter)))
    rendered = [(doc, *_render(doc)) for doc in named]
    from lxml import etree

    roots = [(name, etree.fromstring(data)) for _, name, data in rendered]
    problems = precheck_batch(roots, today, sent)
    ready = []
    for doc, name, data in rendered:
        if problems[name]:
            outcomes.append(SendOutcome(doc.number, PRECHECK, name, problems=problems[name]))
        else:
            ready.append((doc, data))
    return ready, outcomes


def _name(doc: InvoiceDocument, counter: int) -> str:
    from msp_console.billing.fatturapa import sender_id

    return f"{sender_id(doc)}_{sdi_progressive(counter)}.xml"


def _names_taken(session: Session) -> set[str]:
    """File names already used: sent by the channel, or written by `invoices fatturapa` (a file
    exported may have been uploaded to the SdI by hand: its name is spent there too)."""
    exported = session.scalars(select(Invoice.sdi_file).where(Invoice.sdi_file != ""))
    sent = session.scalars(select(SdiTransmission.file_name))
    return set(exported) | set(sent)


def pec_message(to: str, file_name: str, data: bytes) -> EmailMessage:
    """One invoice file per PEC message, as the SdI requires; the subject names the file."""
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = f"Invio file {file_name}"
    msg.set_content(f"In allegato il file {file_name} per il Sistema di Interscambio.\n")
    msg.add_attachment(data, maintype="application", subtype="xml", filename=file_name)
    return msg


def _reserve(db: Database, doc: InvoiceDocument) -> tuple[int, str, str, bytes] | SendOutcome:
    """Step 1: the progressive and a *sending* record, or a refusal if someone sent it meanwhile."""
    from msp_console.billing.fatturapa import sender_id

    with db.transaction() as session:
        progressive = next_progressive(session)  # a write first: takes SQLite's lock
        taken = _names_taken(session)
        while f"{sender_id(doc)}_{progressive}.xml" in taken:
            progressive = next_progressive(session)
        invoice = session.get(Invoice, doc.invoice_id, with_for_update=True, populate_existing=True)
        assert invoice is not None
        last = latest(session, invoice.id)
        if last is not None and last.state not in sdi_states.RESENDABLE:
            return SendOutcome(
                doc.number, ALREADY, last.file_name, reason=f"sent meanwhile as {last.file_name}"
            )
        name, data = _render(replace(doc, sdi_progressive=progressive))
        ch = channel(session)
        to = ch.dedicated_address or ch.address
        transmission = SdiTransmission(
            invoice_id=invoice.id, file_name=name, progressive=progressive, to_address=to
        )
        session.add(transmission)
        record_event(transmission, "sending", sdi_states.SENDING, detail=f"to {to}")
        invoice.sdi_file = name
        session.flush()
        return transmission.id, to, name, data


def _finish(db: Database, transmission_id: int, message_id: str, error: str) -> None:
    """Step 3: *sent* with the message-id, or *failed* with why."""
    with db.transaction() as session:
        t = session.get(SdiTransmission, transmission_id, options=[selectinload(SdiTransmission.events)])
        assert t is not None
        if error:
            t.error = error
            record_event(t, "failed", sdi_states.FAILED, detail=error)
            return
        t.message_id, t.sent_at, t.error = message_id, datetime.now(UTC), ""
        record_event(t, "sent", sdi_states.SENT, detail=message_id)
        invoice = session.get(Invoice, t.invoice_id)
        if invoice is not None and invoice.status == "issued":
            invoice.status = "sent"


def send(
    db: Database,
    connect: Callable[[], Deliver] | None,
    *,
    numbers: list[str] | None = None,
    month: tuple[int, int] | None = None,
    today: date | None = None,
) -> list[SendOutcome]:
    """Prechecks, then sends one PEC message per invoice that passed (``connect`` None: a dry
    run). ``connect`` gives the transport, asked only when something is to be sent (its refusal,
    e.g. no PEC account, comes before any file name is taken). The first delivery that fails
    stops the rest (a refused login would fail them all)."""
    today = today or date.today()
    ready, outcomes = plan(db, numbers=numbers, month=month, today=today)
    if connect is None:
        for doc, _ in ready:
            outcomes.append(SendOutcome(doc.number, READY, _render(doc)[0]))
        return outcomes
    deliver = connect() if ready else None
    stopped = ""
    for doc, _ in ready:
        if stopped:
            outcomes.append(SendOutcome(doc.number, NOT_TRIED, reason=f"not tried: {stopped}"))
            continue
        reserved = _reserve(db, doc)
        if isinstance(reserved, SendOutcome):
            outcomes.append(reserved)
            continue
        transmission_id, to, name, data = reserved
        try:
            assert deliver is not None
            message_id = deliver(pec_message(to, name, data))
        except Exception as exc:  # the transport's own errors: recorded, shown, retried
            stopped = str(exc) or type(exc).__name__
            _finish(db, transmission_id, "", stopped)
            code, params = error_code(exc)
            outcomes.append(
                SendOutcome(doc.number, FAILED, name, reason=stopped, reason_code=code, reason_params=params)
            )
            continue
        _finish(db, transmission_id, message_id, "")
        outcomes.append(SendOutcome(doc.number, SENT, name, message_id))
    return outcomes


def release_interrupted(db: Database, numbers: list[str]) -> list[str]:
    """A sending cut between taking its name and recording *sent* (the process died) stays
    *sending*: nobody knows whether the message left. Once the technician has checked the PEC
    account's Sent folder and it is not there, this records it as failed so it is sent again."""
    released = []
    with db.transaction() as session:
        for number in numbers:
            invoice_id = session.scalars(select(Invoice.id).where(Invoice.number == number)).first()
            last = latest(session, invoice_id) if invoice_id is not None else None
            if last is not None and last.state == sdi_states.SENDING:
                last.error = "interrupted; not in the Sent folder (checked by the technician)"
                record_event(last, "failed", sdi_states.FAILED, detail=last.error)
                released.append(number)
    return released


def failed_numbers(db: Database) -> list[str]:
    """Invoices whose last sending failed (the mail server refused it): the retry list."""
    with db.read() as session:
        rows = session.execute(
            select(Invoice.number, SdiTransmission.state)
            .join(SdiTransmission, SdiTransmission.invoice_id == Invoice.id)
            .order_by(SdiTransmission.id)
        ).all()
    last = {n: s for n, s in rows}
    return [n for n, s in last.items() if s == sdi_states.FAILED and n]
