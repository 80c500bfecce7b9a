"""tcp: connect to host:port. Thresholds: connect time in ms (e.g. warn ``200``, crit ``1000``)."""

from __future__ import annotations

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
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


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    port = int_param(spec, "port", 0)
    if not 0 < port < 65536:
        return CheckOutcome(HealthState.UNKNOWN, "tcp check needs a port parameter (1-65535)")
    deadline = current_deadline(spec)
    try:
        sock, ms = connect_tcp(spec.host, port, deadline)
    except ConnectError as exc:
        return CheckOutcome(HealthState.CRITICAL, str(exc))
    sock.close()
    warn, crit = thresholds(spec, ("time",))
    verdicts = Verdicts.empty()
    verdicts.judge("time", ms, warn, crit, f"connect took {ms:.1f} ms")
    return verdicts.outcome(
        f"TCP {spec.host}:{port} open in {ms:.1f} ms", [metric("time", ms, "ms", warn, crit, "time")]
    )
