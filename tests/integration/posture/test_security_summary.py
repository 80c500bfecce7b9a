"""Posture results written by the real writer, read back as the card and the service report see them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from msp_console.app import App
from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import CheckStatus
from msp_console.domain.posture import Point
from msp_console.monitoring.checks import bundle_windows
from msp_console.monitoring.checks.ssh import judge
from msp_console.monitoring.live import add_check_by_id
from msp_console.monitoring.model import CheckResult, CheckSpec, CheckType
from msp_console.monitoring.params import clean_check
from msp_console.monitoring.writer import Processed, persist
from msp_console.services.security import machine_points, security_summary
from tests.unit.monitoring.test_posture_windows import GREEN_CLIENT, STALE_SERVER, UNPROTECTED


def _poll(app: App, check_id: int, machine_id: int, text: str, at: datetime, warn: str = "") -> None:
    spec = CheckSpec(check_id, machine_id, CheckType.SSH, "h", {"os": "windows"}, warn)
    outcome = judge(spec, bundle_windows.parse(text))
    with app.db.transaction() as s:
        persist(s, [Processed(CheckResult(check_id, machine_id, outcome, at), CheckStatus(outcome.state))])


def test_client_summary_counts_green_machines_per_point(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    app = App.open(f"sqlite:///{tmp_path / 'posture.sqlite3'}")
    try:
        client = app.inventory.save_client({"name": "Studio Rossi"})
        other = app.inventory.save_client({"name": "Altro cliente"})
        now = datetime.now(UTC)
        machines = {}
        for name, text, warn in (
            ("pc-1", GREEN_CLIENT, ""),
            ("pc-2", UNPROTECTED, "bitlocker=~:"),  # this client accepts BitLocker off on pc-2
            ("srv", STALE_SERVER, ""),
        ):
            mid = app.inventory.save_machine(client, {"name": name, "kind": "workstation", "os": "windows"})
            cid = add_check_by_id(app.db, mid, clean_check("ssh", "system", {"os": "windows"}, warn=warn))
            _poll(app, cid, mid, GREEN_CLIENT, now - timedelta(minutes=10))  # an older, greener reading
            _poll(app, cid, mid, text, now - timedelta(minutes=1))
            machines[name] = mid
        printer = app.inventory.save_machine(client, {"name": "stampante", "kind": "printer"})
        foreign = app.inventory.save_machine(other, {"name": "pc-x", "kind": "workstation", "os": "windows"})
        cid = add_check_by_id(app.db, foreign, clean_check("ssh", "system", {"os": "windows"}))
        _poll(app, cid, foreign, UNPROTECTED, now)

        summary = security_summary(app.db, client)
        assert (summary.machines, summary.all_green) == (3, 1)  # the printer reports nothing
        table = {t.point: (t.green, t.reported, t.state) for t in summary.points}
        assert table[Point.FIREWALL] == (2, 3, HealthState.CRITICAL)
        assert table[Point.ANTIVIRUS] == (2, 3, HealthState.CRITICAL)
        assert table[Point.ENCRYPTION] == (2, 2, HealthState.OK)  # pc-2's threshold; srv not readable
        assert table[Point.UPDATES] == (2, 3, HealthState.CRITICAL)  # srv: 112 days

        with app.db.read() as s:
            points = machine_points(s, [machines["pc-2"], printer])
        assert set(points) == {machines["pc-2"]}
        states = {p.point: p.state for p in points[machines["pc-2"]]}
        assert states[Point.TAMPER] is HealthState.WARNING and states[Point.REBOOT] is HealthState.OK
        firewall = next(p for p in points[machines["pc-2"]] if p.point is Point.FIREWALL)
        assert firewall.off == ("Private", "Public")  # for the card: which profiles are off

        card = app.inventory.machine_card(machines["srv"])
        assert {p.point for p in card.security} >= {Point.SCAN, Point.SIGNATURES, Point.UPDATES}
        client_card = app.inventory.client_card(client)
        assert client_card.security == summary
        # A reading older than two days is no longer the machine's posture.
        later = datetime.now(UTC) + timedelta(days=3)
        with app.db.read() as s:
            assert machine_points(s, machines.values(), now=later) == {}
    finally:
        app.close()
