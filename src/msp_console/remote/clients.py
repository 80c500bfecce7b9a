"""Which remote tools are installed on this desk PC (PATH + known install paths), per OS and protocol."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from msp_console.remote.plan import MissingClientError

Which = Callable[[str], str | None]
Exists = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Tool:
    id: str  # "xfreerdp2", "remmina", "ssh+tmux", …
    label: str
    paths: dict[str, str] = field(default_factory=dict)  # role → executable ("main", "terminal", …)


def os_family(platform: str | None = None) -> str:
    p = platform or sys.platform
    if p.startswith("win"):
        return "windows"
    if p == "darwin":
        return "macos"
    return "linux"


# (tool id, label, {role: candidates}) in order of preference; a candidate is a name on PATH or a path.
_LINUX_TERMINALS = ("x-terminal-emulator", "gnome-terminal", "konsole", "xfce4-terminal", "xterm", "tmux")
_PF = "C:\\Program Files"
_PF86 = "C:\\Program Files (x86)"
_CATALOG: dict[str, dict[str, list[tuple[str, str, dict[str, tuple[str, ...]]]]]] = {
    "linux": {
        "rdp": [
            ("xfreerdp3", "FreeRDP 3 (xfreerdp3)", {"main": ("xfreerdp3", "sdl-freerdp3")}),
            ("xfreerdp2", "FreeRDP 2 (xfreerdp)", {"main": ("xfreerdp",)}),
            ("remmina", "Remmina", {"main": ("remmina",)}),
        ],
        "ssh": [("ssh", "OpenSSH in a terminal", {"main": ("ssh",), "terminal": _LINUX_TERMINALS})],
        "vnc": [
            (
                "tigervnc",
                "TigerVNC viewer",
                {"main": ("vncviewer", "xtigervncviewer"), "vncpasswd": ("vncpasswd",)},
            ),
            ("remmina", "Remmina", {"main": ("remmina",)}),
        ],
        "web": [("xdg-open", "default browser", {"main": ("xdg-open",)})],
        "anydesk": [("anydesk", "AnyDesk", {"main": ("anydesk",)})],
        "rustdesk": [("rustdesk", "RustDesk", {"main": ("rustdesk",)})],
        "teamviewer": [("teamviewer", "TeamViewer", {"main": ("teamviewer",)})],
    },
    "windows": {
        "rdp": [
            (
                "mstsc",
                "Remote Desktop Connection",
                {"main": ("mstsc.exe", "C:\\Windows\\System32\\mstsc.exe")},
            )
        ],
        "ssh": [
            ("wt-ssh", "Windows Terminal + OpenSSH", {"main": ("ssh.exe",), "terminal": ("wt.exe",)}),
            ("putty", "PuTTY", {"main": ("putty.exe", f"{_PF}\\PuTTY\\putty.exe")}),
            (
                "conhost-ssh",
                "OpenSSH in a console",
                {"main": ("ssh.exe", "C:\\Windows\\System32\\OpenSSH\\ssh.exe")},
            ),
        ],
        "vnc": [
            ("tigervnc", "TigerVNC viewer", {"main": ("vncviewer.exe", f"{_PF}\\TigerVNC\\vncviewer.exe")}),
            ("tightvnc", "TightVNC viewer", {"main": ("tvnviewer.exe", f"{_PF}\\TightVNC\\tvnviewer.exe")}),
            (
                "realvnc",
                "RealVNC viewer",
                {"main": ("vncviewer.exe", f"{_PF}\\RealVNC\\VNC Viewer\\vncviewer.exe")},
            ),
        ],
        "web": [
            ("browser", "default browser", {"main": ("rundll32.exe", "C:\\Windows\\System32\\rundll32.exe")})
        ],
        "anydesk": [("anydesk", "AnyDesk", {"main": ("AnyDesk.exe", f"{_PF86}\\AnyDesk\\AnyDesk.exe")})],
        "rustdesk": [("rustdesk", "RustDesk", {"main": ("rustdesk.exe", f"{_PF}\\RustDesk\\rustdesk.exe")})],
        "teamviewer": [
            ("teamviewer", "TeamViewer", {"main": ("TeamViewer.exe", f"{_PF}\\TeamViewer\\TeamViewer.exe")})
        ],
    },
    "macos": {
        "rdp": [
            (
                "windows-app",
                "Windows App / Microsoft Remote Desktop",
                {
                    "main": ("/usr/bin/open",),
                    "app": ("/Applications/Windows App.app", "/Applications/Microsoft Remote Desktop.app"),
                },
            ),
        ],
        "ssh": [("terminal", "Terminal + OpenSSH", {"main": ("/usr/bin/open",), "ssh": ("/usr/bin/ssh",)})],
        "vnc": [("screen-sharing", "Screen Sharing", {"main": ("/usr/bin/open",)})],
        "web": [("browser", "default browser", {"main": ("/usr/bin/open",)})],
        "anydesk": [("anydesk", "AnyDesk", {"main": ("/Applications/AnyDesk.app/Contents/MacOS/AnyDesk",)})],
        "rustdesk": [
            ("rustdesk", "RustDesk", {"main": ("/Applications/RustDesk.app/Contents/MacOS/RustDesk",)})
        ],
        "teamviewer": [
            (
                "teamviewer",
                "TeamViewer",
                {"main": ("/Applications/TeamViewer.app/Contents/MacOS/TeamViewer",)},
            )
        ],
    },
}

INSTALL_HINTS = {
    ("linux", "rdp"): "install FreeRDP (Debian/Ubuntu: apt install freerdp2-x11, or freerdp3-x11) or Remmina "
    "(apt install remmina remmina-plugin-rdp)",
    (
        "linux",
        "ssh",
    ): "install the OpenSSH client and a terminal (Debian/Ubuntu: apt install openssh-client xterm)",
    (
        "linux",
        "vnc",
    ): "install the TigerVNC viewer (Debian/Ubuntu: apt install tigervnc-viewer tigervnc-tools) "
    "or Remmina (apt install remmina remmina-plugin-vnc)",
    ("linux", "web"): "install xdg-utils (apt install xdg-utils)",
    ("windows", "rdp"): "enable Remote Desktop Connection (mstsc.exe, part of Windows)",
    ("windows", "ssh"): "install the OpenSSH client (Settings › Optional features) or PuTTY",
    ("windows", "vnc"): "install TigerVNC, TightVNC or RealVNC viewer",
    ("macos", "rdp"): "install Windows App (formerly Microsoft Remote Desktop) from the App Store",
}


def install_hint(family: str, protocol: str) -> str:
    if protocol in {"anydesk", "rustdesk", "teamviewer"}:
        names = {"anydesk": "AnyDesk", "rustdesk": "RustDesk", "teamviewer": "TeamViewer"}
        return f"install {names[protocol]} from its vendor's website"
    return INSTALL_HINTS.get((family, protocol), f"install a {protocol} client")


def _find(candidates: tuple[str, ...], which: Which, exists: Exists) -> str | None:
    for c in candidates:
        if "/" in c or "\\" in c:
            if exists(c):
                return c
        else:
            found = which(c)
            if found:
                return found
    return None


def detect(
    protocol: str,
    platform: str | None = None,
    which: Which = shutil.which,
    exists: Exists = os.path.exists,
    terminal: str | None = None,
) -> list[Tool]:
    """Installed tools for ``protocol``, best first (only those: the menus offer nothing else).

    ``terminal`` forces a terminal on Linux (a name from the list, e.g. "tmux" for headless use).
    """
    family = os_family(platform)
    if protocol == "custom":
        return [Tool("custom", "custom command")]
    found: list[Tool] = []
    for tool_id, label, roles in _CATALOG[family].get(protocol, []):
        paths: dict[str, str] = {}
        for role, candidates in roles.items():
            if role == "terminal" and terminal:
                candidates = (terminal,)
            path = _find(candidates, which, exists)
            if path is None and role != "vncpasswd":  # vncpasswd only matters with a password
                break
            if path is not None:
                paths[role] = path
        else:
            found.append(Tool(tool_id, label, paths))
    return found


def choose(protocol: str, tools: list[Tool], preferred: str = "", platform: str | None = None) -> Tool:
    if not tools:
        family = os_family(platform)
        raise MissingClientError(
            f"no {protocol.upper()} client is installed on this computer: {install_hint(family, protocol)}",
            "no_client",
            protocol=protocol,
            hint=install_hint(family, protocol),
        )
    if preferred:
        for t in tools:
            if t.id == preferred or t.id.startswith(preferred):
                return t
    return tools[0]
