"""One SSH connection per poll: TCP (TCP_NODELAY) → key exchange → host-key check → auth → exec.

The host key is checked against the console's store right after the key exchange and BEFORE any
authentication, so a changed key never receives a password or a signature. Fresh connection per
poll by default: measured on loopback, an open paramiko Transport costs a thread and ≈20 ms CPU per
minute idle, more than reconnecting every few minutes (see docs/PERFORMANCE.md).
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass

import paramiko

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks.context import CheckContext
from msp_console.monitoring.checks.deadline import Deadline
from msp_console.monitoring.checks.runtime import ConnectError, connect_tcp
from msp_console.monitoring.hostkeys import Verdict
from msp_console.monitoring.model import CheckSpec

log = logging.getLogger(__name__)
MAX_OUTPUT = 4 << 20


class SshProblem(Exception):
    """The check cannot run its command; carries the state to report."""

    def __init__(self, state: HealthState, message: str):
        super().__init__(message)
        self.state = state


@dataclass(frozen=True)
class CommandResult:
    exit_status: int
    stdout: str
    stderr: str


@functools.lru_cache(maxsize=64)
def _load_plain_key(path: str, mtime_ns: int) -> paramiko.PKey:
    """Unencrypted key files are parsed once (per change), not on every poll."""
    return paramiko.PKey.from_path(path)


def _load_key(path: str, spec: CheckSpec, ctx: CheckContext) -> paramiko.PKey:
    """The key file; its passphrase (only if it has one) from the keyring ``<credential_ref>:passphrase``."""
    try:
        try:
            return _load_plain_key(path, os.stat(path).st_mtime_ns)
        except (paramiko.PasswordRequiredException, TypeError):  # paramiko 4 raises TypeError here
            ref = f"{spec.credential_ref}:passphrase" if spec.credential_ref else ""
            passphrase = ctx.get_secret(ref) if ref else None
            if not passphrase:
                raise SshProblem(
                    HealthState.UNKNOWN,
                    f"the key {path} needs a passphrase "
                    f"(store it in the keyring as {ref or '<credential_ref>:passphrase'})",
                ) from None
            return paramiko.PKey.from_path(path, passphrase=passphrase.encode())
    except (OSError, paramiko.SSHException) as exc:
        raise SshProblem(HealthState.UNKNOWN, f"cannot read the key {path}: {exc}") from None


@functools.lru_cache(maxsize=2)
def _console_pkey(private_openssh: str) -> paramiko.PKey:
    """The console's key, parsed once (it changes only if the keyring entry is replaced)."""
    return paramiko.Ed25519Key(file_obj=io.StringIO(private_openssh))


def _authenticate(transport: paramiko.Transport, spec: CheckSpec, ctx: CheckContext, user: str) -> str:
    """Tries key file, then ssh-agent, then the keyring password; returns the method that worked."""
    tried: list[str] = []
    key_file = spec.params.get("key_file", "") or ctx.ssh.key_file
    if key_file:
        key = _load_key(os.path.expanduser(key_file), spec, ctx)
        tried.append("key file")
        with contextlib.suppress(paramiko.AuthenticationException):
            transport.auth_publickey(user, key)
            return "key file"
    if ctx.ssh.use_agent and os.environ.get("SSH_AUTH_SOCK"):
        agent = paramiko.Agent()
        try:
            for agent_key in agent.get_keys():
                tried.append("ssh-agent")
                with contextlib.suppress(paramiko.AuthenticationException):
                    transport.auth_publickey(user, agent_key)
                    return "ssh-agent"
        finally:
            agent.close()
    console = ctx.console_key()
    if console:
        tried.append("console key")
        with contextlib.suppress(paramiko.AuthenticationException):
            transport.auth_publickey(user, _console_pkey(console))
            return "console key"
    if spec.credential_ref:
        password = ctx.get_secret(spec.credential_ref)
        if password is not None:
            tried.append("password")
            with contextlib.suppress(paramiko.AuthenticationException):
                transport.auth_password(user, password)
                return "password"
    if not tried:
        raise SshProblem(
            HealthState.UNKNOWN,
            f"no SSH credential for {user}: set a key file, an ssh-agent or a password in the keyring, "
            "or install the console's key (Machine → Add Windows/Linux machine…)",
        )
    raise SshProblem(HealthState.UNKNOWN, f"authentication failed for {user} (tried {', '.join(tried)})")


