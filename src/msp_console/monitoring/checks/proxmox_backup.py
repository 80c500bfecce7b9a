"""proxmox_backup: a Proxmox Backup Server's backup groups, through its REST API, from this PC.

Params: ``token_id`` (``USER@REALM!TOKENID``, e.g. ``monitor@pbs!console``), ``token_ref`` (the
keyring name of the token's secret), ``fingerprint`` (the server certificate's SHA-256, as the PBS
dashboard shows it; else the chain is verified, ``ca_file`` adds a CA), ``url`` (default
https://HOST:8007), ``datastore`` / ``group`` (only these, e.g. ``store1`` / ``vm/100``),
``namespace`` (a datastore namespace such as ``clients/rossi``; default the root),
``usage_warn`` / ``usage_crit`` (datastore use in %, 80 / 90), and the shared backup parameters.

Per datastore group (``store:vm/100``): the snapshots (successful runs, with their size) and the
failed backup tasks are the runs the shared judgement reads; the newest snapshot's verify state,
the last garbage collection task and the datastore's fill level are judged beside them. The token
needs only the Datastore.Audit role (and Sys.Audit on /system/tasks to see failed tasks).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from msp_console.domain.backup_result import BackupRun
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.api_client import (
    ApiProblem,
    ApiSession,
    endpoint,
    reported,
    secret,
    shape_problem,
)
from msp_console.monitoring.checks.backup_judge import judge_check
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric

WHAT = "Proxmox Backup Server"
API = "/api2/json"
TASK_DAYS = 14  # failed tasks older than this no longer matter: the snapshots say the rest


def _run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    token_id = spec.params.get("token_id", "").strip()
    if "!" not in token_id:
        raise ApiProblem(HealthState.UNKNOWN, "token_id must be the API token's id, USER@REALM!TOKENID")
    ep = endpoint(spec, WHAT, 8007)
    token = secret(ctx, spec, "token_ref", "API token secret")
    now = datetime.now(UTC)
    hint = f"check that the token {token_id} exists and that its secret under token_ref is right"
    with ApiSession(ep, current_deadline(spec), hint) as api:
        api.headers["Authorization"] = f"PBSAPIToken={token_id}:{token}"
        try:
            stores = _stores(api, spec.params.get("datastore", "").strip())
            namespace = spec.params.get("namespace", "").strip()
            listed = {}
            for store in stores:
                base = f"{API}/admin/datastore/{quote(store)}"
                snapshots = api.get(f"{base}/snapshots", {"ns": namespace} if namespace else None)
                listed[store] = (_data(snapshots), _data(api.get(f"{base}/status")))
            since = int((now - timedelta(days=TASK_DAYS)).timestamp())
            try:
                tasks = _data(api.get(f"{API}/nodes/localhost/tasks", {"since": since, "limit": 1000}))
            except ApiProblem as problem:
                if problem.status != 403:
                    raise
                tasks = None  # the token may read the datastores but not the tasks of other users
            return _judge(spec, listed, tasks, now)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise shape_problem(WHAT, exc) from None


def _data(answer: Any) -> Any:
    """PBS wraps every answer as {"data": …}."""
    return answer["data"]


def _stores(api: ApiSession, wanted: str) -> list[str]:
    names = [str(d["store"]) for d in _data(api.get(f"{API}/admin/datastore"))]
    if not wanted:
        return names
    if wanted not in names:
        seen = ", ".join(names) or "none"
        raise ApiProblem(
            HealthState.UNKNOWN,
            f"the {WHAT} has no datastore {wanted!r} visible to this token (it sees: {seen})",
        )
    return [wanted]


def _at(epoch: Any) -> datetime:
    return datetime.fromtimestamp(int(epoch), UTC)


def _judge(
    spec: CheckSpec,
    listed: Mapping[str, tuple[Sequence[Mapping[str, Any]], Mapping[str, Any]]],
    tasks: Sequence[Mapping[str, Any]] | None,
    now: datetime,
) -> CheckOutcome:
    only_group = spec.params.get("group", "").strip()
    jobs: dict[str, list[BackupRun]] = {}
    newest: dict[str, Mapping[str, Any]] = {}
    for store, (snapshots, _) in listed.items():
        for snap in snapshots:
            group = f"{snap['backup-type']}/{snap['backup-id']}"
            if only_group and group != only_group:
                continue
            key = f"{store}:{group}"
            when = _at(snap["backup-time"])
            size = snap.get("size")
            jobs.setdefault(key, []).append(
                BackupRun(
                    when.strftime("%Y-%m-%dT%H:%M:%SZ"), when, True, int(size) if size is not None else None
                )
            )
            if key not in newest or snap["backup-time"] > newest[key]["backup-time"]:
                newest[key] = snap
    found: list[tuple[HealthState, str]] = []
    if tasks is None:
        found.append((HealthState.WARNING, "the token may not read the tasks (give it Sys.Audit on "
                      "/system/tasks): a failed backup shows only as an old one"))  # fmt: skip
    last_gc: dict[str, Mapping[str, Any]] = {}
    for task in tasks or ():
        kind, worker, status = task.get("worker_type"), str(task.get("worker_id") or ""), task.get("status")
        if task.get("endtime") is None or status is None:
            continue  # still running
        if kind == "backup" and status != "OK":
            store, _, group = worker.partition(":")
            if store in listed and (not only_group or group == only_group):
                jobs.setdefault(f"{store}:{group}", []).append(
                    BackupRun(f"task {group}", _at(task["endtime"]), False, detail=str(status))
                )
        elif (
            kind == "garbage_collection"
            and worker in listed
            and (worker not in last_gc or task["endtime"] > last_gc[worker]["endtime"])
        ):
            last_gc[worker] = task
    for key, snap in sorted(newest.items()):
        verification = snap.get("verification") or {}
        if verification.get("state") == "failed":
            found.append((HealthState.CRITICAL, f"{key}: verification of the newest snapshot failed"))
    for store, task in sorted(last_gc.items()):
        if task["status"] != "OK":
            found.append((HealthState.WARNING, f"{store}: last garbage collection failed: {task['status']}"))
    metrics: list[Metric] = []
    warn, crit = _percent(spec, "usage_warn", 80.0), _percent(spec, "usage_crit", 90.0)
    fullest = 0.0
    for store, (_, status) in sorted(listed.items()):
        total, used = float(status["total"]), float(status["used"])
        percent = 100.0 * used / total if total else 0.0
        fullest = max(fullest, percent)
        if percent >= crit:
            found.append((HealthState.CRITICAL, f"datastore {store} is {percent:.0f}% full"))
        elif percent >= warn:
            found.append((HealthState.WARNING, f"datastore {store} is {percent:.0f}% full"))
    if listed:
        metrics.append(Metric("datastore_used", round(fullest, 1), "%", warn, crit))
    return judge_check(spec, jobs, now, found, metrics)


def _percent(spec: CheckSpec, name: str, default: float) -> float:
    raw = spec.params.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        raise ApiProblem(
            HealthState.UNKNOWN, f"{name}={raw!r} must be a percentage, e.g. {default:g}"
        ) from None


run = reported(_run)
