"""Billing dialogs: company profile errors per field, draft editing, the contract editor, and the
entries the window offers (Billing menu, client right-click, toolbar). The dialogs over stored
data open once it is read on the worker thread, and save there too."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QToolBar, QWidget

from msp_console.app import App
from msp_console.services.billing.company import load_profile
from msp_console.services.billing.run import run_month
from msp_console.ui.billing.company_form import CompanyProfileDialog, open_company_profile
from msp_console.ui.billing.contract_dialog import ContractDialog, open_contract_dialog
from msp_console.ui.billing.dialogs import EditDraftDialog
from msp_console.ui.billing.feature import feature_of
from msp_console.ui.billing.queries import invoice_detail
from msp_console.ui.models.client_tree import NodeRef

pytestmark = pytest.mark.ui


def _parent(qtbot: Any) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def _contract_dialog(qtbot: Any, app: App, client_id: int, language: str = "it") -> ContractDialog:
    """Opens the editor as the Billing menu does: the contract is read first, then it opens."""
    opened: list[ContractDialog] = []
    open_contract_dialog(_parent(qtbot), app.db, client_id, language=language, on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=10_000)
    return opened[0]


def _save(qtbot: Any, dialog: ContractDialog) -> None:
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)


def test_company_profile_without_vat_number_is_refused_at_the_field(
    billed: dict[str, int], app: App, qtbot: Any
) -> None:
    opened: list[CompanyProfileDialog] = []
    open_company_profile(_parent(qtbot), app.db, opened.append)
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=10_000)
    dialog = opened[0]
    form = dialog.form
    assert form.is_valid()
    vat = form.edits["vat_number"]
    assert isinstance(vat, QLineEdit)
    vat.setText("")
    assert not dialog.save()
    assert dialog.isVisible() and not dialog.saving.busy
    assert "Required" in form.field_error("vat_number")
    assert form.field_error("name") == ""
    assert "marked fields" in form.error.text()
    with app.db.read() as s:
        assert load_profile(s).vat_number == "01234567897"  # nothing written
    vat.setText("01234567890")  # wrong check digit
    assert form.field_error("vat_number")
    vat.setText("01234567897")
    form.footer.setPlainText("Grazie per la fiducia")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        assert dialog.save()
        assert not dialog.buttons.isEnabled()  # while the profile is written
    with app.db.read() as s:
        assert load_profile(s).invoice_footer == "Grazie per la fiducia"


def test_edit_draft_marks_a_bad_number_and_saves_good_ones(
    billed: dict[str, int], app: App, qtbot: Any
) -> None:
    today = date.today()
    (first, *_) = run_month(app.db, today.year, today.month)
    dialog = EditDraftDialog(invoice_detail(app.db, first.invoice_id))
    qtbot.addWidget(dialog)
    dialog.table.item(0, 1).setText("abc")
    assert "Line 1, quantity" in dialog.error.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.table.item(0, 1).setText("2")
    dialog.table.item(0, 2).setText("1.234,50" if dialog.locale().decimalPoint() == "," else "1234.50")
    assert dialog.error.text() == ""
    (change,) = dialog.changes()
    assert change[2] == Decimal(2) and change[3] == Decimal("1234.50")


def test_contract_editor_changes_take_effect_next_period(
    billed: dict[str, int], app: App, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from msp_console.ui.billing import contract_dialog

    on_gui_thread: list[bool] = []
    real_save = contract_dialog.save_contract

    def save_contract(*args: Any) -> date:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real_save(*args)

    monkeypatch.setattr(contract_dialog, "save_contract", save_contract)
    dialog = _contract_dialog(qtbot, app, billed["Beta Servizi S.n.c."])
    assert not dialog.code.isEnabled()  # an existing contract keeps its code and period
    assert "take effect from" in dialog.effect.text()
    dialog.lines.item(0, 3).setText("400")
    _save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert on_gui_thread == [False]  # written on the worker thread
    assert not dialog.code.isEnabled()  # still fixed once the save gave the fields back
    again = _contract_dialog(qtbot, app, billed["Beta Servizi S.n.c."])
    history = again.data.contract.history
    assert [v.unit_price for v in history] == [Decimal("350"), Decimal("400")]
    assert history[1].valid_from == dialog.data.contract.effective
    assert history[1].valid_from.day == 1 and history[1].valid_from > date.today()


def test_window_offers_billing_everywhere(billed: dict[str, int], window: Any, qtbot: Any) -> None:
    feature = feature_of(window)
    assert window.tabs.indexOf(feature.page) >= 0
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert feature.run_action in toolbar.actions()
    billing_menu = feature.run_action.associatedObjects()
    assert any(getattr(m, "title", lambda: "")().replace("&", "") == "Billing" for m in billing_menu)
    ref = NodeRef(
        "client", billed["Alfa Ricambi S.r.l."], billed["Alfa Ricambi S.r.l."], "Alfa Ricambi S.r.l."
    )
    texts = [a.text() for a in window.context_menu(ref).actions()]
    assert {"Contract…", "Invoices…", "Monthly report…"} <= set(texts)


def test_page_setup_is_remembered(qtbot: Any) -> None:
    from PySide6.QtGui import QPageLayout, QPageSize

    from msp_console.ui.billing.printing import new_printer, save_page_setup

    first = new_printer()
    assert first.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4  # the default for invoices
    first.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    first.setPageOrientation(QPageLayout.Orientation.Landscape)
    save_page_setup(first)
    again = new_printer()
    assert again.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert again.pageLayout().orientation() == QPageLayout.Orientation.Landscape


def test_screenshot_of_the_billing_view(qapp: Any, billed: dict[str, int], app: App, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from msp_console.cli import main

    today = date.today()
    run_month(app.db, today.year, today.month)
    out = tmp_path / "billing.png"
    url = f"sqlite:///{tmp_path / 'ui.sqlite3'}"  # the database of the `app` fixture
    assert main(["--database", url, "screenshot", str(out), "--view", f"billing:{today:%Y-%m}"]) == 0
    image = QImage(str(out))
    assert image.width() > 800 and image.height() > 500
