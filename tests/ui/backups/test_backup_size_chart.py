"""A backup check's size history is a chart in the machine view, its axis in KiB/MiB/GiB."""

from __future__ import annotations

import pytest

from msp_console.app import App
from msp_console.domain.health import HealthState
from msp_console.monitoring.live import add_check_by_id
from msp_console.monitoring.model import CheckOutcome, Metric
from msp_console.monitoring.params import clean_check
from msp_console.ui.monitoring.chart import LineChart, tick_text
from tests.ui.monitoring.conftest import Fleet, fleet, quiet_window  # noqa: F401 - fixtures

pytestmark = pytest.mark.ui
GIB = 1 << 30


@pytest.fixture
def restic_on_srv(app: App, ids: dict[str, int]) -> int:
    fields = clean_check("restic", "", {"repository": "/srv/restic", "password_ref": "backup:srv"})
    return add_check_by_id(app.db, ids["srv"], fields)


def test_backup_size_and_age_are_charted(qtbot, restic_on_srv, quiet_window, fleet: Fleet, ids) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    srv = ids["srv"]
    for size in (2 * GIB, 2 * GIB, GIB // 4):
        fleet.observed[srv] = CheckOutcome(
            HealthState.OK,
            "last successful backup",
            (Metric("age", 3.0, "h", 26, 50), Metric("size", size, "B")),
        )
        fleet.run([srv])
    view = quiet_window.monitoring.open_machine_view(srv)
    qtbot.waitUntil(lambda: view.findChild(LineChart, "chart-size") is not None, timeout=15_000)
    chart = view.findChild(LineChart, "chart-size")
    assert chart.title == "Backup size" and chart.unit == "B"
    assert [v for _t, v in chart.series[0][1]][-1] == GIB // 4
    assert view.findChild(LineChart, "chart-age") is not None
    assert not chart.grab().isNull()


def test_byte_ticks_read_as_sizes():
    assert tick_text(1.5 * GIB, "B") == "1.5 GiB"
    assert tick_text(250.0, "ms") == "250"
