"""E-mails to clients about their invoices: the courtesy copy (PDF, and optionally the service
report of the month before) and the polite payment reminder. Each message sent is recorded on the
invoice's timeline at once, so a re-run — or a run after a dropped connection — sends nothing twice."""

from __future__ import annotations

import contextlib
import smtplib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr

from sqlalchemy import select
from sqlalchemy.orm import Session

from msp_console.billing.document import InvoiceDocument
from msp_console.db.models import Client, Contact, Invoice
from msp_console.domain.billing.periods import add_months
from msp_console.domain.billing.wording import money, short_date
from msp_console.domain.errors import ValidationError
from msp_console.mail.account import Account
from msp_console.mail.errors import MailError
from msp_console.mail.smtp import send_message, smtp_session
from msp_console.mail.texts import Template, load_mailing_settings, load_template
from msp_console.services.billing.timeline import last_event_at, record_event
from msp_console.services.database import Database

# a failure of the connection itself: the messages after it are not attempted in this run
_STOPS_THE_RUN = {
    "dropped",
    "timeout",
    "refused",
    "unreachable",
    "dns",
    "tls",
    "tls_untrusted",
    "tls_pin_mismatch",
    "no_password",
}
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class MailOutcome:
    numbers: tuple[str, ...]
    client: str
    to: str
    status: str  # sent | would_send | skipped | failed
    reason: str = ""
    attachments: tuple[str, ...] = ()
    message_id: str = ""
    code: str = ""  # a failure's MailError code and values, for the window's own words
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class _Letter:
    """One e-mail to write: to whom, about which invoices."""

    client: str
    to: str
    docs: list[InvoiceDocument]


def choose_account(db: Database, name: str | None = None) -> Account:
    """The named account, else the one chosen in the settings, else the first ordinary one."""
    from msp_console.mail.store import first_account, get_account

    name = name or load_mailing_settings(db).account
    if name:
        return get_account(db, name)
    account = first_account(db, "smtp") or first_account(db)
    if account is None:
        raise ValidationError.single(
            "account",
            "no mail account yet: add one with `msp-console mail add` or in Settings → Mail accounts",
        )
    return account


def billing_address(session: Session, client_id: int) -> str:
    """The client's e-mail, else its primary contact's, else any contact's ("" when none)."""
    client = session.get(Client, client_id)
    if client is not None and client.email.strip():
        return client.email.strip()
    contacts = session.scalars(
        select(Contact).where(Contact.client_id == client_id).order_by(Contact.is_primary.desc(), Contact.id)
    )
    return next((c.email.strip() for c in contacts if c.email.strip()), "")


def _values(doc: InvoiceDocument, client: str) -> dict[str, str]:
    lang = doc.language
    it = lang != "en"
    word = (
        ("nota di credito" if it else "credit note")
        if doc.is_credit_note
        else ("fattura" if it else "invoice")
    )
    return {
        "client": client,
        "company": str(doc.supplier.get("name", "")),
        "document": word,
        "Document": word[:1].upper() + word[1:],
        "number": doc.number,
        "date": short_date(doc.issue_date, lang),
        "total": money(doc.totals.total, lang, doc.currency),
        "due": short_date(doc.due_date, lang) if doc.due_date else "—",
    }


def _templates(db: Database) -> Callable[[str, str], Template]:
    """The texts, each read once per run."""
    cache: dict[tuple[str, str], Template] = {}

    def get(kind: str, language: str) -> Template:
        if (kind, language) not in cache:
            cache[(kind, language)] = load_template(db, kind, language)
        return cache[(kind, language)]

    return get


def _pdf(doc: InvoiceDocument) -> tuple[str, bytes]:
    from msp_console.billing.invoice_pdf import render_invoice_pdf
    from msp_console.services.billing.documents import pdf_name

    return pdf_name(doc), render_invoice_pdf(doc)


def _service_report(db: Database, client: str, doc: InvoiceDocument) -> tuple[str, bytes] | None:
    """The report of the month before the invoice (the service just delivered), when there is one."""
    from msp_console.billing.report_pdf import render_service_report
    from msp_console.services.billing.service_report import gather

    month = add_months(doc.issue_date.replace(day=1), -1)
    try:
        report = gather(db, client, month.year, month.month)
    except (LookupError, ValidationError):  # no client, or nothing to report that month
        return None
    if not report.machines and not report.interventions:
        return None
    prefix = "Rapporto_servizio" if doc.language != "en" else "Service_report"
    return f"{prefix}_{month:%Y-%m}.pdf", render_service_report(report)


