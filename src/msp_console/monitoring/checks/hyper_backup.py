"""hyper_backup: a Synology NAS's Hyper Backup tasks, through the DSM Web API, from this PC.

Params: ``user`` and ``password_ref`` (a DSM account without 2-step verification, its password in
the keyring), ``fingerprint`` / ``ca_file`` and ``url`` (default https://HOST:5001), ``task`` (one
task by name; default all), ``timezone`` (the NAS's, for the times DSM gives without one; default
this PC's), and the shared backup parameters.

Each task's last run (result, end time) and its destination's used size are judged by the shared
backup rules; a task that is not backupable (broken, unauthorised destination), a destination
offline, or a task with no next run are named beside them. DSM keeps only the last run, so the size
rule compares the destination's size with the one this check saw at its previous poll. Every call
is a POST (the password and the session id never appear in a URL); the session is logged out.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from msp_console.domain.backup_result import BackupRun, human_size
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.api_client import (
    ApiProblem,
    ApiSession,
    endpoint,
    reported,
    required,
    secret,
    shape_problem,
)
from msp_console.monitoring.checks.backup_judge import judge_check, limits
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

WHAT = "Synology DSM"
ENTRY = "/webapi/entry.cgi"
SESSION = "MSPConsole"
STATUS_FIELDS = ["last_bkp_time", "last_bkp_end_time", "last_bkp_result", "last_bkp_error", "next_bkp_time"]
# SYNO.API.Auth error codes (DSM Login Web API Guide), in the technician's words
LOGIN_ERRORS = {
    400: "no such account or wrong password",
    401: "the account is disabled",
    402: "the account may not use this service",
    403: "the account needs a 2-step verification code: use an account without it",
    404: "the 2-step verification code was refused",
    406: "the account must set up 2-step verification first",
    407: "too many failed logins: this address is blocked for now",
}
NOT_BACKUPABLE = {
    "error_detect": "DSM found an error in the task",
    "broken": "the backup is broken",
    "unauth": "the destination refused the task's credentials",
    "endofservice": "the destination service has ended",
    "relinkable": "the destination must be linked again",
}


def _run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    user = required(spec, "user", "a DSM account")
    ep = endpoint(spec, WHAT, 5001)
    password = secret(ctx, spec, "password_ref", "DSM password")
    zone = _zone(spec)
    with ApiSession(ep, current_deadline(spec), "check the account and its password in the keyring") as api:
        sid = _login(api, user, password)
        try:
            tasks = _call(api, sid, "SYNO.Backup.Task", "list")["task_list"]
            wanted = spec.params.get("task", "").strip()
            if wanted:
                tasks = [t for t in tasks if str(t["name"]).casefold() == wanted.casefold()]
                if not tasks:
                    raise ApiProblem(
                        HealthState.UNKNOWN, f"the NAS has no Hyper Backup task named {wanted!r}"
                    )
            details = []
            for task in tasks:
                status = _call(api, sid, "SYNO.Backup.Task", "status", task_id=task["task_id"],
                               additional=json.dumps(STATUS_FIELDS))  # fmt: skip
                target = _call(api, sid, "SYNO.Backup.Target", "get", task_id=task["task_id"],
                               additional=json.dumps(["is_online", "used_size"]))  # fmt: skip
                details.append((task, status, target))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise shape_problem(WHAT, exc) from None
        finally:
            _logout(api, sid)
    try:
        return _judge(spec, ctx, details, zone, datetime.now(UTC))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise shape_problem(WHAT, exc) from None


def _zone(spec: CheckSpec) -> tzinfo:
    name = spec.params.get("timezone", "").strip()
    if not name:
        local = datetime.now().astimezone().tzinfo
        return local or UTC
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        raise ApiProblem(
            HealthState.UNKNOWN, f"timezone={name!r} is not a time zone such as Europe/Rome"
        ) from None


def _login(api: ApiSession, user: str, password: str) -> str:
    form = {"api": "SYNO.API.Auth", "version": "6", "method": "login", "account": user,
            "passwd": password, "session": SESSION, "format": "sid"}  # fmt: skip
    answer = api.call("POST", ENTRY, form=form)
    if not isinstance(answer, dict) or not answer.get("success"):
        code = _error_code(answer)
        why = LOGIN_ERRORS.get(code, f"DSM error {code}")
        raise ApiProblem(HealthState.UNKNOWN, f"{WHAT} refused the login of {user}: {why}")
    try:
        return str(answer["data"]["sid"])
    except (KeyError, TypeError) as exc:
        raise shape_problem(WHAT, exc) from None


def _logout(api: ApiSession, sid: str) -> None:
    form = {"api": "SYNO.API.Auth", "version": "6", "method": "logout", "session": SESSION, "_sid": sid}
    with contextlib.suppress(ApiProblem):  # the session expires by itself; the result is already read
        api.call("POST", ENTRY, form=form)


def _error_code(answer: Any) -> int:
    try:
        return int(answer["error"]["code"])
    except (KeyError, TypeError, ValueError):
        return -1


def _call(api: ApiSession, sid: str, name: str, method: str, **fields: Any) -> Any:
    form = {
        "api": name,
        "version": "1",
        "method": method,
        "_sid": sid,
        **{k: str(v) for k, v in fields.items()},
    }
    answer = api.call("POST", ENTRY, form=form)
    if not isinstance(answer, dict) or not answer.get("success"):
        raise ApiProblem(
            HealthState.UNKNOWN, f"{WHAT} answered {name}.{method} with error {_error_code(answer)}"
        )
    return answer.get("data", {})


def _time(text: Any, zone: tzinfo) -> datetime | None:
    """DSM writes times as "2026/12/03 02:00" in the NAS's own zone."""
    if not text:
        return None
    return datetime.strptime(str(text), "%Y/%m/%d %H:%M").replace(tzinfo=zone)


