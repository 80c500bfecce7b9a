"""The Billing tab's SdI actions: send to the SdI, fetch its notifications now, fix and resend
a rejected invoice (same number within 5 days of the rejection, a new number after — the dialog
says which and why). Everything runs off the GUI thread through the panel's job line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from msp_console.services.billing.ledger import InvoiceRow
from msp_console.ui.billing.look import BillingCounts, day, tr
from msp_console.ui.mail_words import describe

if TYPE_CHECKING:
    from msp_console.services.billing.sdi_fix import FixChoice
    from msp_console.services.billing.sdi_poller import PollResult, SdiPoller
    from msp_console.services.billing.sdi_send import SendOutcome
    from msp_console.ui.billing.operations import InvoiceOperations

    Base = InvoiceOperations
else:
    Base = object

Act = Callable[..., QAction]


def outcome_lines(outcomes: list[SendOutcome]) -> list[str]:
    """What did not go, per invoice, with the SdI's own code and wording for a precheck."""
    from msp_console.billing.sdi_precheck import SDI_WORDING

    lines = []
    for o in outcomes:
        if o.outcome == "precheck":
            for p in o.problems:
                lines.append(f"{o.number}: {p.code} {SDI_WORDING.get(p.code, p.message)} — {p.field}")
        elif o.outcome == "already":
            lines.append(tr("%s: already with the SdI (only a rejected invoice is sent again)") % o.number)
        elif o.outcome in {"failed", "not_tried"}:
            reason = describe(o.reason_code, o.reason_params, o.reason)
            lines.append(tr("%s: not sent, will retry: %s") % (o.number, reason))
    return lines


