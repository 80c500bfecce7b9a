"""Pure command building: (OS, tool, target, private dir) → LaunchPlan. No process is started here.

Secrets only travel through each tool's safe channel: FreeRDP ``/from-stdin:force``, a TigerVNC
password file written by ``vncpasswd -f``, an SSH_ASKPASS helper reading a 0600 file it deletes,
PuTTY ``-pwfile``, AnyDesk ``--with-password`` on stdin. Never argv, never the environment.
"""

from __future__ import annotations

import os
import shlex
import string
from collections.abc import Callable
from urllib.parse import quote

from msp_console.remote.clients import Tool
from msp_console.remote.plan import LaunchPlan, MissingClientError, PlannedFile, Target


def build(
    family: str,
    tool: Tool,
    target: Target,
    workdir: str,
    session_name: str = "msp",
    protect: Callable[[str], str] | None = None,
) -> LaunchPlan:
    """``protect`` seals a password with Windows DPAPI for mstsc's .rdp file (Windows only)."""
    proto = target.protocol
    if proto == "custom":
        return _custom(target)
    if proto == "web":
        return _web(family, tool, target)
    if proto in {"anydesk", "rustdesk", "teamviewer"}:
        return _vendor(tool, target)
    if family == "windows":
        from msp_console.remote.launch_other import build_windows

        return build_windows(tool, target, workdir, protect)
    if family == "macos":
        from msp_console.remote.launch_other import build_macos

        return build_macos(tool, target, workdir)
    if proto == "rdp":
        return _rdp_linux(tool, target)
    if proto == "vnc":
        return _vnc_linux(tool, target, workdir)
    if proto == "ssh":
        return _ssh_linux(tool, target, workdir, session_name)
    raise MissingClientError(f"no launcher for {proto}")


def join(workdir: str, name: str) -> str:
    sep = "\\" if "\\" in workdir else "/"
    return workdir.rstrip(sep) + sep + name


def host_port(host: str, port: int | None, default: int) -> str:
    h = f"[{host}]" if ":" in host else host
    return h if port in (None, default) else f"{h}:{port}"


# -- SSH (shared by Linux and macOS) -------------------------------------------------------------
def ssh_files_and_args(target: Target, workdir: str) -> tuple[list[PlannedFile], list[str], dict[str, str]]:
    files: list[PlannedFile] = []
    env: dict[str, str] = {}
    args = ["-p", str(target.port or 22)]
    if target.user:
        args += ["-l", target.user]
    key = str(target.options.get("key_file", ""))
    if key:
        args += ["-i", key, "-o", "IdentitiesOnly=yes"]
    if target.options.get("agent_forwarding"):
        args.append("-A")
    if target.known_hosts_line:
        kh = join(workdir, "known_hosts")
        files.append(
            PlannedFile(kh, 0o600, (target.known_hosts_line + "\n").encode(), purpose="verified host key")
        )
        args += ["-o", f"UserKnownHostsFile={kh}", "-o", "GlobalKnownHostsFile=/dev/null"]
        args += ["-o", "StrictHostKeyChecking=yes", "-o", "UpdateHostKeys=no"]
    if target.host_key_alias:
        args += ["-o", f"HostKeyAlias={target.host_key_alias}"]
    if target.password is not None:
        secret_file = join(workdir, "ssh-pass")
        helper = join(workdir, "askpass")
        script = (
            "#!/bin/sh\n# MSP Console: hands the password to ssh once, then deletes it.\n"
            f"f={shlex.quote(secret_file)}\n"
            '[ -f "$f" ] || exit 1\ncat "$f"\nrm -f "$f"\n'
        )
        files.append(
            PlannedFile(secret_file, 0o600, target.password.encode() + b"\n", True, purpose="password")
        )
        files.append(PlannedFile(helper, 0o700, script.encode(), purpose="SSH_ASKPASS helper"))
        env = {"SSH_ASKPASS": helper, "SSH_ASKPASS_REQUIRE": "force"}
        args += ["-o", "NumberOfPasswordPrompts=1"]
    args.append(target.host)
    command = str(target.options.get("command", ""))
    if command:
        args += ["--", command]
    return files, args, env


def _ssh_linux(tool: Tool, target: Target, workdir: str, session_name: str) -> LaunchPlan:
    files, args, env = ssh_files_and_args(target, workdir)
    inner = [tool.paths["main"], *args]
    if env:  # set inside the terminal: server-based terminals do not inherit our environment
        inner = ["env", *(f"{k}={v}" for k, v in env.items()), *inner]
    terminal = tool.paths["terminal"]
    name = os.path.basename(terminal)
    argv: tuple[str, ...]
    label = f"ssh in {name}"
    if name == "tmux":
        exit_file = join(workdir, "exit-code")
        channel = f"{session_name}-done"
        script = f'"$@"; echo $? > {shlex.quote(exit_file)}; tmux wait-for -S {shlex.quote(channel)}'
        argv = (terminal, "new-session", "-d", "-s", session_name, "-x", "120", "-y", "40")
        argv += ("sh", "-c", script, "sh", *inner)
        return LaunchPlan(
            label, argv, tuple(files), wait_argv=(terminal, "wait-for", channel), exit_file=exit_file
        )
    if name == "gnome-terminal":
        argv = (terminal, "--wait", "--", *inner)
    elif name == "xfce4-terminal":
        argv = (terminal, "--disable-server", "-x", *inner)
    elif name == "konsole":
        argv = (terminal, "--nofork", "-e", *inner)
    else:  # x-terminal-emulator, xterm: -e takes the rest of the line
        argv = (terminal, "-e", *inner)
    return LaunchPlan(label, argv, tuple(files))


