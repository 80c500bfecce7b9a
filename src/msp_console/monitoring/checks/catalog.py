"""What each check type accepts: parameter names and threshold keys, for validating input early.

Pure data and parsing (no network): the CLI, CSV import and GUI can refuse a typo in a threshold
when the check is added instead of showing UNKNOWN at the first poll.
"""

from __future__ import annotations

from msp_console.domain.backup_result import SIZE_PARAMS
from msp_console.domain.errors import FieldError
from msp_console.domain.posture import SSH_KEYS
from msp_console.domain.thresholds import ThresholdError, parse_set
from msp_console.monitoring.model import CheckType

_SSH = frozenset({"port", "user", "key_file"})
# restic/borg: the repository and its password's keyring reference; where the tool runs (the
# machine over SSH, or ``run_on=console``); ``check_every`` hours between repository checks.
_REPO = _SSH | SIZE_PARAMS | {"repository", "password_ref", "run_on", "check_every", "binary"}
# Backup appliances' APIs, read from the console's PC: where (``url``), how the certificate is trusted
# (``fingerprint`` pinned, or the chain with ``ca_file``), the size rule; each kind adds its login.
_API = SIZE_PARAMS | {"url", "fingerprint", "ca_file"}
PARAMS: dict[CheckType, frozenset[str]] = {
    CheckType.PING: frozenset({"count", "port"}),
    CheckType.TCP: frozenset({"port"}),
    CheckType.HTTP: frozenset(
        {"url", "expect_status", "contains", "verify", "ca_file", "cert_warn_days", "cert_crit_days"}
    ),
    CheckType.SSH: _SSH | {"os", "updates"},
    CheckType.PLUGIN: _SSH | {"command", "plugin_dir"},
    CheckType.BACKUP_AGE: _SSH | {"path", "command"},
    CheckType.RESTIC: _REPO,
    CheckType.BORG: _REPO,
    CheckType.PROXMOX_BACKUP: _API
    | {"token_id", "token_ref", "datastore", "namespace", "group", "usage_warn", "usage_crit"},
    CheckType.HYPER_BACKUP: _API | {"user", "password_ref", "task", "timezone"},
    CheckType.VEEAM: _API | {"user", "password_ref", "job", "api_version"},
    CheckType.WINDOWS_BACKUP: _SSH | SIZE_PARAMS,  # Get-WBSummary over the machine's SSH
    CheckType.SNMP: frozenset(
        {
            "version",
            "community",
            "user",
            "auth_protocol",
            "priv_protocol",
            "port",
            "oid",
            "expect",
            "ifindex",
            "interface",
            "last_uptime",
        }
    ),
}

# Threshold keys in positional order (``a,b`` = first key, second key); one key = a plain range.
THRESHOLD_KEYS: dict[CheckType, tuple[str, ...]] = {
    CheckType.PING: ("rtt", "loss"),
    CheckType.TCP: ("time",),
    CheckType.HTTP: ("time",),
    CheckType.SSH: SSH_KEYS,
    CheckType.PLUGIN: (),  # the plugin's own -w/-c decide
    CheckType.BACKUP_AGE: ("age",),
    CheckType.SNMP: ("value",),
    CheckType.RESTIC: ("age",),
    CheckType.BORG: ("age",),
    CheckType.PROXMOX_BACKUP: ("age",),
    CheckType.HYPER_BACKUP: ("age",),
    CheckType.VEEAM: ("age",),
    CheckType.WINDOWS_BACKUP: ("age",),
}


def threshold_errors(check_type: CheckType, warn: str, crit: str) -> list[tuple[str, str]]:
    """[(field, message)] for warn/crit texts this check type cannot use; empty when fine."""
    return [(e.field, e.message) for e in threshold_field_errors(check_type, warn, crit)]


def threshold_field_errors(
    check_type: CheckType, warn: str, crit: str, line: int | None = None
) -> list[FieldError]:
    """The same refusals with their codes, so the window can word them in the user's language."""
    keys = THRESHOLD_KEYS[check_type]
    errors: list[FieldError] = []
    for field, text in (("warn", warn), ("crit", crit)):
        if not text.strip():
            continue
        if not keys:
            message = f"a {check_type.value} check takes its thresholds in the command"
            errors.append(FieldError(field, message, line, "threshold_in_command"))
            continue
        try:
            parse_set(text, keys)
        except ThresholdError as exc:
            errors.append(FieldError(field, str(exc), line, exc.code, exc.params))
    return errors