def _judge(
    spec: CheckSpec,
    ctx: CheckContext,
    details: list[tuple[Mapping[str, Any], Mapping[str, Any], Mapping[str, Any]]],
    zone: tzinfo,
    now: datetime,
) -> CheckOutcome:
    jobs: dict[str, list[BackupRun]] = {}
    found: list[tuple[HealthState, str]] = []
    total_size = 0
    for task, status, target in details:
        name = str(task["name"])
        result = str(status.get("last_bkp_result") or "none")
        ended = _time(status.get("last_bkp_end_time") or status.get("last_bkp_time"), zone)
        size = target.get("used_size")
        total_size += int(size or 0)
        runs = jobs.setdefault(name, [])
        if result != "none" and ended is not None:
            ok = result == "done"
            error = str(status.get("last_bkp_error") or "")
            detail = "" if ok else (error or f"result {result}")
            runs.append(
                BackupRun(
                    ended.strftime("%Y-%m-%d %H:%M"), ended, ok, int(size) if ok and size else None, detail
                )
            )
        state = str(status.get("state") or task.get("state") or "")
        if state in NOT_BACKUPABLE:
            found.append((HealthState.CRITICAL, f"{name}: {NOT_BACKUPABLE[state]} (state {state})"))
        elif state == "restore_only":
            found.append((HealthState.WARNING, f"{name}: restore only, the task no longer backs up"))
        if target.get("is_online") is False:
            found.append((HealthState.CRITICAL, f"{name}: the backup destination is offline"))
        if not status.get("next_bkp_time"):
            found.append((HealthState.WARNING, f"{name}: no next run scheduled"))
    metrics: list[Metric] = []
    previous = ctx.last_metrics(spec.check_id).get("size")
    rules = limits(spec)
    if previous and total_size:
        ratio = total_size / previous
        moved = (
            f"the backup destinations hold {human_size(total_size)}, "
            f"{human_size(int(previous))} at the last check"
        )
        if ratio < rules.shrink_ratio:
            found.append((HealthState.CRITICAL, f"{moved}: versions deleted?"))
        elif ratio > rules.grow_ratio:
            found.append((HealthState.CRITICAL, f"{moved}: data encrypted by ransomware?"))
    judged_size = any(r.size_bytes is not None for runs in jobs.values() for r in runs)
    if total_size and not judged_size:  # the last run failed: the destination's size is still a figure
        metrics.append(Metric("size", float(total_size), "B"))
    return judge_check(spec, jobs, now, found, metrics)


run = reported(_run)
