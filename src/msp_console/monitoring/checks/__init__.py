"""Check implementations, one module per type, behind one entry point: :func:`run_check`.

``run_check`` gives every check a hard deadline (``spec.timeout``) watched by one shared thread,
turns any exception into UNKNOWN with a readable output, and measures ``duration_ms``. Timeouts are
CRITICAL: a host that does not answer in time is what the technician must see.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import replace

from msp_console.domain.health import HealthState
from msp_console.domain.thresholds import ThresholdError
from msp_console.monitoring.checks.catalog import threshold_errors
from msp_console.monitoring.checks.context import CheckContext, SshPolicy
from msp_console.monitoring.checks.deadline import WATCHDOG, CheckTimeoutError, Deadline
from msp_console.monitoring.checks.runtime import bind_deadline
from msp_console.monitoring.model import CheckOutcome, CheckSpec, CheckType

log = logging.getLogger(__name__)
CheckFn = Callable[[CheckSpec, CheckContext], CheckOutcome]


def _lazy(module: str) -> CheckFn:
    """Imports the check module on first use (pysnmp and paramiko are slow to import)."""

    def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
        fn: CheckFn = importlib.import_module(f"{__name__}.{module}").run
        return fn(spec, ctx)

    run.__name__ = f"run_{module}"
    return run


CHECKS: dict[CheckType, CheckFn] = {
    CheckType.PING: _lazy("ping"),
    CheckType.TCP: _lazy("tcp"),
    CheckType.HTTP: _lazy("http"),
    CheckType.SSH: _lazy("ssh"),
    CheckType.PLUGIN: _lazy("plugin"),
    CheckType.BACKUP_AGE: _lazy("backup_age"),
    CheckType.SNMP: _lazy("snmp"),
    CheckType.RESTIC: _lazy("restic"),
    CheckType.BORG: _lazy("borg"),
    CheckType.PROXMOX_BACKUP: _lazy("proxmox_backup"),
    CheckType.HYPER_BACKUP: _lazy("hyper_backup"),
    CheckType.VEEAM: _lazy("veeam"),
    CheckType.WINDOWS_BACKUP: _lazy("windows_backup"),
}


def run_check(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    deadline = Deadline(spec.timeout)
    fn = CHECKS.get(spec.type)
    if fn is None:
        return CheckOutcome(HealthState.UNKNOWN, f"no check of type {spec.type!r}")
    bad = threshold_errors(spec.type, spec.warn, spec.crit)
    if bad:  # a configuration error, said before any connection is made
        text = "; ".join(f"{field}: {message}" for field, message in bad)
        return CheckOutcome(HealthState.UNKNOWN, f"bad threshold — {text}")
    WATCHDOG.watch(deadline)
    try:
        with bind_deadline(deadline):
            outcome = fn(spec, ctx)
        if deadline.fired and outcome.state is not HealthState.CRITICAL:
            outcome = _timed_out(spec)
    except ThresholdError as exc:
        outcome = CheckOutcome(HealthState.UNKNOWN, f"bad threshold: {exc}")
    except CheckTimeoutError as exc:
        outcome = CheckOutcome(HealthState.CRITICAL, f"{spec.host}: {exc}")
    except Exception as exc:
        if deadline.fired:
            outcome = _timed_out(spec)
        else:
            log.debug("check %s on %s failed", spec.type, spec.host, exc_info=True)
            text = str(exc) or type(exc).__name__
            outcome = CheckOutcome(HealthState.UNKNOWN, f"{spec.type} check failed: {text}")
    finally:
        deadline.release()
    return replace(outcome, duration_ms=round(deadline.elapsed_ms(), 1))


def _timed_out(spec: CheckSpec) -> CheckOutcome:
    return CheckOutcome(HealthState.CRITICAL, f"{spec.host}: no answer within the {spec.timeout:g} s timeout")


__all__ = ["CHECKS", "CheckContext", "CheckFn", "SshPolicy", "run_check"]
