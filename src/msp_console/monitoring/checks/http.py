"""http: GET a URL; status, optional body text, response time, and for https the certificate.

Params: ``url`` (required), ``expect_status`` (default 200), ``contains`` (text the body must hold),
``verify`` (TLS chain + name verification, default yes), ``ca_file`` (extra CA bundle, e.g. a
client's private CA), ``cert_warn_days`` / ``cert_crit_days`` (21 / 7). warn/crit: response time in ms.

Stdlib (http.client + ssl) rather than requests/httpx: we must see the certificate even when
verification fails (to say *why*: expired, wrong name, unknown issuer), control every phase's
timeout from one deadline, and read only as much body as needed — with no extra dependency.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import socket
import ssl
import time
from datetime import UTC, datetime
from urllib.parse import urlsplit

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.checks.runtime import (
    ConnectError,
    Verdicts,
    bool_param,
    connect_tcp,
    current_deadline,
    int_param,
    metric,
    thresholds,
)
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

MAX_BODY = 1 << 20
_VERIFY_REASONS = {
    10: "the certificate has expired",
    9: "the certificate is not yet valid",
    18: "the certificate is self-signed",
    19: "the chain ends in an untrusted self-signed root",
    20: "the issuer is not trusted (unknown CA)",
    21: "the chain is incomplete (cannot verify the first certificate)",
    62: "the certificate is for another name",
    64: "the certificate is for another name (IP address)",
}


def _cert_days(der: bytes | None) -> tuple[float | None, str]:
    """(days until expiry, subject names) of the server's certificate."""
    if not der:
        return None, ""
    from cryptography import x509

    cert = x509.load_der_x509_certificate(der)
    days = (cert.not_valid_after_utc - datetime.now(UTC)).total_seconds() / 86400.0
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = ", ".join(
            san.get_values_for_type(x509.DNSName) + [str(i) for i in san.get_values_for_type(x509.IPAddress)]
        )
    except x509.ExtensionNotFound:
        names = cert.subject.rfc4514_string()
    return days, names


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _tls_context(verify: bool, ca_file: str) -> ssl.SSLContext:
    """Contexts are cached: loading the system CA store costs ~10 ms of CPU per check otherwise."""
    try:
        mtime = os.stat(ca_file).st_mtime_ns if ca_file else 0
    except OSError as exc:
        raise ValueError(f"cannot read ca_file {ca_file}: {exc.strerror}") from None
    return _cached_context(verify, ca_file, mtime)


@functools.lru_cache(maxsize=32)
def _cached_context(verify: bool, ca_file: str, mtime_ns: int) -> ssl.SSLContext:
    if not verify:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    ctx = ssl.create_default_context()
    if ca_file:
        ctx.load_verify_locations(cafile=ca_file)
    return ctx


def _peer_der(host: str, port: int, deadline: Deadline) -> bytes | None:
    """The certificate, fetched without verification, to explain a verification failure."""
    sock, _ = connect_tcp(host, port, deadline)
    with _tls_context(False, "").wrap_socket(sock, server_hostname=host) as tls:
        return tls.getpeercert(binary_form=True)


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    url = spec.params.get("url", "") or f"http://{spec.host}/"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return CheckOutcome(HealthState.UNKNOWN, f"url {url!r} is not an http(s) URL")
    host, https = parts.hostname, parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    expect = int_param(spec, "expect_status", 200)
    verify = bool_param(spec, "verify", True)
    deadline = current_deadline(spec)
    started = time.perf_counter()
    try:
        sock, _ = connect_tcp(host, port, deadline)
    except ConnectError as exc:
        return CheckOutcome(HealthState.CRITICAL, str(exc))
    der: bytes | None = None
    conn: http.client.HTTPConnection | None = None
    try:
        if https:
            tls_ctx = _tls_context(verify, spec.params.get("ca_file", ""))
            try:
                tls = tls_ctx.wrap_socket(sock, server_hostname=host)
            except ssl.SSLCertVerificationError as exc:
                sock.close()
                return _invalid_cert(host, port, exc, deadline)
            deadline.on_expiry(lambda: _shutdown(tls))
            der = tls.getpeercert(binary_form=True)
            conn = http.client.HTTPSConnection(host, port, timeout=deadline.remaining(), context=tls_ctx)
            conn.sock = tls
        else:
            conn = http.client.HTTPConnection(host, port, timeout=deadline.remaining())
            conn.sock = sock
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers={"User-Agent": "msp-console-check", "Connection": "close"})
        response = conn.getresponse()
        body = response.read(MAX_BODY)
    except (OSError, http.client.HTTPException) as exc:
        if deadline.expired:
            return CheckOutcome(HealthState.CRITICAL, f"{url}: no answer within {spec.timeout:g} s")
        return CheckOutcome(HealthState.CRITICAL, f"{url}: {exc or type(exc).__name__}")
    finally:
        if conn is not None:
            conn.close()
        sock.close()
    ms = (time.perf_counter() - started) * 1000.0
    location = response.getheader("Location", "") if 300 <= response.status < 400 else ""
    return _judge(spec, url, response.status, body, ms, der, expect, location)


def _judge(
    spec: CheckSpec,
    url: str,
    status: int,
    body: bytes,
    ms: float,
    der: bytes | None,
    expect: int,
    location: str = "",
) -> CheckOutcome:
    warn, crit = thresholds(spec, ("time",))
    verdicts = Verdicts.empty()
    metrics: list[Metric] = [metric("time", ms, "ms", warn, crit, "time")]
    if status != expect:
        moved = f" (redirects to {location})" if location else ""
        verdicts.add(HealthState.CRITICAL, f"status {status}, expected {expect}{moved}")
    needle = spec.params.get("contains", "")
    if needle and needle.encode() not in body:
        verdicts.add(HealthState.CRITICAL, f"body does not contain {needle!r}")
    verdicts.judge("time", ms, warn, crit, f"response took {ms:.0f} ms")
    summary = f"HTTP {status} from {url} in {ms:.0f} ms"
    if der is not None:
        days, _ = _cert_days(der)
        if days is not None:
            warn_days = int_param(spec, "cert_warn_days", 21)
            crit_days = int_param(spec, "cert_crit_days", 7)
            metrics.append(Metric("cert_days", round(days, 2), "d", float(warn_days), float(crit_days)))
            label = f"certificate expires in {days:.0f} days"
            if days < 0:
                verdicts.add(HealthState.CRITICAL, f"certificate expired {-days:.0f} days ago")
            elif days < crit_days:
                verdicts.add(HealthState.CRITICAL, label)
            elif days < warn_days:
                verdicts.add(HealthState.WARNING, label)
            summary += f", {label}"
    return verdicts.outcome(summary, metrics)


def _invalid_cert(
    host: str, port: int, exc: ssl.SSLCertVerificationError, deadline: Deadline
) -> CheckOutcome:
    reason = _VERIFY_REASONS.get(exc.verify_code, exc.verify_message or str(exc))
    try:
        days, names = _cert_days(_peer_der(host, port, deadline))
    except (OSError, ValueError):
        days, names = None, ""
    detail = []
    if exc.verify_code in (62, 64) and names:
        detail.append(f"it is for {names}, not {host}")
    if days is not None:
        detail.append(f"expires in {days:.0f} days" if days >= 0 else f"expired {-days:.0f} days ago")
    extra = f" ({'; '.join(detail)})" if detail else ""
    metrics = (Metric("cert_days", round(days, 2), "d"),) if days is not None else ()
    return CheckOutcome(
        HealthState.CRITICAL, f"invalid TLS certificate on {host}:{port}: {reason}{extra}", metrics
    )
