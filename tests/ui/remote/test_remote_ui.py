"""GUI hooks: Connect with… menu, quick connect, profile dialog, sessions panel — with a real process."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from msp_console.app import App
from msp_console.remote.profiles import ProfileSpec, Protocol
from msp_console.remote.store import ProfileStore
from msp_console.ui.remote import (
    ProfileDialog,
    QuickConnect,
    SessionsPanel,
    build_connect_menu,
    controller_for,
    machine_paths,
    resolve_machine,
)

pytestmark = pytest.mark.ui


def test_connect_menu_lists_profiles_and_says_what_is_missing(qtbot, app: App, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    store = ProfileStore(app.db)
    store.add(
        ids["srv"], ProfileSpec("shell", Protocol.CUSTOM, options={"template": "sleep 30"}, is_default=True)
    )
    store.add(ids["srv"], ProfileSpec("remote desktop", Protocol.RDP))
    ctl = controller_for(app)
    ctl.runner._which = lambda name: None  # a desk PC without any RDP client
    menu = build_connect_menu(parent, app, ids["srv"])
    assert menu.actions()[0].text() == "Reading the connection profiles…"
    qtbot.waitUntil(lambda: menu.actions()[0].text().startswith("shell"))  # read off the GUI thread
    texts = [a.text() for a in menu.actions() if a.text()]
    assert (
        texts[0].startswith("shell (Custom command)")  # the protocol in words, not its stored value
        and "default" in texts[0]
        and texts[0]
        and menu.actions()[0].font().bold()
    )
    rdp = next(a for a in menu.actions() if a.text().startswith("remote desktop"))
    assert not rdp.isEnabled() and "not installed" in rdp.text() and "freerdp" in rdp.toolTip().lower()
    assert texts[-1] == "New connection profile…"


def test_quick_connect_resolves_and_sessions_panel_follows_a_real_process(
    qtbot, app: App, ids: dict[str, int]
) -> None:  # type: ignore[no-untyped-def]
    paths = machine_paths(app)
    assert resolve_machine(paths, "hotel bellavista/srv-01") == ids["srv"]
    assert resolve_machine(paths, "bellavista srv") == ids["srv"]
    assert resolve_machine(paths, "bellavista") is None  # ambiguous: several machines
    ProfileStore(app.db).add(
        ids["srv"], ProfileSpec("shell", Protocol.CUSTOM, options={"template": "sleep 30"})
    )
    ctl = controller_for(app)
    panel = SessionsPanel(ctl)
    qtbot.addWidget(panel)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    unknown: list[str] = []
    quick = QuickConnect(edit, ctl.open_session, unknown.append, paths=paths)
    edit.setText("nothing like it")
    quick.submit()
    assert unknown == ["nothing like it"]
    edit.setText("bellavista srv")
    with qtbot.waitSignal(ctl.started, timeout=5000) as started:
        quick.submit()
    session = started.args[0]
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert (
        panel.table.item(0, 0).text() == "Hotel Bellavista/SRV-01"
        and panel.table.item(0, 1).text() == "shell"
    )
    panel.table.selectRow(0)
    assert panel.end_button.isEnabled() and not panel.close_tunnel_button.isEnabled()
    with qtbot.waitSignal(ctl.ended, timeout=5000):
        panel.end_selected()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)
    assert session.exit_code is not None


def test_profile_dialog_refuses_bad_input_and_saves(qtbot, app: App, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMenu

    window = QWidget()
    qtbot.addWidget(window)
    context = QMenu(window)  # the tree's right-click menu, deleted once it closes
    menu = build_connect_menu(context, app, ids["srv"])
    new_profile = next(a for a in menu.actions() if a.text() == "New connection profile…")
    new_profile.trigger()  # the machine and its jump hosts are read off the GUI thread…
    context.deleteLater()  # …while the menu goes away: the dialog opens over the window
    qtbot.waitUntil(lambda: window.findChild(ProfileDialog) is not None, timeout=10_000)
    dialog = window.findChild(ProfileDialog)
    assert dialog.isVisible() and dialog.machine.id == ids["srv"]
    assert dialog.jump.count() > 1 and dialog.jump.findData(ids["srv"]) == -1  # other machines only
    dialog.protocol.setCurrentIndex(dialog.protocol.findText("RDP"))
    dialog.accept()
    assert "name" in dialog.errors.text() and dialog.saved_id is None
    dialog.name.setText("rdp")
    dialog.text_options["resolution"].setText("1280x800")
    dialog.bool_options["fullscreen"].setChecked(True)
    assert not dialog.text_options["key_file"].isEnabled()  # an ssh option, not for rdp
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.accept()  # written on the worker thread
    assert dialog.saved_id is not None
    (p,) = ProfileStore(app.db).list(ids["srv"], with_proposals=False)
    assert p.options == {"resolution": "1280x800", "fullscreen": True} and p.is_default


def test_double_click_on_a_prompt_profile_asks_then_starts(  # type: ignore[no-untyped-def]
    qtbot, app: App, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from msp_console.remote.profiles import CredentialMode
    from msp_console.ui.remote import connect

    parent = QWidget()
    qtbot.addWidget(parent)
    spec = ProfileSpec(
        "shell", Protocol.CUSTOM, credential_mode=CredentialMode.PROMPT, options={"template": "sleep 30"}
    )
    ProfileStore(app.db).add(ids["srv"], spec)
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("", False))
    outcome: list[bool] = []
    connect(parent, app, ids["srv"], on_done=outcome.append)  # the profile is read off the GUI thread
    qtbot.waitUntil(lambda: outcome == [False], timeout=5000)  # cancelled: nothing starts
    assert "SRV-01" in asked[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("typed-pw", True))
    ctl = controller_for(app)
    with qtbot.waitSignal(ctl.started, timeout=5000) as started:
        connect(parent, app, ids["srv"], on_done=outcome.append)
    assert outcome == [False, True]
    session = started.args[0]
    with qtbot.waitSignal(ctl.ended, timeout=5000):
        session.terminate()


def test_machine_menu_connects_the_selected_machine(qtbot, window, app: App, ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    ProfileStore(app.db).add(
        ids["srv"], ProfileSpec("shell", Protocol.CUSTOM, options={"template": "sleep 30"}, is_default=True)
    )
    action = window.findChild(QAction, "connectMachine")
    assert action is not None and action.shortcut().toString() == "Ctrl+Return"
    assert any(action in a.menu().actions() for a in window.menuBar().actions() if a.menu() is not None)
    window.tree.select("client", ids["bellavista"])
    assert not action.isEnabled()  # a client is selected: nothing to connect to
    window.tree.select("machine", ids["srv"])
    ctl = controller_for(app)
    with qtbot.waitSignal(ctl.started, timeout=5000) as started:
        action.trigger()
    session = started.args[0]
    assert session.profile.name == "shell" and session.machine.id == ids["srv"]
    with qtbot.waitSignal(ctl.ended, timeout=5000):
        session.terminate()
