"""Which monitoring checks watch a backup: the one list the service report, the backup calendar and
any other reader share.

Listed by their stored string values (not enum members) so a kind added by another feature counts
from the day its checks exist, before its enum member is imported anywhere.

Backup day rule (service report): a day is *expected* when at least one backup check of the client
existed at the end of that day; it is *OK* when every such check was in hard state OK at the end of
that day (for today: at the time of the report). A check with no result yet, or in any other state,
makes the day not OK. Days before any backup check existed are not expected (grey).
"""

from __future__ import annotations

BACKUP_CHECK_KINDS: frozenset[str] = frozenset(
    {
        "backup_age",
        "restic",
        "borg",
        "proxmox_backup",
        "hyper_backup",
        "veeam",
        "windows_backup",
    }
)


def is_backup_check(kind: str) -> bool:
    return kind in BACKUP_CHECK_KINDS
