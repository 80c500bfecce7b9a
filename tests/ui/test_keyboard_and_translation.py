"""Every action is reachable without the mouse, and every visible string goes through Qt's translator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QMenu

from msp_console.app import App
from msp_console.ui.main_window import MainWindow

pytestmark = pytest.mark.ui


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_every_menu_entry_has_a_unique_mnemonic_or_a_shortcut(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(app, persist=False)
    qtbot.addWidget(window)
    menus = [a.menu() for a in window.menuBar().actions()]
    bar_keys = [_mnemonic(a.text()) for a in window.menuBar().actions()]
    assert None not in bar_keys and len(set(bar_keys)) == len(bar_keys)
    for menu in menus:
        assert isinstance(menu, QMenu)
        entries = [a for a in menu.actions() if a.text() and a.isEnabled()]
        keys = [_mnemonic(a.text()) for a in entries]
        reachable = [k is not None or not a.shortcut().isEmpty() for k, a in zip(keys, entries, strict=True)]
        assert all(reachable), menu.title()
        named = [k for k in keys if k]
        assert len(set(named)) == len(named), f"{menu.title()}: {named}"


class _Marker(QTranslator):
    """Translates every string to «…», so an untranslated one stands out."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        return f"«{source}»"

    def isEmpty(self) -> bool:
        return False


def test_every_visible_string_goes_through_the_translator(qtbot, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    marker = _Marker()
    QCoreApplication.installTranslator(marker)
    try:
        window = MainWindow(app, persist=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
            window.reload()
        texts = [a.text() for a in window.menuBar().actions()]
        for a in window.menuBar().actions():
            texts += [x.text() for x in a.menu().actions() if x.text()]
        header = window.tree.view.model().headerData
        texts += [header(c, Qt.Orientation.Horizontal) for c in range(4)]
        texts += [window.tabs.tabText(0), window.tree_dock.windowTitle(), window.details_dock.windowTitle()]
        texts += [window.polling_label.text(), window.tree.search.placeholderText()]
        hotel = window.model.index_for("client", ids["bellavista"])
        srv = window.model.index_for("machine", ids["srv"], 1)
        texts += [hotel.siblingAtColumn(3).data(), srv.data()]
        untranslated = [t for t in texts if not t.replace("&", "").startswith("«")]
        assert untranslated == []
    finally:
        QCoreApplication.removeTranslator(marker)
