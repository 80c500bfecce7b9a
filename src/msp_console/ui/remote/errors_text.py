"""Why a remote session did not start, in the user's language (the launchers' code + values).

An error without a code (or one this table does not know) keeps its English message.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from msp_console.ui.labels import protocol_text

MESSAGES = {  # marked for lupdate, translated where shown
    "no_address": QT_TRANSLATE_NOOP(
        "RemoteErrors", "{machine} has no address: set one on the machine or a host on the profile."
    ),
    "jump_no_ssh": QT_TRANSLATE_NOOP("RemoteErrors", "The jump host {machine} has no SSH profile."),
    "ssh_unreachable": QT_TRANSLATE_NOOP("RemoteErrors", "{host} cannot be reached over SSH ({detail})."),
    "tool_exit": QT_TRANSLATE_NOOP("RemoteErrors", "{tool} did not start (exit code {exit_code})."),
    "tool_not_started": QT_TRANSLATE_NOOP("RemoteErrors", "{tool} could not be started ({detail})."),
    "tool_failed": QT_TRANSLATE_NOOP("RemoteErrors", "{tool} failed ({detail})."),
    "no_client": QT_TRANSLATE_NOOP(
        "RemoteErrors", "No {protocol} program is installed on this computer: {hint}."
    ),
    "no_vncpasswd": QT_TRANSLATE_NOOP(
        "RemoteErrors",
        "vncpasswd is needed to hand the VNC password over safely: install it "
        "(Debian/Ubuntu: apt install tigervnc-tools).",
    ),
    "jump_key_refused": QT_TRANSLATE_NOOP("RemoteErrors", "The jump host {jump} refused the key {key}."),
    "jump_password_refused": QT_TRANSLATE_NOOP(
        "RemoteErrors", "The jump host {jump} refused the password of “{user}”."
    ),
    "jump_no_credential": QT_TRANSLATE_NOOP(
        "RemoteErrors",
        "No credential works for the jump host {jump}: give its SSH profile a key file or a password.",
    ),
    "jump_unreachable": QT_TRANSLATE_NOOP(
        "RemoteErrors",
        "The jump host {jump} does not answer within {seconds} s: check that the gateway is up and "
        "its SSH port is open.",
    ),
    "jump_handshake": QT_TRANSLATE_NOOP(
        "RemoteErrors", "The SSH handshake with the jump host {jump} failed ({detail})."
    ),
}

# what to install, per operating system and protocol (remote.clients.INSTALL_HINTS, in words)
HINTS = {
    "install FreeRDP (Debian/Ubuntu: apt install freerdp2-x11, or freerdp3-x11) or Remmina "
    "(apt install remmina remmina-plugin-rdp)": QT_TRANSLATE_NOOP(
        "RemoteErrors",
        "install FreeRDP (Debian/Ubuntu: apt install freerdp2-x11, or freerdp3-x11) or Remmina "
        "(apt install remmina remmina-plugin-rdp)",
    ),
    "install the OpenSSH client and a terminal (Debian/Ubuntu: apt install openssh-client xterm)": (
        QT_TRANSLATE_NOOP(
            "RemoteErrors",
            "install the OpenSSH client and a terminal (Debian/Ubuntu: apt install openssh-client xterm)",
        )
    ),
    "install the TigerVNC viewer (Debian/Ubuntu: apt install tigervnc-viewer tigervnc-tools) "
    "or Remmina (apt install remmina remmina-plugin-vnc)": QT_TRANSLATE_NOOP(
        "RemoteErrors",
        "install the TigerVNC viewer (Debian/Ubuntu: apt install tigervnc-viewer tigervnc-tools) "
        "or Remmina (apt install remmina remmina-plugin-vnc)",
    ),
    "install xdg-utils (apt install xdg-utils)": QT_TRANSLATE_NOOP(
        "RemoteErrors", "install xdg-utils (apt install xdg-utils)"
    ),
    "enable Remote Desktop Connection (mstsc.exe, part of Windows)": QT_TRANSLATE_NOOP(
        "RemoteErrors", "enable Remote Desktop Connection (mstsc.exe, part of Windows)"
    ),
    "install the OpenSSH client (Settings › Optional features) or PuTTY": QT_TRANSLATE_NOOP(
        "RemoteErrors", "install the OpenSSH client (Settings › Optional features) or PuTTY"
    ),
    "install TigerVNC, TightVNC or RealVNC viewer": QT_TRANSLATE_NOOP(
        "RemoteErrors", "install TigerVNC, TightVNC or RealVNC viewer"
    ),
    "install Windows App (formerly Microsoft Remote Desktop) from the App Store": QT_TRANSLATE_NOOP(
        "RemoteErrors", "install Windows App (formerly Microsoft Remote Desktop) from the App Store"
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("RemoteErrors", text)


def hint_text(hint: str) -> str:
    known = HINTS.get(hint)
    if known:
        return _t(str(known))
    for vendor in ("AnyDesk", "RustDesk", "TeamViewer"):
        if hint == f"install {vendor} from its vendor's website":
            return _t("install %1 from its vendor's website").replace("%1", vendor)
    return hint


def launch_error_text(exc: BaseException) -> str:
    """The error as the technician reads it: worded from its code, else its own message."""
    code = getattr(exc, "code", "")
    template = MESSAGES.get(code)
    if not template:
        return str(exc)
    values = {k: str(v) for k, v in getattr(exc, "params", {}).items()}
    if "protocol" in values:
        values["protocol"] = protocol_text(values["protocol"])
    if "hint" in values:
        values["hint"] = hint_text(values["hint"])
    try:
        return _t(str(template)).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(exc)
