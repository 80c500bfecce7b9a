"""borg: the archives of a Borg repository, judged like every backup job.

Params as restic's: ``repository`` (a path on the machine or ``ssh://…``), ``password_ref`` (the
keyring entry of the passphrase; none for an unencrypted repository), ``run_on``, ``check_every``
(hours between ``borg check`` runs), ``binary``, the SSH params and the size params.

``borg list --json`` gives every archive; a checkpoint archive (``….checkpoint``, left by a run
that was interrupted) newer than the last complete one is a failed last run. ``borg info --json
--last N`` gives the newest complete archives' original sizes in one call. The passphrase and the
repository travel in Borg's environment (BORG_PASSPHRASE, BORG_REPO) on the side that runs it;
TZ=UTC makes Borg print its zone-less times in UTC.
"""

from __future__ import annotations

import json
import re
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
    parse_time,
    secret,
    tool_runner,
)
from msp_console.monitoring.checks.repo_tool import RepoTool, ToolSession, judged_with_check
from msp_console.monitoring.checks.runtime import current_deadline
from msp_console.monitoring.checks.sshconn import CommandResult, SshProblem
from msp_console.monitoring.model import CheckOutcome, CheckSpec

BORG = RepoTool(
    "borg",
    "borgbackup",
    ("--version",),
    (1, 1, 0),
    "for `borg list --json` and `borg info --json`",
    wrong_password=("is incorrect", "passphrase supplied"),
    no_repository=("does not exist", "is not a valid repository"),
    locked=("Failed to create/acquire the lock", "lock.exclusive"),
)
NEEDS_PASSPHRASE = "can not acquire a passphrase"
CHECKPOINT = re.compile(r"\.checkpoint(\.\d+)?$")
MEMORY = Memory()
# Borg asks before using a repository it has not seen or that moved: a monitor only reads, so yes.
_QUIET = {
    "BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK": "yes",
    "BORG_RELOCATED_REPO_ACCESS_IS_OK": "yes",
    "TZ": "UTC",
}


def run(spec: CheckSpec, ctx: CheckContext) -> CheckOutcome:
    repository = spec.params.get("repository", "").strip()
    if not repository:
        return CheckOutcome(HealthState.UNKNOWN, "borg needs the repository parameter")
    window = limits(spec).window  # a bad size parameter says so before anything runs
    try:
        env = {"BORG_REPO": repository, **_QUIET}
        ref = spec.params.get("password_ref", "").strip()
        if ref:
            env["BORG_PASSPHRASE"] = secret(ctx, ref, "borg passphrase")
        with tool_runner(spec, ctx, current_deadline(spec), env) as runner:
            return _judge(spec, runner, repository, window, bool(ref))
    except SshProblem as exc:
        return CheckOutcome(exc.state, str(exc))


def _judge(spec: CheckSpec, runner: ToolRunner, repository: str, window: int, has_ref: bool) -> CheckOutcome:
    binary = spec.params.get("binary", "").strip() or "borg"
    borg = ToolSession(BORG, runner, binary, repository).start()
    now = runner.now()
    # Borg 1.2 hides checkpoints unless asked; 1.1 always lists them (and has no such flag).
    flags = ["--consider-checkpoints"] if borg.version >= (1, 2) else []
    archives = _archives(_call(borg, has_ref, "list", "--json", "--bypass-lock", *flags))
    complete = [a for a in archives if not CHECKPOINT.search(a["name"])]
    sizes = _sizes(borg, has_ref, complete[-(window + 1) :])
    runs = [
        BackupRun(
            a["name"],
            a["when"],
            not CHECKPOINT.search(a["name"]),
            sizes.get(a["id"]),
            "" if not CHECKPOINT.search(a["name"]) else "interrupted (only a checkpoint archive was written)",
        )
        for a in archives
    ]
    return judged_with_check(spec, borg, MEMORY, {"": runs}, now, _check_words)


def _call(borg: ToolSession, has_ref: bool, *args: str) -> CommandResult:
    result = borg.runner.run([borg.binary, *args])
    if result.exit_status == 0:
        return result
    if NEEDS_PASSPHRASE in result.stderr and not has_ref:
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"the borg repository {borg.repository} is encrypted: store its passphrase with "
            "`msp-console secrets set REF` and add --param password_ref=REF",
        )
    raise borg.refusal(args[0], result)


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        raise ToolProblem(
            HealthState.UNKNOWN, f"borg printed no {what} in JSON: {first_line(text, 80) or 'nothing'}"
        ) from None


def _archives(result: CommandResult) -> list[dict[str, Any]]:
    data = _json(result.stdout, "archive list")
    items = data.get("archives") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ToolProblem(HealthState.UNKNOWN, "borg's archive list is not shaped as expected (no archives)")
    out = []
    for item in items:
        try:
            when = parse_time(str(item.get("time") or item["start"]))
            out.append({"name": str(item["name"]), "id": str(item.get("id", "")), "when": when})
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ToolProblem(
                HealthState.UNKNOWN, f"borg listed an archive I cannot read: {item!r:.80}"
            ) from None
    return sorted(out, key=lambda a: a["when"])


def _sizes(borg: ToolSession, has_ref: bool, newest: list[dict[str, Any]]) -> dict[str, int]:
    """Original sizes of the newest complete archives: remembered ones, else one ``borg info``."""
    keys = {a["id"]: (borg.runner.where, borg.repository, a["id"]) for a in newest}
    known = {aid: MEMORY.size(key) for aid, key in keys.items()}
    if newest and any(v is None for v in known.values()):
        info = _json(
            _call(borg, has_ref, "info", "--json", "--bypass-lock", "--last", str(len(newest))).stdout,
            "archive sizes",
        )
        for item in info.get("archives", []) if isinstance(info, dict) else []:
            try:
                size = int(item["stats"]["original_size"])
            except (KeyError, TypeError, ValueError):
                continue
            if str(item.get("id")) in keys:
                known[str(item["id"])] = size
                MEMORY.remember_size(keys[str(item["id"])], size)
    return {aid: size for aid, size in known.items() if size is not None}


def _check_words(result: CommandResult) -> str:
    """What `borg check` says is wrong, without its per-object index lines."""
    if result.exit_status == 0:
        return "no problems found"
    noise = ("ID:", "committed index", "rebuilt index", "Enter passphrase", "/usr/lib/")
    lines = [
        ln.strip() for ln in result.stderr.splitlines() if ln.strip() and not ln.strip().startswith(noise)
    ]
    return "; ".join(lines[:3])[:300] or f"exit {result.exit_status}"
