"""Helpers every check shares: the current deadline, TCP connect, threshold judging, outcomes."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import socket
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from msp_console.domain.health import HealthState, worst
from msp_console.domain.thresholds import Range, judge, merged, parse_set
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("check_deadline", default=None)


@contextlib.contextmanager
def bind_deadline(deadline: Deadline) -> Iterator[None]:
    token = _CURRENT.set(deadline)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current_deadline(spec: CheckSpec) -> Deadline:
    """The deadline run_check set; a fresh one when a check is called directly."""
    return _CURRENT.get() or Deadline(spec.timeout)


class ConnectError(OSError):
    """A TCP connection failed; ``str()`` is what the technician reads."""

    def __init__(self, message: str, timed_out: bool = False):
        super().__init__(message)
        self.timed_out = timed_out


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def connect_tcp(
    host: str, port: int, deadline: Deadline, nodelay: bool = True
) -> tuple[socket.socket, float]:
    """(connected socket, connect time in ms). The deadline shuts the socket down if it passes."""
    started = time.perf_counter()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConnectError(f"cannot resolve {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    deadline.on_expiry(lambda: _shutdown(sock))
    sock.settimeout(deadline.remaining())
    try:
        sock.connect(address)
    except OSError as exc:
        sock.close()
        if isinstance(exc, TimeoutError) or deadline.expired:  # the watchdog's shutdown looks like a reset
            raise ConnectError(f"{host}:{port}: no answer within {deadline.timeout:g} s", True) from None
        raise ConnectError(f"{host}:{port}: {_reason(exc)}") from None
    if nodelay:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock, (time.perf_counter() - started) * 1000.0


def _reason(exc: OSError) -> str:
    names = {
        errno.ECONNREFUSED: "connection refused (nothing listens on that port)",
        errno.EHOSTUNREACH: "no route to host (host down?)",
        errno.ENETUNREACH: "network unreachable",
    }
    return names.get(exc.errno or 0, exc.strerror or str(exc))


def thresholds(
    spec: CheckSpec,
    keys: tuple[str, ...],
    warn_defaults: Mapping[str, str] | None = None,
    crit_defaults: Mapping[str, str] | None = None,
) -> tuple[dict[str, Range], dict[str, Range]]:
    warn = merged(warn_defaults or {}, parse_set(spec.warn, keys))
    crit = merged(crit_defaults or {}, parse_set(spec.crit, keys))
    return warn, crit


@dataclass
class Verdicts:
    """Collects (state, reason) pairs from several metrics and builds one outcome."""

    states: list[tuple[HealthState, str]]

    @classmethod
    def empty(cls) -> Verdicts:
        return cls([])

    def judge(
        self, key: str, value: float, warn: Mapping[str, Range], crit: Mapping[str, Range], label: str
    ) -> HealthState:
        state = judge(value, warn.get(key), crit.get(key))
        self.states.append((state, label))
        return state

    def add(self, state: HealthState, label: str) -> None:
        self.states.append((state, label))

    def outcome(self, summary: str, metrics: Iterable[Metric]) -> CheckOutcome:
        state = worst(s for s, _ in self.states) if self.states else HealthState.OK
        problems = [label for s, label in self.states if s is not HealthState.OK]
        text = "; ".join(problems) + " — " + summary if problems else summary
        return CheckOutcome(state, text, tuple(metrics))


def metric(
    name: str, value: float, unit: str, warn: Mapping[str, Range], crit: Mapping[str, Range], key: str
) -> Metric:
    w, c = warn.get(key), crit.get(key)
    return Metric(name, value, unit, w.bound if w else None, c.bound if c else None)


def int_param(spec: CheckSpec, name: str, default: int) -> int:
    raw = spec.params.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"parameter {name}={raw!r} must be a whole number") from None


def bool_param(spec: CheckSpec, name: str, default: bool) -> bool:
    raw = spec.params.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"parameter {name}={raw!r} must be yes or no")
