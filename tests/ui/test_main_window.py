"""The main window as a technician uses it: select, read the card, create, edit, delete."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from msp_console.app import App
from msp_console.ui.dialogs.inventory_dialogs import client_dialog
from msp_console.ui.dialogs.record_dialog import RecordDialog
from msp_console.ui.main_window import MainWindow

pytestmark = pytest.mark.ui


def _answer(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: asked.append(a[2]))
    return asked


def _activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Keyboard shortcuts only reach the active window (offscreen or a real X server alike)."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _select(qtbot, window: MainWindow, kind: str, ident: int) -> None:  # type: ignore[no-untyped-def]
    """Selects a row and waits for its card (read off the GUI thread) in the details pane."""
    with qtbot.waitSignal(window.card.shown, timeout=10_000):
        assert window.tree.select(kind, ident)


def _fill_and_accept(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> list[RecordDialog]:
    """Stands in for the user: types the values into the dialog when it opens and presses OK
    (the save then runs on the worker thread)."""
    shown: list[RecordDialog] = []

    def open_(dialog: RecordDialog) -> None:
        shown.append(dialog)
        for key, value in values.items():
            widget = dialog._fields[key].widget
            if hasattr(widget, "setText"):
                widget.setText(value)
            else:
                widget.setCurrentIndex(widget.findData(value))
        dialog.accept()

    monkeypatch.setattr(RecordDialog, "open", open_)
    return shown


def test_selecting_a_machine_shows_its_card(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    from msp_console.domain.health import HealthState

    window.model.update_machine_state(ids["srv"], HealthState.CRITICAL)  # as monitoring will
    _select(qtbot, window, "machine", ids["srv"])
    assert window.details.kind == "machine"
    text = window.details.toPlainText()
    assert "SRV-01" in text and "127.0.10.2" in text and "FW-01" in text and "Hotel Bellavista" in text
    assert "✕ Critical" in text and "backup" in text
    window.model.update_machine_state(ids["srv"], HealthState.OK)  # the card follows live changes
    assert "✓ OK" in window.details.toPlainText()
    assert window.commands.edit_machine.isEnabled()


def test_client_card_links_phones_and_mails(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    _select(qtbot, window, "client", ids["bellavista"])
    html = window.details.toHtml()
    assert 'href="tel:+390464555124"' in html
    assert 'href="mailto:giulia@bellavista.example"' in html
    assert "Giulia Rossi" in window.details.toPlainText()


def test_client_dialog_shows_bad_vat_inline_and_refuses_ok(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    dialog = client_dialog(None, app.inventory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog._fields["name"].widget, "Pizzeria Da Mario")
    qtbot.keyClicks(dialog._fields["vat_number"].widget, "01234567890")  # wrong check digit
    assert "check digit" in dialog.field_error("vat_number")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved_id is None
    dialog._fields["vat_number"].widget.clear()
    qtbot.keyClicks(dialog._fields["vat_number"].widget, "01234567897")
    assert dialog.field_error("vat_number") == "" and dialog.ok_button.isEnabled()
    # Alt+T (the label's mnemonic) focuses the label's buddy, which forwards to the field.
    tax_label = next(lb for lb in dialog.findChildren(QLabel) if lb.text() == "&Tax code:")
    assert tax_label.buddy().focusProxy() is dialog._fields["tax_code"].widget
    qtbot.keyClick(dialog._fields["name"].widget, Qt.Key.Key_Return)  # Enter = OK
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)  # saved on the worker thread
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id is not None


def test_duplicate_client_name_from_the_service_lands_on_the_name_field(qtbot, app: App, ids) -> None:  # type: ignore[no-untyped-def]
    dialog = client_dialog(None, app.inventory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog._fields["name"].widget, "hotel bellavista")
    dialog.accept()
    assert dialog.saving.busy and not dialog._form.isEnabled()  # the form waits for the worker
    assert dialog.saving.status.isVisibleTo(dialog)
    dialog.reject()  # Esc while saving: the answer must find the dialog
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert "already exists" in dialog.field_error("name")
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved_id is None
    assert dialog.isVisible() and dialog._form.isEnabled() and not dialog.saving.status.isVisibleTo(dialog)
    with app.db.read() as session:  # nothing was written
        from sqlalchemy import func, select

        from msp_console.db.models import Client

        assert session.scalar(select(func.count()).where(func.lower(Client.name) == "hotel bellavista")) == 1


def test_a_record_dialog_saves_off_the_gui_thread(qtbot, app: App, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    on_gui_thread: list[bool] = []
    real_save = app.inventory.save_client

    def save_client(*args, **kwargs):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real_save(*args, **kwargs)

    monkeypatch.setattr(app.inventory, "save_client", save_client)
    dialog = client_dialog(None, app.inventory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog._fields["name"].widget, "Pizzeria Da Mario")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.accept()
    assert on_gui_thread == [False]
    assert app.inventory.client_card(dialog.saved_id).name == "Pizzeria Da Mario"


def test_a_database_out_of_reach_keeps_the_dialog_open_and_says_so(qtbot, app: App, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def unreachable(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ConnectionError("server closed the connection unexpectedly")

    monkeypatch.setattr(app.inventory, "save_client", unreachable)
    dialog = client_dialog(None, app.inventory)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog._fields["name"].widget, "Pizzeria Da Mario")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted and dialog.saved_id is None
    assert "could not be saved: server closed the connection" in dialog._general_error.text()
    assert dialog._general_error.isVisibleTo(dialog) and dialog.field_error("name") == ""


def test_new_machine_through_the_dialog_appears_in_the_tree(
    qtbot, window: MainWindow, ids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown = _fill_and_accept(
        monkeypatch,
        {
            "name": "PC-CUCINA",
            "kind": "workstation",
            "address": "10.1.2.3",
            "site": "Reception",
            "parent": "FW-01",
            "tags": "kitchen",
        },
    )
    window.tree.select("site", ids["reception"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.new.trigger()  # Ctrl+N on a site: a machine at that site
    assert shown and shown[0].saved_id is not None
    current = window.tree.current_ref()
    assert current is not None and current.kind == "machine" and current.name == "PC-CUCINA"
    site = window.model.index_for("site", ids["reception"])
    assert "PC-CUCINA" in [window.model.index(r, 0, site).data() for r in range(window.model.rowCount(site))]
    window.tree.search.setText("kitchen")
    assert window.tree.visible_machine_names() == ["PC-CUCINA"]


def test_delete_machine_asks_first_and_removes_it(qtbot, window: MainWindow, ids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    window.tree.select("machine", ids["fw"])
    window.commands.delete.trigger()
    assert "FW-01" in asked[0] and "Behind it: 2 machine(s)" in asked[0]
    assert window.model.index_for("machine", ids["fw"]).isValid()  # No: nothing happened

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.delete.trigger()
    assert not window.model.index_for("machine", ids["fw"]).isValid()
    assert "FW-01" not in window.tree.visible_machine_names()


def test_delete_client_says_what_goes_with_it(qtbot, window: MainWindow, ids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.tree.select("client", ids["bellavista"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.delete.trigger()
    assert "2 site(s), 2 contact(s) and 4 machine(s)" in asked[0]
    assert not window.model.index_for("client", ids["bellavista"]).isValid()
    assert "deleted" in window.statusBar().currentMessage()


def test_archive_hides_client_until_show_archived(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    window.tree.select("client", ids["studio"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.archive_client.trigger()
    assert not window.model.index_for("client", ids["studio"]).isValid()
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.show_archived.setChecked(True)
    idx = window.model.index_for("client", ids["studio"])
    assert idx.isValid() and "archived" in idx.data()


def test_ctrl_f_focuses_the_search_box(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, window)
    window.commands.find.trigger()
    assert window.tree.search.hasFocus() or window.focusWidget() is window.tree.search


def test_layout_persists_between_runs(qtbot, app: App, ids, isolated_data_dir) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(app)
    qtbot.addWidget(first)
    first.resize(701, 503)  # within the offscreen screen (800x600)
    first.show()
    first.tree.view.header().resizeSection(1, 150)  # by hand: kept, even in a narrow pane
    first.close()
    assert (isolated_data_dir / "msp-console-ui.ini").exists()

    second = MainWindow(app)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (701, 503)
    assert second.tree.view.header().sectionSize(1) == 150


def _capture_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    titles: list[str] = []

    def open_(dialog: RecordDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    monkeypatch.setattr(RecordDialog, "open", open_)
    return titles


def test_enter_and_f2_open_the_selected_items_editor(qtbot, window: MainWindow, ids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    titles = _capture_dialogs(monkeypatch)
    _activate(qtbot, window)
    window.tree.select("client", ids["bellavista"])
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(titles) == 1, timeout=10_000)  # the card is read first, off-thread
    window.tree.select("machine", ids["srv"])
    qtbot.keyClick(window.tree.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(titles) == 2, timeout=10_000)
    assert titles == ["Edit client", "Edit machine of Hotel Bellavista"]


def test_right_click_offers_what_the_menus_offer(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    offered = []
    for kind, ident in (("client", ids["bellavista"]), ("machine", ids["srv"]), ("site", ids["reception"])):
        window.tree.select(kind, ident)
        menu = window.context_menu(window.tree.current_ref())
        offered.append([(a.text(), a.isEnabled()) for a in menu.actions() if a.text()])
    client_menu, machine_menu, site_menu = offered
    # Features add entries through context_menu_hooks: remote sessions put "Connect with…" first on a
    # machine (the most frequent action); the others append theirs after the window's own part.
    assert machine_menu[0] == ("Connect with…", True)
    client_menu, machine_menu = client_menu[:6], machine_menu[1:4]
    assert [text for text, _ in client_menu] == [
        "&New machine…",
        "New &site…",
        "New &contact…",
        "&Edit client…",
        "&Archive client",
        "&Delete client…",
    ]
    assert all(enabled for _, enabled in client_menu)
    assert machine_menu == [("&Edit machine…", True), ("&Delete machine…", True), ("&New machine…", True)]
    assert [text for text, _ in site_menu] == ["&New machine…", "&Edit…", "&Delete…"]


def test_client_with_history_is_archived_not_deleted_and_user_is_told(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ids, monkeypatch
) -> None:
    from msp_console.db import client_history as history

    monkeypatch.setattr(history, "_probes", [lambda _s, _cid: True])
    told = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.tree.select("client", ids["bellavista"])
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.commands.delete_client.trigger()
    assert "archived instead of deleted" in told[-1]
    assert not window.model.index_for("client", ids["bellavista"]).isValid()
    assert window.app.inventory.client_card(ids["bellavista"]).archived


def test_shift_f10_opens_the_menu_of_the_current_row(qtbot, window: MainWindow, ids) -> None:  # type: ignore[no-untyped-def]
    asked = []
    window.tree.context_menu_requested.disconnect()
    window.tree.context_menu_requested.connect(lambda ref, _pos: asked.append(ref))
    _activate(qtbot, window)
    window.tree.select("machine", ids["srv"])
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyRelease(window.tree.view, Qt.Key.Key_Shift)  # else Qt believes Shift is still held:
    assert [ref.name for ref in asked] == ["SRV-01"]  # a later test's selectRow() would extend


def test_contact_added_from_the_client_card_shows_with_click_to_call(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ids, monkeypatch
) -> None:
    from PySide6.QtCore import QUrl

    _fill_and_accept(monkeypatch, {"name": "Anna Verdi", "role": "IT", "mobile": "+39 347 000 1122"})
    _select(qtbot, window, "client", ids["ferramenta"])
    assert "No contacts yet." in window.details.toPlainText()
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        window.details.anchorClicked.emit(QUrl(f"msp:new-contact/{ids['ferramenta']}"))
    assert window.tree.current_ref().id == ids["ferramenta"]
    qtbot.waitUntil(lambda: "Anna Verdi" in window.details.toPlainText(), timeout=10_000)  # read again
    assert 'href="tel:+393470001122"' in window.details.toHtml()

    opened: list[str] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window.details.anchorClicked.emit(QUrl("tel:+393470001122"))
    assert opened == ["tel:+393470001122"]  # handed to the desktop's softphone


def test_names_keep_their_room_when_the_clients_pane_is_narrow(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """At 200 % scaling the pane is a few hundred pixels: Kind, then Address step aside for the names."""
    from msp_console.ui.models.client_tree import Column
    from msp_console.ui.views.tree_panel import TreePanel

    panel = TreePanel(window.model)
    qtbot.addWidget(panel)
    header = panel.view.header()
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert not any(header.isSectionHidden(c) for c in Column)
    address = header.sectionSize(Column.ADDRESS)
    frame = panel.width() - panel.view.viewport().width()  # margins, scroll bar
    fits_all_but_kind = header.sectionSize(Column.STATE) + address + panel.narrow.name_minimum() + frame + 10
    panel.resize(fits_all_but_kind, 400)
    qtbot.waitUntil(lambda: header.isSectionHidden(Column.KIND))
    assert not header.isSectionHidden(Column.ADDRESS)
    assert header.sectionSize(Column.NAME) >= panel.narrow.name_minimum()
    state = header.sectionSize(Column.STATE)
    panel.resize(state + panel.narrow.name_minimum() + frame + 10, 400)
    qtbot.waitUntil(lambda: header.isSectionHidden(Column.ADDRESS))
    assert header.sectionSize(Column.STATE) == state
    panel.resize(200, 400)  # the last resort: the state keeps its icon only
    qtbot.waitUntil(lambda: header.sectionSize(Column.STATE) == panel.narrow.icon_width())
    assert not header.isSectionHidden(Column.STATE)
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: not header.isSectionHidden(Column.KIND))
    assert not header.isSectionHidden(Column.ADDRESS) and header.sectionSize(Column.ADDRESS) == address
    assert header.sectionSize(Column.STATE) == state
