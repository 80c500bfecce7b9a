"""Default checks per machine kind, so a newly created or imported machine is monitored at once.

Applied only to new machines, and only while ``monitor_new_machines`` is on (default; set
MSP_CONSOLE_MONITOR_NEW_MACHINES=0 to turn it off). A machine with no address gets none:
there is nothing to poll yet. Demo machines use 127.0.0.0/8 or ``*.invalid`` names, which
fail to resolve without sending any traffic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from msp_console.db.models import Check, Machine
from msp_console.domain.check_defaults import CheckDefaults
from msp_console.monitoring.model import CheckType
from msp_console.monitoring.params import CheckFields, clean_check
from msp_console.monitoring.service import add_check_to, check_row
from msp_console.preferences import load_preferences
from msp_console.services.database import Database

ENV_MONITOR_NEW = "MSP_CONSOLE_MONITOR_NEW_MACHINES"


@dataclass(frozen=True, slots=True)
class Template:
    type: CheckType
    name: str
    params: tuple[tuple[str, str], ...] = ()
    min_interval_s: int = 0  # heavier checks (a bundled SSH command, SNMP) never run more often

    def fields(self, address: str, defaults: CheckDefaults) -> CheckFields:
        """The check for a machine at ``address``, at the technician's default interval."""
        params = {k: v.replace("{host}", address) for k, v in self.params}
        interval = max(self.min_interval_s, defaults.interval_s)
        return clean_check(self.type.value, self.name, params, interval=interval, defaults=defaults)


def _t(type_: CheckType, name: str, min_interval: int = 0, **params: str) -> Template:
    return Template(type_, name, tuple(sorted(params.items())), min_interval)


PING = _t(CheckType.PING, "ping")  # at the default interval (Settings → Polling; 60 s unless changed)
TEMPLATES: dict[str, tuple[Template, ...]] = {
    "server:linux": (PING, _t(CheckType.SSH, "system", 300, os="linux")),
    "server:windows": (PING, _t(CheckType.TCP, "rdp", port="3389")),
    "server": (PING, _t(CheckType.TCP, "ssh port", port="22")),
    "firewall": (
        PING,
        _t(CheckType.HTTP, "admin https", url="https://{host}/", verify="no"),
        _t(CheckType.SNMP, "uptime", 300, oid="1.3.6.1.2.1.1.3.0"),
    ),
    "switch": (PING, _t(CheckType.SNMP, "uptime", 300, oid="1.3.6.1.2.1.1.3.0")),
    "nas": (
        PING,
        _t(CheckType.HTTP, "admin https", url="https://{host}/", verify="no"),
        _t(CheckType.SSH, "system", 300, os="linux"),
    ),
    "printer": (PING, _t(CheckType.SNMP, "uptime", 300, oid="1.3.6.1.2.1.1.3.0")),
    "workstation": (PING,),
    "laptop": (PING,),
    "other": (PING,),
}


def monitor_new_machines() -> bool:
    return os.environ.get(ENV_MONITOR_NEW, "1").strip().lower() not in {"0", "false", "no", "off"}


def templates_for(kind: str, os_name: str) -> tuple[Template, ...]:
    return TEMPLATES.get(f"{kind}:{os_name}") or TEMPLATES.get(kind) or TEMPLATES["other"]


def apply_templates_in(session: Session, machine: Machine, defaults: CheckDefaults | None = None) -> int:
    """Adds the kind's default checks the machine does not have yet; returns how many."""
    if not machine.address.strip():
        return 0
    defaults = defaults or load_preferences().check_defaults()
    have = {n.lower() for n in session.scalars(select(Check.name).where(Check.machine_id == machine.id))}
    added = 0
    for tpl in templates_for(machine.kind, machine.os):
        if tpl.name.lower() in have:
            continue
        add_check_to(session, machine.id, tpl.fields(machine.address, defaults))
        added += 1
    return added


def apply_templates(db: Database, machine_id: int) -> int:
    if not monitor_new_machines():
        return 0
    with db.transaction() as s:
        machine = s.get(Machine, machine_id)
        return apply_templates_in(s, machine) if machine is not None else 0


def apply_new_machine_templates(session: Session, machines: list[Machine]) -> None:
    """Hook for machine creation (dialog and CSV import), in the caller's transaction.

    The machines are new, so they have no checks yet: the rows are inserted in bulk without a
    query per machine (a 10,000-machine import stays fast).
    """
    if not monitor_new_machines():
        return
    session.flush()
    defaults = load_preferences().check_defaults()
    rows = []
    for machine in machines:
        if not machine.address.strip():
            continue
        for tpl in templates_for(machine.kind, machine.os):
            rows.append(check_row(machine.id, tpl.fields(machine.address, defaults)))
    if rows:
        session.execute(insert(Check), rows)
