"""Real mail servers on loopback for the mail and SdI tests.

* Dovecot (Debian's dovecot-imapd) with its own config directory, a generated self-signed TLS
  certificate, a passwd-file of test users and their maildirs in a temp dir; IMAP with STARTTLS and
  IMAPS on random loopback ports.
* An SMTP server (aiosmtpd, in this process) with STARTTLS and implicit TLS, AUTH PLAIN/LOGIN against
  the same users, delivering each accepted message into the recipient's Dovecot maildir, so what is
  sent shows up over IMAP.
* A TCP proxy that cuts the connection after N bytes from the server: "the mailbox dropped the
  connection mid-fetch".

Everything listens on 127.0.0.1 only. Fixtures (in tests/integration/mail/conftest.py) wrap these;
other test packages import ``start_mail_lab`` / ``DroppingProxy`` directly.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mailbox
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support.components import free_port, need_binary
from tests.support.dropping_proxy import DroppingProxy

MAIL_UID = 65534 if os.geteuid() == 0 else os.geteuid()  # Dovecot refuses to access mail as root
MAIL_GID = 65534 if os.geteuid() == 0 else os.getegid()
__all__ = [
    "DroppingProxy",
    "MailLab",
    "MailUser",
    "mail_account",
    "mail_lab",
    "mailbox_user",
    "start_mail_lab",
]
DOMAIN = "example.test"  # RFC 2606: never a real domain
POOL_SIZE = 120  # mailboxes made at start: Dovecot notices a changed passwd-file only once a second


@dataclass(frozen=True)
class TestCertificate:
    cert_file: Path
    key_file: Path
    sha256: str  # hex, lower case, of the DER certificate: what the console pins


def make_certificate(base: Path, label: str = "server", name: str = "127.0.0.1") -> TestCertificate:
    """A self-signed server certificate for ``name`` (an IP address or a DNS name)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    try:
        alt: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        alt = x509.DNSName(name)
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([alt]), critical=False)
        .sign(key, hashes.SHA256())
    )
    base.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = base / f"{label}.pem", base / f"{label}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_file.chmod(0o600)
    der = cert.public_bytes(serialization.Encoding.DER)
    return TestCertificate(cert_file, key_file, hashlib.sha256(der).hexdigest())


def _wait_port(port: int, what: str, log: Path | None = None, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port}\n{tail}")


_DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
info_log_path = {base}/dovecot.log
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {login_user}
default_internal_user = {internal_user}
mail_location = maildir:~/Maildir
first_valid_uid = {uid}
first_valid_gid = {gid}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {base}/users
}}
"""


@dataclass
class MailUser:
    address: str
    password: str


@dataclass
class DovecotServer:
    """Dovecot IMAP on two loopback ports: ``imap_port`` (STARTTLS) and ``imaps_port`` (TLS)."""

    base: Path
    cert: TestCertificate
    imap_port: int = 0
    imaps_port: int = 0
    users: dict[str, MailUser] = field(default_factory=dict)
    _proc: subprocess.Popen[bytes] | None = None
    _pool: list[MailUser] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> DovecotServer:
        dovecot = need_binary("/usr/sbin/dovecot", "dovecot-imapd")
        need_binary("/usr/lib/dovecot/imap", "dovecot-imapd")
        for sub in ("run", "state", "home"):
            (self.base / sub).mkdir(parents=True, exist_ok=True)
        self._pool = self._write_users(
            [MailUser(f"box-{n}@{DOMAIN}", f"Box-{n}-{os.urandom(4).hex()}") for n in range(POOL_SIZE)]
        )
        self.imap_port, self.imaps_port = free_port(), free_port()
        root = os.geteuid() == 0
        conf = self.base / "dovecot.conf"
        conf.write_text(
            _DOVECOT_CONF.format(
                base=self.base,
                cert=self.cert.cert_file,
                key=self.cert.key_file,
                imap_port=self.imap_port,
                imaps_port=self.imaps_port,
                login_user="dovenull" if root else os.environ.get("USER", "root"),
                internal_user="dovecot" if root else os.environ.get("USER", "root"),
                uid=MAIL_UID,
                gid=MAIL_GID,
            )
        )
        self._proc = subprocess.Popen(
            [dovecot, "-F", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
        )
        log = self.base / "dovecot.log"
        _wait_port(self.imap_port, "dovecot", log)
        _wait_port(self.imaps_port, "dovecot", log)
        return self

    def home(self, address: str) -> Path:
        return self.base / "home" / address.lower()

    def add_user(self, address: str, password: str) -> MailUser:
        """A mailbox. Dovecot re-reads its passwd-file at most once a second, so this waits a
        second: prefer :meth:`claim_user` (made at start) in tests."""
        user = self._write_users([MailUser(address.lower(), password)])[0]
        if self._proc is not None:
            time.sleep(1.1)
        return user

    def claim_user(self) -> MailUser:
        """An unused mailbox from the pool created at start (no waiting)."""
        with self._lock:
            if not self._pool:
                raise RuntimeError("the test mailbox pool is exhausted: raise POOL_SIZE")
            return self._pool.pop(0)

    def _write_users(self, new: list[MailUser]) -> list[MailUser]:
        with self._lock:
            for user in new:
                self.users[user.address] = user
                self.maildir(user.address)  # created now, owned by the mail user
                _chown_tree(self.home(user.address))
            lines = [
                f"{u.address}:{{PLAIN}}{u.password}:{MAIL_UID}:{MAIL_GID}::{self.home(u.address)}::"
                for u in self.users.values()
            ]
            tmp = self.base / "users.tmp"
            tmp.write_text("\n".join(lines) + "\n")
            tmp.replace(self.base / "users")
        return new

    def maildir(self, address: str) -> mailbox.Maildir:
        path = self.home(address) / "Maildir"
        path.parent.mkdir(parents=True, exist_ok=True)
        box = mailbox.Maildir(path, create=True)
        return box

    def deliver(self, address: str, raw: bytes) -> None:
        """Drops a message into ``address``'s INBOX as an MTA would (maildir new/)."""
        box = self.maildir(address)
        key = box.add(mailbox.MaildirMessage(raw))
        _chown_tree(self.home(address))
        del key

    def messages(self, address: str) -> list[EmailMessage]:
        """Every message in the INBOX on disk (read without IMAP, for assertions)."""
        out: list[EmailMessage] = []
        box = self.maildir(address)
        for key in sorted(box.keys()):
            with box.get_file(key) as fh:
                out.append(message_from_bytes(fh.read(), policy=policy.default))  # type: ignore[arg-type]
        return out

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(5)
            self._proc = None


def _chown_tree(path: Path) -> None:
    if os.geteuid() != 0:
        return
    for root, dirs, files in os.walk(path):
        os.chown(root, MAIL_UID, MAIL_GID)
        for name in dirs + files:
            os.chown(os.path.join(root, name), MAIL_UID, MAIL_GID)


@dataclass
class SentRecord:
    """What the SMTP server accepted: who logged in, envelope and the raw message."""

    login: str
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)  # type: ignore[return-value]


class _DeliveringHandler:
    def __init__(self, lab: MailLab) -> None:
        self.lab = lab

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.lower() not in self.lab.dovecot.users:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        login = session.auth_data.login.decode() if session.auth_data is not None else ""
        for rcpt in envelope.rcpt_tos:
            self.lab.dovecot.deliver(rcpt, raw)
        self.lab.sent.append(SentRecord(login, envelope.mail_from, list(envelope.rcpt_tos), raw))
        return "250 2.0.0 Message accepted for delivery"


