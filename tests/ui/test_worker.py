"""Background work runs off the GUI thread and answers on it; failures reach the user as words."""

from __future__ import annotations

import threading

import pytest

from msp_console.ui import worker
from msp_console.ui.main_window import MainWindow

pytestmark = pytest.mark.ui


def test_work_runs_off_the_gui_thread_and_answers_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = threading.get_ident()
    ran_on: list[int] = []
    answers: list[tuple[str, object, int]] = []

    def work() -> str:
        ran_on.append(threading.get_ident())
        return "done"

    def boom() -> None:
        raise ValueError("no such file")

    worker.run_in_background(work, lambda r: answers.append(("ok", r, threading.get_ident())))
    worker.run_in_background(
        boom, lambda r: None, lambda e: answers.append(("err", e, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert ran_on and ran_on[0] != gui
    assert answers[0] == ("ok", "done", gui)
    kind, error, thread = answers[1]
    assert kind == "err" and isinstance(error, ValueError) and thread == gui


def test_a_tree_that_cannot_be_read_is_reported_not_raised(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from msp_console.services import tree
    from msp_console.ui.dialogs import confirm

    def broken(_session, **_kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("database is locked")

    told: list[str] = []
    monkeypatch.setattr(tree, "load_tree", broken)  # imported by reload when it runs
    monkeypatch.setattr(confirm.QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    with qtbot.waitSignal(window.load_failed, timeout=10_000):
        window.reload()
    assert "database is locked" in told[0] and "View → Reload" in told[0]
    assert window.model.rowCount() == 3  # the last good tree stays on screen


def test_search_waits_for_a_pause_in_typing_on_big_trees(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.views import tree_panel

    monkeypatch.setattr(tree_panel, "DEBOUNCE_ABOVE_ROWS", 0)
    window.tree.search.setText("127.0.20.5")
    assert not window.tree.proxy.active  # not yet: the user may still be typing
    qtbot.waitUntil(lambda: window.tree.visible_machine_names() == ["NAS-01"])
