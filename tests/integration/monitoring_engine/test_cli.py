"""`msp-console checks|import checks|poll --once|ack|maintenance` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msp_console.app import App
from msp_console.cli import main
from tests.integration.monitoring_engine.conftest import Listener


def cli(url: str, *args: str) -> int:
    return main(["--database", url, *args])


@pytest.fixture
def fleet(app: App, database_url: str) -> str:
    cid = app.inventory.save_client({"name": "Ottica Verdi"})
    app.inventory.save_machine(cid, {"name": "srv", "kind": "server", "address": "127.0.0.1"})
    app.inventory.save_machine(cid, {"name": "pc", "kind": "workstation", "address": "127.0.0.1"})
    return database_url


def test_machines_never_polled_are_pending(fleet: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli(fleet, "checks", "add", "Ottica Verdi/srv", "ping")
    capsys.readouterr()
    assert cli(fleet, "tree", "--json") == 0
    (client,) = json.loads(capsys.readouterr().out)["clients"]
    assert {m["name"]: m["state"] for m in client["machines"]} == {"srv": "PENDING", "pc": "PENDING"}


def test_checks_add_list_remove(fleet: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli(fleet, "checks", "add", "Ottica Verdi/srv", "tcp", "--param", "port=22", "--interval", "30") == 0
    )
    assert (
        cli(
            fleet,
            "checks",
            "add",
            "ottica verdi/SRV",
            "http",
            "--name",
            "site",
            "--param",
            "url=http://127.0.0.1:1/",
            "--param",
            "contains=Benvenuti",
            "--warn",
            "500",
            "--crit",
            "2000",
        )
        == 0
    )
    capsys.readouterr()
    assert cli(fleet, "checks", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["machine"], c["name"], c["type"], c["interval"], c["state"]) for c in listed] == [
        ("srv", "site", "http", 60, "PENDING"),
        ("srv", "tcp 22", "tcp", 30, "PENDING"),
    ]
    assert listed[0]["params"] == {"url": "http://127.0.0.1:1/", "contains": "Benvenuti"}
    assert (listed[0]["warn"], listed[0]["crit"]) == ("500", "2000")
    assert cli(fleet, "checks", "add", "Ottica Verdi/srv", "tcp", "--param", "port=22") == 1
    assert "already has a check named 'tcp 22'" in capsys.readouterr().err
    assert cli(fleet, "checks", "add", "Ottica Verdi/srv", "tcp", "--param", "prot=22") == 1
    err = capsys.readouterr().err
    assert "'prot' is not a tcp parameter" in err and "a tcp check needs 'port'" in err
    assert cli(fleet, "checks", "add", "Ottica Verdi/nope", "ping") == 1
    assert "no machine 'nope'" in capsys.readouterr().err
    assert cli(fleet, "checks", "add", "Ottica Verdi/srv", "ping", "--warn", "fast") == 1
    assert "warn:" in capsys.readouterr().err  # a threshold typo is refused when added, not at the poll
    assert cli(fleet, "checks", "add", "Ottica Verdi/srv", "telnet") == 1
    assert "unknown check type 'telnet'" in capsys.readouterr().err
    assert cli(fleet, "checks", "remove", "Ottica Verdi/srv", "site") == 0
    capsys.readouterr()
    assert cli(fleet, "checks", "list") == 0
    out = capsys.readouterr().out
    assert "tcp 22" in out and "site" not in out


def test_import_checks_good_file_then_all_or_nothing_bad_file(
    fleet: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "checks.csv"
    good.write_text(
        "client;machine;type;name;params;warn;crit;interval\n"
        "Ottica Verdi;srv;tcp;rdp;port=3389;;;60\n"
        'Ottica Verdi;srv;http;web;"url=https://127.0.0.1/;verify=no";;;\n'
        "Ottica Verdi;pc;ping;;count=2;100;500;30\n",
        encoding="utf-8",
    )
    assert cli(fleet, "import", "checks", str(good)) == 0
    assert "imported 3 checks: 3 new" in capsys.readouterr().out
    assert cli(fleet, "import", "checks", str(good)) == 0
    assert "0 new, 0 updated, 3 unchanged" in capsys.readouterr().out
    cli(fleet, "checks", "list", "--json")
    web = next(c for c in json.loads(capsys.readouterr().out) if c["name"] == "web")
    assert web["params"] == {"url": "https://127.0.0.1/", "verify": "no"}
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "client,machine,type,name,params,warn,crit,interval\n"
        "Ottica Verdi,pc,tcp,new one,port=80,,,60\n"
        "Ottica Verdi,ghost,ping,,,,,\n"
        "Ottica Verdi,srv,tcp,x,port=99999,,,\n"
        "Ottica Verdi,srv,snmp,y,oid,,,\n"
        "Ottica Verdi,pc,ping,p2,,,,2\n"
        "Ottica Verdi,pc,tcp,new one,port=81,,,\n",
        encoding="utf-8",
    )
    assert cli(fleet, "import", "checks", str(bad)) == 1
    err = capsys.readouterr().err
    for expected in (
        "line 3: machine: no machine 'ghost' at client 'Ottica Verdi'",
        "line 4: params: port must be a number from 1 to 65535",
        "line 5: params: 'oid' is not key=value",
        "line 6: interval: must be whole seconds from 5 to 86400",
        "line 7: name: appears again (first on line 2)",
    ):
        assert expected in err
    capsys.readouterr()
    assert cli(fleet, "checks", "list", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 3  # nothing from the bad file was written


def test_poll_once_json_open_port_ok_closed_port_critical(
    fleet: str, listener: Listener, closed_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(
        fleet,
        "checks",
        "add",
        "Ottica Verdi/srv",
        "tcp",
        "--name",
        "open",
        "--param",
        f"port={listener.port}",
    )
    cli(
        fleet,
        "checks",
        "add",
        "Ottica Verdi/pc",
        "tcp",
        "--name",
        "closed",
        "--param",
        f"port={closed_port}",
        "--param",
        "timeout=2",
    )
    capsys.readouterr()
    for _attempt in range(3):
        assert cli(fleet, "poll", "--once", "--json") == 0  # exit 0 whatever the states
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        by_check = {r["check"]: r for r in rows}
        assert set(by_check) == {"open", "closed"}
        assert by_check["open"]["state"] == by_check["open"]["hard_state"] == "OK"
        assert by_check["closed"]["state"] == "CRITICAL"
        assert set(by_check["open"]) == {
            "client",
            "machine",
            "check",
            "state",
            "hard_state",
            "output",
            "duration_ms",
        }
        assert by_check["open"]["client"] == "Ottica Verdi" and by_check["open"]["machine"] == "srv"
    # The third poll confirmed the closed port: soft → hard.
    assert by_check["closed"]["hard_state"] == "CRITICAL"
    # The kernel accepted the three connections before each poll ended; the listener's thread
    # counts them when it next runs, which on a busy machine can be a little later.
    assert listener.wait_for_accepted(3), listener.accepted
    # The tree rolls check states up: machine = worst of its checks, client = worst of its machines.
    assert cli(fleet, "tree", "--json") == 0
    (client,) = json.loads(capsys.readouterr().out)["clients"]
    assert {m["name"]: m["state"] for m in client["machines"]} == {"srv": "OK", "pc": "CRITICAL"}
    assert client["state"] == "CRITICAL"
    assert cli(fleet, "ack", "Ottica Verdi/pc", "closed", "--comment", "service moved", "--sticky") == 0
    capsys.readouterr()
    cli(fleet, "checks", "list", "--json")
    acked = {c["name"]: c["acked"] for c in json.loads(capsys.readouterr().out)}
    assert acked == {"open": False, "closed": True}
    assert cli(fleet, "ack", "Ottica Verdi/srv", "open", "--comment", "x") == 1
    assert "only a problem can be acknowledged (it is OK)" in capsys.readouterr().err


def test_maintenance_add_and_list(fleet: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli(
            fleet,
            "maintenance",
            "add",
            "Ottica Verdi",
            "--start",
            "2026-12-06T02:00+01:00",
            "--end",
            "2026-12-06T04:00+01:00",
            "--rrule",
            "FREQ=WEEKLY;BYDAY=SU",
            "--comment",
            "updates",
        )
        == 0
    )
    assert (
        cli(
            fleet,
            "maintenance",
            "add",
            "Ottica Verdi/srv",
            "--start",
            "2026-12-06T04:00",
            "--end",
            "2026-12-06T02:00",
        )
        == 1
    )
    assert "end: must be after the start" in capsys.readouterr().err
    assert cli(fleet, "maintenance", "list", "--json") == 0
    (window,) = json.loads(capsys.readouterr().out)
    assert window["client"] == "Ottica Verdi" and window["machine"] is None
    assert window["start"] == "2026-12-06T01:00:00+00:00" and window["rrule"] == "FREQ=WEEKLY;BYDAY=SU"


def test_new_machines_get_their_kind_templates(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "1")
    app = App.open(database_url)
    try:
        cid = app.inventory.save_client({"name": "Bar Sport"})
        app.inventory.save_machine(cid, {"name": "fw", "kind": "firewall", "address": "fw.bar.invalid"})
        app.inventory.save_machine(cid, {"name": "nobody", "kind": "printer"})  # no address: nothing to poll
    finally:
        app.close()
    machines = tmp_path / "m.csv"
    machines.write_text(
        "client,name,kind,os,address\nBar Sport,dc,server,windows,127.0.0.1\n"
        "Bar Sport,nas,nas,linux,127.0.0.2\n",
        encoding="utf-8",
    )
    assert cli(database_url, "import", "machines", str(machines)) == 0
    capsys.readouterr()
    cli(database_url, "checks", "list", "--json")
    got = {(c["machine"], c["name"], c["type"]) for c in json.loads(capsys.readouterr().out)}
    assert got == {
        ("fw", "ping", "ping"),
        ("fw", "admin https", "http"),
        ("fw", "uptime", "snmp"),
        ("dc", "ping", "ping"),
        ("dc", "rdp", "tcp"),
        ("nas", "ping", "ping"),
        ("nas", "admin https", "http"),
        ("nas", "system", "ssh"),
    }


def test_new_checks_take_the_polling_defaults_from_settings(
    fleet: str, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Settings → Polling: interval, attempts and timeout of every new check named without them —
    added on the command line, imported, or proposed by a machine kind's templates."""
    from sqlalchemy import select

    from msp_console.db.models import Check, Machine
    from msp_console.preferences import update_preferences

    update_preferences(poll_interval_s=120, poll_attempts=5, poll_timeout_s=20)
    assert cli(fleet, "checks", "add", "Ottica Verdi/srv", "ping") == 0
    assert "every 120 s" in capsys.readouterr().out
    assert (
        cli(fleet, "checks", "add", "Ottica Verdi/srv", "tcp", "--param", "port=22", "--param", "timeout=3")
        == 0
    )
    csv = tmp_path / "checks.csv"
    csv.write_text("client;machine;type;name;interval\nOttica Verdi;pc;ping;;\n", encoding="utf-8")
    assert cli(fleet, "import", "checks", str(csv)) == 0
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "1")
    cid = app.inventory.save_client({"name": "Studio Neri"})
    app.inventory.save_machine(cid, {"name": "gw", "kind": "server", "os": "linux", "address": "127.0.0.2"})
    with app.db.read() as s:
        rows = {
            (machine, c.name): (c.interval_s, c.max_attempts, c.timeout_s)
            for c, machine in s.execute(select(Check, Machine.name).join(Machine))
        }
    assert rows == {
        ("srv", "ping"): (120, 5, 20.0),
        ("srv", "tcp 22"): (120, 5, 3.0),  # its own timeout parameter wins
        ("pc", "ping"): (120, 5, 20.0),
        ("gw", "ping"): (120, 5, 20.0),
        ("gw", "system"): (300, 5, 20.0),  # a bundled SSH command: never more often than 5 min
    }
