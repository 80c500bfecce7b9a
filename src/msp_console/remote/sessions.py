"""Session runner: resolve profile → credentials → tunnel → host key → plan → process → audit row.

The client process gets its secret through its safe channel only; temporary files live in a private
0700 directory (secret ones are removed shortly after connect, everything when the session ends);
the tunnel stays open while the process runs and closes with it.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from msp_console import secrets
from msp_console.db.base import utcnow
from msp_console.monitoring.hostkeys import HostKeyStore, Verdict, fingerprint
from msp_console.preferences import load_preferences
from msp_console.remote import audit
from msp_console.remote.clients import Tool, choose, detect, os_family
from msp_console.remote.credentials import Prompt, resolve
from msp_console.remote.errors import CodedError
from msp_console.remote.launchers import build, host_port
from msp_console.remote.plan import LaunchPlan, Target
from msp_console.remote.profiles import Protocol, effective_port
from msp_console.remote.store import MachineRef, ProfileStore, ProfileView
from msp_console.remote.tunnel import JumpHost, Tunnel, TunnelError, server_key
from msp_console.services.database import Database

log = logging.getLogger(__name__)


class LaunchError(CodedError):
    """The session could not start; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Prepared:
    machine: MachineRef
    profile: ProfileView
    tool: Tool
    target: Target
    jump: JumpHost | None
    real_host: str
    real_port: int | None


