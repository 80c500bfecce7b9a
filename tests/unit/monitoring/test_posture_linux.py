"""Linux security posture lines: reboot, firewall (readable or not), security and automatic updates."""

from __future__ import annotations

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import bundle_linux
from msp_console.monitoring.checks.ssh import judge
from msp_console.monitoring.model import CheckSpec, CheckType

BASE = """msp.cpus=4
msp.load=0.10 0.10 0.10
msp.mem=8000000 6000000
msp.uptime=90061.5
msp.df=/dev/sda1 ext4 10000 3000 7000 30% /
msp.systemd=1
"""


def judged(text: str, warn: str = "", crit: str = "") -> tuple[dict[str, float], str, HealthState]:
    report = bundle_linux.parse(BASE + text)
    out = judge(CheckSpec(1, 1, CheckType.SSH, "h", {}, warn, crit), report)
    return report.posture, out.output, out.state


def test_hardened_debian_is_green() -> None:
    posture, output, state = judged(
        "msp.reboot=0\nmsp.fw_unit=nftables active\nmsp.fw_unit=ufw inactive\n"
        "msp.updates=3\nmsp.secupdates=0\nmsp.autoupdate=1\n"
    )
    assert posture == {"reboot_pending": 0, "firewall_off": 0, "security_updates": 0, "auto_updates_off": 0}
    assert state is HealthState.OK and "security 4/4 OK" in output


def test_reboot_security_updates_and_no_unattended_upgrades_are_warnings() -> None:
    _posture, output, state = judged(
        "msp.reboot=1\nmsp.fw_ufw=active\nmsp.updates=12\nmsp.secupdates=5\nmsp.autoupdate=0\n"
    )
    assert state is HealthState.WARNING
    assert output.startswith("5 security updates to install; automatic updates off; reboot required")


def test_readable_rules_with_nothing_loaded_is_a_firewall_off() -> None:
    posture, output, state = judged("msp.fw_nft=0\nmsp.fw_iptables=0\nmsp.fw_unit=nftables inactive\n")
    assert posture["firewall_off"] == 1 and state is HealthState.CRITICAL
    assert "firewall off (no rules loaded)" in output


def test_unreadable_rules_and_no_firewall_service_leave_the_point_unreported() -> None:
    posture, _output, state = judged("msp.reboot=0\nmsp.fw_unit=nftables inactive\nmsp.fw_firewalld=\n")
    assert "firewall_off" not in posture and state is HealthState.OK


def test_firewalld_running_counts_as_on() -> None:
    posture, _o, _s = judged("msp.fw_firewalld=running\n")
    assert posture["firewall_off"] == 0


def test_without_updates_the_bundle_skips_the_update_points() -> None:
    assert "secupdates" not in bundle_linux.command(updates=False)
    assert "autoupdate" not in bundle_linux.command(updates=False)
    assert "msp.reboot" in bundle_linux.command(updates=False)