@dataclass
class MailLab:
    """Dovecot + SMTP (STARTTLS on ``smtp_port``, implicit TLS on ``smtps_port``), one certificate."""

    base: Path
    cert: TestCertificate
    dovecot: DovecotServer
    smtp_port: int = 0
    smtps_port: int = 0
    sent: list[SentRecord] = field(default_factory=list)
    _controllers: list[Any] = field(default_factory=list)

    host = "127.0.0.1"

    def add_user(self, address: str, password: str) -> MailUser:
        return self.dovecot.add_user(address, password)

    def claim_user(self) -> MailUser:
        return self.dovecot.claim_user()

    def messages(self, address: str) -> list[EmailMessage]:
        return self.dovecot.messages(address)

    def deliver(self, address: str, message: EmailMessage | bytes) -> None:
        raw = message if isinstance(message, bytes) else message.as_bytes()
        self.dovecot.deliver(address, raw)

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user = self.dovecot.users.get(auth_data.login.decode(errors="replace").lower())
        ok = user is not None and user.password == auth_data.password.decode(errors="replace")
        return AuthResult(success=ok, handled=False)

    def start_smtp(self) -> None:
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_ctx.load_cert_chain(self.cert.cert_file, self.cert.key_file)
        common = {
            "hostname": self.host,
            "authenticator": self._authenticate,
            "auth_required": True,
            "auth_require_tls": True,
            "server_hostname": "mail.example.test",
        }
        logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's deprecation chatter
        self.smtp_port = free_port()
        starttls = Controller(
            _DeliveringHandler(self),
            port=self.smtp_port,
            tls_context=server_ctx,
            require_starttls=True,
            ready_timeout=20,
            **common,
        )
        starttls.start()
        self._controllers.append(starttls)
        self.smtps_port = free_port()
        # the whole connection is TLS, but aiosmtpd only knows about STARTTLS: AUTH allowed at once
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            implicit = _ImplicitTlsController(
                _DeliveringHandler(self),
                port=self.smtps_port,
                ssl_context=server_ctx,
                ready_timeout=20,
                **{**common, "auth_require_tls": False},
            )
        implicit.start()
        self._controllers.append(implicit)

    def stop(self) -> None:
        for c in self._controllers:
            with contextlib.suppress(Exception):
                c.stop()
        self._controllers.clear()
        self.dovecot.stop()
        shutil.rmtree(self.base, ignore_errors=True)


class _ImplicitTlsController(Controller):  # type: ignore[misc]
    """aiosmtpd checks readiness with a plain socket; over implicit TLS it must handshake."""

    def _trigger_server(self) -> None:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        with socket.create_connection((self.hostname, self.port), 5) as raw, ctx.wrap_socket(raw) as s:
            s.recv(1024)


def start_mail_lab(base: Path | None = None) -> MailLab:
    """Dovecot + SMTP with one self-signed certificate for 127.0.0.1; stop() removes everything."""
    base = base or Path(tempfile.mkdtemp(prefix="msp-mail-"))
    base.chmod(0o755)  # the mail user (nobody) walks into its home under here
    cert = make_certificate(base / "tls")
    dovecot = DovecotServer(base / "dovecot", cert)
    (base / "dovecot").mkdir(parents=True, exist_ok=True)
    (base / "dovecot").chmod(0o755)
    dovecot.start()
    lab = MailLab(base, cert, dovecot)
    try:
        lab.start_smtp()
    except BaseException:
        lab.stop()
        raise
    return lab


# --- pytest fixtures: import them into a conftest.py (`from tests.support.mail_servers import
# mail_lab, mailbox_user, mail_account`) ---------------------------------------------------------


@pytest.fixture(scope="session")
def mail_lab() -> Iterator[MailLab]:
    """Dovecot + SMTP for the whole session (each test makes its own mailboxes)."""
    lab = start_mail_lab()
    try:
        yield lab
    finally:
        lab.stop()


@pytest.fixture
def mailbox_user(mail_lab: MailLab) -> Callable[[str], MailUser]:
    """``mailbox_user()`` → a fresh, empty mailbox ``box-<n>@example.test`` with its password."""

    def make(prefix: str = "") -> MailUser:
        return mail_lab.claim_user()

    return make


@pytest.fixture
def mail_account(mail_lab: MailLab, mailbox_user: Callable[[str], MailUser]) -> Callable[..., Any]:
    """``mail_account(name="office", security="starttls", pinned=True)`` → (Account, password) for a
    fresh mailbox on the lab's servers (the Account is not saved in any database)."""
    from msp_console.mail import Account

    def make(
        name: str = "office", *, kind: str = "smtp", security: str = "starttls", pinned: bool = True
    ) -> tuple[Account, str]:
        user = mailbox_user(name)
        account = Account(
            name=name,
            kind=kind,
            smtp_host=mail_lab.host,
            smtp_port=mail_lab.smtp_port if security == "starttls" else mail_lab.smtps_port,
            smtp_security=security,
            imap_host=mail_lab.host,
            imap_port=mail_lab.dovecot.imap_port if security == "starttls" else mail_lab.dovecot.imaps_port,
            imap_security=security,
            username=user.address,
            pinned_sha256=mail_lab.cert.sha256 if pinned else None,
        )
        return account, user.password

    return make
