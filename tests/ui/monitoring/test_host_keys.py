"""Host keys from the window: trust a new key after seeing its fingerprint; a changed key needs an
explicit, reasoned, logged decision."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from msp_console.domain.health import HealthState
from msp_console.monitoring.hostkeys import HostKeyStore, Verdict, Verification
from msp_console.ui.monitoring.dialogs import HostKeyDialog, host_key_problem

pytestmark = pytest.mark.ui
OLD = "SHA256:" + "A" * 43
NEW = "SHA256:" + "B" * 43


def test_the_engine_s_messages_are_understood() -> None:
    unknown = host_key_problem(Verification(Verdict.UNKNOWN, NEW).message("10.0.0.5", 2222))
    assert unknown is not None and (unknown.host, unknown.port, unknown.fingerprint) == (
        "10.0.0.5",
        2222,
        NEW,
    )
    assert not unknown.changed
    changed = host_key_problem(Verification(Verdict.CHANGED, NEW, OLD).message("srv", 22))
    assert changed is not None and changed.changed and (changed.old, changed.fingerprint) == (OLD, NEW)
    assert host_key_problem("disk 80% full") is None


def test_changed_key_needs_confirmation_and_a_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    problem = host_key_problem(Verification(Verdict.CHANGED, NEW, OLD).message("srv", 22))
    assert problem is not None
    dialog = HostKeyDialog(problem)
    qtbot.addWidget(dialog)
    ok = dialog.box.button(QDialogButtonBox.StandardButton.Ok)
    warning = dialog.findChild(QLabel, "hostKeyWarning")
    assert warning is not None and OLD in warning.text() and NEW in warning.text()  # both, in red
    assert "c62828" in warning.styleSheet()
    assert not ok.isEnabled()
    dialog.confirm.setChecked(True)
    assert not ok.isEnabled()  # a reason is required too
    dialog.reason.setText("server reinstalled, ticket 812")
    assert ok.isEnabled()


def test_trusting_from_the_problems_tab_updates_the_store_and_logs(qtbot, quiet_window, app, caplog) -> None:  # type: ignore[no-untyped-def]
    feature = quiet_window.monitoring
    row = next(iter(feature.controller.rows.values()))
    message = Verification(Verdict.CHANGED, NEW, OLD).message(row.address, 22)
    store = HostKeyStore(app.db)
    store.trust(row.address, 22, OLD)
    bad = replace(row, state=HealthState.CRITICAL, hard_state=HealthState.CRITICAL, output=message)

    def on_open(dialog: HostKeyDialog) -> None:
        def go() -> None:
            dialog.confirm.setChecked(True)
            dialog.reason.setText("reinstalled")
            dialog.accept()

        QTimer.singleShot(0, go)

    feature.actions.dialog_opened.connect(on_open)
    with caplog.at_level(logging.INFO, logger="msp_console.audit.hostkeys"):
        assert feature.actions.host_key(bad)
        qtbot.waitUntil(lambda: any("accepted" in r.getMessage() for r in caplog.records), timeout=15_000)
    record = next(r.getMessage() for r in caplog.records if "accepted" in r.getMessage())
    assert OLD in record and NEW in record and "reinstalled" in record
    assert {k.fingerprint for k in HostKeyStore(app.db).list() if k.trusted_at is not None} == {NEW}
