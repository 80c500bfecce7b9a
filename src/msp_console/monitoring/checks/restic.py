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
from collections.abc import Mapping, Sequence
from typing import Any

from msp_console.domain.backup_result import BackupRun
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.backup_judge import judge_check, limits
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.repo_tools import (
    MISSING,
    Memory,
    ToolProblem,
    ToolRunner,
    check_findings,
    dotted,
    first_line,
    optional_secret,
    parse_time,
    scheduled_check,
    secret,
    tool_runner,
    unknown_flag,
    version_of,
)
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.checks.sshconn import CommandResult, SshProblem
from msp_console.monitoring.model import CheckOutcome, CheckSpec

MIN_VERSION = (0, 9, 0)  # `restic stats` and `snapshots --json` as read here
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
    version = _version(runner, binary)
    now = runner.now()
    listed = _restic(runner, [binary, "snapshots", "--json", "--no-lock"], version, repository)
    snapshots = _snapshot_list(listed.stdout)
    groups: dict[str, list[dict[str, Any]]] = {}
    for snap in snapshots:
        groups.setdefault(_group_name(snap), []).append(snap)
    jobs: dict[str, list[BackupRun]] = {}
    for name, snaps in groups.items():
        snaps.sort(key=lambda s: str(s.get("time", "")))
        sized = {str(s.get("id")) for s in snaps[-(window + 1) :]}
        jobs[name] = [
            _run_of(s, _size(runner, binary, version, repository, s) if s.get("id") in sized else None)
            for s in snaps
        ]
    done, note = scheduled_check(
        spec, runner, MEMORY, [binary, "check"], _check_words, lambda r: "locked" in r.stderr.lower()
    )
    found, metrics = check_findings("restic", done, note)
    outcome = judge_check(spec, jobs, now, found, metrics)
    return outcome if not note else CheckOutcome(outcome.state, f"{outcome.output} ({note})", outcome.metrics)


def _version(runner: ToolRunner, binary: str) -> tuple[int, ...]:
    result = runner.run([binary, "version"])
    if result.exit_status == MISSING or ("not found" in result.stderr and result.exit_status != 0):
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"restic is not installed on {runner.where} (nothing runs as {binary!r}): "
            "install the restic package or give its path with --param binary=PATH",
        )
    version = version_of(result.stdout, "restic")
    if result.exit_status != 0 or version is None:
        words = first_line(result.stderr) or first_line(result.stdout) or f"exit {result.exit_status}"
        raise ToolProblem(HealthState.UNKNOWN, f"cannot tell restic's version on {runner.where}: {words}")
    if version < MIN_VERSION:
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"restic {dotted(version)} on {runner.where} is too old: this check needs "
            f"restic {dotted(MIN_VERSION)} or later (for `restic stats` and `snapshots --json`)",
        )
    return version


def _restic(
    runner: ToolRunner, argv: Sequence[str], version: tuple[int, ...], repository: str
) -> CommandResult:
    """Runs restic; turns a refusal into the technician's words (UNKNOWN, or CRITICAL if gone)."""
    result = runner.run(argv)
    if result.exit_status == 0:
        return result
    err = result.stderr
    flag = unknown_flag(err)
    if flag:
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"restic {dotted(version)} on {runner.where} does not know {flag} (used by `restic {argv[1]}`): "
            "update restic",
        )
    if "wrong password" in err or "no key found" in err:
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"wrong password for the restic repository {repository} (check the keyring entry)",
        )
    if "Is there a repository at the following location?" in err or "repository does not exist" in err:
        raise ToolProblem(
            HealthState.CRITICAL, f"no restic repository at {repository} (seen from {runner.where})"
        )
    words = first_line(_fatal(err) or err) or f"exit {result.exit_status}"
    raise ToolProblem(HealthState.UNKNOWN, f"`restic {argv[1]}` failed on {runner.where}: {words}")


def _fatal(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if ln.startswith("Fatal:"))


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


def _run_of(snap: Mapping[str, Any], size: int | None) -> BackupRun:
    try:
        when = parse_time(str(snap["time"]))
    except ValueError:
        raise ToolProblem(
            HealthState.UNKNOWN, f"restic printed a snapshot time I cannot read: {snap['time']!r}"
        ) from None
    label = str(snap.get("short_id") or str(snap.get("id", "?"))[:8])
    return BackupRun(label, when, True, size)


def _size(
    runner: ToolRunner, binary: str, version: tuple[int, ...], repository: str, snap: Mapping[str, Any]
) -> int | None:
    summary = snap.get("summary")
    if isinstance(summary, dict) and isinstance(summary.get("total_bytes_processed"), int):
        return int(summary["total_bytes_processed"])
    key = (runner.where, repository, str(snap["id"]))
    known = MEMORY.size(key)
    if known is not None:
        return known
    result = _restic(runner, [binary, "stats", "--json", "--no-lock", str(snap["id"])], version, repository)
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
