"""tcp, ping and http checks against real listeners, namespaces and TLS servers."""

from __future__ import annotations

import socket

from msp_console.domain.health import HealthState
from msp_console.monitoring.checks import CheckContext, run_check
from msp_console.monitoring.model import CheckSpec, CheckType
from tests.integration.monitoring.conftest import Lab, TlsSites
from tests.support.deadlines import assert_ended_by_its_timeout

CTX = CheckContext()


def check(kind: CheckType, host: str, timeout: float = 3.0, warn: str = "", crit: str = "", **params: str):
    return run_check(CheckSpec(1, 1, kind, host, params, warn=warn, crit=crit, timeout=timeout), CTX)


def test_tcp_open_slow_and_refused(sshd) -> None:
    ok = check(CheckType.TCP, "127.0.0.1", port=str(sshd.port))
    assert ok.state is HealthState.OK and "open" in ok.output
    assert ok.metrics[0].name == "time"
    # A connect always takes more than 0 ms: an "@0:" inside-range threshold makes it alert.
    warn = check(CheckType.TCP, "127.0.0.1", warn="@0:", port=str(sshd.port))
    assert warn.state is HealthState.WARNING and "connect took" in warn.output
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    refused = check(CheckType.TCP, "127.0.0.1", port=str(closed))
    assert refused.state is HealthState.CRITICAL and "refused" in refused.output
    assert check(CheckType.TCP, "127.0.0.1").state is HealthState.UNKNOWN  # no port: configuration problem


def test_ping_falls_back_and_says_which_method_ran(netlab: Lab) -> None:
    ns = netlab.net.namespaces[0]
    ok = check(CheckType.PING, ns.address, count="2")
    assert ok.state is HealthState.OK
    # This machine refuses unprivileged ICMP (ping_group_range = 1 0): the system ping ran.
    assert "via ping binary" in ok.output or "via icmp" in ok.output
    assert {m.name for m in ok.metrics} == {"rtt", "loss"}
    strict = check(CheckType.PING, ns.address, warn="@0:,100%", count="2")
    assert strict.state is HealthState.WARNING and "rtt" in strict.output


def test_ping_and_tcp_to_a_host_that_is_down(netlab: Lab) -> None:
    ns = netlab.net.namespaces[2]
    ns.link(False)
    try:
        down = check(CheckType.PING, ns.address, timeout=3, count="2")
        assert down.state is HealthState.CRITICAL and "is down" in down.output
        assert_ended_by_its_timeout(down.duration_ms, 3, down)
        tcp = check(CheckType.TCP, ns.address, timeout=2, port="22")
        assert tcp.state is HealthState.CRITICAL
        assert "no answer" in tcp.output or "no route" in tcp.output
        assert_ended_by_its_timeout(tcp.duration_ms, 2, tcp)
    finally:
        ns.link(True)


def test_ping_tcp_fallback_when_no_icmp_method_works(netlab: Lab, monkeypatch) -> None:
    from msp_console.monitoring.checks import ping

    monkeypatch.setattr(ping.shutil, "which", lambda name: None)
    monkeypatch.setattr(ping.os, "access", lambda path, mode: False)
    ns = netlab.net.namespaces[0]
    out = check(CheckType.PING, ns.address, port="22")
    assert out.state is HealthState.OK and "tcp connect to port 22" in out.output
    none = check(CheckType.PING, ns.address)
    assert none.state is HealthState.UNKNOWN and "no TCP port" in none.output


def https(site, path: str = "/") -> str:
    return f"https://127.0.0.1:{site.port}{path}"


def test_https_valid_certificate_status_and_body(tls_sites: TlsSites) -> None:
    ca = str(tls_sites.ca_file)
    ok = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid), ca_file=ca, contains="hello")
    assert ok.state is HealthState.OK, ok.output
    assert "HTTP 200" in ok.output and "certificate expires in 200 days" in ok.output
    soon = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid), ca_file=ca, cert_warn_days="365")
    assert soon.state is HealthState.WARNING and "certificate expires in 200 days" in soon.output
    missing = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid, "/missing"), ca_file=ca)
    assert missing.state is HealthState.CRITICAL and "status 404, expected 200" in missing.output
    expected = check(
        CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid, "/missing"), ca_file=ca, expect_status="404"
    )
    assert expected.state is HealthState.OK
    body = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid), ca_file=ca, contains="goodbye")
    assert body.state is HealthState.CRITICAL and "does not contain 'goodbye'" in body.output


def test_https_expiring_wrong_name_and_unknown_ca_are_critical(tls_sites: TlsSites) -> None:
    ca = str(tls_sites.ca_file)
    expiring = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.expiring), ca_file=ca)
    assert expiring.state is HealthState.CRITICAL and "certificate expires in 5 days" in expiring.output
    wrong = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.wrong_name), ca_file=ca)
    assert wrong.state is HealthState.CRITICAL
    assert "certificate is for another name" in wrong.output and "www.example.invalid" in wrong.output
    unknown_ca = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid))
    assert unknown_ca.state is HealthState.CRITICAL and "issuer is not trusted" in unknown_ca.output
    no_ca = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.valid), ca_file="/nonexistent/ca.pem")
    assert no_ca.state is HealthState.UNKNOWN and "cannot read ca_file /nonexistent/ca.pem" in no_ca.output
    unverified = check(CheckType.HTTP, "127.0.0.1", url=https(tls_sites.wrong_name), verify="no")
    assert unverified.state is HealthState.OK and "expires in 200 days" in unverified.output


def test_http_plain_slow_and_refused(tls_sites: TlsSites) -> None:
    url = f"http://127.0.0.1:{tls_sites.plain.port}/"
    ok = check(CheckType.HTTP, "127.0.0.1", url=url)
    assert ok.state is HealthState.OK and "certificate" not in ok.output
    slow = check(CheckType.HTTP, "127.0.0.1", timeout=1.0, url=url + "slow")
    assert slow.state is HealthState.CRITICAL and "1 s" in slow.output
    assert_ended_by_its_timeout(slow.duration_ms, 1.0, slow)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    moved = check(CheckType.HTTP, "127.0.0.1", url=url + "old")
    assert (
        moved.state is HealthState.CRITICAL
        and "status 301, expected 200 (redirects to /new-home)" in moved.output
    )
    refused = check(CheckType.HTTP, "127.0.0.1", url=f"http://127.0.0.1:{closed}/")
    assert refused.state is HealthState.CRITICAL and "refused" in refused.output


def test_ping_uses_icmplib_where_the_os_allows_unprivileged_icmp(netlab: Lab) -> None:
    """Inside a namespace with ping_group_range opened, icmplib's unprivileged socket runs first."""
    import sys

    src, dst = netlab.net.namespaces[0], netlab.net.namespaces[1]
    src.run("sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 2147483647")
    code = (
        "from msp_console.monitoring.checks import CheckContext, run_check\n"
        "from msp_console.monitoring.model import CheckSpec, CheckType\n"
        f"o = run_check(CheckSpec(1, 1, CheckType.PING, {dst.address!r}, {{'count': '2'}}), CheckContext())\n"
        "print(o.state, o.output)\n"
    )
    done = src.run(sys.executable, "-c", code)
    assert done.stdout.startswith("OK ") and "via icmp (unprivileged socket)" in done.stdout, done.stderr
