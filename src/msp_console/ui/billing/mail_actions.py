"""Billing → Documents → E-mail to clients… / Send payment reminders…: what would be sent is read
first (a dry run on the worker thread), the user confirms, then the e-mails leave on the worker
with progress and Cancel; each one sent is on the invoice's timeline, so nothing goes twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from msp_console.ui import mail_words
from msp_console.ui.billing.look import BillingCounts, tr

if TYPE_CHECKING:
    from msp_console.mail.invoice_mail import MailOutcome
    from msp_console.ui.billing.panel import BillingPanel

Sender = Callable[..., "list[MailOutcome]"]


def email_copies(panel: BillingPanel) -> None:
    from msp_console.mail.invoice_mail import send_courtesy_copies

    numbers, month = panel._target_numbers()

    def send(**kw: object) -> list[MailOutcome]:
        return send_courtesy_copies(panel.db, numbers=numbers, month=month, **kw)  # type: ignore[arg-type]

    _plan_then_send(panel, send, tr("E-mail to clients"), "copy")


def send_reminders(panel: BillingPanel) -> None:
    from msp_console.mail.invoice_mail import send_reminders as remind

    def send(**kw: object) -> list[MailOutcome]:
        return remind(panel.db, **kw)  # type: ignore[arg-type]

    _plan_then_send(panel, send, tr("Send payment reminders"), "reminder")


def _plan_then_send(panel: BillingPanel, send: Sender, title: str, what: str) -> None:
    def ask(plan: list[MailOutcome]) -> None:
        ready = [o for o in plan if o.status == "would_send"]
        skipped = len(plan) - len(ready)
        if not ready:
            panel.message.setStyleSheet("")
            panel.message.setText(
                tr("Nothing to e-mail: each invoice was already sent, or its client has no e-mail address.")
                if what == "copy"
                else tr("No invoice needs a reminder now.")
            )
            return
        text = (
            BillingCounts.tr("%n e-mail(s) with a courtesy copy will be sent to the clients.", "", len(ready))
            if what == "copy"
            else BillingCounts.tr("%n payment reminder(s) will be e-mailed.", "", len(ready))
        )
        if skipped:
            text += " " + BillingCounts.tr("%n left out (already sent or no e-mail address).", "", skipped)
        if not panel.confirm(title, text + " " + tr("Send now?")):
            return
        panel._start(tr("Sending the e-mails…"), lambda job: send(progress=job.progress), _summary)

    panel._read(lambda: send(dry_run=True), ask)


def _summary(outcomes: list[MailOutcome]) -> str:
    sent = sum(o.status == "sent" for o in outcomes)
    failed = [o for o in outcomes if o.status == "failed"]
    text = BillingCounts.tr("%n e-mail(s) sent.", "", sent)
    if failed:
        first = failed[0]
        why = mail_words.describe(first.code, first.params, first.reason)
        text += " " + BillingCounts.tr("%n not sent:", "", len(failed)) + " " + why
    return text
