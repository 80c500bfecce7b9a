"""Windows and macOS launch plans (built and unit-tested on any OS; run only on their own)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from urllib.parse import quote

from msp_console.remote.clients import Tool
from msp_console.remote.launchers import host_port, join, ssh_files_and_args
from msp_console.remote.plan import LaunchPlan, PlannedFile, Target

Protect = Callable[[str], str]  # password → hex DPAPI blob (remote.dpapi.protect_for_rdp on Windows)
_TYPED = "the password is typed in the tool (no safe channel to hand it over)"


def rdp_file(target: Target, protect: Protect | None = None) -> str:
    """A .rdp file; the password only as a DPAPI blob (``protect``), else none (mstsc asks)."""
    o = target.options
    lines = [f"full address:s:{host_port(target.host, target.port, 3389)}"]
    if target.user:
        user = f"{target.domain}\\{target.user}" if target.domain else target.user
        lines.append(f"username:s:{user}")
    lines.append(f"screen mode id:i:{2 if o.get('fullscreen') else 1}")
    if o.get("resolution"):
        w, _, h = str(o["resolution"]).lower().partition("x")
        lines += [f"desktopwidth:i:{w}", f"desktopheight:i:{h}"]
    lines.append(f"use multimon:i:{1 if o.get('multimon') else 0}")
    lines.append(f"redirectclipboard:i:{1 if o.get('clipboard') else 0}")
    if o.get("drives"):
        lines.append("drivestoredirect:s:*")
    if o.get("gateway"):
        lines += [
            f"gatewayhostname:s:{o['gateway']}",
            "gatewayusagemethod:i:1",
            "gatewaycredentialssource:i:0",
        ]
    lines.append("prompt for credentials:i:0")
    if target.password is not None and protect is not None:
        lines.append(f"password 51:b:{protect(target.password)}")
    return "\r\n".join(lines) + "\r\n"


def build_windows(tool: Tool, target: Target, workdir: str, protect: Protect | None = None) -> LaunchPlan:
    main = tool.paths["main"]
    port = target.port
    if target.protocol == "rdp":
        path = join(workdir, "session.rdp")
        sealed = target.password is not None and protect is not None
        purpose = (
            "connection settings, password as a DPAPI blob" if sealed else "connection settings, no password"
        )
        f = PlannedFile(path, 0o600, rdp_file(target, protect).encode("utf-8"), sealed, purpose=purpose)
        typed = target.password is not None and not sealed
        notes = (_TYPED + " or taken from Windows Credential Manager",) if typed else ()
        return LaunchPlan(tool.label, (main, path), (f,), notes=notes)
    if target.protocol == "ssh":
        if tool.id == "putty":
            argv = [main, "-ssh", "-P", str(port or 22)]
            if target.user:
                argv += ["-l", target.user]
            files: list[PlannedFile] = []
            if target.password is not None:
                pw = join(workdir, "putty-pass")
                files.append(
                    PlannedFile(pw, 0o600, target.password.encode(), True, purpose="password (-pwfile)")
                )
                argv += ["-pwfile", pw]
            argv.append(target.host)
            return LaunchPlan(tool.label, tuple(argv), tuple(files))
        no_pw = dataclasses.replace(target, password=None)
        files_, args, _ = ssh_files_and_args(no_pw, workdir)
        notes = (_TYPED,) if target.password else ()
        if tool.id == "wt-ssh":
            return LaunchPlan(tool.label, (tool.paths["terminal"], main, *args), tuple(files_), notes=notes)
        return LaunchPlan(
            tool.label, ("cmd.exe", "/c", "start", "/wait", "", main, *args), tuple(files_), notes=notes
        )
    if target.protocol == "vnc":
        hp = f"{target.host}::{port or 5900}"
        notes = (_TYPED,) if target.password else ()
        return LaunchPlan(tool.label, (main, hp), notes=notes)
    raise ValueError(target.protocol)


def build_macos(tool: Tool, target: Target, workdir: str) -> LaunchPlan:
    main = tool.paths["main"]
    notes = (_TYPED,) if target.password else ()
    if target.protocol == "rdp":
        parts = [f"full%20address=s:{quote(host_port(target.host, target.port, 3389), safe=':[]')}"]
        if target.user:
            user = f"{target.domain}\\{target.user}" if target.domain else target.user
            parts.append(f"username=s:{quote(user, safe='')}")
        return LaunchPlan(tool.label, (main, "rdp://" + "&".join(parts)), notes=notes)
    if target.protocol == "vnc":
        user = f"{quote(target.user, safe='')}@" if target.user else ""
        return LaunchPlan(
            tool.label, (main, f"vnc://{user}{host_port(target.host, target.port, 5900)}"), notes=notes
        )
    if target.protocol == "ssh":
        no_pw = dataclasses.replace(target, password=None)
        files, args, _ = ssh_files_and_args(no_pw, workdir)
        import shlex

        script_path = join(workdir, "session.command")
        script = (
            '#!/bin/sh\nrm -f "$0"\nexec '
            + " ".join(shlex.quote(a) for a in [tool.paths["ssh"], *args])
            + "\n"
        )
        files.append(
            PlannedFile(script_path, 0o700, script.encode(), purpose="Terminal script (removes itself)")
        )
        return LaunchPlan(tool.label, (main, "-a", "Terminal", script_path), tuple(files), notes=notes)
    raise ValueError(target.protocol)
