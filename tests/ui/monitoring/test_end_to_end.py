"""End to end: the window's own background engine polls a real sshd in a network namespace; the
machine's disk fills up; the tree turns red and exactly one notification is raised. Closing the
window leaves no monitoring thread behind."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from msp_console.app import App
from msp_console.db.models import Check
from msp_console.monitoring.checks import CheckContext, SshPolicy, run_check
from msp_console.monitoring.hostkeys import HostKeyStore
from msp_console.monitoring.live import add_check_by_id
from msp_console.monitoring.model import CheckOutcome, CheckSpec
from msp_console.monitoring.params import clean_check
from msp_console.ui.models.client_tree import Column
from tests.support.components import need_binary
from tests.support.netns import NetLab
from tests.support.sshd import TEST_USER, SshServer, client_key, start_sshd
from tests.support.threads import threads_left

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def lab() -> Iterator[tuple[SshServer, Path]]:
    """One client machine: a namespace on its own bridge and /24 (10.200.10.0/24: the remote-session
    suite keeps 10.200.9.0/24 for the whole session) with sshd on port 22."""
    need_binary("/usr/sbin/sshd", "openssh-server")
    need_binary("ip", "iproute2")
    base = Path(tempfile.mkdtemp(prefix="msp-gui-e2e-"))
    base.chmod(0o755)
    net = NetLab(bridge="br-mspgui", prefix="10.200.10").up(1, tag="mspgui")
    server: SshServer | None = None
    try:
        key = client_key(base / "client")
        ns = net.namespaces[0]
        server = start_sshd(base / ns.name, host=ns.address, port=22, netns=ns.name)
        yield server, key
    finally:
        if server is not None:
            server.stop()
        net.down("mspgui")
        shutil.rmtree(base, ignore_errors=True)


def test_disk_fills_machine_turns_red_one_notification(qtbot, tmp_path, monkeypatch, lab) -> None:  # type: ignore[no-untyped-def]
    from msp_console.ui.main_window import MainWindow
    from msp_console.ui.worker import wait_for_background

    server, key = lab
    monkeypatch.setenv("MSP_CONSOLE_MONITOR_NEW_MACHINES", "0")  # just the check under test
    app = App.open(f"sqlite:///{tmp_path / 'e2e.sqlite3'}")
    client = app.inventory.save_client({"name": "Laboratorio"})
    machine = app.inventory.save_machine(
        client, {"name": "srv-lab", "kind": "server", "os": "linux", "address": server.host}
    )
    fields = clean_check("ssh", "system", {"port": "22", "updates": "no"}, "load=10000", "load=10000")
    check_id = add_check_by_id(app.db, machine, fields)
    with app.db.transaction() as s:  # fast rounds, hard at the first result
        s.execute(
            update(Check).where(Check.id == check_id).values(interval_s=2, retry_interval_s=2, max_attempts=1)
        )
    HostKeyStore(app.db).trust(server.host, 22, server.fingerprint, "ssh-ed25519")
    ctx = CheckContext(
        hostkeys=HostKeyStore(app.db), ssh=SshPolicy(user=TEST_USER, key_file=str(key), use_agent=False)
    )

    def runner(spec: CheckSpec) -> CheckOutcome:
        return run_check(spec, ctx)

    before = set(threading.enumerate())
    win = MainWindow(app)  # a real window: it starts its engine after the first paint
    qtbot.addWidget(win)
    feature = win.monitoring
    feature.controller.host.runner = runner  # the real checks, with the lab's login
    win.show()
    with qtbot.waitSignal(win.tree_loaded, timeout=10_000):
        win.reload()
    state = win.model.index_for("machine", machine, Column.STATE)
    try:
        qtbot.waitUntil(lambda: state.data() == "OK", timeout=60_000)
    except Exception as exc:  # say what the window saw
        rows = list(feature.controller.rows.values())
        raise AssertionError(f"{win.polling_label.text()}: {[(r.state, r.output) for r in rows]}") from exc
    assert feature.notifier.shown == []  # a first OK is no news
    enter = ["nsenter", "-t", str(server.pid), "-m"]
    subprocess.run([*enter, "mkdir", "-p", "/mnt/mspfull"], check=True)
    subprocess.run([*enter, "mount", "-t", "tmpfs", "-o", "size=10m", "msp-full", "/mnt/mspfull"], check=True)
    try:
        subprocess.run([*enter, "dd", "if=/dev/zero", "of=/mnt/mspfull/fill", "bs=1M"], capture_output=True)
        qtbot.waitUntil(lambda: state.data() == "Critical", timeout=60_000)
        client_state = win.model.index_for("client", client, Column.STATE)
        assert client_state.data() == "1 critical"
        tip = win.model.index_for("machine", machine).data(Qt.ItemDataRole.ToolTipRole)
        assert "/mnt/mspfull 100% full" in tip
        runs = feature.controller.host.poller.writer.written  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: feature.controller.host.poller.writer.written >= runs + 2, timeout=20_000)  # type: ignore[union-attr]
        assert len(feature.notifier.shown) == 1  # still critical: one notification, not one per poll
        title, body = feature.notifier.shown[0]
        assert "srv-lab" in title and "Critical" in title and "/mnt/mspfull" in body
        assert "1 critical" in win.windowTitle()
        assert "polling running" in win.polling_label.text() or "checks/min" in win.polling_label.text()
    finally:
        subprocess.run([*enter, "umount", "/mnt/mspfull"], check=False)
        win.close()  # the shutdown hook stops the engine
        wait_for_background()
        app.close()
    assert threads_left(before) == []
