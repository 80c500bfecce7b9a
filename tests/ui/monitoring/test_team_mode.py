"""Team mode (PostgreSQL): the console does not poll; it hears the shared pollers' results
(LISTEN/NOTIFY) and shows them in the tree."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

import pytest

from msp_console.app import App
from msp_console.domain.health import HealthState
from msp_console.domain.monitoring_state import CheckStatus
from msp_console.monitoring.live import add_check_by_id
from msp_console.monitoring.model import CheckOutcome, CheckResult
from msp_console.monitoring.params import clean_check
from msp_console.monitoring.writer import Processed, ResultWriter
from msp_console.ui.models.client_tree import Column
from tests.support.threads import threads_left

pytestmark = pytest.mark.ui


def test_console_in_team_mode_listens_instead_of_polling(qtbot, postgres_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    url = postgres_server.create_database(f"msp_team_gui_{os.getpid()}")
    app = App.open(url)
    client = app.inventory.save_client({"name": "Studio"})
    machine = app.inventory.save_machine(client, {"name": "srv", "kind": "server", "address": "127.0.0.1"})
    check_id = add_check_by_id(app.db, machine, clean_check("tcp", "ssh", {"port": "22"}))
    before = set(threading.enumerate())
    win = MainWindow(app)
    qtbot.addWidget(win)
    feature = win.monitoring
    assert feature.controller.host.team and feature.team.isChecked()
    win.show()
    with qtbot.waitSignal(win.tree_loaded, timeout=10_000):
        win.reload()
    qtbot.waitUntil(lambda: "listening" in win.polling_label.text(), timeout=10_000)
    assert feature.controller.host.poller is None  # nothing polled here
    qtbot.wait(300)  # the listener is connected
    writer = ResultWriter(app.db)  # what a `msp-console poller` elsewhere does
    writer.start()
    now = datetime.now(UTC)
    status = CheckStatus(
        HealthState.CRITICAL, HealthState.CRITICAL, output="connection refused", last_run=now
    )
    result = CheckResult(check_id, machine, CheckOutcome(HealthState.CRITICAL, "connection refused"), now)
    writer.submit(Processed(result, status, (), True))
    writer.flush()
    writer.stop()
    state = win.model.index_for("machine", machine, Column.STATE)
    qtbot.waitUntil(lambda: state.data() == "Critical", timeout=10_000)
    win.close()
    wait_for_background()
    app.close()
    assert threads_left(before, shared=()) == []