# -- RDP -----------------------------------------------------------------------------------------
def _rdp_linux(tool: Tool, target: Target) -> LaunchPlan:
    o = target.options
    port = target.port or 3389
    if tool.id == "remmina":
        user = f"{quote(target.user)}@" if target.user else ""
        notes = ("Remmina asks for the password itself (it is not passed on)",) if target.password else ()
        return LaunchPlan(
            "Remmina",
            (tool.paths["main"], "-c", f"rdp://{user}{host_port(target.host, port, 3389)}"),
            notes=notes,
        )
    v3 = tool.id == "xfreerdp3"
    argv = [tool.paths["main"], f"/v:{host_port(target.host, port, 3389)}"]
    if target.user:
        argv.append(f"/u:{target.user}")
    if target.domain:
        argv.append(f"/d:{target.domain}")
    argv.append(
        {"tofu": "/cert:tofu", "ignore": "/cert:ignore", "strict": "/cert:deny"}[o.get("cert", "tofu")]
    )
    if o.get("resolution"):
        argv.append(f"/size:{o['resolution']}")
    if o.get("fullscreen"):
        argv.append("/f")
    if o.get("multimon"):
        argv.append("/multimon")
    if o.get("drives"):
        argv.append("/drives" if v3 else "+drives")
    if o.get("clipboard"):
        argv.append("/clipboard" if v3 else "+clipboard")
    if o.get("gateway"):
        argv.append(f"/gateway:g:{o['gateway']}" if v3 else f"/g:{o['gateway']}")
    stdin = None
    if target.password is not None:
        # Plain /from-stdin hangs against servers without NLA (xrdp): force reading it.
        argv.append("/from-stdin:force")
        stdin = target.password.encode() + b"\n"
    return LaunchPlan(tool.label, tuple(argv), stdin=stdin, stdin_purpose="password" if stdin else "")


# -- VNC -----------------------------------------------------------------------------------------
def _vnc_linux(tool: Tool, target: Target, workdir: str) -> LaunchPlan:
    port = target.port or 5900
    if tool.id == "remmina":
        return LaunchPlan(
            "Remmina", (tool.paths["main"], "-c", f"vnc://{host_port(target.host, port, 5900)}")
        )
    argv = [tool.paths["main"]]
    files: list[PlannedFile] = []
    if target.password is not None:
        vncpasswd = tool.paths.get("vncpasswd")
        if not vncpasswd:
            raise MissingClientError(
                "vncpasswd is needed to hand the VNC password over safely: "
                "install it (Debian/Ubuntu: apt install tigervnc-tools)",
                "no_vncpasswd",
            )
        pw = join(workdir, "vnc-passwd")
        files.append(
            PlannedFile(pw, 0o600, target.password.encode() + b"\n", True, (vncpasswd, "-f"), "password")
        )
        argv += ["-passwd", pw]
    if target.options.get("view_only"):
        argv.append("-ViewOnly")
    host = f"[{target.host}]" if ":" in target.host else target.host
    argv.append(f"{host}::{port}")
    return LaunchPlan(tool.label, tuple(argv), tuple(files))


# -- web, vendors, custom ------------------------------------------------------------------------
def web_url(target: Target) -> str:
    url = str(target.options.get("url", ""))
    if url:
        return url
    scheme = str(target.options.get("scheme", "https"))
    default = 80 if scheme == "http" else 443
    return f"{scheme}://{host_port(target.host, target.port, default)}/"


def _web(family: str, tool: Tool, target: Target) -> LaunchPlan:
    url = web_url(target)
    main = tool.paths["main"]
    if family == "windows":
        return LaunchPlan(tool.label, (main, "url.dll,FileProtocolHandler", url))
    return LaunchPlan(tool.label, (main, url))


def _vendor(tool: Tool, target: Target) -> LaunchPlan:
    vid = str(target.options.get("vendor_id", "")).replace(" ", "")
    main = tool.paths["main"]
    if target.protocol == "anydesk":
        if target.password is not None:  # documented: echo PASSWORD | anydesk ID --with-password
            return LaunchPlan(
                tool.label,
                (main, vid, "--with-password"),
                stdin=target.password.encode() + b"\n",
                stdin_purpose="password",
            )
        return LaunchPlan(tool.label, (main, vid))
    notes = (
        ("the password is typed in the tool (its command line would expose it)",) if target.password else ()
    )
    if target.protocol == "rustdesk":
        return LaunchPlan(tool.label, (main, "--connect", vid), notes=notes)
    return LaunchPlan(tool.label, (main, "-i", vid), notes=notes)


def _custom(target: Target) -> LaunchPlan:
    fields = {
        "host": target.host,
        "port": "" if target.port is None else str(target.port),
        "user": target.user,
        "domain": target.domain,
        "vendor_id": str(target.options.get("vendor_id", "")),
    }
    words = shlex.split(str(target.options.get("template", "")))
    argv = tuple(string.Formatter().vformat(w, (), fields) for w in words)
    return LaunchPlan("custom command", argv)
