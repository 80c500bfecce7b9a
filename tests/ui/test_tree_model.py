"""The tree model obeys Qt's model contract and the search finds what a technician types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from msp_console.app import App
from msp_console.domain.health import HealthState
from msp_console.services.tree import load_tree
from msp_console.ui.models.client_tree import ClientTreeModel, Column, Role
from msp_console.ui.models.tree_filter import TreeFilterModel
from msp_console.ui.states import state_text

pytestmark = pytest.mark.ui


def _snapshot(app: App):  # type: ignore[no-untyped-def]
    with app.db.read() as s:
        return load_tree(s)


def _visible_machines(proxy: TreeFilterModel, parent: QModelIndex | None = None) -> list[str]:
    parent = QModelIndex() if parent is None else parent
    names = []
    for row in range(proxy.rowCount(parent)):
        idx = proxy.index(row, 0, parent)
        ref = idx.data(Role.REF)
        if ref.kind == "machine":
            names.append(ref.name)
        names += _visible_machines(proxy, idx)
    return names


def test_model_passes_qt_model_tester_through_reset_and_updates(qapp, app: App, ids: dict[str, int]) -> None:
    model = ClientTreeModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_snapshot(_snapshot(app))
    assert model.rowCount() == 3
    model.update_machine_state(ids["srv"], HealthState.CRITICAL)
    app.inventory.save_machine(ids["ferramenta"], {"name": "PC-NEW", "kind": "workstation"})
    model.set_snapshot(_snapshot(app))  # a whole new snapshot swapped in
    proxy = TreeFilterModel()
    proxy_tester = QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.setSourceModel(model)
    proxy.set_search_text("pc")
    proxy.set_search_text("")
    del tester, proxy_tester


def test_rows_show_name_state_address_kind_and_roll_up_the_worst_state(qapp, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    snapshot = _snapshot(app)
    model = ClientTreeModel()
    model.set_snapshot(snapshot)
    hotel = model.index_for("client", ids["bellavista"])
    srv = model.index_for("machine", ids["srv"])
    assert srv.parent() == hotel
    row = [srv.siblingAtColumn(c).data() for c in Column]
    never_polled = next(m.state for c in snapshot.clients for m in c.all_machines() if m.id == ids["srv"])
    assert row == ["SRV-01", state_text(never_polled), "127.0.10.2", "Server"]
    assert srv.siblingAtColumn(Column.STATE).data(Qt.ItemDataRole.DecorationRole) is not None

    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.data(Role.REF).name, a.column())))
    model.update_machine_state(ids["srv"], HealthState.CRITICAL)
    assert srv.siblingAtColumn(Column.STATE).data() == "Critical"
    assert hotel.siblingAtColumn(Column.STATE).data() == "Critical"  # the client shows its worst machine
    assert ("SRV-01", Column.STATE) in changed and ("Hotel Bellavista", Column.STATE) in changed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("127.0.20.5", ["NAS-01"]),  # by address
        ("backup", ["SRV-01"]),  # by tag
        ("bellavista.invalid", ["PC-RECEPTION"]),  # by host name
        ("colombo", ["LAPTOP-ANNA", "NAS-01", "SW-01"]),  # a matching client shows all its machines
        ("reception", ["PC-RECEPTION", "PRN-01"]),  # a matching site shows its machines
        ("srv 127.0.10", ["SRV-01"]),  # every word must match
        ("nothing-like-this", []),
    ],
)
def test_search_filters_recursively(qapp, app: App, ids, typed: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    model = ClientTreeModel()
    model.set_snapshot(_snapshot(app))
    proxy = TreeFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search_text(typed)
    assert sorted(_visible_machines(proxy)) == expected


def test_batch_of_state_changes_emits_one_signal_per_contiguous_run(qapp, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    model = ClientTreeModel()
    model.set_snapshot(_snapshot(app))
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    ferr = model.index_for("client", ids["ferramenta"])
    names = {model.index(r, 0, ferr).data(): model.index(r, 0, ferr).data(Role.REF).id for r in range(3)}
    runs = []
    model.dataChanged.connect(
        lambda a, b, _roles: runs.append((a.data(Role.REF).name, b.data(Role.REF).name))
    )
    model.update_machine_states(
        {
            names["LAPTOP-ANNA"]: HealthState.OK,
            names["NAS-01"]: HealthState.WARNING,
            names["SW-01"]: HealthState.OK,
        }
    )
    assert ("LAPTOP-ANNA", "SW-01") in runs  # three adjacent rows: one signal
    assert ("Ferramenta Colombo", "Ferramenta Colombo") in runs
    assert ferr.siblingAtColumn(Column.STATE).data() == "Warning"
    runs.clear()
    model.update_machine_states({names["NAS-01"]: HealthState.WARNING})  # no change, no signal
    assert runs == []
    del tester


def test_live_changes_off_screen_emit_nothing_yet_show_when_painted(qapp, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    model = ClientTreeModel()
    model.show_counts = True
    model.set_snapshot(_snapshot(app))
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    changed: list[str] = []
    model.dataChanged.connect(lambda a, b, _roles: changed.append(a.data(Role.REF).name))
    srv = model.index_for("machine", ids["srv"], Column.STATE)
    hotel = model.index_for("client", ids["bellavista"], Column.STATE)
    model.visible_span = lambda: (0, -1, -1)  # the view shows none of these rows
    model.update_machines({ids["srv"]: HealthState.CRITICAL}, {ids["srv"]: ("disk full", "")})
    assert changed == []
    assert srv.data() == "Critical"  # what a scroll to it paints
    assert "disk full" in srv.data(Qt.ItemDataRole.ToolTipRole)
    assert hotel.data(Role.STATE) == HealthState.CRITICAL and hotel.data() == "1 critical"
    model.visible_span = lambda: (0, 1 << 62, -1)  # every row on screen
    model.update_machines({ids["srv"]: HealthState.CRITICAL}, {ids["srv"]: ("disk full", "ack")})
    assert changed == ["SRV-01", "Hotel Bellavista"]  # silenced: the client now says "1 silenced"
    assert hotel.data() == "1 silenced"
    del tester


def test_client_states_and_counts_follow_a_stream_of_changes(qapp, app: App) -> None:  # type: ignore[no-untyped-def]
    import random

    model = ClientTreeModel()
    model.show_counts = True
    snapshot = _snapshot(app)
    model.set_snapshot(snapshot)
    machines = {m.id: c.id for c in snapshot.clients for m in c.all_machines()}
    states = list(HealthState)
    rnd = random.Random(3)
    final: dict[int, tuple[HealthState, bool | str]] = {}
    for _ in range(40):
        batch = {
            mid: (rnd.choice(states), rnd.choice([False, "ack", "maintenance"]))
            for mid in rnd.sample(sorted(machines), 4)
        }
        model.update_machines(
            {m: s for m, (s, _) in batch.items()}, {m: ("", muted) for m, (_, muted) in batch.items()}
        )
        final.update(batch)
    expected: dict[HealthState, int] = {}
    for mid in machines:
        state, muted = final.get(mid, (model.machine_state(mid), False))
        if (
            state in (HealthState.CRITICAL, HealthState.UNREACHABLE, HealthState.WARNING, HealthState.UNKNOWN)
            and not muted
        ):
            expected[state] = expected.get(state, 0) + 1
    assert model.problem_counts() == expected  # the window title's counts
    for client in snapshot.clients:
        below = [model.machine_state(m.id) for m in client.all_machines()]
        if below:  # the client shows its worst machine
            worst = max(below, key=lambda s: s.severity)  # type: ignore[union-attr]
            assert model.index_for("client", client.id).data(Role.STATE) == worst
