"""JSON over HTTPS for the backup appliances' APIs (PBS, Synology DSM, Veeam), from the console's PC.

Appliances mostly run self-signed certificates, so a check either pins the certificate's SHA-256
fingerprint (``fingerprint``, as PBS shows it: ``ab:cd:…``) or verifies the chain (system CAs, or
``ca_file``). The pin is checked right after the TLS handshake, on every (re)connection, before a
token or a password is sent. Every failure becomes :class:`ApiProblem` with the state to report and
words a technician can act on; nothing here lets an exception reach the poller.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.api_params import parse_fingerprint
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.checks.http import _tls_context
from msp_console.monitoring.checks.runtime import ConnectError, connect_tcp
from msp_console.monitoring.model import CheckOutcome, CheckSpec

MAX_BODY = 8 << 20


class ApiProblem(Exception):
    """The check cannot read the API; carries the state to report."""

    def __init__(self, state: HealthState, message: str, status: int = 0):
        super().__init__(message)
        self.state = state
        self.status = status  # the HTTP status when the API answered with an error, else 0


def show_fingerprint(digest: bytes) -> str:
    return ":".join(f"{b:02x}" for b in digest)


@dataclass(frozen=True)
class Endpoint:
    what: str  # "Proxmox Backup Server" — named in every message
    host: str
    port: int
    base_path: str
    pin: bytes | None
    tls: ssl.SSLContext


def endpoint(spec: CheckSpec, what: str, default_port: int) -> Endpoint:
    """Where the API is: ``url`` (https only), else https://HOST:default_port; how to trust it."""
    host = f"[{spec.host}]" if ":" in spec.host else spec.host  # an IPv6 address in a URL
    url = spec.params.get("url", "").strip() or f"https://{host}:{default_port}"
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ApiProblem(HealthState.UNKNOWN, f"url {url!r} is not an https:// URL")
    raw_pin = spec.params.get("fingerprint", "").strip()
    try:
        pin = parse_fingerprint(raw_pin) if raw_pin else None
        tls = _tls_context(pin is None, spec.params.get("ca_file", ""))
    except ValueError as exc:
        raise ApiProblem(HealthState.UNKNOWN, str(exc)) from None
    return Endpoint(what, parts.hostname, parts.port or default_port, parts.path.rstrip("/"), pin, tls)


def reported(
    check: Callable[[CheckSpec, CheckContext], CheckOutcome],
) -> Callable[[CheckSpec, CheckContext], CheckOutcome]:
    """The check's entry point: an ApiProblem anywhere inside becomes its outcome, with its words."""

    def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
        try:
            return check(spec, ctx)
        except ApiProblem as problem:
            return CheckOutcome(problem.state, str(problem))

    return run


def required(spec: CheckSpec, param: str, meaning: str) -> str:
    value = spec.params.get(param, "").strip()
    if not value:
        raise ApiProblem(HealthState.UNKNOWN, f"the {param} parameter ({meaning}) is missing")
    return value


def secret(ctx: CheckContext, spec: CheckSpec, param: str, what: str) -> str:
    """The secret the keyring holds under the reference in ``param``."""
    from msp_console.secrets import KeyringUnavailableError

    ref = spec.params.get(param, "").strip()
    if not ref:
        raise ApiProblem(
            HealthState.UNKNOWN, f"the {param} parameter (the keyring name of the {what}) is missing"
        )
    try:
        value = ctx.get_secret(ref)
    except (KeyringUnavailableError, ValueError) as exc:
        raise ApiProblem(HealthState.UNKNOWN, f"cannot read the {what} from the keyring: {exc}") from None
    if not value:
        raise ApiProblem(
            HealthState.UNKNOWN,
            f"no {what} stored under {ref}: store it with `msp-console secrets set {ref}`",
        )
    return value


class _FingerprintMismatch(ssl.SSLError):
    def __init__(self, seen: bytes):
        super().__init__("certificate fingerprint mismatch")
        self.seen = seen


