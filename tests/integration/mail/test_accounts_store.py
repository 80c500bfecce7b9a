"""Mail accounts in the database with their password in a real OS keyring (gnome-keyring)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select, text

from msp_console import secrets
from msp_console.db.models import MailProcessed
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.mail import Mailbox, ProcessedKey
from msp_console.mail.store import DbProcessedLog, get_account, list_accounts, remove_account, save_account
from tests.support.mail_servers import MailLab

pytestmark = pytest.mark.usefixtures("gnome_keyring")


def test_an_account_is_saved_with_its_password_only_in_the_keyring(mail_db, mail_account) -> None:
    account, pw = mail_account("pec", kind="pec")
    saved = save_account(mail_db, account, pw)
    assert saved.id is not None
    assert [a.name for a in list_accounts(mail_db)] == ["pec"]
    assert secrets.get_secret("mail:pec") == pw
    with mail_db.read() as session:
        row = session.execute(text("select * from mail_account")).mappings().one()
    assert pw not in {str(v) for v in row.values()}

    remove_account(mail_db, "pec")
    assert list_accounts(mail_db) == []
    assert secrets.get_secret("mail:pec") is None
    with pytest.raises(NotFoundError):
        get_account(mail_db, "pec")


def test_bad_values_name_the_field_and_write_nothing(mail_db, mail_account) -> None:
    account, pw = mail_account("ok")
    bad = dataclasses.replace(account, name="has space", smtp_port=0, pinned_sha256="xyz")
    with pytest.raises(ValidationError) as err:
        save_account(mail_db, bad, pw)
    assert {e.field for e in err.value.errors} == {"name", "smtp_port", "pin_fingerprint"}
    assert list_accounts(mail_db) == []
    save_account(mail_db, account, pw)
    with pytest.raises(ValidationError) as err:
        save_account(mail_db, account, pw)
    assert err.value.errors[0].field == "name"


def test_processed_messages_are_recorded_in_the_database(any_db, mail_lab: MailLab, mail_account) -> None:
    mail_db = any_db
    account, pw = mail_account("pec", kind="pec")
    saved = save_account(mail_db, account, pw)
    mail_lab.deliver(account.username, b"Subject: RC\r\nMessage-ID: <rc-1@sdi.example.test>\r\n\r\nx\r\n")
    log = DbProcessedLog(mail_db)
    with Mailbox(saved, log) as box:  # password from the keyring
        ((uid, _),) = list(box.unprocessed())
        box.mark_processed(uid)
        box.client.remove_flags([uid], [b"$MspProcessed"])
    with Mailbox(saved, log) as box:
        assert list(box.unprocessed()) == []
    with mail_db.read() as session:
        (row,) = session.scalars(select(MailProcessed)).all()
        assert row.message_id == "<rc-1@sdi.example.test>"
    # UIDVALIDITY and UID are unsigned 32-bit numbers: beyond a signed INTEGER
    big = ProcessedKey(saved.id, "INBOX", 4_294_967_295, 4_294_967_000)
    log.record(big, "<big@x>")
    assert log.is_processed(big)


def test_renaming_moves_the_password_and_never_overwrites_another_account(mail_db, mail_account) -> None:
    first, pw1 = mail_account("office")
    second, pw2 = mail_account("pec", kind="pec")
    saved = save_account(mail_db, first, pw1)
    save_account(mail_db, second, pw2)
    with pytest.raises(ValidationError) as err:
        save_account(mail_db, dataclasses.replace(saved, name="pec"), None, replace=True)
    assert err.value.errors[0].field == "name"
    assert get_account(mail_db, "pec").username == second.username  # untouched

    save_account(mail_db, dataclasses.replace(saved, name="invoices"), None, replace=True)
    assert [a.name for a in list_accounts(mail_db)] == ["invoices", "pec"]
    assert secrets.get_secret("mail:invoices") == pw1
    assert secrets.get_secret("mail:office") is None
