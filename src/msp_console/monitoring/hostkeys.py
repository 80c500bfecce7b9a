"""The console's own known-hosts store: no SSH key is trusted silently.

An unknown key makes the check UNKNOWN ("host key not yet trusted") until a technician trusts it;
a key different from the trusted one is CRITICAL ("host key changed") and no credential is sent —
callers verify right after the key exchange and before any authentication.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import paramiko
from sqlalchemy import delete, select

from msp_console.db.base import utcnow
from msp_console.db.models.hostkey import HostKey

if TYPE_CHECKING:
    from msp_console.services.database import Database

log = logging.getLogger(__name__)


class Verdict(StrEnum):
    TRUSTED = "TRUSTED"
    UNKNOWN = "UNKNOWN"
    CHANGED = "CHANGED"


@dataclass(frozen=True, slots=True)
class Verification:
    verdict: Verdict
    fingerprint: str  # what the server presented
    trusted: str = ""  # what we trusted before (for CHANGED)

    def message(self, host: str, port: int) -> str:
        where = f"{host}:{port}"
        if self.verdict is Verdict.CHANGED:
            return (
                f"host key changed on {where}: trusted {self.trusted}, presented {self.fingerprint} "
                "— no credentials were sent (possible man-in-the-middle; if the server was "
                "reinstalled, check the new key, then trust it: Host key… on the problem)"
            )
        if self.verdict is Verdict.UNKNOWN:
            return (
                f"host key not yet trusted: {self.fingerprint} on {where} "
                "(check it, then trust it: Host key… on the problem)"
            )
        return f"host key trusted: {self.fingerprint}"


@dataclass(frozen=True, slots=True)
class KnownKey:
    host: str
    port: int
    key_type: str
    fingerprint: str
    first_seen: datetime
    trusted_at: datetime | None


def fingerprint(key: paramiko.PKey) -> str:
    """OpenSSH's ``SHA256:`` form (as ``ssh-keygen -lf`` prints it)."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def normalise_fingerprint(text: str) -> str:
    fp = text.strip()
    if not fp.startswith("SHA256:") or len(fp) != 50:
        raise ValueError(f"{text!r} is not a SHA256 fingerprint (like SHA256:<43 base64 characters>)")
    return fp


