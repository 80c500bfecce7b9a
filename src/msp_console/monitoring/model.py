"""Value types every part of monitoring shares: what to check, and what a check found.

These cross threads (worker → writer → GUI), so they are frozen and hold no ORM objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from msp_console.domain.health import HealthState
from msp_console.domain.metric import Metric

__all__ = ["CheckOutcome", "CheckResult", "CheckSpec", "CheckType", "Metric"]


class CheckType(StrEnum):
    PING = "ping"
    TCP = "tcp"
    HTTP = "http"
    SSH = "ssh"
    PLUGIN = "plugin"
    BACKUP_AGE = "backup_age"
    SNMP = "snmp"
    # backup jobs (issue 16): judged alike by msp_console.domain.backup_result
    RESTIC = "restic"
    BORG = "borg"
    PROXMOX_BACKUP = "proxmox_backup"
    HYPER_BACKUP = "hyper_backup"
    VEEAM = "veeam"
    WINDOWS_BACKUP = "windows_backup"


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """Everything a worker needs to run one check once (no database access needed)."""

    check_id: int
    machine_id: int
    type: CheckType
    host: str
    params: Mapping[str, str] = field(default_factory=dict)
    warn: str = ""
    crit: str = ""
    timeout: float = 10.0
    credential_ref: str = ""  # a keyring reference (see msp_console.secrets), never the secret


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """What one run of a check observed (before soft/hard, ack, maintenance or parents apply)."""

    state: HealthState
    output: str
    metrics: tuple[Metric, ...] = ()
    duration_ms: float = 0.0


@dataclass(frozen=True, slots=True)
class CheckResult:
    """An outcome stamped with who and when: what the engine hands to its sink."""

    check_id: int
    machine_id: int
    outcome: CheckOutcome
    at: datetime
