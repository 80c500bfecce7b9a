"""What a launch needs, as data: argv, private files, stdin payload — printable with secrets redacted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from msp_console.remote.errors import CodedError

REDACTED = "********"


@dataclass(frozen=True, slots=True)
class Target:
    """Where and as whom to connect, after tunnel and credential resolution (host may be 127.0.0.1)."""

    protocol: str
    host: str
    port: int | None
    user: str = ""
    domain: str = ""
    password: str | None = None  # never printed, never on argv/env
    options: dict[str, Any] = field(default_factory=dict)
    host_key_alias: str = ""  # SSH through a tunnel: the real target's name in known_hosts
    known_hosts_line: str = ""  # SSH: the verified key of the real target


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file written in the private 0700 directory before the tool starts, removed after.

    ``producer`` (argv) writes it: the secret goes to the producer's stdin, its stdout is the file.
    """

    path: str
    mode: int = 0o600
    content: bytes = b""
    secret: bool = False
    producer: tuple[str, ...] = ()
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class LaunchPlan:
    tool: str  # e.g. "xfreerdp (FreeRDP 2)"
    argv: tuple[str, ...]
    files: tuple[PlannedFile, ...] = ()
    stdin: bytes | None = None  # fed to the tool's stdin, then closed
    stdin_purpose: str = ""
    env: dict[str, str] = field(default_factory=dict)  # added to the environment (never a secret)
    wait_argv: tuple[str, ...] = ()  # when argv returns at once (tmux -d): this one lasts the session
    exit_file: str = ""  # where the wrapped command writes its exit code (tmux)
    notes: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        """The dry-run view: exact argv and files, every secret replaced by a marker."""
        return {
            "tool": self.tool,
            "argv": list(self.argv),
            "env": dict(self.env),
            "stdin": None if self.stdin is None else f"{self.stdin_purpose} ({REDACTED})",
            "files": [
                {
                    "path": f.path,
                    "mode": oct(f.mode),
                    "written_by": " ".join(f.producer) if f.producer else "msp-console",
                    "content": REDACTED if f.secret else f.content.decode("utf-8", "replace"),
                    "purpose": f.purpose,
                }
                for f in self.files
            ],
            "wait_argv": list(self.wait_argv),
            "notes": list(self.notes),
        }


class MissingClientError(CodedError):
    """No installed tool can open this protocol on this OS; the message names what to install."""