class HostKeyStore:
    """Trusted keys are cached for ``cache_seconds`` (a poll then needs no database read); anything
    that is not a cache hit on the trusted key is decided from the database, so a change is never
    missed. A key forgotten by another process stays trusted here for at most ``cache_seconds``."""

    def __init__(self, db: Database, cache_seconds: float = 60.0):
        self._db = db
        self._ttl = cache_seconds
        self._cache: dict[tuple[str, int], tuple[float, str, str]] = {}  # → (expires, fingerprint, type)
        self._lock = threading.Lock()

    def _cached(self, host: str, port: int) -> tuple[str, str] | None:
        with self._lock:
            hit = self._cache.get((host, port))
        if hit is None or hit[0] < time.monotonic():
            return None
        return hit[1], hit[2]

    def _remember_trusted(self, host: str, port: int, fp: str, key_type: str) -> None:
        with self._lock:
            self._cache[(host, port)] = (time.monotonic() + self._ttl, fp, key_type)

    def _invalidate(self, host: str, port: int) -> None:
        with self._lock:
            self._cache.pop((host, port), None)

    def verify(self, host: str, port: int, key: paramiko.PKey) -> Verification:
        presented = fingerprint(key)
        cached = self._cached(host, port)
        if cached is not None and cached[0] == presented:
            return Verification(Verdict.TRUSTED, presented)
        with self._db.read() as session:
            rows = session.scalars(select(HostKey).where(HostKey.host == host, HostKey.port == port)).all()
            trusted = [r for r in rows if r.trusted_at is not None]
            seen = any(r.fingerprint == presented for r in rows)
            match = next((r for r in trusted if r.fingerprint == presented), None)
            if match is not None:
                self._remember_trusted(host, port, presented, match.key_type)
                return Verification(Verdict.TRUSTED, presented)
            old = trusted[0].fingerprint if trusted else ""
        if not seen:  # kept so `hostkeys list` (and the GUI) can show what to compare and trust
            self._remember(host, port, key.get_name(), presented)
        if old:
            return Verification(Verdict.CHANGED, presented, old)
        return Verification(Verdict.UNKNOWN, presented)

    def _remember(self, host: str, port: int, key_type: str, fp: str) -> None:
        """Keeps an untrusted key so `hostkeys list` (and the GUI) can offer to trust it."""
        try:
            with self._db.transaction() as session:
                session.add(HostKey(host=host, port=port, key_type=key_type, fingerprint=fp))
        except Exception as exc:  # a concurrent poll recorded it first: nothing lost
            log.debug("host key for %s:%s not recorded: %s", host, port, exc)

    def trust(self, host: str, port: int, fp: str, key_type: str = "") -> None:
        """Trusts ``fp`` for host:port, replacing any key trusted before."""
        fp = normalise_fingerprint(fp)
        self._invalidate(host, port)
        with self._db.transaction() as session:
            session.execute(
                delete(HostKey).where(HostKey.host == host, HostKey.port == port, HostKey.fingerprint != fp)
            )
            row = session.scalars(
                select(HostKey).where(HostKey.host == host, HostKey.port == port, HostKey.fingerprint == fp)
            ).first()
            if row is None:
                row = HostKey(host=host, port=port, key_type=key_type, fingerprint=fp)
                session.add(row)
            row.trusted_at = utcnow()
            if key_type:
                row.key_type = key_type

    def forget(self, host: str, port: int) -> int:
        """Forgets every key of host:port; returns how many were removed."""
        self._invalidate(host, port)
        with self._db.transaction() as session:
            result: Any = session.execute(delete(HostKey).where(HostKey.host == host, HostKey.port == port))
            return int(result.rowcount or 0)

    def trusted_key_type(self, host: str, port: int) -> str:
        cached = self._cached(host, port)
        if cached is not None:
            return cached[1]
        with self._db.read() as session:
            row = session.scalars(
                select(HostKey).where(
                    HostKey.host == host, HostKey.port == port, HostKey.trusted_at.is_not(None)
                )
            ).first()
            return row.key_type if row else ""

    def list(self) -> list[KnownKey]:
        with self._db.read() as session:
            rows = session.scalars(select(HostKey).order_by(HostKey.host, HostKey.port, HostKey.id)).all()
            return [
                KnownKey(r.host, r.port, r.key_type, r.fingerprint, r.first_seen, r.trusted_at) for r in rows
            ]


class HostKeyRejectedError(paramiko.SSHException):
    def __init__(self, verification: Verification, host: str, port: int):
        super().__init__(verification.message(host, port))
        self.verification = verification


class StorePolicy(paramiko.MissingHostKeyPolicy):
    """For code that uses ``paramiko.SSHClient`` (tunnels): defer to the store, refuse what it does not trust.

    Give the client an empty host-key set so paramiko calls this policy for every connection;
    paramiko calls it after the key exchange and before authentication.
    """

    def __init__(self, store: HostKeyStore, port: int = 22):
        self._store = store
        self._port = port

    def missing_host_key(self, client: paramiko.SSHClient, hostname: str, key: paramiko.PKey) -> None:
        host, port = hostname, self._port
        if hostname.startswith("[") and "]:" in hostname:  # paramiko's "[host]:port" form
            host, _, p = hostname[1:].partition("]:")
            port = int(p)
        verification = self._store.verify(host, port, key)
        if verification.verdict is not Verdict.TRUSTED:
            raise HostKeyRejectedError(verification, host, port)


def fetch_host_key(host: str, port: int, timeout: float = 10.0) -> tuple[str, str]:
    """(key type, fingerprint) the server presents; key exchange only, nothing is authenticated."""
    import socket

    sock = socket.create_connection((host, port), timeout=timeout)
    transport = paramiko.Transport(sock)
    try:
        transport.banner_timeout = timeout
        try:
            transport.start_client(timeout=timeout)
        except paramiko.SSHException as exc:
            raise OSError(str(exc)) from None
        key = transport.get_remote_server_key()
        return key.get_name(), fingerprint(key)
    finally:
        transport.close()
        sock.close()
