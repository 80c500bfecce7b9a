"""Mail accounts, processed-message records and mail settings in the database; the password goes
to the OS keyring (``mail:<name>``), written only once the row is valid."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from msp_console.db.models import MailAccount, MailProcessed, MailSetting
from msp_console.domain.errors import NotFoundError, ValidationError
from msp_console.mail.account import Account, secret_ref
from msp_console.mail.imap import ProcessedKey
from msp_console.services.database import Database

_FIELDS = [f.name for f in dataclasses.fields(Account) if f.name != "id"]


def _to_account(row: MailAccount) -> Account:
    return Account(**{f: getattr(row, f) for f in _FIELDS}, id=row.id)


def list_accounts(db: Database) -> list[Account]:
    with db.read() as session:
        return [_to_account(r) for r in session.scalars(select(MailAccount).order_by(MailAccount.name))]


def get_account(db: Database, name: str) -> Account:
    with db.read() as session:
        row = session.scalars(select(MailAccount).where(MailAccount.name == name)).first()
        if row is None:
            raise NotFoundError(f"no mail account named {name!r} (see `msp-console mail list`)")
        return _to_account(row)


def first_account(db: Database, kind: str | None = None) -> Account | None:
    """The account to use when the user did not name one (the first of ``kind`` by name)."""
    accounts = [a for a in list_accounts(db) if kind is None or a.kind == kind]
    return accounts[0] if accounts else None


def save_account(db: Database, account: Account, password: str | None, *, replace: bool = False) -> Account:
    """Adds (or, with ``replace``, updates) an account; ``password`` None keeps the stored one.
    Bad values raise ValidationError naming the field, and nothing is written."""
    from msp_console.secrets import get_secret, set_secret

    account.validate()
    if password is None and not replace:
        raise ValidationError.single("password", "a new account needs its password")
    get_secret(account.secret_ref)  # no usable keyring: refuse before writing anything
    with db.transaction() as session:
        row = session.scalars(select(MailAccount).where(MailAccount.name == account.name)).first()
        taken = row is not None and (not replace or (account.id is not None and row.id != account.id))
        if taken:
            raise ValidationError.single("name", f"a mail account named {account.name!r} exists already")
        if row is None:
            if replace and account.id is not None:
                row = session.get(MailAccount, account.id)
            row = row or MailAccount()
            session.add(row)
        old_name = row.name
        for f in _FIELDS:
            setattr(row, f, getattr(account, f))
        try:
            session.flush()
        except IntegrityError:
            raise ValidationError.single(
                "name", f"a mail account named {account.name!r} exists already"
            ) from None
        if password is not None:
            set_secret(account.secret_ref, password)
        if old_name and old_name != account.name:  # renamed: the password follows the name
            _move_secret(old_name, account.name, keep_new=password is not None)
        saved = _to_account(row)
    return saved


def _move_secret(old: str, new: str, keep_new: bool) -> None:
    from msp_console.secrets import delete_secret, get_secret, set_secret

    value = get_secret(secret_ref(old))
    if value and not keep_new:
        set_secret(secret_ref(new), value)
    delete_secret(secret_ref(old))


def remove_account(db: Database, name: str) -> None:
    from msp_console.secrets import delete_secret

    with db.transaction() as session:
        row = session.scalars(select(MailAccount).where(MailAccount.name == name)).first()
        if row is None:
            raise NotFoundError(f"no mail account named {name!r}")
        session.delete(row)
    delete_secret(secret_ref(name))


class DbProcessedLog:
    """The local record of processed IMAP messages, in the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def is_processed(self, key: ProcessedKey) -> bool:
        with self.db.read() as session:
            return is_processed(session, key)

    def record(self, key: ProcessedKey, message_id: str) -> None:
        with self.db.transaction() as session:
            record_processed(session, key, message_id)


def is_processed(session: Session, key: ProcessedKey) -> bool:
    stmt = select(MailProcessed.id).where(
        MailProcessed.account_id == key.account_id,
        MailProcessed.folder == key.folder,
        MailProcessed.uidvalidity == key.uidvalidity,
        MailProcessed.uid == key.uid,
    )
    return session.scalar(stmt.limit(1)) is not None


def record_processed(session: Session, key: ProcessedKey, message_id: str = "") -> None:
    """Call inside the transaction that applies the message, then ``mark_processed(uid,
    recorded=True)``: applying and recording succeed or fail together."""
    if key.account_id is None:
        raise ValueError("only a saved account (with an id) can record processed messages")
    if not is_processed(session, key):
        session.add(
            MailProcessed(
                account_id=key.account_id,
                folder=key.folder,
                uidvalidity=key.uidvalidity,
                uid=key.uid,
                message_id=message_id[:998],
            )
        )


def get_settings(db: Database, keys: Iterable[str]) -> dict[str, str]:
    wanted = list(keys)
    with db.read() as session:
        rows = session.scalars(select(MailSetting).where(MailSetting.key.in_(wanted)))
        return {r.key: r.value for r in rows}


def set_settings(db: Database, values: dict[str, str]) -> None:
    with db.transaction() as session:
        for key, value in values.items():
            row = session.get(MailSetting, key)
            if row is None:
                session.add(MailSetting(key=key, value=value))
            else:
                row.value = value
