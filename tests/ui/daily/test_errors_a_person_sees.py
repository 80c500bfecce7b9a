"""Errors a person sees: a failed action that needs a decision opens a window saying what happened
and offering the buttons that fix it — not a status-bar line that vanishes — and the window never
tells the technician to type an `msp-console` command."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from msp_console.remote.profiles import ProfileSpec, Protocol
from msp_console.remote.store import ProfileStore
from tests.ui.daily.rows import machine_id

TOP = Path(__file__).resolve().parents[3]


def _buttons(box: QMessageBox) -> dict[str, QPushButton]:
    return {b.objectName(): b for b in box.findChildren(QPushButton) if b.objectName()}


def test_a_session_that_cannot_start_says_why_and_offers_the_fix(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.remote.profile_dialog import ProfileDialog

    mid = machine_id(demo_window, "dep-pc")
    ProfileStore(demo_window.app.db).add(
        mid,
        ProfileSpec(
            "vnc", Protocol.CUSTOM, options={"template": "no-such-viewer-xyz {host}"}, is_default=True
        ),
    )
    demo_window.tree.select("machine", mid)
    demo_window.findChild(type(demo_window.commands.refresh), "connectMachine").trigger()  # Ctrl+Return
    qtbot.waitUntil(
        lambda: (
            getattr(demo_window, "connect_failed_box", None) is not None
            and demo_window.connect_failed_box.isVisible()
        ),
        timeout=15_000,
    )
    box = demo_window.connect_failed_box
    assert "no-such-viewer-xyz" in box.informativeText()  # what happened…
    assert "try again" in box.informativeText().lower()  # …and what to do, as buttons
    buttons = _buttons(box)
    assert {"connectRetry", "connectNewProfile"} <= set(buttons)
    assert "msp-console" not in box.text() + box.informativeText()
    assert "Could not connect" not in demo_window.statusBar().currentMessage()  # not only a status line
    buttons["connectNewProfile"].click()
    qtbot.waitUntil(
        lambda: any(isinstance(w, ProfileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=15_000,
    )
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ProfileDialog):
            assert w.machine_id == mid
            w.reject()


def test_connect_is_offered_only_with_a_machine_selected(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    action = demo_window.findChild(type(demo_window.commands.refresh), "connectMachine")
    demo_window.tree.select("client", demo_window.model.snapshot.clients[0].id)
    assert not action.isEnabled()  # instead of "Select a machine in the tree first." in the status bar
    demo_window.tree.select("machine", machine_id(demo_window, "dep-pc"))
    assert action.isEnabled()


def test_check_now_while_paused_offers_to_resume(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    feature = demo_window.monitoring
    feature.pause.setChecked(True)
    demo_window.tree.select("machine", machine_id(demo_window, "srv-01"))
    feature.check_now.trigger()
    box = feature.actions.resume_box
    assert box.isVisible() and "resume" in box.text()
    resume = next(b for b in box.buttons() if "Resume" in b.text())
    resume.click()
    assert not feature.pause.isChecked()  # the button resumed polling


def test_an_invoice_refused_for_the_company_profile_opens_it(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    from msp_console.domain.errors import FieldError
    from msp_console.services.billing.company import supplier_problems
    from msp_console.ui.billing.company_form import CompanyProfileDialog
    from msp_console.ui.billing.dialogs import show_field_errors
    from msp_console.ui.billing.panel import BillingPanel

    panel = demo_window.findChild(BillingPanel)
    problems: list[FieldError] = supplier_problems({"name": "Rossi Informatica", "country": "IT"})
    assert problems and all("msp-console" not in e.message for e in problems)
    box = show_field_errors(panel, "Cannot issue", "Fix these first:", problems, panel.open_company_profile)
    qtbot.addWidget(box)
    _buttons(box)["openCompanyProfile"].click()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, CompanyProfileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=15_000,
    )
    for w in QApplication.topLevelWidgets():
        if isinstance(w, CompanyProfileDialog):
            w.reject()


def test_no_window_text_tells_to_run_a_command(demo_window) -> None:  # type: ignore[no-untyped-def]
    """Neither a translatable string of the window nor a message the lower layers hand to it."""
    ts = (TOP / "resources/translations/msp_console_it.ts").read_text(encoding="utf-8")
    sources = re.findall(r"<source>(.*?)</source>", ts, re.S)
    assert sources and not [s for s in sources if "msp-console" in s]
    from msp_console.monitoring.hostkeys import Verdict, Verification
    from msp_console.remote.credentials import CredentialError

    for verdict in (Verdict.CHANGED, Verdict.UNKNOWN):
        assert "msp-console" not in Verification(verdict, "SHA256:new", "SHA256:old").message("srv", 22)
    from msp_console.remote.credentials import resolve
    from msp_console.remote.profiles import CredentialMode

    store = ProfileStore(demo_window.app.db)
    mid = machine_id(demo_window, "srv-01")
    store.add(mid, ProfileSpec("rdp-pw", Protocol.RDP, user="admin", credential_mode=CredentialMode.PROFILE))
    try:
        resolve(store, store.machine(mid), store.get(mid, "rdp-pw"), get_secret=lambda _ref: None)
    except CredentialError as exc:  # what the connect window shows; the CLI adds the command
        assert "no password stored" in str(exc) and "msp-console" not in str(exc)
        assert exc.command.startswith("msp-console secrets set")
    else:
        raise AssertionError("a missing password must be refused")
