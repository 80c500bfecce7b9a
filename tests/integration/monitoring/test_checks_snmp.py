"""snmp checks against a real net-snmp snmpd on loopback (v2c and v3)."""

from __future__ import annotations

import itertools

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckSpec, CheckType
from tests.support.deadlines import assert_ended_by_its_timeout
from tests.support.snmpd import V3_AUTH, V3_PRIV, V3_USER, SnmpServer

_ids = itertools.count(100)


def snmp(
    server: SnmpServer,
    ctx: CheckContext | None = None,
    warn: str = "",
    crit: str = "",
    ref: str = "",
    timeout: float = 3.0,
    check_id: int | None = None,
    **params: str,
):
    spec = CheckSpec(
        check_id or next(_ids),  # the last uptime is remembered per check: one id per call
        1,
        CheckType.SNMP,
        "127.0.0.1",
        {"port": str(server.port), **params},
        warn=warn,
        crit=crit,
        timeout=timeout,
        credential_ref=ref,
    )
    return run_check(spec, ctx or CheckContext())


def test_uptime_and_reboot_detection(snmpd: SnmpServer) -> None:
    ok = snmp(snmpd)
    assert ok.state is HealthState.OK and "up" in ok.output
    uptime = ok.metrics[0].value
    assert ok.metrics[0].name == "uptime_s" and uptime >= 0
    # The engine hands the last stored uptime back: a lower one now means the device restarted.
    ctx = CheckContext(last_metrics=lambda check_id: {"uptime_s": 86400.0 * 30} if check_id == 7 else {})
    rebooted = snmp(snmpd, ctx, check_id=7)
    assert rebooted.state is HealthState.WARNING and "rebooted" in rebooted.output
    via_param = snmp(snmpd, last_uptime="999999")
    assert via_param.state is HealthState.WARNING


def test_agent_restart_is_seen_as_a_reboot_by_a_running_poller(snmpd: SnmpServer) -> None:
    import time

    spec = CheckSpec(8, 1, CheckType.SNMP, "127.0.0.1", {"port": str(snmpd.port)}, timeout=3)
    time.sleep(1.1)  # sysUpTime counts in hundredths: let it grow past what a restart resets it to
    assert run_check(spec, CheckContext()).state is HealthState.OK
    snmpd.restart()
    after = run_check(spec, CheckContext())
    assert after.state is HealthState.WARNING and "rebooted" in after.output
    assert run_check(spec, CheckContext()).state is HealthState.OK  # one warning per reboot


def test_interface_oper_status(snmpd: SnmpServer) -> None:
    lo = snmp(snmpd, ifindex="1")  # the loopback interface is index 1 and up
    assert lo.state is HealthState.OK and lo.output == "interface 1 is up"
    assert snmp(snmpd, interface="1").output == "interface 1 is up"  # the name `checks add` accepts
    absent = snmp(snmpd, ifindex="999")
    assert absent.state is HealthState.CRITICAL and "no value" in absent.output


def test_any_oid_with_thresholds(snmpd: SnmpServer) -> None:
    oid = "1.3.6.1.2.1.25.1.6.0"  # hrSystemProcesses: a number that is surely above 1
    ok = snmp(snmpd, oid=oid, warn="100000", crit="200000")
    assert ok.state is HealthState.OK and ok.output.startswith(oid)
    assert snmp(snmpd, oid=oid, warn="1").state is HealthState.WARNING
    assert snmp(snmpd, oid=oid, warn="1", crit="2").state is HealthState.CRITICAL
    text = snmp(snmpd, oid="1.3.6.1.2.1.1.5.0", expect="surely-not-this-name")  # sysName
    assert text.state is HealthState.CRITICAL and "expected 'surely-not-this-name'" in text.output
    bad = snmp(snmpd, oid="SNMPv2-MIB::sysName.0")
    assert bad.state is HealthState.UNKNOWN and "numeric" in bad.output


def test_v3_user_with_passwords_from_the_secrets_getter(snmpd: SnmpServer) -> None:
    store = {"machine:5:snmp": V3_AUTH, "machine:5:snmp:priv": V3_PRIV}
    ctx = CheckContext(get_secret=store.get)
    ok = snmp(snmpd, ctx, ref="machine:5:snmp", user=V3_USER)
    assert ok.state is HealthState.OK, ok.output
    wrong = snmp(
        snmpd,
        CheckContext(get_secret={"machine:5:snmp": "wrong-pass-123"}.get),
        ref="machine:5:snmp",
        user=V3_USER,
        timeout=2,
    )
    assert wrong.state is HealthState.CRITICAL


def test_wrong_community_and_silent_agent_end_within_the_timeout(snmpd: SnmpServer) -> None:
    wrong = snmp(snmpd, community="not-public", timeout=1.5)
    assert wrong.state is HealthState.CRITICAL
    assert_ended_by_its_timeout(wrong.duration_ms, 1.5, wrong)
