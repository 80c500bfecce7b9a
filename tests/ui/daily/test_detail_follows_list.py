"""The detail pane follows its list: after a reload, an edit, a delete, a filter or a state change it
shows the row's current data, or nothing once the row is no longer listed — never stale data."""

from __future__ import annotations

from datetime import date

from msp_console.services.billing.ledger import mark_paid
from msp_console.ui.billing.panel import BillingPanel
from msp_console.ui.scheduling.interventions_tab import InterventionsTab
from tests.ui.daily.rows import machine_id


def _card_text(window) -> str:  # type: ignore[no-untyped-def]
    return window.details.toPlainText()


def _show_machine(qtbot, window, name: str) -> int:  # type: ignore[no-untyped-def]
    mid = machine_id(window, name)
    with qtbot.waitSignal(window.card.shown, timeout=10_000):
        window.tree.select("machine", mid)
    assert name in _card_text(window)
    return mid


def test_the_card_shows_an_edit_made_elsewhere_after_reload(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    mid = _show_machine(qtbot, demo_window, "dep-pc")
    card = demo_window.app.inventory.machine_card(mid)
    demo_window.app.inventory.save_machine(  # a colleague edits it on the team database
        card.client_id,
        {
            "name": "dep-pc",
            "kind": card.kind,
            "os": card.os,
            "site": card.site_name,
            "address": card.address,
            "notes": "Sostituito l'alimentatore",
        },
        mid,
    )
    demo_window.commands.refresh.trigger()  # View → Reload (F5)
    qtbot.waitUntil(lambda: "Sostituito l'alimentatore" in _card_text(demo_window), timeout=10_000)


def test_the_card_of_a_deleted_machine_goes_away_on_reload(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    mid = _show_machine(qtbot, demo_window, "dep-ap")
    demo_window.app.inventory.delete_machine(mid)
    with qtbot.waitSignal(demo_window.tree_loaded, timeout=10_000):
        demo_window.reload()
    qtbot.waitUntil(lambda: "dep-ap" not in _card_text(demo_window), timeout=10_000)


def test_the_card_follows_the_search_that_hides_its_row(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    _show_machine(qtbot, demo_window, "dep-pc")
    demo_window.tree.search.setText("farmacia")  # dep-pc is no longer listed
    qtbot.waitUntil(lambda: "dep-pc" not in _card_text(demo_window), timeout=10_000)
    assert demo_window.tree.current_ref() is None or demo_window.tree.current_ref().name != "dep-pc"


def _interventions(qtbot, window) -> InterventionsTab:  # type: ignore[no-untyped-def]
    tab = window.findChild(InterventionsTab)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=15_000)
    return tab


def _open_one(qtbot, tab: InterventionsTab) -> int:  # type: ignore[no-untyped-def]
    active = next(r.summary for r in tab.model.rows if r.summary.state not in ("closed", "resolved"))
    with qtbot.waitSignal(tab.detail.shown, timeout=10_000):
        tab.show_intervention(active.id)
    assert tab.detail.heading.text().startswith(f"#{active.id} ")
    return active.id


def test_the_intervention_detail_empties_when_the_filter_hides_it(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = _interventions(qtbot, demo_window)
    iid = _open_one(qtbot, tab)
    tab.search.setText("zzz-no-such-intervention")
    assert tab.proxy.rowCount() == 0
    assert tab.detail.view is None and not tab.detail.heading.text().startswith(f"#{iid} ")
    assert tab.detail.timeline.topLevelItemCount() == 0
    assert not tab.detail.note_button.isEnabled()


def test_the_intervention_detail_follows_a_state_change_and_its_removal(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = _interventions(qtbot, demo_window)
    tab.active_only.setChecked(True)
    qtbot.waitUntil(lambda: all(r.summary.state != "closed" for r in tab.model.rows), timeout=15_000)
    iid = _open_one(qtbot, tab)
    tab.ctl.sc.interventions.close(iid, note="risolto")  # closed elsewhere (another window, a colleague)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.ctl.changed.emit()
    qtbot.waitUntil(lambda: tab.model.row_of(iid) < 0, timeout=10_000)
    qtbot.waitUntil(lambda: tab.detail.view is None, timeout=10_000)  # not the closed one, still shown
    assert not tab.detail.heading.text().startswith(f"#{iid} ")


def _billing(qtbot, window) -> BillingPanel:  # type: ignore[no-untyped-def]
    panel = window.findChild(BillingPanel)
    panel.reload()  # the demo's invoices: last month's services, issued this month
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=15_000)
    return panel


def test_the_invoice_preview_follows_a_state_change(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    panel = _billing(qtbot, demo_window)
    panel.view.selectRow(0)
    row = panel.selected_rows()[0]
    assert row.number in panel.side.title.text()
    mark_paid(panel.db, row.number, date.today())
    with qtbot.waitSignal(panel.reloaded, timeout=10_000):
        panel.reload()
    assert panel.selected_rows()[0].id == row.id
    qtbot.waitUntil(lambda: "paid" in panel.side.facts.text().lower(), timeout=10_000)


def test_the_invoice_preview_empties_when_the_filter_hides_it(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    panel = _billing(qtbot, demo_window)
    panel.view.selectRow(0)
    row = panel.selected_rows()[0]
    assert row.number in panel.side.title.text()
    panel.client_filter.setText("zzz-no-such-client")
    assert panel.proxy.rowCount() == 0
    assert row.number not in panel.side.title.text() and panel.side.facts.text() == ""
