"""The Problems table follows a stream of changes by moving rows, not rebuilding: the order is
the full re-sort's, the model contract holds, and a selected problem stays selected."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtTest import QAbstractItemModelTester

from msp_console.domain.health import HealthState
from msp_console.monitoring.live import CheckRow
from msp_console.ui.monitoring.problems_model import MAX_RUNS, ProblemsModel, problem_order

pytestmark = pytest.mark.ui
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
STATES = (HealthState.OK, HealthState.WARNING, HealthState.CRITICAL, HealthState.UNKNOWN)


def row(check_id: int, state: HealthState, minutes: int, output: str = "") -> CheckRow:
    since = T0 + timedelta(minutes=minutes)
    machine = f"PC-{check_id // 3:02d}"
    return CheckRow(
        check_id, check_id // 3, 1, "Hotel Bellavista", machine, "127.0.0.1", f"check {check_id}",
        "tcp", state, state, False, output or state.value, since, since, None,
    )  # fmt: skip


def shown(rows: dict[int, CheckRow]) -> tuple[list[CheckRow], list[tuple[int, float, int]]]:
    problems = sorted((r for r in rows.values() if r.is_problem), key=problem_order)
    return problems, [problem_order(r) for r in problems]


def test_changes_move_rows_in_place_and_keep_the_selection(qapp) -> None:  # type: ignore[no-untyped-def]
    rnd = random.Random(7)
    rows = {cid: row(cid, rnd.choice(STATES), rnd.randrange(600)) for cid in range(300)}
    model = ProblemsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows(shown(rows)[0])
    selection = QItemSelectionModel(model)
    for _ in range(30):
        chosen = model.rows[len(model.rows) // 2]
        selection.setCurrentIndex(
            model.index(len(model.rows) // 2, 0), QItemSelectionModel.SelectionFlag.Select
        )
        changed = []
        for cid in rnd.sample(sorted(rows), 12):
            if cid == chosen.check_id:
                continue
            rows[cid] = replace(
                rows[cid], state=rnd.choice(STATES), since=T0 + timedelta(minutes=rnd.randrange(600))
            )
            changed.append(rows[cid])
        rows[chosen.check_id] = replace(chosen, output="new output, same place")  # edited in place
        changed.append(rows[chosen.check_id])
        new_rows, keys = shown(rows)
        assert model.apply(new_rows, keys, changed)
        assert [r.check_id for r in model.rows] == [r.check_id for r in new_rows]  # the full re-sort's order
        assert model.rows == new_rows
        assert selection.currentIndex().row() == new_rows.index(rows[chosen.check_id])  # still selected
        assert selection.currentIndex().siblingAtColumn(4).data() == "new output, same place"
        selection.clear()
    del tester


def test_a_flood_of_changes_falls_back_to_replacing_the_rows(qapp) -> None:  # type: ignore[no-untyped-def]
    rows = {cid: row(cid, HealthState.WARNING, cid) for cid in range(4 * MAX_RUNS)}
    model = ProblemsModel()
    model.set_rows(shown(rows)[0])
    changed = []
    for cid in range(0, 4 * MAX_RUNS, 2):  # every other row turns OK: hundreds of separate removals
        rows[cid] = replace(rows[cid], state=HealthState.OK)
        changed.append(rows[cid])
    new_rows, keys = shown(rows)
    assert not model.apply(new_rows, keys, changed)  # nothing done: the caller uses set_rows
    model.set_rows(new_rows)
    assert model.rows == new_rows
