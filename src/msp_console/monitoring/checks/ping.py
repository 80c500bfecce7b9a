"""ping: ICMP echo, with fallbacks where the OS refuses unprivileged ICMP sockets.

Order: icmplib unprivileged socket → the system ``ping`` binary (argv, no shell) → a TCP connect on
param ``port`` (when given). The output names the method that ran.

Params: ``count`` (default 3), ``port`` (TCP fallback). Thresholds are ``RTT,LOSS%`` like
``check_ping``: warn ``200,20%`` and crit ``500,60%`` by default; by name ``rtt=100,loss=10``.
All replies lost is CRITICAL ("host down") whatever the thresholds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.checks.runtime import (
    ConnectError,
    Verdicts,
    connect_tcp,
    current_deadline,
    int_param,
    metric,
    thresholds,
)
from msp_console.monitoring.model import CheckOutcome, CheckSpec

KEYS = ("rtt", "loss")
WARN = {"rtt": "200", "loss": "20"}
CRIT = {"rtt": "500", "loss": "60"}
_LOSS = re.compile(r"(\d+) packets transmitted, (\d+) (?:packets )?received")
_RTT = re.compile(r"= [\d.]+/([\d.]+)/[\d.]+")


@dataclass(frozen=True)
class Echo:
    method: str
    sent: int
    received: int
    avg_rtt_ms: float

    @property
    def loss_pct(self) -> float:
        return 100.0 * (self.sent - self.received) / self.sent if self.sent else 100.0


class Refused(Exception):
    """This method cannot run here (no permission / no binary): try the next one."""


def _icmplib(host: str, count: int, deadline: Deadline) -> Echo:
    import icmplib

    timeout = max(0.2, min(2.0, deadline.remaining() / (count + 1)))
    try:
        result = icmplib.ping(host, count=count, interval=0.2, timeout=timeout, privileged=False)
    except (icmplib.SocketPermissionError, PermissionError) as exc:
        raise Refused(str(exc)) from None
    except icmplib.NameLookupError:
        raise ValueError(f"cannot resolve {host}") from None
    return Echo("icmp (unprivileged socket)", result.packets_sent, result.packets_received, result.avg_rtt)


def parse_ping_output(text: str) -> tuple[int, int, float]:
    """(sent, received, avg rtt ms) from iputils/BSD ping's summary."""
    loss = _LOSS.search(text)
    if not loss:
        raise ValueError("unreadable ping output")
    rtt = _RTT.search(text)
    return int(loss.group(1)), int(loss.group(2)), float(rtt.group(1)) if rtt else 0.0


def _binary(host: str, count: int, deadline: Deadline) -> Echo:
    ping = shutil.which("ping") or ("/usr/bin/ping" if os.access("/usr/bin/ping", os.X_OK) else None)
    if not ping:
        raise Refused("no ping binary")
    wait = max(1, int(min(deadline.remaining() - 0.5, 2 + count * 0.2 + 1)))
    argv = [ping, "-n", "-q", "-c", str(count), "-i", "0.2", "-w", str(wait), "--", host]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=deadline.remaining(), check=False)
    except subprocess.TimeoutExpired:
        return Echo("ping binary", count, 0, 0.0)
    if done.returncode not in (0, 1):
        raise Refused((done.stderr or done.stdout).strip() or f"ping exited {done.returncode}")
    sent, received, avg = parse_ping_output(done.stdout)
    return Echo("ping binary", sent, received, avg)


def _tcp(host: str, port: int, deadline: Deadline) -> Echo:
    try:
        sock, ms = connect_tcp(host, port, deadline)
    except ConnectError as exc:
        if "refused" in str(exc):  # the host answered with RST: it is up
            return Echo(f"tcp connect to port {port} (refused, host up)", 1, 1, 0.0)
        return Echo(f"tcp connect to port {port}", 1, 0, 0.0)
    sock.close()
    return Echo(f"tcp connect to port {port}", 1, 1, ms)


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    deadline = current_deadline(spec)
    count = max(1, min(20, int_param(spec, "count", 3)))
    port = int_param(spec, "port", 0)
    refusals: list[str] = []
    echo: Echo | None = None
    for method in (_icmplib, _binary):
        try:
            echo = method(spec.host, count, deadline)
            break
        except Refused as exc:
            refusals.append(str(exc))
    if echo is None:
        if not port:
            return CheckOutcome(
                HealthState.UNKNOWN,
                f"ICMP is not allowed here and no TCP port is set for a fallback ({'; '.join(refusals)})",
            )
        echo = _tcp(spec.host, port, deadline)
    warn, crit = thresholds(spec, KEYS, WARN, CRIT)
    metrics = [
        metric("rtt", echo.avg_rtt_ms, "ms", warn, crit, "rtt"),
        metric("loss", echo.loss_pct, "%", warn, crit, "loss"),
    ]
    if echo.received == 0:
        return CheckOutcome(
            HealthState.CRITICAL, f"{spec.host} is down: no reply via {echo.method}", tuple(metrics)
        )
    verdicts = Verdicts.empty()
    verdicts.judge("rtt", echo.avg_rtt_ms, warn, crit, f"rtt {_ms(echo.avg_rtt_ms)}")
    verdicts.judge("loss", echo.loss_pct, warn, crit, f"loss {echo.loss_pct:.0f}%")
    return verdicts.outcome(
        f"{spec.host} answers via {echo.method}: rtt {_ms(echo.avg_rtt_ms)}, loss {echo.loss_pct:.0f}%",
        metrics,
    )


def _ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"
