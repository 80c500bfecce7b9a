"""The first-run wizard: embedded SQLite; a team PostgreSQL with a wrong password (clear error), then
the right one; the password ends up in the keyring, never in a file; shown once only."""

from __future__ import annotations

import argparse
import json

import pytest
from sqlalchemy import create_engine, inspect

from msp_console import database_choice, secrets
from msp_console.preferences import load_preferences
from msp_console.services.billing.company import load_profile
from msp_console.services.database import Database
from msp_console.settings import data_dir, default_database_path, resolve_database_url
from msp_console.ui.first_run import first_run_needed, mark_done
from msp_console.ui.first_run.wizard import FirstRunWizard
from msp_console.ui.worker import wait_for_background
from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.ui


def _wizard(qtbot) -> FirstRunWizard:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next_page(qtbot, wizard: FirstRunWizard) -> None:  # type: ignore[no-untyped-def]
    start = wizard.currentId()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != start, timeout=20_000)


def _fill_company_and_finish(qtbot, wizard: FirstRunWizard, name: str) -> None:  # type: ignore[no-untyped-def]
    page = wizard.company_page
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)  # the stored profile is read off the GUI thread
    assert not page.error.text() and page.form.isEnabled()
    form = page.form
    form.edits["vat_number"].setText("123")  # type: ignore[union-attr]
    assert form.errors["vat_number"].isVisibleTo(form)
    assert not wizard.company_page.isComplete()
    form.edits["vat_number"].setText("")  # type: ignore[union-attr]
    form.edits["name"].setText(name)  # type: ignore[union-attr]
    form.edits["city"].setText("Como")  # type: ignore[union-attr]
    assert wizard.company_page.isComplete()
    _next_page(qtbot, wizard)  # Next writes the profile on the worker thread, then goes on
    assert wizard.currentPage() is wizard.technician_page
    wizard.technician_page.name.setText("Marco Bianchi")
    wizard.accept()
    assert wizard.result() == FirstRunWizard.DialogCode.Accepted


def test_embedded_database_path(qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot)
    assert wizard.database_page.embedded.isChecked()
    _next_page(qtbot, wizard)  # opens and upgrades the embedded file
    assert default_database_path().is_file()
    _fill_company_and_finish(qtbot, wizard, "Rossi Informatica S.r.l.")
    wait_for_background()
    db = Database(resolve_database_url())
    with db.read() as session:
        profile = load_profile(session)
        assert (profile.name, profile.city) == ("Rossi Informatica S.r.l.", "Como")
    db.dispose()
    assert load_preferences().technician == "Marco Bianchi"
    assert database_choice.load_choice() == database_choice.DatabaseChoice("sqlite")


def test_team_database_wrong_password_then_right(qtbot, postgres_server: PostgresServer, os_keyring) -> None:  # type: ignore[no-untyped-def]
    good_url = postgres_server.create_database("msp_wizard")
    wizard = _wizard(qtbot)
    page = wizard.database_page
    page.team.click()
    assert page.team.isChecked()
    page.url.setText(good_url.replace(f":{postgres_server.password}@", "@"))
    page.password.setText("wrong-password")
    page.test_button.click()
    qtbot.waitUntil(lambda: "refused" in page.status.text() or "failed" in page.status.text(), timeout=20_000)
    text = page.status.text()
    assert f'password authentication failed for user "{postgres_server.user}"' in text
    assert "Check the user name and password" in text
    wizard.next()  # Next with the wrong password is refused with the same error
    qtbot.waitUntil(lambda: not page._busy, timeout=20_000)
    assert wizard.currentPage() is page and "password authentication failed" in page.status.text()

    page.password.setText(postgres_server.password)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.status.text() == "Connection works.", timeout=20_000)
    _next_page(qtbot, wizard)  # connects, upgrades the schema, remembers the choice
    engine = create_engine(good_url)
    assert "alembic_version" in inspect(engine).get_table_names()
    engine.dispose()
    _fill_company_and_finish(qtbot, wizard, "Team MSP S.p.A.")
    wait_for_background()

    stored = json.loads((data_dir() / "database.json").read_text())
    assert stored["kind"] == "postgresql" and postgres_server.password not in json.dumps(stored)
    assert secrets.get_secret(database_choice.PASSWORD_REF) == postgres_server.password
    for path in data_dir().rglob("*"):
        if path.is_file() and path.suffix in {".json", ".ini"}:
            assert postgres_server.password not in path.read_text(errors="replace"), path
    url = resolve_database_url()  # the console now opens the team database, password from the keyring
    assert url.startswith("postgresql") and postgres_server.password in url
    db = Database(url)
    with db.read() as session:
        assert load_profile(session).name == "Team MSP S.p.A."
    db.dispose()


def test_shown_at_the_first_start_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSP_CONSOLE_NO_WIZARD", "0")
    plain = argparse.Namespace(demo=False, database=None)
    assert first_run_needed(plain)
    assert not first_run_needed(argparse.Namespace(demo=True, database=None))
    monkeypatch.setenv("MSP_CONSOLE_NO_WIZARD", "1")
    assert not first_run_needed(plain)
    monkeypatch.setenv("MSP_CONSOLE_NO_WIZARD", "0")
    mark_done()
    assert not first_run_needed(plain)


def test_under_an_italian_locale_the_wizard_speaks_italian(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A fresh start on an Italian desktop (LANG=it_IT.UTF-8, no --language, no setting)."""
    import importlib.util
    import os
    import subprocess
    import sys
    from pathlib import Path

    top = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location("_i18n_build", top / "packaging/i18n/build_translations.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.build()  # resources/translations/*.qm, as setup.sh does (not committed)
    script = (
        "import sys\n"
        "from msp_console.ui import launch\n"
        "qapp = launch._qapplication(sys.argv[:1])\n"
        "launch._install_language(qapp, None)\n"
        "from msp_console.ui.first_run.wizard import FirstRunWizard\n"
        "w = FirstRunWizard(); w.show(); qapp.processEvents()\n"
        "print(w.windowTitle()); print(w.currentPage().title())\n"
        "print(w.button(w.WizardButton.CancelButton).text())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANGUAGE"))}
    env.update(LANG="it_IT.UTF-8", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    assert out[:3] == ["Benvenuto in MSP Console", "Dove tenere i dati", "Annulla"], out


def test_first_start_shows_the_wizard_then_the_window_and_never_again(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from msp_console.preferences import ENV_USER
    from msp_console.ui.main_window import MainWindow
    from tests.ui.first_run.driving import run_gui_driven

    monkeypatch.setenv("MSP_CONSOLE_NO_WIZARD", "0")
    monkeypatch.setenv(ENV_USER, "someone")  # run_gui hands the technician on through the environment
    seen: list[str] = []

    def drive() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, FirstRunWizard) and w.isVisible():
                page = w.currentPage()
                seen.append(type(page).__name__)
                if page is w.company_page:
                    w.company_page.form.edits["name"].setText("Rossi Informatica S.r.l.")  # type: ignore[union-attr]
                if page is w.technician_page:
                    w.accept()
                else:
                    w.next()
                return
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append("MainWindow")
                w.close()
                return

    args = run_gui_driven(drive)
    assert seen[-1] == "MainWindow" and {"DatabasePage", "CompanyPage", "TechnicianPage"} <= set(seen)
    assert not first_run_needed(args)
