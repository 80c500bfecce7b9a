"""restic: the snapshots of a repository, judged per host/paths/tags like every backup job.

Params: ``repository`` (a path on the machine, or ``sftp:``, ``rest:``, ``s3:`` ...),
``password_ref`` (the keyring entry holding the repository password; an ``s3:`` repository also
reads ``<ref>:aws_access_key_id`` and ``<ref>:aws_secret_access_key`` when stored),
``run_on`` (``machine``: over the check's SSH connection, default; ``console``: on this PC),
``check_every`` (hours between ``restic check`` runs; unset: never), ``binary`` (restic's path),
plus the SSH params and the size params of every backup kind. Thresholds: ``age`` in hours.

Each snapshot's size is its restore size: from the snapshot's ``summary`` (restic 0.17+) or one
``restic stats`` per snapshot, remembered (a snapshot never changes) so later polls read only the
new ones. The repository and password travel in restic's environment (RESTIC_REPOSITORY,
RESTIC_PASSWORD), never on its command line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from msp_console.domain.backup_result import BackupRun
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.backup_judge import limits
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.repo_runner import (
    Memory,
    ToolProblem,
    ToolRunner,
    first_line,
    optional_secret,
    parse_time,
    secret,
    tool_runner,
)
from msp_console.monitoring.checks.repo_tool import RepoTool, ToolSession, judged_with_check
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.checks.sshconn import CommandResult, SshProblem
from msp_console.monitoring.model import CheckOutcome, CheckSpec

RESTIC = RepoTool(
    "restic",
    "restic",
    ("version",),
    (0, 9, 0),
    "for `restic stats` and `snapshots --json`",
    wrong_password=("wrong password", "no key found"),
    no_repository=("Is there a repository at the following location?", "repository does not exist"),
    locked=("repository is already locked", "unable to create lock"),
)
MEMORY = Memory()


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    repository = spec.params.get("repository", "").strip()
    ref = spec.params.get("password_ref", "").strip()
    if not repository or not ref:
        return CheckOutcome(HealthState.UNKNOWN, "restic needs the repository and password_ref parameters")
    window = limits(spec).window  # a bad size parameter says so before anything runs
    try:
        env = {"RESTIC_REPOSITORY": repository, "RESTIC_PASSWORD": secret(ctx, ref, "restic password")}
        if repository.startswith("s3:"):
            for name in ("aws_access_key_id", "aws_secret_access_key"):
                value = optional_secret(ctx, f"{ref}:{name}")
                if value:
                    env[name.upper()] = value
        with tool_runner(spec, ctx, current_deadline(spec), env) as runner:
            return _judge(spec, runner, repository, window)
    except SshProblem as exc:
        return CheckOutcome(exc.state, str(exc))


def _judge(spec: CheckSpec, runner: ToolRunner, repository: str, window: int) -> CheckOutcome:
    binary = spec.params.get("binary", "").strip() or "restic"
    restic = ToolSession(RESTIC, runner, binary, repository).start()
    now = runner.now()
    snapshots = _snapshot_list(restic.call("snapshots", "--json", "--no-lock").stdout)
    groups: dict[str, list[dict[str, Any]]] = {}
    for snap in snapshots:
        groups.setdefault(_group_name(snap), []).append(snap)
    jobs: dict[str, list[BackupRun]] = {}
    for name, snaps in groups.items():
        snaps.sort(key=_when)  # by the moment: restic prints each time in its own zone
        newest = snaps[-(window + 1) :]  # only these need a size
        jobs[name] = [_run_of(s, _size(restic, s) if any(s is n for n in newest) else None) for s in snaps]
    return judged_with_check(spec, restic, MEMORY, jobs, now, _check_words)


def _snapshot_list(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except ValueError:
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"restic printed no snapshot list in JSON: {first_line(text, 80) or 'nothing'}",
        ) from None
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(s, dict) and "time" in s for s in data):
        raise ToolProblem(HealthState.UNKNOWN, "restic's snapshot list is not shaped as expected (no times)")
    return data


def _group_name(snap: Mapping[str, Any]) -> str:
    paths = ",".join(sorted(str(p) for p in snap.get("paths") or []))
    tags = ",".join(sorted(str(t) for t in snap.get("tags") or []))
    return f"{snap.get('hostname', '?')}:{paths}" + (f" [{tags}]" if tags else "")


def _when(snap: Mapping[str, Any]) -> datetime:
    try:
        return parse_time(str(snap["time"]))
    except ValueError:
        raise ToolProblem(
            HealthState.UNKNOWN, f"restic printed a snapshot time I cannot read: {snap['time']!r}"
        ) from None


def _run_of(snap: Mapping[str, Any], size: int | None) -> BackupRun:
    label = str(snap.get("short_id") or str(snap.get("id", "?"))[:8])
    return BackupRun(label, _when(snap), True, size)


def _size(restic: ToolSession, snap: Mapping[str, Any]) -> int | None:
    summary = snap.get("summary")
    if isinstance(summary, dict) and isinstance(summary.get("total_bytes_processed"), int):
        return int(summary["total_bytes_processed"])
    key = (restic.runner.where, restic.repository, str(snap["id"]))
    known = MEMORY.size(key)
    if known is not None:
        return known
    result = restic.call("stats", "--json", "--no-lock", str(snap["id"]))
    try:
        size = int(json.loads(result.stdout)["total_size"])
    except (ValueError, KeyError, TypeError):
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"restic stats printed no size in JSON: {first_line(result.stdout, 80) or 'nothing'}",
        ) from None
    MEMORY.remember_size(key, size)
    return size


def _check_words(result: CommandResult) -> str:
    """The first problems `restic check` names (its errors go to stdout and stderr)."""
    lines = [
        ln.strip()
        for ln in (result.stdout + "\n" + result.stderr).splitlines()
        if ln.strip().lower().startswith(("error", "fatal", "pack ", "tree ", "blob "))
    ]
    if result.exit_status == 0:
        return "no errors were found"
    return "; ".join(lines[:3])[:300] or first_line(result.stderr) or f"exit {result.exit_status}"