@dataclass
class RunningSession:
    session_id: int
    machine: MachineRef
    profile: ProfileView
    tool: str
    started: datetime
    process: subprocess.Popen[bytes]
    tunnel: Tunnel | None
    workdir: Path
    intervention_id: int | None
    started_pids: list[int] = field(default_factory=list)
    name: str = ""  # the tmux session / window name
    exit_code: int | None = None
    ended: threading.Event = field(default_factory=threading.Event)
    on_end: list[Callable[[RunningSession], None]] = field(default_factory=list)

    @property
    def tunnel_text(self) -> str:
        return self.tunnel.describe() if self.tunnel else ""

    def wait(self, timeout: float | None = None) -> int | None:
        self.ended.wait(timeout)
        return self.exit_code

    def close_tunnel(self) -> None:
        if self.tunnel is not None:
            self.tunnel.close()

    def terminate(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.terminate()


_DRY_PORT = 65535  # stands for the tunnel's local port in dry runs


def _tunnel_port(arg: str) -> str:
    return "<tunnel-port>" if arg == str(_DRY_PORT) else arg.replace(f":{_DRY_PORT}", ":<tunnel-port>")


def _known_hosts_alias(host: str, port: int) -> str:
    return host if port == 22 else f"[{host}]:{port}"


class SessionRunner:
    def __init__(
        self,
        db: Database,
        *,
        hostkeys: HostKeyStore | None = None,
        get_secret: Callable[[str], str | None] = secrets.get_secret,
        prompt: Prompt | None = None,
        platform: str | None = None,
        which: Callable[[str], str | None] = shutil.which,
        exists: Callable[[str], bool] = os.path.exists,
        terminal: str | None = None,
        preferred: Callable[[str], str] | None = None,
        technician: str | None = None,
        timeout: float = 8.0,
        secret_grace: float = 15.0,
    ):
        self.db = db
        self.store = ProfileStore(db)
        self.hostkeys = hostkeys or HostKeyStore(db)
        self._get_secret = get_secret
        self._prompt = prompt
        self._platform = platform
        self._which = which
        self._exists = exists
        self._terminal = terminal or os.environ.get("MSP_CONSOLE_TERMINAL") or None
        # protocol → the tool chosen in Settings → Remote ("" = the first one installed)
        self._preferred = preferred or (lambda protocol: load_preferences().preferred_client(protocol))
        self.technician = technician or os.environ.get("MSP_CONSOLE_USER") or getpass.getuser()
        self._timeout = timeout
        self._grace = secret_grace
        self.running: dict[int, RunningSession] = {}
        self._counter = 0

    # -- preparation (no process, no network) ----------------------------------------------------
    def installed_tools(self, protocol: str) -> list[Tool]:
        return detect(protocol, self._platform, self._which, self._exists, self._terminal)

    def prepare(
        self,
        machine_id: int,
        profile_name: str | None = None,
        *,
        dry_run: bool = False,
        password: str | None = None,
    ) -> Prepared:
        """``password`` answers a 'prompt every time' profile (asked by the GUI on its own thread)."""
        machine = self.store.machine(machine_id)
        profile = self.store.get(machine_id, profile_name)
        proto = profile.protocol.value
        wanted = str(profile.options.get("client", "")) or self._preferred(proto)  # the profile's own first
        tool = choose(proto, self.installed_tools(proto), wanted, self._platform)
        creds = resolve(
            self.store, machine, profile, get_secret=self._get_secret, dry_run=dry_run,
            prompt=(lambda _message: password) if password is not None else self._prompt,
        )  # fmt: skip
        host = profile.host or machine.address
        if not host and profile.protocol not in {Protocol.CUSTOM, Protocol.ANYDESK, Protocol.RUSTDESK,
                                                 Protocol.TEAMVIEWER}:  # fmt: skip
            raise LaunchError(
                f"{machine.path} has no address: set one on the machine or a host on the profile",
                "no_address",
                machine=machine.path,
            )
        port = effective_port(profile.protocol, profile.port, profile.options)
        jump = self._jump_host(machine, profile, dry_run) if profile.jump_machine_id else None
        target = Target(proto, host, port, creds.user, creds.domain, creds.password, dict(profile.options))
        if jump is not None:
            target = replace(target, host="127.0.0.1", port=0)  # the tunnel's port replaces 0 at launch
        return Prepared(machine, profile, tool, target, jump, host, port)

    def _jump_host(self, machine: MachineRef, profile: ProfileView, dry_run: bool) -> JumpHost:
        assert profile.jump_machine_id is not None
        jm = self.store.machine(profile.jump_machine_id)
        ssh = [p for p in self.store.list(jm.id, with_proposals=False) if p.protocol is Protocol.SSH]
        if not ssh:
            raise LaunchError(f"the jump host {jm.path} has no ssh profile", "jump_no_ssh", machine=jm.path)
        jp = next((p for p in ssh if p.is_default), ssh[0])
        creds = resolve(self.store, jm, jp, get_secret=self._get_secret, prompt=self._prompt, dry_run=dry_run)
        return JumpHost(
            jp.host or jm.address, jp.port or 22, creds.user or getpass.getuser(), creds.password,
            str(jp.options.get("key_file", "")), True, jm.name,
        )  # fmt: skip

    def plan(self, prepared: Prepared, workdir: str, session_name: str = "msp") -> LaunchPlan:
        return build(os_family(self._platform), prepared.tool, prepared.target, workdir, session_name)

    def dry_run(self, machine_id: int, profile_name: str | None = None) -> dict[str, object]:
        prepared = self.prepare(machine_id, profile_name, dry_run=True)
        target = prepared.target
        if prepared.profile.protocol is Protocol.SSH:
            alias = _known_hosts_alias(prepared.real_host, prepared.real_port or 22)
            target = replace(
                target, host_key_alias=alias, known_hosts_line=f"{alias} <trusted key, checked at launch>"
            )
        if prepared.jump is not None:
            target = replace(target, port=_DRY_PORT)
        plan = build(os_family(self._platform), prepared.tool, target, "<private 0700 dir>", "msp-N")
        view = plan.describe()
        view["argv"] = [_tunnel_port(a) for a in plan.argv]
        real = host_port(prepared.real_host, prepared.real_port, -1)
        view.update(
            machine=prepared.machine.path,
            profile=prepared.profile.name,
            protocol=prepared.profile.protocol.value,
            tool=prepared.tool.id,  # which installed client: the profile's, else Settings', else the first
            target=real,
            tunnel=(
                f"127.0.0.1:<tunnel-port> (picked at launch) → {real} via {prepared.jump.describe()}"
                if prepared.jump
                else ""
            ),
        )
        return view

    # -- launch ----------------------------------------------------------------------------------
    def start(
        self, machine_id: int, profile_name: str | None = None, *, password: str | None = None
    ) -> RunningSession:
        prepared = self.prepare(machine_id, profile_name, password=password)
        tunnel: Tunnel | None = None
        target = prepared.target
        if prepared.jump is not None:
            assert prepared.real_port is not None
            tunnel = Tunnel(
                prepared.jump, prepared.real_host, prepared.real_port, self.hostkeys, self._timeout
            )
            tunnel.open()  # TunnelError: unreachable, refused key, bad credentials
            target = replace(target, port=tunnel.local_port)
        try:
            if prepared.profile.protocol is Protocol.SSH:
                target = self._pin_target_key(prepared, target)
            return self._spawn(prepared, target, tunnel)
        except BaseException:
            if tunnel is not None:
                tunnel.close()
            raise

    def _pin_target_key(self, prepared: Prepared, target: Target) -> Target:
        """Checks the REAL target's key (through the tunnel if any) under the real target's name."""
        real_port = prepared.real_port or 22
        try:
            key = server_key(target.host, target.port or 22, self._timeout)
        except Exception as exc:
            raise LaunchError(
                f"cannot reach {prepared.real_host}:{real_port} over SSH: {exc}",
                "ssh_unreachable",
                host=f"{prepared.real_host}:{real_port}",
                detail=str(exc),
            ) from None
        verification = self.hostkeys.verify(prepared.real_host, real_port, key)
        if verification.verdict is not Verdict.TRUSTED:
            raise LaunchError(verification.message(prepared.real_host, real_port))
        alias = _known_hosts_alias(prepared.real_host, real_port)
        log.debug("host key of %s verified: %s", alias, fingerprint(key))
        return replace(
            target, host_key_alias=alias, known_hosts_line=f"{alias} {key.get_name()} {key.get_base64()}"
        )

    def _spawn(self, prepared: Prepared, target: Target, tunnel: Tunnel | None) -> RunningSession:
        self._counter += 1
        workdir = Path(tempfile.mkdtemp(prefix="msp-remote-"))  # 0700, ours only
        name = f"msp-{os.getpid()}-{self._counter}"
        try:
            family = os_family(self._platform)
            protect = None
            if family == "windows" and sys.platform == "win32":
                from msp_console.remote.dpapi import protect_for_rdp as protect
            plan = build(family, prepared.tool, target, str(workdir), name, protect)
            _write_files(plan)
            env = {**os.environ, **plan.env}
            proc = subprocess.Popen(
                plan.argv,
                stdin=subprocess.PIPE if plan.stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
                start_new_session=True,
            )
            pids = [proc.pid]
            if plan.stdin is not None:
                assert proc.stdin is not None
                with contextlib.suppress(BrokenPipeError):
                    proc.stdin.write(plan.stdin)
                proc.stdin.close()
            lifetime = proc
            if plan.wait_argv:
                proc.wait(self._timeout)
                if proc.returncode != 0:
                    raise LaunchError(
                        f"{plan.tool} did not start (exit {proc.returncode})",
                        "tool_exit",
                        tool=plan.tool,
                        exit_code=proc.returncode,
                    )
                lifetime = subprocess.Popen(plan.wait_argv, stdin=subprocess.DEVNULL, start_new_session=True)
                pids.append(lifetime.pid)
        except (OSError, subprocess.TimeoutExpired) as exc:
            shutil.rmtree(workdir, ignore_errors=True)
            raise LaunchError(
                f"{prepared.tool.label} could not be started: {exc}",
                "tool_not_started",
                tool=prepared.tool.label,
                detail=str(exc),
            ) from None
        except BaseException:
            shutil.rmtree(workdir, ignore_errors=True)
            raise
        started = utcnow()
        real = host_port(prepared.real_host, prepared.real_port, -1)
        sid, iv = audit.record_start(
            self.db, machine_id=prepared.machine.id, protocol=prepared.profile.protocol.value,
            profile_id=prepared.profile.id, profile_name=prepared.profile.name, technician=self.technician,
            target=real, tunnel=tunnel.describe() if tunnel else "", tool=plan.tool, started=started,
        )  # fmt: skip
        session = RunningSession(
            sid,
            prepared.machine,
            prepared.profile,
            plan.tool,
            started,
            lifetime,
            tunnel,
            workdir,
            iv,
            pids,
            name,
        )
        self.running[sid] = session
        threading.Thread(target=self._watch, args=(session, plan), name=f"session-{sid}", daemon=True).start()
        return session

    def _watch(self, session: RunningSession, plan: LaunchPlan) -> None:
        secret_files = [Path(f.path) for f in plan.files if f.secret]
        deadline = time.monotonic() + self._grace
        code: int | None = None
        while code is None:
            try:
                code = session.process.wait(0.2)
            except subprocess.TimeoutExpired:
                if secret_files and time.monotonic() > deadline:  # connected by now: the file has served
                    for p in secret_files:
                        p.unlink(missing_ok=True)
                    secret_files = []
        if plan.exit_file:
            with contextlib.suppress(OSError, ValueError):
                code = int(Path(plan.exit_file).read_text().strip())
        session.exit_code = code
        session.close_tunnel()
        shutil.rmtree(session.workdir, ignore_errors=True)
        try:
            audit.record_end(self.db, session.session_id, code)
        except Exception:
            log.exception("session %s: end not recorded", session.session_id)
        self.running.pop(session.session_id, None)
        session.ended.set()
        for callback in list(session.on_end):
            with contextlib.suppress(Exception):
                callback(session)


def _write_files(plan: LaunchPlan) -> None:
    for f in plan.files:
        path = Path(f.path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, f.mode)
        with os.fdopen(fd, "wb") as out:
            if f.producer:
                done = subprocess.run(
                    f.producer, input=f.content, stdout=out, stderr=subprocess.PIPE, check=False
                )
                if done.returncode != 0:
                    detail = done.stderr.decode(errors="replace").strip()
                    raise LaunchError(
                        f"{f.producer[0]} failed: {detail}", "tool_failed", tool=f.producer[0], detail=detail
                    )
            else:
                out.write(f.content)
        os.chmod(path, f.mode)


__all__ = ["LaunchError", "RunningSession", "SessionRunner", "TunnelError"]
