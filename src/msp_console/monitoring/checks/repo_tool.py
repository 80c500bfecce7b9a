"""One backup tool (restic, borg) as a check sees it: its version, its refusals in words, and the
repository verification it runs on its own schedule."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from msp_console.domain.backup_result import BackupRun
from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.backup_judge import judge_check
from msp_console.monitoring.checks.repo_runner import (
    MISSING,
    Memory,
    RepoCheck,
    ToolProblem,
    ToolRunner,
    check_due,
    dotted,
    first_line,
    masked,
    unknown_flag,
    version_of,
)
from msp_console.monitoring.checks.sshconn import CommandResult
from msp_console.monitoring.model import CheckOutcome, CheckSpec, Metric


@dataclass(frozen=True)
class RepoTool:
    """What differs between restic and borg: names, the oldest usable release, how they refuse."""

    name: str
    package: str
    version_argv: tuple[str, ...]
    min_version: tuple[int, ...]
    min_reason: str
    wrong_password: tuple[str, ...]  # words in stderr when the password is wrong or missing
    no_repository: tuple[str, ...]  # ... when no repository is there
    locked: tuple[str, ...]  # ... when a running backup holds the lock


@dataclass
class ToolSession:
    """The tool on one machine during one poll: checks its version once, then runs its commands."""

    tool: RepoTool
    runner: ToolRunner
    binary: str
    repository: str
    version: tuple[int, ...] = ()

    def start(self) -> ToolSession:
        tool, where = self.tool, self.runner.where
        result = self.runner.run([self.binary, *tool.version_argv])
        if result.exit_status == MISSING or ("not found" in result.stderr and result.exit_status != 0):
            raise ToolProblem(
                HealthState.UNKNOWN,
                f"{tool.name} is not installed on {where} (nothing runs as {self.binary!r}): "
                f"install the {tool.package} package or give its path with --param binary=PATH",
            )
        version = version_of(result.stdout, tool.name)
        if result.exit_status != 0 or version is None:
            words = first_line(result.stderr) or first_line(result.stdout) or f"exit {result.exit_status}"
            raise ToolProblem(HealthState.UNKNOWN, f"cannot tell {tool.name}'s version on {where}: {words}")
        if version < tool.min_version:
            raise ToolProblem(
                HealthState.UNKNOWN,
                f"{tool.name} {dotted(version)} on {where} is too old: this check needs "
                f"{tool.name} {dotted(tool.min_version)} or later ({tool.min_reason})",
            )
        self.version = version
        return self

    def call(self, *args: str) -> CommandResult:
        """Runs ``tool args``; a refusal becomes the technician's words (UNKNOWN; CRITICAL if gone)."""
        result = self.runner.run([self.binary, *args])
        if result.exit_status == 0:
            return result
        raise self.refusal(args[0], result)

    def refusal(self, command: str, result: CommandResult) -> ToolProblem:
        """(A rest: or s3: URL's password never reaches the words.)"""
        problem = self._refusal(command, result)
        return ToolProblem(problem.state, masked(str(problem)))

    def _refusal(self, command: str, result: CommandResult) -> ToolProblem:
        tool, where, err = self.tool, self.runner.where, result.stderr
        flag = unknown_flag(err)
        if flag:
            return ToolProblem(
                HealthState.UNKNOWN,
                f"{tool.name} {dotted(self.version)} on {where} does not know {flag} "
                f"(used by `{tool.name} {command}`): update {tool.name}",
            )
        if any(words in err for words in tool.wrong_password):
            return ToolProblem(
                HealthState.UNKNOWN,
                f"wrong password for the {tool.name} repository {self.repository} (check the keyring entry)",
            )
        if any(words in err for words in tool.no_repository):
            return ToolProblem(
                HealthState.CRITICAL, f"no {tool.name} repository at {self.repository} (seen from {where})"
            )
        fatal = "\n".join(ln for ln in err.splitlines() if ln.startswith("Fatal:"))
        words = first_line(fatal or err) or f"exit {result.exit_status}"
        return ToolProblem(HealthState.UNKNOWN, f"`{tool.name} {command}` failed on {where}: {words}")

    def is_locked(self, result: CommandResult) -> bool:
        return any(words in result.stderr for words in self.tool.locked)


def scheduled_check(
    spec: CheckSpec,
    session: ToolSession,
    memory: Memory,
    args: Sequence[str],
    summarize: Callable[[CommandResult], str],
) -> tuple[RepoCheck | None, str]:
    """Runs the repository verification when ``check_every`` hours have passed since the last one.

    (the verification to report or None, a note): a repository locked by a running backup
    postpones the verification and keeps the previous result.
    """
    every = float(spec.params.get("check_every") or 0)
    key = (spec.check_id, spec.host, spec.params.get("repository", ""))
    last = memory.last_check(key)
    if not check_due(last, every):
        return last, ""
    started = time.monotonic()
    result = session.runner.run([session.binary, *args])
    seconds = round(time.monotonic() - started, 2)
    if result.exit_status != 0 and session.is_locked(result):
        return last, "repository check postponed: the repository is locked (a backup running?)"
    done = RepoCheck(time.time(), result.exit_status == 0, seconds, summarize(result))
    memory.remember_check(key, done)
    return done, ""


def judged_with_check(
    spec: CheckSpec,
    session: ToolSession,
    memory: Memory,
    jobs: Mapping[str, Sequence[BackupRun]],
    now: datetime,
    summarize: Callable[[CommandResult], str],
) -> CheckOutcome:
    """The backup judgement of ``jobs`` plus the repository verification (run when it is due).

    A failed verification is CRITICAL until one passes; a postponed one is only said in words.
    """
    done, note = scheduled_check(spec, session, memory, ["check"], summarize)
    found: list[tuple[HealthState, str]] = []
    metrics: list[Metric] = []
    if done is not None:
        if not done.ok:
            when = datetime.fromtimestamp(done.at, UTC).strftime("%Y-%m-%d %H:%M UTC")
            words = f"{session.tool.name} check at {when} failed ({done.seconds:.1f} s): {done.words}"
            found.append((HealthState.CRITICAL, words))
        metrics = [
            Metric("repo_check_ok", 1.0 if done.ok else 0.0),
            Metric("repo_check_s", done.seconds, "s"),
            Metric("repo_check_age", round(max(0.0, (time.time() - done.at) / 3600), 3), "h"),
        ]
    outcome = judge_check(spec, jobs, now, found, metrics)
    return replace(outcome, output=f"{outcome.output} ({note})") if note else outcome
