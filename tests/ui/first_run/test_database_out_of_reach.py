"""Started from a menu with the team database out of reach: a window says why and what to do."""

from __future__ import annotations

import argparse
import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from msp_console import database_choice as dc
from msp_console.ui import launch

pytestmark = pytest.mark.ui


def _team_database_nobody_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MSP_CONSOLE_DATABASE_URL", raising=False)
    choice = dc.DatabaseChoice("postgresql", "postgresql+psycopg://msp@127.0.0.1:1/console")
    dc.config_path().parent.mkdir(parents=True, exist_ok=True)
    dc.config_path().write_text(json.dumps(choice.__dict__), encoding="utf-8")


def _answer(button_text: str, seen: list[str]) -> None:
    """Clicks a button of the message box as soon as it is up."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    QTimer.singleShot(0, click)


def test_this_pcs_own_database_can_be_opened_this_time(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _team_database_nobody_answers(monkeypatch)
    seen: list[str] = []
    _answer("Open this PC's own database", seen)
    opened = launch.open_or_ask(argparse.Namespace(database=None, demo=False))
    assert opened is not None
    app, window = opened
    qtbot.addWidget(window)
    try:
        assert "could not open its database" in seen[0] and "Nothing answers at 127.0.0.1:1" in seen[0]
        assert app.db.is_sqlite
        assert dc.load_choice() is not None and dc.load_choice().kind == "postgresql"  # only this time
    finally:
        app.close()


def test_quit_leaves_without_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    _team_database_nobody_answers(monkeypatch)
    seen: list[str] = []
    _answer("Quit", seen)
    assert launch.open_or_ask(argparse.Namespace(database=None, demo=False)) is None
    assert len(seen) == 1
