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


def node_kind_text(node_kind: str) -> str:
    return {"client": _t("Client"), "site": _t("Site")}.get(node_kind, node_kind)
