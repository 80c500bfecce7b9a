"""The demo database shows billing too: a profile, contracts, last month's invoices issued."""

from __future__ import annotations

from datetime import date

import msp_console.services.billing  # noqa: F401 - registers the billing demo extension
from msp_console.app import App
from msp_console.demo import ensure_demo_data
from msp_console.services.billing.ledger import list_invoices


def test_demo_bills_last_month(sqlite_url: str) -> None:
    app = App.open(sqlite_url)
    try:
        assert ensure_demo_data(app)
        rows = list_invoices(app.db, today=date.today())
        # issued, and some already sent to the SdI (the demo shows its answers too)
        assert rows and all(r.number and r.status in {"issued", "sent", "overdue"} for r in rows)
        assert any(r.status == "sent" for r in rows)
        assert len({r.period_start for r in rows}) == 1
    finally:
        app.close()
