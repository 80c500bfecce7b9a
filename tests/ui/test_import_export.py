"""File → Import previews a CSV off the GUI thread, lists bad lines, and imports on confirm."""

from __future__ import annotations

from pathlib import Path

import pytest

from msp_console.ui.main_window import MainWindow

pytestmark = pytest.mark.ui


def test_preview_lists_every_bad_line_and_refuses_to_import(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "machines.csv"
    csv.write_text(
        "client;name;kind;address\n"
        "Hotel Bellavista;PC-NEW;workstation;10.0.0.7\n"
        "Hotel Bellavista;PC-BAD;toaster;10.0.0.8\n"
        "Nobody;PC-X;server;300.1.1.1\n",
        encoding="utf-8",
    )
    dialog = window.import_csv("machines", csv)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled() and "problem" in dialog.summary.text())
    lines = dialog.details.toPlainText().splitlines()
    assert lines[0].startswith("line 3, column kind: “toaster” is not one of: workstation, laptop")
    assert any(line.startswith("line 4, column address: “300.1.1.1” is not an IP address") for line in lines)
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_preview_then_import_puts_machines_in_the_tree(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "machines.csv"
    csv.write_text(
        "client,site,name,kind,address,os,parent,tags,notes\n"
        "Hotel Bellavista,Annex,AP-ANNEX,switch,127.0.10.40,other,FW-01,wifi,\n"
        "Hotel Bellavista,,SRV-01,server,127.0.10.2,linux,FW-01,backup,now with notes\n",
        encoding="utf-8",
    )
    dialog = window.import_csv("machines", csv)
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert "1 to create, 1 to update" in dialog.summary.text()
    assert "+ Hotel Bellavista/AP-ANNEX" in dialog.details.toPlainText()
    assert "~ Hotel Bellavista/SRV-01: notes" in dialog.details.toPlainText()
    assert "AP-ANNEX" not in window.tree.visible_machine_names()  # a preview writes nothing
    with qtbot.waitSignal(window.tree_loaded, timeout=10_000):
        dialog.import_button.click()
    assert "AP-ANNEX" in window.tree.visible_machine_names()
    assert "1 created, 1 updated" in window.statusBar().currentMessage()


def test_export_writes_the_file_off_the_gui_thread(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "clients.csv"
    window.export("clients", out)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage())
    text = out.read_text(encoding="utf-8-sig")
    assert "Hotel Bellavista" in text and "Ferramenta Colombo" in text
