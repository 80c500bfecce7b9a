"""A real CalDAV server for the tests: Radicale on 127.0.0.1, files in a temp dir, stopped by PID."""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.components import free_port, missing

USER = "msptech"
PASSWORD = "Radicale-Test-123"


@dataclass
class RadicaleServer:
    url: str
    user: str
    password: str
    process: subprocess.Popen[bytes]
    root: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_radicale(root: Path) -> RadicaleServer:
    if importlib.util.find_spec("radicale") is None:
        missing("Radicale", "pip install the dev extra (radicale)")
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (root / "users").write_text(f"{USER}:{PASSWORD}\n")
    (root / "config").write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        f"[auth]\ntype = htpasswd\nhtpasswd_filename = {root / 'users'}\nhtpasswd_encryption = plain\n"
        f"[storage]\nfilesystem_folder = {root / 'collections'}\n"
        "[rights]\ntype = owner_only\n[web]\ntype = none\n[logging]\nlevel = warning\n"
    )
    log = (root / "radicale.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(root / "config")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"radicale exited: {(root / 'radicale.log').read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        raise RuntimeError("radicale did not start listening within 15 s")
    return RadicaleServer(f"http://127.0.0.1:{port}/", USER, PASSWORD, proc, root)
