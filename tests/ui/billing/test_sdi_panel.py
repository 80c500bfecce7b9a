"""The SdI in the Billing tab: a coloured badge per invoice, the history with the SdI's codes in
the detail, a tray message on a rejection, "Fix and resend" explaining same number vs new number,
a failed fetch shown in red with its next try."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import update

from msp_console.app import App
from msp_console.db.models.sdi import SdiEvent
from msp_console.services.billing import sdi_send
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month
from msp_console.services.billing.sdi_poller import PollResult
from msp_console.services.billing.sdi_receipts import apply_bytes
from msp_console.ui.billing.feature import feature_of
from msp_console.ui.billing.invoice_model import SDI_STATE_ROLE, InvoiceTableModel
from msp_console.ui.billing.panel import BillingPanel
from tests.integration.sdi.sdi_player import notification

pytestmark = pytest.mark.ui
SDI_COLUMN = InvoiceTableModel.COLUMNS.index("sdi")


def _outbox(_msg: EmailMessage) -> str:
    return "<ui-test@msp-console.invalid>"


@pytest.fixture
def answered(billed: dict[str, Any], app: App) -> list[Any]:
    """This month's invoices issued and sent; the SdI delivered the first and rejected the second."""
    today = date.today()
    run_month(app.db, today.year, today.month)
    with app.db.read() as s:
        ids = drafts_of_month(s, today.year, today.month)
    issue(app.db, ids, today)
    outcomes = sdi_send.send(app.db, lambda: _outbox, month=(today.year, today.month), today=today)
    assert {o.outcome for o in outcomes} == {"sent"}
    apply_bytes(app.db, *reversed(notification("RC", outcomes[0].file_name)))
    errors = [
        ("00305", "1.4.1.1.2 <IdCodice> non valido"),
        ("00311", "1.1.4 <CodiceDestinatario> non valido"),
    ]
    name, xml = notification("NS", outcomes[1].file_name, errors=errors)
    assert apply_bytes(app.db, xml, name).outcome == "applied"
    return outcomes


def _panel(window: Any, qtbot: Any) -> BillingPanel:
    feature = feature_of(window)
    feature.bring()
    panel = feature.panel
    today = date.today()
    panel.set_month(today.year, today.month, reload=False)
    with qtbot.waitSignal(panel.reloaded, timeout=10_000):
        panel.reload()
    return panel


def _row_of(panel: BillingPanel, number: str) -> int:
    return next(i for i, r in enumerate(panel.model.rows) if r.number == number)


def _select(panel: BillingPanel, number: str) -> None:
    panel.view.clearSelection()
    source = panel.model.index(_row_of(panel, number), 0)
    panel.view.selectRow(panel.proxy.mapFromSource(source).row())


def test_badges_history_and_codes(answered: list[Any], window: Any, qtbot: Any) -> None:
    panel = _panel(window, qtbot)
    first, second = answered[0].number, answered[1].number
    model = panel.model
    cell = model.index(_row_of(panel, first), SDI_COLUMN)
    assert model.data(cell, SDI_STATE_ROLE) == "delivered" and model.data(cell) == "RC"
    cell = model.index(_row_of(panel, second), SDI_COLUMN)
    assert model.data(cell, SDI_STATE_ROLE) == "rejected" and model.data(cell) == "NS"
    tip = model.data(cell, 3)  # ToolTipRole
    assert "Rejected by the SdI" in tip and "00305 1.4.1.1.2 <IdCodice> non valido" in tip

    _select(panel, second)
    history = panel.side.sdi.text()
    assert "Rejected by the SdI" in history and "00311" in history and "Rejection (NS)" in history
    assert panel.sdi_fix_action.isEnabled()
    _select(panel, first)
    assert "Delivery receipt (RC)" in panel.side.sdi.text()
    assert not panel.sdi_fix_action.isEnabled()  # only a rejected invoice is fixed and resent


