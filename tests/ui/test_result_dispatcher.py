"""Results from worker threads reach the GUI thread batched, latest per check, without flooding."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QThread

from msp_console.ui.result_dispatcher import ResultDispatcher, results_by


@dataclass(frozen=True)
class Result:
    check_id: int
    seq: int


def test_latest_result_per_check_wins_and_arrives_on_the_gui_thread(qtbot) -> None:
    seen: dict[int, int] = {}
    threads_seen: set[object] = set()
    gui_thread = QThread.currentThread()

    def apply(batch: Sequence[Result]) -> None:
        threads_seen.add(QThread.currentThread())
        for r in batch:
            assert r.seq >= seen.get(r.check_id, -1), "an older result overwrote a newer one"
            seen[r.check_id] = r.seq

    dispatcher: ResultDispatcher[Result] = ResultDispatcher(apply, results_by("check_id"), budget_ms=5)

    def worker(offset: int) -> None:
        for seq in range(2_500):
            dispatcher.submit(Result(check_id=offset * 1000 + seq % 50, seq=seq))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    qtbot.waitUntil(lambda: dispatcher.pending() == 0 and len(seen) == 200, timeout=5000)
    assert threads_seen == {gui_thread}
    # Every check ends on its last submitted result: seq 2450..2499 for the 50 checks of each worker.
    assert all(seq >= 2_450 for seq in seen.values())
    # 10,000 submissions, far fewer wake-ups: the GUI thread is not flooded.
    assert dispatcher.wakeups < 1_000
    assert dispatcher.applied <= 10_000


def test_a_big_burst_is_drained_in_slices_that_leave_the_event_loop_free(qtbot) -> None:
    batches: list[int] = []

    def slow_apply(batch: Sequence[Result]) -> None:
        batches.append(len(batch))
        QThread.msleep(2)

    dispatcher: ResultDispatcher[Result] = ResultDispatcher(
        slow_apply, results_by("check_id"), budget_ms=5, chunk=50
    )
    for i in range(2_000):
        dispatcher.submit(Result(i, 0))
    qtbot.waitUntil(lambda: dispatcher.pending() == 0, timeout=10_000)
    assert sum(batches) == 2_000
    assert max(batches) <= 50
    assert dispatcher.wakeups > 1  # it yielded to the event loop between slices
