"""SdI fixtures: an MSP with three clients whose November invoices are issued, ready to send."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from msp_console.app import App
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month
from tests.integration.billing.conftest import COMPANY, add_client

ISSUED_ON = date(2026, 12, 1)
TODAY = date(2026, 12, 2)


def issue_november(app: App) -> list[str]:
    db = app.db
    with db.transaction() as s:
        monitoring = find_service(s, "MONITORING")
        assert monitoring is not None
        for n, name in enumerate(("Hotel Bellavista", "Studio Verdi", "Farmacia Centrale"), start=1):
            client = add_client(s, name, n)
            create_contract(
                s, client, f"C-{n}", date(2026, 11, 1), [LineSpec(monitoring, Decimal(1), Decimal(100 * n))]
            )
    run_month(db, 2026, 11)
    with db.read() as s:
        ids = drafts_of_month(s, 2026, 11)
    return [i.number for i in issue(db, ids, ISSUED_ON)]


@pytest.fixture
def issued_app(sqlite_url: str) -> Iterator[App]:
    app = App.open(sqlite_url)
    update_profile(app.db, COMPANY)
    issue_november(app)
    try:
        yield app
    finally:
        app.close()


# --- the PEC side: real Dovecot + SMTP (tests/support/mail_servers.py), a real keyring ----------

from typing import Any  # noqa: E402

from tests.integration.sdi.pec_fixtures import PecSetup, keyring_env, setup_pec  # noqa: E402
from tests.support.mail_servers import MailLab, mail_account, mail_lab, mailbox_user  # noqa: E402

__all__ = ["keyring_env", "mail_account", "mail_lab", "mailbox_user"]


@pytest.fixture
def pec(issued_app: App, mail_lab: MailLab, mail_account: Any, keyring_env: Any) -> PecSetup:
    """The console's PEC account saved (password in the keyring), the SdI's mailboxes, the player."""
    return setup_pec(issued_app, mail_lab, mail_account)