class SdiOperations(Base):
    sdi_poller: SdiPoller | None = None  # the scheduled one, when the window has it

    def _sdi_actions(self, act: Act) -> None:
        self.sdi_send_action = act(tr("Send to the &SdI…"), self.send_to_sdi, "billingSdiSend")
        self.sdi_fetch_action = act(tr("&Fetch SdI notifications"), self.fetch_sdi, "billingSdiFetch")
        self.sdi_fix_action = act(tr("Fix and rese&nd…"), self.fix_and_resend, "billingSdiFix")
        self.sdi_button = self._menu_button(  # type: ignore[attr-defined]
            tr("SdI"), "billingSdi", [self.sdi_send_action, self.sdi_fetch_action, self.sdi_fix_action]
        )
        self.tools.addWidget(self.sdi_button)  # type: ignore[attr-defined]

    def _update_sdi_actions(self, rows: list[InvoiceRow], busy: bool) -> None:
        states = [self.model.sdi_state(r) for r in rows]  # type: ignore[attr-defined]
        self.sdi_send_action.setEnabled(not busy)
        self.sdi_fetch_action.setEnabled(not busy)
        self.sdi_fix_action.setEnabled(len(rows) == 1 and states == ["rejected"] and not busy)

    # -- send ----------------------------------------------------------------------------------------
    def send_to_sdi(self) -> None:
        rows = [r for r in self.selected_rows() if r.status != "draft" and r.number]
        numbers = [r.number or "" for r in rows]
        month = None if numbers else self.year_month()
        if numbers:
            question = BillingCounts.tr("Send %n invoice(s) to the SdI by PEC?", "", len(numbers))
        else:
            question = tr("Send every invoice of the month not yet with the SdI, by PEC?")
        if not self.confirm(tr("Send to the SdI"), question):
            return
        self._start(
            tr("Checking and sending to the SdI…"),
            lambda _j: self._send_work(numbers or None, month),
            self._sent_text,
            tr("Cannot send to the SdI"),
            cancellable=False,
        )

    def _send_work(self, numbers: list[str] | None, month: tuple[int, int] | None) -> list[SendOutcome]:
        from msp_console.services.billing import sdi_send
        from msp_console.services.billing.sdi_transport import PecTransport, TransportUnavailable

        transports: list[Any] = []

        def connect() -> Any:
            try:
                transports.append(PecTransport.for_channel(self.db))
            except TransportUnavailable:
                raise RuntimeError(no_account_text()) from None
            return transports[-1].deliver

        try:
            return sdi_send.send(self.db, connect, numbers=numbers, month=month)
        finally:
            for t in transports:
                t.close()

    def _sent_text(self, outcomes: list[SendOutcome]) -> str:
        sent = sum(1 for o in outcomes if o.outcome == "sent")
        text = BillingCounts.tr("%n invoice(s) sent to the SdI.", "", sent)
        problems = outcome_lines(outcomes)
        if problems:
            text += "\n" + "\n".join(problems)
        return text

    # -- fetch ---------------------------------------------------------------------------------------
    def fetch_sdi(self) -> None:
        from msp_console.services.billing.sdi_poller import SdiPoller

        poller = self.sdi_poller or SdiPoller(self.db)
        self._start(
            tr("Reading the SdI's notifications…"),
            lambda _j: poller.run(force=True),
            self._polled_text,
            cancellable=False,
        )

    def _polled_text(self, result: PollResult) -> str:
        from PySide6.QtCore import QTimer

        self.sdi_polled.emit(result)  # type: ignore[attr-defined]
        if result.error:  # after the message line is set: red, the failure is not silent
            QTimer.singleShot(0, lambda: self.message.setStyleSheet("color: #c62828"))
        return poll_text(result)

    # -- fix and resend ------------------------------------------------------------------------------
    def fix_and_resend(self) -> None:
        from msp_console.services.billing.sdi_fix import fix_choice

        rows = self.selected_rows()
        if len(rows) != 1:
            return
        invoice_id = rows[0].id
        self._read(
            lambda: fix_choice(self.db, invoice_id, date.today()), lambda c: self._ask_fix(invoice_id, c)
        )

    def _ask_fix(self, invoice_id: int, choice: FixChoice) -> None:
        from msp_console.services.billing import sdi_fix

        codes = "\n".join(f"• {code} {text}" for code, text in choice.errors)
        if choice.same_number:
            explanation = tr(
                "The SdI rejected %1 on %2. Until %3 (5 days) the SdI's rules let you send it again with "
                "the same number and date.\n\nFirst correct what the SdI refused — usually the client's "
                "VAT number, tax code or recipient code in the client's record, or the company profile. "
                "The invoice then takes the corrected data and is sent again."
            )
            button = tr("Resend with the same number")
        else:
            explanation = tr(
                "The SdI rejected %1 on %2. More than 5 days have passed (the limit was %3), so the "
                "SdI's rules want a new invoice: a new number and today's date.\n\nThe console issues a "
                "new invoice with the same lines, saying it replaces %1, and sends it. %1 stays in the "
                "list as rejected and replaced; it was never a valid invoice."
            )
            button = tr("Issue a new number and send")
        text = (
            explanation.replace("%1", choice.number)
            .replace("%2", day(choice.rejected_on))
            .replace("%3", day(choice.last_day))
        )
        text += "\n\n" + tr("What the SdI said:") + "\n" + codes
        if not self.ask_fix(tr("Fix and resend %s") % choice.number, text, button):
            return
        today = date.today()

        def work(_job: Any) -> list[SendOutcome]:
            if choice.same_number:
                number = sdi_fix.refresh_parties(self.db, invoice_id, today)
            else:
                number = sdi_fix.reissue(self.db, invoice_id, today)
            return self._send_work([number], None)

        self._start(
            tr("Fixing and sending to the SdI…"),
            work,
            self._sent_text,
            tr("Cannot fix and resend"),
            cancellable=False,
        )

    def ask_fix(self, title: str, text: str, button: str) -> bool:
        """The choice explained, one button to go on (tests answer it)."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self._widget()
        )
        go = box.addButton(button, QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is go


def no_account_text() -> str:
    return tr("No PEC account is set up for the SdI: add one in Settings → Mail accounts.")


def poll_text(result: PollResult) -> str:
    """A fetch's outcome in one or a few lines for the message line (and the log of the window)."""
    from msp_console.services.billing.sdi_poller import BACKING_OFF
    from msp_console.ui.billing.sdi_look import sdi_text

    if result.skipped == BACKING_OFF:
        return tr("SdI: waiting after a failure, next try at %s.") % _hhmm(result.next_attempt)
    if result.skipped:
        return no_account_text()
    applied = [a for a in result.applied if a.outcome == "applied"]
    text = BillingCounts.tr("SdI: %n notification(s) applied.", "", len(applied))
    for a in applied:
        text += f"\n{a.number}: {sdi_text(a.state)}" + "".join(f" · {c} {d}" for c, d in a.errors)
    for a in result.applied:
        if a.outcome in {"invalid", "unknown"}:
            text += "\n" + a.message
    if result.error:
        error = describe(result.error_code, result.error_params, result.error).rstrip(".")
        failed = tr("SdI: the fetch failed: %1. Next try at %2.")
        text += "\n" + failed.replace("%1", error).replace("%2", _hhmm(result.next_attempt))
    return text


def _hhmm(when: datetime | None) -> str:
    return when.astimezone().strftime("%H:%M") if when is not None else ""
