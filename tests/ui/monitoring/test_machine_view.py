"""The machine view: its checks, a validated add dialog, charts from the roll-ups, the timeline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import insert, select

from msp_console.db.models import Check, MetricRollup5m, MetricSeries
from msp_console.domain.health import HealthState
from msp_console.monitoring.model import CheckOutcome
from msp_console.ui.monitoring.chart import LineChart
from msp_console.ui.monitoring.check_dialog import CheckDialog
from tests.ui.monitoring.conftest import Fleet

pytestmark = pytest.mark.ui


def test_machine_view_shows_checks_history_and_adds_a_validated_check(
    qtbot, quiet_window, fleet: Fleet, ids, app
) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    srv = ids["srv"]
    fleet.observed[srv] = CheckOutcome(HealthState.CRITICAL, "no reply")
    fleet.run([srv])
    fleet.observed[srv] = CheckOutcome(HealthState.OK, "reply in 1 ms")
    fleet.run([srv])
    with app.db.transaction() as s:
        check_id = s.scalar(select(Check.id).where(Check.machine_id == srv, Check.name == "ping"))
        series = s.scalar(
            insert(MetricSeries).values(check_id=check_id, name="rtt", unit="ms").returning(MetricSeries.id)
        )
        now = int(datetime.now(UTC).timestamp()) // 300 * 300
        s.execute(
            insert(MetricRollup5m),
            [
                {
                    "series_id": series,
                    "bucket": now - i * 300,
                    "avg": 1.0 + i % 5,
                    "min": 1,
                    "max": 6,
                    "count": 1,
                }
                for i in range(1, 100)
            ],
        )
    view = feature.open_machine_view(srv)
    qtbot.waitUntil(lambda: bool(view.findChildren(LineChart)), timeout=15_000)
    chart = view.findChild(LineChart, "chart-rtt")
    assert chart is not None and len(chart.series[0][1]) >= 99
    pixmap = chart.grab()  # it paints (axes, labels, line) without errors
    assert not pixmap.isNull()
    assert view.table.rowCount() == len([r for r in feature.controller.rows.values() if r.machine_id == srv])
    changes = [view.timeline.item(r, 2).text() for r in range(view.timeline.rowCount())]
    assert "Critical → OK" in changes and "Pending → Critical" in changes  # worded, not raw codes
    attempts: list[str] = []

    def on_open(dialog: CheckDialog) -> None:
        def go() -> None:
            dialog.type.setCurrentIndex(dialog.type.findData("tcp"))
            dialog.name.setText("https port")
            dialog.params["port"].setText("443")
            dialog.warn.setText("lots")  # not a threshold
            dialog.accept()
            attempts.append(dialog.error.text())
            dialog.warn.setText("200")
            dialog.accept()

        QTimer.singleShot(0, go)

    feature.actions.dialog_opened.connect(on_open)
    view.add_check()
    assert attempts and attempts[0].startswith("Warning at: ")  # refused, the field named by its label
    qtbot.waitUntil(lambda: any(r.name == "https port" for r in view.rows()), timeout=15_000)
    with app.db.read() as s:
        added = s.scalar(select(Check).where(Check.name == "https port"))
        assert added is not None and added.params == {"port": "443"} and added.warn == "200"
