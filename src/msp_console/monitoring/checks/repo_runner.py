"""Running a backup tool (restic, borg) on the machine over SSH or on the console's own PC.

Secrets never go on a command line: over SSH the remote shell reads ``NAME=value`` lines from
stdin and exports them before it ``exec``s the tool (the shell's ``read`` and ``export`` are
built-ins: no process is started with them); on the console the values go in the child's
environment. Either way a ``ps`` or ``/proc/*/cmdline`` shows the tool's flags only.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import paramiko

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.checks.sshconn import MAX_OUTPUT, CommandResult, SshProblem, connect, execute
from msp_console.monitoring.model import CheckSpec
from msp_console.redaction import register_url_password

# Read NAME=value lines up to an empty one, export each, then replace the shell with the tool.
_PRELUDE = 'while IFS= read -r l && [ -n "$l" ]; do export "$l"; done; exec '
MISSING = 127  # the shell's "command not found"


class ToolProblem(SshProblem):
    """The tool could not give an answer; carries the state to report and the words."""


@dataclass
class ToolRunner:
    """Runs the tool's commands in one place: ``transport`` set = on the machine, else locally."""

    where: str  # "host" or "this PC", for the technician's words
    deadline: Deadline
    env: Mapping[str, str]
    transport: paramiko.Transport | None = None
    commands: int = 0

    def run(self, argv: Sequence[str]) -> CommandResult:
        self.commands += 1
        if self.transport is not None:
            text = _PRELUDE + " ".join(shlex.quote(a) for a in argv)
            lines = "".join(f"{k}={v}\n" for k, v in self.env.items()) + "\n"
            return execute(self.transport, text, self.deadline, lines.encode())
        return _run_local(argv, self.env, self.deadline)

    def now(self) -> datetime:
        """The clock of the machine that runs the tool (snapshot times come from the same place)."""
        if self.transport is None:
            return datetime.now(UTC)
        out = execute(self.transport, "date +%s", self.deadline).stdout.strip()
        try:
            return datetime.fromtimestamp(int(out), UTC)
        except ValueError:
            return datetime.now(UTC)


def _run_local(argv: Sequence[str], env: Mapping[str, str], deadline: Deadline) -> CommandResult:
    try:
        proc = subprocess.Popen(
            list(argv),
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError:
        return CommandResult(MISSING, "", f"{argv[0]}: not found")
    except PermissionError as exc:
        return CommandResult(126, "", f"{argv[0]}: {exc.strerror}")
    deadline.on_expiry(proc.kill)
    try:
        out, err = proc.communicate(timeout=max(0.01, deadline.remaining()))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise ToolProblem(
            HealthState.CRITICAL, f"{argv[0]} did not finish within {deadline.timeout:g} s"
        ) from None
    if deadline.expired:
        raise ToolProblem(HealthState.CRITICAL, f"{argv[0]} did not finish within {deadline.timeout:g} s")
    if len(out) > MAX_OUTPUT:
        raise ToolProblem(HealthState.UNKNOWN, f"{argv[0]} printed more than 4 MiB")
    return CommandResult(proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"))


@contextlib.contextmanager
def tool_runner(
    spec: CheckSpec, ctx: CheckContext, deadline: Deadline, env: Mapping[str, str]
) -> Iterator[ToolRunner]:
    """On the machine over the check's SSH connection, or here with ``run_on=console``."""
    for name, value in env.items():
        register_url_password(value)  # a rest:https://user:password@… repository: never in a log
        if "\n" in value or "\r" in value or "\0" in value:
            raise ToolProblem(
                HealthState.UNKNOWN, f"the secret for {name} holds a line break: it cannot be used"
            )
    if spec.params.get("run_on", "machine") == "console":
        yield ToolRunner("this PC", deadline, env)
        return
    with connect(spec, ctx, deadline) as transport:
        yield ToolRunner(spec.host, deadline, env, transport)


def secret(ctx: CheckContext, ref: str, what: str) -> str:
    value = ctx.get_secret(ref)
    if not value:
        raise ToolProblem(
            HealthState.UNKNOWN,
            f"no {what} in the keyring under {ref!r}: store it with `msp-console secrets set {ref}`",
        )
    return value


def optional_secret(ctx: CheckContext, ref: str) -> str | None:
    return ctx.get_secret(ref) or None


def version_of(text: str, tool: str) -> tuple[int, ...] | None:
    match = re.search(rf"{tool}\S*\s+v?(\d+)\.(\d+)\.(\d+)", text)
    return tuple(int(g) for g in match.groups()) if match else None


def dotted(version: Sequence[int]) -> str:
    return ".".join(str(v) for v in version)


_URL_PASSWORD = re.compile(r"(://[^/\s:@]+:)[^@/\s]+@")


def masked(text: str) -> str:
    """Text with the password of any ``scheme://user:password@host`` in it replaced by ***."""
    return _URL_PASSWORD.sub(r"\1***@", text)


def first_line(text: str, limit: int = 200) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[0][:limit] if lines else ""


def unknown_flag(stderr: str) -> str | None:
    """The flag an older tool refused (restic's cobra and borg's argparse word it differently)."""
    match = (
        re.search(r"unknown flag: (--[-\w]+)", stderr)
        or re.search(r"unknown shorthand flag: '?\w'? in (-[-\w]+)", stderr)
        or re.search(r"unrecognized arguments: (-[-\w]+)", stderr)
    )
    return match.group(1) if match else None


def parse_time(text: str, naive_is_utc: bool = True) -> datetime:
    """ISO 8601 as restic (nanoseconds, offset) and borg (no zone: we run it with TZ=UTC) print it."""
    cleaned = re.sub(r"(\.\d{6})\d+", r"\1", text.strip()).replace("Z", "+00:00")
    moment = datetime.fromisoformat(cleaned)
    if moment.tzinfo is None:
        if not naive_is_utc:
            raise ValueError(f"{text!r} has no time zone")
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class RepoCheck:
    """The last repository verification (``restic check``, ``borg check``) of one check."""

    at: float  # Unix seconds
    ok: bool
    seconds: float
    words: str


class Memory:
    """What one process remembers between polls: verifications and sizes of immutable snapshots.

    The poller is long-lived; after a restart the first poll verifies again and re-reads sizes.
    """

    def __init__(self, max_sizes: int = 4096):
        self._lock = threading.Lock()
        self._checks: dict[tuple[int, str, str], RepoCheck] = {}
        self._sizes: dict[tuple[str, str, str], int] = {}
        self.max_sizes = max_sizes

    def last_check(self, key: tuple[int, str, str]) -> RepoCheck | None:
        with self._lock:
            return self._checks.get(key)

    def remember_check(self, key: tuple[int, str, str], result: RepoCheck) -> None:
        with self._lock:
            self._checks[key] = result

    def size(self, key: tuple[str, str, str]) -> int | None:
        with self._lock:
            return self._sizes.get(key)

    def remember_size(self, key: tuple[str, str, str], size: int) -> None:
        with self._lock:
            if len(self._sizes) >= self.max_sizes:
                self._sizes.pop(next(iter(self._sizes)))
            self._sizes[key] = size


def check_due(last: RepoCheck | None, every_hours: float, now: float | None = None) -> bool:
    if every_hours <= 0:
        return False
    return last is None or (now if now is not None else time.time()) - last.at >= every_hours * 3600
