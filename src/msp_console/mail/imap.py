"""Reading a mailbox over IMAP (imapclient): the messages not processed yet, one at a time, each
marked processed both on the server (keyword ``$MspProcessed``) and in a local record, so a second
run — or a run after the connection dropped mid-way — handles nothing twice."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any, Protocol

from msp_console.mail.account import Account
from msp_console.mail.errors import MailError, classify
from msp_console.mail.smtp import TIMEOUT_S, password_for
from msp_console.mail.tls import check_pin, context_for, probe_fingerprint

if TYPE_CHECKING:
    from imapclient import IMAPClient

PROCESSED_FLAG = b"$MspProcessed"


@dataclass(frozen=True, slots=True)
class ProcessedKey:
    """One message for good: UIDs are only unique together with the folder's UIDVALIDITY."""

    account_id: int | None
    folder: str
    uidvalidity: int
    uid: int


class ProcessedLog(Protocol):
    def is_processed(self, key: ProcessedKey) -> bool: ...
    def record(self, key: ProcessedKey, message_id: str) -> None: ...


class MemoryProcessedLog:
    """A ProcessedLog in memory (tests, one-off reads)."""

    def __init__(self) -> None:
        self.keys: dict[ProcessedKey, str] = {}

    def is_processed(self, key: ProcessedKey) -> bool:
        return key in self.keys

    def record(self, key: ProcessedKey, message_id: str) -> None:
        self.keys[key] = message_id


def connect_imap(account: Account, password: str | None = None, timeout: float = TIMEOUT_S) -> IMAPClient:
    """Connected, TLS checked (pin included) and logged in; errors as MailError."""
    from imapclient import IMAPClient

    password = password if password is not None else password_for(account)
    host, port = account.imap_host, account.imap_port
    where: dict[str, Any] = {"host": host, "port": port, "user": account.username}
    ctx = context_for(account.pinned_sha256)
    step = "connect"
    client: IMAPClient | None = None
    try:
        if account.imap_security == "tls":
            client = IMAPClient(host, port=port, ssl=True, ssl_context=ctx, timeout=timeout)
        else:
            client = IMAPClient(host, port=port, ssl=False, timeout=timeout)
            step = "STARTTLS"
            if b"STARTTLS" not in client.capabilities():
                raise MailError("starttls_missing", host=host, port=port)
            client.starttls(ctx)
        check_pin(client.socket(), account.pinned_sha256, host, port)
        step = "login"
        client.login(account.username, password)
    except BaseException as exc:
        _logout(client)
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        err = classify(exc, step=step, **where)
        if err.code == "tls_untrusted":
            err = err.with_fingerprint(probe_fingerprint(account, "imap", timeout))
        raise err from None
    return client


def _logout(client: IMAPClient | None) -> None:
    if client is None:
        return
    with contextlib.suppress(Exception):
        client.logout()
    with contextlib.suppress(Exception):
        client.shutdown()


def select(client: IMAPClient, account: Account, folder: str, readonly: bool = False) -> dict[bytes, Any]:
    """Opens ``folder``; a server's "no such mailbox" becomes the ``folder`` error."""
    try:
        return dict(client.select_folder(folder, readonly=readonly))
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        err = classify(exc, host=account.imap_host, port=account.imap_port, step="select")
        if err.code == "protocol":
            err = MailError("folder", host=account.imap_host, folder=folder, detail=err.params["detail"])
        raise err from None


class Mailbox:
    """``with Mailbox(account, log) as box: for uid, msg in box.unprocessed(): …; box.mark_processed(uid)``"""

    def __init__(
        self,
        account: Account,
        log: ProcessedLog,
        folder: str = "INBOX",
        *,
        password: str | None = None,
        timeout: float = TIMEOUT_S,
    ) -> None:
        self.account, self.log, self.folder = account, log, folder
        self._password, self._timeout = password, timeout
        self._client: IMAPClient | None = None
        self.uidvalidity = 0
        self._keywords = True  # the folder stores custom keywords (PERMANENTFLAGS has \*)
        self._message_ids: dict[int, str] = {}

    def __enter__(self) -> Mailbox:
        self._client = connect_imap(self.account, self._password, self._timeout)
        try:
            info = select(self._client, self.account, self.folder)
        except MailError:
            _logout(self._client)
            raise
        self.uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        self._keywords = b"\\*" in tuple(info.get(b"PERMANENTFLAGS", ()))
        return self

    def __exit__(self, *exc: object) -> None:
        _logout(self._client)
        self._client = None

    def _error(self, exc: BaseException, step: str) -> MailError:
        a = self.account
        return classify(exc, host=a.imap_host, port=a.imap_port, step=step, user=a.username)

    def _call(self, step: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:
            raise self._error(exc, step) from None

    @property
    def client(self) -> IMAPClient:
        if self._client is None:
            raise RuntimeError("the mailbox is not open (use it in a with block)")
        return self._client

    def key(self, uid: int) -> ProcessedKey:
        return ProcessedKey(self.account.id, self.folder, self.uidvalidity, uid)

    def pending_uids(self) -> list[int]:
        """UIDs without the keyword (all of them when the server cannot store keywords)."""
        criteria = ["UNKEYWORD", PROCESSED_FLAG.decode()] if self._keywords else ["ALL"]
        return sorted(int(u) for u in self._call("search", self.client.search, criteria))

    def unprocessed(self) -> Iterator[tuple[int, EmailMessage]]:
        """(uid, parsed message) for each message not processed yet, fetched one by one without
        setting \\Seen. Messages recorded locally but missing the keyword get it back silently."""
        for uid in self.pending_uids():
            if self.log.is_processed(self.key(uid)):
                self._flag(uid)
                continue
            fetched = self._call("fetch", self.client.fetch, [uid], ["BODY.PEEK[]"])
            raw = fetched.get(uid, {}).get(b"BODY[]")
            if raw is None:  # expunged meanwhile
                continue
            message: EmailMessage = message_from_bytes(raw, policy=policy.default)
            self._message_ids[uid] = str(message.get("Message-ID", ""))
            yield uid, message

    def mark_processed(self, uid: int, *, recorded: bool = False) -> None:
        """Records ``uid`` locally (unless the caller already did, in its own transaction, with
        :meth:`key`) and sets the keyword on the server."""
        if not recorded:
            self.log.record(self.key(uid), self._message_ids.get(uid, ""))
        self._flag(uid)

    def _flag(self, uid: int) -> None:
        if self._keywords:
            self._call("store", self.client.add_flags, [uid], [PROCESSED_FLAG], True)


def check_imap(account: Account, password: str | None = None, folder: str = "INBOX") -> int:
    """Logs in and opens ``folder``; returns how many messages it holds. Raises MailError."""
    client = connect_imap(account, password)
    try:
        return int(select(client, account, folder, readonly=True).get(b"EXISTS", 0))
    finally:
        _logout(client)