def test_a_rejection_found_by_the_scheduled_fetch_reaches_the_tray(
    answered: list[Any], window: Any, qtbot: Any
) -> None:
    from msp_console.services.billing.sdi_receipts import Applied

    panel = _panel(window, qtbot)
    watch = window.sdi_watch
    ns = Applied("x_NS_001.xml", "applied", "", "NS", answered[1].number, answered[1].file_name, "rejected",
                 (("00305", "1.4.1.1.2 <IdCodice> non valido"),))  # fmt: skip
    with qtbot.waitSignal(panel.reloaded, timeout=10_000):
        watch.bridge.result.emit(PollResult(datetime.now(UTC), applied=[ns]))
    title, body = watch.shown[-1]
    assert answered[1].number in title and "rejected" in title
    assert "00305" in body and "Fix and resend" in body
    assert "00305" in panel.message.text()
    panel.view.clearSelection()
    window.tray.setProperty("mspLastMessage", "sdi")  # offscreen, no message is really shown
    watch.message_clicked()  # as if the technician clicked it
    assert [r.number for r in panel.selected_rows()] == [answered[1].number]


def test_a_failed_fetch_is_shown_in_red_with_the_next_try(
    answered: list[Any], window: Any, qtbot: Any
) -> None:
    panel = _panel(window, qtbot)
    later = datetime.now(UTC) + timedelta(minutes=30)
    with qtbot.waitSignal(panel.reloaded, timeout=10_000):
        window.sdi_watch.bridge.result.emit(
            PollResult(
                datetime.now(UTC),
                error="pec.example refused the login of x: wrong user name or password",
                error_code="login",
                error_params={"host": "pec.example", "user": "x"},
                next_attempt=later,
            )
        )
    assert "the fetch failed" in panel.message.text() and "refused the login" in panel.message.text()
    assert later.astimezone().strftime("%H:%M") in panel.message.text()
    assert "c62828" in panel.message.styleSheet()


def _ask(panel: BillingPanel, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    asked: list[tuple[str, str, str]] = []

    def answer(title: str, text: str, button: str) -> bool:
        asked.append((title, text, button))
        return False

    monkeypatch.setattr(panel, "ask_fix", answer)
    return asked


def test_fix_and_resend_explains_same_number_within_five_days(
    answered: list[Any], window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _panel(window, qtbot)
    asked = _ask(panel, monkeypatch)
    _select(panel, answered[1].number)
    panel.fix_and_resend()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    title, text, button = asked[0]
    assert answered[1].number in title
    assert "same number and date" in text and "00305" in text and "client's record" in text
    assert button == "Resend with the same number"


def test_fix_and_resend_after_five_days_asks_for_a_new_number(
    answered: list[Any], app: App, window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with app.db.transaction() as s:
        s.execute(
            update(SdiEvent).where(SdiEvent.kind == "NS").values(at=datetime.now(UTC) - timedelta(days=6))
        )
    panel = _panel(window, qtbot)
    asked = _ask(panel, monkeypatch)
    _select(panel, answered[1].number)
    panel.fix_and_resend()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    _, text, button = asked[0]
    assert "More than 5 days" in text and "new number" in text
    assert button == "Issue a new number and send"


def test_send_and_fetch_without_a_pec_account_say_what_to_set_up(
    billed: dict[str, Any], app: App, window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = date.today()
    run_month(app.db, today.year, today.month)
    with app.db.read() as s:
        issue(app.db, drafts_of_month(s, today.year, today.month), today)
    panel = _panel(window, qtbot)
    monkeypatch.setattr(panel, "confirm", lambda *_a: True)
    with qtbot.waitSignal(panel.work_done, timeout=20_000):
        panel.send_to_sdi()
    assert "No PEC account is set up" in panel.message.text()
    assert "c62828" in panel.message.styleSheet()
    assert all(panel.model.sdi_state(r) == "" for r in panel.model.rows)  # no file name was spent
    with qtbot.waitSignal(panel.work_done, timeout=20_000):
        panel.fetch_sdi()
    assert "No PEC account is set up" in panel.message.text()
