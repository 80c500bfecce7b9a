"""Engine control from the window: the status bar, pause/resume, F5 check now — with the real
engine and a real TCP check on loopback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from msp_console.app import App
from msp_console.db.models import Check
from msp_console.monitoring.live import add_check_by_id
from msp_console.monitoring.params import clean_check
from msp_console.ui.models.client_tree import Column
from tests.support.threads import threads_left

pytestmark = pytest.mark.ui


@pytest.fixture
def listening() -> Iterator[int]:
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen(50)
        yield srv.getsockname()[1]


def test_pause_resume_and_check_now(qtbot, tmp_path, monkeypatch, listening: int) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")
    app = App.open(f"sqlite:///{tmp_path / 'ctl.sqlite3'}")
    client = app.inventory.save_client({"name": "Ufficio"})
    machine = app.inventory.save_machine(
        client, {"name": "pc", "kind": "workstation", "address": "127.0.0.1"}
    )
    check_id = add_check_by_id(app.db, machine, clean_check("tcp", "web", {"port": str(listening)}))
    with app.db.transaction() as s:
        s.execute(update(Check).where(Check.id == check_id).values(interval_s=3600))  # only when asked
    before = set(threading.enumerate())
    win = MainWindow(app)
    qtbot.addWidget(win)
    feature = win.monitoring
    win.show()
    with qtbot.waitSignal(win.tree_loaded, timeout=10_000):
        win.reload()
    qtbot.waitUntil(lambda: feature.controller.host.poller is not None, timeout=15_000)
    feature.controller._report_status()
    assert "polling running" in win.polling_label.text()
    state = win.model.index_for("machine", machine, Column.STATE)
    win.tree.select("machine", machine)
    feature.check_now.trigger()  # F5
    qtbot.waitUntil(lambda: state.data() == "OK", timeout=15_000)
    assert "1 checks/min" in win.polling_label.text() or feature.controller.dispatcher.applied >= 1
    feature.pause.setChecked(True)
    assert "paused" in win.polling_label.text()
    # Stopping joins the control thread for up to 30 s: waiting longer than that still catches a
    # thread that never ends, without failing on a machine too busy to stop it in a few seconds.
    qtbot.waitUntil(
        lambda: not any(t.name == "monitoring-control" for t in set(threading.enumerate()) - before),
        timeout=60_000,
    )
    feature.check_now.trigger()
    assert "resume" in win.statusBar().currentMessage()
    feature.pause.setChecked(False)
    qtbot.waitUntil(lambda: feature.controller.host.poller is not None, timeout=15_000)
    feature.controller._report_status()
    assert "polling running" in win.polling_label.text()
    win.close()
    wait_for_background()
    app.close()
    assert threads_left(before) == []
