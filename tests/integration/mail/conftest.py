"""Real Dovecot + SMTP on loopback for the mail tests (see tests/support/mail_servers.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from msp_console.app import App
from msp_console.db.migrate import upgrade
from msp_console.db.models import Check, Machine, StateEvent
from msp_console.mail import Account
from msp_console.services.billing.catalog import find_service
from msp_console.services.billing.company import update_profile
from msp_console.services.billing.contracts import LineSpec, create_contract
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.ledger import list_invoices
from msp_console.services.billing.run import run_month
from msp_console.services.database import Database
from tests.integration.billing.conftest import COMPANY, add_client
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.mail_servers import MailLab, MailUser, mail_account, mail_lab, mailbox_user

__all__ = ["mail_account", "mail_lab", "mailbox_user"]


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    """A real Secret Service (gnome-keyring on a private D-Bus) for the account passwords."""
    with keyring_in_environment() as session:
        yield session


def _migrated(url: str) -> Iterator[Database]:
    db = Database(url)
    upgrade(db.engine)
    yield db
    db.dispose()


@pytest.fixture
def mail_db(sqlite_url: str) -> Iterator[Database]:
    yield from _migrated(sqlite_url)


@pytest.fixture
def any_db(database_url: str) -> Iterator[Database]:
    """The same tests on SQLite and on PostgreSQL."""
    yield from _migrated(database_url)


@dataclasses.dataclass
class Office:
    app: App
    account: Account
    password: str
    hotel: MailUser  # Italian client
    smith: MailUser  # English client
    ids: dict[str, int]  # invoice number → id


@pytest.fixture
def office(sqlite_url: str, mail_lab: MailLab, mail_account, mailbox_user) -> Iterator[Office]:
    """Two clients with a mailbox each; invoices for September and October 2026, issued on the 1st."""
    yield from _office(sqlite_url, mail_account, mailbox_user)


@pytest.fixture
def office_on_both(database_url: str, mail_lab: MailLab, mail_account, mailbox_user) -> Iterator[Office]:
    """The same office on SQLite and on PostgreSQL."""
    yield from _office(database_url, mail_account, mailbox_user)


def _office(url: str, mail_account, mailbox_user) -> Iterator[Office]:  # type: ignore[no-untyped-def]
    app = App.open(url)
    update_profile(app.db, COMPANY)
    hotel, smith = mailbox_user(), mailbox_user()
    with app.db.transaction() as s:
        monitoring = find_service(s, "MONITORING")
        assert monitoring is not None
        c1 = add_client(s, "Hotel Bellavista", 1, email=hotel.address)
        create_contract(s, c1, "C-1", date(2026, 9, 1), [LineSpec(monitoring, Decimal(1), Decimal("120"))])
        c1.created_at = datetime(2026, 8, 1, tzinfo=UTC)  # a client since the summer: September has a report
        srv = Machine(
            client_id=c1.id, name="srv-hotel", kind="server", address="10.0.0.5", created_at=c1.created_at
        )
        s.add(srv)
        s.flush()
        ping = Check(machine_id=srv.id, type="ping", name="ping", params={}, created_at=c1.created_at)
        s.add(ping)
        s.flush()
        s.add(  # watched and up since August: September's report has something true to say
            StateEvent(
                check_id=ping.id,
                at=datetime(2026, 8, 20, tzinfo=UTC),
                kind="hard_change",
                state="OK",
                hard_state="OK",
                state_type="hard",
                previous_state="PENDING",
                previous_hard_state="PENDING",
                attempt=1,
                output="rtt 0.4 ms",
                notify=False,
            )
        )
        c2 = add_client(s, "Smith & Partners Ltd", 2, email=smith.address)
        create_contract(
            s, c2, "C-2", date(2026, 9, 1), [LineSpec(monitoring, Decimal(1), Decimal("250"))], language="en"
        )
    for month in (9, 10):
        run_month(app.db, 2026, month)
        with app.db.read() as s:
            issue(app.db, drafts_of_month(s, 2026, month), date(2026, month, 1))
    ids = {r.number: r.id for r in list_invoices(app.db) if r.number}
    account, password = mail_account("office")
    try:
        yield Office(app, account, password, hotel, smith, ids)
    finally:
        app.close()