@contextlib.contextmanager
def connect(spec: CheckSpec, ctx: CheckContext, deadline: Deadline) -> Iterator[paramiko.Transport]:
    """An authenticated transport to spec.host, closed on exit (and by the deadline)."""
    port = int(spec.params.get("port", "") or 22)
    user = spec.params.get("user", "") or ctx.ssh.user
    try:
        sock, _ = connect_tcp(spec.host, port, deadline, nodelay=ctx.ssh.nodelay)
    except ConnectError as exc:
        raise SshProblem(HealthState.CRITICAL, str(exc)) from None
    transport = paramiko.Transport(sock)
    deadline.on_expiry(transport.close)
    try:
        if ctx.hostkeys is not None:
            preferred = ctx.hostkeys.trusted_key_type(spec.host, port)
            options = transport.get_security_options()
            if preferred and preferred in options.key_types:
                options.key_types = (preferred, *[k for k in options.key_types if k != preferred])
        transport.banner_timeout = deadline.remaining()
        transport.auth_timeout = deadline.remaining()
        try:
            transport.start_client(timeout=deadline.remaining())
        except (paramiko.SSHException, EOFError, OSError) as exc:
            if deadline.expired:
                message = (
                    f"{spec.host}:{port}: no SSH handshake within {deadline.timeout:g} s "
                    "(the port accepts connections but the SSH server does not answer)"
                )
            else:
                message = f"{spec.host}:{port}: SSH handshake failed: {exc or type(exc).__name__}"
            raise SshProblem(HealthState.CRITICAL, message) from None
        _verify_host_key(transport, spec.host, port, ctx)
        _authenticate(transport, spec, ctx, user)
        yield transport
    finally:
        transport.close()
        sock.close()


def _verify_host_key(transport: paramiko.Transport, host: str, port: int, ctx: CheckContext) -> None:
    key = transport.get_remote_server_key()
    if ctx.hostkeys is None:
        raise SshProblem(HealthState.UNKNOWN, "no host-key store configured: nothing is trusted")
    verification = ctx.hostkeys.verify(host, port, key)
    if verification.verdict is Verdict.CHANGED:
        raise SshProblem(HealthState.CRITICAL, verification.message(host, port))
    if verification.verdict is Verdict.UNKNOWN:
        raise SshProblem(HealthState.UNKNOWN, verification.message(host, port))


def execute(
    transport: paramiko.Transport, command: str, deadline: Deadline, stdin: bytes = b""
) -> CommandResult:
    """Runs one command; reads stdout/stderr until exit (a stalled command ends at the deadline).

    ``stdin`` is sent then closed: how secrets reach a remote command without being on its argv.
    """
    channel = transport.open_session(timeout=deadline.remaining())
    try:
        channel.settimeout(deadline.remaining())
        channel.exec_command(command)
        if stdin:
            channel.sendall(stdin)
            channel.shutdown_write()
        out = channel.makefile("rb").read(MAX_OUTPUT + 1)  # paramiko buffers stderr meanwhile
        if len(out) > MAX_OUTPUT:
            raise SshProblem(HealthState.UNKNOWN, "the command printed more than 4 MiB")
        err = channel.makefile_stderr("rb").read(MAX_OUTPUT)
        deadline.check("the remote command")
        status = channel.recv_exit_status()
        deadline.check("the remote command")
        return CommandResult(status, out.decode(errors="replace"), err.decode(errors="replace"))
    except (OSError, EOFError, paramiko.SSHException) as exc:  # TimeoutError, or closed by the deadline
        if isinstance(exc, TimeoutError) or deadline.expired:
            raise SshProblem(
                HealthState.CRITICAL, f"the remote command did not finish within {deadline.timeout:g} s"
            ) from None
        raise
    finally:
        channel.close()


def run_command(spec: CheckSpec, ctx: CheckContext, command: str, deadline: Deadline) -> CommandResult:
    with connect(spec, ctx, deadline) as transport:
        return execute(transport, command, deadline)
