"""Linux security posture: the POSIX sh lines the bundle adds, and their parser.

Reboot required (``/var/run/reboot-required`` on Debian/Ubuntu, ``needs-restarting -r`` on the
Red Hat family), firewall active (rules in nftables or iptables, ufw or firewalld running, or their
service active), and with ``updates`` on: security updates pending (apt's ``-security`` origins,
``dnf updateinfo --security``) and unattended upgrades switched on. An unprivileged user may not read
the rules: then only an active firewall service proves the firewall on, and the point stays
unreported rather than a false "off".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

FIREWALL_UNITS = "nftables ufw firewalld netfilter-persistent"

REBOOT = (
    "if [ -f /var/run/reboot-required ]; then echo msp.reboot=1;"
    " elif command -v needs-restarting >/dev/null 2>&1; then needs-restarting -r >/dev/null 2>&1;"
    " [ $? -eq 1 ] && echo msp.reboot=1 || echo msp.reboot=0; else echo msp.reboot=0; fi"
)
FIREWALL = (
    'command -v nft >/dev/null 2>&1 && R=$(nft list ruleset 2>/dev/null) && echo "msp.fw_nft=$(printf'
    " '%s\\n' \"$R\" | grep -cE '(accept|drop|reject|jump|goto)[[:space:]]*(;|$)|policy (drop|reject)')\"\n"
    'command -v iptables >/dev/null 2>&1 && R=$(iptables -S 2>/dev/null) && echo "msp.fw_iptables=$(printf'
    " '%s\\n' \"$R\" | grep -cE '^-A |^-P (INPUT|FORWARD) (DROP|REJECT)')\"\n"
    "command -v ufw >/dev/null 2>&1 && R=$(ufw status 2>/dev/null) && echo \"msp.fw_ufw=$(printf '%s\\n'"
    ' "$R" | sed -n \'s/^Status: //p\')"\n'
    'command -v firewall-cmd >/dev/null 2>&1 && echo "msp.fw_firewalld=$(firewall-cmd --state 2>/dev/null)"\n'
    "[ -d /run/systemd/system ] && for u in " + FIREWALL_UNITS + "; do"
    ' echo "msp.fw_unit=$u $(systemctl is-active $u 2>/dev/null)"; done'
)
AUTO_UPDATES = (
    'if command -v apt-config >/dev/null 2>&1; then U=0; eval "$(apt-config shell U'
    ' APT::Periodic::Unattended-Upgrade 2>/dev/null)"; if [ -x /usr/bin/unattended-upgrade ]'
    ' && [ "${U:-0}" != 0 ]; then echo msp.autoupdate=1; else echo msp.autoupdate=0; fi;'
    " elif [ -d /run/systemd/system ] && command -v dnf >/dev/null 2>&1; then"
    " if systemctl is-enabled dnf-automatic.timer dnf-automatic-install.timer dnf5-automatic.timer"
    " 2>/dev/null | grep -q '^enabled'; then echo msp.autoupdate=1; else echo msp.autoupdate=0; fi; fi"
)
# Replaces the bundle's plain update count: one apt simulation gives both counts.
UPDATES = (
    "if command -v apt-get >/dev/null 2>&1; then A=$(apt-get -s -o Debug::NoLocking=true upgrade"
    " 2>/dev/null | grep '^Inst '); echo \"msp.updates=$(printf '%s' \"$A\" | grep -c '^Inst ')\";"
    " echo \"msp.secupdates=$(printf '%s' \"$A\" | grep -ci 'security')\";"
    ' elif command -v dnf >/dev/null 2>&1; then echo "msp.updates=$(dnf -q check-update'
    " 2>/dev/null | grep -c '^[[:alnum:]]')\"; echo \"msp.secupdates=$(dnf -q updateinfo list --security"
    " 2>/dev/null | grep -c '^[[:alnum:]]')\"; fi"
)


def lines(updates: bool) -> list[str]:
    return [REBOOT, FIREWALL, *((UPDATES, AUTO_UPDATES) if updates else ())]


@dataclass
class LinuxPosture:
    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def parse(pairs: Iterable[tuple[str, str]]) -> LinuxPosture:
    out = LinuxPosture()
    seen_rules: list[bool] = []  # one per source that could be read: does it show a firewall?
    active_units: list[str] = []
    for key, value in pairs:
        if key == "reboot" and value in {"0", "1"}:
            out.values["reboot_pending"] = float(value)
        elif key in {"fw_nft", "fw_iptables"} and value.isdigit():
            seen_rules.append(int(value) > 0)
        elif key == "fw_ufw" and value:
            seen_rules.append(value.strip().lower() == "active")
        elif key == "fw_firewalld" and value:
            seen_rules.append(value.strip().lower() == "running")
        elif key == "fw_unit":
            unit, _, state = value.partition(" ")
            if state.strip() == "active":
                active_units.append(unit)
        elif key == "secupdates" and value.isdigit():
            out.values["security_updates"] = float(value)
        elif key == "autoupdate" and value in {"0", "1"}:
            out.values["auto_updates_off"] = 1.0 - float(value)
    if active_units or any(seen_rules):
        out.values["firewall_off"] = 0.0
    elif seen_rules:
        out.values["firewall_off"] = 1.0
        out.notes["firewall_off"] = "no rules loaded"
    return out
