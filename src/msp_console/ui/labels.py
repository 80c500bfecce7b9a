"""User-visible names of the closed vocabularies, through Qt's translation functions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from msp_console.domain.enums import MachineKind, OperatingSystem


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_text(kind: str) -> str:
    names = {
        MachineKind.WORKSTATION: _t("Workstation"),
        MachineKind.LAPTOP: _t("Laptop"),
        MachineKind.SERVER: _t("Server"),
        MachineKind.FIREWALL: _t("Firewall"),
        MachineKind.SWITCH: _t("Switch"),
        MachineKind.NAS: _t("NAS"),
        MachineKind.PRINTER: _t("Printer"),
        MachineKind.OTHER: _t("Other"),
    }
    try:
        return names[MachineKind(kind)]
    except ValueError:
        return kind


def os_text(os_name: str) -> str:
    names = {
        OperatingSystem.WINDOWS: _t("Windows"),
        OperatingSystem.LINUX: _t("Linux"),
        OperatingSystem.MACOS: _t("macOS"),
        OperatingSystem.OTHER: _t("Other"),
    }
    try:
        return names[OperatingSystem(os_name)]
    except ValueError:
        return os_name


def check_type_text(check_type: str) -> str:
    """A kind of check as the technician calls it (the stored value stays the CLI's and CSV's)."""
    return {
        "ping": _t("Ping"),
        "tcp": _t("TCP port"),
        "http": _t("Web site (HTTP)"),
        "ssh": _t("System over SSH"),
        "plugin": _t("Monitoring plugin"),
        "backup_age": _t("Backup age"),
        "snmp": _t("SNMP"),
        "restic": _t("Restic backup"),
        "borg": _t("Borg backup"),
        "proxmox_backup": _t("Proxmox Backup Server"),
        "hyper_backup": _t("Synology Hyper Backup"),
        "veeam": _t("Veeam backup job"),
        "windows_backup": _t("Windows Server Backup"),
    }.get(check_type, check_type)


def protocol_text(protocol: str) -> str:
    return {
        "ssh": "SSH",
        "rdp": "RDP",
        "vnc": "VNC",
        "web": _t("Web"),
        "anydesk": "AnyDesk",
        "rustdesk": "RustDesk",
        "teamviewer": "TeamViewer",
        "custom": _t("Custom command"),
    }.get(protocol, protocol)


def credential_mode_text(mode: str) -> str:
    return {
        "none": _t("None (key, agent, or typed in the tool)"),
        "profile": _t("This profile's password"),
        "client": _t("The client's admin credential"),
        "shared": _t("A shared credential"),
        "prompt": _t("Ask every time"),
    }.get(mode, mode)


def tool_label_text(label: str) -> str:
    """A remote tool's name: product names stay, the words around them are translated."""
    words = {
        "OpenSSH in a terminal": _t("OpenSSH in a terminal"),
        "OpenSSH in a console": _t("OpenSSH in a console"),
        "default browser": _t("default browser"),
        "Remote Desktop Connection": _t("Remote Desktop Connection"),
        "TigerVNC viewer": _t("TigerVNC viewer"),
        "TightVNC viewer": _t("TightVNC viewer"),
        "RealVNC viewer": _t("RealVNC viewer"),
    }
    return words.get(label, label)


def node_kind_text(node_kind: str) -> str:
    return {"client": _t("Client"), "site": _t("Site")}.get(node_kind, node_kind)
