"""The demo is the same data wherever it is opened: the first-run wizard (its window opens on the
demo database, which ``--demo`` opens too), Help → Open the demo, and ``msp-console --demo``."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from msp_console.app import App
from msp_console.cli.common import open_app
from msp_console.db.models import Appointment, Client, Contract, Intervention, Invoice, Machine
from msp_console.services.billing.company import load_profile
from msp_console.services.database import Database
from msp_console.settings import demo_database_path, resolve_database_url


def _counts(db: Database) -> dict[str, object]:
    with db.read() as s:

        def n(model: type) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        issued = s.scalar(  # issued, some already sent to the SdI: every one has its number
            select(func.count()).select_from(Invoice).where(Invoice.number.is_not(None))
        )
        return {
            "clients": n(Client),
            "machines": n(Machine),
            "interventions": n(Intervention),
            "appointments": n(Appointment),
            "contracts": n(Contract),
            "issued invoices": int(issued or 0),
        }


def test_the_wizards_demo_is_the_demo_of_dash_dash_demo(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from msp_console.preferences import ENV_USER
    from msp_console.ui.first_run.wizard import FirstRunWizard
    from msp_console.ui.main_window import MainWindow
    from tests.ui.first_run.driving import run_gui_driven

    monkeypatch.setenv("MSP_CONSOLE_NO_WIZARD", "0")
    monkeypatch.setenv(ENV_USER, "someone")
    opened: list[str] = []

    def drive() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, FirstRunWizard) and w.isVisible():
                page = w.currentPage()
                if page is w.company_page and not page.busy:
                    w.company_page.form.edits["name"].setText("Rossi Informatica S.r.l.")  # type: ignore[union-attr]
                    w.next()
                elif page is w.technician_page and not page._busy:
                    page.demo.setChecked(True)  # the new user ticks "Open the demo"
                    w.accept()
                elif page is w.database_page:
                    w.next()
                return
            if isinstance(w, MainWindow) and w.isVisible():
                opened.append(w.app.db.url)
                w.close()
                return

    run_gui_driven(drive)
    assert opened == [f"sqlite:///{demo_database_path()}"]  # the window showed the demo

    wizard_demo = Database(resolve_database_url(demo=True))
    from_wizard = _counts(wizard_demo)
    wizard_demo.dispose()
    cli = open_app(argparse.Namespace(demo=True, database=f"sqlite:///{tmp_path / 'cli-demo.sqlite3'}"))
    try:
        from_cli = _counts(cli.db)
    finally:
        cli.close()
    assert from_wizard == from_cli
    assert from_wizard["contracts"] == 9 and from_wizard["issued invoices"] == 9, from_wizard
    assert all(from_wizard.values()), from_wizard

    own = Database(resolve_database_url())  # the technician's own database: untouched by the demo
    try:
        assert _counts(own)["clients"] == 0
        with own.read() as s:
            assert load_profile(s).name == "Rossi Informatica S.r.l."
    finally:
        own.dispose()


def test_the_demo_needs_no_feature_imported_first(tmp_path: Path) -> None:
    """A bare process (nothing but the CLI's ``--demo`` path) builds contracts and invoices too."""
    script = (
        "import argparse, sys\n"
        "from msp_console.cli.common import open_app\n"
        f"app = open_app(argparse.Namespace(demo=True, database='sqlite:///{tmp_path / 'bare.sqlite3'}'))\n"
        "from sqlalchemy import func, select\n"
        "from msp_console.db.models import Contract, Invoice\n"
        "with app.db.read() as s:\n"
        "    print(s.scalar(select(func.count()).select_from(Contract)),"
        " s.scalar(select(func.count()).select_from(Invoice)))\n"
        "app.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.split() == ["9", "9"], out.stderr


def test_help_open_the_demo_starts_this_program_on_the_demo() -> None:
    from msp_console.ui.help_dialogs import demo_command

    program, arguments = demo_command()
    assert arguments[-1] == "--demo"
    probe = subprocess.run(
        [program, *arguments[:-1], "--help"], capture_output=True, text=True, timeout=60, check=True
    )
    assert "--demo" in probe.stdout


def test_the_menu_and_the_overview_offer_the_demo_except_on_the_demo(qtbot, window, app: App) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow

    assert window.commands.open_demo.isVisible() and window.overview.demo.isVisibleTo(window)
    assert window.commands.open_demo in window.menuBar().actions()[-1].menu().actions()
    from msp_console.ui.worker import wait_for_background

    demo = open_app(argparse.Namespace(demo=True, database=None))  # the demo database itself
    on_demo = MainWindow(demo, persist=False, defer_features=True)
    try:
        assert not on_demo.commands.open_demo.isVisible() and not on_demo.overview.demo.isVisibleTo(on_demo)
    finally:
        on_demo.close()
        on_demo.deleteLater()
        wait_for_background()
        demo.close()
