"""snmp: sysUpTime (reboot detection), interface oper status, or any numeric OID with thresholds.

Params: ``version`` (2c default, 3 when ``user`` is set), ``community`` (v2c, default public),
``user`` + ``auth_protocol`` (sha | sha256 | md5) + ``priv_protocol`` (aes | des | none) for v3 —
the auth password comes from the keyring ref ``credential_ref``, the privacy password from
``<credential_ref>:priv`` (or the auth one when absent); ``port`` (161); and one of ``oid``
(numeric, thresholds apply; ``expect`` for text values), ``ifindex`` or ``interface`` (an
interface index: ifOperStatus up = OK) or
neither (sysUpTime: lower than last time → WARNING "rebooted"; previous value from the engine's
last metrics or param ``last_uptime`` in seconds). Numeric OIDs only: Debian ships no MIBs.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.runtime import Verdicts, current_deadline, int_param, metric, thresholds
from msp_console.monitoring.checks.snmp_loop import SNMP_LOOP
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

SYS_UPTIME = "1.3.6.1.2.1.1.3.0"
IF_OPER_STATUS = "1.3.6.1.2.1.2.2.1.8.{index}"
IF_STATES = {
    1: "up",
    2: "down",
    3: "testing",
    4: "unknown",
    5: "dormant",
    6: "notPresent",
    7: "lowerLayerDown",
}
_OID = re.compile(r"^\.?\d+(\.\d+)+$")


class SnmpError(Exception):
    pass


def _auth(spec: CheckSpec, ctx: CheckContext) -> Any:
    from pysnmp.hlapi.v3arch import asyncio as hl

    user = spec.params.get("user", "")
    version = spec.params.get("version", "3" if user else "2c")
    if version in ("1", "2c", "2"):
        return hl.CommunityData(spec.params.get("community", "public"), mpModel=0 if version == "1" else 1)
    if not user:
        raise ValueError("SNMP v3 needs a user parameter")
    auth_protocols = {
        "sha": hl.usmHMACSHAAuthProtocol,
        "md5": hl.usmHMACMD5AuthProtocol,
        "sha256": hl.usmHMAC192SHA256AuthProtocol,
    }
    priv_protocols = {"aes": hl.usmAesCfb128Protocol, "des": hl.usmDESPrivProtocol}
    auth_key = ctx.get_secret(spec.credential_ref) if spec.credential_ref else None
    if not auth_key:
        return hl.UsmUserData(user)
    priv_name = spec.params.get("priv_protocol", "aes").lower()
    if priv_name == "none":
        return hl.UsmUserData(
            user, auth_key, authProtocol=auth_protocols[spec.params.get("auth_protocol", "sha")]
        )
    priv_key = ctx.get_secret(f"{spec.credential_ref}:priv") or auth_key
    return hl.UsmUserData(
        user,
        auth_key,
        priv_key,
        authProtocol=auth_protocols[spec.params.get("auth_protocol", "sha").lower()],
        privProtocol=priv_protocols[priv_name],
    )


async def _get(engine: Any, spec: CheckSpec, auth: Any, oid: str, timeout: float) -> Any:
    from pysnmp.hlapi.v3arch import asyncio as hl

    port = int_param(spec, "port", 161)
    target = await hl.UdpTransportTarget.create((spec.host, port), timeout=max(0.2, timeout / 2), retries=1)
    error, status, _index, binds = await hl.get_cmd(
        engine, auth, target, hl.ContextData(), hl.ObjectType(hl.ObjectIdentity(oid))
    )
    if error:
        raise SnmpError(f"{spec.host}: {error}")
    if status:
        raise SnmpError(f"{spec.host}: agent answered {status.prettyPrint()} for {oid}")
    value = binds[0][1]
    if value.__class__.__name__ in ("NoSuchObject", "NoSuchInstance", "EndOfMibView"):
        raise SnmpError(f"{spec.host} has no value at {oid}")
    return value


def _fetch(spec: CheckSpec, ctx: CheckContext, oid: str) -> Any:
    auth = _auth(spec, ctx)  # here, not on the loop: reading the keyring may block
    budget = current_deadline(spec).remaining()
    return SNMP_LOOP.run(lambda engine: _get(engine, spec, auth, oid, budget), budget)


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    oid = spec.params.get("oid", "").strip()
    ifindex = (spec.params.get("ifindex", "") or spec.params.get("interface", "")).strip()
    try:
        if oid:
            if not _OID.match(oid):
                return CheckOutcome(
                    HealthState.UNKNOWN, f"oid {oid!r} must be numeric (like 1.3.6.1.2.1.1.3.0)"
                )
            return _judge_oid(spec, oid.lstrip("."), _fetch(spec, ctx, oid.lstrip(".")))
        if ifindex:
            if not ifindex.isdigit():
                return CheckOutcome(HealthState.UNKNOWN, f"ifindex {ifindex!r} must be a number")
            value = int(_fetch(spec, ctx, IF_OPER_STATUS.format(index=ifindex)))
            name = IF_STATES.get(value, str(value))
            state = HealthState.OK if value == 1 else HealthState.CRITICAL
            return CheckOutcome(
                state, f"interface {ifindex} is {name}", (Metric(f"if{ifindex}_oper", value),)
            )
        return _uptime(spec, ctx, int(_fetch(spec, ctx, SYS_UPTIME)) / 100.0)
    except (SnmpError, TimeoutError) as exc:
        text = str(exc) or f"{spec.host}: no SNMP answer within {spec.timeout:g} s"
        return CheckOutcome(HealthState.CRITICAL, text)


def _judge_oid(spec: CheckSpec, oid: str, value: Any) -> CheckOutcome:
    text = value.prettyPrint()
    expect = spec.params.get("expect", "")
    try:
        number = float(value)
    except (TypeError, ValueError):
        if expect and text != expect:
            return CheckOutcome(HealthState.CRITICAL, f"{oid} = {text!r}, expected {expect!r}")
        return CheckOutcome(HealthState.OK, f"{oid} = {text!r}")
    warn, crit = thresholds(spec, ("value",))
    v = Verdicts.empty()
    v.judge("value", number, warn, crit, f"{oid} = {text}")
    return v.outcome(f"{oid} = {text}", [metric(oid, number, "", warn, crit, "value")])


# The last uptime seen per check in this process: reboot detection works even when the engine
# does not hand back stored metrics (``ctx.last_metrics`` wins when it does).
_SEEN_UPTIME: dict[int, float] = {}
_SEEN_LOCK = threading.Lock()


def _uptime(spec: CheckSpec, ctx: CheckContext, seconds: float) -> CheckOutcome:
    last = ctx.last_metrics(spec.check_id).get("uptime_s")
    if last is None and spec.params.get("last_uptime"):
        last = float(spec.params["last_uptime"])
    with _SEEN_LOCK:
        if last is None:
            last = _SEEN_UPTIME.get(spec.check_id)
        _SEEN_UPTIME[spec.check_id] = seconds
    metrics = (Metric("uptime_s", seconds, "s"),)
    days = seconds / 86400
    if last is not None and seconds < last:
        return CheckOutcome(
            HealthState.WARNING,
            f"{spec.host} rebooted: up {_ago(seconds)} (was up {_ago(last)} at the last check)",
            metrics,
        )
    return CheckOutcome(
        HealthState.OK,
        f"{spec.host} up {_ago(seconds)}" + (f" ({days:.1f} days)" if days >= 1 else ""),
        metrics,
    )


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
