"""veeam: Veeam Backup & Replication backup jobs, through its REST API v1, from this PC.

Params: ``user`` and ``password_ref`` (a VBR account, e.g. with the Veeam Backup Viewer role; its
password in the keyring), ``fingerprint`` / ``ca_file`` and ``url`` (default https://HOST:9419),
``job`` (one job by name; default every enabled job), ``api_version`` (the ``x-api-version`` header,
default 1.1-rev0, which VBR 12 and later accept), and the shared backup parameters.

Each job's sessions (result, end time) are the runs of the shared judgement; the transferred size
of a session is the sum of its task sessions' ``progress.transferredSize``, read for the newest
sessions only (as many as the size rule's window needs). A session that ended with a warning
counts as a backup made, and the warning is named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from msp_console.domain.backup_result import BackupRun
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
from msp_console.monitoring.model import CheckOutcome, CheckSpec

WHAT = "Veeam Backup & Replication"
PAGE = 1000
DONE_RESULTS = {"Success": True, "Warning": True, "Failed": False}


def _run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    user = required(spec, "user", "a Veeam account")
    ep = endpoint(spec, WHAT, 9419)
    password = secret(ctx, spec, "password_ref", "Veeam password")
    window = limits(spec).window
    hint = f"check the account {user} and its password in the keyring"
    with ApiSession(ep, current_deadline(spec), hint) as api:
        api.headers["x-api-version"] = spec.params.get("api_version", "").strip() or "1.1-rev0"
        _log_in(api, user, password)
        try:
            jobs = _jobs(api, spec.params.get("job", "").strip())
            newest_first = {
                "typeFilter": "BackupJob",
                "limit": PAGE,
                "orderColumn": "CreationTime",
                "orderAsc": "false",
            }
            sessions = api.get("/api/v1/sessions", newest_first)["data"]
            by_job = _sessions_by_job(jobs, sessions)
            sizes = {
                s["id"]: _transferred(api, s["id"]) for runs in by_job.values() for s in runs[: window + 1]
            }
            return _judge(spec, jobs, by_job, sizes, datetime.now(UTC))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise shape_problem(WHAT, exc) from None


def _log_in(api: ApiSession, user: str, password: str) -> None:
    """OAuth2 password grant: POST /api/oauth2/token → a bearer token for the next requests."""
    form = {"grant_type": "password", "username": user, "password": password}
    try:
        answer = api.call("POST", "/api/oauth2/token", form=form)
    except ApiProblem as problem:
        if "HTTP 400" in str(problem):  # VBR answers a wrong password with 400 invalid_grant
            raise ApiProblem(HealthState.UNKNOWN, f"{WHAT} refused the login of {user}: {problem}") from None
        raise
    try:
        api.headers["Authorization"] = f"Bearer {answer['access_token']}"
    except (KeyError, TypeError) as exc:
        raise shape_problem(WHAT, exc) from None


def _jobs(api: ApiSession, wanted: str) -> dict[str, str]:
    """{job id: name} of the enabled jobs (or the one named ``wanted``)."""
    listed = api.get("/api/v1/jobs", {"limit": PAGE})["data"]
    jobs = {str(j["id"]): str(j["name"]) for j in listed if not j.get("isDisabled")}
    if not wanted:
        return jobs
    chosen = {i: n for i, n in jobs.items() if n.casefold() == wanted.casefold()}
    if not chosen:
        names = ", ".join(sorted(jobs.values())) or "none"
        raise ApiProblem(HealthState.UNKNOWN, f"{WHAT} has no enabled job named {wanted!r} (jobs: {names})")
    return chosen


def _sessions_by_job(jobs: Mapping[str, str], sessions: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Each job's finished sessions, newest first."""
    out: dict[str, list[Any]] = {job_id: [] for job_id in jobs}
    for s in sessions:
        job_id = str(s.get("jobId") or s.get("resourceId") or "")
        if job_id in out and s.get("state") == "Stopped" and s.get("endTime"):
            out[job_id].append(s)
    for runs in out.values():
        runs.sort(key=lambda s: _at(s["endTime"]), reverse=True)
    return out


def _transferred(api: ApiSession, session_id: str) -> int | None:
    tasks = api.get(f"/api/v1/sessions/{quote(session_id)}/taskSessions", {"limit": PAGE})["data"]
    sizes = [
        t["progress"]["transferredSize"]
        for t in tasks
        if (t.get("progress") or {}).get("transferredSize") is not None
    ]
    return int(sum(sizes)) if sizes else None


def _at(text: str) -> datetime:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _judge(
    spec: CheckSpec,
    jobs: Mapping[str, str],
    by_job: Mapping[str, Sequence[Mapping[str, Any]]],
    sizes: Mapping[str, int | None],
    now: datetime,
) -> CheckOutcome:
    runs: dict[str, list[BackupRun]] = {}
    found: list[tuple[HealthState, str]] = []
    for job_id, sessions in by_job.items():
        name = jobs[job_id]
        job_runs = runs.setdefault(name, [])
        for s in sessions:
            result = s.get("result") or {}
            verdict = str(result.get("result") or "None")
            if verdict not in DONE_RESULTS:
                continue
            ok = DONE_RESULTS[verdict]
            message = str(result.get("message") or "")
            detail = "" if ok else (message or verdict)
            job_runs.append(
                BackupRun(
                    str(s.get("name") or name),
                    _at(s["endTime"]),
                    ok,
                    sizes.get(s["id"]) if ok else None,
                    detail,
                )
            )
        if sessions and (sessions[0].get("result") or {}).get("result") == "Warning":
            why = (sessions[0].get("result") or {}).get("message") or "no details"
            found.append((HealthState.WARNING, f"{name}: last run ended with a warning: {why}"))
    return judge_check(spec, runs, now, found)


run = reported(_run)
