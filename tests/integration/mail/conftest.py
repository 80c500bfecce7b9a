"""Real Dovecot + SMTP on loopback for the mail tests (see tests/support/mail_servers.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from msp_console.db.migrate import upgrade
from msp_console.services.database import Database
from tests.support.keyring_session import KeyringSession, keyring_in_environment
from tests.support.mail_servers import mail_account, mail_lab, mailbox_user

__all__ = ["mail_account", "mail_lab", "mailbox_user"]


@pytest.fixture(scope="module")
def gnome_keyring() -> Iterator[KeyringSession]:
    """A real Secret Service (gnome-keyring on a private D-Bus) for the account passwords."""
    with keyring_in_environment() as session:
        yield session


@pytest.fixture
def mail_db(sqlite_url: str) -> Iterator[Database]:
    db = Database(sqlite_url)
    upgrade(db.engine)
    yield db
    db.dispose()
