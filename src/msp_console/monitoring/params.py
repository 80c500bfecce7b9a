"""Checking what a technician typed for a check: type, parameters, thresholds, interval.

Parameter names follow the issue: tcp ``port``; http ``url``, ``expect_status``, ``contains``,
``verify``; ssh/plugin ``command``, ``port``, ``user``; snmp ``oid``, ``community`` (or v3
``user``...); ping ``count``. Unknown names are refused so a typo is not silently ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from msp_console.domain.backup_kinds import BACKUP_CHECK_KINDS
from msp_console.domain.backup_result import size_param_errors
from msp_console.domain.check_defaults import FACTORY, CheckDefaults
from msp_console.domain.errors import FieldError, ValidationError
from msp_console.monitoring.checks.api_params import API_REQUIRED, api_param_errors
from msp_console.monitoring.checks.catalog import PARAMS, threshold_field_errors
from msp_console.monitoring.model import CheckType

# The check implementations' own catalog decides which parameters each type reads; the engine
# adds ``timeout`` (seconds, the check's hard deadline).
_COMMON = {"timeout"}
ALLOWED: dict[CheckType, frozenset[str]] = PARAMS
REQUIRED: dict[CheckType, set[str]] = {
    CheckType.TCP: {"port"},
    CheckType.PLUGIN: {"command"},
    CheckType.RESTIC: {"repository", "password_ref"},  # a restic repository is always encrypted
    CheckType.BORG: {"repository"},  # a Borg repository may be unencrypted
    **API_REQUIRED,
}
# Kinds that open a backup repository (a key derivation, index loads): hourly, 2 minutes to answer,
# unless the technician says otherwise.
SLOW_KINDS: dict[CheckType, tuple[int, float]] = {
    CheckType.RESTIC: (3600, 120.0),
    CheckType.BORG: (3600, 120.0),
    # backup appliances' APIs: a quarter of an hour is plenty for nightly jobs; several requests each
    CheckType.PROXMOX_BACKUP: (900, 30.0),
    CheckType.HYPER_BACKUP: (900, 30.0),
    CheckType.VEEAM: (900, 30.0),
}
MIN_INTERVAL_S = 5
MAX_INTERVAL_S = 86_400


@dataclass(frozen=True, slots=True)
class CheckFields:
    type: CheckType
    name: str
    params: dict[str, str]
    warn: str
    crit: str
    interval_s: int
    max_attempts: int = 3
    timeout_s: float = 10.0

    @property
    def retry_interval_s(self) -> int:
        """While a problem is soft it is re-checked sooner: a third of the interval, 5–60 s."""
        return max(5, min(self.interval_s // 3, 60))


def parse_kv(text: str, sep: str = ";", field: str = "params", line: int | None = None) -> dict[str, str]:
    """``k=v;k=v`` (CSV) or a list of ``k=v`` (command line) into a dict."""
    out: dict[str, str] = {}
    for part in (p.strip() for p in text.split(sep)):
        if not part:
            continue
        key, eq, value = part.partition("=")
        if not eq or not key.strip():
            raise ValidationError([FieldError(field, f"'{part}' is not key=value", line)])
        out[key.strip().lower()] = value.strip()
    return out


def clean_check(
    type_: str,
    name: str,
    params: Mapping[str, str],
    warn: str = "",
    crit: str = "",
    interval: str | int | None = None,
    line: int | None = None,
    defaults: CheckDefaults = FACTORY,
) -> CheckFields:
    errors: list[FieldError] = []
    try:
        ctype = CheckType(type_.strip().lower())
    except ValueError:
        raise ValidationError(
            [
                FieldError(
                    "type",
                    f"unknown check type '{type_}' (expected one of: {', '.join(CheckType)})",
                    line,
                )
            ]
        ) from None
    allowed = ALLOWED[ctype] | _COMMON
    for key in sorted(set(params) - allowed):
        errors.append(
            FieldError(
                "params",
                f"'{key}' is not a {ctype.value} parameter (expected some of: {', '.join(sorted(allowed))})",
                line,
                "unknown_param",
                {"param": key, "type": ctype.value},
            )
        )
    for key in sorted(REQUIRED.get(ctype, set()) - set(params)):
        errors.append(
            FieldError("params", f"a {ctype.value} check needs '{key}'", line, "param_needed", {"param": key})
        )
    for key in ("port",):
        if key in params and not (params[key].isdigit() and 1 <= int(params[key]) <= 65535):
            errors.append(
                FieldError(
                    "params", f"{key} must be a number from 1 to 65535", line, "port_range", {"param": key}
                )
            )
    for key in ("count", "expect_status", "timeout", "check_every"):
        if key in params and not params[key].replace(".", "", 1).isdigit():
            errors.append(
                FieldError("params", f"{key} must be a number", line, "param_number", {"param": key})
            )
    if ctype.value in BACKUP_CHECK_KINDS:
        errors.extend(size_param_errors(params, line))
    errors.extend(api_param_errors(ctype, params, line))
    if params.get("run_on", "machine") not in ("machine", "console"):
        where = {"value": params["run_on"], "allowed": "machine, console"}
        errors.append(FieldError("params", "run_on must be machine or console", line, "choice", where))
    interval_s, timeout_default = SLOW_KINDS.get(ctype, (defaults.interval_s, defaults.timeout_s))
    if interval not in (None, ""):
        text = str(interval).strip().lower().removesuffix("s")
        if not text.isdigit() or not MIN_INTERVAL_S <= int(text) <= MAX_INTERVAL_S:
            errors.append(
                FieldError(
                    "interval",
                    f"must be whole seconds from {MIN_INTERVAL_S} to {MAX_INTERVAL_S}",
                    line,
                    "interval_range",
                    {"low": str(MIN_INTERVAL_S), "high": str(MAX_INTERVAL_S)},
                )
            )
        else:
            interval_s = int(text)
    for label, value in (("warn", warn), ("crit", crit)):
        if len(value) > 100:
            errors.append(
                FieldError(label, "is too long (at most 100 characters)", line, "too_long", {"limit": "100"})
            )
    errors.extend(threshold_field_errors(ctype, warn, crit, line))
    clean_name = (name or "").strip() or default_name(ctype, params)
    if len(clean_name) > 100:
        errors.append(
            FieldError("name", "is too long (at most 100 characters)", line, "too_long", {"limit": "100"})
        )
    if errors:
        raise ValidationError(errors)
    timeout_s = float(params.get("timeout", "") or timeout_default)
    return CheckFields(
        ctype, clean_name, dict(params), warn.strip(), crit.strip(), interval_s, defaults.attempts, timeout_s
    )


def default_name(ctype: CheckType, params: Mapping[str, str]) -> str:
    if ctype is CheckType.TCP:
        return f"tcp {params.get('port', '')}".strip()
    if ctype is CheckType.SNMP and params.get("oid"):
        return f"snmp {params['oid']}"
    return ctype.value
