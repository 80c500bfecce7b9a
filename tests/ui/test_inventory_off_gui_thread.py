"""The window never waits on the database on the GUI thread: every Inventory call a technician's
action makes (cards read, dialogs saved, deletes, archive) runs on the worker thread, while the
questions stay on the GUI thread and the outcome is the one a user has always seen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from msp_console.app import App
from msp_console.ui.main_window import MainWindow
from msp_console.ui.worker import wait_for_background
from tests.ui.test_main_window import _answer, _fill_and_accept, _select

pytestmark = pytest.mark.ui

INVENTORY_CALLS = (
    "client_card",
    "machine_card",
    "save_client",
    "save_site",
    "save_contact",
    "save_machine",
    "delete_client",
    "delete_site",
    "delete_contact",
    "delete_machine",
    "set_archived",
)


def _record_threads(app: App, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every Inventory call from now on: (name, ran on the GUI thread)."""
    calls: list[tuple[str, bool]] = []

    def recorded(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, threading.current_thread() is threading.main_thread()))
            return real(*args, **kwargs)

        return call

    for name in INVENTORY_CALLS:
        monkeypatch.setattr(app.inventory, name, recorded(name, getattr(app.inventory, name)))
    return calls


def _link(qtbot, window: MainWindow, action: str, ident: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.details.anchorClicked.emit(QUrl(f"msp:{action}/{ident}"))


def test_cards_and_contacts_from_the_client_card(
    qtbot, window: MainWindow, app: App, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    giulia = next(
        x for x in app.inventory.client_card(ids["bellavista"]).contacts if x.name == "Giulia Rossi"
    )
    calls = _record_threads(app, monkeypatch)
    _select(qtbot, window, "machine", ids["srv"])
    _select(qtbot, window, "client", ids["bellavista"])

    _fill_and_accept(monkeypatch, {"role": "Owner and manager"})
    _link(qtbot, window, "edit-contact", giulia.id)
    assert window.statusBar().currentMessage() == "Contact saved."
    qtbot.waitUntil(lambda: "Owner and manager" in window.details.toPlainText(), timeout=10_000)

    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    window.details.anchorClicked.emit(QUrl(f"msp:delete-contact/{giulia.id}"))
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)  # the card is read first, then the question
    assert "Giulia Rossi" in asked[0] and "Hotel Bellavista" in asked[0]
    wait_for_background()
    assert "delete_contact" not in [name for name, _ in calls]  # No: nothing deleted
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    _link(qtbot, window, "delete-contact", giulia.id)
    assert window.statusBar().currentMessage() == "Contact deleted."
    assert window.tree.current_ref().id == ids["bellavista"]
    qtbot.waitUntil(lambda: "Giulia Rossi" not in window.details.toPlainText(), timeout=10_000)

    names = [name for name, _ in calls]
    assert {"machine_card", "client_card", "save_contact", "delete_contact"} <= set(names)
    assert [c for c in calls if c[1]] == []  # nothing on the GUI thread


def test_edits_deletes_and_archive_run_on_the_worker(
    qtbot, window: MainWindow, app: App, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls = _record_threads(app, monkeypatch)
    _fill_and_accept(monkeypatch, {"address": "10.0.0.2"})
    window.tree.select("machine", ids["srv"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.edit_machine.trigger()
    assert window.statusBar().currentMessage() == "Saved."
    current = window.tree.current_ref()
    assert current is not None and (current.kind, current.id) == ("machine", ids["srv"])
    qtbot.waitUntil(lambda: "10.0.0.2" in window.details.toPlainText(), timeout=10_000)

    window.tree.select("client", ids["studio"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.archive_client.trigger()
    assert window.statusBar().currentMessage() == "Client archived."

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    questions_on_gui_thread: list[bool] = []
    real_question = QMessageBox.question

    def question(*args: Any) -> Any:
        questions_on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real_question(*args)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.tree.select("site", ids["reception"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.delete.trigger()
    assert "2 machine(s) moved to no site" in window.statusBar().currentMessage()
    window.tree.select("client", ids["ferramenta"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.delete_client.trigger()
    assert (
        "3 machine(s)" in asked[-1]
        and "Client 'Ferramenta Colombo' deleted." in window.statusBar().currentMessage()
    )
    assert not window.model.index_for("client", ids["ferramenta"]).isValid()
    assert questions_on_gui_thread == [True, True]

    names = {c for c, _ in calls}
    assert {
        "machine_card",
        "client_card",
        "save_machine",
        "set_archived",
        "delete_site",
        "delete_client",
    } <= names
    assert [c for c in calls if c[1]] == []  # nothing on the GUI thread


def test_a_refused_save_keeps_the_dialog_open_with_the_error_on_its_field(
    qtbot, window: MainWindow, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    opened = []
    monkeypatch.setattr("msp_console.ui.dialogs.record_dialog.RecordDialog.open", lambda d: opened.append(d))
    window.tree.select("site", ids["reception"])
    window.commands.new_site.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    dialog = opened[0]
    dialog.show()
    dialog._fields["name"].widget.setText("annex")  # the other site's name
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert "already" in dialog.field_error("name") and dialog.isVisible()
    assert window.statusBar().currentMessage() == ""
    dialog._fields["name"].widget.setText("Kitchen")
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        dialog.accept()
    assert window.statusBar().currentMessage() == "Site created."
    current = window.tree.current_ref()
    assert current is not None and current.kind == "site" and current.name == "Kitchen"