class _PinnedConnection(http.client.HTTPSConnection):
    """Connects through the check's deadline and checks the pin on every (re)connection."""

    def __init__(self, ep: Endpoint, deadline: Deadline):
        super().__init__(ep.host, ep.port, timeout=max(0.1, deadline.remaining()), context=ep.tls)
        self._ep, self._deadline = ep, deadline

    def connect(self) -> None:
        sock, _ = connect_tcp(self._ep.host, self._ep.port, self._deadline)
        try:
            tls = self._ep.tls.wrap_socket(sock, server_hostname=self._ep.host)
        except BaseException:
            sock.close()
            raise
        der = tls.getpeercert(binary_form=True) or b""
        seen = hashlib.sha256(der).digest()
        if self._ep.pin is not None and seen != self._ep.pin:
            tls.close()
            raise _FingerprintMismatch(seen)
        self._deadline.on_expiry(lambda: _shutdown(tls))
        tls.settimeout(max(0.1, self._deadline.remaining()))
        self.sock = tls


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class ApiSession:
    """Requests to one API over one kept-alive connection (reopened if the server closes it)."""

    def __init__(self, ep: Endpoint, deadline: Deadline, auth_hint: str):
        self.ep, self.deadline, self.auth_hint = ep, deadline, auth_hint
        self.headers: dict[str, str] = {}
        self._conn = _PinnedConnection(ep, deadline)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ApiSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, path: str, query: dict[str, Any] | None = None) -> Any:
        return self.call("GET", path, query)

    def call(
        self,
        method: str,
        path: str,
        query: dict[str, Any] | None = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """The answer's JSON; ApiProblem for anything else."""
        target = self.ep.base_path + path + (f"?{urlencode(query, doseq=True)}" if query else "")
        body = urlencode(form).encode() if form is not None else None
        sent = {"Accept": "application/json", "User-Agent": "msp-console-check", **self.headers}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers or {})
        where = f"{self.ep.what} at {self.ep.host}:{self.ep.port}"
        try:
            self._conn.timeout = max(0.1, self.deadline.remaining())
            self._conn.request(method, target, body=body, headers=sent)
            response = self._conn.getresponse()
            raw = response.read(MAX_BODY)
            if len(raw) == MAX_BODY and response.read(1):
                self._conn.close()
                raise ApiProblem(HealthState.UNKNOWN, f"the {where} answered {path} with more than 8 MiB")
        except ConnectError as exc:
            raise ApiProblem(HealthState.UNKNOWN, f"cannot reach the {where}: {exc}") from None
        except _FingerprintMismatch as exc:
            assert self.ep.pin is not None
            raise ApiProblem(
                HealthState.CRITICAL,
                f"the TLS certificate of the {where} does not match the pinned fingerprint: it presents "
                f"{show_fingerprint(exc.seen)}, the check expects {show_fingerprint(self.ep.pin)}. Another "
                "server answers, or its certificate was renewed: compare with the appliance and update "
                "the fingerprint parameter. Nothing was sent.",
            ) from None
        except ssl.SSLCertVerificationError as exc:
            raise ApiProblem(
                HealthState.CRITICAL,
                f"invalid TLS certificate on the {where}: {exc.verify_message or exc}; a self-signed "
                "appliance needs its SHA-256 fingerprint in the fingerprint parameter",
            ) from None
        except (OSError, http.client.HTTPException) as exc:
            self._conn.close()
            if self.deadline.expired:
                raise ApiProblem(
                    HealthState.CRITICAL, f"the {where} gave no answer within {self.deadline.timeout:g} s"
                ) from None
            raise ApiProblem(
                HealthState.UNKNOWN, f"the {where} broke off: {exc or type(exc).__name__}"
            ) from None
        return self._decode(response.status, raw, path, where)

    def _decode(self, status: int, raw: bytes, path: str, where: str) -> Any:
        if status in (401, 403):
            detail = _message(raw)
            raise ApiProblem(
                HealthState.UNKNOWN,
                f"the {where} refused the credentials (HTTP {status}{': ' + detail if detail else ''}): "
                f"{self.auth_hint}",
                status,
            )
        if status >= 400:
            detail = _message(raw)
            raise ApiProblem(
                HealthState.UNKNOWN,
                f"HTTP {status} from the {where} for {path}{': ' + detail if detail else ''}",
                status,
            )
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            start = raw[:40].decode("utf-8", "replace")
            raise ApiProblem(
                HealthState.UNKNOWN,
                f"the {where} answered {path} with something that is not JSON ({exc}; it starts {start!r})",
            ) from None


def _message(raw: bytes) -> str:
    """The error text an API put in its body (JSON 'message'/'errors', else the first line)."""
    text = raw[:2000].decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return text.splitlines()[0][:200] if text else ""
    if isinstance(data, dict):
        for key in ("message", "errors", "error_description", "error"):
            if data.get(key):
                return str(data[key])[:200]
    return ""


def shape_problem(what: str, exc: Exception) -> ApiProblem:
    """The API answered JSON, but not of the documented shape."""
    return ApiProblem(HealthState.UNKNOWN, f"unexpected answer from the {what}: {type(exc).__name__} {exc}")


__all__ = [
    "ApiProblem",
    "ApiSession",
    "Endpoint",
    "endpoint",
    "parse_fingerprint",
    "reported",
    "required",
    "secret",
    "shape_problem",
    "show_fingerprint",
]
