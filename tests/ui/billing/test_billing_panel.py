"""The Billing tab as a technician uses it: run → preview → create drafts → issue → print to a
PDF file, preview, credit note, money in the user's locale."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from msp_console.app import App
from msp_console.services.billing.issuing import drafts_of_month, issue
from msp_console.services.billing.run import run_month
from msp_console.ui.billing.feature import feature_of
from msp_console.ui.billing.look import money
from msp_console.ui.billing.panel import BillingPanel
from tests.support.components import need_binary

pytestmark = pytest.mark.ui


def _panel(window: Any, qtbot: Any) -> BillingPanel:
    feature = feature_of(window)
    feature.bring()
    panel = feature.panel
    with qtbot.waitSignal(panel.reloaded, timeout=10_000):
        panel.reload()
    return panel


def _issue_all(app: App) -> None:
    today = date.today()
    run_month(app.db, today.year, today.month)
    with app.db.read() as s:
        ids = drafts_of_month(s, today.year, today.month)
    issue(app.db, ids, today)


def _select(panel: BillingPanel, qtbot: Any, predicate: Any) -> None:
    panel.view.clearSelection()
    sel = panel.view.selectionModel()
    for r in range(panel.proxy.rowCount()):
        idx = panel.proxy.index(r, 0)
        if predicate(panel.model.rows[panel.proxy.mapToSource(idx).row()]):
            sel.select(idx, sel.SelectionFlag.Select | sel.SelectionFlag.Rows)


def _non_white_pixels(pdf: Path, tmp_path: Path) -> int:
    need_binary("pdftoppm", "apt-get install poppler-utils")
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    (image,) = tmp_path.glob("page*.pgm")
    data = image.read_bytes()
    # binary PGM: header "P5\nW H\n255\n", then one byte per pixel
    header_end = data.index(b"255\n") + 4
    return sum(1 for b in data[header_end:] if b < 200)


def test_run_preview_issue_and_print(
    billed: dict[str, int], window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = _panel(window, qtbot)
    assert panel.model.rowCount() == 0
    dialog = panel.run_invoices()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000):
        pass
    # two contracts started last month: last month and this month each → 4 drafts
    assert dialog.table.rowCount() == 4
    clients = {dialog.table.item(r, 0).text() for r in range(4)}
    assert clients == set(billed)
    assert dialog.confirm.isEnabled()
    with qtbot.waitSignal(panel.reloaded, timeout=20_000):
        dialog.confirm.click()
    statuses = [r.status for r in panel.model.rows]
    assert statuses == ["draft"] * 4

    monkeypatch.setattr(panel, "confirm", lambda *_: True)
    with qtbot.waitSignal(panel.work_done, timeout=20_000) as done:
        panel.issue_month()
    assert "4 invoice(s) issued" in done.args[0]
    qtbot.waitUntil(lambda: all(r.status == "issued" for r in panel.model.rows), timeout=10_000)
    numbers = sorted(r.number or "" for r in panel.model.rows)
    year = date.today().year
    assert numbers == [f"{year}/{n:04d}" for n in range(1, 5)]

    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    panel.printer = printer
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    panel.select_all()
    with qtbot.waitSignal(panel.work_done, timeout=30_000) as done:
        panel.print_action.trigger()
    assert "4 page(s) sent to the printer" in done.args[0], done.args[0]
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595, abs=2)  # A4
    assert _non_white_pixels(out, tmp_path) > 500  # the invoice is on the paper, not a blank sheet


def test_preview_dialog_shows_every_page(billed: dict[str, int], app: App, window: Any, qtbot: Any) -> None:
    from msp_console.db.models import Contract
    from msp_console.services.billing.catalog import find_service
    from msp_console.services.billing.contracts import LineSpec, add_line

    with app.db.transaction() as s:  # a long contract: its invoice runs over more than one page
        contract = s.query(Contract).filter_by(code="C-002").one()
        service = find_service(s, "EMAIL")
        assert service is not None
        for n in range(45):
            add_line(
                s,
                contract,
                LineSpec(service, Decimal(1), Decimal(n + 1), description=f"Casella {n}"),
                contract.start,
            )
    _issue_all(app)
    panel = _panel(window, qtbot)
    _select(panel, qtbot, lambda r: r.client.startswith("Beta") and r.period_start == contract_start_of(r))
    with qtbot.waitSignal(panel.work_done, timeout=20_000):
        panel.preview_selected()
    preview = panel.preview_dialog
    from msp_console.ui.billing.pages import page_count
    from msp_console.ui.billing.queries import invoice_pdfs

    expected = page_count(invoice_pdfs(app.db, [panel.selected_rows()[0].id])[0])
    assert expected >= 2
    assert preview.page_count == expected
    assert preview.count_label.text() == f"{expected} page(s)"
    preview.zoom.setCurrentIndex(0)  # 50 %: pages re-rendered smaller
    assert preview.page_count == expected
    preview.close()


def contract_start_of(row: Any) -> Any:
    from msp_console.domain.billing.periods import add_months

    return add_months(date.today().replace(day=1), -1)


def test_credit_note_from_the_panel(billed: dict[str, int], app: App, window: Any, qtbot: Any) -> None:
    _issue_all(app)
    panel = _panel(window, qtbot)
    _select(panel, qtbot, lambda r: r.client.startswith("Alfa"))
    panel.view.selectRow(0)
    original = panel.selected_rows()[0]
    assert original.client.startswith("Alfa")
    with qtbot.waitSignal(panel.dialog_opened, timeout=10_000) as opened:
        panel.credit_note()  # the invoice's lines are read first, off the GUI thread
    dialog = opened.args[0]
    assert dialog.isVisible()
    dialog.accept()
    assert "reason" in dialog.error.text()  # refused without a reason
    dialog.reason.setPlainText("Backup non attivato nel periodo")
    dialog.checks[0][1].setChecked(False)  # credit only the backup line
    with qtbot.waitSignal(panel.work_done, timeout=20_000) as done:
        dialog.accept()
    assert "Credit note" in done.args[0], done.args[0]
    qtbot.waitUntil(lambda: any(r.kind == "TD04" for r in panel.model.rows), timeout=10_000)
    note = next(r for r in panel.model.rows if r.kind == "TD04")
    assert note.credited == original.number
    assert note.taxable == Decimal("75.00")  # 3 × 25.00, the monitoring line is not credited
    display = panel.model.data(panel.model.index(panel.model.rows.index(note), 4))
    assert "-" in display or "−" in display  # shown as money going back


def test_money_in_the_users_locale(billed: dict[str, int], app: App, window: Any, qtbot: Any) -> None:
    _issue_all(app)
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    try:
        assert money(Decimal("1234.5")) == "1.234,50\u00a0€"
        panel = _panel(window, qtbot)
        totals = {panel.model.data(panel.model.index(r, 4)) for r in range(panel.model.rowCount())}
        # Alfa: 1000 + 75 = 1075 taxable, VAT 22 % = 236.50 → 1.311,50 €
        assert "1.311,50\u00a0€" in totals
        dates = {panel.model.data(panel.model.index(r, 1)) for r in range(panel.model.rowCount())}
        assert date.today().strftime("%d/%m/%Y") in dates
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_issue_refused_names_each_field(
    billed: dict[str, int], app: App, window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msp_console.db.models import Client

    with app.db.transaction() as s:  # Beta lost its address: no invoice can be issued
        client = s.get(Client, billed["Beta Servizi S.n.c."])
        assert client is not None
        client.address, client.city = "", ""
    today = date.today()
    run_month(app.db, today.year, today.month)
    panel = _panel(window, qtbot)
    monkeypatch.setattr(panel, "confirm", lambda *_: True)
    with qtbot.waitSignal(panel.work_done, timeout=20_000) as done:
        panel.issue_month()
    assert "Refused" in done.args[0]
    text = panel.errors_box.informativeText()
    assert "client 'Beta Servizi S.n.c.': address" in text and "client 'Beta Servizi S.n.c.': city" in text
    panel.errors_box.close()
    qtbot.waitUntil(lambda: len(panel.model.rows) == 4, timeout=10_000)
    assert all(r.status == "draft" and r.number is None for r in panel.model.rows)  # nothing issued


def test_mark_sent_then_paid(billed: dict[str, int], app: App, window: Any, qtbot: Any) -> None:
    _issue_all(app)
    panel = _panel(window, qtbot)
    _select(panel, qtbot, lambda r: r.client.startswith("Beta") and r.period_start == contract_start_of(r))
    (row,) = panel.selected_rows()
    with qtbot.waitSignal(panel.work_done, timeout=20_000):
        panel.mark_sent()
    qtbot.waitUntil(
        lambda: any(r.id == row.id and r.status == "sent" for r in panel.model.rows), timeout=10_000
    )
    _select(panel, qtbot, lambda r: r.id == row.id)
    dialog = panel.mark_paid()
    assert dialog is not None
    with qtbot.waitSignal(panel.work_done, timeout=20_000):
        dialog.accept()
    qtbot.waitUntil(
        lambda: any(r.id == row.id and r.status == "paid" for r in panel.model.rows), timeout=10_000
    )
    paid = next(r for r in panel.model.rows if r.id == row.id)
    assert paid.paid_date == date.today()
    assert "Paid" in panel.model.data(panel.model.index(panel.model.rows.index(paid), 5))


def test_cancel_stops_a_pdf_batch_after_the_current_invoice(
    billed: dict[str, int], app: App, window: Any, qtbot: Any, tmp_path: Path
) -> None:
    import threading

    from msp_console.ui.worker import run_in_background

    _issue_all(app)
    panel = _panel(window, qtbot)
    gate = threading.Event()
    run_in_background(lambda: gate.wait(10), lambda _r: None)  # holds the (one-thread) worker
    out = tmp_path / "pdf"
    out.mkdir()
    panel.export_pdf(str(out))
    assert panel.cancel_button.isVisible() and panel.progress.isVisible()
    panel.cancel()  # pressed before the first PDF is done
    with qtbot.waitSignal(panel.work_done, timeout=20_000) as done:
        gate.set()
    assert "Stopped" in done.args[0]
    assert len(list(out.glob("*.pdf"))) == 1  # the one being written when Cancel was pressed
    assert not panel.progress.isVisible()


def test_new_contract_for_a_client_without_one(
    billed: dict[str, int], app: App, ids: dict[str, int], qtbot: Any
) -> None:
    from msp_console.db.models import Client, Contract
    from msp_console.ui.billing.contract_dialog import ContractDialog, open_contract_dialog

    with app.db.read() as s:
        client_id = next(c.id for c in s.query(Client).all() if c.id not in billed.values())
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[ContractDialog] = []
    open_contract_dialog(parent, app.db, client_id, language="en", on_open=opened.append)  # Settings: English
    qtbot.waitUntil(lambda: bool(opened) and opened[0].isVisible(), timeout=10_000)
    dialog = opened[0]
    assert dialog.code.isEnabled() and dialog.lines.rowCount() == 0
    assert dialog.language.currentData() == "en"
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving.busy, timeout=10_000)
    assert "at least one service" in dialog.error.text() and dialog.isVisible()
    dialog._add_row(None)
    assert dialog.lines.item(0, 3).text()  # the catalog price, ready to override
    dialog.lines.item(0, 2).setText("2")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    with app.db.read() as s:
        contract = s.query(Contract).filter_by(client_id=client_id).one()
        assert [line.quantity for line in contract.lines] == [Decimal(2)]
        assert contract.language == "en"


def test_draft_editor_and_report_dialog_open_once_read(
    billed: dict[str, int], app: App, window: Any, qtbot: Any
) -> None:
    from msp_console.ui.billing.dialogs import EditDraftDialog
    from msp_console.ui.billing.report_dialog import ReportDialog

    today = date.today()
    run_month(app.db, today.year, today.month)
    panel = _panel(window, qtbot)
    _select(panel, qtbot, lambda r: r.client.startswith("Alfa") and r.status == "draft")
    panel.view.selectRow(0)
    with qtbot.waitSignal(panel.dialog_opened, timeout=10_000) as opened:
        panel.edit_draft()  # the draft's lines are read off the GUI thread
    draft = opened.args[0]
    assert isinstance(draft, EditDraftDialog) and draft.isVisible()
    assert draft.detail.client.startswith("Alfa") and draft.table.rowCount() == len(draft.detail.lines) > 0
    draft.reject()
    with qtbot.waitSignal(panel.dialog_opened, timeout=10_000) as opened:
        panel.service_report("Beta Servizi S.n.c.")  # the client names are read off the GUI thread
    report = opened.args[0]
    assert isinstance(report, ReportDialog) and report.isVisible()
    names = [report.client.itemText(i) for i in range(report.client.count())]
    assert set(billed) <= set(names) and report.client.currentText() == "Beta Servizi S.n.c."
    report.reject()


@pytest.fixture
def drafts(app: App, billed: dict[str, int]) -> None:
    """This month's drafts, created before the window opens."""
    today = date.today()
    run_month(app.db, today.year, today.month)


def test_first_switch_shows_the_month_read_at_start(drafts: None, window: Any) -> None:
    """The month's drafts are on show the moment the tab is first opened: they were read at start,
    in the background, like the other task tabs' lists; opening the tab reads nothing."""
    from msp_console.ui import worker

    feature = feature_of(window)
    feature.bring()
    assert not worker._in_flight
    assert len(feature.panel.model.rows) == 4
    assert {r.status for r in feature.panel.model.rows} == {"draft"}


def test_first_switch_reads_again_a_list_read_long_ago(
    app: App, window: Any, billed: dict[str, int], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drafts created elsewhere (the CLI, another console) after the start's read show up when the
    tab is first opened, once that read is older than a minute."""
    from msp_console.ui.billing import feature as billing_feature

    feature = feature_of(window)
    assert feature.panel.model.rows == []  # read at start: nothing to invoice yet
    today = date.today()
    run_month(app.db, today.year, today.month)
    monkeypatch.setattr(billing_feature, "STALE_S", 0.0)
    with qtbot.waitSignal(feature.panel.reloaded, timeout=10_000):
        feature.bring()
    assert len(feature.panel.model.rows) == 4
