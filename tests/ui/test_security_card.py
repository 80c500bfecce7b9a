"""The Security section of the details pane: a machine's points, a client's summary, the demo's."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.domain.health import HealthState
from msp_console.domain.posture import Point, judge_points, ranges, summarize
from msp_console.services.views import MachineCard
from msp_console.ui.views.details import DetailsPane
from tests.ui import screen_catalog as catalog

pytestmark = pytest.mark.ui


def _card(security: tuple, os_name: str = "windows") -> MachineCard:  # type: ignore[type-arg]
    return MachineCard(
        7,
        1,
        "Studio Rossi",
        None,
        "",
        "pc-1",
        "workstation",
        "10.0.0.5",
        os_name,
        None,
        "",
        "",
        "",
        HealthState.CRITICAL,
        security,
    )


def test_machine_card_lists_each_point_with_its_state_and_reading(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = DetailsPane()
    qtbot.addWidget(pane)
    points = judge_points(
        {
            "firewall_off": 1,
            "antivirus_off": 0,
            "defender_signature_age": 5,
            "scan_age": 9999,
            "reboot_pending": 1,
            "update_age": 12,
            "bitlocker_off": 0,
        },
        *ranges("", ""),
    )
    pane.show_machine(_card(points))
    text = pane.toPlainText()
    for line in (
        "✕\nFirewall: off",
        "✓\nAntivirus: on",
        "!\nAntivirus signatures: 5 day",
        "✕\nLast antivirus scan: never",
        "!\nReboot: pending",
        "✓\nUpdates: last installed 12 day",
        "✓\nDisk encryption: BitLocker on",
    ):
        assert line in text, text
    profiles = judge_points(
        {"firewall_off": 1, "firewall_on:Domain": 1, "firewall_on:Public": 0}, *ranges("", "")
    )
    pane.show_machine(_card(profiles))
    assert "✕\nFirewall: off (Public)" in pane.toPlainText()
    pane.show_machine(_card(()))
    assert "No security posture reported yet" in pane.toPlainText()
    pane.show_machine(_card((), "other"))  # a printer: no Security section at all
    assert "Security" not in pane.toPlainText()


def test_demo_windows_machines_report_posture_and_the_client_sums_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = catalog.demo_app(tmp_path / "demo.sqlite3")
    try:
        pane = DetailsPane()
        qtbot.addWidget(pane)
        path_id = app.inventory.machine_id_by_path("Studio Legale Ferrari/pc-praticante")
        card = app.inventory.machine_card(path_id)
        states = {p.point: p.state for p in card.security}
        assert states[Point.FIREWALL] is HealthState.CRITICAL  # the story's Public profile off
        assert states[Point.ANTIVIRUS] is HealthState.OK
        reception = app.inventory.machine_card(
            app.inventory.machine_id_by_path("Hotel Bellavista S.r.l./reception-pc")
        )
        assert {p.point: p.state for p in reception.security}[Point.REBOOT] is HealthState.WARNING
        client = app.inventory.client_card(card.client_id)
        assert client.security is not None and client.security.machines >= 2
        pane.show_client(client)
        text = pane.toPlainText()
        assert "Security" in text and f"Firewall: {client.security.points[0].green} of" in text
    finally:
        app.close()


def test_summary_glyph_is_the_worst_machine_state() -> None:
    s = summarize(
        [
            judge_points({"firewall_off": 1}, *ranges("", "")),
            judge_points({"firewall_off": 0}, *ranges("", "")),
        ]
    )
    assert s.points[0].state is HealthState.CRITICAL and (s.points[0].green, s.points[0].reported) == (1, 2)


def test_the_card_on_show_follows_a_new_posture(qtbot, window, app, ids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A result that turns the machine red is stored; a moment later its card shows why."""
    from datetime import UTC, datetime

    from msp_console.domain.monitoring_state import CheckStatus
    from msp_console.monitoring.checks import bundle_windows
    from msp_console.monitoring.checks.ssh import judge
    from msp_console.monitoring.live import add_check_by_id
    from msp_console.monitoring.model import CheckResult, CheckSpec, CheckType
    from msp_console.monitoring.params import clean_check
    from msp_console.monitoring.writer import Processed, persist
    from msp_console.ui import selected_card
    from tests.unit.monitoring.test_posture_windows import UNPROTECTED

    monkeypatch.setattr(selected_card, "REREAD_MS", 50)
    window.card._reread.setInterval(50)
    with qtbot.waitSignal(window.card.shown, timeout=10_000):
        window.tree.select("machine", ids["srv"])
    assert "Firewall" not in window.details.toPlainText()
    check = add_check_by_id(app.db, ids["srv"], clean_check("ssh", "posture", {"os": "windows"}))
    out = judge(
        CheckSpec(check, ids["srv"], CheckType.SSH, "h", {"os": "windows"}), bundle_windows.parse(UNPROTECTED)
    )
    with app.db.transaction() as s:
        persist(
            s, [Processed(CheckResult(check, ids["srv"], out, datetime.now(UTC)), CheckStatus(out.state))]
        )
    window.live_states.submit(ids["srv"], HealthState.CRITICAL)
    qtbot.waitUntil(lambda: "Firewall: off (Private, Public)" in window.details.toPlainText(), timeout=10_000)
    assert "✕ Critical" in window.details.toPlainText()
