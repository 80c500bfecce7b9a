"""The closed vocabularies a technician picks from."""

from __future__ import annotations

from enum import StrEnum


class MachineKind(StrEnum):
    WORKSTATION = "workstation"
    LAPTOP = "laptop"
    SERVER = "server"
    FIREWALL = "firewall"
    SWITCH = "switch"
    NAS = "nas"
    PRINTER = "printer"
    OTHER = "other"


class OperatingSystem(StrEnum):
    WINDOWS = "windows"
    LINUX = "linux"
    MACOS = "macos"
    OTHER = "other"