def _message(account: Account, to: str, company: str, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = formataddr((company, account.from_address)) if company else account.from_address
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    return msg


@contextlib.contextmanager
def _lazy_session(account: Account, password: str | None) -> Iterator[Callable[[], smtplib.SMTP]]:
    """One SMTP login for the whole run, opened only when there is something to send."""
    stack = contextlib.ExitStack()
    opened: list[smtplib.SMTP] = []

    def get() -> smtplib.SMTP:
        if not opened:
            opened.append(stack.enter_context(smtp_session(account, password)))
        return opened[0]

    with stack:
        yield get


def _send_letters(
    db: Database,
    account: Account,
    letters: list[_Letter],
    build: Callable[[_Letter], tuple[EmailMessage, list[str]]],
    code: str,
    extra: Callable[[_Letter], dict[str, object]],
    password: str | None,
    progress: Progress | None,
    at: datetime | None = None,
) -> list[MailOutcome]:
    out: list[MailOutcome] = []
    stopped: MailError | None = None
    with _lazy_session(account, password) as session:
        for n, letter in enumerate(letters, 1):
            numbers = tuple(d.number for d in letter.docs)
            if stopped is not None:
                why = f"not attempted: {stopped}"
                out.append(_failed(letter, numbers, why, (), stopped))
                continue
            message, names = build(letter)
            try:
                message_id = send_message(account, message, session=session())
            except MailError as exc:
                out.append(_failed(letter, numbers, str(exc), tuple(names), exc))
                if exc.code in _STOPS_THE_RUN or exc.code == "login":
                    stopped = exc
            else:
                with db.transaction() as s:  # recorded at once: a crash after this never re-sends it
                    params = {"to": letter.to, "attachments": names, "account": account.name, **extra(letter)}
                    for doc in letter.docs:
                        record_event(s, doc.invoice_id, code, params, message_id=message_id, at=at)
                out.append(
                    MailOutcome(numbers, letter.client, letter.to, "sent", "", tuple(names), message_id)
                )
            if progress is not None:
                progress(n, len(letters))  # may raise to stop (Cancel): what was sent is recorded
    return out


def _failed(
    letter: _Letter, numbers: tuple[str, ...], why: str, names: tuple[str, ...], error: MailError
) -> MailOutcome:
    return MailOutcome(
        numbers, letter.client, letter.to, "failed", why, names, code=error.code, params=error.params
    )


def send_courtesy_copies(
    db: Database,
    *,
    numbers: list[str] | None = None,
    month: tuple[int, int] | None = None,
    account: Account | None = None,
    again: bool = False,
    dry_run: bool = False,
    password: str | None = None,
    progress: Progress | None = None,
) -> list[MailOutcome]:
    """E-mails each issued document (by number, or issued in ``month``) to its client's address.
    One already e-mailed is skipped unless ``again``."""
    from msp_console.services.billing.documents import load_documents

    settings = load_mailing_settings(db)
    account = account or choose_account(db)
    plan: list[MailOutcome] = []
    letters: list[_Letter] = []
    with db.read() as s:
        docs = load_documents(s, numbers, month)
        owners = dict(
            s.execute(
                select(Invoice.id, Invoice.client_id).where(Invoice.id.in_([d.invoice_id for d in docs]))
            ).all()
        )
        names = dict(
            s.execute(select(Client.id, Client.name).where(Client.id.in_(set(owners.values())))).all()
        )
        before = last_event_at(s, [d.invoice_id for d in docs], "courtesy_sent")
        for doc in docs:
            client, to = names[owners[doc.invoice_id]], billing_address(s, owners[doc.invoice_id])
            if doc.invoice_id in before and not again:
                when = before[doc.invoice_id].astimezone().strftime("%Y-%m-%d %H:%M")
                plan.append(MailOutcome((doc.number,), client, to, "skipped", f"already e-mailed on {when}"))
            elif not to:
                plan.append(
                    MailOutcome((doc.number,), client, "", "skipped", f"{client} has no e-mail address")
                )
            else:
                letters.append(_Letter(client, to, [doc]))
    if dry_run:
        return plan + [
            MailOutcome(tuple(d.number for d in x.docs), x.client, x.to, "would_send") for x in letters
        ]

    template = _templates(db)

    def build(letter: _Letter) -> tuple[EmailMessage, list[str]]:
        doc = letter.docs[0]
        values = _values(doc, letter.client)
        subject, body = template("courtesy", doc.language).render(values)
        msg = _message(account, letter.to, values["company"], subject, body)
        files = [_pdf(doc)]
        if settings.attach_service_report and not doc.is_credit_note:
            report = _service_report(db, letter.client, doc)
            if report is not None:
                files.append(report)
        for name, data in files:
            msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
        return msg, [name for name, _ in files]

    sent = _send_letters(db, account, letters, build, "courtesy_sent", lambda _: {}, password, progress)
    return plan + sent


def send_reminders(
    db: Database,
    *,
    days: int | None = None,
    account: Account | None = None,
    dry_run: bool = False,
    today: date | None = None,
    password: str | None = None,
    progress: Progress | None = None,
) -> list[MailOutcome]:
    """One polite e-mail per client listing its invoices still unpaid ``days`` after their due
    date (PDFs attached); an invoice reminded within the last M days (settings) is left out."""
    from msp_console.services.billing.documents import load_documents

    settings = load_mailing_settings(db)
    days = settings.reminder_days if days is None else days
    if days < 0:
        raise ValidationError.single("days", "0 or more days after the due date")
    account = account or choose_account(db)
    now = datetime.now(UTC) if today is None else datetime.combine(today, datetime.now(UTC).timetz())
    today = today or date.today()
    quiet_since = now - timedelta(days=settings.reminder_interval_days)
    plan: list[MailOutcome] = []
    letters: dict[int, _Letter] = {}
    with db.read() as s:
        overdue = list(
            s.scalars(
                select(Invoice)
                .where(
                    Invoice.kind == "TD01",
                    Invoice.status.in_(["issued", "sent"]),
                    Invoice.due_date <= today - timedelta(days=days),
                )
                .order_by(Invoice.client_id, Invoice.year, Invoice.seq)
            )
        )
        last = last_event_at(s, [i.id for i in overdue], "reminder_sent")
        due = [i for i in overdue if i.id not in last or last[i.id] <= quiet_since]
        docs = (
            {d.invoice_id: d for d in load_documents(s, [i.number for i in due if i.number])} if due else {}
        )
        for inv in due:
            client = s.get(Client, inv.client_id)
            name = client.name if client else str(inv.client_id)
            to = billing_address(s, inv.client_id)
            if not to:
                plan.append(
                    MailOutcome((inv.number or "",), name, "", "skipped", f"{name} has no e-mail address")
                )
                continue
            letters.setdefault(inv.client_id, _Letter(name, to, [])).docs.append(docs[inv.id])
    if dry_run:
        return plan + [
            MailOutcome(tuple(d.number for d in x.docs), x.client, x.to, "would_send")
            for x in letters.values()
        ]

    template = _templates(db)

    def build(letter: _Letter) -> tuple[EmailMessage, list[str]]:
        lang = letter.docs[0].language
        values = _reminder_values(letter, lang, today)
        subject, body = template("reminder", lang).render(values)
        msg = _message(account, letter.to, values["company"], subject, body)
        files = [_pdf(doc) for doc in letter.docs]
        for fname, data in files:
            msg.add_attachment(data, maintype="application", subtype="pdf", filename=fname)
        return msg, [fname for fname, _ in files]

    def extra(letter: _Letter) -> dict[str, object]:
        return {"invoices": [d.number for d in letter.docs], "days_after_due": days}

    letters_ = list(letters.values())
    sent = _send_letters(db, account, letters_, build, "reminder_sent", extra, password, progress, now)
    return plan + sent


def _reminder_values(letter: _Letter, lang: str, today: date) -> dict[str, str]:
    it = lang != "en"
    lines = []
    for d in letter.docs:
        late = (today - d.due_date).days if d.due_date else 0
        due = short_date(d.due_date, lang) if d.due_date else "—"
        amount = money(d.totals.total, lang, d.currency)
        if it:
            lines.append(
                f"  • n. {d.number} del {short_date(d.issue_date, lang)}, scaduta il {due} "
                f"({late} giorni fa): {amount}"
            )
        else:
            lines.append(
                f"  • {d.number} of {short_date(d.issue_date, lang)}, due on {due} "
                f"({late} days ago): {amount}"
            )
    first = letter.docs[0]
    total = sum((d.totals.total for d in letter.docs), start=first.totals.total * 0)
    return {
        "client": letter.client,
        "company": str(first.supplier.get("name", "")),
        "invoices": "\n".join(lines),
        "count": str(len(letter.docs)),
        "total": money(total, lang, first.currency),
        "iban": str(first.supplier.get("iban", "")) or "—",
    }
