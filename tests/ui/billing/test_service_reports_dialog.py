"""Billing tab → "Service reports…": preview one client's report, a clear refusal when there is
nothing to report, and every client's report saved at once — all read and written off the GUI thread."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from msp_console.app import App
from msp_console.db.models import Check, Machine, StateEvent
from msp_console.ui.billing.feature import feature_of
from msp_console.ui.billing.report_dialog import ReportDialog

pytestmark = pytest.mark.ui


def _history(app: App, client_id: int) -> None:
    """Alfa's server has been pinged OK since last month (Beta has no machines)."""
    since = datetime.now(UTC) - timedelta(days=40)
    with app.db.transaction() as s:
        m = Machine(client_id=client_id, name="srv-alfa", kind="server", created_at=since)
        s.add(m)
        s.flush()
        c = Check(machine_id=m.id, type="ping", name="ping", created_at=since)
        s.add(c)
        s.flush()
        s.add(
            StateEvent(
                check_id=c.id, at=since, kind="hard_change", state="OK", hard_state="OK", state_type="hard",
                previous_state="PENDING", previous_hard_state="PENDING", attempt=1,
            )
        )  # fmt: skip


def test_preview_refusal_and_save_all(
    billed: dict[str, int], app: App, window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(app, billed["Alfa Ricambi S.r.l."])
    panel = feature_of(window).panel
    feature_of(window).bring()
    with qtbot.waitSignal(panel.dialog_opened, timeout=10_000) as opened:
        panel.service_report("Beta Servizi S.n.c.")
    dialog = opened.args[0]
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    dialog.preview_button.click()  # Beta has no machines: said in the dialog, no preview
    qtbot.waitUntil(
        lambda: "no machines" in dialog.status.text() or "nessuna" in dialog.status.text(), timeout=10_000
    )
    assert dialog.preview_button.isEnabled()

    dialog.client.setCurrentText("Alfa Ricambi S.r.l.")
    with qtbot.waitSignal(panel.dialog_opened, timeout=20_000) as shown:
        dialog.preview_button.click()
    preview = shown.args[0]
    assert preview.objectName() == "serviceReportPreviewDialog" and preview.isVisible()
    assert "Alfa Ricambi" in preview.windowTitle()
    preview.reject()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    with qtbot.waitSignal(panel.work_done, timeout=30_000) as finished:
        dialog.save_button.click()
    today = date.today()
    assert [p.name for p in tmp_path.glob("*.pdf")] == [f"Rapporto_Alfa_Ricambi_S_r_l_{today:%Y-%m}.pdf"]
    assert "Beta Servizi" in finished.args[0]  # named among the clients without a report
