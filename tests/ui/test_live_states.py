"""States submitted from many threads land in the tree; the latest state of each machine wins."""

from __future__ import annotations

import threading

import pytest

from msp_console.domain.health import HealthState
from msp_console.ui.main_window import MainWindow
from msp_console.ui.models.client_tree import Column, Role

pytestmark = pytest.mark.ui


def test_states_from_worker_threads_reach_the_tree(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    live = window.live_states
    machine_ids = [m.id for c in window.model.snapshot.clients for m in c.all_machines()]
    cycle = [HealthState.OK, HealthState.WARNING, HealthState.CRITICAL, HealthState.UNKNOWN]

    def poller(offset: int) -> None:
        for i in range(2_500):
            live.submit(machine_ids[(i + offset) % len(machine_ids)], cycle[(i + offset) % 4])

    threads = [threading.Thread(target=poller, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    live.submit(ids["srv"], HealthState.CRITICAL)  # the last word on SRV-01
    live.submit(ids["fw"], HealthState.OK)
    srv = window.model.index_for("machine", ids["srv"], Column.STATE)
    qtbot.waitUntil(lambda: srv.data() == "Critical")
    hotel = window.model.index_for("client", ids["bellavista"], Column.STATE)
    assert hotel.data(Role.STATE) == HealthState.CRITICAL  # rolled up to the client
    with qtbot.waitSignal(window.card.shown, timeout=10_000):  # the card is read off the GUI thread
        window.tree.select("machine", ids["srv"])
    assert "✕ Critical" in window.details.toPlainText()


def test_extension_points_for_later_features(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    index = window.add_task_tab(QLabel("problems"), "Problems")
    assert window.tabs.tabText(index) == "Problems"
    window.set_polling_status("polling ● running")
    assert window.polling_label.text() == "polling ● running"


def test_machine_opener_and_context_menu_hooks(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    window.machine_opener = opened.append  # what remote sessions plug in: connect on Enter
    window.context_menu_hooks.append(lambda menu, ref: menu.addAction(f"Connect to {ref.name}"))
    window.tree.select("machine", ids["srv"])
    window.tree.view.open_requested.emit(window.tree.view.currentIndex())
    assert opened == [ids["srv"]]
    texts = [a.text() for a in window.context_menu(window.tree.current_ref()).actions()]
    assert texts[-1] == "Connect to SRV-01"
