"""Esc in a filter or search box clears the filter; a second Esc goes back to the list it filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from msp_console.ui.billing.panel import BillingPanel
from msp_console.ui.scheduling.interventions_tab import InterventionsTab


def _type_then_escape(qtbot, box: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    box.clear()
    qtbot.keyClicks(box, text)
    assert box.text() == text
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""


def _second_escape_goes_to(qtbot, box: QLineEdit, target: QWidget) -> None:  # type: ignore[no-untyped-def]
    box.window().activateWindow()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=10_000)


def test_escape_clears_the_tree_search_and_returns_to_the_tree(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    panel = demo_window.tree
    everything = len(panel.visible_machine_names())
    _type_then_escape(qtbot, panel.search, "bella")  # the tree is filtered while typing…
    qtbot.waitUntil(lambda: len(panel.visible_machine_names()) == everything, timeout=10_000)
    _second_escape_goes_to(qtbot, panel.search, panel.view)


def test_escape_clears_the_quick_connect_box(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    box = demo_window.quick_find
    _type_then_escape(qtbot, box, "zzz-nothing")
    _second_escape_goes_to(qtbot, box, demo_window.tree.view)


def test_escape_clears_the_interventions_filter(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.findChild(InterventionsTab)
    demo_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=15_000)
    all_rows = tab.proxy.rowCount()
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "zzz-no-such-intervention")
    assert tab.proxy.rowCount() == 0
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == "" and tab.proxy.rowCount() == all_rows
    _second_escape_goes_to(qtbot, tab.search, tab.table)


def test_escape_clears_the_billing_client_filter(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    panel = demo_window.findChild(BillingPanel)
    demo_window.tabs.setCurrentWidget(panel.parentWidget() if panel.parentWidget() is not None else panel)
    panel.client_filter.setFocus()
    qtbot.keyClicks(panel.client_filter, "zzz-no-such-client")
    assert panel.proxy.rowCount() == 0
    qtbot.keyClick(panel.client_filter, Qt.Key.Key_Escape)
    assert panel.client_filter.text() == "" and panel.proxy.rowCount() == panel.model.rowCount()
    _second_escape_goes_to(qtbot, panel.client_filter, panel.view)


def test_in_the_shortcuts_list_escape_clears_first_then_closes(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.filter.setFocus()
    qtbot.keyClicks(dialog.filter, "ctrl")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert dialog.filter.text() == "" and dialog.isVisible()
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
